/**
 * A second report about a person with an open case (issue 15, item 8): no second case opened
 * silently; the warning names the case's worker (and, for one who may open it, the case), and the
 * new report can be added to that case.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEngines, HEAD, setUpOffice, testBackend, type TestBackend } from '../../../support/backend';
import { PASSWORD, signIn, simpleIntake } from '../../../support/case-flow';

describeEngines('a person with an open case', (engine) => {
  let t: TestBackend;

  beforeEach(async () => {
    t = testBackend(undefined, { engine });
    t.clock.set('2026-03-20T09:00:00.000Z');
    await setUpOffice(t);
    await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
    await t.call('users:create', { firstName: 'Ewa', lastName: 'Lis', login: 'elis', password: PASSWORD, roles: ['social_worker'] });
  });
  afterEach(async () => t.cleanup());

  it('a second case needs confirmation; the open case takes the new report; another worker learns only who leads it', async () => {
    await signIn(t, 'anowak');
    const first = await t.call('cases:create', simpleIntake(3, '2026-03-02'));
    const file = await t.call('cases:get', { id: first.id });
    const marta = file.family.members.find((m) => m.relation === 'applicant')!.person;
    const again = { ...simpleIntake(4, '2026-03-19'), members: [{ relation: 'applicant' as const, inHousehold: true, existingPersonId: marta.id }] };
    const refused = await t.fail('cases:create', again);
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('ma już otwartą sprawę (prowadzi: Anna Nowak)');
    expect(await t.call('cases:openCasesOf', { personId: marta.id })).toEqual([{ caseId: first.id, number: first.number, statusLabel: 'Zgłoszenie', workerName: 'Anna Nowak' }]);
    const second = await t.call('cases:create', { ...again, secondCase: true });
    expect(second.number).not.toBe(first.number);

    // Another worker: the worker's name, nothing of the case or the person.
    await signIn(t, 'elis');
    const seen = await t.call('cases:openCasesOf', { personId: marta.id });
    expect(seen).toEqual([
      { caseId: null, number: null, statusLabel: null, workerName: 'Anna Nowak' },
      { caseId: null, number: null, statusLabel: null, workerName: 'Anna Nowak' },
    ]);
    // Two open cases: she cannot choose one she may not open.
    expect((await t.fail('cases:addReport', { personId: marta.id, reportedOn: '2026-03-20', source: 'police', report: 'Interwencja.' })).message).toContain('kilka otwartych spraw');

    await signIn(t, HEAD.login);
    await t.call('cases:close', { caseId: second.id, note: 'Założona omyłkowo.', reason: 'other' }).catch(() => undefined);
    const added = await t.call('cases:addReport', { personId: marta.id, caseId: first.id, reportedOn: '2026-03-20', source: 'police', sourceDetails: 'KPP Pyrzyce', report: 'Interwencja domowa.' });
    expect(added).toEqual({ caseId: first.id, number: first.number, statusLabel: 'Zgłoszenie', workerName: 'Anna Nowak' });
    const event = (await t.call('cases:get', { id: first.id })).events.find((e) => e.kind === 'intake' && e.title.startsWith('Kolejne zgłoszenie'))!;
    expect(event).toMatchObject({ occurredOn: '2026-03-20', body: 'Interwencja domowa.', significant: true, authorName: 'Grażyna Żółkiewska' });
    expect(event.title).toContain('Policja: KPP Pyrzyce');
    expect((await t.call('cases:changeLog', { caseId: first.id })).some((e) => e.action === 'case.report_add')).toBe(true);
    expect((await t.fail('cases:addReport', { personId: marta.id, caseId: first.id, reportedOn: '2026-03-21', source: 'police', report: 'x' })).message).toContain('z przyszłości');
  });

  it('another worker with one open case in the way adds her report to it without seeing it', async () => {
    await signIn(t, 'anowak');
    const first = await t.call('cases:create', simpleIntake(5, '2026-03-02'));
    const personId = (await t.call('cases:get', { id: first.id })).family.members[0]!.person.id;
    await signIn(t, 'elis');
    expect(await t.call('cases:addReport', { personId, reportedOn: '2026-03-20', source: 'school', report: 'Dziecko nie przychodzi do szkoły.' })).toEqual({
      caseId: null,
      number: null,
      statusLabel: null,
      workerName: 'Anna Nowak',
    });
    await signIn(t, 'anowak');
    expect((await t.call('cases:get', { id: first.id })).events.some((e) => e.body === 'Dziecko nie przychodzi do szkoły.')).toBe(true);
  });
});
