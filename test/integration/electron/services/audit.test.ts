import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../electron/db/database';
import { join } from 'node:path';
import { readKeyring } from '../../../../electron/db/keyring';
import { auditCsv, canonicalJson } from '../../../../electron/services/audit';
import { describeEngines, HEAD, setUpOffice, testBackend, type Engine, type TestBackend } from '../../../support/backend';

let t: TestBackend;
/** The engine of the running block (describeEngines below). */
let engine: Engine = 'local';
let db: Database | null = null;
afterEach(async () => {
  await db?.close();
  db = null;
  await t?.cleanup();
});

/**
 * The embedded file's own chain: this service links and hashes each entry, and the ManualClock
 * times it. On the office server the database does both and refuses any rewrite (tested in
 * test/integration/electron/server/audit.test.ts and data/postgres/server-database.test.ts).
 */
const LOCAL = { engine: 'local' } as const;

/** An office with a dozen audit entries, then the database opened directly, as an intruder would. */
async function tamperable(): Promise<Database> {
  t = testBackend(undefined, LOCAL);
  await setUpOffice(t);
  for (let i = 0; i < 4; i++) {
    t.clock.advance(60_000);
    await t.call('settings:update', { idleLockMinutes: 20 + i });
  }
  await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: 'Pracownik-2026!', roles: ['social_worker'] });
  await t.call('session:logout', {});
  const keyring = await t.backend.readKeyring();
  const key = await t.backend.unwrapWithPassword(keyring, HEAD.login, HEAD.password);
  db = await t.backend.openDatabase(key!);
  return db;
}

const verify = (d: Database) => d.read((m) => t.backend.audit.verify(m));
const count = async (d: Database) => ((await d.dataSource.query('SELECT count(*) AS n FROM audit_log')) as { n: number }[])[0]!.n;

describe('audit hash chain', () => {
  it('verifies an untouched log', async () => {
    const d = await tamperable();
    const n = await count(d);
    expect(n).toBeGreaterThanOrEqual(9);
    expect(await verify(d)).toEqual({ ok: true, checked: n, firstBrokenId: null, message: `Dziennik zdarzeń jest spójny (sprawdzono wpisów: ${n}).` });
  });

  it('names an edited entry', async () => {
    const d = await tamperable();
    await d.dataSource.query(`UPDATE audit_log SET details = '{"changes":{}}' WHERE id = 5`);
    expect(await verify(d)).toMatchObject({ ok: false, firstBrokenId: 5 });
    expect((await verify(d)).message).toContain('treść wpisu została zmieniona');
  });

  it('names an entry whose actor or time was changed', async () => {
    const d = await tamperable();
    await d.dataSource.query(`UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE id = 3`);
    expect((await verify(d)).firstBrokenId).toBe(3);
  });

  it('names the entry after a deleted one', async () => {
    const d = await tamperable();
    await d.dataSource.query('DELETE FROM audit_log WHERE id = 4');
    expect(await verify(d)).toMatchObject({ ok: false, firstBrokenId: 5 });
  });

  it('finds a deletion even when the ids are renumbered to hide it', async () => {
    const d = await tamperable();
    await d.dataSource.query('DELETE FROM audit_log WHERE id = 4');
    await d.dataSource.query('UPDATE audit_log SET id = id - 1 WHERE id > 4');
    expect(await verify(d)).toMatchObject({ ok: false, firstBrokenId: 4 });
  });

  it('names reordered entries', async () => {
    const d = await tamperable();
    await d.dataSource.query('UPDATE audit_log SET id = -6 WHERE id = 6');
    await d.dataSource.query('UPDATE audit_log SET id = 6 WHERE id = 7');
    await d.dataSource.query('UPDATE audit_log SET id = 7 WHERE id = -6');
    expect(await verify(d)).toMatchObject({ ok: false, firstBrokenId: 6 });
  });

  it('finds the last entries deleted', async () => {
    const d = await tamperable();
    const n = await count(d);
    await d.dataSource.query('DELETE FROM audit_log WHERE id >= ?', [n - 1]);
    expect(await verify(d)).toMatchObject({ ok: false, firstBrokenId: n - 1 });
  });

  it('finds an inserted entry', async () => {
    const d = await tamperable();
    const n = await count(d);
    await d.dataSource.query(`INSERT INTO audit_log (id, at, actor_id, action, details, prev_hash, hash) VALUES (?, '2026-03-02T09:00:00.000Z', NULL, 'user.update', '{}', 'x', 'y')`, [n + 1]);
    expect(await verify(d)).toMatchObject({ ok: false, firstBrokenId: n + 1 });
  });
});

