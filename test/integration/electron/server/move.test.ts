/**
 * Moving a single-PC office onto a fresh office server (issue 18, item 1; electron/server/move.ts):
 * a local office with cases, plans, kontrakty, issued PDFs, a food-aid referral and its audit trail
 * is moved; the copy's counts, digests and audit chain equal the local ones, each person gets her
 * login role (row-level security applies to her), and the folder is marked as moved. Refused, with
 * nothing changed on either side: a wrong password, a newer local schema, a tampered local chain,
 * an office already on the server, a folder already moved.
 */
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import type { EntityManager } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { DataFolder, DB_FILE } from '../../../../electron/data/data-folder';
import { keyLiteral } from '../../../../electron/db/database';
import { MOVED_FILE, readMovedMarker } from '../../../../electron/data/moved-marker';
import { ServerDatabase } from '../../../../electron/data/postgres/server-database';
import { migrateServer } from '../../../../electron/data/postgres/migrate';
import { openOfficeSetup } from '../../../../electron/data/postgres/office';
import { loginRole, serverRoles } from '../../../../electron/data/postgres/roles';
import { AppError } from '../../../../electron/errors';
import { stopCluster } from '../../../../electron/server/cluster';
import { connectVerified } from '../../../../electron/server/connect';
import { moveOffice, oneTimePassword, type MoveResult } from '../../../../electron/server/move';
import { systemClock } from '../../../../electron/clock';
import { AuditService } from '../../../../electron/services/audit';
import { seedDemo } from '../../../../electron/tools/demo';
import { makePesel } from '../../../../shared/domain/pesel';
import { DEFAULT_REFERRAL_SETTINGS } from '../../../../shared/referrals';
import { HEAD, setUpOffice, tempDir, testBackend } from '../../../support/backend';
import { PASSWORD, signIn } from '../../../support/case-flow';
import { freePort, startTestServer, type TestServer } from '../../../support/postgres';
import { FONT_DIR, WORKER_PATH } from '../pdf/pdf-helpers';

let server: TestServer;
let admin: pg.Client;
let folder: string;
/** Copies of the office made before the move, for the refusals. */
let spare: string;
let localHead: { seq: number; hash: string };
let localCounts: Record<string, number>;

const COUNTED = ['case_file', 'person', 'family_member', 'plan', 'contract', 'document', 'referral', 'audit_log', 'user', 'counter'] as const;

async function openLocal<T>(dataDir: string, work: (m: EntityManager) => Promise<T>): Promise<T> {
  const data = new DataFolder({ dataDir });
  const key = await data.unwrapWithPassword(await data.readKeyring(), HEAD.login, HEAD.password);
  const db = await data.openDatabase(key!, { migrate: false });
  try {
    return await db.write(work);
  } finally {
    await db.close();
  }
}

async function serverCount(table: string): Promise<number> {
  const { rows } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
  return rows[0]!.n;
}

async function refusal(dataDir: string, password = HEAD.password): Promise<AppError> {
  const error = await moveOffice({ serverDir: server.dir, dataDir, login: HEAD.login, password }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  // The local office: staff, demo families (cases, plans, kontrakty, opinions issued as PDFs) and a food-aid referral.
  folder = tempDir('asysta-move-');
  const t = testBackend(folder, { pdfWorkerPath: WORKER_PATH, fontDir: FONT_DIR, openFile: async () => undefined });
  t.clock.set('2026-03-02T09:00:00.000Z');
  await setUpOffice(t);
  await seedDemo(t.backend, { families: 24, seed: 5, staffPassword: PASSWORD, issuedOpinions: 2 });
  await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
  const sub = await t.call('referrals:saveSubprogramme', { name: 'Podprogram 2026', validUntil: '2027-06-30' });
  const partner = await t.call('referrals:savePartner', {
    name: 'Bank Żywności w Słupsku',
    address: 'ul. Portowa 13, 76-200 Słupsk',
    phone: '59 842 00 00',
    points: [{ name: 'Punkt przy parafii', address: 'ul. Kościelna 2, 74-202 Bielice', hours: 'wt. 10–14' }],
  });
  await t.call('referrals:saveSettings', { ...DEFAULT_REFERRAL_SETTINGS, rodoClause: 'Klauzula ośrodka — Żółć.' });
  await signIn(t, 'anowak');
  await t.call('referrals:issue', {
    programme: 'fepz',
    subprogrammeId: sub.id,
    partnerId: partner.id,
    pointId: partner.points[0]!.id,
    source: {
      kind: 'declaration',
      declaredOn: '2026-02-27',
      members: [{ key: 'm0', relation: 'applicant', person: { pesel: makePesel('1958-07-14', 'F', 41), firstName: 'Zofia', lastName: 'Żuławska-Łęcka', birthDate: '1958-07-14', sex: 'F' } }],
      income: { items: [{ personId: 'm0', source: 'old_age_pension', grossGr: 100_000, taxGr: 0, contributionsGr: 0, alimonyPaidGr: 0 }] },
      reasons: ['poverty'],
    },
  });
  await t.backend.close();
  spare = tempDir('asysta-move-spare-');
  cpSync(folder, spare, { recursive: true });

  localHead = await openLocal(folder, (m) => new AuditService(systemClock).head(m));
  localCounts = await openLocal(folder, async (m) => {
    const out: Record<string, number> = {};
    for (const table of COUNTED) out[table] = Number(((await m.query(`SELECT count(*) AS n FROM "${table}"`)) as { n: number }[])[0]!.n);
    return out;
  });

  // A fresh server, as `npm run server -- init` leaves it (schema, setup code, no office).
  server = await startTestServer();
  admin = await connectVerified(server.superuser());
  await migrateServer(admin);
  await openOfficeSetup(admin);
}, 240_000);

