/**
 * People change (issue 15, item 6): the kierownik hands a case to another social worker or
 * assistant with a date, a reason and the caseload check; the history stays; a user who still
 * leads cases cannot be switched off, and her cases can be handed over in one step.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeEngines, HEAD, setUpOffice, testBackend, type Engine, type TestBackend } from '../../../support/backend';
import { caseWithRequest, PASSWORD, signIn } from '../../../support/case-flow';

let t: TestBackend;
/** The engine of the running block (describeEngines below). */
let engine: Engine = 'local';
const ids: Record<string, string> = {};

beforeEach(async () => {
  t = testBackend(undefined, { engine });
  t.clock.set('2026-03-20T09:00:00.000Z');
  await setUpOffice(t);
  for (const [login, firstName, lastName, role] of [
    ['anowak', 'Anna', 'Nowak', 'social_worker'],
    ['elis', 'Ewa', 'Lis', 'social_worker'],
    ['bwisniewska', 'Bożena', 'Wiśniewska', 'family_assistant'],
    ['cmazur', 'Celina', 'Mazur', 'family_assistant'],
  ] as const) {
    ids[login] = (await t.call('users:create', { firstName, lastName, login, password: PASSWORD, roles: [role] })).id;
  }
});
afterEach(async () => t.cleanup());

async function assignedCase(serial: number, assistant = 'bwisniewska'): Promise<string> {
  const { caseId, requestId } = await caseWithRequest(t, 'anowak', serial);
  await signIn(t, HEAD.login);
  await t.call('requests:decide', { requestId, decision: { kind: 'assign', assistantId: ids[assistant]! } });
  return caseId;
}

describeEngines('staff changes', (current) => {
  beforeAll(() => {
    engine = current;
  });

  describe('change of assistant and of social worker', () => {
    it('keeps the history with dates and reasons; the new people see the case, the old ones do not', async () => {
      const caseId = await assignedCase(1);
      await t.call('cases:changeStaff', { caseId, role: 'assistant', userId: ids.cmazur!, effectiveOn: '2026-03-20', reason: 'Długotrwałe zwolnienie lekarskie asystentki.' });
      await t.call('cases:changeStaff', { caseId, role: 'worker', userId: ids.elis!, effectiveOn: '2026-03-18', reason: 'Zmiana rejonu.' });
      const history = await t.call('cases:staffHistory', { caseId });
      expect(history.assistants.map((a) => [a.name, a.fromOn, a.toOn, a.reason, a.endReason])).toEqual([
        ['Bożena Wiśniewska', '2026-03-20', '2026-03-20', '', 'Długotrwałe zwolnienie lekarskie asystentki.'],
        ['Celina Mazur', '2026-03-20', null, 'Długotrwałe zwolnienie lekarskie asystentki.', null],
      ]);
      expect(history.workers.map((w) => [w.name, w.fromOn, w.toOn])).toEqual([
        ['Anna Nowak', '2026-03-02', '2026-03-18'],
        ['Ewa Lis', '2026-03-18', null],
      ]);
      const file = await t.call('cases:get', { id: caseId });
      expect([file.worker.name, file.assistant?.name]).toEqual(['Ewa Lis', 'Celina Mazur']);
      expect(file.events.map((e) => e.title)).toEqual(expect.arrayContaining(['Zmiana asystenta rodziny: Bożena Wiśniewska → Celina Mazur', 'Zmiana pracownika socjalnego: Anna Nowak → Ewa Lis']));
      const log = await t.call('cases:changeLog', { caseId });
      expect(log.find((e) => e.action === 'assignment.change')?.details).toMatchObject({ effectiveOn: '2026-03-20', reason: 'Długotrwałe zwolnienie lekarskie asystentki.' });
      await signIn(t, 'bwisniewska');
      expect((await t.fail('cases:get', { id: caseId })).code).toBe('FORBIDDEN');
      await signIn(t, 'anowak');
      expect((await t.fail('cases:get', { id: caseId })).code).toBe('FORBIDDEN');
      await signIn(t, 'cmazur');
      expect((await t.call('cases:get', { id: caseId })).id).toBe(caseId);
    });

    it('checks the caseload, the dates and who may do it', async () => {
      const caseId = await assignedCase(2);
      await t.call('settings:update', { caseloadLimit: 1 });
      await assignedCase(3, 'cmazur').catch(() => undefined);
      await signIn(t, HEAD.login);
      const full = await t.fail('cases:changeStaff', { caseId, role: 'assistant', userId: ids.cmazur!, effectiveOn: '2026-03-20', reason: 'Urlop.' });
      expect(full.message).toContain('limit to 1');
      expect((await t.fail('cases:changeStaff', { caseId, role: 'worker', userId: ids.elis!, effectiveOn: '2026-03-01', reason: 'Urlop.' })).message).toContain('02.03.2026');
      expect((await t.fail('cases:changeStaff', { caseId, role: 'worker', userId: ids.elis!, effectiveOn: '2026-03-21', reason: 'Urlop.' })).message).toContain('z przyszłości');
      expect((await t.fail('cases:changeStaff', { caseId, role: 'worker', userId: ids.bwisniewska!, effectiveOn: '2026-03-20', reason: 'Urlop.' })).message).toContain('nie jest aktywnym pracownikiem socjalnym');
      await signIn(t, 'anowak');
      expect((await t.fail('cases:changeStaff', { caseId, role: 'worker', userId: ids.elis!, effectiveOn: '2026-03-20', reason: 'Urlop.' })).code).toBe('FORBIDDEN');
    });
  });

  describe('switching off a user who still leads cases', () => {
    it('is refused with the list of her cases; after the hand-over it goes through', async () => {
      const caseId = await assignedCase(4);
      const number = (await t.call('cases:get', { id: caseId })).number;
      const refused = await t.fail('users:update', { id: ids.anowak!, firstName: 'Anna', lastName: 'Nowak', roles: ['social_worker'], active: false });
      expect(refused.code).toBe('CONFLICT');
      expect(refused.message).toContain(number);
      expect(refused.message).toContain('pracownik socjalny');
      // Nor may she lose the role that leads them.
      expect((await t.fail('users:update', { id: ids.bwisniewska!, firstName: 'Bożena', lastName: 'Wiśniewska', roles: ['social_worker'], active: true })).message).toContain(number);
      expect(await t.call('users:activeCases', { id: ids.anowak! })).toEqual([{ caseId, number, familyName: expect.any(String), role: 'worker' }]);
      expect((await t.call('users:handOver', { fromUserId: ids.anowak!, workerId: ids.elis!, effectiveOn: '2026-03-20', reason: 'Odejście z pracy.' })).moved).toBe(1);
      expect(await t.call('users:activeCases', { id: ids.anowak! })).toEqual([]);
      const off = await t.call('users:update', { id: ids.anowak!, firstName: 'Anna', lastName: 'Nowak', roles: ['social_worker'], active: false });
      expect(off.active).toBe(false);
      expect((await t.call('cases:get', { id: caseId })).worker.name).toBe('Ewa Lis');
    });
  });
});
