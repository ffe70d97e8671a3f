/**
 * Working with the family after the assignment (issue 5): the kontrakt socjalny (the worker's,
 * art. 108 u.p.s.), the plan pracy z rodziną (the assistant's, art. 15 ust. 1 pkt 1–2 u.w.r.),
 * the visit diary, okresowe oceny at least every six months (pkt 15), and closure with
 * monitoring (pkt 16). Life cycles and content rules come from shared/domain/familyWork.ts.
 */
import { randomUUID } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import { CLOSURE_REASON_LABELS, type ClosureReason } from '../../shared/domain/caseFlow';
import { COURT_SIGNIFICANT } from '../../shared/chronology';
import { addMonths, compare, formatPolishDate, type IsoDate } from '../../shared/domain/dates';
import { nextAssessmentDue } from '../../shared/domain/deadlines';
import { contractProblems, contractTransition, planProblems, PLAN_STATUS_LABELS, type ContractEvent } from '../../shared/domain/familyWork';
import type {
  assessmentHandOverSchema,
  assessmentSchema,
  AssessmentView,
  closureDecisionSchema,
  closureProposalSchema,
  contractCreateSchema,
  contractEventSchema,
  contractSaveSchema,
  ContractView,
  FamilyWorkView,
  planContentSchema,
  planSaveSchema,
  PlanView,
  visitPlanSchema,
  visitSchema,
  VisitKind,
} from '../../shared/family-work';
import type { Clock } from '../clock';
import { recordCaseId } from '../data/queries/case-access';
import { holdForWrite } from '../data/queries/row-locks';
import {
  AnalysisEntity,
  AssessmentEntity,
  AssignmentEntity,
  CaseEntity,
  ContractEntity,
  FamilyMemberEntity,
  PlanEntity,
  VisitEntity,
  type AssessmentRow,
  type ContractRow,
  type PlanRow,
  type Tracked,
} from '../db/entities';
import { AppError } from '../errors';
import type { AuditService } from './audit';
import { changedFields } from './audit';
import type { Actor, CasesService, LoadedCase } from './cases';

type ContractCreate = z.output<typeof contractCreateSchema>;
type ContractSave = z.output<typeof contractSaveSchema>;
type ContractEventInput = z.output<typeof contractEventSchema>;
type PlanContent = z.output<typeof planContentSchema>;
type PlanSave = z.output<typeof planSaveSchema>;
type VisitInput = z.output<typeof visitSchema>;
type VisitPlanInput = z.output<typeof visitPlanSchema>;
type AssessmentInput = z.output<typeof assessmentSchema>;
type AssessmentHandOver = z.output<typeof assessmentHandOverSchema>;

export class FamilyWorkService {
  constructor(
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly cases: CasesService,
  ) {}

  private touch<T extends Tracked>(row: T, actorId: string): T {
    row.updatedAt = this.clock.now().toISOString();
    row.updatedBy = actorId;
    return row;
  }

  private async assignedSince(m: EntityManager, caseId: string): Promise<IsoDate | null> {
    const first = await m.getRepository(AssignmentEntity).findOne({ where: { caseId }, order: { assignedOn: 'ASC' } });
    return first?.assignedOn ?? null;
  }

  private requireAssistant(kase: LoadedCase, actor: Actor): void {
    if (!kase.activeAssistantIds.includes(actor.user.id)) {
      throw new AppError('FORBIDDEN', 'Tę czynność wykonuje asystent rodziny przydzielony do tej rodziny.');
    }
  }

  // ---- overview ------------------------------------------------------------------------

  async overview(m: EntityManager, caseId: string, actor: Actor): Promise<FamilyWorkView> {
    const kase = await this.cases.load(m, caseId, actor);
    const names = await this.cases.userNames(m);
    const contracts = kase.access === 'full' ? await m.getRepository(ContractEntity).find({ where: { caseId }, order: { createdAt: 'DESC' } }) : [];
    const plans = await m.getRepository(PlanEntity).find({ where: { caseId }, order: { number: 'DESC' } });
    const allVisits = await m.getRepository(VisitEntity).find({ where: { caseId }, order: { visitedOn: 'DESC' } });
    const visits = allVisits.filter((v) => !v.planned);
    const plannedVisits = allVisits
      .filter((v) => v.planned)
      .reverse()
      .map((v) => ({ id: v.id, plannedOn: v.visitedOn, kind: v.kind as VisitKind, place: v.place }));
    const assessments = await m.getRepository(AssessmentEntity).find({ where: { caseId }, order: { assessedOn: 'DESC' } });
    return {
      contracts: contracts.map((c) => contractView(c, names)),
      plans: plans.map((p) => planView(p, names)),
      visits: visits.map((v) => ({ id: v.id, visitedOn: v.visitedOn, place: v.place, participants: v.participants, topics: v.topics, agreed: v.agreed, authorName: names.get(v.authorId) ?? '—' })),
      plannedVisits,
      assessments: assessments.map((a) => assessmentView(a, names)),
      nextAssessmentDue: await this.nextAssessment(m, kase.row.id, kase.row.status),
      monitoringUntil: kase.row.monitoringUntil,
      closureReason: kase.row.closureReason,
      closureNote: kase.row.closureNote,
      closureProposedOn: kase.row.closureProposedOn,
      monitoringEndedOn: kase.row.monitoringEndedOn,
    };
  }

