/**
 * What every step of the case process (./intake.ts, ./interview.ts, ./analysis.ts, ./request.ts,
 * ./case-file.ts) shares: who may see a case, the office's day, the state machine's transitions
 * and the chronology entries. The bottom of the cases/ modules: it imports none of them.
 */
import { randomUUID } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import { CASE_STATUS_LABELS, checkTransition, type CaseAction, type CaseFacts, type CaseStatus } from '../../../shared/domain/caseFlow';
import { compare, formatPolishDate, type IsoDate } from '../../../shared/domain/dates';
import { CURRENT_INTERVIEW_FORM, INTERVIEW_FORMS, missingMandatorySegments } from '../../../shared/domain/interviewForm';
import { caseAccess, type CaseAccess } from '../../../shared/domain/roles';
import type { Actor } from '../../session/context';
import { officeDay, type Clock } from '../../clock';
import { holdForWrite } from '../../data/queries/row-locks';
import { caseExists } from '../../data/queries/case-access';
import { AnalysisEntity, AssignmentEntity, CaseEntity, CaseEventEntity, InterviewEntity, UserEntity, type CaseRow, type Tracked } from '../../db/entities';
import { AppError } from '../../errors';
import type { AuditService } from '../audit';

export interface LoadedCase {
  row: CaseRow;
  access: Exclude<CaseAccess, 'none'>;
  activeAssistantIds: string[];
}

const NOT_YOURS = 'Nie masz uprawnień do tej sprawy.';

export class CaseCore {
  /** Public for the step modules (cases/*.ts), which take the core as their first argument. */
  constructor(
    readonly clock: Clock,
    readonly audit: AuditService,
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
    // On the server a case the user may not open is hidden from her: still "not yours", as here.
    if (!row) throw (await caseExists(m, caseId)) ? new AppError('FORBIDDEN', NOT_YOURS) : new AppError('NOT_FOUND', 'Nie znaleziono takiej sprawy.');
    const activeAssistantIds = (await m.getRepository(AssignmentEntity).findBy({ caseId, endedOn: IsNull() })).map((a) => a.assistantId);
    const access = caseAccess(actor.user, { workerId: row.workerId, activeAssistantIds });
    if (access === 'none') throw new AppError('FORBIDDEN', NOT_YOURS);
    return { row, access, activeAssistantIds };
  }

  requireFull(kase: LoadedCase): void {
    if (kase.access !== 'full') throw new AppError('FORBIDDEN', 'Nie masz uprawnień do tej części sprawy.');
  }

  async userNames(m: EntityManager): Promise<Map<string, string>> {
    const users = await m.getRepository(UserEntity).find();
    return new Map(users.map((u) => [u.id, `${u.firstName} ${u.lastName}`]));
  }

  // ---- transitions -----------------------------------------------------------------------

  /** The facts the state machine's guards read, gathered from the database. */
  async facts(m: EntityManager, row: CaseRow, actor: Actor, extra: CaseFacts): Promise<CaseFacts> {
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
    // Another PC may have moved or edited the case since it was read (issue 18): hold its row, and
    // check the step against the stored state, never against a stale copy. The row is saved whole
    // below (and by callers after the step), so any other change of it since it was read (its
    // updatedAt) refuses too: the stale copy would write the other PC's columns back.
    await holdForWrite(m, 'case_file', row.id);
    const stored = await m.getRepository(CaseEntity).findOne({ where: { id: row.id }, select: { id: true, status: true, updatedAt: true } });
    if (stored && stored.status !== row.status) {
      throw new AppError(
        'CONFLICT',
        `Sprawę ${row.number} zmieniono w międzyczasie na innym komputerze (stan: ${CASE_STATUS_LABELS[stored.status as CaseStatus]}). Nic nie zostało zapisane — odśwież widok i spróbuj ponownie.`,
      );
    }
    if (stored && stored.updatedAt !== row.updatedAt) {
      throw new AppError('CONFLICT', `Sprawę ${row.number} zmieniono w międzyczasie na innym komputerze. Nic nie zostało zapisane — odśwież widok i spróbuj ponownie.`);
    }
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

  // ---- chronology ------------------------------------------------------------------------

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
