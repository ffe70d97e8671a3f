/**
 * From the case's records to the view models of the printed documents (electron/pdf/models.ts).
 * Pure mapping plus the reads it needs: nothing here writes. Every builder takes the document
 * header (office, case number, register number, issue date) from the caller, so that the same
 * data always gives the same model — the register compares model hashes to tell a reprint from
 * a new version.
 */
import { Between, In, LessThanOrEqual, type EntityManager } from 'typeorm';
import { ART7_REASON_LABELS, type Art7Reason } from '../../shared/domain/caseFlow';
import { addMonths, compare, type IsoDate } from '../../shared/domain/dates';
import { nextAssessmentDue } from '../../shared/domain/deadlines';
import { CONTRACT_OUTCOME_LABELS, type ContractOutcome, type GoalAchievement } from '../../shared/domain/familyWork';
import { CHILD_WHEREABOUTS_LABELS, DOCUMENT_TYPE_LABELS } from '../../shared/cases';
import type { CaseDocumentKind } from '../../shared/documents';
import { DOCUMENT_CHECKLIST, INTERVIEW_FORMS, CURRENT_INTERVIEW_FORM } from '../../shared/domain/interviewForm';
import { incomeSourceLabel } from '../../shared/domain/income';
import { familyName, formatZl, formatPercent, relationOf } from '../../shared/polish';
import {
  AnalysisEntity,
  AssessmentEntity,
  AssignmentEntity,
  AssistantRequestEntity,
  CaseEventEntity,
  ContractEntity,
  FamilyEntity,
  FamilyMemberEntity,
  InterviewEntity,
  PersonEntity,
  PlanEntity,
  UserEntity,
  VisitEntity,
  WorkerAssignmentEntity,
  type CaseRow,
  type FamilyRow,
  type PersonRow,
  type UserRow,
} from '../db/entities';
import { AppError } from '../errors';
import { ARTICLE } from '../pdf/legal';
import { addressOn } from './family-changes';
import type {
  ActionStatus,
  AssetStatementModel,
  AssessmentRecommendation,
  AssistantAssignmentModel,
  AssistantRequestModel,
  DocumentHeader,
  DocumentModels,
  FamilyMember,
  FamilyRef,
  FamilyWorkPlanModel,
  GoalProgress,
  IdentifiedPerson,
  InterviewIncomeRow,
  InterviewRecordModel,
  PeriodicAssessmentModel,
  PostalAddress,
  Signatory,
  SocialContractModel,
  StaffChangeLetterModel,
  TaskStatus,
} from '../pdf/models';

/** The kinds this module builds from the case's own records (the court opinion is built by the court requests' service). */
export type BuiltKind = Exclude<CaseDocumentKind, 'court-opinion'>;

/**
 * What the register gives a builder: office, case number, register number, issue date (metadata
 * only). The builder adds the date of the act the document records (DocumentHeader.dated).
 */
export type HeaderBase = Omit<DocumentHeader, 'dated'>;

export const ROLE_PRINTED = {
  head: 'Kierownik Ośrodka',
  worker: 'pracownik socjalny',
  assistant: 'asystent rodziny',
} as const;

interface Member {
  person: PersonRow;
  relation: string;
  inHousehold: boolean;
  childWhereabouts: string | null;
  /** Member of the family from / until (the day of leaving), null: from the start / still. */
  memberFrom: string | null;
  memberTo: string | null;
}

/** What every document of one case needs, read once. */
export interface CaseContext {
  kase: CaseRow;
  family: FamilyRow;
  members: Member[];
  users: Map<string, UserRow>;
}

