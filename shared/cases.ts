/**
 * The case process on the wire (issue 4): input schemas for intake, interviews, analysis and
 * requests for an assistant, and the views the main process answers with.
 */
import { z } from 'zod';
import { art7ReasonsSchema, caseStatusSchema, REFERRAL_TARGETS, type AvailableAction, type CaseStatus } from './domain/caseFlow';
import { MIN_DATE, calendarDate, isoDateSchema, type IsoDate } from './domain/dates';
import { incomeItemSchema, hectaresSchema, type IncomeTestResult } from './domain/income';
import { peselMatches, validatePesel, type Sex } from './domain/pesel';
import { PAGE_SIZE_MAX, pageSchema, pageSizeSchema } from './paging';
import { boundedRecord, nameText, optionalText, phoneSchema, postalCodeSchema, sequenceSchema, text } from './schemas';
import type { SegmentAnswers } from './domain/interviewForm';
import type { Deadline } from './domain/deadlines';
import type { AddressView, CourtOrderView, PlacementView } from './records';

export const REPORT_SOURCES = ['school', 'police', 'court', 'probation_officer', 'health_service', 'family', 'other'] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];
export const REPORT_SOURCE_LABELS: Record<ReportSource, string> = {
  school: 'Szkoła lub przedszkole',
  police: 'Policja',
  court: 'Sąd',
  probation_officer: 'Kurator sądowy',
  health_service: 'Służba zdrowia',
  family: 'Sama rodzina',
  other: 'Inne',
};

export const RELATIONS = ['applicant', 'spouse', 'partner', 'child', 'parent', 'grandparent', 'sibling', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];
export const RELATION_LABELS: Record<Relation, string> = {
  applicant: 'Osoba, której dotyczy zgłoszenie',
  spouse: 'Małżonek / małżonka',
  partner: 'Partner / partnerka',
  child: 'Dziecko',
  parent: 'Rodzic',
  grandparent: 'Dziadek / babcia',
  sibling: 'Rodzeństwo',
  other: 'Inna osoba',
};

export const CHILD_WHEREABOUTS = ['home', 'kinship_foster', 'foster_family', 'institution', 'other'] as const;
export const CHILD_WHEREABOUTS_LABELS: Record<(typeof CHILD_WHEREABOUTS)[number], string> = {
  home: 'W domu rodzinnym',
  kinship_foster: 'Spokrewniona rodzina zastępcza',
  foster_family: 'Rodzina zastępcza lub rodzinny dom dziecka',
  institution: 'Placówka opiekuńczo-wychowawcza',
  other: 'Inne',
};

export const DOCUMENT_TYPES = ['id_card', 'passport', 'residence_card', 'other'] as const;
export const DOCUMENT_TYPE_LABELS: Record<(typeof DOCUMENT_TYPES)[number], string> = {
  id_card: 'Dowód osobisty',
  passport: 'Paszport',
  residence_card: 'Karta pobytu',
  other: 'Inny dokument',
};

/** A person: PESEL (checked against birth date and sex) or, without PESEL, a document. */
export const personInputSchema = z
  .object({
    pesel: z.string().trim().max(11, { error: 'PESEL ma 11 cyfr.' }).optional().or(z.literal('')),
    documentType: z.enum(DOCUMENT_TYPES).optional(),
    documentNumber: z.string().trim().max(40, { error: 'Numer dokumentu: najwyżej 40 znaków.' }).optional(),
    firstName: nameText('Imię'),
    lastName: nameText('Nazwisko'),
    // Any calendar day here: a year past 2100 is the PESEL's fault and is said under it (the case service).
    birthDate: calendarDate(),
    sex: z.enum(['F', 'M'], { error: 'Wybierz płeć.' }),
    citizenship: text('Obywatelstwo', 60).default('polskie'),
    phone: phoneSchema.optional(),
  })
  .superRefine((person, ctx) => {
    if (person.birthDate < MIN_DATE) ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'Data musi mieścić się w latach 1900–2100.' });
    if (person.pesel) {
      const check = validatePesel(person.pesel);
      if (!check.ok) {
        ctx.addIssue({ code: 'custom', path: ['pesel'], message: check.message });
        return;
      }
      const match = peselMatches(person.pesel, person.birthDate, person.sex as Sex);
      if (!match.ok) ctx.addIssue({ code: 'custom', path: ['pesel'], message: match.message });
    } else if (!person.documentType || !person.documentNumber) {
      ctx.addIssue({ code: 'custom', path: ['documentNumber'], message: 'Bez numeru PESEL podaj rodzaj i numer dokumentu tożsamości.' });
    }
  });
