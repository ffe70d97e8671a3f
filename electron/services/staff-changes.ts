/**
 * People change (issue 15, item 6): the kierownik hands a case to another social worker or
 * another assistant, from a date and for a reason, with the statutory caseload check for an
 * assistant (art. 15 ust. 4 u.w.r.). The history of who led the case stays (worker_assignment,
 * assignment with its reasons). A user who still leads cases cannot be switched off until they
 * are handed over: `activeCasesOf` lists them.
 */
import { randomUUID } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import { STATUTORY_CASELOAD_CAP } from '../../shared/domain/caseFlow';
import { compare, formatPolishDate, type IsoDate } from '../../shared/domain/dates';
import type { staffChangeSchema, StaffHistoryView, StaffPeriodView } from '../../shared/records';
import { AssignmentEntity, CaseEntity, UserEntity, WorkerAssignmentEntity, type CaseRow, type WorkerAssignmentRow } from '../db/entities';
import { activeCasesOf, familiesOfAssistant } from '../data/queries/staff';
import { AppError } from '../errors';
import type { AuditService } from './audit';
import type { Actor, CasesService } from './cases';

type StaffChange = z.output<typeof staffChangeSchema>;

/** Statuses in which a case has no one leading it any more. */
const FINISHED = ['CLOSED', 'ARCHIVED'];

/** Refuses to switch off (or strip the role of) a user who still leads cases, naming them. */
export async function refuseWhileLeading(m: EntityManager, userId: string, fullName: string, roles: { worker: boolean; assistant: boolean }): Promise<void> {
  const leading = (await activeCasesOf(m, userId)).filter((c) => (c.role === 'worker' && roles.worker) || (c.role === 'assistant' && roles.assistant));
  if (leading.length === 0) return;
  const list = leading.map((c) => `${c.number} (${c.familyName}, ${c.role === 'worker' ? 'pracownik socjalny' : 'asystent rodziny'})`).join('; ');
  throw new AppError(
    'CONFLICT',
    `${fullName} prowadzi jeszcze ${leading.length === 1 ? 'sprawę' : `sprawy (${leading.length})`}: ${list}. ` +
      'Najpierw przekaż je innej osobie („Przekaż sprawy” przy koncie albo „Zmień pracownika / asystenta” w teczce sprawy).',
  );
}

export class StaffChangesService {
  constructor(
    private readonly audit: AuditService,
    private readonly cases: CasesService,
  ) {}

  /** Hands one case to another worker or assistant from `effectiveOn` (the kierownik). */
  async change(m: EntityManager, input: StaffChange, actor: Actor): Promise<void> {
    const kase = await this.cases.load(m, input.caseId, actor);
    if (!actor.user.roles.includes('head')) throw new AppError('FORBIDDEN', 'Pracownika lub asystenta sprawy zmienia kierownik ośrodka.');
    if (FINISHED.includes(kase.row.status)) throw new AppError('INVALID_STATE', 'Sprawa jest zamknięta: nie zmienia się już osób, które ją prowadzą.');
    this.cases.notInFuture(input.effectiveOn, 'Data zmiany', 'effectiveOn');
    const user = await m.getRepository(UserEntity).findOneBy({ id: input.userId });
    if (input.role === 'worker') await this.changeWorker(m, kase.row, user, input, actor);
    else await this.changeAssistant(m, kase.row, user, input, actor);
  }

