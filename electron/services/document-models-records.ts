/**
 * The models of the documents printed from the case's records of people and of the wywiad
 * (issue 15): the family letter on a change of assistant or social worker, the rodzinny wywiad
 * środowiskowy as completed, and the oświadczenie o stanie majątkowym taken with it. Each is dated
 * with the day of its act (the change, the completion, the signing) and prints the data as they
 * stood then; nothing here writes.
 */
import { type EntityManager } from 'typeorm';
import { DOCUMENT_CHECKLIST, INTERVIEW_FORMS, CURRENT_INTERVIEW_FORM } from '../../shared/domain/interviewForm';
import { incomeSourceLabel } from '../../shared/domain/income';
import { formatAmount, formatPercent } from '../../shared/polish';
import { AssignmentEntity, InterviewEntity, PersonEntity, WorkerAssignmentEntity } from '../db/entities';
import { AppError } from '../errors';
import type { AssetStatementModel, InterviewIncomeRow, InterviewRecordModel, StaffChangeLetterModel } from '../pdf/models';
import { familyMembers, familyRef, fullName, identified, notFound, orNull, ROLE_PRINTED, signatory, type CaseContext, type HeaderBase } from './document-models';
import { addressOn } from './family-changes';

/** The office's calendar day of a stored moment (Europe/Warsaw). */
const OFFICE_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' });

async function familyOn(m: EntityManager, context: CaseContext, on: string): Promise<StaffChangeLetterModel['family']> {
  return { name: familyRef(context).name, address: await addressOn(m, context.family, on) };
}

/**
 * The letter to the family after a change of assistant or social worker. `periodId`: the period
 * the change started (an assignment or a worker_assignment row); the first assistant of a family
 * has the przydzielenie letter instead.
 */
export async function staffChangeLetter(m: EntityManager, context: CaseContext, periodId: string, base: HeaderBase): Promise<StaffChangeLetterModel> {
  const caseId = context.kase.id;
  const assignment = await m.getRepository(AssignmentEntity).findOneBy({ id: periodId, caseId });
  let period: { role: 'assistant' | 'worker'; userId: string; fromOn: string; reason: string | null; reasonInLetter: boolean; createdBy: string | null; previousId: string | null };
  if (assignment) {
    const before = (await m.getRepository(AssignmentEntity).findBy({ caseId, endedOn: assignment.assignedOn })).find((row) => row.id !== assignment.id);
    if (!before) throw new AppError('INVALID_STATE', 'To pierwszy asystent tej rodziny: rodzina otrzymuje pismo o przydzieleniu asystenta rodziny, a nie pismo o zmianie.');
    period = { role: 'assistant', userId: assignment.assistantId, fromOn: assignment.assignedOn, reason: assignment.reason, reasonInLetter: assignment.reasonInLetter ?? false, createdBy: assignment.createdBy, previousId: before.assistantId };
  } else {
    const worker = await m.getRepository(WorkerAssignmentEntity).findOneBy({ id: periodId, caseId });
    if (!worker) throw notFound('takiej zmiany pracownika socjalnego ani asystenta rodziny');
    const before = (await m.getRepository(WorkerAssignmentEntity).findBy({ caseId, toOn: worker.fromOn })).find((row) => row.id !== worker.id);
    if (!before) throw new AppError('INVALID_STATE', 'To pierwszy pracownik socjalny tej sprawy: pismo o zmianie drukuje się po zmianie pracownika.');
    period = { role: 'worker', userId: worker.workerId, fromOn: worker.fromOn, reason: worker.reason, reasonInLetter: worker.reasonInLetter ?? false, createdBy: worker.createdBy, previousId: before.workerId };
  }
  const roleName = period.role === 'assistant' ? ROLE_PRINTED.assistant : ROLE_PRINTED.worker;
  const next = context.users.get(period.userId);
  const previous = period.previousId === null ? undefined : context.users.get(period.previousId);
  const family = await familyOn(m, context, period.fromOn);
  return {
    header: { ...base, dated: period.fromOn },
    kind: period.role,
    family,
    previous: previous ? fullName(previous) : null,
    next: { fullName: next ? fullName(next) : '', phone: orNull(next?.officePhone) },
    reason: period.reasonInLetter ? orNull(period.reason) : null,
    kierownik: signatory(context, period.createdBy, ROLE_PRINTED.head),
    copiesTo: [`${family.name}, ${family.address.street}, ${family.address.postalCode} ${family.address.city}`, `${next ? fullName(next) : ''} – ${roleName}`],
  };
}

async function completedInterview(m: EntityManager, context: CaseContext, interviewId: string) {
  const interview = await m.getRepository(InterviewEntity).findOneBy({ id: interviewId, caseId: context.kase.id });
  if (!interview) throw notFound('takiego wywiadu środowiskowego');
  return interview;
}

