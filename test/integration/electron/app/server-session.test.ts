/**
 * "Serwer w biurze" (issue 18): a PC joins the office server with the pairing code, creates the
 * office with the setup code, and every person signs in as her own login role. Runs against the
 * test file's throwaway cluster (test/support/backend.ts); the database-side rules (row-level
 * security against psql, the audit trigger) are tested in test/integration/electron/server/.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SERVER_FILE } from '../../../../electron/data/data-folder';
import { MOVED_FILE, movedMarkerText } from '../../../../electron/data/moved-marker';
import { SERVER_SCHEMA_VERSION } from '../../../../electron/data/postgres/schema';
import { startCluster, stopCluster } from '../../../../electron/server/cluster';
import { formatPairingCode, INVALID_PAIRING_CODE, parsePairingCode } from '../../../../shared/pairing';
import { HEAD, OFFICE, setUpOffice, tempDir, testBackend, type TestBackend } from '../../../support/backend';
import { freePort } from '../../../support/postgres';

const WORKER = { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: 'Haslo-Anny-2026!', roles: ['social_worker' as const] };

const open: TestBackend[] = [];
function backend(dataDir?: string): TestBackend {
  const t = testBackend(dataDir, { engine: 'postgres' });
  open.push(t);
  return t;
}
afterEach(async () => {
  // The second PC first: the first one drops the database they share.
  for (const t of open.splice(0).reverse()) await t.cleanup();
});

describe('joining the office server', () => {
  it('creates the office with the setup code; the PC is in server mode, and nothing about the server is secret on disk', async () => {
    const t = backend();
    expect(await t.call('app:status', {})).toMatchObject({ state: 'setup', mode: 'local', server: null });
    await setUpOffice(t);
    const { server } = await t.serverOffice!();
    expect(await t.call('app:status', {})).toMatchObject({ state: 'ready', mode: 'server', server: { host: '127.0.0.1', port: server.port }, user: { login: HEAD.login } });
    const file = readFileSync(join(t.dataDir, SERVER_FILE), 'utf8');
    expect(file).toContain('-----BEGIN CERTIFICATE-----');
    expect(file).not.toContain(HEAD.password);
    // No key slots, no local database on a server PC.
    expect(existsSync(join(t.dataDir, 'asysta.keys.json'))).toBe(false);
    expect(existsSync(join(t.dataDir, 'asysta.db'))).toBe(false);
  });

  it('refuses a mistyped pairing code in Polish and writes nothing', async () => {
    const t = backend();
    const { pairingCode } = await t.serverOffice!();
    const typo = pairingCode.slice(0, 3) + (pairingCode[3] === '7' ? '8' : '7') + pairingCode.slice(4);
    const refused = await t.fail('setup:joinServer', { pairingCode: typo });
    expect(refused).toMatchObject({ code: 'PAIRING_INVALID', message: INVALID_PAIRING_CODE });
    expect((await t.fail('setup:joinServer', { pairingCode: 'to nie jest kod' })).code).toBe('PAIRING_INVALID');
    expect(existsSync(join(t.dataDir, SERVER_FILE))).toBe(false);
    expect((await t.call('app:status', {})).state).toBe('setup');
  });

  it('refuses a server whose certificate does not match the code (SERVER_CERT), never connecting without it', async () => {
    const t = backend();
    const { pairingCode, setupCode } = await t.serverOffice!();
    const parsed = parsePairingCode(pairingCode);
    if (!parsed.ok) throw new Error(parsed.error.message);
    // A well-formed code of the same address whose fingerprint is another CA's: a server swapped in.
    const fingerprint = Uint8Array.from(parsed.value.fingerprint);
    fingerprint[0] = (fingerprint[0] ?? 0) ^ 0xff;
    const forged = formatPairingCode({ ...parsed.value, fingerprint });
    const refused = await t.fail('setup:joinServer', { pairingCode: forged });
    expect(refused.code).toBe('SERVER_CERT');
    expect(refused.message).toMatch(/nie zgadza się z kodem parowania.*odrzucone/);
    const create = await t.fail('setup:createOnServer', { pairingCode: forged, setupCode, office: OFFICE, head: HEAD });
    expect(create.code).toBe('SERVER_CERT');
    expect(existsSync(join(t.dataDir, SERVER_FILE))).toBe(false);
  });

  it('says the server does not answer (SERVER_UNREACHABLE) for a code of a port where nothing listens', async () => {
    const t = backend();
    const parsed = parsePairingCode((await t.serverOffice!()).pairingCode);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const refused = await t.fail('setup:joinServer', { pairingCode: formatPairingCode({ ...parsed.value, port: await freePort() }) });
    expect(refused.code).toBe('SERVER_UNREACHABLE');
    expect(refused.message).toMatch(/nie odpowiada/);
    expect(existsSync(join(t.dataDir, SERVER_FILE))).toBe(false);
  });

  it('refuses a wrong setup code, and a second office on the same server, changing nothing', async () => {
    const t = backend();
    const { pairingCode, setupCode } = await t.serverOffice!();
    const wrong = await t.fail('setup:createOnServer', { pairingCode, setupCode: 'AAAAA-BBBBB-CCCCC-DDDDD', office: OFFICE, head: HEAD });
    expect(wrong).toMatchObject({ code: 'WRONG_PASSWORD', message: expect.stringContaining('Kod założenia biura jest nieprawidłowy') as unknown });
    expect(existsSync(join(t.dataDir, SERVER_FILE))).toBe(false);
    await setUpOffice(t);
    const other = testBackend(undefined, { engine: 'local' });
    open.push(other);
    const again = await other.fail('setup:createOnServer', { pairingCode, setupCode, office: { ...OFFICE, name: 'Drugi ośrodek' }, head: { ...HEAD, login: 'inna' } });
    expect(again.code).toBe('WRONG_PASSWORD');
    expect((await t.call('office:get', {})).name).toBe(OFFICE.name);
  });

  it('refuses to join from a folder that holds a local office', async () => {
    const t = backend();
    const { pairingCode } = await t.serverOffice!();
    const local = testBackend(undefined, { engine: 'local' });
    open.push(local);
    await setUpOffice(local);
    await local.call('session:logout', {});
    const refused = await local.fail('setup:joinServer', { pairingCode });
    expect(refused.code).toBe('INVALID_STATE');
    expect(refused.message).toContain('npm run server -- move');
    expect((await local.call('app:status', {})).mode).toBe('local');
  });

  it('refuses a client whose schema version differs from the server’s, naming both (SERVER_VERSION)', async () => {
    const t = backend();
    await setUpOffice(t);
    await t.call('session:logout', {});
    const office = await t.serverOffice!();
    const admin = await office.admin();
    try {
      await admin.query(`INSERT INTO asysta.schema_version (version, name) VALUES ($1, 'z przyszłości')`, [SERVER_SCHEMA_VERSION + 1]);
      const refused = await t.fail('session:login', { login: HEAD.login, password: HEAD.password });
      expect(refused.code).toBe('SERVER_VERSION');
      expect(refused.message).toContain(`(${SERVER_SCHEMA_VERSION + 1})`);
      expect(refused.message).toContain(`(${SERVER_SCHEMA_VERSION})`);
      expect((await t.call('app:status', {})).state).toBe('login');
    } finally {
      await admin.query('DELETE FROM asysta.schema_version WHERE version = $1', [SERVER_SCHEMA_VERSION + 1]);
      await admin.end();
    }
    await t.call('session:login', { login: HEAD.login, password: HEAD.password });
  });
});

describe('signing in to the office server', () => {
  it('joins a second PC with the pairing code; each person signs in with her own password, a wrong one is refused in Polish and slowed down', async () => {
    const t = backend();
    await setUpOffice(t);
    const worker = await t.call('users:create', WORKER);
    const { pairingCode } = await t.serverOffice!();

    // PC 2, with a data folder of its own, knows only the pairing code.
    const pc2 = testBackend(undefined, { sameOfficeAs: t });
    open.push(pc2);
    expect(await pc2.call('setup:joinServer', { pairingCode })).toMatchObject({ host: '127.0.0.1' });
    expect(await pc2.call('app:status', {})).toMatchObject({ state: 'login', mode: 'server' });

    const wrong = await pc2.fail('session:login', { login: WORKER.login, password: 'Zle-haslo-2026!' });
    expect(wrong).toMatchObject({ code: 'WRONG_PASSWORD', message: 'Nieprawidłowy login lub hasło.' });
    expect((await pc2.fail('session:login', { login: WORKER.login, password: WORKER.password })).code).toBe('RATE_LIMITED');
    // An unknown login gets the same answer (the server does not tell which).
    pc2.clock.advance(2_000);
    expect((await pc2.fail('session:login', { login: 'nikt', password: 'Zle-haslo-2026!' })).message).toBe('Nieprawidłowy login lub hasło.');
    pc2.clock.advance(2_000);
    const second = await pc2.fail('session:login', { login: WORKER.login, password: 'Zle-haslo-2026!' });
    expect(second.message).toBe('Nieprawidłowy login lub hasło. Kolejna próba możliwa za 2 s.');
    pc2.clock.advance(3_000);
    expect(await pc2.call('session:login', { login: WORKER.login, password: WORKER.password })).toMatchObject({ id: worker.id, roles: ['social_worker'] });
    // Both PCs work at once. PC 2's failed attempts wait there for the kierownik's sign-in on it
    // (only she may read entries of no one); then they are in the trail.
    expect(await t.call('audit:list', { action: 'session.login_failed' })).toEqual([]);
    expect((await pc2.fail('users:list', {})).code).toBe('FORBIDDEN');
    await pc2.call('session:logout', {});
    await pc2.call('session:login', { login: HEAD.login, password: HEAD.password });
    const failed = await t.call('audit:list', { action: 'session.login_failed' });
    expect(failed.map((e) => e.details['login']).sort()).toEqual([WORKER.login, WORKER.login, 'nikt']);
    expect(failed.every((e) => e.actorId === null)).toBe(true);
  });

  it('locks (the connection closed), unlocks with the password again, and locks itself when idle', async () => {
    const t = backend();
    await setUpOffice(t);
    await t.call('session:lock', {});
    expect(await t.call('app:status', {})).toMatchObject({ state: 'locked', mode: 'server', user: { login: HEAD.login }, office: null });
    expect((await t.fail('users:list', {})).code).toBe('LOCKED');
    const admin = await (await t.serverOffice!()).admin();
    try {
      const connected = async (): Promise<number> =>
        (await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = $1`, [`${(await t.serverOffice!()).rolePrefix}.${HEAD.login}`])).rows[0]!.n;
      expect(await connected()).toBe(0);
      expect((await t.fail('session:unlock', { password: 'zle-haslo-123' })).code).toBe('WRONG_PASSWORD');
      t.clock.advance(1000);
      await t.call('session:unlock', { password: HEAD.password });
      expect(await connected()).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    t.clock.advance(10 * 60_000);
    expect((await t.call('app:status', {})).state).toBe('locked');
    await t.call('session:logout', {});
    expect((await t.call('app:status', {})).state).toBe('login');
    await t.call('session:login', { login: HEAD.login, password: HEAD.password });
    const locks = await t.call('audit:list', { action: 'session.lock' });
    expect(locks.map((e) => e.details['reason'])).toEqual(['idle', 'manual']);
    expect((await t.call('audit:list', { action: 'session.logout' }))[0]?.details).toMatchObject({ from: 'lock_screen' });
    expect(await t.call('audit:verify', {})).toMatchObject({ ok: true });
  });

  it('changes her own password (current one checked) without sending it: only a SCRAM verifier reaches the server', async () => {
    const t = backend();
    await setUpOffice(t);
    const refused = await t.fail('session:changePassword', { currentPassword: 'Nie-to-haslo-1', newPassword: 'Nowe-Haslo-Kierownika-2026' });
    expect(refused).toMatchObject({ code: 'WRONG_PASSWORD', fields: { currentPassword: 'Nieprawidłowe hasło.' } });
    await t.call('session:changePassword', { currentPassword: HEAD.password, newPassword: 'Nowe-Haslo-Kierownika-2026' });
    // The session goes on over a connection made with the new password.
    expect((await t.call('users:list', {})).length).toBe(1);
    await t.call('session:logout', {});
    expect((await t.fail('session:login', { login: HEAD.login, password: HEAD.password })).code).toBe('WRONG_PASSWORD');
    t.clock.advance(2000);
    await t.call('session:login', { login: HEAD.login, password: 'Nowe-Haslo-Kierownika-2026' });
    const admin = await (await t.serverOffice!()).admin();
    try {
      const { rows } = await admin.query<{ rolpassword: string }>('SELECT rolpassword FROM pg_authid WHERE rolname = $1', [`${(await t.serverOffice!()).rolePrefix}.${HEAD.login}`]);
      expect(rows[0]?.rolpassword).toMatch(/^SCRAM-SHA-256\$4096:/);
    } finally {
      await admin.end();
    }
    expect((await t.call('audit:list', { action: 'user.password_change' })).length).toBe(1);
  });

  it('the kierownik creates accounts, sets their passwords and switches them off; the server follows', async () => {
    const t = backend();
    await setUpOffice(t);
    const worker = await t.call('users:create', WORKER);
    expect((await t.fail('users:create', WORKER)).code).toBe('CONFLICT');
    await t.call('users:resetPassword', { id: worker.id, newPassword: 'Haslo-Od-Kierownika-2026' });
    await t.call('session:logout', {});
    expect((await t.fail('session:login', { login: WORKER.login, password: WORKER.password })).code).toBe('WRONG_PASSWORD');
    t.clock.advance(2000);
    await t.call('session:login', { login: WORKER.login, password: 'Haslo-Od-Kierownika-2026' });
    await t.call('session:logout', {});
    await t.call('session:login', { login: HEAD.login, password: HEAD.password });
    await t.call('users:update', { id: worker.id, firstName: WORKER.firstName, lastName: WORKER.lastName, roles: ['social_worker'], active: false });
    await t.call('session:logout', {});
    const off = await t.fail('session:login', { login: WORKER.login, password: 'Haslo-Od-Kierownika-2026' });
    expect(off.code).toBe('WRONG_PASSWORD');
    expect(off.message).toMatch(/^Nieprawidłowy login lub hasło\./);
    const admin = await (await t.serverOffice!()).admin();
    try {
      const { rows } = await admin.query<{ rolcanlogin: boolean }>('SELECT rolcanlogin FROM pg_roles WHERE rolname = $1', [`${(await t.serverOffice!()).rolePrefix}.${WORKER.login}`]);
      expect(rows).toEqual([{ rolcanlogin: false }]);
    } finally {
      await admin.end();
    }
  });

  it('has no recovery code, key change or PC backups on the server: each refuses, naming what to do instead', async () => {
    const t = backend();
    await setUpOffice(t);
    expect((await t.fail('backup:run', { folder: tempDir() })).message).toContain('npm run server -- backup');
    expect((await t.fail('backup:status', {})).message).toContain('npm run server -- backup');
    expect((await t.fail('backup:newRecoveryCode', {})).message).toContain('npm run server -- reset-password');
    expect((await t.fail('backup:rekey', {})).message).toContain('wyłącz jej konto');
    await t.call('session:logout', {});
    const recover = await t.fail('session:recover', { login: HEAD.login, recoveryCode: 'AAAA'.repeat(8), newPassword: 'Nowe-haslo-2026!' });
    expect(recover.message).toContain('npm run server -- reset-password');
    const restore = await t.fail('backup:restore', { file: join(tempDir(), 'kopia.asysta-backup'), method: 'password', login: HEAD.login, password: HEAD.password });
    expect(restore.message).toContain('npm run server -- restore');
  });

  it('says the server is down at sign-in (SERVER_UNREACHABLE) and signs in once it is back', async () => {
    const t = backend();
    await setUpOffice(t);
    await t.call('session:logout', {});
    const { server } = await t.serverOffice!();
    await stopCluster(server.dir);
    try {
      const refused = await t.fail('session:login', { login: HEAD.login, password: HEAD.password });
      expect(refused.code).toBe('SERVER_UNREACHABLE');
      expect(refused.message).toMatch(/Sprawdź, czy komputer z serwerem jest włączony/);
      expect((await t.call('app:status', {})).state).toBe('login');
    } finally {
      await startCluster(server.dir);
    }
    await t.call('session:login', { login: HEAD.login, password: HEAD.password });
  });

  it('locks and signs out with the server gone (nothing of the session stays open); the entries wait for the next sign-in', async () => {
    const t = backend();
    await setUpOffice(t);
    const { server } = await t.serverOffice!();
    await stopCluster(server.dir);
    try {
      expect((await t.fail('users:list', {})).code).toBe('SERVER_UNREACHABLE');
      // The status still answers (the screen stays), with the office as last read.
      expect(await t.call('app:status', {})).toMatchObject({ state: 'ready', office: { name: OFFICE.name } });
      t.clock.advance(10 * 60_000);
      expect((await t.call('app:status', {})).state).toBe('locked');
      expect((await t.fail('session:unlock', { password: HEAD.password })).code).toBe('SERVER_UNREACHABLE');
    } finally {
      await startCluster(server.dir);
    }
    await t.call('session:unlock', { password: HEAD.password });
    const locks = await t.call('audit:list', { action: 'session.lock' });
    expect(locks.map((e) => [e.actorId !== null, e.details['reason']])).toEqual([[true, 'idle']]);
    expect(await t.call('audit:verify', {})).toMatchObject({ ok: true });
  });

  it('a folder whose office moved to the server is set up again by joining it: its own office is refused with OFFICE_MOVED', async () => {
    const t = backend();
    const { pairingCode } = await t.serverOffice!();
    await setUpOffice(t);
    const local = testBackend(undefined, { engine: 'local' });
    open.push(local);
    await setUpOffice(local);
    await local.call('session:logout', {});
    const { port } = (await t.serverOffice!()).server;
    writeFileSync(
      join(local.dataDir, MOVED_FILE),
      movedMarkerText({ format: 'asysta-moved', version: 1, movedAt: '2026-03-01T10:00:00.000Z', server: { host: '127.0.0.1', port }, auditHead: { seq: 3, hash: 'a'.repeat(64) } }),
    );
    expect((await local.call('app:status', {})).state).toBe('setup');
    expect((await local.fail('session:login', { login: HEAD.login, password: HEAD.password })).code).toBe('OFFICE_MOVED');
    // Joined with the code, the PC works on the server (here: another test database than the marker's).
    await local.call('setup:joinServer', { pairingCode });
    expect(await local.call('app:status', {})).toMatchObject({ state: 'login', mode: 'server' });
  });
});