export async function caseContext(m: EntityManager, kase: CaseRow): Promise<CaseContext> {
  const family = await m.getRepository(FamilyEntity).findOneByOrFail({ id: kase.familyId });
  const rows = await m.getRepository(FamilyMemberEntity).find({ where: { familyId: family.id }, order: { position: 'ASC' } });
  const persons = await m.getRepository(PersonEntity).findBy({ id: In(rows.map((row) => row.personId)) });
  const byId = new Map(persons.map((person) => [person.id, person]));
  const members = rows.flatMap((row) => {
    const person = byId.get(row.personId);
    return person
      ? [{ person, relation: row.relation, inHousehold: row.inHousehold, childWhereabouts: row.childWhereabouts, memberFrom: row.memberFrom, memberTo: row.memberTo }]
      : [];
  });
  const users = new Map((await m.getRepository(UserEntity).find()).map((user) => [user.id, user]));
  return { kase, family, members, users };
}

// ---- small mappings ------------------------------------------------------------------------

const fullName = (person: { firstName: string; lastName: string }): string => `${person.firstName} ${person.lastName}`;

function signatory(context: CaseContext, userId: string | null, role: string): Signatory {
  const user = userId === null ? undefined : context.users.get(userId);
  return { fullName: user ? fullName(user) : '', role };
}

function address(family: FamilyRow): PostalAddress {
  return { street: family.street, postalCode: family.postalCode, city: family.city };
}

function head(context: CaseContext): Member | undefined {
  return context.members.find((member) => member.relation === 'applicant') ?? context.members[0];
}

function familyRef(context: CaseContext): FamilyRef {
  const first = head(context);
  return { name: first ? familyName(first.person.lastName) : 'Rodzina', address: address(context.family) };
}

/**
 * The members of the family on a day (the act's date): who had joined by then and not yet left.
 * A document re-issued later prints the family as it was, not as it is.
 */
function membersOn(context: CaseContext, on: IsoDate | null): Member[] {
  if (on === null) return context.members.filter((member) => member.memberTo === null);
  return context.members.filter(
    (member) => (member.memberFrom === null || compare(member.memberFrom, on) <= 0) && (member.memberTo === null || compare(member.memberTo, on) > 0),
  );
}

function familyMembers(context: CaseContext, on: IsoDate | null): FamilyMember[] {
  return membersOn(context, on).map((member) => ({
    fullName: fullName(member.person),
    relation: relationOf(member.relation, member.person.sex),
    birthDate: member.person.birthDate,
    sharesHousehold: member.inHousehold,
    whereabouts:
      member.childWhereabouts === null
        ? null
        : (CHILD_WHEREABOUTS_LABELS[member.childWhereabouts as keyof typeof CHILD_WHEREABOUTS_LABELS] ?? member.childWhereabouts).toLowerCase(),
  }));
}

/** Adult members of the household on a date: they sign the plan and read the assessment. */
function adults(context: CaseContext, on: IsoDate): string[] {
  const eighteenYearsBefore = addMonths(on, -18 * 12);
  return membersOn(context, on)
    .filter((member) => member.inHousehold && compare(member.person.birthDate, eighteenYearsBefore) <= 0)
    .map((member) => fullName(member.person));
}

function identified(context: CaseContext, person: PersonRow): IdentifiedPerson {
  const documentLabel = person.documentType === null ? null : (DOCUMENT_TYPE_LABELS[person.documentType as keyof typeof DOCUMENT_TYPE_LABELS] ?? 'dokument');
  return {
    fullName: fullName(person),
    sex: person.sex,
    pesel: person.pesel,
    otherIdentityDocument: person.pesel === null && documentLabel !== null ? `${documentLabel.toLowerCase()} ${person.documentNumber ?? ''}`.trim() : null,
    address: address(context.family),
  };
}

const orNull = (text: string | null | undefined): string | null => (text === null || text === undefined || text.trim() === '' ? null : text);

function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `Nie znaleziono ${what} w tej sprawie. Odśwież teczkę sprawy i spróbuj ponownie.`);
}

// ---- the documents -------------------------------------------------------------------------

