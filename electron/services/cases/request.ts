/**
 * The request for a family assistant (wniosek), the kierownik's queue and decision, and the assignment.
 * Step functions of CasesService (../cases.ts), which takes `core` for the shared helpers (./core.ts).
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { compare, type IsoDate } from '../../../shared/domain/dates';
import { addWorkingDays } from '../../../shared/domain/calendar';
import { COURT_SIGNIFICANT } from '../../../shared/chronology';
import type { CaseloadView, decisionSchema, RequestKind, RequestView } from '../../../shared/cases';
import type { Actor } from '../../session/context';
import { AnalysisEntity, AssignmentEntity, AssistantRequestEntity, InterviewEntity, UserEntity, type AssistantRequestRow } from '../../db/entities';
import { AppError } from '../../errors';
import { caseHeads } from '../../data/queries/requests';
import { familiesOfAssistant } from '../../data/queries/staff';
import { requireSecondPerson } from '../separation';
import { caseloads as trayCaseloads } from '../../data/queries/tray';
import type { CaseCore, LoadedCase } from './core';

type Decision = z.output<typeof decisionSchema>;

export async function fileRequest(core: CaseCore, m: EntityManager, caseId: string, justification: string, actor: Actor, filedOn: IsoDate = core.today()): Promise<RequestView> {
  const kase = await core.load(m, caseId, actor);
  core.requireFull(kase);
  const lastInterview = await m.getRepository(InterviewEntity).findOne({ where: { caseId, status: 'completed' }, order: { conductedOn: 'DESC' } });
  core.actOn(filedOn, 'Data wniosku', 'filedOn', [
    { date: kase.row.reportedOn, what: 'data zgłoszenia' },
    { date: lastInterview?.conductedOn, what: 'data wywiadu' },
  ]);
  await core.transition(m, kase.row, 'request_assistant', actor);
  await m.getRepository(AnalysisEntity).update({ caseId }, { outcome: 'assistant' });
  const id = await insertRequest(core, m, caseId, justification, kase.row.courtOrderReference ? 'court_obliged' : 'voluntary', filedOn, actor);
  return requestView(m, id, await core.userNames(m));
}

/** A pending request in the kierownik's queue, with its chronology and audit entries; `filedOn` the day it was made. */
export async function insertRequest(core: CaseCore, m: EntityManager, caseId: string, justification: string, kind: RequestKind, filedOn: IsoDate, actor: Actor): Promise<string> {
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
    ...core.tracked(actor.user.id),
  });
  const title = kind === 'minor_parent' ? 'Przekazano kierownikowi do obowiązkowego przydziału asystenta rodziny (małoletni rodzic)' : 'Wniosek o przydzielenie asystenta rodziny';
  await core.event(m, caseId, filedOn, 'request', title, justification, COURT_SIGNIFICANT.request_filed, actor.user.id, 'request', id);
  await core.audit.append(m, { actorId: actor.user.id, action: 'request.create', entityType: 'request', entityId: id, caseId, details: { kind, filedOn, enteredLater: compare(filedOn, core.today()) < 0 } });
  return id;
}

export async function requestView(m: EntityManager, id: string, names: Map<string, string>): Promise<RequestView> {
  const [view] = await requestViews(m, [await m.getRepository(AssistantRequestEntity).findOneByOrFail({ id })], names);
  return view!;
}

