import { afterEach, describe, expect, it } from 'vitest';
import { replicateDemo, seedDemo } from '../../../../electron/tools/demo';
import { validatePesel } from '../../../../shared/domain/pesel';
import { STATUTORY_CASELOAD_CAP } from '../../../../shared/domain/caseFlow';
import { setUpOffice, testBackend, type TestBackend } from '../../../support/backend';
import { PASSWORD } from '../../../support/case-flow';

const open: TestBackend[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.cleanup();
});

type Counts = Record<string, number>;

async function counts(t: TestBackend): Promise<Counts> {
  const tables = ['family', 'person', 'family_member', 'case_file', 'interview', 'analysis', 'assistant_request', 'assignment', 'case_event', 'contract', 'plan', 'visit', 'assessment', 'court_request', 'court_opinion', 'signed_plan_task', 'running_contract_action', 'search_doc'];
  const out: Counts = {};
  await t.backend.readySession()!.db.read(async (m) => {
    for (const table of tables) out[table] = ((await m.query(`SELECT count(*) AS n FROM ${table}`)) as { n: number }[])[0]!.n;
  });
  return out;
}

describe('demo replicator (the bulk writer of the 100 000-person office)', () => {
  it('copies the seeded families with new people, numbers and staff, every record and its audit entries, the chain sound', async () => {
    const t = testBackend();
    open.push(t);
    t.clock.set('2026-05-20T08:00:00.000Z');
    await setUpOffice(t);
    const seeded = await seedDemo(t.backend, { families: 30, seed: 3, staffPassword: PASSWORD });
    const before = await counts(t);
    const persons = before['person']!;

    const report = await replicateDemo(t.backend, { persons: persons * 3, seed: 3 });
    expect(report.copies).toBe(2);
    expect(report.families).toBe(90);
    expect(report.persons).toBe(persons * 3);

    // Every table of the case file, and the rows triggers derive from them, three times over.
    const after = await counts(t);
    for (const [table, n] of Object.entries(before)) expect(after[table], table).toBe(n * 3);

    const session = t.backend.readySession()!;
    const check = await session.db.read(async (m) => ({
      pesels: (await m.query('SELECT pesel FROM person WHERE pesel IS NOT NULL')) as { pesel: string }[],
      numbers: (await m.query('SELECT number FROM case_file')) as { number: string }[],
      counter: (await m.query(`SELECT name, value FROM counter WHERE name LIKE 'case_number.%'`)) as { name: string; value: number }[],
      orphans: (await m.query('PRAGMA foreign_key_check')) as unknown[],
      loads: (await m.query('SELECT a.assistant_id, count(DISTINCT c.family_id) AS n FROM assignment a JOIN case_file c ON c.id = a.case_id WHERE a.ended_on IS NULL GROUP BY a.assistant_id')) as { n: number }[],
      // A template's person and a copy's: same birth date and sex, another surname key.
      keys: (await m.query('SELECT count(DISTINCT name_key) AS n FROM person')) as { n: number }[],
    }));
    expect(check.pesels.every((p) => validatePesel(p.pesel, { today: '2026-05-20' }).ok)).toBe(true);
    expect(new Set(check.pesels.map((p) => p.pesel)).size).toBe(check.pesels.length);
    expect(new Set(check.numbers.map((n) => n.number)).size).toBe(90);
    expect(check.counter.reduce((sum, c) => sum + c.value, 0)).toBe(90);
    expect(check.orphans).toEqual([]);
    expect(Math.max(...check.loads.map((l) => l.n))).toBeLessThanOrEqual(STATUTORY_CASELOAD_CAP);
    expect(check.keys[0]!.n).toBeGreaterThan(persons);

    // The audit chain links the copies' entries and the stored head; the copies are searchable.
    const verify = await t.call('audit:verify', {});
    expect(verify.ok).toBe(true);
    const copyCase = check.numbers.map((n) => n.number).find((n) => !seeded.families.some((f) => f.caseNumber === n))!;
    const hits = await t.call('search:cases', { query: copyCase });
    expect(hits.map((h) => h.number)).toContain(copyCase);
    const list = await t.call('cases:list', { pageSize: 200 });
    expect(list.total).toBe(90);
  });
});