async function assistantRequest(m: EntityManager, context: CaseContext, requestId: string, base: HeaderBase): Promise<AssistantRequestModel> {
  const request = await m.getRepository(AssistantRequestEntity).findOneBy({ id: requestId, caseId: context.kase.id });
  if (!request) throw notFound('takiego wniosku o przydzielenie asystenta rodziny');
  const analysis = await m.getRepository(AnalysisEntity).findOneBy({ caseId: context.kase.id });
  // The wywiad the wniosek was based on: the last one conducted by the day it was filed.
  const interview = await m.getRepository(InterviewEntity).findOne({
    where: { caseId: context.kase.id, status: 'completed', conductedOn: LessThanOrEqual(request.filedOn) },
    order: { conductedOn: 'DESC' },
  });
  const consentOn = analysis?.consentOn ?? context.kase.consentOn;
  if (consentOn === null) throw new AppError('INVALID_STATE', `Nie można wydrukować wniosku: nie odnotowano zgody rodziny (${ARTICLE.consent} u.w.r.).`);
  const headOfOffice = request.decidedBy ?? [...context.users.values()].find((user) => user.active && user.roles.includes('head'))?.id ?? null;
  return {
    header: { ...base, dated: request.filedOn },
    addressee: signatory(context, headOfOffice, ROLE_PRINTED.head),
    family: familyRef(context),
    members: familyMembers(context, request.filedOn),
    interviewOn: interview?.conductedOn ?? null,
    reasons: (analysis?.reasons ?? context.kase.reasons).map((reason) => ART7_REASON_LABELS[reason as Art7Reason] ?? reason),
    difficulties: analysis?.conclusions ?? '',
    strengths: orNull([analysis?.strengths, analysis?.resources].filter((part) => part !== undefined && part.trim() !== '').join('\n\n')),
    earlierHelp: orNull(analysis?.earlierHelp),
    childrenLegalSituation: orNull(analysis?.childrenLegal),
    justification: request.justification,
    // The consent as recorded, by person (never computed from the household).
    consent: {
      givenOn: consentOn,
      persons: (analysis?.consentPersons ?? []).flatMap((entry) => {
        const member = context.members.find((candidate) => candidate.person.id === entry.personId);
        return member ? [{ fullName: fullName(member.person), givenOn: entry.givenOn }] : [];
      }),
    },
    socialWorker: signatory(context, request.filedBy, ROLE_PRINTED.worker),
  };
}

async function assistantAssignment(m: EntityManager, context: CaseContext, requestId: string, base: HeaderBase): Promise<AssistantAssignmentModel> {
  const request = await m.getRepository(AssistantRequestEntity).findOneBy({ id: requestId, caseId: context.kase.id });
  if (!request) throw notFound('takiego wniosku o przydzielenie asystenta rodziny');
  if (request.status === 'pending' || request.status === 'returned' || request.decidedOn === null) {
    throw new AppError('INVALID_STATE', 'Pismo o przydzieleniu asystenta rodziny drukuje się po decyzji kierownika o przydziale albo skierowaniu wniosku.');
  }
  const worker = signatory(context, request.filedBy, ROLE_PRINTED.worker);
  let decision: AssistantAssignmentModel['decision'];
  // The family the decision concerns is its first addressee.
  const family = familyRef(context);
  const copiesTo: string[] = [`${family.name}, ${family.address.street}, ${family.address.postalCode} ${family.address.city}`];
  if (request.status === 'assigned') {
    const assignment = await m.getRepository(AssignmentEntity).findOne({ where: { caseId: context.kase.id, assignedOn: request.decidedOn }, order: { createdAt: 'ASC' } });
    if (!assignment) throw notFound('przydziału asystenta rodziny');
    const assistant = signatory(context, assignment.assistantId, ROLE_PRINTED.assistant);
    const phone = context.users.get(assignment.assistantId)?.officePhone ?? null;
    decision = { kind: 'assign', assistant: { fullName: assistant.fullName, phone: orNull(phone) }, workFrom: assignment.assignedOn };
    copiesTo.push(`${assistant.fullName} – asystent rodziny`, `${worker.fullName} – pracownik socjalny`);
  } else {
    const recipient = { name: request.referralOrganisation ?? '', address: null };
    decision = request.referralTarget === 'contracted_provider' ? { kind: 'refer-provider', recipient, agreement: null } : { kind: 'refer-unit', recipient };
    copiesTo.push(recipient.name, `${worker.fullName} – pracownik socjalny`);
  }
  return {
    header: { ...base, dated: request.decidedOn },
    family,
    request: { submittedOn: request.filedOn, socialWorker: worker.fullName },
    decision,
    notes: orNull(request.decisionNote),
    kierownik: signatory(context, request.decidedBy, ROLE_PRINTED.head),
    copiesTo,
  };
}

