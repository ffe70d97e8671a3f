import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { In, IsNull, type EntityManager } from 'typeorm';
import { Database } from '../../../../electron/db/database';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import {
  AssessmentEntity,
  CourtOpinionEntity,
  AssignmentEntity,
  AssistantRequestEntity,
  CaseEntity,
  ContractEntity,
  CourtRequestEntity,
  InterviewEntity,
  PlanEntity,
  type CaseRow,
} from '../../../../electron/db/entities';
import {
  ASSISTANT_KINDS,
  collectDeadlines,
  FIRST_PAGES,
  HEAD_KINDS,
  officeTray,
  pagedTray,
  trayList,
  WORKER_KINDS,
  type CaseDeadline,
  type TraySource,
} from '../../../../electron/data/queries/tray';
import { seedDemo } from '../../../../electron/tools/demo';
import { DEFAULT_SETTINGS } from '../../../../electron/services/office';
import { addWorkingDays } from '../../../../shared/domain/calendar';
import type { CaseStatus } from '../../../../shared/domain/caseFlow';
import {
  classifyDeadline,
  CLOSURE_DECISION_WORKING_DAYS,
  compareDeadlines,
  nextAssessmentDue,
  nextInterviewUpdateDue,
  RETURNED_REQUEST_WORKING_DAYS,
  type Deadline,
  type DeadlineKind,
} from '../../../../shared/domain/deadlines';
import { planTasks, type PlanArea } from '../../../../shared/domain/familyWork';
import type { TrayItem, TrayList } from '../../../../shared/tray';
import { HEAD, setUpOffice, tempDir, testBackend, type TestBackend } from '../../../support/backend';
import { caseWithRequest, PASSWORD, signIn, simpleIntake } from '../../../support/case-flow';

let t: TestBackend | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const AREAS: PlanArea[] = [
  {
    name: 'Opieka nad dziećmi',
    goals: [
      {
        name: 'Regularne uczęszczanie syna do szkoły',
        tasks: [
          { description: 'Spotkanie z pedagogiem szkolnym', responsible: 'Asystent rodziny', deadline: '2026-03-05', expectedEffect: 'Wspólny plan', resources: '', status: 'planned' },
          { description: 'Wizyta w poradni', responsible: 'Matka', deadline: '2026-03-12', expectedEffect: 'Diagnoza', resources: '', status: 'planned' },
          { description: 'Codzienne odprowadzanie syna do szkoły', responsible: 'Matka', deadline: '2026-06-30', expectedEffect: 'Frekwencja 90%', resources: '', status: 'in_progress' },
          { description: 'Zapis na świetlicę', responsible: 'Matka', deadline: '2026-03-04', expectedEffect: 'Opieka po lekcjach', resources: '', status: 'done' },
        ],
      },
    ],
  },
];

/** Pulls the items of a tray list as [urgency, kind, case number, label, due, subject?]. */
function rows(list: TrayList | null): [string, DeadlineKind, string, string, string, boolean][] {
  return (list?.groups ?? []).flatMap((g) => g.items.map((i): [string, DeadlineKind, string, string, string, boolean] => [g.urgency, i.kind, i.caseNumber, i.label, i.dueDate, i.subjectId !== null]));
}