  async nextAssessment(m: EntityManager, caseId: string, status: string): Promise<IsoDate | null> {
    if (!['ASSISTANT_ASSIGNED', 'PLAN', 'IN_PROGRESS', 'CLOSING'].includes(status)) return null;
    const last = await m.getRepository(AssessmentEntity).findOne({ where: { caseId }, order: { assessedOn: 'DESC' } });
    const since = last?.assessedOn ?? (await this.assignedSince(m, caseId));
    return since ? nextAssessmentDue(since) : null;
  }

  // ---- kontrakt socjalny -----------------------------------------------------------------

  private async checkClients(m: EntityManager, familyId: string, clientIds: string[]): Promise<void> {
    const members = new Set((await m.getRepository(FamilyMemberEntity).findBy({ familyId })).map((x) => x.personId));
    if (clientIds.some((id) => !members.has(id))) throw new AppError('VALIDATION', 'Stroną kontraktu może być tylko członek tej rodziny.');
  }

  async createContract(m: EntityManager, input: ContractCreate, actor: Actor): Promise<ContractView> {
    const kase = await this.cases.load(m, input.caseId, actor);
    this.cases.requireFull(kase);
    if (['CLOSED', 'ARCHIVED', 'REFERRED'].includes(kase.row.status)) throw new AppError('INVALID_STATE', 'Nie można zawrzeć kontraktu w sprawie zamkniętej lub przekazanej.');
    await this.checkClients(m, kase.row.familyId, input.clientIds);
    const { caseId, ...content } = input;
    const row: ContractRow = {
      id: randomUUID(),
      caseId,
      status: 'draft',
      workerId: kase.row.workerId,
      ...content,
      actions: content.actions.map((a) => ({ ...a, id: a.id ?? randomUUID() })),
      signedOn: null,
      outcome: null,
      outcomeNote: null,
      terminatedOn: null,
      terminationReason: null,
      ...this.cases.tracked(actor.user.id),
    };
    await m.getRepository(ContractEntity).insert(row);
    await this.audit.append(m, { actorId: actor.user.id, action: 'contract.create', entityType: 'contract', entityId: row.id, caseId, details: { variant: row.variant } });
    return contractView(row, await this.cases.userNames(m));
  }

  private async loadContract(m: EntityManager, id: string, actor: Actor): Promise<{ contract: ContractRow; kase: LoadedCase }> {
    const contract = await m.getRepository(ContractEntity).findOneBy({ id });
    if (!contract) {
      // On the server a kontrakt the user may not open is hidden: refused as "not yours", as here.
      const caseId = await recordCaseId(m, 'contract', id);
      if (caseId) this.cases.requireFull(await this.cases.load(m, caseId, actor));
      throw new AppError('NOT_FOUND', 'Nie znaleziono takiego kontraktu.');
    }
    const kase = await this.cases.load(m, contract.caseId, actor);
    this.cases.requireFull(kase);
    return { contract, kase };
  }

  async saveContract(m: EntityManager, input: ContractSave, actor: Actor): Promise<ContractView> {
    // Another PC's save of the same kontrakt is waited for, then seen by the version check (CONFLICT).
    await holdForWrite(m, 'contract', input.id);
    const { contract, kase } = await this.loadContract(m, input.id, actor);
    if (contract.status !== 'draft') throw new AppError('INVALID_STATE', 'Podpisanego kontraktu nie można zmieniać. Można go ocenić albo rozwiązać.');
    if (contract.version !== input.expectedVersion) throw new AppError('CONFLICT', 'Kontrakt został w międzyczasie zmieniony przez innego użytkownika. Otwórz najnowszą wersję.');
    await this.checkClients(m, kase.row.familyId, input.clientIds);
    const { id: _id, expectedVersion: _v, ...content } = input;
    const before = { ...contract };
    Object.assign(contract, content, { actions: content.actions.map((a) => ({ ...a, id: a.id ?? randomUUID() })) });
    await m.getRepository(ContractEntity).save(this.touch(contract, actor.user.id));
    const changes = changedFields(before, contract, ['variant', 'clientIds', 'causes', 'possibilities', 'limitations', 'mainGoal', 'partialGoals', 'actions', 'periodFrom', 'periodTo', 'labourMarket']);
    await this.audit.append(m, { actorId: actor.user.id, action: 'contract.update', entityType: 'contract', entityId: contract.id, caseId: contract.caseId, details: { changes } });
    return contractView(contract, await this.cases.userNames(m));
  }