export type PersonInput = z.input<typeof personInputSchema>;

export const memberInputSchema = z
  .object({
    existingPersonId: z.uuid().optional(),
    person: personInputSchema.optional(),
    relation: z.enum(RELATIONS, { error: 'Wybierz pokrewieństwo.' }),
    inHousehold: z.boolean(),
    childWhereabouts: z.enum(CHILD_WHEREABOUTS).optional(),
  })
  .refine((m) => Boolean(m.existingPersonId) !== Boolean(m.person), { error: 'Wybierz istniejącą osobę albo wpisz dane nowej.' });

export const familyInputSchema = z.object({
  kind: z.enum(['single', 'family']),
  street: text('Ulica i numer', 200),
  postalCode: postalCodeSchema,
  city: text('Miejscowość', 100),
  rural: z.boolean(),
  farmHectares: hectaresSchema.default(0),
  housing: optionalText('Warunki mieszkaniowe', 2000).default(''),
});

export const intakeSchema = z.object({
  reportedOn: isoDateSchema,
  source: z.enum(REPORT_SOURCES, { error: 'Wybierz, od kogo pochodzi informacja.' }),
  sourceDetails: optionalText('Szczegóły źródła', 300).default(''),
  report: text('Treść zgłoszenia', 8000),
  urgent: z.boolean(),
  minorParent: z.boolean().default(false),
  reasons: art7ReasonsSchema.default([]),
  family: familyInputSchema,
  members: z.array(memberInputSchema).min(1, { error: 'Dodaj co najmniej jedną osobę.' }).max(30, { error: 'Najwyżej 30 osób w rodzinie.' }),
  /** The kierownik may give the case to a worker; a worker takes it herself. */
  workerId: z.uuid().optional(),
  /** A member already has an open case: the user confirmed a second one (otherwise the report goes to that case). */
  secondCase: z.boolean().default(false),
});
export type IntakeInput = z.input<typeof intakeSchema>;

export const duplicateQuerySchema = z.object({
  pesel: z.string().trim().max(11).optional(),
  firstName: z.string().trim().max(100).optional(),
  lastName: z.string().trim().max(100).optional(),
  birthDate: isoDateSchema.optional(),
});

/**
 * The oświadczenie o stanie majątkowym taken with the wywiad (the template annexed to the 2021
 * regulation, docs/domain.md): who declares, the day she signs, what the household owns, in her words.
 */
export const assetStatementSchema = z.object({
  /** The member of the family who makes the statement. */
  declarantId: z.uuid({ error: 'Wybierz osobę, która składa oświadczenie.' }).nullable(),
  signedOn: isoDateSchema.nullable(),
  dwelling: optionalText('Mieszkanie lub dom', 2000),
  farm: optionalText('Gospodarstwo rolne', 2000),
  otherRealEstate: optionalText('Inne nieruchomości', 2000),
  vehicles: optionalText('Pojazdy i maszyny', 2000),
  savings: optionalText('Zasoby pieniężne', 2000),
  other: optionalText('Inne informacje o stanie majątkowym', 2000),
});
export type AssetStatement = z.output<typeof assetStatementSchema>;

export const interviewSaveSchema = z.object({
  id: z.uuid(),
  /** The version the user started editing: a newer one in the database is a conflict, never overwritten. */
  expectedVersion: sequenceSchema(),
  conductedOn: isoDateSchema.nullable(),
  place: optionalText('Miejsce wywiadu', 300),
  segments: boundedRecord(
    z.string().max(10),
    boundedRecord(z.string().max(60), z.string().max(20_000, { error: 'Pole wywiadu: najwyżej 20 000 znaków.' }), 30, 'Za dużo pól w części wywiadu.'),
    30,
    'Za dużo części wywiadu.',
  ),
  documents: boundedRecord(
    z.uuid(),
    boundedRecord(z.string().max(40), z.enum(['received', 'missing', 'not_applicable']), 50, 'Za dużo dokumentów jednej osoby.'),
    100,
    'Za dużo osób na liście dokumentów.',
  ),
  income: z.object({
    items: z.array(incomeItemSchema).max(200),
    farmHectares: hectaresSchema.optional(),
  }),
  /** null: no oświadczenie o stanie majątkowym taken (yet). */
  assets: assetStatementSchema.nullable().default(null),
});

