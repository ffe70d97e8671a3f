import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_MAGIC } from '../../../../electron/services/backup-format';
import { backupFileName, listBackups } from '../../../../electron/services/backup-rotation';
import { BACKUP_CORRUPT_MESSAGE } from '../../../../shared/backup';
import type { AuditEntryView } from '../../../../shared/ipc';
import { findUserSlot, newKeyring, openSlot, parseKeyring, signed, withSlot, writeKeyring } from '../../../../electron/db/keyring';
import { FAST_SCRYPT, HEAD, OFFICE, setUpOffice, tempDir, testBackend, type TestBackend } from '../../../support/backend';
import { STAFF, plainTextIn, seedOffice } from '../../../support/seed';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function backend(dir?: string): TestBackend {
  const t = testBackend(dir);
  cleanups.push(() => t.cleanup());
  return t;
}

function folder(prefix = 'asysta-kopie-'): string {
  const dir = tempDir(prefix);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Lets time pass; a session the idle lock closed meanwhile is unlocked again. */
async function later(t: TestBackend, ms: number): Promise<void> {
  t.clock.advance(ms);
  if ((await t.call('app:status', {})).state === 'locked') await t.call('session:unlock', { password: HEAD.password });
}

/** The data folder's files but the record of failed attempts (asysta.proby.json), which a refusal adds to. */
function fingerprint(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f !== 'asysta.proby.json')
      .map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]),
  );
}

/** Everything the round trip must bring back. */
async function snapshot(t: TestBackend) {
  const status = await t.call('app:status', {});
  return {
    users: await t.call('users:list', {}),
    office: await t.call('office:get', {}),
    settings: status.settings,
    audit: (await t.call('audit:list', { limit: 1000 })).reverse(),
  };
}

/** Flips one byte (the file's own sum then fails). */
function flipped(file: string, at: number, into: string): string {
  const bytes = readFileSync(file);
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  writeFileSync(into, bytes);
  return into;
}

/** Changes one byte and recomputes the plain SHA-256 trailer: only the HMAC can tell. */
function forged(file: string, at: number, into: string): string {
  const bytes = readFileSync(file);
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  const body = bytes.subarray(0, bytes.length - 32);
  createHash('sha256').update(body).digest().copy(bytes, bytes.length - 32);
  writeFileSync(into, bytes);
  return into;
}

async function officeWithBackup() {
  const t = backend();
  const recoveryCode = await setUpOffice(t);
  await seedOffice(t);
  const dir = folder();
  await t.call('settings:update', { backupDir: dir, backupKeep: 10 });
  const before = await snapshot(t);
  const result = await t.call('backup:run', {});
  return { t, recoveryCode, dir, before, result, file: join(dir, result.fileName) };
}

/** The audit log of a restored database: the original, then the restore and what followed it. */
function expectSameHistory(restored: AuditEntryView[], original: AuditEntryView[]): void {
  expect(restored.slice(0, original.length)).toEqual(original);
  expect(restored[original.length]?.action).toBe('backup.restore');
}