  async contractEvent(m: EntityManager, input: ContractEventInput, actor: Actor): Promise<ContractView> {
    const { contract, kase } = await this.loadContract(m, input.id, actor);
    const today = this.cases.today();
    if (input.event === 'breach') {
      if (!['signed', 'in_progress'].includes(contract.status)) throw new AppError('INVALID_STATE', 'Niedotrzymanie można odnotować tylko w kontrakcie podpisanym lub w realizacji.');
      this.cases.notInFuture(input.occurredOn, 'Data niedotrzymania kontraktu');
      // art. 11 ust. 2 u.p.s.: not keeping the contract can limit or stop cash benefits — so it is a significant event.
      await this.cases.event(m, kase.row.id, input.occurredOn, 'contract', 'Niedotrzymanie kontraktu socjalnego', input.note, COURT_SIGNIFICANT.contract_breach, actor.user.id, 'contract', contract.id);
      await this.audit.append(m, { actorId: actor.user.id, action: 'contract.breach', entityType: 'contract', entityId: contract.id, caseId: contract.caseId, details: { occurredOn: input.occurredOn } });
      return contractView(contract, await this.cases.userNames(m));
    }
    if (input.event === 'action_status') {
      if (!['signed', 'in_progress'].includes(contract.status)) throw new AppError('INVALID_STATE', 'Stan działań zmienia się w kontrakcie podpisanym lub w realizacji.');
      const action = contract.actions.find((a) => a.id === input.actionId);
      if (!action) throw new AppError('NOT_FOUND', 'Nie ma takiego działania w kontrakcie.');
      const from = action.status;
      action.status = input.status;
      await m.getRepository(ContractEntity).save(this.touch(contract, actor.user.id));
      await this.audit.append(m, { actorId: actor.user.id, action: 'contract.update', entityType: 'contract', entityId: contract.id, caseId: contract.caseId, details: { changes: { [`action:${action.id}`]: { from, to: input.status } } } });
      return contractView(contract, await this.cases.userNames(m));
    }
    // A paper act recorded later: its real date, marked in the audit (issue 15, item 7).
    let act: { actOn: IsoDate; enteredLater: boolean } | Record<string, never> = {};
    const step = contractTransition(contract.status, input.event as ContractEvent);
    if (!step.ok) throw new AppError('INVALID_STATE', step.message);
    if (input.event === 'sign') {
      const problems = contractProblems(contract);
      if (problems.length > 0) throw new AppError('VALIDATION', `Nie można podpisać kontraktu: ${problems.join(' ')}`);
      act = this.cases.actOn(input.signedOn, 'Data podpisania', 'signedOn', [{ date: kase.row.reportedOn, what: 'data zgłoszenia' }]);
      contract.signedOn = input.signedOn;
      await this.cases.event(m, kase.row.id, input.signedOn, 'contract', 'Podpisano kontrakt socjalny', contract.mainGoal, COURT_SIGNIFICANT.contract_signed, actor.user.id, 'contract', contract.id);
    } else if (input.event === 'assess') {
      contract.outcome = input.outcome;
      contract.outcomeNote = input.note;
      await this.cases.event(m, kase.row.id, today, 'contract', 'Oceniono realizację kontraktu socjalnego', input.note, COURT_SIGNIFICANT.contract_assessed, actor.user.id, 'contract', contract.id);
    } else if (input.event === 'terminate') {
      this.cases.notInFuture(input.terminatedOn, 'Data rozwiązania');
      contract.terminatedOn = input.terminatedOn;
      contract.terminationReason = input.reason;
      await this.cases.event(m, kase.row.id, input.terminatedOn, 'contract', 'Rozwiązano kontrakt socjalny', input.reason, COURT_SIGNIFICANT.contract_terminated, actor.user.id, 'contract', contract.id);
    }
    const from = contract.status;
    contract.status = step.to;
    await m.getRepository(ContractEntity).save(this.touch(contract, actor.user.id));
    await this.audit.append(m, { actorId: actor.user.id, action: `contract.${input.event}`, entityType: 'contract', entityId: contract.id, caseId: contract.caseId, details: { from, to: step.to, ...act } });
    return contractView(contract, await this.cases.userNames(m));
  }

  // ---- plan pracy z rodziną ---------------------------------------------------------------

