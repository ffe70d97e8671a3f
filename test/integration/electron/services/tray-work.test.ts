/**
 * Trays show all of a person's work (issue 15, item 11): a returned request on the worker's tray
 * with the kierownik's reason and a term; the kierownik's "Moje zadania" with requests (a minor
 * parent's marked), opinions to approve and closure proposals. On both engines.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { execute, queryOne } from '../../../../electron/data/sql';
import { addWorkingDays } from '../../../../shared/domain/calendar';
import { nextAssessmentDue, nextInterviewUpdateDue } from '../../../../shared/domain/deadlines';
import { describeEngines, HEAD, setUpOffice, testBackend, type TestBackend } from '../../../support/backend';
import { caseWithRequest, PASSWORD, signIn } from '../../../support/case-flow';

let t: TestBackend;

const items = (tray: Awaited<ReturnType<TestBackend['call']>>) => (tray as { mine: { groups: { items: { kind: string; label: string; dueDate: string; caseId: string }[] }[] } }).mine.groups.flatMap((g) => g.items);

describeEngines('trays', (engine) => {
  beforeEach(async () => {
    t = testBackend(undefined, { engine });
    await setUpOffice(t);
    await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
  });
  afterEach(async () => t.cleanup());

  it('the worker sees the returned request with the reason and a term; the kierownik her decisions, closures and opinions', async () => {
    const returned = await caseWithRequest(t, 'anowak', 1);
    const waiting = await caseWithRequest(t, 'anowak', 2);
    await signIn(t, HEAD.login);
    await t.call('requests:decide', { requestId: returned.requestId, decision: { kind: 'return', reason: 'Proszę uzupełnić analizę o zasoby rodziny.' } });

    await signIn(t, 'anowak');
    const mine = items(await t.call('tray:get', {}));
    const item = mine.find((i) => i.kind === 'returned_request')!;
    expect(item).toMatchObject({ caseId: returned.caseId, dueDate: addWorkingDays('2026-03-02', 7) });
    expect(item.label).toContain('Proszę uzupełnić analizę o zasoby rodziny.');
    // Filed again: off the tray.
    await t.call('requests:file', { caseId: returned.caseId, justification: 'Uzupełniono analizę.' });
    expect(items(await t.call('tray:get', {})).some((i) => i.kind === 'returned_request')).toBe(false);

    // A closure proposal and a submitted opinion wait for the kierownik (set up directly: the family-work flow has its own tests).
    const session = t.backend.readySession()!;
    await session.db.write(async (m) => {
      await execute(m, `UPDATE case_file SET status = 'CLOSING', closure_proposed_on = '2026-03-02', closure_reason = 'goals_met' WHERE id = ?`, [waiting.caseId]);
      await execute(
        m,
        `INSERT INTO court_request (id, case_id, court, division, case_reference, received_on, asks, deadline, status, notes, created_at, updated_at, version)
         VALUES ('q1', ?, 'Sąd Rejonowy w Pyrzycach', 'III Wydział', 'III Nsm 1/26', '2026-03-02', 'opinion', '2026-03-20', 'open', '', 'x', 'x', 1)`,
        [waiting.caseId],
      );
      const head = (await queryOne<{ id: string }>(m, `SELECT id FROM "user" WHERE login = ?`, [HEAD.login]))!;
      await execute(
        m,
        `INSERT INTO court_opinion (id, request_id, case_id, status, sections, author_id, created_at, updated_at, version) VALUES ('o1', 'q1', ?, 'submitted', '{}', ?, 'x', 'x', 1)`,
        [waiting.caseId, head.id],
      );
    });
    await signIn(t, HEAD.login);
    const head = items(await t.call('tray:get', {}));
    expect(head.filter((i) => i.caseId === waiting.caseId).map((i) => [i.kind, i.dueDate])).toEqual(
      expect.arrayContaining([
        ['closure_decision', addWorkingDays('2026-03-02', 7)],
        ['opinion_approval', '2026-03-20'],
      ]),
    );
    expect(head.find((i) => i.kind === 'opinion_approval')?.label).toContain('III Nsm 1/26');
    expect(head.some((i) => i.kind === 'assignment_decision' && i.caseId === returned.caseId)).toBe(true);
  });

  it('are on the assistant’s tray with their day and kind until recorded; not in the past, at most a year ahead', async () => {
    const { caseId, requestId } = await caseWithRequest(t, 'anowak', 3);
    await signIn(t, HEAD.login);
    await t.call('users:create', { firstName: 'Bożena', lastName: 'Wiśniewska', login: 'bwisniewska', password: PASSWORD, roles: ['family_assistant'] });
    const assistant = (await t.call('users:list', {})).find((u) => u.login === 'bwisniewska')!;
    await t.call('requests:decide', { requestId, decision: { kind: 'assign', assistantId: assistant.id } });
    await signIn(t, 'bwisniewska');
    expect((await t.fail('visits:plan', { caseId, plannedOn: '2026-03-01', kind: 'home', place: 'Dom rodziny' })).message).toContain('w przeszłości');
    expect((await t.fail('visits:plan', { caseId, plannedOn: '2027-03-03', kind: 'home', place: 'Dom rodziny' })).message).toContain('rok naprzód');
    // Counted from the assignment until the first ocena, and from the completed wywiad (case_deadline,
    // kept by the database's triggers on either engine).
    const decidedOn = (await t.call('cases:get', { id: caseId })).requests[0]!.decidedOn!;
    expect(items(await t.call('tray:get', {})).find((i) => i.kind === 'assessment')).toMatchObject({ caseId, dueDate: nextAssessmentDue(decidedOn) });
    await signIn(t, 'anowak');
    expect(items(await t.call('tray:get', {})).find((i) => i.kind === 'interview_update')).toMatchObject({ caseId, dueDate: nextInterviewUpdateDue('2026-03-02') });
    await signIn(t, 'bwisniewska');
    await t.call('visits:plan', { caseId, plannedOn: '2026-03-05', kind: 'outside', place: 'Szkoła Podstawowa nr 1' });
    const item = items(await t.call('tray:get', {})).find((i) => i.kind === 'planned_visit')!;
    expect(item).toMatchObject({ caseId, dueDate: '2026-03-05' });
    expect(item.label).toBe(`Wizyta: poza domem, Szkoła Podstawowa nr 1 — sprawa ${(await t.call('cases:get', { id: caseId })).number}`);
    const work = await t.call('work:get', { caseId });
    expect(work.visits).toEqual([]);
    expect(work.plannedVisits).toEqual([{ id: expect.any(String), plannedOn: '2026-03-05', kind: 'outside', place: 'Szkoła Podstawowa nr 1' }]);
    // Recorded on the day: off the tray, into the diary and the chronology.
    t.clock.set('2026-03-05T09:00:00.000Z');
    await signIn(t, 'bwisniewska');
    await t.call('visits:add', { plannedVisitId: work.plannedVisits[0]!.id, caseId, visitedOn: '2026-03-05', place: 'Szkoła Podstawowa nr 1', participants: 'Matka, pedagog', topics: 'Frekwencja syna.', agreed: '' });
    expect(items(await t.call('tray:get', {})).some((i) => i.kind === 'planned_visit')).toBe(false);
    const after = await t.call('work:get', { caseId });
    expect([after.plannedVisits.length, after.visits.map((v) => v.participants)]).toEqual([0, ['Matka, pedagog']]);
  });
});
