/**
 * The case file as one view (family, wywiady, analysis, requests, chronology, deadlines) and its chronology entries.
 * Step functions of CasesService (../cases.ts), which takes `core` for the shared helpers (./core.ts).
 */
import { In, IsNull, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import { availableActions, type CaseStatus } from '../../../shared/domain/caseFlow';
import { compareDeadlines, type Deadline } from '../../../shared/domain/deadlines';
import type { CaseEventView, CaseFileView, noteSchema, PersonView, ReportSource } from '../../../shared/cases';
import type { Actor } from '../../session/context';
import { AnalysisEntity, AssignmentEntity, AssistantRequestEntity, CaseEventEntity, FamilyEntity, FamilyMemberEntity, InterviewEntity, PersonEntity, type CaseRow, type PersonRow } from '../../db/entities';
import { AppError } from '../../errors';
import { userNamesOf } from '../../data/queries/case-file';
import { collectDeadlines, WORKER_ONLY_DEADLINES } from '../../data/queries/tray';
import { addressHistory, placementsOf } from '../family-changes';
import { requestViews } from './request';
import type { CaseCore, LoadedCase } from './core';

type Note = z.output<typeof noteSchema>;

export async function deadlines(m: EntityManager, row: CaseRow, access: LoadedCase['access']): Promise<Deadline[]> {
  return (await collectDeadlines(m, { kind: 'case', caseId: row.id }))
    .filter((deadline) => access === 'full' || !WORKER_ONLY_DEADLINES.includes(deadline.kind))
    .map(({ caseNumber: _n, familyName: _f, ...deadline }): Deadline => deadline)
    .sort(compareDeadlines);
}

export async function file(core: CaseCore, m: EntityManager, caseId: string, actor: Actor): Promise<CaseFileView> {
  const kase = await core.load(m, caseId, actor);
  const { row } = kase;
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
  // Only the staff this file names (the office's whole staff is hundreds of accounts in a large office).
  const names = await userNamesOf(m, [row.workerId, ...(assignment ? [assignment.assistantId] : []), ...requests.map((r) => r.filedBy), ...events.flatMap((e) => (e.authorId ? [e.authorId] : []))]);
  const facts = await core.facts(m, row, actor, {});
  await core.audit.appendRead(m, { actorId: actor.user.id, action: 'case.open', entityType: 'case', entityId: caseId, caseId });
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
    requests: await requestViews(m, requests, names),
    events: events.map((e): CaseEventView => ({ id: e.id, occurredOn: e.occurredOn, kind: e.kind, title: e.title, body: e.body, significant: e.significant, authorName: e.authorId ? (names.get(e.authorId) ?? null) : null })),
    deadlines: await deadlines(m, row, kase.access),
    courtOrder: row.courtOrderReference && row.courtOrderCourt && row.courtOrderOn ? { court: row.courtOrderCourt, reference: row.courtOrderReference, orderedOn: row.courtOrderOn } : null,
    actions: availableActions(row.status as CaseStatus, actor.user.roles, facts),
    access: kase.access,
  };
}

export async function addNote(core: CaseCore, m: EntityManager, input: Note, actor: Actor): Promise<CaseEventView> {
  const kase = await core.load(m, input.caseId, actor);
  core.notInFuture(input.occurredOn, 'Data zdarzenia', 'occurredOn');
  const id = await core.event(m, kase.row.id, input.occurredOn, input.kind, input.title, input.body, input.significant, actor.user.id);
  await core.audit.append(m, { actorId: actor.user.id, action: 'case_event.create', entityType: 'case_event', entityId: id, caseId: kase.row.id, details: { kind: input.kind } });
  return { id, occurredOn: input.occurredOn, kind: input.kind, title: input.title, body: input.body, significant: input.significant, authorName: `${actor.user.firstName} ${actor.user.lastName}` };
}

export async function setSignificant(core: CaseCore, m: EntityManager, eventId: string, significant: boolean, actor: Actor): Promise<void> {
  const event = await m.getRepository(CaseEventEntity).findOneBy({ id: eventId });
  if (!event) throw new AppError('NOT_FOUND', 'Nie znaleziono takiego wpisu.');
  await core.load(m, event.caseId, actor);
  if (event.significant === significant) return;
  await m.getRepository(CaseEventEntity).update({ id: eventId }, { significant });
  await core.audit.append(m, { actorId: actor.user.id, action: 'case_event.update', entityType: 'case_event', entityId: eventId, caseId: event.caseId, details: { changes: { significant: { from: !significant, to: significant } } } });
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