  /** A new draft: the first plan, or a revision copying the signed one (which stays as it is). */
  async createPlan(m: EntityManager, caseId: string, content: PlanContent | null, actor: Actor): Promise<PlanView> {
    const kase = await this.cases.load(m, caseId, actor);
    this.requireAssistant(kase, actor);
    const repo = m.getRepository(PlanEntity);
    if (await repo.existsBy({ caseId, status: 'draft' })) throw new AppError('CONFLICT', 'Ta rodzina ma już projekt planu. Dokończ go albo zmień.');
    if (await repo.existsBy({ caseId, status: 'awaiting_approval' })) throw new AppError('CONFLICT', 'Plan tej rodziny czeka na zatwierdzenie przez kierownika. Nową wersję można napisać po jego decyzji.');
    const latest = await repo.findOne({ where: { caseId }, order: { number: 'DESC' } });
    if (kase.row.status === 'ASSISTANT_ASSIGNED') await this.cases.transition(m, kase.row, 'start_plan', actor);
    else if (kase.row.status === 'IN_PROGRESS') await this.cases.transition(m, kase.row, 'revise_plan', actor);
    else if (kase.row.status !== 'PLAN') throw new AppError('INVALID_STATE', 'Plan pracy z rodziną pisze się po przydzieleniu asystenta, w czasie pracy z rodziną.');
    const base = content ?? (latest ? planContent(latest) : { type: 'standard' as const, coordinator: '', areas: [], diagnosis: await diagnosisFromAnalysis(m, caseId), shortTermGoals: '', longTermGoals: '', review: '' });
    const row: PlanRow = { id: randomUUID(), caseId, number: (latest?.number ?? 0) + 1, ...base, status: 'draft', signedOn: null, assistantId: actor.user.id, ...this.cases.tracked(actor.user.id) };
    await repo.insert(row);
    await this.audit.append(m, { actorId: actor.user.id, action: 'plan.create', entityType: 'plan', entityId: row.id, caseId, details: { number: row.number, revisionOf: latest?.id ?? null } });
    return planView(row, await this.cases.userNames(m));
  }

  private async loadPlan(m: EntityManager, id: string, actor: Actor): Promise<{ plan: PlanRow; kase: LoadedCase }> {
    const plan = await m.getRepository(PlanEntity).findOneBy({ id });
    if (!plan) {
      // On the server a plan of a case the user may not open is hidden: refused as "not yours", as here.
      const caseId = await recordCaseId(m, 'plan', id);
      if (caseId) await this.cases.load(m, caseId, actor);
      throw new AppError('NOT_FOUND', 'Nie znaleziono takiego planu.');
    }
    return { plan, kase: await this.cases.load(m, plan.caseId, actor) };
  }

  async plan(m: EntityManager, id: string, actor: Actor): Promise<PlanView> {
    const { plan } = await this.loadPlan(m, id, actor);
    return planView(plan, await this.cases.userNames(m));
  }

  async savePlan(m: EntityManager, input: PlanSave, actor: Actor): Promise<PlanView> {
    await holdForWrite(m, 'plan', input.id);
    const { plan, kase } = await this.loadPlan(m, input.id, actor);
    this.requireAssistant(kase, actor);
    if (plan.status !== 'draft') {
      throw new AppError('INVALID_STATE', `Plan w wersji ${plan.number} jest ${PLAN_STATUS_LABELS[plan.status].toLowerCase()} i nie można go zmieniać. Aby go zmienić, utwórz nową wersję.`);
    }
    if (plan.version !== input.expectedVersion) throw new AppError('CONFLICT', 'Plan został w międzyczasie zmieniony. Otwórz najnowszą wersję.');
    const before = { ...plan };
    plan.type = input.type;
    plan.coordinator = input.coordinator;
    plan.areas = input.areas;
    plan.diagnosis = input.diagnosis;
    plan.shortTermGoals = input.shortTermGoals;
    plan.longTermGoals = input.longTermGoals;
    plan.review = input.review;
    await m.getRepository(PlanEntity).save(this.touch(plan, actor.user.id));
    await this.audit.append(m, { actorId: actor.user.id, action: 'plan.update', entityType: 'plan', entityId: plan.id, caseId: plan.caseId, details: { changes: changedFields(before, plan, ['type', 'coordinator', 'areas', 'diagnosis', 'shortTermGoals', 'longTermGoals', 'review']) } });
    return planView(plan, await this.cases.userNames(m));
  }

  async signPlan(m: EntityManager, id: string, signedOn: IsoDate, actor: Actor): Promise<PlanView> {
    const { plan, kase } = await this.loadPlan(m, id, actor);
    this.requireAssistant(kase, actor);
    if (plan.status !== 'draft') throw new AppError('INVALID_STATE', 'Ten plan jest już podpisany.');
    const act = this.cases.actOn(signedOn, 'Data podpisania planu', 'signedOn', [{ date: await this.assignedSince(m, plan.caseId), what: 'data przydzielenia asystenta' }]);
    const problems = planProblems(plan, signedOn);
    if (problems.length > 0) throw new AppError('VALIDATION', `Nie można podpisać planu: ${problems.join(' ')}`);
    plan.signedOn = signedOn;
    plan.returnedReason = null;
    await this.cases.event(m, plan.caseId, signedOn, 'plan', `Podpisano plan pracy z rodziną (wersja ${plan.number})`, '', COURT_SIGNIFICANT.plan_signed, actor.user.id, 'plan', plan.id);
    if (actor.settings.planApprovalRequired) {
      // The office has plans approved: the plan waits for the kierownik and is not yet in force.
      plan.status = 'awaiting_approval';
      await m.getRepository(PlanEntity).save(this.touch(plan, actor.user.id));
      await this.audit.append(m, { actorId: actor.user.id, action: 'plan.sign', entityType: 'plan', entityId: plan.id, caseId: plan.caseId, details: { number: plan.number, to: 'awaiting_approval', ...act } });
      return planView(plan, await this.cases.userNames(m));
    }
    const supersedes = await this.putInForce(m, plan, kase, actor, 'sign_plan');
    await this.audit.append(m, { actorId: actor.user.id, action: 'plan.sign', entityType: 'plan', entityId: plan.id, caseId: plan.caseId, details: { number: plan.number, supersedes, ...act } });
    return planView(plan, await this.cases.userNames(m));
  }