  private async changeWorker(m: EntityManager, row: CaseRow, user: { id: string; active: boolean; roles: string[]; firstName: string; lastName: string } | null, input: StaffChange, actor: Actor): Promise<void> {
    if (!user?.active || !user.roles.includes('social_worker')) {
      throw new AppError('VALIDATION', 'Wybrana osoba nie jest aktywnym pracownikiem socjalnym.', { userId: 'Wybierz pracownika socjalnego.' });
    }
    if (user.id === row.workerId) throw new AppError('VALIDATION', 'Ta osoba już prowadzi tę sprawę.', { userId: 'Wybierz inną osobę.' });
    const current = await this.openWorkerPeriod(m, row, actor);
    this.notBefore(input.effectiveOn, current.fromOn, 'przejęcia sprawy przez obecnego pracownika');
    const now = this.cases.tracked(actor.user.id);
    const repo = m.getRepository(WorkerAssignmentEntity);
    await repo.save({ ...current, toOn: input.effectiveOn, endReason: input.reason, updatedAt: now.updatedAt, updatedBy: actor.user.id, version: current.version + 1 });
    await repo.insert({ id: randomUUID(), caseId: row.id, workerId: user.id, fromOn: input.effectiveOn, toOn: null, reason: input.reason, endReason: null, reasonInLetter: input.reasonInLetter, ...now });
    const previous = row.workerId;
    row.workerId = user.id;
    row.updatedAt = now.updatedAt;
    row.updatedBy = actor.user.id;
    await m.getRepository(CaseEntity).save(row);
    const names = await this.cases.userNames(m);
    const title = `Zmiana pracownika socjalnego: ${names.get(previous) ?? '—'} → ${user.firstName} ${user.lastName}`;
    await this.cases.event(m, row.id, input.effectiveOn, 'decision', title, input.reason, true, actor.user.id);
    await this.audit.append(m, {
      actorId: actor.user.id,
      action: 'case.worker_change',
      entityType: 'case',
      entityId: row.id,
      caseId: row.id,
      details: { effectiveOn: input.effectiveOn, reason: input.reason, changes: { workerId: { from: previous, to: user.id } } },
    });
  }

  private async changeAssistant(m: EntityManager, row: CaseRow, user: { id: string; active: boolean; roles: string[]; firstName: string; lastName: string } | null, input: StaffChange, actor: Actor): Promise<void> {
    if (!user?.active || !user.roles.includes('family_assistant')) {
      throw new AppError('VALIDATION', 'Wybrana osoba nie jest aktywnym asystentem rodziny.', { userId: 'Wybierz asystenta rodziny.' });
    }
    const repo = m.getRepository(AssignmentEntity);
    const current = await repo.findOneBy({ caseId: row.id, endedOn: IsNull() });
    if (!current) throw new AppError('INVALID_STATE', 'Ta sprawa nie ma teraz asystenta rodziny: asystenta przydziela się decyzją w sprawie wniosku.');
    if (current.assistantId === user.id) throw new AppError('VALIDATION', 'Ta osoba już jest asystentem tej rodziny.', { userId: 'Wybierz inną osobę.' });
    this.notBefore(input.effectiveOn, current.assignedOn, 'przydziału obecnego asystenta');
    // art. 15 ust. 4 u.w.r.: the new assistant must have room under the office's limit (at most the statutory cap).
    const limit = Math.min(actor.settings.caseloadLimit, STATUTORY_CASELOAD_CAP);
    const load = await familiesOfAssistant(m, user.id);
    if (load >= limit) {
      throw new AppError('VALIDATION', `Nie można przekazać rodziny: ${user.firstName} ${user.lastName} ma już ${load} rodzin, a limit to ${limit} (art. 15 ust. 4 ustawy o wspieraniu rodziny).`, { userId: 'Limit rodzin osiągnięty.' });
    }
    const now = this.cases.tracked(actor.user.id);
    await repo.save({ ...current, endedOn: input.effectiveOn, endReason: input.reason, updatedAt: now.updatedAt, updatedBy: actor.user.id, version: current.version + 1 });
    await repo.insert({ id: randomUUID(), caseId: row.id, assistantId: user.id, assignedOn: input.effectiveOn, endedOn: null, reason: input.reason, endReason: null, reasonInLetter: input.reasonInLetter, ...now });
    const names = await this.cases.userNames(m);
    const title = `Zmiana asystenta rodziny: ${names.get(current.assistantId) ?? '—'} → ${user.firstName} ${user.lastName}`;
    await this.cases.event(m, row.id, input.effectiveOn, 'decision', title, input.reason, true, actor.user.id);
    await this.audit.append(m, {
      actorId: actor.user.id,
      action: 'assignment.change',
      entityType: 'assignment',
      entityId: row.id,
      caseId: row.id,
      details: { effectiveOn: input.effectiveOn, reason: input.reason, caseloadBefore: load, changes: { assistantId: { from: current.assistantId, to: user.id } } },
    });
  }