describe('backup file', () => {
  it('is one encrypted, self-describing file, recorded in the audit trail', async () => {
    const { t, dir, result, file } = await officeWithBackup();
    expect(result.fileName).toBe(backupFileName(t.clock.now()));
    expect(result.fileName).toMatch(/^asysta-kopia-\d{4}-\d{2}-\d{2}T\d{4}\.asb$/);
    const bytes = readFileSync(file);
    expect(result.size).toBe(bytes.length);
    expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(bytes.subarray(0, BACKUP_MAGIC.length).toString('ascii')).toBe('ASYSTA-BACKUP');
    expect(bytes[BACKUP_MAGIC.length]).toBe(2);

    // The header names the office and its key by id only, and lists the schema migrations.
    const headerLength = bytes.readUInt32BE(BACKUP_MAGIC.length + 1);
    const header = JSON.parse(bytes.subarray(BACKUP_MAGIC.length + 5, BACKUP_MAGIC.length + 5 + headerLength).toString('utf8')) as Record<string, unknown>;
    expect(Object.keys(header).sort()).toEqual(['auditHead', 'createdAt', 'format', 'keyId', 'macSalt', 'migrations', 'officeId', 'version']);
    expect(header['createdAt']).toBe(t.clock.now().toISOString());
    expect((header['migrations'] as string[]).length).toBeGreaterThanOrEqual(2);

    // Read without the key, nothing a person typed is there (UTF-8 or UTF-16).
    expect(plainTextIn(file)).toEqual([]);
    expect(plainTextIn(file, ['SQLite format 3'])).toEqual([]);

    const [entry] = await t.call('audit:list', { action: 'backup.create' });
    expect(entry?.details).toMatchObject({ fileName: result.fileName, size: result.size, sha256: result.sha256, trigger: 'manual', removed: [] });
    expect(readdirSync(dir)).toEqual([result.fileName]);
    // No snapshot is left in the data folder.
    expect(readdirSync(t.dataDir).sort()).toEqual(['asysta.db', 'asysta.db-shm', 'asysta.db-wal', 'asysta.keys.json']);
    console.log(`backup of the seeded test database: ${result.size} bytes in ${result.durationMs} ms`);
  });

  it('reports its age, and warns after 7 days or when there is none', async () => {
    const t = backend();
    await setUpOffice(t);
    const none = await t.call('backup:status', {});
    expect(none).toMatchObject({ lastBackupAt: null, warning: true, folder: null, keep: 10, stored: null, everyHours: 24, nextDueAt: null });
    expect(none.message).toBe('Nie wykonano jeszcze kopii zapasowej. Wskaż folder kopii zapasowych na stronie „Kopie zapasowe”.');
    const dir = folder();
    const made = await t.call('backup:run', { folder: dir });
    const fresh = await t.call('backup:status', {});
    expect(fresh).toMatchObject({ lastBackupAt: made.createdAt, lastFileName: made.fileName, lastSha256: made.sha256, warning: false });
    await later(t, 6 * 86_400_000);
    expect((await t.call('backup:status', {})).warning).toBe(false);
    await later(t, 86_400_000);
    const old = await t.call('backup:status', {});
    expect(old.warning).toBe(true);
    expect(old.message).toContain('Ostatnia kopia zapasowa ma 7 dni.');
  });

  it('refuses a missing folder and a kierownik-only channel for others, writing nothing', async () => {
    const t = backend();
    await setUpOffice(t);
    expect(await t.fail('backup:run', {})).toMatchObject({ code: 'VALIDATION' });
    expect(await t.fail('backup:run', { folder: join(tempDir(), 'nie-ma') })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await t.fail('backup:run', { folder: 'kopie' })).toMatchObject({ code: 'VALIDATION' });
    const worker = STAFF[0]!;
    await t.call('users:create', { ...worker });
    await t.call('session:logout', {});
    await t.call('session:login', { login: worker.login, password: worker.password });
    expect(await t.fail('backup:run', { folder: folder() })).toMatchObject({ code: 'FORBIDDEN', message: 'Nie masz uprawnień do wykonywania kopii zapasowych.' });
    expect((await t.fail('backup:status', {})).code).toBe('FORBIDDEN');
  });
});