  /** A signed (and, where required, approved) plan comes into force: the one before it is superseded, the work runs by it. */
  private async putInForce(m: EntityManager, plan: PlanRow, kase: LoadedCase, actor: Actor, step: 'sign_plan' | 'approve_plan'): Promise<string | null> {
    const previous = await m.getRepository(PlanEntity).findOneBy({ caseId: plan.caseId, status: 'signed' });
    if (previous) {
      previous.status = 'superseded';
      await m.getRepository(PlanEntity).save(this.touch(previous, actor.user.id));
    }
    plan.status = 'signed';
    await m.getRepository(PlanEntity).save(this.touch(plan, actor.user.id));
    await this.cases.transition(m, kase.row, step, actor, { planSigned: true });
    return previous?.id ?? null;
  }

  private async loadPlanForApproval(m: EntityManager, id: string, actor: Actor): Promise<{ plan: PlanRow; kase: LoadedCase }> {
    const loaded = await this.loadPlan(m, id, actor);
    if (loaded.plan.status !== 'awaiting_approval') {
      throw new AppError('INVALID_STATE', `Plan w wersji ${loaded.plan.number} nie czeka na zatwierdzenie (stan: ${PLAN_STATUS_LABELS[loaded.plan.status].toLowerCase()}).`);
    }
    return loaded;
  }

  /** The kierownik approves a signed plan (where the office requires it): from today it is in force. */
  async approvePlan(m: EntityManager, id: string, actor: Actor): Promise<PlanView> {
    const { plan, kase } = await this.loadPlanForApproval(m, id, actor);
    const today = this.cases.today();
    plan.approvedOn = today;
    plan.approvedBy = actor.user.id;
    const supersedes = await this.putInForce(m, plan, kase, actor, 'approve_plan');
    await this.cases.event(m, plan.caseId, today, 'plan', `Kierownik zatwierdził plan pracy z rodziną (wersja ${plan.number})`, '', COURT_SIGNIFICANT.plan_signed, actor.user.id, 'plan', plan.id);
    await this.audit.append(m, { actorId: actor.user.id, action: 'plan.approve', entityType: 'plan', entityId: plan.id, caseId: plan.caseId, details: { number: plan.number, supersedes } });
    return planView(plan, await this.cases.userNames(m));
  }

  /** The kierownik returns a signed plan with her reason: a draft again, to be changed and signed anew. */
  async returnPlan(m: EntityManager, id: string, reason: string, actor: Actor): Promise<PlanView> {
    const { plan } = await this.loadPlanForApproval(m, id, actor);
    plan.status = 'draft';
    plan.signedOn = null;
    plan.returnedReason = reason;
    await m.getRepository(PlanEntity).save(this.touch(plan, actor.user.id));
    await this.cases.event(m, plan.caseId, this.cases.today(), 'plan', `Kierownik zwrócił plan pracy z rodziną (wersja ${plan.number})`, reason, false, actor.user.id, 'plan', plan.id);
    await this.audit.append(m, { actorId: actor.user.id, action: 'plan.return', entityType: 'plan', entityId: plan.id, caseId: plan.caseId, details: { number: plan.number, reason } });
    return planView(plan, await this.cases.userNames(m));
  }

  // ---- visits and assessments -----------------------------------------------------------

  /** Plans a visit (the assistant or the worker of the case): from today up to a year ahead. */
  async planVisit(m: EntityManager, input: VisitPlanInput, actor: Actor): Promise<void> {
    const kase = await this.cases.load(m, input.caseId, actor);
    const today = this.cases.today();
    if (compare(input.plannedOn, today) < 0) throw new AppError('VALIDATION', 'Zaplanowana wizyta nie może być w przeszłości — odbytą wizytę zapisz w dzienniku wizyt.', { plannedOn: 'Data z przeszłości.' });
    if (compare(input.plannedOn, addMonths(today, 12)) > 0) throw new AppError('VALIDATION', 'Wizytę można zaplanować najwyżej rok naprzód.', { plannedOn: 'Najwyżej rok naprzód.' });
    const id = randomUUID();
    await m.getRepository(VisitEntity).insert({ id, caseId: kase.row.id, visitedOn: input.plannedOn, place: input.place, participants: '', topics: '', agreed: '', planned: true, kind: input.kind, authorId: actor.user.id, ...this.cases.tracked(actor.user.id) });
    await this.audit.append(m, { actorId: actor.user.id, action: 'visit.plan', entityType: 'visit', entityId: id, caseId: kase.row.id, details: { plannedOn: input.plannedOn, kind: input.kind } });
  }