afterAll(async () => {
  await admin?.end();
  await server?.teardown();
  for (const dir of [folder, spare]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('moving an office to the server', () => {
  it('refuses a wrong password: nothing on the server, no mark on the folder', async () => {
    const error = await refusal(folder, 'Zle-haslo-kierownika-1');
    expect(error.code).toBe('WRONG_PASSWORD');
    expect(error.message).toMatch(/Nieprawidłowy login lub hasło/);
    expect(await serverCount('office')).toBe(0);
    expect(existsSync(join(folder, MOVED_FILE))).toBe(false);
  });

  it('refuses a local database written by a newer Asysta, changing nothing', async () => {
    const newer = tempDir('asysta-move-newer-');
    try {
      cpSync(spare, newer, { recursive: true });
      await openLocal(newer, (m) => m.query(`INSERT INTO migrations (timestamp, name) VALUES (9999999999999, 'Future9999999999999')`));
      const error = await refusal(newer);
      expect(error.code).toBe('DB_NEWER');
      expect(await serverCount('user')).toBe(0);
      expect(existsSync(join(newer, MOVED_FILE))).toBe(false);
    } finally {
      rmSync(newer, { recursive: true, force: true });
    }
  });

  it('refuses a local database older than this build (a migration still to apply), changing nothing', async () => {
    const older = tempDir('asysta-move-older-');
    try {
      cpSync(spare, older, { recursive: true });
      await openLocal(older, (m) => m.query('DELETE FROM migrations WHERE id = (SELECT max(id) FROM migrations)'));
      const error = await refusal(older);
      expect(error.message).toMatch(/starszą wersję bazy niż ta Asysta/);
      expect(await serverCount('user')).toBe(0);
      expect(existsSync(join(older, MOVED_FILE))).toBe(false);
    } finally {
      rmSync(older, { recursive: true, force: true });
    }
  });

  it('refuses a tampered local audit chain before copying anything', async () => {
    const tampered = tempDir('asysta-move-tampered-');
    try {
      cpSync(spare, tampered, { recursive: true });
      await openLocal(tampered, (m) => m.query(`UPDATE audit_log SET details = '{"edited":true}' WHERE id = 3`));
      const error = await refusal(tampered);
      expect(error.message).toMatch(/Dziennik zdarzeń na tym komputerze jest naruszony.*wpisu nr 3/);
      expect(error.message).toMatch(/niczego nie zmieniono/);
      expect(await serverCount('audit_log')).toBe(0);
      expect(await serverCount('user')).toBe(0);
      const { rows } = await admin.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [loginRole(serverRoles(), HEAD.login)]);
      expect(rows).toHaveLength(0);
    } finally {
      rmSync(tampered, { recursive: true, force: true });
    }
  });

  it('finds a copy that differs (a server trigger deriving other rows) and rolls the whole copy back', async () => {
    const original = (await admin.query<{ def: string }>(`SELECT pg_get_functiondef('asysta.plan_tasks_sync()'::regprocedure) AS def`)).rows[0]!.def;
    // A server whose tray rule derives no task from a signed plan.
    await admin.query(original.replace(/FROM jsonb_array_elements\(NEW\.areas::jsonb\) ar,/, 'FROM (SELECT * FROM jsonb_array_elements(NEW.areas::jsonb) LIMIT 0) ar,'));
    try {
      const error = await refusal(spare);
      expect(error.message).toMatch(/Kopia na serwerze różni się od danych na tym komputerze: signed_plan_task/);
      for (const table of ['office', 'user', 'case_file', 'document', 'audit_log', 'setting', 'counter']) expect(await serverCount(table), table).toBe(0);
      const { rows } = await admin.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [loginRole(serverRoles(), HEAD.login)]);
      expect(rows).toHaveLength(0);
      expect(existsSync(join(spare, MOVED_FILE))).toBe(false);
      expect((await admin.query(`SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'`)).rows).toEqual([]);
    } finally {
      await admin.query(original);
    }
  });

  let result: MoveResult;

  it('copies every table in one transaction and verifies counts, digests and the audit chain', async () => {
    // Another Asysta on the same folder cannot write while the move runs (it would be lost).
    const data = new DataFolder({ dataDir: folder });
    const key = (await data.unwrapWithPassword(await data.readKeyring(), HEAD.login, HEAD.password))!;
    const other = new Sqlite(join(folder, DB_FILE)) as unknown as Sqlite.Database & { key(k: Buffer): void };
    other.pragma(`cipher='sqlcipher'`);
    other.pragma('legacy=4');
    other.key(keyLiteral(key));
    other.pragma('busy_timeout = 0');
    const attempts: string[] = [];
    try {
      result = await moveOffice({
        serverDir: server.dir,
        dataDir: folder,
        login: HEAD.login,
        password: HEAD.password,
        log: () => {
          try {
            other.prepare(`UPDATE setting SET updated_at = updated_at WHERE key = 'audit.head'`).run();
            attempts.push('written');
          } catch (error) {
            attempts.push((error as { code?: string }).code ?? 'error');
          }
        },
      });
    } finally {
      other.close();
    }
    expect(attempts.length).toBeGreaterThan(10);
    expect(new Set(attempts)).toEqual(new Set(['SQLITE_BUSY']));
    const byTable = new Map(result.tables.map((t) => [t.table, t]));
    for (const table of COUNTED) {
      expect(byTable.get(table)?.rows, table).toBe(localCounts[table]);
      expect(await serverCount(table), table).toBe(localCounts[table]);
    }
    expect(localCounts['document']).toBeGreaterThanOrEqual(3);
    expect(localCounts['referral']).toBe(1);
    for (const derived of ['search_doc', 'signed_plan_task', 'running_contract_action']) expect(byTable.get(derived)?.derived, derived).toBe(true);
    expect(byTable.get('signed_plan_task')!.rows).toBeGreaterThan(0);
    expect(result.auditHead).toEqual(localHead);

    // The chain byte for byte: the same hashes, read independently.
    const local = await openLocal(folder, (m) => m.query('SELECT id, at, hash FROM audit_log ORDER BY id') as Promise<{ id: number; at: string; hash: string }[]>);
    const copied = await admin.query<{ id: number; at: string; hash: string }>('SELECT id, at, hash FROM audit_log ORDER BY id');
    expect(copied.rows).toEqual(local);
    // The PDFs byte for byte: each stored SHA-256 still matches its bytes on the server.
    const docs = await admin.query<{ bytes: Buffer; sha256: string }>('SELECT bytes, sha256 FROM document');
    for (const doc of docs.rows) expect(createHash('sha256').update(doc.bytes).digest('hex')).toBe(doc.sha256);
    // Every trigger that rested during the copy is on again.
    const disabled = await admin.query(`SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'`);
    expect(disabled.rows).toEqual([]);
  });

  it('gives the kierownik her password and the others one-time passwords; row-level security applies to them', async () => {
    const head = result.accounts.find((a) => a.login === HEAD.login)!;
    expect(head.password).toBeNull();
    const worker = result.accounts.find((a) => a.login === 'anowak')!;
    expect(worker.password).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/);

    const asHead = await ServerDatabase.open(server.as(head.role, HEAD.password));
    try {
      const chain = await asHead.read((m) => new AuditService(systemClock).verify(m));
      expect(chain.ok).toBe(true);
      expect(chain.checked).toBe(localHead.seq);
    } finally {
      await asHead.close();
    }
    const asWorker = await connectVerified(server.as(worker.role, worker.password!));
    try {
      const visible = await asWorker.query<{ n: number }>('SELECT count(*)::int AS n FROM case_file');
      const own = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM case_file c JOIN "user" u ON u.id = c.worker_id WHERE u.login = $1', ['anowak']);
      expect(visible.rows[0]!.n).toBe(own.rows[0]!.n);
      expect(visible.rows[0]!.n).toBeLessThan(localCounts['case_file']!);
    } finally {
      await asWorker.end();
    }
    // The setup code opens nothing any more.
    const setup = await admin.query<{ login: boolean }>('SELECT rolcanlogin AS login FROM pg_roles WHERE rolname = $1', [serverRoles().setup]);
    expect(setup.rows[0]!.login).toBe(false);
  });

  it('marks the folder as moved: the app there refuses to work in it and names the server', async () => {
    const marker = readMovedMarker(folder);
    expect(marker).not.toBeNull();
    expect(marker).not.toBe('unreadable');
    if (marker && marker !== 'unreadable') expect(marker.auditHead).toEqual(localHead);
    const again = await refusal(folder);
    expect(again.code).toBe('OFFICE_MOVED');
    expect(again.message).toMatch(/przeniesione na serwer Asysty w biurze \(127\.0\.0\.1:\d+\).*kod parowania/);
    // The app on that folder: set up anew by joining the server; signing in to the local copy refused.
    const app = testBackend(folder);
    try {
      expect((await app.call('app:status', {})).state).toBe('setup');
      const login = await app.fail('session:login', { login: HEAD.login, password: HEAD.password });
      expect(login.code).toBe('OFFICE_MOVED');
      expect(login.message).toMatch(/Połącz ten komputer z serwerem/);
    } finally {
      await app.backend.close();
    }
  });

  it('refuses a second office on the same server, changing nothing', async () => {
    const before = await serverCount('audit_log');
    const error = await refusal(spare);
    expect(error.message).toMatch(/Na tym serwerze jest już ośrodek/);
    expect(await serverCount('audit_log')).toBe(before);
    expect(existsSync(join(spare, MOVED_FILE))).toBe(false);
  });

  it('one-time passwords are random, readable and accepted by the password rules', async () => {
    const { passwordSchema } = await import('../../../../shared/schemas');
    const seen = new Set<string>();
    for (let i = 0; i < 50; i += 1) {
      const password = oneTimePassword();
      expect(passwordSchema.safeParse(password).success).toBe(true);
      seen.add(password);
    }
    expect(seen.size).toBe(50);
  });
});