const ACTION_STATUS: Record<string, ActionStatus | null> = { planned: null, done: 'done', not_done: 'not-done' };

async function socialContract(m: EntityManager, context: CaseContext, contractId: string, base: HeaderBase): Promise<SocialContractModel> {
  const contract = await m.getRepository(ContractEntity).findOneBy({ id: contractId, caseId: context.kase.id });
  if (!contract) throw notFound('takiego kontraktu socjalnego');
  const clients = contract.clientIds.flatMap((id) => {
    const member = context.members.find((candidate) => candidate.person.id === id);
    return member ? [identified(context, member.person)] : [];
  });
  let evaluation: SocialContractModel['evaluation'] = null;
  if (contract.status === 'assessed' && contract.outcome !== null) {
    const event = await m.getRepository(CaseEventEntity).findOne({
      where: { caseId: context.kase.id, refType: 'contract', refId: contract.id, title: 'Oceniono realizację kontraktu socjalnego' },
      order: { createdAt: 'DESC' },
    });
    const outcome = CONTRACT_OUTCOME_LABELS[contract.outcome as ContractOutcome] ?? contract.outcome;
    evaluation = { evaluatedOn: event?.occurredOn ?? contract.updatedAt.slice(0, 10), text: [`${outcome}.`, contract.outcomeNote ?? ''].filter((part) => part.trim() !== '').join('\n\n') };
  }
  const first = head(context);
  const breaches = await m.getRepository(CaseEventEntity).find({
    where: { caseId: context.kase.id, refType: 'contract', refId: contract.id, title: 'Niedotrzymanie kontraktu socjalnego' },
    order: { occurredOn: 'ASC', createdAt: 'ASC' },
  });
  return {
    // A draft is printed to be signed: its date is written by hand.
    header: { ...base, dated: contract.signedOn },
    variant: contract.variant,
    clients,
    familyName: contract.variant === 'A' && clients.length > 1 && first ? familyName(first.person.lastName) : null,
    socialWorker: signatory(context, contract.workerId, ROLE_PRINTED.worker),
    assessment: { causes: contract.causes, possibilities: contract.possibilities, limitations: contract.limitations },
    activationProfile:
      contract.variant === 'B' && contract.labourMarket
        ? {
            education: orNull(contract.labourMarket.education),
            pupRegistration: orNull(contract.labourMarket.pupRegistration),
            unemploymentReason: orNull(contract.labourMarket.unemploymentReason),
            profile: orNull(contract.labourMarket.profile),
          }
        : null,
    mainGoal: contract.mainGoal,
    partialGoals: contract.partialGoals,
    actions: contract.actions.map((action) => ({
      party: action.party === 'worker' ? 'social-worker' : 'client',
      description: action.description,
      deadline: action.deadline,
      status: ACTION_STATUS[action.status] ?? null,
    })),
    period: { from: contract.periodFrom, to: contract.periodTo },
    breaches: breaches.map((event) => ({ occurredOn: event.occurredOn, note: event.body })),
    evaluation,
    termination: contract.terminatedOn === null ? null : { terminatedOn: contract.terminatedOn, reason: contract.terminationReason ?? '' },
  };
}

const TASK_STATUS: Record<string, TaskStatus> = { planned: 'planned', in_progress: 'in-progress', done: 'done', not_done: 'not-done' };