  async addVisit(m: EntityManager, input: VisitInput, actor: Actor): Promise<void> {
    const kase = await this.cases.load(m, input.caseId, actor);
    const act = this.cases.actOn(input.visitedOn, 'Data wizyty', 'visitedOn', [{ date: kase.row.reportedOn, what: 'data zgłoszenia' }]);
    const since = await this.assignedSince(m, input.caseId);
    if (actor.user.roles.includes('family_assistant') && since && compare(input.visitedOn, since) < 0) {
      throw new AppError('VALIDATION', 'Data wizyty jest wcześniejsza niż przydzielenie asystenta.');
    }
    const { significant, plannedVisitId, ...visit } = input;
    let id: string = randomUUID();
    if (plannedVisitId) {
      // The planned visit carried out: the same row, now recorded (it leaves the tray).
      const planned = await m.getRepository(VisitEntity).findOneBy({ id: plannedVisitId, caseId: input.caseId, planned: true });
      if (!planned) throw new AppError('NOT_FOUND', 'Nie znaleziono tej zaplanowanej wizyty.');
      id = planned.id;
      await m.getRepository(VisitEntity).save({ ...planned, ...visit, planned: false, authorId: actor.user.id, updatedAt: this.cases.tracked(actor.user.id).updatedAt, updatedBy: actor.user.id, version: planned.version + 1 });
    } else {
      await m.getRepository(VisitEntity).insert({ id, ...visit, planned: false, kind: 'home', authorId: actor.user.id, ...this.cases.tracked(actor.user.id) });
    }
    await this.cases.event(m, kase.row.id, input.visitedOn, 'visit', `Wizyta: ${input.place}`, [input.topics, input.agreed && `Ustalenia: ${input.agreed}`].filter(Boolean).join('\n'), significant, actor.user.id, 'visit', id);
    await this.audit.append(m, { actorId: actor.user.id, action: 'visit.create', entityType: 'visit', entityId: id, caseId: input.caseId, details: { ...act } });
  }

  async addAssessment(m: EntityManager, input: AssessmentInput, actor: Actor): Promise<void> {
    const kase = await this.cases.load(m, input.caseId, actor);
    this.requireAssistant(kase, actor);
    this.cases.notInFuture(input.assessedOn, 'Data oceny', 'assessedOn');
    if (compare(input.periodFrom, input.periodTo) > 0) throw new AppError('VALIDATION', 'Okres oceny kończy się przed swoim początkiem.');
    const since = await this.assignedSince(m, input.caseId);
    if (!since || compare(input.assessedOn, since) < 0) throw new AppError('VALIDATION', 'Data oceny nie może być wcześniejsza niż przydzielenie asystenta rodziny.');
    if (kase.row.status !== 'IN_PROGRESS') throw new AppError('INVALID_STATE', 'Okresową ocenę zapisuje się w czasie realizacji planu pracy z rodziną.');
    await this.cases.transition(m, kase.row, 'record_assessment', actor);
    const id = randomUUID();
    await m.getRepository(AssessmentEntity).insert({ id, ...input, handedOn: null, handoverStatus: 'recorded', authorId: actor.user.id, ...this.cases.tracked(actor.user.id) });
    await this.cases.event(m, input.caseId, input.assessedOn, 'assessment', 'Okresowa ocena sytuacji rodziny', input.changes, COURT_SIGNIFICANT.periodic_assessment, actor.user.id, 'assessment', id);
    await this.audit.append(m, { actorId: actor.user.id, action: 'assessment.create', entityType: 'assessment', entityId: id, caseId: input.caseId, details: { recommendation: input.recommendation } });
  }

  private async loadAssessment(m: EntityManager, id: string, actor: Actor): Promise<{ assessment: AssessmentRow; kase: LoadedCase }> {
    const assessment = await m.getRepository(AssessmentEntity).findOneBy({ id });
    if (!assessment) {
      // On the server an assessment of a case the user may not open is hidden: refused as "not yours", as here.
      const caseId = await recordCaseId(m, 'assessment', id);
      if (caseId) await this.cases.load(m, caseId, actor);
      throw new AppError('NOT_FOUND', 'Nie znaleziono takiej okresowej oceny.');
    }
    return { assessment, kase: await this.cases.load(m, assessment.caseId, actor) };
  }

  /** The assistant hands a recorded assessment to the kierownik, on the day it happened (today or earlier). */
  async handOverAssessment(m: EntityManager, input: AssessmentHandOver, actor: Actor): Promise<AssessmentView> {
    const { assessment, kase } = await this.loadAssessment(m, input.id, actor);
    this.requireAssistant(kase, actor);
    const status = assessment.handoverStatus ?? 'recorded';
    if (status !== 'recorded') {
      throw new AppError('INVALID_STATE', `Ta ocena została już przekazana kierownikowi (${formatPolishDate(assessment.handedOn ?? assessment.assessedOn)}).`);
    }
    const act = this.cases.actOn(input.handedOn, 'Data przekazania oceny kierownikowi', 'handedOn', [{ date: assessment.assessedOn, what: 'data oceny' }]);
    assessment.handoverStatus = 'handed_over';
    assessment.handedOn = input.handedOn;
    assessment.handedBy = actor.user.id;
    await m.getRepository(AssessmentEntity).save(this.touch(assessment, actor.user.id));
    await this.audit.append(m, { actorId: actor.user.id, action: 'assessment.hand_over', entityType: 'assessment', entityId: assessment.id, caseId: assessment.caseId, details: { from: status, to: 'handed_over', handedOn: input.handedOn, ...act } });
    return assessmentView(assessment, await this.cases.userNames(m));
  }