  /** Who led the case and when. */
  async history(m: EntityManager, caseId: string, actor: Actor): Promise<StaffHistoryView> {
    const kase = await this.cases.load(m, caseId, actor);
    const names = await this.cases.userNames(m);
    const workerRows = await m.getRepository(WorkerAssignmentEntity).find({ where: { caseId }, order: { fromOn: 'ASC', createdAt: 'ASC' } });
    // A period started by a change follows one that ended that day (staffChangeLetter prints its letter).
    const workers: StaffPeriodView[] = workerRows.length
      ? workerRows.map((w) => ({
          id: w.id,
          userId: w.workerId,
          name: names.get(w.workerId) ?? '—',
          fromOn: w.fromOn,
          toOn: w.toOn,
          reason: w.reason,
          endReason: w.endReason,
          startedByChange: workerRows.some((other) => other.id !== w.id && other.toOn === w.fromOn),
          reasonInLetter: w.reasonInLetter ?? false,
        }))
      : [{ id: null, userId: kase.row.workerId, name: names.get(kase.row.workerId) ?? '—', fromOn: kase.row.reportedOn, toOn: null, reason: '', endReason: null, startedByChange: false, reasonInLetter: false }];
    const assignmentRows = await m.getRepository(AssignmentEntity).find({ where: { caseId }, order: { assignedOn: 'ASC', createdAt: 'ASC' } });
    const assistants: StaffPeriodView[] = assignmentRows.map((a) => ({
      id: a.id,
      userId: a.assistantId,
      name: names.get(a.assistantId) ?? '—',
      fromOn: a.assignedOn,
      toOn: a.endedOn,
      reason: a.reason ?? '',
      endReason: a.endReason,
      startedByChange: assignmentRows.some((other) => other.id !== a.id && other.endedOn === a.assignedOn),
      reasonInLetter: a.reasonInLetter ?? false,
    }));
    return { workers, assistants };
  }

  /** The kierownik hands every case a user leads to others, before switching her off. */
  async handOver(m: EntityManager, input: { fromUserId: string; workerId?: string | undefined; assistantId?: string | undefined; effectiveOn: IsoDate; reason: string }, actor: Actor): Promise<number> {
    const cases = await activeCasesOf(m, input.fromUserId);
    if (cases.length === 0) throw new AppError('INVALID_STATE', 'Ta osoba nie prowadzi żadnych spraw.');
    let moved = 0;
    for (const c of cases) {
      const userId = c.role === 'worker' ? input.workerId : input.assistantId;
      if (!userId) {
        throw new AppError('VALIDATION', c.role === 'worker' ? 'Wybierz pracownika socjalnego, który przejmie sprawy.' : 'Wybierz asystenta rodziny, który przejmie rodziny.', {
          [c.role === 'worker' ? 'workerId' : 'assistantId']: 'Wybierz osobę.',
        });
      }
      await this.change(m, { caseId: c.caseId, role: c.role, userId, effectiveOn: input.effectiveOn, reason: input.reason, reasonInLetter: false }, actor);
      moved++;
    }
    return moved;
  }

  private async openWorkerPeriod(m: EntityManager, row: CaseRow, actor: Actor): Promise<WorkerAssignmentRow> {
    const repo = m.getRepository(WorkerAssignmentEntity);
    const open = await repo.findOneBy({ caseId: row.id, toOn: IsNull() });
    if (open) return open;
    // A case recorded after migration 0010: its first worker, since the report.
    const first: WorkerAssignmentRow = { id: randomUUID(), caseId: row.id, workerId: row.workerId, fromOn: row.reportedOn, toOn: null, reason: '', endReason: null, ...this.cases.tracked(actor.user.id) };
    await repo.insert(first);
    return first;
  }

  private notBefore(on: IsoDate, earliest: IsoDate, what: string): void {
    if (compare(on, earliest) < 0) {
      throw new AppError('VALIDATION', `Data zmiany nie może być wcześniejsza niż data ${what} (${formatPolishDate(earliest)}).`, { effectiveOn: `Najwcześniej ${formatPolishDate(earliest)}.` });
    }
  }
}