describe('restore', () => {
  it('brings back the same data into a fresh folder, with the recovery code and with a password', async () => {
    const { recoveryCode, before, file } = await officeWithBackup();

    const byCode = backend();
    expect((await byCode.call('app:status', {})).state).toBe('setup');
    const restored = await byCode.call('backup:restore', { method: 'recovery', file, recoveryCode });
    expect(restored).toMatchObject({ fileName: file.split('/').pop(), backupCreatedAt: before.audit.at(-1)?.at });
    expect(readdirSync(byCode.dataDir).sort()).toEqual(['asysta.db', 'asysta.keys.json']);
    await byCode.call('session:login', { login: HEAD.login, password: HEAD.password });
    const after = await snapshot(byCode);
    expect(after.users).toEqual(before.users);
    expect(after.office).toEqual(before.office);
    expect(after.settings).toEqual(before.settings);
    expectSameHistory(after.audit, before.audit);
    expect(after.audit[before.audit.length]).toMatchObject({ actorId: null, details: { method: 'recovery' } });
    expect((await byCode.call('audit:verify', {})).ok).toBe(true);
    // The staff's passwords from the day of the backup open it too.
    await byCode.call('session:logout', {});
    await byCode.call('session:login', { login: STAFF[1]!.login, password: STAFF[1]!.password });

    const byPassword = backend();
    await byPassword.call('backup:restore', { method: 'password', file, login: HEAD.login, password: HEAD.password });
    await byPassword.call('session:login', { login: HEAD.login, password: HEAD.password });
    const again = await snapshot(byPassword);
    expect(again.users).toEqual(before.users);
    expectSameHistory(again.audit, before.audit);
    expect(again.audit[before.audit.length]).toMatchObject({ actorId: before.users.find((u) => u.login === HEAD.login)?.id, details: { method: 'password' } });
  });

  it('refuses a wrong secret, a non-kierownik password and a signed-in office, replacing nothing', async () => {
    const { t, file } = await officeWithBackup();
    const target = backend();
    await target.call('app:status', {});
    const wrong = await target.fail('backup:restore', { method: 'password', file, login: HEAD.login, password: 'zle-haslo-123' });
    expect(wrong.code).toBe('WRONG_PASSWORD');
    target.clock.advance(60_000);
    const worker = await target.fail('backup:restore', { method: 'password', file, login: STAFF[0]!.login, password: STAFF[0]!.password });
    expect(worker).toMatchObject({ code: 'FORBIDDEN' });
    const badCode = await target.fail('backup:restore', { method: 'recovery', file, recoveryCode: 'AAAA'.repeat(8) });
    expect(badCode.code).toBe('WRONG_PASSWORD');
    expect(readdirSync(target.dataDir)).toEqual([]);
    // The office is signed in: a restore would pull the database from under the session.
    expect(await t.fail('backup:restore', { method: 'password', file, login: HEAD.login, password: HEAD.password })).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('refuses a flipped byte, a forged file, a truncated or foreign file, with nothing replaced', async () => {
    const { t, recoveryCode, file } = await officeWithBackup();
    await t.call('session:logout', {});
    const before = fingerprint(t.dataDir);
    const size = statSync(file).size;
    const scratch = folder();
    const cases: [string, string][] = [
      ['flip in the header', flipped(file, 20, join(scratch, 'a.asb'))],
      ['flip in the key slots', flipped(file, 400, join(scratch, 'b.asb'))],
      ['flip in the database', flipped(file, Math.floor(size / 2), join(scratch, 'c.asb'))],
      ['flip in the tag', flipped(file, size - 40, join(scratch, 'd.asb'))],
      ['flip in the sum', flipped(file, size - 1, join(scratch, 'e.asb'))],
      ['forged database page', forged(file, Math.floor(size / 2), join(scratch, 'f.asb'))],
      ['forged header', forged(file, 30, join(scratch, 'g.asb'))],
      ['truncated', (writeFileSync(join(scratch, 'h.asb'), readFileSync(file).subarray(0, size - 100)), join(scratch, 'h.asb'))],
    ];
    for (const [what, bad] of cases) {
      const error = await t.fail('backup:restore', { method: 'recovery', file: bad, recoveryCode });
      expect(error, what).toMatchObject({ code: 'DB_CORRUPT' });
      expect(error.message.startsWith(BACKUP_CORRUPT_MESSAGE), what).toBe(true);
      expect(fingerprint(t.dataDir), what).toEqual(before);
    }
    writeFileSync(join(scratch, 'obcy.asb'), 'to nie jest kopia zapasowa, tylko zwykły tekst w pliku z rozszerzeniem .asb');
    expect(await t.fail('backup:restore', { method: 'recovery', file: join(scratch, 'obcy.asb'), recoveryCode })).toMatchObject({ code: 'DB_FOREIGN' });
    expect(await t.fail('backup:restore', { method: 'recovery', file: join(scratch, 'nie-ma.asb'), recoveryCode })).toMatchObject({ code: 'NOT_FOUND' });
    expect(fingerprint(t.dataDir)).toEqual(before);
    // The untouched backup still restores over the same folder.
    await t.call('backup:restore', { method: 'recovery', file, recoveryCode });
  });

  it('rolls the office back to the backup, keeping only a copy of the replaced data aside', async () => {
    const { t, recoveryCode, file, before } = await officeWithBackup();
    await t.call('users:create', { firstName: 'Nowa', lastName: 'Osoba', login: 'nowa', password: 'Haslo-nowej-2026', roles: ['social_worker'] });
    await t.call('session:logout', {});
    t.clock.advance(60_000);
    await t.call('backup:restore', { method: 'recovery', file, recoveryCode });
    const aside = () => readdirSync(t.dataDir).filter((f) => f.includes('.przed-przywroceniem-')).sort();
    const first = aside();
    expect(first).toEqual([expect.stringMatching(/^asysta\.db\.przed-przywroceniem-/), expect.stringMatching(/^asysta\.keys\.json\.przed-przywroceniem-/)]);
    expect(readdirSync(t.dataDir).filter((f) => !first.includes(f)).sort()).toEqual(['asysta.db', 'asysta.keys.json']);
    // A second restore keeps only its own copy of what it replaced.
    t.clock.advance(60_000);
    await t.call('backup:restore', { method: 'recovery', file, recoveryCode });
    expect(aside()).toHaveLength(2);
    expect(aside().some((f) => first.includes(f))).toBe(false);
    await t.call('session:login', { login: HEAD.login, password: HEAD.password });
    expect((await t.call('users:list', {})).map((u) => u.login)).toEqual(before.users.map((u) => u.login));
    await t.call('session:logout', {});
    // The account added after the backup is gone, with its key slot.
    expect((await t.fail('session:login', { login: 'nowa', password: 'Haslo-nowej-2026' })).code).toBe('WRONG_PASSWORD');
  });

  it('refuses while another process has the database open, but not for a WAL left by a crash', async () => {
    const { t, recoveryCode, file } = await officeWithBackup();
    // The office's app stays signed in; a second backend (the CLI) on the same folder tries to restore.
    const cli = backend(t.dataDir);
    const error = await cli.fail('backup:restore', { method: 'recovery', file, recoveryCode });
    expect(error.code).toBe('INVALID_STATE');
    expect(error.message).toContain('Zamknij program');
    expect(existsSync(join(t.dataDir, 'asysta.db-wal'))).toBe(true);
    expect((await t.call('users:list', {})).length).toBe(3);
    // A crash leaves the WAL behind with nobody holding it (here: a copy of the open folder): no reason to refuse.
    const crashed = folder('asysta-po-awarii-');
    for (const name of readdirSync(t.dataDir)) copyFileSync(join(t.dataDir, name), join(crashed, name));
    expect(readdirSync(crashed)).toContain('asysta.db-wal');
    await backend(crashed).call('backup:restore', { method: 'recovery', file, recoveryCode });
    expect(readdirSync(crashed).filter((f) => !f.includes('.przed-przywroceniem-')).sort()).toEqual(['asysta.db', 'asysta.keys.json']);
  });

  it('refuses a backup of another office over this office’s data', async () => {
    const { file } = await officeWithBackup();
    const other = backend();
    const otherCode = await setUpOffice(other);
    await other.call('session:logout', {});
    const before = fingerprint(other.dataDir);
    const error = await other.fail('backup:restore', { method: 'password', file, login: HEAD.login, password: HEAD.password });
    expect(error.code).toBe('CONFLICT');
    expect(fingerprint(other.dataDir)).toEqual(before);
    expect(otherCode).not.toBe('');
  });
});

describe('rotation and schedule', () => {
  it('keeps the last N backups and deletes only its own files', async () => {
    const t = backend();
    await setUpOffice(t);
    const dir = folder();
    const foreign = ['notatki.txt', 'asysta-kopia-reczna.asb', 'asysta-kopia-2020-01-01T0000.asb.bak', 'kopia-2020-01-01T0000.asb'];
    for (const name of foreign) writeFileSync(join(dir, name), 'cudzy plik');
    mkdirSync(join(dir, 'asysta-kopia-2019-01-01T0000.asb'));
    // Another office's backup in the same folder, named as ours: left alone.
    const other = backend();
    await setUpOffice(other);
    const otherBackup = await other.call('backup:run', { folder: folder() });
    copyFileSync(join(otherBackup.folder, otherBackup.fileName), join(dir, 'asysta-kopia-2020-01-01T0000.asb'));
    foreign.push('asysta-kopia-2020-01-01T0000.asb');
    await t.call('settings:update', { backupDir: dir, backupKeep: 3 });
    const made: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const result = await t.call('backup:run', {});
      made.push(result.fileName);
      expect(result.removed).toEqual(i >= 3 ? [made[i - 3]] : []);
      await later(t, 3_600_000);
    }
    expect(listBackups(dir)).toEqual([...made.slice(2).reverse(), 'asysta-kopia-2020-01-01T0000.asb']);
    // The status counts this office's copies in the folder, not the setting, nor another office's file.
    expect(await t.call('backup:status', {})).toMatchObject({ keep: 3, stored: 3 });
    for (const name of foreign) expect(existsSync(join(dir, name)), name).toBe(true);
    // Two backups in the same minute do not overwrite each other.
    const first = await t.call('backup:run', {});
    const second = await t.call('backup:run', {});
    expect(second.fileName).toBe(first.fileName.replace('.asb', '-2.asb'));
    expect(listBackups(dir).slice(0, 3)).toEqual([second.fileName, first.fileName, made[4]]);
  });

  it('runs a scheduled backup when one is due, without counting as activity', async () => {
    const t = backend();
    await setUpOffice(t);
    expect(await t.backend.backup.runDueBackup()).toEqual({ status: 'no_folder' });
    const dir = folder();
    await t.call('settings:update', { backupDir: dir, backupEveryHours: 24 });
    const created = await t.backend.backup.runDueBackup();
    expect(created.status).toBe('created');
    expect(await t.backend.backup.runDueBackup()).toMatchObject({ status: 'not_due' });
    t.clock.advance(9 * 60_000);
    const before = t.backend.readySession()?.lastActivity;
    expect((await t.backend.backup.runDueBackup()).status).toBe('not_due');
    expect(t.backend.readySession()?.lastActivity).toBe(before);
    t.clock.advance(2 * 60_000);
    // The idle lock still comes on time: a scheduled backup is not the user's activity.
    expect((await t.call('app:status', {})).state).toBe('locked');
    expect(await t.backend.backup.runDueBackup()).toEqual({ status: 'no_session' });
    await t.call('session:unlock', { password: HEAD.password });
    await later(t, 24 * 3_600_000);
    expect((await t.backend.backup.runDueBackup()).status).toBe('created');
    const entries = await t.call('audit:list', { action: 'backup.create' });
    expect(entries.map((e) => e.details['trigger'])).toEqual(['schedule', 'schedule']);
    rmSync(dir, { recursive: true });
    await later(t, 25 * 3_600_000);
    expect(await t.backend.backup.runDueBackup()).toMatchObject({ status: 'failed', message: expect.stringContaining('nie istnieje') });
  });
});

describe('a restore cut short', () => {
  /** Lays out the data folder as a crash would leave it after `done` of the swap's renames. */
  async function interrupted(done: number) {
    const { t, file, recoveryCode } = await officeWithBackup();
    await t.call('users:create', { firstName: 'Po', lastName: 'Kopii', login: 'pokopii', password: 'Haslo-po-kopii-1', roles: ['social_worker'] });
    await t.call('session:logout', {});
    await t.backend.close();
    // A restored copy of the backup, as the restore writes it aside.
    const scratch = backend();
    await scratch.call('backup:restore', { method: 'recovery', file, recoveryCode });
    const dir = t.dataDir;
    const original = fingerprint(dir);
    copyFileSync(join(scratch.dataDir, 'asysta.db'), join(dir, 'asysta.przywracanie-X.db.tmp'));
    copyFileSync(join(scratch.dataDir, 'asysta.keys.json'), join(dir, 'asysta.przywracanie-X.keys.tmp'));
    const steps = [
      { from: 'asysta.db', to: 'asysta.db.przed-przywroceniem-X' },
      { from: 'asysta.keys.json', to: 'asysta.keys.json.przed-przywroceniem-X' },
      { from: 'asysta.przywracanie-X.keys.tmp', to: 'asysta.keys.json' },
      { from: 'asysta.przywracanie-X.db.tmp', to: 'asysta.db' },
    ];
    writeFileSync(join(dir, 'asysta.przywracanie.json'), JSON.stringify({ moves: steps.slice(0, 2), installs: steps.slice(2) }));
    for (const step of steps.slice(0, done)) renameSync(join(dir, step.from), join(dir, step.to));
    return { dir, original, restored: fingerprint(scratch.dataDir) };
  }

  it.each([0, 1, 2, 3])('rolls back after %i of 4 renames', async (done) => {
    const { dir, original } = await interrupted(done);
    const t = backend(dir);
    expect(fingerprint(dir)).toEqual(original);
    await t.call('session:login', { login: 'pokopii', password: 'Haslo-po-kopii-1' });
  });

  it('rolls forward once the database was swapped in, keeping the old files aside', async () => {
    const { dir, restored } = await interrupted(4);
    const t = backend(dir);
    const files = fingerprint(dir);
    expect(files['asysta.db']).toBe(restored['asysta.db']);
    expect(Object.keys(files).sort()).toEqual(['asysta.db', 'asysta.db.przed-przywroceniem-X', 'asysta.keys.json', 'asysta.keys.json.przed-przywroceniem-X']);
    await t.call('session:login', { login: HEAD.login, password: HEAD.password });
    expect((await t.call('users:list', {})).map((u) => u.login)).not.toContain('pokopii');
  });
});

describe('restore where an office exists (issue 14)', () => {
  /** Another office, built on another PC, relabelled with the victim's office id and backed up. */
  async function forgedBackupOf(victimKeysFile: string, credentials: { login: string; password: string }): Promise<string> {
    const victimId = (JSON.parse(readFileSync(victimKeysFile, 'utf8')) as { officeId: string }).officeId;
    const attacker = backend();
    await attacker.call('setup:create', { office: { ...OFFICE, name: 'Ośrodek podstawiony' }, head: { ...HEAD, ...credentials } });
    // The attacker knows her own master key: she rebuilds her slot file under the victim's id.
    const keysFile = join(attacker.dataDir, 'asysta.keys.json');
    const own = parseKeyring(readFileSync(keysFile, 'utf8'));
    const key = (await openSlot(own, findUserSlot(own, credentials.login)!, credentials.password))!;
    const userId = findUserSlot(own, credentials.login)!.userId!;
    let relabelled = signed({ ...newKeyring(key), officeId: victimId }, key);
    relabelled = await withSlot(relabelled, { kind: 'user', login: credentials.login, userId }, credentials.password, key, FAST_SCRYPT);
    relabelled = await withSlot(relabelled, { kind: 'recovery' }, 'AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHH', key, FAST_SCRYPT);
    await writeKeyring(keysFile, relabelled);
    await attacker.call('session:login', credentials);
    const dir = folder();
    const made = await attacker.call('backup:run', { folder: dir });
    await attacker.call('session:logout', {});
    return join(dir, made.fileName);
  }

  it('refuses a backup forged by another office under this office’s id, and the kierownik still signs in', async () => {
    const t = backend();
    await setUpOffice(t);
    await seedOffice(t);
    await t.call('session:logout', {});
    const before = fingerprint(t.dataDir);
    const keysFile = join(t.dataDir, 'asysta.keys.json');

    // With the forger's own password (the backup's own slot): not a credential of this office.
    const own = await forgedBackupOf(keysFile, { login: 'napastnik', password: 'Napastnik-2026!' });
    expect(await t.fail('backup:restore', { method: 'password', file: own, login: 'napastnik', password: 'Napastnik-2026!' })).toMatchObject({ code: 'WRONG_PASSWORD' });
    t.clock.advance(120_000);
    expect(await t.fail('backup:restore', { method: 'recovery', file: own, recoveryCode: 'AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHH' })).toMatchObject({ code: 'WRONG_PASSWORD' });
    t.clock.advance(120_000);
    // Even the office's own kierownik, tricked into it, cannot bring it in: no key of the office opens it.
    const same = await forgedBackupOf(keysFile, { login: HEAD.login, password: HEAD.password });
    const refused = await t.fail('backup:restore', { method: 'password', file: same, login: HEAD.login, password: HEAD.password });
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('nie wykonano w tym ośrodku') });
    expect(fingerprint(t.dataDir)).toEqual(before);
    await t.call('session:login', { login: HEAD.login, password: HEAD.password });
    expect((await t.call('office:get', {})).name).toBe(OFFICE.name);
  });

  it('gives a switched-off kierownik’s password no power; the office’s older backups restore on today’s credentials', async () => {
    const t = backend();
    const recoveryCode = await setUpOffice(t);
    const second = { firstName: 'Halina', lastName: 'Dawna', login: 'hdawna', password: 'Dawna-kierownik-1', roles: ['head' as const] };
    const { id: secondId } = await t.call('users:create', second);
    const dir = folder();
    const old = join(dir, (await t.call('backup:run', { folder: dir })).fileName);
    await t.call('users:update', { id: secondId, firstName: second.firstName, lastName: second.lastName, roles: second.roles, active: false });
    await t.call('session:logout', {});
    const before = fingerprint(t.dataDir);

    // Her password of the backup's day opens the backup's own slot, but this office has a slot file.
    expect(await t.fail('backup:restore', { method: 'password', file: old, login: second.login, password: second.password })).toMatchObject({ code: 'WRONG_PASSWORD' });
    expect(fingerprint(t.dataDir)).toEqual(before);
    t.clock.advance(120_000);

    // The backup was made under the key from before the switch-off: found in the key history.
    await t.call('backup:restore', { method: 'recovery', file: old, recoveryCode });
    expect((await t.fail('session:login', { login: second.login, password: second.password })).code).toBe('WRONG_PASSWORD');
    t.clock.advance(120_000);
    await t.call('session:login', { login: HEAD.login, password: HEAD.password });
    const users = await t.call('users:list', {});
    // Active in the backup, but switched off today: switched off in the restored data too.
    expect(users.find((u) => u.login === second.login)?.active).toBe(false);
    expect((await t.call('audit:verify', {})).ok).toBe(true);
  });
});