  /** The kierownik confirms she received a handed-over assessment (today). */
  async receiveAssessment(m: EntityManager, id: string, actor: Actor): Promise<AssessmentView> {
    const { assessment } = await this.loadAssessment(m, id, actor);
    const status = assessment.handoverStatus ?? 'recorded';
    if (status === 'recorded') throw new AppError('INVALID_STATE', 'Asystent rodziny nie przekazał jeszcze tej oceny kierownikowi.');
    if (status === 'received') throw new AppError('INVALID_STATE', `Ta ocena została już przyjęta (${formatPolishDate(assessment.receivedOn ?? assessment.assessedOn)}).`);
    assessment.handoverStatus = 'received';
    assessment.receivedOn = this.cases.today();
    assessment.receivedBy = actor.user.id;
    await m.getRepository(AssessmentEntity).save(this.touch(assessment, actor.user.id));
    await this.audit.append(m, { actorId: actor.user.id, action: 'assessment.receive', entityType: 'assessment', entityId: assessment.id, caseId: assessment.caseId, details: { from: status, to: 'received' } });
    return assessmentView(assessment, await this.cases.userNames(m));
  }

  // ---- closure and monitoring -------------------------------------------------------------

  async proposeClosure(m: EntityManager, input: z.output<typeof closureProposalSchema>, actor: Actor): Promise<void> {
    const kase = await this.cases.load(m, input.caseId, actor);
    this.requireAssistant(kase, actor);
    await this.cases.transition(m, kase.row, 'propose_closure', actor, { closureReason: input.reason, closureNote: input.note });
    kase.row.closureReason = input.reason;
    kase.row.closureNote = input.note;
    kase.row.closureProposedOn = this.cases.today();
    await m.getRepository(CaseEntity).save(kase.row);
    await this.cases.event(m, kase.row.id, this.cases.today(), 'closure', `Propozycja zakończenia pracy z rodziną: ${CLOSURE_REASON_LABELS[input.reason]}`, input.note, COURT_SIGNIFICANT.closure_proposed, actor.user.id);
  }

  async decideClosure(m: EntityManager, input: z.output<typeof closureDecisionSchema>, actor: Actor): Promise<void> {
    const kase = await this.cases.load(m, input.caseId, actor);
    const facts = { closureReason: kase.row.closureReason as never, closureNote: kase.row.closureNote };
    const today = this.cases.today();
    if (input.decision === 'reject') {
      await this.cases.transition(m, kase.row, 'reject_closure', actor, facts);
      kase.row.closureReason = null;
      kase.row.closureNote = null;
      kase.row.closureProposedOn = null;
      await m.getRepository(CaseEntity).save(kase.row);
      await this.cases.event(m, kase.row.id, today, 'closure', 'Kierownik nie zatwierdził zakończenia pracy z rodziną', input.note, COURT_SIGNIFICANT.closure_refused, actor.user.id);
      return;
    }
    if (input.decision === 'monitor') {
      await this.cases.transition(m, kase.row, 'start_monitoring', actor, facts);
      kase.row.monitoringUntil = addMonths(today, actor.settings.monitoringMonths);
      await m.getRepository(CaseEntity).save(kase.row);
      await this.cases.event(m, kase.row.id, today, 'closure', `Zatwierdzono zakończenie pracy z rodziną; monitoring do ${formatPolishDate(kase.row.monitoringUntil)}`, input.note, COURT_SIGNIFICANT.closure_approved, actor.user.id);
      return;
    }
    await this.cases.transition(m, kase.row, 'approve_closure', actor, facts);
    await this.closeCase(m, kase, actor, input.note);
  }

  async endMonitoring(m: EntityManager, caseId: string, actor: Actor): Promise<void> {
    const kase = await this.cases.load(m, caseId, actor);
    this.requireAssistant(kase, actor);
    // MONITORING → MONITORING in the state machine: without this a second click would move the recorded end.
    if (kase.row.monitoringEndedOn) throw new AppError('INVALID_STATE', `Monitoring tej rodziny został już zakończony (${formatPolishDate(kase.row.monitoringEndedOn)}).`);
    await this.cases.transition(m, kase.row, 'end_monitoring', actor);
    kase.row.monitoringEndedOn = this.cases.today();
    await m.getRepository(CaseEntity).save(kase.row);
    await this.cases.event(m, caseId, kase.row.monitoringEndedOn, 'closure', 'Zakończono monitoring rodziny', '', COURT_SIGNIFICANT.monitoring_ended, actor.user.id);
  }