describeEngines('audit trail contents', (current) => {
  beforeAll(() => {
    engine = current;
  });

  it('records logins, changes with before → after, and refusals', async () => {
    t = testBackend(undefined, { engine });
    await setUpOffice(t);
    await t.call('office:update', { name: 'GOPS w Bielicach', street: 'ul. Szkolna 12', postalCode: '74-202', city: 'Bielice', gmina: 'Bielice' });
    const update = (await t.call('audit:list', { action: 'office.update' }))[0]!;
    expect(update.details).toEqual({ changes: { name: { from: 'Gminny Ośrodek Pomocy Społecznej w Bielicach', to: 'GOPS w Bielicach' } } });
    expect(update.actorName).toBe(`${HEAD.firstName} ${HEAD.lastName}`);
    const actions = (await t.call('audit:list', {})).map((e) => e.action).reverse();
    expect(actions).toEqual(['user.create', 'office.create', 'session.login', 'office.update']);
  });
});

describe('audit trail contents, local file', () => {
  // Local only: the dates of the entries come from the test's ManualClock, which times the
  // embedded file's entries; on the office server the database's clock times them.
  it('filters by user, kind and dates, and exports CSV safely', async () => {
    t = testBackend(undefined, LOCAL);
    await setUpOffice(t);
    t.clock.advance(2 * 86_400_000);
    // Two days idle: the session locked itself on the next call.
    expect((await t.fail('settings:update', { idleLockMinutes: 15 })).code).toBe('LOCKED');
    await t.call('session:unlock', { password: HEAD.password });
    await t.call('settings:update', { idleLockMinutes: 15 });
    expect((await t.call('audit:list', { from: '2026-03-04' })).map((e) => e.action)).toEqual(['settings.update', 'session.unlock', 'session.lock']);
    expect((await t.call('audit:list', { to: '2026-03-02' })).map((e) => e.action)).toEqual(['session.login', 'office.create', 'user.create']);
    const me = (await t.call('app:status', {})).user!;
    expect((await t.call('audit:list', { actorId: me.id })).length).toBe(6);
    const { fileName, csv } = await t.call('audit:exportCsv', {});
    expect(fileName).toBe('dziennik-zdarzen-2026-03-04.csv');
    expect(csv.startsWith('\uFEFFNr;Czas (UTC);Użytkownik;Zdarzenie')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(7);
    expect((await t.call('audit:list', { action: 'audit.export' })).length).toBe(1);
  });

  it('neutralises spreadsheet formulas and quotes separators in CSV', () => {
    const csv = auditCsv([{ id: 1, at: 'x', actorId: null, actorName: '=HYPERLINK("http://x")', action: 'a;b', entityType: null, entityId: null, caseId: null, details: {}, refs: {} }]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain('"a;b"');
  });

  it('hashes canonical JSON, independent of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}');
  });
});

describe('the chain anchored outside the database (issue 14, Medium 4)', () => {
  it('an emptied or shortened log fails verify, naming the first missing entry, even after the next sign-in appends', async () => {
    for (const cut of ['last three', 'all'] as const) {
      const t = testBackend(undefined, LOCAL);
      try {
        await setUpOffice(t);
        await t.call('office:update', { ...(await t.call('office:get', {})), name: 'Ośrodek po zmianie' });
        await t.call('session:logout', {});
        const anchor = (await readKeyring(join(t.dataDir, 'asysta.keys.json')))!.anchor!;
        expect(anchor.seq).toBeGreaterThan(3);
        // Someone with the key removes entries while the app is closed, head marker included.
        const keyring = (await readKeyring(join(t.dataDir, 'asysta.keys.json')))!;
        const key = (await t.backend.unwrapWithPassword(keyring, HEAD.login, HEAD.password))!;
        const raw = await t.backend.openDatabase(key, { migrate: false });
        await raw.dataSource.query('DELETE FROM audit_log WHERE id > ?', [cut === 'all' ? 0 : anchor.seq - 3]);
        await raw.dataSource.query(`DELETE FROM setting WHERE key = 'audit.head'`);
        await raw.close();
        const firstMissing = cut === 'all' ? 1 : anchor.seq - 2;

        await t.call('session:login', { login: HEAD.login, password: HEAD.password });
        const result = await t.call('audit:verify', {});
        expect(result, cut).toMatchObject({ ok: false, firstBrokenId: firstMissing });
        expect(result.message, cut).toContain(`od nr ${firstMissing}`);
      } finally {
        await t.cleanup();
      }
    }
  });
});
