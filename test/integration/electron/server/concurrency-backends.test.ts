/**
 * Two PCs of one office through the whole app (issue 18, item 5): each PC a backend of its own
 * (its data folder joined with the pairing code), the kierownik signed in on PC 1 and a social
 * worker on PC 2, both on one throwaway server (test/support/backend.ts). What one PC writes, the
 * other sees by the data's version and its lists; the same wywiad saved on both at once is stored
 * once and the other save answers CONFLICT; case numbers created on both at once stay gapless.
 * (The races held open at a chosen point, the failures of the connection: concurrency.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEAD, setUpOffice, testBackend, type TestBackend } from '../../../support/backend';
import { MANDATORY_SEGMENTS, simpleIntake } from '../../../support/case-flow';

const WORKER = { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: 'Haslo-Anny-2026!', roles: ['social_worker' as const] };

/** PC 1: the kierownik's; PC 2: the worker's. */
let pc1: TestBackend;
let pc2: TestBackend;
let workerId: string;

beforeAll(async () => {
  pc1 = testBackend(undefined, { engine: 'postgres' });
  await setUpOffice(pc1);
  workerId = (await pc1.call('users:create', WORKER)).id;
  const { pairingCode } = await pc1.serverOffice!();
  pc2 = testBackend(undefined, { sameOfficeAs: pc1 });
  await pc2.call('setup:joinServer', { pairingCode });
  await pc2.call('session:login', { login: WORKER.login, password: WORKER.password });
}, 120_000);

afterAll(async () => {
  // PC 2 first: PC 1 drops the database they share.
  await pc2?.cleanup();
  await pc1?.cleanup();
});

const version = async (t: TestBackend): Promise<string> => (await t.call('app:dataVersion', {})).version;

let serial = 100;

describe('two PCs of one office', () => {
  it("PC 1 sees PC 2's new case: the data's version moved, and the list read again has it", async () => {
    const before = await version(pc1);
    expect(await version(pc2)).toBe(before);
    const created = await pc2.call('cases:create', simpleIntake(serial++));
    const after = await version(pc1);
    expect(after).not.toBe(before);
    expect(await version(pc2)).toBe(after);
    // Reading does not move it.
    const list = await pc1.call('cases:list', {});
    expect(list.rows.map((c) => c.id)).toContain(created.id);
    expect(await version(pc1)).toBe(after);
  });

  it('the same wywiad saved on both PCs at once: one save is stored, the other answers CONFLICT in Polish; again and again', async () => {
    const { id: caseId } = await pc2.call('cases:create', simpleIntake(serial++));
    const { interviewId } = await pc2.call('cases:startInterview', { caseId });
    const input = (place: string, expectedVersion: number) => ({ id: interviewId, expectedVersion, conductedOn: '2026-03-02', place, segments: MANDATORY_SEGMENTS, documents: {}, income: { items: [] } });
    let current = 1;
    for (let round = 0; round < 5; round++) {
      const outcomes = await Promise.all([
        pc1.backend.invoke('interviews:save', input(`kierownik, runda ${round}`, current)),
        pc2.backend.invoke('interviews:save', input(`pracownik, runda ${round}`, current)),
      ]);
      const stored = outcomes.filter((o) => o.ok);
      const refused = outcomes.flatMap((o) => (o.ok ? [] : [o.error]));
      expect(stored, `round ${round}: exactly one save is stored`).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0]!.code).toBe('CONFLICT');
      expect(refused[0]!.message).toMatch(/Wywiad został w międzyczasie zapisany przez/);
      current += 1;
      const read = await pc1.call('interviews:get', { id: interviewId });
      expect(read.version).toBe(current);
      // What is stored is the save that went through, whole.
      const winner = outcomes.indexOf(stored[0]!) === 0 ? 'kierownik' : 'pracownik';
      expect(read.place).toBe(`${winner}, runda ${round}`);
    }
    // A save based on an old version is refused, naming who saved last.
    const stale = await pc2.fail('interviews:save', input('spóźniony zapis', 1));
    expect(stale.code).toBe('CONFLICT');
    const names = [`${HEAD.firstName} ${HEAD.lastName}`, `${WORKER.firstName} ${WORKER.lastName}`];
    expect(names.some((name) => stale.message.includes(name))).toBe(true);
  });

  it('case numbers stay gapless and unique with 20 cases created at once on the two PCs', async () => {
    const before = (await pc1.call('cases:list', {})).total;
    // The kierownik names the worker who leads the case; the worker leads her own.
    const intake = (i: number) => (i % 2 === 0 ? { ...simpleIntake(serial++), workerId } : simpleIntake(serial++));
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? pc1 : pc2).call('cases:create', intake(i))));
    const numbers = created.map((c) => Number(c.number.split('.').at(-2))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(20);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => before + 1 + i));
  });
});