  /**
   * Closes a case. After monitoring the reason is the approved proposal's; a case of social work
   * only (no assistant, so no proposal) is closed with the kierownik's own reason.
   */
  async close(m: EntityManager, caseId: string, actor: Actor, note: string, reason?: ClosureReason): Promise<void> {
    const kase = await this.cases.load(m, caseId, actor);
    if (reason && !kase.row.closureReason) {
      kase.row.closureReason = reason;
      kase.row.closureNote = note.trim() || null;
    }
    await this.cases.transition(m, kase.row, 'close', actor, {
      closureReason: kase.row.closureReason as never,
      closureNote: kase.row.closureNote,
      monitoringEnded: Boolean(kase.row.monitoringEndedOn),
    });
    await this.closeCase(m, kase, actor, note);
  }

  /** Ends the assignment: the assistant's access ends with it (issue 3). */
  private async closeCase(m: EntityManager, kase: LoadedCase, actor: Actor, note: string): Promise<void> {
    const today = this.cases.today();
    kase.row.closedOn = today;
    await m.getRepository(CaseEntity).save(kase.row);
    await m.getRepository(AssignmentEntity).update({ caseId: kase.row.id, endedOn: IsNull() }, { endedOn: today });
    await this.cases.event(m, kase.row.id, today, 'closure', 'Sprawa zamknięta', note, COURT_SIGNIFICANT.case_closed, actor.user.id);
    await this.audit.append(m, { actorId: actor.user.id, action: 'case.close', entityType: 'case', entityId: kase.row.id, caseId: kase.row.id, details: { reason: kase.row.closureReason } });
  }
}

function contractView(c: ContractRow, names: Map<string, string>): ContractView {
  return {
    id: c.id,
    version: c.version,
    caseId: c.caseId,
    variant: c.variant,
    status: c.status,
    clientIds: c.clientIds,
    workerName: names.get(c.workerId) ?? '—',
    causes: c.causes,
    possibilities: c.possibilities,
    limitations: c.limitations,
    mainGoal: c.mainGoal,
    partialGoals: c.partialGoals,
    actions: c.actions,
    periodFrom: c.periodFrom,
    periodTo: c.periodTo,
    signedOn: c.signedOn,
    outcome: c.outcome,
    outcomeNote: c.outcomeNote,
    terminatedOn: c.terminatedOn,
    terminationReason: c.terminationReason,
    labourMarket: c.labourMarket ?? null,
  };
}

function planView(p: PlanRow, names: Map<string, string>): PlanView {
  return {
    id: p.id,
    version: p.version,
    number: p.number,
    ...planContent(p),
    status: p.status,
    signedOn: p.signedOn,
    assistantName: names.get(p.assistantId) ?? '—',
    approvedOn: p.approvedOn ?? null,
    approvedByName: p.approvedBy ? (names.get(p.approvedBy) ?? '—') : null,
    returnedReason: p.returnedReason ?? null,
  };
}

function assessmentView(a: AssessmentRow, names: Map<string, string>): AssessmentView {
  return {
    id: a.id,
    assessedOn: a.assessedOn,
    periodFrom: a.periodFrom,
    periodTo: a.periodTo,
    progress: a.progress.map((entry) => ({ area: entry.area ?? '', goal: entry.goal, achievement: entry.achievement ?? null, progress: entry.progress })),
    changes: a.changes,
    cooperation: a.cooperation ?? '',
    childrenSituation: a.childrenSituation ?? '',
    recommendation: a.recommendation,
    conclusions: a.conclusions ?? '',
    handoverStatus: a.handoverStatus ?? 'recorded',
    handedOn: a.handedOn ?? null,
    handedByName: a.handedBy ? (names.get(a.handedBy) ?? '—') : null,
    receivedOn: a.receivedOn ?? null,
    receivedByName: a.receivedBy ? (names.get(a.receivedBy) ?? '—') : null,
    authorName: names.get(a.authorId) ?? '—',
  };
}

/** What a plan says (a revision starts as a copy of it). */
function planContent(p: PlanRow): PlanContent {
  return { type: p.type, coordinator: p.coordinator, areas: p.areas, diagnosis: p.diagnosis ?? '', shortTermGoals: p.shortTermGoals ?? '', longTermGoals: p.longTermGoals ?? '', review: p.review ?? '' };
}

/** A first plan's diagnosis, prefilled from the analysis of the family's situation (the assistant edits it). */
async function diagnosisFromAnalysis(m: EntityManager, caseId: string): Promise<string> {
  const analysis = await m.getRepository(AnalysisEntity).findOneBy({ caseId });
  if (!analysis) return '';
  return [
    analysis.conclusions.trim() && `Trudności: ${analysis.conclusions.trim()}`,
    analysis.strengths.trim() && `Mocne strony: ${analysis.strengths.trim()}`,
    analysis.resources.trim() && `Zasoby: ${analysis.resources.trim()}`,
  ]
    .filter(Boolean)
    .join('\n\n');
}
