/**
 * The intake form ("Nowe zgłoszenie"): its values as the screen holds them (rows of persons, a
 * "no PESEL" switch, a chosen existing person), and their validation by the one schema the main
 * process uses (shared/cases.ts `intakeSchema`), so both sides answer with the same Polish messages.
 */
import { z } from 'zod';
import {
  CHILD_WHEREABOUTS,
  DOCUMENT_TYPES,
  intakeSchema,
  RELATIONS,
  REPORT_SOURCES,
} from '../../../shared/cases';
import { ART7_REASONS } from '../../../shared/domain/caseFlow';
import { validatePesel } from '../../../shared/domain/pesel';
import { todayIso } from '../../lib/dates';

const personFormSchema = z.object({
  noPesel: z.boolean(),
  pesel: z.string(),
  documentType: z.enum(DOCUMENT_TYPES).nullable(),
  documentNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string().nullable(),
  sex: z.enum(['F', 'M']).nullable(),
  citizenship: z.string(),
  phone: z.string(),
});

const memberFormSchema = z.object({
  /** Set when the user chose a person already in the office's records ("Użyj tej osoby"). */
  existingPersonId: z.string().nullable(),
  /** How that person is shown while chosen ("Małgorzata Żółć, ur. 17.04.1991, PESEL …1234"). */
  existingLabel: z.string(),
  relation: z.enum(RELATIONS).nullable(),
  inHousehold: z.boolean(),
  childWhereabouts: z.enum(CHILD_WHEREABOUTS).nullable(),
  person: personFormSchema,
});

/** The shape only: what a stored draft must look like to be restored. */
export const intakeValuesSchema = z.object({
  reportedOn: z.string().nullable(),
  source: z.enum(REPORT_SOURCES).nullable(),
  sourceDetails: z.string(),
  report: z.string(),
  urgent: z.boolean(),
  minorParent: z.boolean(),
  reasons: z.array(z.enum(ART7_REASONS)),
  family: z.object({
    kind: z.enum(['single', 'family']),
    street: z.string(),
    postalCode: z.string(),
    city: z.string(),
    rural: z.boolean(),
    farmHectares: z.number().nullable(),
    housing: z.string(),
  }),
  members: z.array(memberFormSchema),
  workerId: z.string().nullable(),
});

export type IntakeFormValues = z.infer<typeof intakeValuesSchema>;
export type MemberFormValues = IntakeFormValues['members'][number];
export type PersonFormValues = MemberFormValues['person'];

export function emptyPerson(): PersonFormValues {
  return {
    noPesel: false,
    pesel: '',
    documentType: null,
    documentNumber: '',
    firstName: '',
    lastName: '',
    birthDate: null,
    sex: null,
    citizenship: 'polskie',
    phone: '',
  };
}

export function emptyMember(relation: MemberFormValues['relation'] = null): MemberFormValues {
  return { existingPersonId: null, existingLabel: '', relation, inHousehold: true, childWhereabouts: null, person: emptyPerson() };
}

export function emptyIntake(): IntakeFormValues {
  return {
    reportedOn: todayIso(),
    source: null,
    sourceDetails: '',
    report: '',
    urgent: false,
    minorParent: false,
    reasons: [],
    family: { kind: 'family', street: '', postalCode: '', city: '', rural: false, farmHectares: null, housing: '' },
    members: [emptyMember('applicant')],
    workerId: null,
  };
}