describe('npm run server -- move (the CLI as a program)', () => {
  const ROOT = join(import.meta.dirname, '../../../..');
  const run = (args: string[], input: string): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((resolve, reject) => {
      const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'electron/server/cli.ts'), ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
      child.stdin.end(input);
    });

  it('after init: moves (login and password on standard input), prints the checks, the passwords and the pairing code; a second move exits 3', async () => {
    const parent = tempDir('asysta-serwer-move-');
    chmodSync(parent, 0o711);
    const dir = join(parent, 'serwer');
    try {
      const init = await run(['init', '--dir', dir, '--port', String(await freePort()), '--host', '127.0.0.1', '--listen', '127.0.0.1'], '');
      expect(init.code, init.stderr).toBe(0);
      const moved = await run(['move', '--dir', dir, '--from', spare], `${HEAD.login}\n${HEAD.password}\n`);
      expect(moved.code, moved.stderr).toBe(0);
      expect(moved.stdout).toMatch(/^ {2}audit_log +\d+ {2}[0-9a-f]{16}$/m);
      expect(moved.stdout).toMatch(/^ {2}signed_plan_task +\d+ {2}[0-9a-f]{16} {2}\(odtworzone przez serwer\)$/m);
      expect(moved.stdout).toContain(`Dziennik zdarzeń: ${localHead.seq} wpisów, ostatni skrót ${localHead.hash} — taki sam na serwerze.`);
      expect(moved.stdout).toMatch(/^ {2}anowak +Anna Nowak — hasło jednorazowe: [A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/m);
      expect(moved.stdout).toMatch(new RegExp(`^ {2}${HEAD.login} +${HEAD.firstName} ${HEAD.lastName} — hasło: to, które właśnie podano$`, 'm'));
      expect(moved.stdout).toMatch(/^Kod parowania: [0-9A-Z-]+$/m);
      expect(readMovedMarker(spare)).not.toBeNull();

      const again = await run(['move', '--dir', dir, '--from', spare], `${HEAD.login}\n${HEAD.password}\n`);
      expect(again.code).toBe(3);
      expect(again.stderr).toMatch(/zostały przeniesione na serwer Asysty w biurze/);
    } finally {
      await stopCluster(dir).catch(() => undefined);
      rmSync(parent, { recursive: true, force: true });
    }
  }, 180_000);
});