/** The wywiad as completed, dated with the day of its completion. */
export async function interviewRecord(m: EntityManager, context: CaseContext, interviewId: string, base: HeaderBase): Promise<InterviewRecordModel> {
  const interview = await completedInterview(m, context, interviewId);
  if (interview.status !== 'completed' || interview.completedAt === null) {
    throw new AppError('INVALID_STATE', 'Wywiad drukuje się po jego zakończeniu („Zakończ wywiad”): dopiero wtedy jego treść jest ostateczna.');
  }
  const form = INTERVIEW_FORMS[interview.formVersion] ?? CURRENT_INTERVIEW_FORM;
  const on = interview.conductedOn ?? OFFICE_DAY.format(new Date(interview.completedAt));
  const persons = new Map(context.members.map((member) => [member.person.id, fullName(member.person)]));
  const personName = (id: string): string => persons.get(id) ?? 'osoba spoza rodziny';
  const result = interview.incomeResult;
  const rows: InterviewIncomeRow[] = result
    ? [
        ...result.countedItems.map((item) => ({ person: personName(item.personId), source: incomeSourceLabel(item.source), amount: formatAmount(item.countedGr), excludedBecause: null })),
        ...result.excludedItems.map((item) => ({ person: personName(item.personId), source: item.label, amount: formatAmount(item.grossGr), excludedBecause: item.reason })),
      ]
    : [];
  const resultLines = result
    ? [
        `Osób w gospodarstwie domowym: ${result.householdSize}. Dochód ${result.singlePerson ? 'osoby' : 'rodziny'}: ${formatAmount(result.totalIncomeGr)}, na osobę: ${formatAmount(result.perPersonGr)}.`,
        `Kryterium dochodowe ${result.singlePerson ? 'osoby samotnie gospodarującej' : 'na osobę w rodzinie'}: ${formatAmount(result.criterionGr)}. Dochód ${result.singlePerson ? 'osoby' : 'na osobę'} stanowi ${formatPercent(result.percentOfCriterion)} kryterium i ${result.meetsCriterion ? 'mieści się w kryterium dochodowym' : 'przekracza kryterium dochodowe'}.`,
        ...(result.farmNote ? [result.farmNote] : []),
        ...result.oneOffNotes,
      ]
    : [];
  const labels = new Map<string, string>(DOCUMENT_CHECKLIST.map((entry) => [entry.key, entry.label]));
  const documents = Object.entries(interview.documents).flatMap(([personId, statuses]) => {
    const received = Object.entries(statuses).filter(([, status]) => status === 'received').map(([key]) => labels.get(key) ?? key);
    const missing = Object.entries(statuses).filter(([, status]) => status === 'missing').map(([key]) => labels.get(key) ?? key);
    return received.length + missing.length === 0 ? [] : [{ person: personName(personId), received, missing }];
  });
  return {
    header: { ...base, dated: OFFICE_DAY.format(new Date(interview.completedAt)) },
    kind: interview.kind,
    formTitle: form.title,
    legalSource: form.legalSource,
    family: await familyOn(m, context, on),
    members: familyMembers(context, on),
    conductedOn: interview.conductedOn,
    place: orNull(interview.place),
    parts: form.segments
      // Part IV records an update; a first wywiad has none.
      .filter((segment) => segment.code !== 'IV' || interview.kind === 'update')
      .map((segment) => ({
        code: segment.code,
        title: segment.title,
        fields: segment.fields.map((field) => ({ label: field.label, text: orNull(interview.segments[segment.code]?.[field.key]) })),
      })),
    income: { rows, result: resultLines },
    documents,
    socialWorker: signatory(context, interview.workerId, ROLE_PRINTED.worker),
  };
}

/** The headings of the oświadczenie, in its order, with the statement's field for each. */
const ASSET_HEADINGS = [
  ['dwelling', 'Mieszkanie lub dom (tytuł prawny, powierzchnia, liczba izb)'],
  ['farm', 'Gospodarstwo rolne (powierzchnia w hektarach fizycznych i przeliczeniowych, tytuł prawny)'],
  ['otherRealEstate', 'Inne nieruchomości (działki, budynki, lokale)'],
  ['vehicles', 'Pojazdy, maszyny i inne ruchomości o znacznej wartości'],
  ['savings', 'Zasoby pieniężne (gotówka, środki na rachunkach, lokaty, papiery wartościowe)'],
  ['other', 'Inne informacje o stanie majątkowym'],
] as const;

/** The oświadczenie o stanie majątkowym of a wywiad, dated with the day it was signed. */
export async function assetStatement(m: EntityManager, context: CaseContext, interviewId: string, base: HeaderBase): Promise<AssetStatementModel> {
  const interview = await completedInterview(m, context, interviewId);
  const statement = interview.assetStatement ?? null;
  if (statement === null) throw new AppError('INVALID_STATE', 'W tym wywiadzie nie wpisano oświadczenia o stanie majątkowym.');
  if (statement.declarantId === null) throw new AppError('VALIDATION', 'Wskaż w wywiadzie osobę, która składa oświadczenie o stanie majątkowym.');
  const person = await m.getRepository(PersonEntity).findOneBy({ id: statement.declarantId });
  if (!person) throw notFound('osoby składającej oświadczenie');
  const on = statement.signedOn ?? interview.conductedOn;
  const declarant = identified(context, person);
  return {
    header: { ...base, dated: statement.signedOn },
    declarant: { ...declarant, address: on === null ? declarant.address : await addressOn(m, context.family, on) },
    members: familyMembers(context, on).filter((member) => member.sharesHousehold),
    items: ASSET_HEADINGS.map(([key, heading]) => ({ heading, text: orNull(statement[key]) })),
    socialWorker: signatory(context, interview.workerId, ROLE_PRINTED.worker),
  };
}