async function familyWorkPlan(m: EntityManager, context: CaseContext, planId: string, base: HeaderBase): Promise<FamilyWorkPlanModel> {
  const plan = await m.getRepository(PlanEntity).findOneBy({ id: planId, caseId: context.kase.id });
  if (!plan) throw notFound('takiej wersji planu pracy z rodziną');
  // A draft is printed to be signed with the family: its date is written by hand, and it runs
  // from its signing. Nothing recorded after the signing (a later version) changes this one.
  const signedOn = plan.signedOn;
  return {
    header: { ...base, dated: signedOn },
    family: familyRef(context),
    members: familyMembers(context, signedOn),
    version: plan.number,
    kind: plan.type,
    coordinator: plan.type === 'coordinated' && plan.coordinator.trim() !== '' ? { fullName: plan.coordinator, institution: 'koordynator rodzinnej pieczy zastępczej' } : null,
    period: signedOn === null ? null : { from: signedOn, to: null },
    diagnosis: orNull(plan.diagnosis),
    shortTermGoals: orNull(plan.shortTermGoals),
    longTermGoals: orNull(plan.longTermGoals),
    review: orNull(plan.review),
    areas: plan.areas.map((area) => ({
      area: area.name,
      goals: area.goals.map((goal) => ({
        goal: goal.name,
        tasks: goal.tasks.map((task) => ({
          description: task.description,
          responsible: task.responsible,
          deadline: task.deadline,
          expectedEffect: task.expectedEffect,
          resources: orNull(task.resources),
          status: TASK_STATUS[task.status] ?? 'planned',
        })),
      })),
    })),
    familySignatories: adults(context, signedOn ?? base.issuedOn),
    assistant: signatory(context, plan.assistantId, ROLE_PRINTED.assistant),
    socialWorker: signatory(context, context.kase.workerId, ROLE_PRINTED.worker),
    // Where the office has plans approved: the kierownik's name and date once approved, blanks while it waits.
    approval:
      plan.approvedOn || plan.status === 'awaiting_approval'
        ? { approvedBy: plan.approvedBy ? signatory(context, plan.approvedBy, ROLE_PRINTED.head) : null, approvedOn: plan.approvedOn ?? null }
        : null,
  };
}

/** The visits of a period, counted by place (visits planned ahead are not visits made). */
function visitsIn(visits: { place: string; planned: boolean }[]): PeriodicAssessmentModel['visits'] {
  const made = visits.filter((visit) => !visit.planned);
  const byPlace = new Map<string, number>();
  for (const visit of made) byPlace.set(visit.place.trim() || 'miejsce nieopisane', (byPlace.get(visit.place.trim() || 'miejsce nieopisane') ?? 0) + 1);
  return { count: made.length, places: [...byPlace].map(([place, count]) => ({ place, count })) };
}

const GOAL_PROGRESS: Record<GoalAchievement, GoalProgress> = { achieved: 'achieved', partly_achieved: 'partly-achieved', in_progress: 'in-progress', not_achieved: 'not-achieved' };

const RECOMMENDATION: Record<string, AssessmentRecommendation> = { continue: 'continue', change_plan: 'change-plan', end_work: 'end-work' };