/** Requests as lists show them: their cases' numbers and family labels in one query, whatever their number. */
export async function requestViews(m: EntityManager, requests: readonly AssistantRequestRow[], names: Map<string, string>): Promise<RequestView[]> {
  if (requests.length === 0) return [];
  const heads = await caseHeads(m, requests.map((r) => r.caseId));
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

export async function queue(core: CaseCore, m: EntityManager): Promise<RequestView[]> {
  const pending = await m.getRepository(AssistantRequestEntity).find({ where: { status: 'pending' }, order: { filedOn: 'ASC' } });
  return requestViews(m, pending, await core.userNames(m));
}

/** Families each active assistant works with now (art. 15 ust. 4 u.w.r.), in one query (data/queries/tray.ts). */
export async function caseloads(m: EntityManager, actor: Actor): Promise<CaseloadView[]> {
  return trayCaseloads(m, actor.settings.caseloadLimit);
}

/** `decidedOn`: the day the kierownik decided on paper, when it is recorded later (today by default). */
export async function decide(core: CaseCore, m: EntityManager, requestId: string, decision: Decision, actor: Actor, decidedOn: IsoDate = core.today()): Promise<RequestView> {
  const request = await m.getRepository(AssistantRequestEntity).findOneBy({ id: requestId });
  if (!request) throw new AppError('NOT_FOUND', 'Nie znaleziono takiego wniosku.');
  if (request.status !== 'pending') throw new AppError('INVALID_STATE', 'O tym wniosku już zdecydowano.');
  const kase = await core.load(m, request.caseId, actor);
  const own = await requireSecondPerson(m, actor.user.id, request.filedBy, 'Nie możesz zdecydować o wniosku, który sama złożyłaś — decyzję podejmuje inny kierownik ośrodka.');
  const act = core.actOn(decidedOn, 'Data decyzji', 'decidedOn', [{ date: request.filedOn, what: 'data wniosku' }]);
  const today = decidedOn;
  if (decision.kind === 'assign') {
    await assign(core, m, kase, decision.assistantId, actor, decidedOn);
    request.status = 'assigned';
  } else if (decision.kind === 'refer') {
    await core.transition(m, kase.row, 'refer', actor, { referralTarget: decision.target });
    request.status = 'referred';
    request.referralTarget = decision.target;
    request.referralOrganisation = decision.organisation;
    await core.event(m, kase.row.id, today, 'decision', 'Sprawa przekazana do innego podmiotu', decision.organisation, COURT_SIGNIFICANT.referred_elsewhere, actor.user.id, 'request', request.id);
  } else {
    await core.transition(m, kase.row, 'return_to_worker', actor, { returnReason: decision.reason });
    request.status = 'returned';
    request.decisionNote = decision.reason;
    await core.event(m, kase.row.id, today, 'decision', 'Wniosek zwrócony pracownikowi socjalnemu', decision.reason, COURT_SIGNIFICANT.request_returned, actor.user.id, 'request', request.id);
  }
  request.decidedBy = actor.user.id;
  request.decidedOn = decidedOn;
  request.updatedAt = core.clock.now().toISOString();
  request.updatedBy = actor.user.id;
  await m.getRepository(AssistantRequestEntity).save(request);
  await core.audit.append(m, { actorId: actor.user.id, action: 'request.decide', entityType: 'request', entityId: request.id, caseId: kase.row.id, details: { ...decision, ...act, ...own } });
  return requestView(m, request.id, await core.userNames(m));
}

async function assign(core: CaseCore, m: EntityManager, kase: LoadedCase, assistantId: string, actor: Actor, on: IsoDate): Promise<void> {
  const assistant = await m.getRepository(UserEntity).findOneBy({ id: assistantId });
  if (!assistant?.active || !assistant.roles.includes('family_assistant')) {
    throw new AppError('VALIDATION', 'Wybrana osoba nie jest aktywnym asystentem rodziny.', { assistantId: 'Wybierz asystenta rodziny.' });
  }
  const load = await familiesOfAssistant(m, assistantId);
  await core.transition(m, kase.row, 'assign_assistant', actor, { assistantCaseload: load });
  await m.getRepository(AssignmentEntity).insert({ id: randomUUID(), caseId: kase.row.id, assistantId, assignedOn: on, endedOn: null, reason: null, endReason: null, ...core.tracked(actor.user.id) });
  await core.event(m, kase.row.id, on, 'decision', `Przydzielono asystenta rodziny: ${assistant.firstName} ${assistant.lastName}`, '', COURT_SIGNIFICANT.assistant_assigned, actor.user.id);
  await core.audit.append(m, { actorId: actor.user.id, action: 'assignment.create', entityType: 'assignment', entityId: assistantId, caseId: kase.row.id, details: { assistantId, caseloadBefore: load } });
}
