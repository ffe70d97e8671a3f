/**
 * Stale writes between PCs (issue 18, item 5): a write that read a case or a family before another
 * PC changed it must not write the old columns back, nor pass its check on the old state. Two PCs of
 * one office (backends joined to one throwaway server), the same social worker signed in on both.
 * The superuser holds the case row for a moment so that both PCs' writes are under way at once and
 * meet in a chosen order (each queues behind the hold; released before the 5 s lock timeout).
 */
import type pg from 'pg';
import type { Art7Reason } from '../../../../shared/domain/caseFlow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOffice, testBackend, type TestBackend } from '../../../support/backend';
import { MANDATORY_SEGMENTS, PASSWORD, signIn, simpleIntake } from '../../../support/case-flow';

const WORKER = { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker' as const] };

let pc1: TestBackend;
let pc2: TestBackend;
let admin: pg.Client;

beforeAll(async () => {
  pc1 = testBackend(undefined, { engine: 'postgres' });
  await setUpOffice(pc1);
  await pc1.call('users:create', WORKER);
  const office = await pc1.serverOffice!();
  pc2 = testBackend(undefined, { sameOfficeAs: pc1 });
  await pc2.call('setup:joinServer', { pairingCode: office.pairingCode });
  await signIn(pc1, WORKER.login);
  await signIn(pc2, WORKER.login);
  admin = await office.admin();
}, 120_000);

afterAll(async () => {
  await admin?.end();
  await pc2?.cleanup();
  await pc1?.cleanup();
});

const analysis = (caseId: string, reasons: Art7Reason[]) => ({ caseId, reasons, strengths: 'Chęć współpracy.', resources: '', conclusions: '', consentOn: '2026-03-02' });

/** A case of the worker's in ANALYSIS with the analysis saved once (reasons: poverty). */
async function caseInAnalysis(serial: number): Promise<string> {
  const { id } = await pc1.call('cases:create', simpleIntake(serial));
  const { interviewId } = await pc1.call('cases:startInterview', { caseId: id });
  const saved = await pc1.call('interviews:save', { id: interviewId, expectedVersion: 1, conductedOn: '2026-03-02', place: 'Dom rodziny', segments: MANDATORY_SEGMENTS, documents: {}, income: { items: [] } });
  await pc1.call('interviews:complete', { id: interviewId, expectedVersion: saved.version });
  await pc1.call('analysis:save', analysis(id, ['poverty']));
  return id;
}

/** Waits until `n` statements on the server wait for a lock. */
async function waiting(n: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await admin.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()");
    if (rows[0]!.n >= n) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${n} waiting statements expected`);
}

const outcome = (call: Promise<unknown>): Promise<string> =>
  call.then(
    () => 'ok',
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );

async function stored(caseId: string): Promise<{ status: string; reasons: string }> {
  const { rows } = await admin.query<{ status: string; reasons: string }>('SELECT status, reasons::text AS reasons FROM case_file WHERE id = $1', [caseId]);
  return rows[0]!;
}

describe('stale writes between two PCs', () => {
  it("a step taken on a case read before another PC saved its analysis refuses (CONFLICT) instead of writing the old reasons back", async () => {
    const caseId = await caseInAnalysis(501);
    await admin.query('BEGIN');
    await admin.query('SELECT 1 FROM case_file WHERE id = $1 FOR UPDATE', [caseId]);
    // PC 2 saves new reasons; PC 1, having read the case (old reasons), chooses social work.
    pc2.clock.advance(60_000);
    const save = outcome(pc2.call('analysis:save', analysis(caseId, ['poverty', 'unemployment'])));
    await waiting(1);
    const step = outcome(pc1.call('cases:chooseSocialWork', { caseId }));
    await waiting(2);
    await admin.query('COMMIT');
    expect(await save).toBe('ok');
    expect(await step).toMatch(/CONFLICT.*zmieniono w międzyczasie na innym komputerze/);
    const after = await stored(caseId);
    expect(after.status).toBe('ANALYSIS');
    expect(JSON.parse(after.reasons)).toEqual(['poverty', 'unemployment']);
  }, 60_000);

  it('an analysis saved while another PC moves the case out of ANALYSIS is refused, never stored on the moved case', async () => {
    const caseId = await caseInAnalysis(502);
    await admin.query('BEGIN');
    await admin.query('SELECT 1 FROM case_file WHERE id = $1 FOR UPDATE', [caseId]);
    // PC 1 chooses social work first; PC 2's analysis save comes while it waits.
    const step = outcome(pc1.call('cases:chooseSocialWork', { caseId }));
    await waiting(1);
    pc2.clock.advance(60_000);
    const save = outcome(pc2.call('analysis:save', analysis(caseId, ['poverty', 'unemployment'])));
    await waiting(2);
    await admin.query('COMMIT');
    expect(await step).toBe('ok');
    expect(await save).toMatch(/INVALID_STATE/);
    const after = await stored(caseId);
    expect(after.status).toBe('SOCIAL_WORK');
    expect(JSON.parse(after.reasons)).toEqual(['poverty']);
  }, 60_000);

  it('two new addresses of one family recorded at once on two PCs: the second follows the first, one current address', async () => {
    const caseId = await caseInAnalysis(503);
    const familyId = (await admin.query<{ id: string }>('SELECT family_id AS id FROM case_file WHERE id = $1', [caseId])).rows[0]!.id;
    const move = (street: string, effectiveOn: string) => ({ caseId, effectiveOn, note: '', change: { kind: 'address' as const, street, postalCode: '74-202', city: 'Bielice', rural: false } });
    await admin.query('BEGIN');
    await admin.query('SELECT 1 FROM family WHERE id = $1 FOR UPDATE', [familyId]);
    const first = outcome(pc1.call('family:change', move('ul. Leśna 1', '2026-03-01')));
    await waiting(1);
    const second = outcome(pc2.call('family:change', move('ul. Łąkowa 2', '2026-03-02')));
    await waiting(2);
    await admin.query('COMMIT');
    expect([await first, await second]).toEqual(['ok', 'ok']);
    const { rows } = await admin.query<{ street: string; fromOn: string | null; toOn: string | null }>(
      'SELECT street, from_on AS "fromOn", to_on AS "toOn" FROM family_address WHERE family_id = $1 ORDER BY from_on NULLS FIRST',
      [familyId],
    );
    expect(rows).toEqual([
      { street: 'ul. Polna 3', fromOn: null, toOn: '2026-03-01' },
      { street: 'ul. Leśna 1', fromOn: '2026-03-01', toOn: '2026-03-02' },
      { street: 'ul. Łąkowa 2', fromOn: '2026-03-02', toOn: null },
    ]);
    const family = (await admin.query<{ street: string }>('SELECT street FROM family WHERE id = $1', [familyId])).rows[0]!;
    expect(family.street).toBe('ul. Łąkowa 2');
  }, 60_000);
});