/** A stored draft back to form values, or null when it does not fit the form (an older version). */
/** A stored intake draft: `{ baseVersion: 0, values }` (useAutosave), or bare values as older versions kept it. */
export function parseIntakeDraft(data: string): IntakeFormValues | null {
  try {
    const raw: unknown = JSON.parse(data);
    const values = typeof raw === 'object' && raw !== null && 'baseVersion' in raw && 'values' in raw ? raw.values : raw;
    const parsed = intakeValuesSchema.safeParse(values);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function personCandidate(person: PersonFormValues): Record<string, unknown> {
  const common = {
    firstName: person.firstName,
    lastName: person.lastName,
    birthDate: person.birthDate ?? '',
    sex: person.sex ?? '',
    citizenship: person.citizenship,
    ...(person.phone.trim() ? { phone: person.phone } : {}),
  };
  return person.noPesel
    ? { ...common, ...(person.documentType ? { documentType: person.documentType } : {}), documentNumber: person.documentNumber }
    : { ...common, pesel: person.pesel };
}

/** What the main process gets: a chosen person by id, a new one with PESEL or with a document. */
export function intakeCandidate(values: IntakeFormValues): unknown {
  return {
    reportedOn: values.reportedOn ?? '',
    source: values.source ?? '',
    sourceDetails: values.sourceDetails,
    report: values.report,
    urgent: values.urgent,
    minorParent: values.minorParent,
    reasons: values.reasons,
    family: {
      ...values.family,
      farmHectares: values.family.rural ? (values.family.farmHectares ?? 0) : 0,
    },
    members: values.members.map((member) => ({
      relation: member.relation ?? '',
      inHousehold: member.inHousehold,
      ...(member.relation === 'child' && member.childWhereabouts ? { childWhereabouts: member.childWhereabouts } : {}),
      ...(member.existingPersonId ? { existingPersonId: member.existingPersonId } : { person: personCandidate(member.person) }),
    })),
    ...(values.workerId ? { workerId: values.workerId } : {}),
  };
}

const pathKey = (path: readonly PropertyKey[]) => path.map(String).join('.');

/**
 * The form's schema: the shape, then the shared intakeSchema on what would be sent. A few empty
 * fields get a message that fits the form (the shared one speaks of the wire format).
 */
export function intakeFormSchema(options: { workerRequired: boolean }) {
  return intakeValuesSchema.superRefine((values, ctx) => {
    const own = new Map<string, string>();
    if (!values.reportedOn) own.set('reportedOn', 'Podaj datę zgłoszenia.');
    values.members.forEach((member, i) => {
      if (member.existingPersonId) return;
      if (!member.person.birthDate) own.set(`members.${i}.person.birthDate`, 'Podaj datę urodzenia.');
      if (member.person.noPesel) {
        if (!member.person.documentType) own.set(`members.${i}.person.documentType`, 'Wybierz rodzaj dokumentu tożsamości.');
        if (!member.person.documentNumber.trim()) own.set(`members.${i}.person.documentNumber`, 'Podaj numer dokumentu tożsamości.');
      }
      if (!member.person.noPesel && member.person.pesel.trim()) {
        // The shared schema cannot know today: a PESEL of a birth date in the future is said here, under the PESEL.
        const check = validatePesel(member.person.pesel, { today: todayIso() });
        if (!check.ok) own.set(`members.${i}.person.pesel`, check.message);
      }
      if (!member.person.noPesel && !member.person.pesel.trim()) {
        own.set(`members.${i}.person.pesel`, 'Wpisz numer PESEL albo zaznacz „Osoba bez numeru PESEL”.');
        // The shared message would point at the document fields, which are hidden in this mode.
        own.set(`members.${i}.person.documentNumber`, '');
      }
    });
    if (options.workerRequired && !values.workerId) own.set('workerId', 'Wybierz pracownika socjalnego, który poprowadzi sprawę.');

    for (const [path, message] of own) {
      if (message) ctx.addIssue({ code: 'custom', path: path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)), message });
    }
    const shared = intakeSchema.safeParse(intakeCandidate(values));
    if (shared.success) return;
    const seen = new Set<string>();
    for (const issue of shared.error.issues) {
      const key = pathKey(issue.path);
      if (own.has(key) || seen.has(key)) continue;
      seen.add(key);
      ctx.addIssue({ code: 'custom', path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)), message: issue.message });
    }
  });
}

/** Field paths the main process may name in a refusal (e.g. 'members.0.person.documentNumber'). */
export function isIntakeField(key: string): boolean {
  return /^(reportedOn|source|sourceDetails|report|reasons|workerId|family\.(street|postalCode|city|farmHectares|housing)|members\.\d+\.(relation|person\.(pesel|documentType|documentNumber|firstName|lastName|birthDate|sex|citizenship|phone)))$/.test(
    key,
  );
}