describe('tray:get', () => {
  it('lists what is due for each user, grouped by the clock’s today, item by item', async () => {
    t = testBackend();
    await setUpOffice(t);
    await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
    const assistant = await t.call('users:create', { firstName: 'Bożena', lastName: 'Wiśniewska', login: 'bwisniewska', password: PASSWORD, roles: ['family_assistant'] });

    // A: reported (wywiad due in 14 working days).
    await signIn(t, 'anowak');
    const a = await t.call('cases:create', simpleIntake(1));
    // B: a request waiting for the kierownik.
    const b = await caseWithRequest(t, 'anowak', 2);
    // C: the assistant works with the family (signed plan); the worker has a signed kontrakt.
    const c = await caseWithRequest(t, 'anowak', 3);
    // D: the work ended, monitoring runs.
    const d = await caseWithRequest(t, 'anowak', 4);
    await signIn(t, HEAD.login);
    for (const { requestId } of [c, d]) await t.call('requests:decide', { requestId, decision: { kind: 'assign', assistantId: assistant.id } });
    await signIn(t, 'bwisniewska');
    for (const { caseId } of [c, d]) {
      const plan = await t.call('plans:create', { caseId, content: { type: 'standard', coordinator: '', areas: AREAS } });
      await t.call('plans:sign', { id: plan.id, signedOn: '2026-03-02' });
    }
    await t.call('closure:propose', { caseId: d.caseId, reason: 'goals_met', note: '' });
    await signIn(t, HEAD.login);
    await t.call('closure:decide', { caseId: d.caseId, decision: 'monitor', note: '' });
    await signIn(t, 'anowak');
    const mother = (await t.call('cases:get', { id: c.caseId })).family.members[0]!.person.id;
    const contract = await t.call('contracts:create', {
      caseId: c.caseId,
      variant: 'A',
      clientIds: [mother],
      causes: '',
      possibilities: '',
      limitations: '',
      mainGoal: 'Podjęcie pracy',
      partialGoals: [],
      actions: [
        { party: 'client', description: 'Rejestracja w PUP', deadline: '2026-03-09' },
        { party: 'worker', description: 'Pomoc w dokumentach', deadline: '2026-04-30' },
      ],
      periodFrom: '2026-03-02',
      periodTo: '2026-08-31',
    });
    await t.call('contracts:event', { id: contract.id, event: 'sign', signedOn: '2026-03-02' });

    // A week later (the idle session has locked meanwhile: sign in again).
    t.clock.set('2026-03-10T08:00:00.000Z');
    await signIn(t, 'anowak');
    const [A, B, C, D] = ['OPS.AR.1.2026', 'OPS.AR.2.2026', 'OPS.AR.3.2026', 'OPS.AR.4.2026'];
    expect(a.number).toBe(A);

    const worker = await t.call('tray:get', {});
    expect(worker.today).toBe('2026-03-10');
    expect(worker.office).toBeNull();
    expect(worker.caseloads).toBeNull();
    expect(rows(worker.mine)).toEqual([
      ['overdue', 'contract_action', C, 'Kontrakt: Rejestracja w PUP', '2026-03-09', true],
      ['later', 'interview', A, `Wywiad środowiskowy — sprawa ${A}`, '2026-03-20', false],
      ['later', 'contract_action', C, 'Kontrakt: Pomoc w dokumentach', '2026-04-30', true],
      ['later', 'interview_update', C, `Aktualizacja wywiadu — sprawa ${C}`, '2026-09-02', true],
    ]);
    const first = worker.mine.groups[0]!.items[0]!;
    expect(first).toEqual({ kind: 'contract_action', caseId: c.caseId, caseNumber: C, familyName: 'Kowalczyk3 Marta', label: 'Kontrakt: Rejestracja w PUP', dueDate: '2026-03-09', subjectId: contract.id, urgency: 'overdue' });
    expect(worker.mine.groups.map((g) => [g.urgency, g.label, g.total])).toEqual([
      ['overdue', 'Po terminie', 1],
      ['this_week', 'W ciągu 7 dni', 0],
      ['later', 'Później', 3],
    ]);

    await signIn(t, 'bwisniewska');
    const assistantTray = await t.call('tray:get', {});
    expect(rows(assistantTray.mine)).toEqual([
      ['overdue', 'plan_task', C, 'Plan: Spotkanie z pedagogiem szkolnym', '2026-03-05', true],
      ['this_week', 'plan_task', C, 'Plan: Wizyta w poradni', '2026-03-12', true],
      ['later', 'monitoring_end', D, `Koniec monitoringu — sprawa ${D}`, '2026-06-02', false],
      ['later', 'plan_task', C, 'Plan: Codzienne odprowadzanie syna do szkoły', '2026-06-30', true],
      ['later', 'assessment', C, `Okresowa ocena sytuacji rodziny — sprawa ${C}`, '2026-09-02', false],
    ]);
    expect(assistantTray.mine.byKind).toEqual({ plan_task: 3, monitoring_end: 1, assessment: 1 });

    await signIn(t, HEAD.login);
    const head = await t.call('tray:get', {});
    // Filed on Monday 2 March: the office's term of 7 working days ends on Wednesday 11 March.
    expect(rows(head.mine)).toEqual([['this_week', 'assignment_decision', B, `Decyzja o asystencie — sprawa ${B}`, '2026-03-11', true]]);
    expect(head.mine.groups[1]!.items[0]!.subjectId).toBe(b.requestId);
    expect(rows(head.office)).toEqual([
      ['overdue', 'plan_task', C, 'Plan: Spotkanie z pedagogiem szkolnym', '2026-03-05', true],
      ['overdue', 'contract_action', C, 'Kontrakt: Rejestracja w PUP', '2026-03-09', true],
      ['this_week', 'assignment_decision', B, `Decyzja o asystencie — sprawa ${B}`, '2026-03-11', true],
      ['this_week', 'plan_task', C, 'Plan: Wizyta w poradni', '2026-03-12', true],
      ['later', 'interview', A, `Wywiad środowiskowy — sprawa ${A}`, '2026-03-20', false],
      ['later', 'contract_action', C, 'Kontrakt: Pomoc w dokumentach', '2026-04-30', true],
      ['later', 'monitoring_end', D, `Koniec monitoringu — sprawa ${D}`, '2026-06-02', false],
      ['later', 'plan_task', C, 'Plan: Codzienne odprowadzanie syna do szkoły', '2026-06-30', true],
      ['later', 'interview_update', C, `Aktualizacja wywiadu — sprawa ${C}`, '2026-09-02', true],
      ['later', 'assessment', C, `Okresowa ocena sytuacji rodziny — sprawa ${C}`, '2026-09-02', false],
    ]);
    expect(head.caseloads).toEqual([{ assistantId: assistant.id, name: 'Bożena Wiśniewska', families: 2, limit: 15 }]);
    // The lists are paged per group; the counts stay whole.
    const capped = await t.call('tray:get', { limit: 1 });
    expect(capped.office!.groups.map((g) => [g.total, g.items.length])).toEqual([
      [2, 1],
      [2, 1],
      [6, 1],
    ]);
    // "Pokaż więcej": a later page of one group, the others still on their first; the pages add up to the whole list.
    const whole = rows(head.office).filter((r) => r[0] === 'later');
    const paged: unknown[] = [];
    for (let page = 1; page <= 3; page++) {
      const view = await t.call('tray:get', { limit: 2, pages: { office: { later: page } } });
      expect(view.office!.groups[2]!.offset).toBe((page - 1) * 2);
      expect(view.office!.groups[0]!.items).toHaveLength(2);
      paged.push(...rows({ ...view.office!, groups: [view.office!.groups[2]!] }));
    }
    expect(paged).toEqual(whole);
    const minePage = await t.call('tray:get', { limit: 1, pages: { mine: { this_week: 2 } } });
    expect(minePage.mine.groups[1]).toMatchObject({ total: 1, offset: 1, items: [] });
    expect((await t.fail('tray:get', { limit: 201 })).message).toContain('najwyżej 200 zadań');
    expect((await t.fail('tray:get', { pages: { office: { later: 0 } } })).message).toContain('Numer strony zaczyna się od 1');
    // The case file shows the same deadlines.
    expect((await t.call('cases:get', { id: c.caseId })).deadlines.map((x) => x.label)).toEqual([
      'Plan: Spotkanie z pedagogiem szkolnym',
      'Kontrakt: Rejestracja w PUP',
      'Plan: Wizyta w poradni',
      'Kontrakt: Pomoc w dokumentach',
      'Plan: Codzienne odprowadzanie syna do szkoły',
      `Aktualizacja wywiadu — sprawa ${C}`,
      `Okresowa ocena sytuacji rodziny — sprawa ${C}`,
    ]);
  });

  it('on a seeded office: the office tray holds, case by case, the deadlines of the former per-case rules; each user sees hers', async () => {
    t = testBackend();
    t.clock.set('2026-06-15T08:00:00.000Z');
    await setUpOffice(t);
    const report = await seedDemo(t.backend, { families: 80, seed: 3, staffPassword: PASSWORD });
    const session = t.backend.readySession()!;
    const today = '2026-06-15';

    // Every item of the office's tray, page by page.
    const tray = await t.call('tray:get', { limit: 200 });
    const office: TrayItem[] = [];
    for (const group of tray.office!.groups) {
      office.push(...group.items);
      for (let page = 2; (page - 1) * 200 < group.total; page++) {
        const more = await t.call('tray:get', { limit: 200, pages: { office: { [group.urgency]: page } } });
        office.push(...more.office!.groups.find((g) => g.urgency === group.urgency)!.items);
      }
    }
    expect(office.length).toBeGreaterThan(80);
    for (const item of office) expect(item.urgency).toBe(classifyDeadline(item.dueDate, today));
    // Sorted as compareDeadlines sorts.
    const asDeadline = (i: TrayItem): Deadline => ({ kind: i.kind, dueDate: i.dueDate, label: i.label });
    expect(office.map(strip)).toEqual([...office].sort((x, y) => compareDeadlines(asDeadline(x), asDeadline(y))).map(strip));

    const expected = await session.db.read(async (m) => {
      const all: (Deadline & { caseId: string })[] = [];
      for (const row of await m.getRepository(CaseEntity).find()) all.push(...((await referenceDeadlines(m, row)) as (Deadline & { caseId: string })[]));
      return all;
    });
    expect(office.map(strip).sort(byKey)).toEqual(expected.map(strip).sort(byKey));
    const kinds = new Set(office.map((i) => i.kind));
    for (const kind of ['interview', 'interview_update', 'contract_action', 'plan_task', 'assessment', 'assignment_decision', 'monitoring_end', 'court'] as const) expect(kinds, kind).toContain(kind);
    // The seeder's open court letters, some past their deadline at today, are all in the office's tray.
    const letters = report.families.flatMap((f) => f.court.filter((c) => c.status === 'open').map((c) => `${f.caseNumber}|${c.deadline}`));
    expect(letters.length).toBeGreaterThan(1);
    expect(office.filter((i) => i.kind === 'court').map((i) => `${i.caseNumber}|${i.dueDate}`).sort()).toEqual(letters.sort());
    expect(office.some((i) => i.kind === 'court' && i.urgency === 'overdue')).toBe(true);

    // Each worker: the deadlines of her cases of the worker's kinds; each assistant: of her families.
    const cases = await session.db.read(async (m) => m.getRepository(CaseEntity).find());
    const active = await session.db.read(async (m) => m.getRepository(AssignmentEntity).findBy({ endedOn: IsNull() }));
    for (const staff of report.staff.filter((s) => s.created).slice(0, 4)) {
      await signIn(t, staff.login);
      const mine = (await t.call('tray:get', {})).mine.groups.flatMap((g) => g.items);
      const isWorker = staff.roles.includes('social_worker');
      const own = new Set(isWorker ? cases.filter((c) => c.workerId === staff.id).map((c) => c.id) : active.filter((a) => a.assistantId === staff.id).map((a) => a.caseId));
      // A court's letter is in the tray of the case's worker and of the family's assistant.
      const kindsOf: DeadlineKind[] = isWorker ? ['interview', 'interview_update', 'contract_action', 'court', 'returned_request'] : ['plan_task', 'assessment', 'monitoring_end', 'court'];
      expect(mine.map(strip), staff.login).toEqual(office.filter((i) => own.has(i.caseId) && kindsOf.includes(i.kind)).map(strip));
    }
    await signIn(t, HEAD.login);
    expect((await t.call('tray:get', {})).caseloads).toEqual(await t.call('assistants:caseloads', {}));

    // The office's fast path (counts per day, only listed days read in full) lists what the plain one does.
    await t.backend.readySession()!.db.read(async (m) => {
      for (const limit of [1, 3, 7, 25, 100]) expect(await officeTray(m, today, limit), `limit ${limit}`).toEqual(trayList(await collectDeadlines(m, { kind: 'office' }), today, limit));
    });
    // So does each user's own tray, whatever her scope, on every page of every group.
    const worker = report.staff.find((s) => s.created && s.roles.includes('social_worker'))!;
    const assistant = report.staff.find((s) => s.created && s.roles.includes('family_assistant'))!;
    const sources: TraySource[][] = [
      [{ scope: { kind: 'office' }, kinds: HEAD_KINDS }],
      [{ scope: { kind: 'worker', userId: worker.id }, kinds: WORKER_KINDS }],
      [{ scope: { kind: 'assistant', userId: assistant.id }, kinds: ASSISTANT_KINDS }],
      [
        { scope: { kind: 'worker', userId: worker.id }, kinds: WORKER_KINDS },
        { scope: { kind: 'assistant', userId: assistant.id }, kinds: ASSISTANT_KINDS },
      ],
    ];
    await t.backend.readySession()!.db.read(async (m) => {
      for (const parts of sources) {
        const all: CaseDeadline[] = [];
        for (const { scope, kinds } of parts) all.push(...(await collectDeadlines(m, scope, kinds)));
        expect(all.length, parts.map((p) => p.scope.kind).join('+')).toBeGreaterThan(3);
        for (const limit of [1, 2, 5, 50]) {
          for (const offsets of [FIRST_PAGES, { overdue: limit, this_week: 2 * limit, later: limit }]) {
            const label = `${parts.map((p) => p.scope.kind).join('+')}, limit ${limit}, offsets ${JSON.stringify(offsets)}`;
            expect(await pagedTray(m, today, limit, offsets, parts), label).toEqual(trayList(all, today, limit, offsets));
          }
        }
      }
    });
  });
});