async function periodicAssessment(m: EntityManager, context: CaseContext, assessmentId: string, base: HeaderBase): Promise<PeriodicAssessmentModel> {
  const assessment = await m.getRepository(AssessmentEntity).findOneBy({ id: assessmentId, caseId: context.kase.id });
  if (!assessment) throw notFound('takiej okresowej oceny sytuacji rodziny');
  const plans = await m.getRepository(PlanEntity).find({ where: { caseId: context.kase.id }, order: { number: 'DESC' } });
  const assessed = plans.find((plan) => plan.signedOn !== null && compare(plan.signedOn, assessment.assessedOn) <= 0);
  const recommendation = RECOMMENDATION[assessment.recommendation] ?? 'continue';
  return {
    header: { ...base, dated: assessment.assessedOn },
    family: familyRef(context),
    period: { from: assessment.periodFrom, to: assessment.periodTo },
    plan: assessed?.signedOn ? { version: assessed.number, signedOn: assessed.signedOn } : null,
    // Assessments recorded before the degree was asked for print "—" in its column.
    goals: assessment.progress.map((entry) => ({
      area: orNull(entry.area ?? ''),
      goal: entry.goal,
      progress: entry.achievement ? GOAL_PROGRESS[entry.achievement] : null,
      comment: entry.progress,
    })),
    familyChanges: orNull(assessment.changes),
    cooperation: orNull(assessment.cooperation),
    childrenSituation: orNull(assessment.childrenSituation),
    visits: visitsIn(await m.getRepository(VisitEntity).find({ where: { caseId: context.kase.id, visitedOn: Between(assessment.periodFrom, assessment.periodTo) } })),
    handedOn: assessment.handedOn ?? null,
    received: assessment.receivedOn && assessment.receivedBy ? { receivedOn: assessment.receivedOn, by: signatory(context, assessment.receivedBy, ROLE_PRINTED.head) } : null,
    recommendation,
    justification: assessment.conclusions ?? '',
    nextAssessmentDue: recommendation === 'end-work' ? null : nextAssessmentDue(assessment.assessedOn),
    assistant: signatory(context, assessment.authorId, ROLE_PRINTED.assistant),
    acknowledgedBy: adults(context, assessment.assessedOn),
  };
}

// ---- the records of people and of the wywiad (issue 15) -------------------------------------

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
async function staffChangeLetter(m: EntityManager, context: CaseContext, periodId: string, base: HeaderBase): Promise<StaffChangeLetterModel> {
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
async function interviewRecord(m: EntityManager, context: CaseContext, interviewId: string, base: HeaderBase): Promise<InterviewRecordModel> {
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
        ...result.countedItems.map((item) => ({ person: personName(item.personId), source: incomeSourceLabel(item.source), amount: formatZl(item.countedGr), excludedBecause: null })),
        ...result.excludedItems.map((item) => ({ person: personName(item.personId), source: item.label, amount: formatZl(item.grossGr), excludedBecause: item.reason })),
      ]
    : [];
  const resultLines = result
    ? [
        `Osób w gospodarstwie domowym: ${result.householdSize}. Dochód ${result.singlePerson ? 'osoby' : 'rodziny'}: ${formatZl(result.totalIncomeGr)}, na osobę: ${formatZl(result.perPersonGr)}.`,
        `Kryterium dochodowe ${result.singlePerson ? 'osoby samotnie gospodarującej' : 'na osobę w rodzinie'}: ${formatZl(result.criterionGr)}. Dochód ${result.singlePerson ? 'osoby' : 'na osobę'} stanowi ${formatPercent(result.percentOfCriterion)} kryterium i ${result.meetsCriterion ? 'mieści się w kryterium dochodowym' : 'przekracza kryterium dochodowe'}.`,
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
async function assetStatement(m: EntityManager, context: CaseContext, interviewId: string, base: HeaderBase): Promise<AssetStatementModel> {
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

/** Builds the model of a document of the case from its records, with the given header. */
export function buildCaseDocument<K extends BuiltKind>(
  m: EntityManager,
  context: CaseContext,
  kind: K,
  subjectId: string,
  header: HeaderBase,
): Promise<DocumentModels[K]> {
  const builders: { [B in BuiltKind]: () => Promise<DocumentModels[B]> } = {
    'assistant-request': () => assistantRequest(m, context, subjectId, header),
    'assistant-assignment': () => assistantAssignment(m, context, subjectId, header),
    'social-contract': () => socialContract(m, context, subjectId, header),
    'family-work-plan': () => familyWorkPlan(m, context, subjectId, header),
    'periodic-assessment': () => periodicAssessment(m, context, subjectId, header),
    'staff-change-letter': () => staffChangeLetter(m, context, subjectId, header),
    'interview-record': () => interviewRecord(m, context, subjectId, header),
    'asset-statement': () => assetStatement(m, context, subjectId, header),
  };
  return builders[kind]() as Promise<DocumentModels[K]>;
}