describe('leftovers of a crash (issue 14, Low)', () => {
  it('removes at start the snapshot copies, slot-file parts and backup parts of processes that ended, and nothing else', async () => {
    const t = backend();
    await setUpOffice(t);
    const dir = folder();
    await t.call('settings:update', { backupDir: dir, backupKeep: 10 });
    await t.call('session:logout', {});
    const dead = 2_147_483_646;
    const data = [`asysta.kopia-${dead}-0123abcd.db.tmp`, `asysta.kopia-${dead}-0123abcd.db.tmp-journal`, `asysta.keys.json.${dead}.tmp`];
    const alive = `asysta.kopia-${process.pid}-0123abcd.db.tmp`;
    for (const name of [...data, alive]) writeFileSync(join(t.dataDir, name), 'x'.repeat(1000));
    const part = `.asysta-kopia-2026-03-01T0800.asb.${dead}.tmp`;
    writeFileSync(join(dir, part), 'x');

    const again = backend(t.dataDir);
    expect(readdirSync(t.dataDir).filter((f) => data.includes(f))).toEqual([]);
    expect(readdirSync(t.dataDir)).toContain(alive);
    await again.call('session:login', { login: HEAD.login, password: HEAD.password });
    const made = await again.call('backup:run', {});
    expect(readdirSync(dir)).toEqual([made.fileName]);
  });
});

describe('restore input (issue 14, Low)', () => {
  it('refuses a FIFO, a device and a Windows pipe at once instead of waiting for a writer', async () => {
    const t = backend();
    const recoveryCode = await setUpOffice(t);
    await t.call('session:logout', {});
    const fifo = join(folder(), 'kopia.asb');
    execFileSync('mkfifo', [fifo]);
    for (const file of [fifo, '/dev/zero', '\\\\.\\pipe\\asysta']) {
      const started = Date.now();
      const error = await t.fail('backup:restore', { method: 'recovery', file, recoveryCode });
      expect(error.code === 'DB_FOREIGN' || error.code === 'VALIDATION' || error.code === 'NOT_FOUND', file).toBe(true);
      expect(Date.now() - started, file).toBeLessThan(5000);
    }
  }, 20_000);
});