function strip(d: Pick<TrayItem, 'kind' | 'dueDate' | 'label' | 'caseId'> & { subjectId?: string | null }): string {
  return [d.caseId, d.kind, d.dueDate, d.label, d.subjectId ?? ''].join('|');
}

function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The per-case rules as CasesService.deadlines had them before the set-based queries (an independent reference). */
async function referenceDeadlines(m: EntityManager, row: CaseRow): Promise<Deadline[]> {
  const list: Deadline[] = [];
  const status = row.status as CaseStatus;
  const caseId = row.id;
  if (status === 'REPORTED' || status === 'INTERVIEW') {
    list.push({ kind: 'interview', dueDate: row.interviewDue, caseId, label: `Wywiad środowiskowy — sprawa ${row.number}` });
  }
  if (status === 'ASSISTANT_REQUESTED') {
    const request = await m.getRepository(AssistantRequestEntity).findOneBy({ caseId, status: 'pending' });
    if (request) {
      const label = request.kind === 'minor_parent' ? `Przydział asystenta małoletniemu rodzicowi (obowiązkowy) — sprawa ${row.number}` : `Decyzja o asystencie — sprawa ${row.number}`;
      list.push({ kind: 'assignment_decision', dueDate: addWorkingDays(request.filedOn, DEFAULT_SETTINGS.decisionWorkingDays), caseId, subjectId: request.id, label });
    }
  }
  // issue 15: a request the kierownik returned waits for the worker (the latest request only), a closure proposal for the kierownik.
  if (status === 'ANALYSIS') {
    const latest = await m.getRepository(AssistantRequestEntity).findOne({ where: { caseId }, order: { createdAt: 'DESC' } });
    if (latest?.status === 'returned' && latest.decidedOn) {
      list.push({ kind: 'returned_request', dueDate: addWorkingDays(latest.decidedOn, RETURNED_REQUEST_WORKING_DAYS), caseId, subjectId: latest.id, label: `Wniosek zwrócony: ${latest.decisionNote ?? ''} — sprawa ${row.number}` });
    }
  }
  if (status === 'CLOSING' && row.closureProposedOn) {
    list.push({ kind: 'closure_decision', dueDate: addWorkingDays(row.closureProposedOn, CLOSURE_DECISION_WORKING_DAYS), caseId, label: `Propozycja zakończenia pracy z rodziną — sprawa ${row.number}` });
  }
  if (['SOCIAL_WORK', 'ASSISTANT_ASSIGNED', 'PLAN', 'IN_PROGRESS', 'CLOSING'].includes(status)) {
    const last = await m.getRepository(InterviewEntity).findOne({ where: { caseId, status: 'completed' }, order: { conductedOn: 'DESC' } });
    if (last?.conductedOn) list.push({ kind: 'interview_update', dueDate: nextInterviewUpdateDue(last.conductedOn), caseId, subjectId: last.id, label: `Aktualizacja wywiadu — sprawa ${row.number}` });
    for (const contract of await m.getRepository(ContractEntity).findBy({ caseId, status: In(['signed', 'in_progress']) })) {
      for (const action of contract.actions.filter((a) => a.status === 'planned')) {
        list.push({ kind: 'contract_action', dueDate: action.deadline, caseId, subjectId: contract.id, label: `Kontrakt: ${action.description}` });
      }
    }
  }
  if (['ASSISTANT_ASSIGNED', 'PLAN', 'IN_PROGRESS'].includes(status)) {
    const plan = await m.getRepository(PlanEntity).findOneBy({ caseId, status: 'signed' });
    for (const { task } of planTasks(plan?.areas ?? [])) {
      if (task.status === 'planned' || task.status === 'in_progress') list.push({ kind: 'plan_task', dueDate: task.deadline, caseId, subjectId: plan!.id, label: `Plan: ${task.description}` });
    }
    const lastAssessment = await m.getRepository(AssessmentEntity).findOne({ where: { caseId }, order: { assessedOn: 'DESC' } });
    const assigned = await m.getRepository(AssignmentEntity).findOne({ where: { caseId }, order: { assignedOn: 'ASC' } });
    const since = lastAssessment?.assessedOn ?? assigned?.assignedOn;
    if (since) list.push({ kind: 'assessment', dueDate: nextAssessmentDue(since), caseId, label: `Okresowa ocena sytuacji rodziny — sprawa ${row.number}` });
  }
  if (status === 'MONITORING' && row.monitoringUntil && !row.monitoringEndedOn) {
    list.push({ kind: 'monitoring_end', dueDate: row.monitoringUntil, caseId, label: `Koniec monitoringu — sprawa ${row.number}` });
  }
  // A court's letter not answered yet, whatever the case's state: due on the court's deadline.
  for (const request of await m.getRepository(CourtRequestEntity).findBy({ caseId, status: 'open' })) {
    list.push({ kind: 'court', dueDate: request.deadline, caseId, subjectId: request.id, label: `Pismo sądu: ${request.court}, sygn. akt ${request.caseReference} — sprawa ${row.number}` });
    // An opinion the assistant submitted waits for the kierownik's approval.
    if (await m.getRepository(CourtOpinionEntity).existsBy({ requestId: request.id, status: 'submitted' })) {
      list.push({ kind: 'opinion_approval', dueDate: request.deadline, caseId, subjectId: request.id, label: `Opinia do zatwierdzenia: ${request.court}, sygn. akt ${request.caseReference} — sprawa ${row.number}` });
    }
  }
  return list;
}