export const analysisSaveSchema = z.object({
  caseId: z.uuid(),
  reasons: art7ReasonsSchema,
  strengths: optionalText('Mocne strony', 8000),
  resources: optionalText('Zasoby', 8000),
  conclusions: optionalText('Wnioski', 8000),
  consentOn: isoDateSchema.nullable(),
  /** Who consented and when, as recorded (art. 8 u.w.r.); a member with no date did not consent. */
  consentPersons: z
    .array(z.object({ personId: z.uuid(), givenOn: z.union([isoDateSchema, z.literal('')]).nullable() }))
    .max(30)
    .default([])
    .transform((entries) => entries.flatMap((entry) => (entry.givenOn ? [{ personId: entry.personId, givenOn: entry.givenOn }] : []))),
  earlierHelp: optionalText('Dotychczasowa pomoc i instytucje zaangażowane', 8000).default(''),
  childrenLegal: optionalText('Sytuacja prawna dzieci', 8000).default(''),
});

export const decisionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('assign'), assistantId: z.uuid({ error: 'Wybierz asystenta rodziny.' }) }),
  z.object({ kind: z.literal('refer'), target: z.enum(REFERRAL_TARGETS), organisation: text('Nazwa podmiotu', 300) }),
  z.object({ kind: z.literal('return'), reason: text('Uzasadnienie zwrotu', 4000) }),
]);

export const EVENT_KINDS = ['visit', 'contact', 'note'] as const;
export const EVENT_KIND_LABELS: Record<string, string> = {
  visit: 'Wizyta',
  contact: 'Kontakt',
  note: 'Notatka',
  intake: 'Zgłoszenie',
  interview: 'Wywiad środowiskowy',
  analysis: 'Analiza sytuacji rodziny',
  request: 'Wniosek o asystenta',
  decision: 'Decyzja kierownika',
  status: 'Zmiana stanu sprawy',
  contract: 'Kontrakt socjalny',
  plan: 'Plan pracy z rodziną',
  assessment: 'Okresowa ocena',
  closure: 'Zakończenie pracy z rodziną',
  court: 'Sąd',
  family: 'Zmiana w rodzinie',
};

export const noteSchema = z.object({
  caseId: z.uuid(),
  occurredOn: isoDateSchema,
  kind: z.enum(EVENT_KINDS),
  title: text('Tytuł', 200),
  body: optionalText('Opis', 8000),
  significant: z.boolean(),
});

// ---- views -------------------------------------------------------------------------------

export interface PersonView {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: IsoDate;
  sex: Sex;
  /** Full for those who may see the case; masked in duplicate hints. */
  pesel: string | null;
  documentType: string | null;
  documentNumber: string | null;
  citizenship: string;
  phone: string | null;
}

export interface MemberView {
  id: string;
  person: PersonView;
  relation: string;
  inHousehold: boolean;
  childWhereabouts: string | null;
  /** Joined the family after the report (a newborn, a new partner); null: from the start. */
  memberFrom: IsoDate | null;
  /** Moved out on this day; null: still in the family. */
  memberTo: IsoDate | null;
  /** Stays away from home (foster care, an institution), oldest first. */
  placements: PlacementView[];
}

export interface FamilyView {
  id: string;
  kind: 'single' | 'family';
  street: string;
  postalCode: string;
  city: string;
  rural: boolean;
  farmHectares: number;
  housing: string;
  members: MemberView[];
  /** Addresses through time, the current one last. */
  addresses: AddressView[];
}

export interface CaseSummary {
  id: string;
  number: string;
  status: CaseStatus;
  familyName: string;
  city: string;
  reportedOn: IsoDate;
  urgent: boolean;
  workerName: string;
  assistantName: string | null;
  nextDeadline: Deadline | null;
}

/** How the case list can be ordered (server-side; ties always fall back to the newest report, then the id). */
export const CASE_LIST_SORTS = ['reportedOn', 'familyName', 'status'] as const;
export type CaseListSort = (typeof CASE_LIST_SORTS)[number];
export const CASE_LIST_PAGE_SIZE_MAX = PAGE_SIZE_MAX;
export const CASE_LIST_PAGE_SIZE_DEFAULT = 50;

/** One page of the case list: filters, order and page are the main process's work, never the screen's. */
export const caseListQuerySchema = z.object({
  status: caseStatusSchema.optional(),
  q: z.string({ error: 'Szukany tekst musi być tekstem.' }).trim().max(100, { error: 'Szukany tekst: najwyżej 100 znaków.' }).optional(),
  sort: z.enum(CASE_LIST_SORTS, { error: 'Listę spraw można sortować tylko po dacie zgłoszenia, nazwisku lub stanie sprawy.' }).default('reportedOn'),
  direction: z.enum(['asc', 'desc'], { error: 'Kierunek sortowania: rosnąco albo malejąco.' }).default('desc'),
  page: pageSchema.default(1),
  pageSize: pageSizeSchema('spraw', CASE_LIST_PAGE_SIZE_DEFAULT),
});
export type CaseListQuery = z.output<typeof caseListQuerySchema>;

