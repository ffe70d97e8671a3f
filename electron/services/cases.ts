/**
 * The case process from the first report to the assignment of an assistant (art. 11 u.w.r.,
 * art. 107 u.p.s.). Every rule comes from shared/domain (state machine, deadlines, income test,
 * access); this service gathers the facts, enforces them, and writes each change with its
 * chronology entry and audit entry in the caller's transaction.
 */
import { randomUUID } from 'node:crypto';
import { In, IsNull, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import {
  AID_STATUSES,
  availableActions,
  MINOR_PARENT_JUSTIFICATION,
  CASE_STATUS_LABELS,
  checkTransition,
  type CaseAction,
  type CaseFacts,
  type CaseStatus,
} from '../../shared/domain/caseFlow';
import { compare, formatPolishDate, type IsoDate } from '../../shared/domain/dates';
import { compareDeadlines, interviewDeadline, type Deadline } from '../../shared/domain/deadlines';
import { runIncomeTest, IncomeTestInputError, CriteriaNotFoundError, type FoodAidThreshold, type IncomeTestResult } from '../../shared/domain/income';
import { addWorkingDays } from '../../shared/domain/calendar';
import { CURRENT_INTERVIEW_FORM, INTERVIEW_FORMS, missingMandatorySegments, type SegmentAnswers } from '../../shared/domain/interviewForm';
import { PESEL_MESSAGES, validatePesel } from '../../shared/domain/pesel';
import { COURT_SIGNIFICANT } from '../../shared/chronology';
import { caseAccess, type CaseAccess } from '../../shared/domain/roles';
import { personKey } from '../../shared/domain/text';
import type {
  analysisSaveSchema,
  AssetStatement,
  CaseEventView,
  CaseFileView,
  CaseloadView,
  decisionSchema,
  DuplicateHint,
  duplicateQuerySchema,
  intakeSchema,
  InterviewView,
  interviewSaveSchema,
  noteSchema,
  PersonView,
  RequestKind,
  RequestView,
  ReportSource,
} from '../../shared/cases';
import type { Actor } from '../session/context';
import { officeDay, officeTime, type Clock } from '../clock';
import {
  AnalysisEntity,
  AssignmentEntity,
  AssistantRequestEntity,
  CaseEntity,
  CaseEventEntity,
  CounterEntity,
  FamilyEntity,
  FamilyMemberEntity,
  InterviewEntity,
  PersonEntity,
  UserEntity,
  type AssistantRequestRow,
  type CaseRow,
  type InterviewRow,
  type PersonRow,
  type Tracked,
} from '../db/entities';
import { AppError } from '../errors';
import { requireSecondPerson } from './separation';
import type { AuditService } from './audit';
import { collectDeadlines, WORKER_ONLY_DEADLINES } from './deadline-queries';
import { reindexCase } from './search-index';
import { caseloads } from './tray';
import { addressHistory, placementsOf } from './family-changes';
import { openCaseWorkers } from './open-cases';
import { officeFoodAidThresholds } from './referrals';

type Intake = z.output<typeof intakeSchema>;
/** `assets` left out (a caller inside the main process, the demo seeder): the statement stays as it is. */
type InterviewSave = Omit<z.output<typeof interviewSaveSchema>, 'assets'> & { assets?: AssetStatement | null };
type AnalysisSave = z.output<typeof analysisSaveSchema>;
type Decision = z.output<typeof decisionSchema>;
type Note = z.output<typeof noteSchema>;
type DuplicateQuery = z.output<typeof duplicateQuerySchema>;

/** Who acts: defined with the session (session/context.ts); the services of a case take it from here too. */
export type { Actor };

export interface LoadedCase {
  row: CaseRow;
  access: Exclude<CaseAccess, 'none'>;
  activeAssistantIds: string[];
}

const NOT_YOURS = 'Nie masz uprawnień do tej sprawy.';

export class CasesService {
  constructor(
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  today(): IsoDate {
    return officeDay(this.clock);
  }

  /** Who and when, for a new row (docs/domain.md#records-and-case-states: every record carries them). */
  tracked(actorId: string): Tracked {
    const now = this.clock.now().toISOString();
    return { createdAt: now, createdBy: actorId, updatedAt: now, updatedBy: actorId, version: 1 };
  }

  /** Refuses a date after the office's today (Europe/Warsaw), under the form's field that holds it. */
  notInFuture(date: IsoDate, label: string, field: string = label, fieldMessage = `${label} nie może być z przyszłości.`): void {
    if (compare(date, this.today()) > 0) throw new AppError('VALIDATION', `${label} nie może być z przyszłości.`, { [field]: fieldMessage });
  }

  /**
   * The day an act really happened, perhaps recorded later from paper (issue 15, item 7): not in
   * the future, not before the steps it follows. Returns what the audit entry marks.
   */
  actOn(on: IsoDate, label: string, field: string, after: readonly { date: IsoDate | null | undefined; what: string }[]): { actOn: IsoDate; enteredLater: boolean } {
    this.notInFuture(on, label, field);
    for (const { date, what } of after) {
      if (date && compare(on, date) < 0) {
        throw new AppError('VALIDATION', `${label} nie może być wcześniejsza niż ${what} (${formatPolishDate(date)}).`, { [field]: `Najwcześniej ${formatPolishDate(date)}.` });
      }
    }
    return { actOn: on, enteredLater: compare(on, this.today()) < 0 };
  }

  // ---- access ----------------------------------------------------------------------------

  /** Loads a case the actor may see, or refuses (the caller records the refusal). */
  async load(m: EntityManager, caseId: string, actor: Actor): Promise<LoadedCase> {
    const row = await m.getRepository(CaseEntity).findOneBy({ id: caseId });
    if (!row) throw new AppError('NOT_FOUND', 'Nie znaleziono takiej sprawy.');
    const activeAssistantIds = (await m.getRepository(AssignmentEntity).findBy({ caseId, endedOn: IsNull() })).map((a) => a.assistantId);
    const access = caseAccess(actor.user, { workerId: row.workerId, activeAssistantIds });
    if (access === 'none') throw new AppError('FORBIDDEN', NOT_YOURS);
    return { row, access, activeAssistantIds };
  }

  requireFull(kase: LoadedCase): void {
    if (kase.access !== 'full') throw new AppError('FORBIDDEN', 'Nie masz uprawnień do tej części sprawy.');
  }

  // ---- intake ----------------------------------------------------------------------------

  async create(m: EntityManager, input: Intake, actor: Actor): Promise<{ id: string; number: string }> {
    this.notInFuture(input.reportedOn, 'Data zgłoszenia', 'reportedOn');
    const workerId = await this.leadingWorker(m, input.workerId, actor);
    const familyId = randomUUID();
    await m.getRepository(FamilyEntity).insert({ id: familyId, ...input.family, ...this.tracked(actor.user.id) });
    for (const [position, member] of input.members.entries()) {
      const personId = member.existingPersonId ?? (await this.createPerson(m, member.person!, actor, `members.${position}.person`));
      if (member.existingPersonId) await this.requireAttachable(m, member.existingPersonId, actor);
      await m.getRepository(FamilyMemberEntity).insert({
        id: randomUUID(),
        familyId,
        personId,
        position,
        relation: member.relation,
        inHousehold: member.inHousehold,
        memberFrom: null,
        memberTo: null,
        childWhereabouts: member.childWhereabouts ?? null,
        ...this.tracked(actor.user.id),
      });
    }
    // Not silently a second case (issue 15, item 8): a member with an open case needs the user's confirmation.
    const leading = openCaseWorkers(m, input.members.flatMap((member) => (member.existingPersonId ? [member.existingPersonId] : [])));
    if (leading.length > 0 && !input.secondCase) {
      throw new AppError(
        'CONFLICT',
        `Osoba z tego zgłoszenia ma już otwartą sprawę (prowadzi: ${leading.join(', ')}). Dołącz zgłoszenie do tej sprawy albo potwierdź, że zakładasz drugą sprawę.`,
        { secondCase: 'Potwierdź drugą sprawę albo dołącz zgłoszenie do otwartej.' },
      );
    }
    const id = randomUUID();
    const number = await this.nextCaseNumber(m, actor.settings.caseNumberPrefix, input.reportedOn);
    const interviewDue = interviewDeadline(input.reportedOn, input.urgent);
    await m.getRepository(CaseEntity).insert({
      id,
      number,
      familyId,
      status: 'REPORTED',
      reportedOn: input.reportedOn,
      source: input.source,
      sourceDetails: input.sourceDetails,
      report: input.report,
      urgent: input.urgent,
      minorParent: input.minorParent,
      reasons: input.reasons,
      workerId,
      interviewDue,
      consentOn: null,
      closureReason: null,
      closureNote: null,
      ...this.tracked(actor.user.id),
    });
    await this.event(m, id, input.reportedOn, 'intake', 'Przyjęto zgłoszenie', input.report, COURT_SIGNIFICANT.intake, actor.user.id);
    reindexCase(m, id);
    await this.audit.append(m, {
      actorId: actor.user.id,
      action: 'case.create',
      entityType: 'case',
      entityId: id,
      caseId: id,
      details: { number, source: input.source, urgent: input.urgent, interviewDue, members: input.members.length },
    });
    return { id, number };
  }

  private async leadingWorker(m: EntityManager, requested: string | undefined, actor: Actor): Promise<string> {
    if (!requested || requested === actor.user.id) {
      if (!actor.user.roles.includes('social_worker')) {
        throw new AppError('VALIDATION', 'Wskaż pracownika socjalnego, który poprowadzi sprawę.', { workerId: 'Wybierz pracownika socjalnego.' });
      }
      return actor.user.id;
    }
    if (!actor.user.roles.includes('head')) throw new AppError('FORBIDDEN', 'Tylko kierownik może przekazać sprawę innemu pracownikowi.');
    const worker = await m.getRepository(UserEntity).findOneBy({ id: requested });
    if (!worker?.active || !worker.roles.includes('social_worker')) {
      throw new AppError('VALIDATION', 'Wybrana osoba nie jest aktywnym pracownikiem socjalnym.', { workerId: 'Wybierz pracownika socjalnego.' });
    }
    return worker.id;
  }

  /** A new person in the office's register (refuses a PESEL already there); also used by the referrals' declarations. */
  async createPerson(m: EntityManager, person: NonNullable<Intake['members'][number]['person']>, actor: Actor, path: string): Promise<string> {
    // A PESEL fills the birth date: a future one is the number's fault, said under the PESEL.
    if (person.pesel) this.notInFuture(person.birthDate, 'Data urodzenia', `${path}.pesel`, PESEL_MESSAGES.future);
    else this.notInFuture(person.birthDate, 'Data urodzenia', `${path}.birthDate`);
    const pesel = person.pesel ? person.pesel : null;
    if (pesel) {
      const existing = await m.getRepository(PersonEntity).findOneBy({ pesel });
      if (existing) {
        // Never the person's name: a refusal must not turn a PESEL into a name (issue 14).
        throw new AppError('CONFLICT', `Osoba o tym numerze PESEL jest już w rejestrze ośrodka. Wybierz ją z podpowiedzi zamiast dodawać ponownie albo zapytaj kierownika ośrodka.`, {
          [`${path}.pesel`]: 'Ta osoba jest już w rejestrze ośrodka.',
        });
      }
    }
    const id = randomUUID();
    await m.getRepository(PersonEntity).insert({
      id,
      pesel,
      documentType: pesel ? null : (person.documentType ?? null),
      documentNumber: pesel ? null : (person.documentNumber ?? null),
      firstName: person.firstName,
      lastName: person.lastName,
      birthDate: person.birthDate,
      sex: person.sex,
      citizenship: person.citizenship,
      phone: person.phone || null,
      nameKey: personKey(person.lastName, person.firstName),
      ...this.tracked(actor.user.id),
    });
    return id;
  }

  /** Sequential per year: PREFIX.12.2026 (the office's JRWA-style prefix is a setting). */
  private async nextCaseNumber(m: EntityManager, prefix: string, reportedOn: IsoDate): Promise<string> {
    const year = reportedOn.slice(0, 4);
    const name = `case_number.${year}`;
    const repo = m.getRepository(CounterEntity);
    const current = await repo.findOneBy({ name });
    const value = (current?.value ?? 0) + 1;
    await repo.save({ name, value });
    return `${prefix}.${value}.${year}`;
  }

  /**
   * Whose person this is: the cases of hers the user may open, the social workers leading the
   * others, and whether the user may link her to a new case — only from a case she may open (or a
   * person in no case at all); from another worker's case only the kierownik (issue 14).
   */
  async personReach(m: EntityManager, personId: string, actor: Actor): Promise<{ visibleCaseIds: string[]; otherWorkerIds: string[]; attachable: boolean }> {
    const memberships = await m.getRepository(FamilyMemberEntity).findBy({ personId });
    const cases = memberships.length ? await m.getRepository(CaseEntity).findBy({ familyId: In(memberships.map((x) => x.familyId)) }) : [];
    const visibleCaseIds: string[] = [];
    const otherWorkerIds: string[] = [];
    for (const c of cases) {
      const assistants = (await m.getRepository(AssignmentEntity).findBy({ caseId: c.id, endedOn: IsNull() })).map((a) => a.assistantId);
      if (caseAccess(actor.user, { workerId: c.workerId, activeAssistantIds: assistants }) === 'full') visibleCaseIds.push(c.id);
      else if (!otherWorkerIds.includes(c.workerId)) otherWorkerIds.push(c.workerId);
    }
    const attachable = actor.user.roles.includes('head') || otherWorkerIds.length === 0 || visibleCaseIds.length > 0;
    return { visibleCaseIds, otherWorkerIds, attachable };
  }

  /** Refuses to link a person the user may not reach (see personReach). */
  async requireAttachable(m: EntityManager, personId: string, actor: Actor): Promise<void> {
    if (!(await m.getRepository(PersonEntity).existsBy({ id: personId }))) throw new AppError('NOT_FOUND', 'Wybranej osoby nie ma w bazie.');
    if (!(await this.personReach(m, personId, actor)).attachable) {
      throw new AppError('FORBIDDEN', 'Ta osoba występuje w sprawie innego pracownika. Dołączyć ją do nowej sprawy może kierownik ośrodka — zapytaj go albo pracownika prowadzącego jej sprawę.');
    }
  }

  /** Office-wide, but only to warn of duplicates: names and birth dates, no case contents. */
  async findDuplicates(m: EntityManager, query: DuplicateQuery, actor: Actor): Promise<DuplicateHint[]> {
    const repo = m.getRepository(PersonEntity);
    const found = new Map<string, { person: PersonRow; by: DuplicateHint['matchedBy'] }>();
    if (query.pesel && validatePesel(query.pesel).ok) {
      const byPesel = await repo.findOneBy({ pesel: query.pesel });
      if (byPesel) found.set(byPesel.id, { person: byPesel, by: 'pesel' });
    }
    if (query.lastName && query.firstName && query.birthDate) {
      for (const person of await repo.findBy({ nameKey: personKey(query.lastName, query.firstName), birthDate: query.birthDate })) {
        if (!found.has(person.id)) found.set(person.id, { person, by: 'name_and_birth_date' });
      }
    }
    const hints: DuplicateHint[] = [];
    const names = await this.userNames(m);
    for (const { person, by } of found.values()) {
      const reach = await this.personReach(m, person.id, actor);
      // Someone else's person: only that she is in the register, and whom to ask (issue 14).
      const shown = reach.visibleCaseIds.length > 0 || reach.otherWorkerIds.length === 0 || actor.user.roles.includes('head');
      hints.push({
        personId: person.id,
        name: shown ? `${person.firstName} ${person.lastName}` : null,
        birthDate: shown ? person.birthDate : null,
        peselEnd: shown && person.pesel ? person.pesel.slice(-4) : null,
        matchedBy: by,
        visibleCaseIds: reach.visibleCaseIds,
        hasOtherCases: reach.otherWorkerIds.length > 0,
        attachable: reach.attachable,
        askWhom: [...reach.otherWorkerIds.map((id) => names.get(id) ?? 'pracownik socjalny'), 'kierownik ośrodka'].filter((v, i, all) => all.indexOf(v) === i),
      });
    }
    await this.audit.append(m, { actorId: actor.user.id, action: 'person.duplicate_check', details: { matches: hints.length, byPesel: Boolean(query.pesel) } });
    return hints;
  }

  // ---- reading ---------------------------------------------------------------------------

  async userNames(m: EntityManager): Promise<Map<string, string>> {
    const users = await m.getRepository(UserEntity).find();
    return new Map(users.map((u) => [u.id, `${u.firstName} ${u.lastName}`]));
  }

  /** The deadlines a case has now (one model for all: shared/domain/deadlines.ts; the rules: deadline-queries.ts, shared with the work tray). */
  async deadlines(m: EntityManager, row: CaseRow, access: LoadedCase['access']): Promise<Deadline[]> {
    return collectDeadlines(m, { kind: 'case', caseId: row.id })
      .filter((deadline) => access === 'full' || !WORKER_ONLY_DEADLINES.includes(deadline.kind))
      .map(({ caseNumber: _n, familyName: _f, ...deadline }): Deadline => deadline)
      .sort(compareDeadlines);
  }

  async file(m: EntityManager, caseId: string, actor: Actor): Promise<CaseFileView> {
    const kase = await this.load(m, caseId, actor);
    const { row } = kase;
    const names = await this.userNames(m);
    const family = await m.getRepository(FamilyEntity).findOneByOrFail({ id: row.familyId });
    const memberRows = await m.getRepository(FamilyMemberEntity).find({ where: { familyId: family.id }, order: { position: 'ASC' } });
    const persons = await m.getRepository(PersonEntity).findBy({ id: In(memberRows.map((x) => x.personId)) });
    const personById = new Map(persons.map((p) => [p.id, p]));
    const placements = await placementsOf(m, memberRows.map((x) => x.id));
    const interviews = await m.getRepository(InterviewEntity).find({ where: { caseId }, order: { createdAt: 'ASC' } });
    const analysis = await m.getRepository(AnalysisEntity).findOneBy({ caseId });
    const requests = await m.getRepository(AssistantRequestEntity).find({ where: { caseId }, order: { filedOn: 'DESC' } });
    const assignment = await m.getRepository(AssignmentEntity).findOneBy({ caseId, endedOn: IsNull() });
    const events = await m.getRepository(CaseEventEntity).find({ where: { caseId }, order: { occurredOn: 'DESC', createdAt: 'DESC' } });
    const facts = await this.facts(m, row, actor, {});
    await this.audit.appendRead(m, { actorId: actor.user.id, action: 'case.open', entityType: 'case', entityId: caseId, caseId });
    return {
      id: row.id,
      number: row.number,
      status: row.status as CaseStatus,
      reportedOn: row.reportedOn,
      source: row.source as ReportSource,
      sourceDetails: row.sourceDetails,
      report: row.report,
      urgent: row.urgent,
      minorParent: row.minorParent,
      reasons: row.reasons,
      worker: { id: row.workerId, name: names.get(row.workerId) ?? '—' },
      assistant: assignment ? { id: assignment.assistantId, name: names.get(assignment.assistantId) ?? '—', since: assignment.assignedOn } : null,
      interviewDue: row.interviewDue,
      family: {
        id: family.id,
        kind: family.kind,
        street: family.street,
        postalCode: family.postalCode,
        city: family.city,
        rural: family.rural,
        farmHectares: family.farmHectares,
        housing: family.housing,
        members: memberRows.map((member) => ({
          id: member.id,
          person: personView(personById.get(member.personId)!),
          relation: member.relation,
          inHousehold: member.inHousehold,
          childWhereabouts: member.childWhereabouts,
          memberFrom: member.memberFrom,
          memberTo: member.memberTo,
          placements: placements.get(member.id) ?? [],
        })),
        addresses: await addressHistory(m, family),
      },
      interviews: interviews.map((i) => ({ id: i.id, kind: i.kind, status: i.status, conductedOn: i.conductedOn })),
      analysis: analysis
        ? { reasons: analysis.reasons, strengths: analysis.strengths, resources: analysis.resources, conclusions: analysis.conclusions, consentOn: analysis.consentOn, consentPersons: analysis.consentPersons ?? [], earlierHelp: analysis.earlierHelp ?? '', childrenLegal: analysis.childrenLegal ?? '' }
        : null,
      requests: await this.requestViews(m, requests, names),
      events: events.map((e): CaseEventView => ({ id: e.id, occurredOn: e.occurredOn, kind: e.kind, title: e.title, body: e.body, significant: e.significant, authorName: e.authorId ? (names.get(e.authorId) ?? null) : null })),
      deadlines: await this.deadlines(m, row, kase.access),
      courtOrder: row.courtOrderReference && row.courtOrderCourt && row.courtOrderOn ? { court: row.courtOrderCourt, reference: row.courtOrderReference, orderedOn: row.courtOrderOn } : null,
      actions: availableActions(row.status as CaseStatus, actor.user.roles, facts),
      access: kase.access,
    };
  }

  // ---- transitions -----------------------------------------------------------------------

  /** The facts the state machine's guards read, gathered from the database. */
  private async facts(m: EntityManager, row: CaseRow, actor: Actor, extra: CaseFacts): Promise<CaseFacts> {
    const interview = await m.getRepository(InterviewEntity).findOne({ where: { caseId: row.id, kind: 'full' }, order: { createdAt: 'DESC' } });
    const missing = interview ? missingMandatorySegments(INTERVIEW_FORMS[interview.formVersion] ?? CURRENT_INTERVIEW_FORM, interview.segments) : ['I.A', 'I.H', 'I.I', 'I.J'];
    const analysis = await m.getRepository(AnalysisEntity).findOneBy({ caseId: row.id });
    return {
      mandatorySegmentsComplete: missing.length === 0,
      missingSegments: missing,
      consentRecorded: Boolean(analysis?.consentOn),
      caseloadLimit: actor.settings.caseloadLimit,
      minorParentLeavingInstitution: row.minorParent,
      courtObliged: Boolean(row.courtOrderReference),
      ...extra,
    };
  }

  /** Moves the case along the state machine (shared/domain/caseFlow.ts) or refuses with what is missing. */
  async transition(m: EntityManager, row: CaseRow, action: CaseAction, actor: Actor, extra: CaseFacts = {}): Promise<CaseStatus> {
    const facts = await this.facts(m, row, actor, extra);
    const check = checkTransition(row.status as CaseStatus, action, actor.user.roles, facts);
    if (!check.ok) throw new AppError(check.code === 'FORBIDDEN' ? 'FORBIDDEN' : 'INVALID_STATE', check.message);
    const from = row.status;
    row.status = check.to;
    row.updatedAt = this.clock.now().toISOString();
    row.updatedBy = actor.user.id;
    await m.getRepository(CaseEntity).save(row);
    await this.audit.append(m, { actorId: actor.user.id, action: 'case.transition', entityType: 'case', entityId: row.id, caseId: row.id, details: { action, from, to: check.to } });
    return check.to;
  }

  // ---- interview -------------------------------------------------------------------------

  async startInterview(m: EntityManager, caseId: string, actor: Actor): Promise<{ interviewId: string }> {
    const kase = await this.load(m, caseId, actor);
    this.requireFull(kase);
    await this.transition(m, kase.row, 'start_interview', actor);
    const id = randomUUID();
    await m.getRepository(InterviewEntity).insert({
      id,
      caseId,
      kind: 'full',
      formVersion: CURRENT_INTERVIEW_FORM.version,
      conductedOn: null,
      place: '',
      workerId: actor.user.id,
      segments: {},
      documents: {},
      income: { items: [] },
      incomeResult: null,
      status: 'draft',
      completedAt: null,
      ...this.tracked(actor.user.id),
    });
    await this.audit.append(m, { actorId: actor.user.id, action: 'interview.create', entityType: 'interview', entityId: id, caseId });
    return { interviewId: id };
  }

  /**
   * Aktualizacja wywiadu (Part IV of the form): while aid continues the wywiad is brought up to
   * date at least every six months. The update starts from the last completed wywiad's answers,
   * so the worker changes only what changed, and records the changes in Part IV.
   */
  async startInterviewUpdate(m: EntityManager, caseId: string, actor: Actor): Promise<{ interviewId: string }> {
    const kase = await this.load(m, caseId, actor);
    this.requireFull(kase);
    if (!AID_STATUSES.includes(kase.row.status as CaseStatus)) {
      throw new AppError('INVALID_STATE', `Aktualizację wywiadu przeprowadza się, gdy rodzina otrzymuje pomoc; sprawa ma stan „${CASE_STATUS_LABELS[kase.row.status as CaseStatus]}”.`);
    }
    const interviews = m.getRepository(InterviewEntity);
    const draft = await interviews.findOneBy({ caseId, status: 'draft' });
    if (draft) throw new AppError('INVALID_STATE', 'W tej sprawie jest już rozpoczęty wywiad lub jego aktualizacja — dokończ go, zanim zaczniesz następną.');
    const last = await interviews.findOne({ where: { caseId, status: 'completed' }, order: { conductedOn: 'DESC', createdAt: 'DESC' } });
    if (!last) throw new AppError('INVALID_STATE', 'Nie można zaktualizować wywiadu, który nie został przeprowadzony.');
    const { IV: _previousUpdate, ...segments } = last.segments;
    const id = randomUUID();
    await interviews.insert({
      id,
      caseId,
      kind: 'update',
      formVersion: last.formVersion,
      conductedOn: null,
      place: last.place,
      workerId: actor.user.id,
      segments,
      documents: last.documents,
      income: last.income,
      incomeResult: null,
      status: 'draft',
      completedAt: null,
      ...this.tracked(actor.user.id),
    });
    await this.audit.append(m, { actorId: actor.user.id, action: 'interview.create', entityType: 'interview', entityId: id, caseId, details: { kind: 'update', basedOn: last.id } });
    return { interviewId: id };
  }

  private async loadInterview(m: EntityManager, id: string, actor: Actor): Promise<{ interview: InterviewRow; kase: LoadedCase }> {
    const interview = await m.getRepository(InterviewEntity).findOneBy({ id });
    if (!interview) throw new AppError('NOT_FOUND', 'Nie znaleziono takiego wywiadu.');
    return { interview, kase: await this.load(m, interview.caseId, actor) };
  }

  async interview(m: EntityManager, id: string, actor: Actor): Promise<InterviewView> {
    const { interview, kase } = await this.loadInterview(m, id, actor);
    await this.audit.appendRead(m, { actorId: actor.user.id, action: 'interview.open', entityType: 'interview', entityId: id, caseId: interview.caseId });
    return this.interviewView(m, interview, kase.access);
  }

  private async interviewView(m: EntityManager, row: InterviewRow, access: LoadedCase['access']): Promise<InterviewView> {
    const form = INTERVIEW_FORMS[row.formVersion] ?? CURRENT_INTERVIEW_FORM;
    const hidden = access === 'full' ? [] : form.segments.filter((s) => !s.assistantMayRead).map((s) => s.code);
    const segments: SegmentAnswers = Object.fromEntries(Object.entries(row.segments).filter(([code]) => !hidden.includes(code)));
    const names = await this.userNames(m);
    return {
      id: row.id,
      version: row.version,
      kind: row.kind,
      formVersion: row.formVersion,
      status: row.status,
      conductedOn: row.conductedOn,
      place: row.place,
      workerName: names.get(row.workerId) ?? '—',
      segments,
      hiddenSegments: hidden,
      documents: row.documents as InterviewView['documents'],
      income: row.income,
      incomeResult: row.incomeResult,
      // The statement lists what the household owns: beyond what art. 16 u.w.r. gives the assistant.
      assets: access === 'full' ? (row.assetStatement ?? null) : null,
      missingSegments: missingMandatorySegments(form, row.segments),
      updatedAt: row.updatedAt,
      updatedByName: row.updatedBy ? (names.get(row.updatedBy) ?? null) : null,
    };
  }

  /** Saves a draft. A save based on an older version never overwrites a newer one: CONFLICT. */
  async saveInterview(m: EntityManager, input: InterviewSave, actor: Actor): Promise<InterviewView> {
    const { interview, kase } = await this.loadInterview(m, input.id, actor);
    this.requireFull(kase);
    if (interview.status === 'completed') throw new AppError('INVALID_STATE', 'Wywiad jest zakończony i nie można go już zmieniać. Aby odnotować zmiany, przeprowadź aktualizację wywiadu.');
    if (interview.version !== input.expectedVersion) {
      const names = await this.userNames(m);
      throw new AppError(
        'CONFLICT',
        `Wywiad został w międzyczasie zapisany przez ${names.get(interview.updatedBy ?? '') ?? 'innego użytkownika'} (${officeTime(interview.updatedAt)}). Twoje zmiany nie zostały zapisane — otwórz najnowszą wersję i wprowadź je ponownie albo zapisz swoją wersję jako nową.`,
      );
    }
    if (input.conductedOn) {
      this.notInFuture(input.conductedOn, 'Data wywiadu', 'conductedOn');
      if (compare(input.conductedOn, kase.row.reportedOn) < 0) throw new AppError('VALIDATION', 'Data wywiadu nie może być wcześniejsza niż data zgłoszenia.', { conductedOn: 'Data przed zgłoszeniem.' });
    }
    const form = INTERVIEW_FORMS[interview.formVersion] ?? CURRENT_INTERVIEW_FORM;
    const knownFields = new Map(form.segments.map((s) => [s.code, new Set(s.fields.map((f) => f.key))]));
    for (const [code, fields] of Object.entries(input.segments)) {
      const known = knownFields.get(code);
      if (!known) throw new AppError('VALIDATION', `Nieznana część wywiadu: ${code}.`);
      for (const key of Object.keys(fields)) if (!known.has(key)) throw new AppError('VALIDATION', `Nieznane pole wywiadu: ${code}.${key}.`);
    }
    // The household on the wywiad's day: members who had joined and not yet moved out (issue 15: the family changes).
    const householdOn = input.conductedOn ?? this.today();
    const householdSize = (await m.getRepository(FamilyMemberEntity).findBy({ familyId: kase.row.familyId, inHousehold: true })).filter(
      (x) => (x.memberFrom === null || compare(x.memberFrom, householdOn) <= 0) && (x.memberTo === null || compare(x.memberTo, householdOn) > 0),
    ).length;
    const incomeResult = this.incomeTest(input, householdSize, input.conductedOn ?? kase.row.reportedOn, await officeFoodAidThresholds(m));
    if (input.assets) await this.checkAssetStatement(m, kase, input.assets);
    const before = { ...interview };
    Object.assign(interview, {
      conductedOn: input.conductedOn,
      place: input.place,
      segments: input.segments,
      documents: input.documents,
      income: input.income,
      incomeResult,
      assetStatement: input.assets === undefined ? (interview.assetStatement ?? null) : input.assets,
      updatedAt: this.clock.now().toISOString(),
      updatedBy: actor.user.id,
    });
    await m.getRepository(InterviewEntity).save(interview);
    const changedSegments = Object.keys({ ...before.segments, ...input.segments }).filter(
      (code) => JSON.stringify(before.segments[code] ?? {}) !== JSON.stringify(input.segments[code] ?? {}),
    );
    await this.audit.append(m, {
      actorId: actor.user.id,
      action: 'interview.update',
      entityType: 'interview',
      entityId: interview.id,
      caseId: interview.caseId,
      details: {
        version: interview.version,
        changedSegments,
        ...(before.conductedOn === input.conductedOn ? {} : { conductedOn: { from: before.conductedOn, to: input.conductedOn } }),
      },
    });
    return this.interviewView(m, interview, kase.access);
  }

  /** The oświadczenie o stanie majątkowym: made by a member of this family, signed on a day that has come. */
  private async checkAssetStatement(m: EntityManager, kase: LoadedCase, assets: AssetStatement): Promise<void> {
    if (assets.signedOn) this.notInFuture(assets.signedOn, 'Data podpisania oświadczenia', 'assets.signedOn');
    if (assets.declarantId) {
      const member = await m.getRepository(FamilyMemberEntity).findOneBy({ familyId: kase.row.familyId, personId: assets.declarantId });
      if (!member) throw new AppError('VALIDATION', 'Oświadczenie o stanie majątkowym składa członek tej rodziny.', { 'assets.declarantId': 'Wybierz członka rodziny.' });
    }
  }

  /** An update changes no status: it records what changed (Part IV) and restarts the six months. */
  private async completeInterviewUpdate(m: EntityManager, interview: InterviewRow, kase: LoadedCase, actor: Actor): Promise<InterviewView> {
    const conductedOn = interview.conductedOn!;
    const form = INTERVIEW_FORMS[interview.formVersion] ?? CURRENT_INTERVIEW_FORM;
    const missing = missingMandatorySegments(form, interview.segments);
    if (missing.length > 0) throw new AppError('VALIDATION', `Nie można zakończyć aktualizacji: nie uzupełniono obowiązkowych części wywiadu (${missing.join(', ')}).`);
    if (!interview.segments.IV?.changes?.trim()) {
      throw new AppError('VALIDATION', 'Nie można zakończyć aktualizacji: opisz w części IV, co zmieniło się w sytuacji rodziny (albo że nic się nie zmieniło).', { 'IV.changes': 'Opisz zmiany.' });
    }
    const previous = await m.getRepository(InterviewEntity).findOne({ where: { caseId: kase.row.id, status: 'completed' }, order: { conductedOn: 'DESC' } });
    if (previous?.conductedOn && compare(conductedOn, previous.conductedOn) < 0) {
      throw new AppError('VALIDATION', `Data aktualizacji nie może być wcześniejsza niż data poprzedniego wywiadu (${previous.conductedOn}).`, { conductedOn: 'Data przed poprzednim wywiadem.' });
    }
    interview.status = 'completed';
    interview.completedAt = this.clock.now().toISOString();
    interview.updatedAt = interview.completedAt;
    interview.updatedBy = actor.user.id;
    await m.getRepository(InterviewEntity).save(interview);
    await this.event(m, kase.row.id, conductedOn, 'interview', 'Zaktualizowano wywiad środowiskowy', interview.segments.IV.changes.trim(), COURT_SIGNIFICANT.interview_updated, actor.user.id, 'interview', interview.id);
    await this.audit.append(m, { actorId: actor.user.id, action: 'interview.complete', entityType: 'interview', entityId: interview.id, caseId: kase.row.id, details: { kind: 'update' } });
    return this.interviewView(m, interview, kase.access);
  }

  /** `foodAidThresholds`: the office's FEPŻ table; the share in force on the wywiad's date is shown. */
  private incomeTest(input: InterviewSave, householdSize: number, date: IsoDate, foodAidThresholds: readonly FoodAidThreshold[]): IncomeTestResult | null {
    if (input.income.items.length === 0 && !input.income.farmHectares) return null;
    try {
      return runIncomeTest({ date, householdSize: Math.max(1, householdSize), items: input.income.items, farmHectares: input.income.farmHectares, foodAidThresholds });
    } catch (error) {
      if (error instanceof IncomeTestInputError) throw new AppError('VALIDATION', `Test dochodowy: ${error.message}`, error.fields);
      if (error instanceof CriteriaNotFoundError) throw new AppError('VALIDATION', error.message);
      throw error;
    }
  }

  async completeInterview(m: EntityManager, id: string, expectedVersion: number, actor: Actor): Promise<InterviewView> {
    const { interview, kase } = await this.loadInterview(m, id, actor);
    this.requireFull(kase);
    if (interview.version !== expectedVersion) throw new AppError('CONFLICT', 'Wywiad został w międzyczasie zmieniony. Otwórz najnowszą wersję przed zakończeniem.');
    if (!interview.conductedOn) throw new AppError('VALIDATION', 'Nie można zakończyć wywiadu: podaj datę przeprowadzenia wywiadu.', { conductedOn: 'Podaj datę wywiadu.' });
    if (interview.kind === 'update') return this.completeInterviewUpdate(m, interview, kase, actor);
    // art. 11 u.w.r.: a minor parent leaving an institution goes from the wywiad to the kierownik's queue.
    await this.transition(m, kase.row, kase.row.minorParent ? 'complete_interview_minor_parent' : 'complete_interview', actor);
    interview.status = 'completed';
    interview.completedAt = this.clock.now().toISOString();
    interview.updatedAt = interview.completedAt;
    interview.updatedBy = actor.user.id;
    await m.getRepository(InterviewEntity).save(interview);
    const late = compare(interview.conductedOn, kase.row.interviewDue) > 0;
    await this.event(m, kase.row.id, interview.conductedOn, 'interview', late ? 'Przeprowadzono wywiad środowiskowy (po terminie)' : 'Przeprowadzono wywiad środowiskowy', '', COURT_SIGNIFICANT.interview_completed, actor.user.id, 'interview', interview.id);
    await this.audit.append(m, { actorId: actor.user.id, action: 'interview.complete', entityType: 'interview', entityId: id, caseId: kase.row.id, details: { late } });
    if (kase.row.minorParent) await this.insertRequest(m, kase.row.id, MINOR_PARENT_JUSTIFICATION, 'minor_parent', interview.conductedOn, actor);
    return this.interviewView(m, interview, kase.access);
  }

  // ---- analysis and the request for an assistant ------------------------------------------

  async saveAnalysis(m: EntityManager, input: AnalysisSave, actor: Actor): Promise<void> {
    const kase = await this.load(m, input.caseId, actor);
    this.requireFull(kase);
    if (kase.row.status !== 'ANALYSIS') throw new AppError('INVALID_STATE', 'Analizę sytuacji rodziny zapisuje się po zakończeniu wywiadu, przed wnioskiem o asystenta.');
    if (input.consentOn) {
      this.notInFuture(input.consentOn, 'Data zgody rodziny', 'consentOn');
    }
    for (const entry of input.consentPersons) this.notInFuture(entry.givenOn, 'Data zgody', 'consentPersons');
    const familyPersons = new Set((await m.getRepository(FamilyMemberEntity).findBy({ familyId: kase.row.familyId })).map((member) => member.personId));
    if (input.consentPersons.some((entry) => !familyPersons.has(entry.personId))) {
      throw new AppError('VALIDATION', 'Zgodę można odnotować tylko dla członków tej rodziny.', { consentPersons: 'Osoba spoza rodziny.' });
    }
    const repo = m.getRepository(AnalysisEntity);
    const existing = await repo.findOneBy({ caseId: input.caseId });
    const now = this.clock.now().toISOString();
    const values = { reasons: input.reasons, strengths: input.strengths, resources: input.resources, conclusions: input.conclusions, consentOn: input.consentOn, consentPersons: input.consentPersons, earlierHelp: input.earlierHelp, childrenLegal: input.childrenLegal };
    if (existing) {
      await repo.save({ ...existing, ...values, updatedAt: now, updatedBy: actor.user.id });
    } else {
      await repo.insert({ id: randomUUID(), caseId: input.caseId, outcome: null, ...values, ...this.tracked(actor.user.id) });
    }
    kase.row.reasons = input.reasons;
    kase.row.consentOn = input.consentOn;
    await m.getRepository(CaseEntity).save({ ...kase.row, updatedAt: now, updatedBy: actor.user.id });
    await this.audit.append(m, {
      actorId: actor.user.id,
      action: existing ? 'analysis.update' : 'analysis.create',
      entityType: 'analysis',
      entityId: input.caseId,
      caseId: input.caseId,
      details: { reasons: input.reasons, consentOn: input.consentOn },
    });
  }

  async chooseSocialWork(m: EntityManager, caseId: string, actor: Actor): Promise<void> {
    const kase = await this.load(m, caseId, actor);
    this.requireFull(kase);
    await this.transition(m, kase.row, 'choose_social_work', actor);
    await m.getRepository(AnalysisEntity).update({ caseId }, { outcome: 'social_work' });
    await this.event(m, caseId, this.today(), 'analysis', 'Analiza: praca socjalna bez asystenta rodziny', '', COURT_SIGNIFICANT.social_work_only, actor.user.id);
  }

  /** `filedOn`: the day the request was made on paper, when it is recorded later (today by default). */
  async fileRequest(m: EntityManager, caseId: string, justification: string, actor: Actor, filedOn: IsoDate = this.today()): Promise<RequestView> {
    const kase = await this.load(m, caseId, actor);
    this.requireFull(kase);
    const lastInterview = await m.getRepository(InterviewEntity).findOne({ where: { caseId, status: 'completed' }, order: { conductedOn: 'DESC' } });
    this.actOn(filedOn, 'Data wniosku', 'filedOn', [
      { date: kase.row.reportedOn, what: 'data zgłoszenia' },
      { date: lastInterview?.conductedOn, what: 'data wywiadu' },
    ]);
    await this.transition(m, kase.row, 'request_assistant', actor);
    await m.getRepository(AnalysisEntity).update({ caseId }, { outcome: 'assistant' });
    const id = await this.insertRequest(m, caseId, justification, kase.row.courtOrderReference ? 'court_obliged' : 'voluntary', filedOn, actor);
    return this.requestView(m, id, await this.userNames(m));
  }

  /** A pending request in the kierownik's queue, with its chronology and audit entries; `filedOn` the day it was made. */
  private async insertRequest(m: EntityManager, caseId: string, justification: string, kind: RequestKind, filedOn: IsoDate, actor: Actor): Promise<string> {
    const id = randomUUID();
    await m.getRepository(AssistantRequestEntity).insert({
      id,
      caseId,
      justification,
      filedOn,
      filedBy: actor.user.id,
      decisionDue: addWorkingDays(filedOn, actor.settings.decisionWorkingDays),
      status: 'pending',
      decisionNote: null,
      referralTarget: null,
      referralOrganisation: null,
      decidedBy: null,
      decidedOn: null,
      kind,
      ...this.tracked(actor.user.id),
    });
    const title = kind === 'minor_parent' ? 'Przekazano kierownikowi do obowiązkowego przydziału asystenta rodziny (małoletni rodzic)' : 'Wniosek o przydzielenie asystenta rodziny';
    await this.event(m, caseId, filedOn, 'request', title, justification, COURT_SIGNIFICANT.request_filed, actor.user.id, 'request', id);
    await this.audit.append(m, { actorId: actor.user.id, action: 'request.create', entityType: 'request', entityId: id, caseId, details: { kind, filedOn, enteredLater: compare(filedOn, this.today()) < 0 } });
    return id;
  }

  async requestView(m: EntityManager, id: string, names: Map<string, string>): Promise<RequestView> {
    const [view] = await this.requestViews(m, [await m.getRepository(AssistantRequestEntity).findOneByOrFail({ id })], names);
    return view!;
  }

  /** Requests as lists show them: their cases' numbers and family labels in one query, whatever their number. */
  async requestViews(m: EntityManager, requests: readonly AssistantRequestRow[], names: Map<string, string>): Promise<RequestView[]> {
    if (requests.length === 0) return [];
    const heads = new Map(
      (
        (await m.query(`SELECT c.id AS id, c.number AS number, COALESCE(d.family_name, '—') AS familyName FROM case_file c LEFT JOIN search_doc d ON d.case_id = c.id WHERE c.id IN (SELECT value FROM json_each(?))`, [
          JSON.stringify([...new Set(requests.map((r) => r.caseId))]),
        ])) as { id: string; number: string; familyName: string }[]
      ).map((c) => [c.id, c]),
    );
    return requests.map((r) => ({
      id: r.id,
      caseId: r.caseId,
      caseNumber: heads.get(r.caseId)?.number ?? '—',
      familyName: heads.get(r.caseId)?.familyName ?? '—',
      justification: r.justification,
      filedOn: r.filedOn,
      decisionDue: r.decisionDue,
      filedByName: names.get(r.filedBy) ?? '—',
      status: r.status,
      decisionNote: r.decisionNote,
      referralOrganisation: r.referralOrganisation,
      decidedOn: r.decidedOn,
      kind: r.kind,
    }));
  }

  async queue(m: EntityManager): Promise<RequestView[]> {
    const pending = await m.getRepository(AssistantRequestEntity).find({ where: { status: 'pending' }, order: { filedOn: 'ASC' } });
    return this.requestViews(m, pending, await this.userNames(m));
  }

  /** Families each active assistant works with now (art. 15 ust. 4 u.w.r.), in one query (tray.ts). */
  async caseloads(m: EntityManager, actor: Actor): Promise<CaseloadView[]> {
    return caseloads(m, actor.settings.caseloadLimit);
  }

  /** Families an assistant works with now (art. 15 ust. 4 u.w.r.). */
  private async caseload(m: EntityManager, assistantId: string): Promise<number> {
    const rows = (await m.query('SELECT count(DISTINCT c.family_id) AS n FROM assignment a JOIN case_file c ON c.id = a.case_id WHERE a.assistant_id = ? AND a.ended_on IS NULL', [assistantId])) as { n: number }[];
    return rows[0]?.n ?? 0;
  }

  /** `decidedOn`: the day the kierownik decided on paper, when it is recorded later (today by default). */
  async decide(m: EntityManager, requestId: string, decision: Decision, actor: Actor, decidedOn: IsoDate = this.today()): Promise<RequestView> {
    const request = await m.getRepository(AssistantRequestEntity).findOneBy({ id: requestId });
    if (!request) throw new AppError('NOT_FOUND', 'Nie znaleziono takiego wniosku.');
    if (request.status !== 'pending') throw new AppError('INVALID_STATE', 'O tym wniosku już zdecydowano.');
    const kase = await this.load(m, request.caseId, actor);
    const own = await requireSecondPerson(m, actor.user.id, request.filedBy, 'Nie możesz zdecydować o wniosku, który sama złożyłaś — decyzję podejmuje inny kierownik ośrodka.');
    const act = this.actOn(decidedOn, 'Data decyzji', 'decidedOn', [{ date: request.filedOn, what: 'data wniosku' }]);
    const today = decidedOn;
    if (decision.kind === 'assign') {
      await this.assign(m, kase, decision.assistantId, actor, decidedOn);
      request.status = 'assigned';
    } else if (decision.kind === 'refer') {
      await this.transition(m, kase.row, 'refer', actor, { referralTarget: decision.target });
      request.status = 'referred';
      request.referralTarget = decision.target;
      request.referralOrganisation = decision.organisation;
      await this.event(m, kase.row.id, today, 'decision', 'Sprawa przekazana do innego podmiotu', decision.organisation, COURT_SIGNIFICANT.referred_elsewhere, actor.user.id, 'request', request.id);
    } else {
      await this.transition(m, kase.row, 'return_to_worker', actor, { returnReason: decision.reason });
      request.status = 'returned';
      request.decisionNote = decision.reason;
      await this.event(m, kase.row.id, today, 'decision', 'Wniosek zwrócony pracownikowi socjalnemu', decision.reason, COURT_SIGNIFICANT.request_returned, actor.user.id, 'request', request.id);
    }
    request.decidedBy = actor.user.id;
    request.decidedOn = decidedOn;
    request.updatedAt = this.clock.now().toISOString();
    request.updatedBy = actor.user.id;
    await m.getRepository(AssistantRequestEntity).save(request);
    await this.audit.append(m, { actorId: actor.user.id, action: 'request.decide', entityType: 'request', entityId: request.id, caseId: kase.row.id, details: { ...decision, ...act, ...own } });
    return this.requestView(m, request.id, await this.userNames(m));
  }

  private async assign(m: EntityManager, kase: LoadedCase, assistantId: string, actor: Actor, on: IsoDate): Promise<void> {
    const assistant = await m.getRepository(UserEntity).findOneBy({ id: assistantId });
    if (!assistant?.active || !assistant.roles.includes('family_assistant')) {
      throw new AppError('VALIDATION', 'Wybrana osoba nie jest aktywnym asystentem rodziny.', { assistantId: 'Wybierz asystenta rodziny.' });
    }
    const load = await this.caseload(m, assistantId);
    await this.transition(m, kase.row, 'assign_assistant', actor, { assistantCaseload: load });
    await m.getRepository(AssignmentEntity).insert({ id: randomUUID(), caseId: kase.row.id, assistantId, assignedOn: on, endedOn: null, reason: null, endReason: null, ...this.tracked(actor.user.id) });
    await this.event(m, kase.row.id, on, 'decision', `Przydzielono asystenta rodziny: ${assistant.firstName} ${assistant.lastName}`, '', COURT_SIGNIFICANT.assistant_assigned, actor.user.id);
    await this.audit.append(m, { actorId: actor.user.id, action: 'assignment.create', entityType: 'assignment', entityId: assistantId, caseId: kase.row.id, details: { assistantId, caseloadBefore: load } });
  }

  // ---- chronology ------------------------------------------------------------------------

  async addNote(m: EntityManager, input: Note, actor: Actor): Promise<CaseEventView> {
    const kase = await this.load(m, input.caseId, actor);
    this.notInFuture(input.occurredOn, 'Data zdarzenia', 'occurredOn');
    const id = await this.event(m, kase.row.id, input.occurredOn, input.kind, input.title, input.body, input.significant, actor.user.id);
    await this.audit.append(m, { actorId: actor.user.id, action: 'case_event.create', entityType: 'case_event', entityId: id, caseId: kase.row.id, details: { kind: input.kind } });
    return { id, occurredOn: input.occurredOn, kind: input.kind, title: input.title, body: input.body, significant: input.significant, authorName: `${actor.user.firstName} ${actor.user.lastName}` };
  }

  async setSignificant(m: EntityManager, eventId: string, significant: boolean, actor: Actor): Promise<void> {
    const event = await m.getRepository(CaseEventEntity).findOneBy({ id: eventId });
    if (!event) throw new AppError('NOT_FOUND', 'Nie znaleziono takiego wpisu.');
    await this.load(m, event.caseId, actor);
    if (event.significant === significant) return;
    await m.getRepository(CaseEventEntity).update({ id: eventId }, { significant });
    await this.audit.append(m, { actorId: actor.user.id, action: 'case_event.update', entityType: 'case_event', entityId: eventId, caseId: event.caseId, details: { changes: { significant: { from: !significant, to: significant } } } });
  }

  async event(
    m: EntityManager,
    caseId: string,
    occurredOn: IsoDate,
    kind: string,
    title: string,
    body: string,
    significant: boolean,
    authorId: string,
    refType: string | null = null,
    refId: string | null = null,
  ): Promise<string> {
    const id = randomUUID();
    await m.getRepository(CaseEventEntity).insert({ id, caseId, occurredOn, kind, title, body, significant, authorId, refType, refId, createdAt: this.clock.now().toISOString() });
    return id;
  }
}

function personView(p: PersonRow): PersonView {
  return {
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    birthDate: p.birthDate,
    sex: p.sex,
    pesel: p.pesel,
    documentType: p.documentType,
    documentNumber: p.documentNumber,
    citizenship: p.citizenship,
    phone: p.phone,
  };
}