describe('migration 0005: plan tasks and kontrakt actions as rows', () => {
  it('derives the rows of existing signed plans and running kontrakty, then keeps them current by triggers', async () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const file = join(dir, 'a.db');
    try {
      const old = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, 4) });
      const tracked = `'2026-01-01T00:00:00.000Z', NULL, '2026-01-01T00:00:00.000Z', NULL, 1`;
      const q = (sql: string, params: unknown[] = []) => old.dataSource.query(sql, params);
      await q(`INSERT INTO user VALUES ('u1', 'anowak', 'Anna', 'Nowak', '["social_worker"]', 1, ${tracked})`);
      await q(`INSERT INTO family VALUES ('f1', 'family', 'ul. Polna 3', '74-202', 'Bielice', 1, 0, '', ${tracked})`);
      await q(
        `INSERT INTO case_file (id, number, family_id, status, reported_on, source, source_details, report, urgent, minor_parent, reasons, worker_id, interview_due, created_at, updated_at, version)
         VALUES ('c1', 'OPS.AR.1.2026', 'f1', 'IN_PROGRESS', '2026-01-01', 'school', '', 'Zgłoszenie', 0, 0, '[]', 'u1', '2026-01-21', 'x', 'x', 1)`,
      );
      const areas = (status: string) => JSON.stringify([{ name: 'Dom', goals: [{ name: 'Szkoła', tasks: [{ description: 'Spotkanie', responsible: 'Matka', deadline: '2026-04-01', expectedEffect: 'Plan', resources: '', status }] }] }]);
      await q(`INSERT INTO plan VALUES ('p1', 'c1', 1, 'standard', '', ?, 'signed', '2026-02-01', 'u1', ${tracked})`, [areas('planned')]);
      await q(`INSERT INTO plan VALUES ('p0', 'c1', 0, 'standard', '', ?, 'superseded', '2026-01-15', 'u1', ${tracked})`, [areas('planned')]);
      const actions = JSON.stringify([{ id: 'a1', party: 'client', description: 'Rejestracja w PUP', deadline: '2026-03-01', status: 'planned' }]);
      await q(
        `INSERT INTO contract (id, case_id, variant, status, client_ids, worker_id, causes, possibilities, limitations, main_goal, partial_goals, actions, period_from, period_to, signed_on, created_at, updated_at, version)
         VALUES ('k1', 'c1', 'A', 'in_progress', '[]', 'u1', '', '', '', 'Praca', '[]', ?, '2026-02-01', '2026-06-30', '2026-02-01', 'x', 'x', 1)`,
        [actions],
      );
      await old.close();

      const db = await Database.open({ file, masterKey: key });
      try {
        const rows = (sql: string) => db.dataSource.query(sql) as Promise<unknown[]>;
        expect(await rows('SELECT plan_id, case_id, case_status, description, deadline, status FROM signed_plan_task')).toEqual([
          { plan_id: 'p1', case_id: 'c1', case_status: 'IN_PROGRESS', description: 'Spotkanie', deadline: '2026-04-01', status: 'planned' },
        ]);
        expect(await rows('SELECT contract_id, case_status, description, deadline, status FROM running_contract_action')).toEqual([
          { contract_id: 'k1', case_status: 'IN_PROGRESS', description: 'Rejestracja w PUP', deadline: '2026-03-01', status: 'planned' },
        ]);
        // Any write, by any code: a ticked-off task, a case moving on, a superseded plan, an assessed kontrakt.
        await db.dataSource.query(`UPDATE plan SET areas = ? WHERE id = 'p1'`, [areas('done')]);
        await db.dataSource.query(`UPDATE case_file SET status = 'PLAN' WHERE id = 'c1'`);
        expect(await rows('SELECT case_status, status FROM signed_plan_task')).toEqual([{ case_status: 'PLAN', status: 'done' }]);
        expect(await rows('SELECT case_status FROM running_contract_action')).toEqual([{ case_status: 'PLAN' }]);
        await db.dataSource.query(`UPDATE plan SET status = 'superseded' WHERE id = 'p1'`);
        await db.dataSource.query(`UPDATE contract SET status = 'assessed' WHERE id = 'k1'`);
        expect(await rows('SELECT * FROM signed_plan_task')).toEqual([]);
        expect(await rows('SELECT * FROM running_contract_action')).toEqual([]);
        await db.dataSource.query(`UPDATE plan SET status = 'signed' WHERE id = 'p0'`);
        expect(await rows('SELECT plan_id, case_status FROM signed_plan_task')).toEqual([{ plan_id: 'p0', case_status: 'PLAN' }]);
        await db.dataSource.query(`DELETE FROM plan WHERE id = 'p0'`);
        expect(await rows('SELECT * FROM signed_plan_task')).toEqual([]);
      } finally {
        await db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