export interface CaseListPage {
  rows: CaseSummary[];
  /** All cases that pass the filters (not only this page's). */
  total: number;
  page: number;
  pageSize: number;
}

export interface InterviewView {
  id: string;
  version: number;
  kind: 'full' | 'update';
  formVersion: string;
  status: 'draft' | 'completed';
  conductedOn: IsoDate | null;
  place: string;
  workerName: string;
  segments: SegmentAnswers;
  /** Segments not shown to this user (art. 16 u.w.r.). */
  hiddenSegments: string[];
  documents: Record<string, Record<string, 'received' | 'missing' | 'not_applicable'>>;
  income: { items: z.infer<typeof incomeItemSchema>[]; farmHectares?: number | undefined };
  incomeResult: IncomeTestResult | null;
  assets: AssetStatement | null;
  missingSegments: string[];
  updatedAt: string;
  updatedByName: string | null;
}

export interface AnalysisView {
  reasons: string[];
  strengths: string;
  resources: string;
  conclusions: string;
  consentOn: IsoDate | null;
  consentPersons: { personId: string; givenOn: IsoDate }[];
  earlierHelp: string;
  childrenLegal: string;
}

/** How a request for an assistant came about (the kierownik's queue shows it). */
export const REQUEST_KINDS = ['voluntary', 'minor_parent', 'court_obliged'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_KIND_LABELS: Record<RequestKind, string> = {
  voluntary: 'Wniosek pracownika socjalnego (za zgodą rodziny)',
  minor_parent: 'Małoletni rodzic opuszczający placówkę — przydział obowiązkowy (art. 11 u.w.r.)',
  court_obliged: 'Rodzina zobowiązana przez sąd (art. 109 § 2 pkt 1 k.r.o.)',
};

export interface RequestView {
  id: string;
  caseId: string;
  caseNumber: string;
  familyName: string;
  justification: string;
  filedOn: IsoDate;
  /** The kierownik's decision is due (the office's term after filing); null for requests decided before it existed. */
  decisionDue: IsoDate | null;
  filedByName: string;
  status: 'pending' | 'assigned' | 'referred' | 'returned';
  decisionNote: string | null;
  referralOrganisation: string | null;
  decidedOn: IsoDate | null;
  kind: RequestKind;
}

export interface CaseEventView {
  id: string;
  occurredOn: IsoDate;
  kind: string;
  title: string;
  body: string;
  significant: boolean;
  authorName: string | null;
}

export interface CaseFileView {
  id: string;
  number: string;
  status: CaseStatus;
  reportedOn: IsoDate;
  source: ReportSource;
  sourceDetails: string;
  report: string;
  urgent: boolean;
  minorParent: boolean;
  reasons: string[];
  worker: { id: string; name: string };
  assistant: { id: string; name: string; since: IsoDate } | null;
  interviewDue: IsoDate;
  family: FamilyView;
  interviews: { id: string; kind: 'full' | 'update'; status: 'draft' | 'completed'; conductedOn: IsoDate | null }[];
  analysis: AnalysisView | null;
  requests: RequestView[];
  events: CaseEventView[];
  deadlines: Deadline[];
  actions: AvailableAction[];
  /** A court's obligation to work with an assistant (art. 109 § 2 pkt 1 k.r.o.); null: none recorded. */
  courtOrder: CourtOrderView | null;
  /** 'assistant': the art. 16 u.w.r. view (some interview segments hidden). */
  access: 'full' | 'assistant';
}

export interface DuplicateHint {
  personId: string;
  /** Null when the person is only in other workers' cases: the hint then says only that she is in the register. */
  name: string | null;
  birthDate: IsoDate | null;
  /** Only the last 4 digits: enough to confirm, not to copy (null when the name is withheld). */
  peselEnd: string | null;
  matchedBy: 'pesel' | 'name_and_birth_date';
  /** Whether the user may open the person's case(s). */
  visibleCaseIds: string[];
  hasOtherCases: boolean;
  /** May this user link the person to a new case (her own case, a person in no case, or the kierownik)? */
  attachable: boolean;
  /** Whom to ask about the person: the social workers leading her other cases, then the kierownik. */
  askWhom: string[];
}

export interface CaseloadView {
  assistantId: string;
  name: string;
  families: number;
  limit: number;
}
