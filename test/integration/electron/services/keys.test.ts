/**
 * Changing the office's master key (issue 14, High 2): a copy of the slot file from before a
 * switch-off, a password reset or a key change opens nothing in today's database; a change cut
 * short at any step leaves the old or the new key working, never neither.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../../electron/backend';
import { Database } from '../../../../electron/db/database';
import { findUserSlot, keyHistory, openSlot, parseKeyring, recoverySlot, withSlot, writeKeyring, type Keyring } from '../../../../electron/db/keyring';
import { KEY_JOURNAL_FILE } from '../../../../electron/services/keys';
import { FAST_SCRYPT, HEAD, setUpOffice, tempDir, testBackend, type TestBackend } from '../../../support/backend';
import { STAFF, seedOffice } from '../../../support/seed';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The slot file and the master key are the embedded file's (SQLCipher); the office server has neither. */
function backend(dir?: string): TestBackend {
  const t = testBackend(dir, { engine: 'local' });
  cleanups.push(() => t.cleanup());
  return t;
}

function folder(): string {
  const dir = tempDir();
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const keysOf = (dir: string): Keyring => parseKeyring(readFileSync(join(dir, 'asysta.keys.json'), 'utf8'));

/** Does this slot file, with this login and password, open the database in `dir`? */
async function opens(dir: string, keyring: Keyring, login: string, password: string): Promise<boolean> {
  const slot = findUserSlot(keyring, login);
  const key = slot ? await openSlot(keyring, slot, password) : null;
  if (!key) return false;
  try {
    await (await Database.open({ file: join(dir, 'asysta.db'), masterKey: key, migrate: false })).close();
    return true;
  } catch {
    return false;
  } finally {
    key.fill(0);
  }
}

describe('key changes', () => {
  it('after a switch-off, her copy of the slot file from before no longer opens the database', async () => {
    const t = backend();
    await setUpOffice(t);
    for (const user of STAFF) await t.call('users:create', user);
    const worker = STAFF[0]!;
    const kept = keysOf(t.dataDir);
    expect(await opens(t.dataDir, kept, worker.login, worker.password)).toBe(true);
    const id = (await t.call('users:list', {})).find((u) => u.login === worker.login)!.id;
    await t.call('users:update', { id, firstName: worker.firstName, lastName: worker.lastName, roles: worker.roles, active: false });

    expect(await opens(t.dataDir, kept, worker.login, worker.password)).toBe(false);
    expect(findUserSlot(keysOf(t.dataDir), worker.login)).toBeUndefined();
    // Everybody else, and the session itself, carry on with the new key.
    expect(await opens(t.dataDir, keysOf(t.dataDir), STAFF[1]!.login, STAFF[1]!.password)).toBe(true);
    expect((await t.call('users:list', {})).find((u) => u.id === id)?.active).toBe(false);
    const [entry] = await t.call('audit:list', { action: 'keys.rekey' });
    expect(entry?.details).toMatchObject({ reason: 'user_off' });
    expect((await t.call('audit:verify', {})).ok).toBe(true);
    await t.call('session:logout', {});
    await t.call('session:login', { login: HEAD.login, password: HEAD.password });
  });

  it('after a password reset, the old password with an old slot file opens nothing', async () => {
    const t = backend();
    await setUpOffice(t);
    await seedOffice(t);
    const worker = STAFF[1]!;
    const kept = keysOf(t.dataDir);
    const id = (await t.call('users:list', {})).find((u) => u.login === worker.login)!.id;
    await t.call('users:resetPassword', { id, newPassword: 'Zupelnie-nowe-haslo-7' });
    expect(await opens(t.dataDir, kept, worker.login, worker.password)).toBe(false);
    expect(await opens(t.dataDir, keysOf(t.dataDir), worker.login, 'Zupelnie-nowe-haslo-7')).toBe(true);
    const [reset] = await t.call('audit:list', { action: 'user.password_reset' });
    expect(reset?.entityId).toBe(id);
  });

  it('"Zmień klucz bazy" re-keys on demand, keeps the old key in the history and deletes only this office’s older backups', async () => {
    const t = backend();
    await setUpOffice(t);
    const dir = folder();
    await t.call('settings:update', { backupDir: dir, backupKeep: 10 });
    const old = (await t.call('backup:run', {})).fileName;
    t.clock.advance(2 * 86_400_000);
    if ((await t.call('app:status', {})).state === 'locked') await t.call('session:unlock', { password: HEAD.password });
    const recent = (await t.call('backup:run', {})).fileName;
    const foreign = join(dir, 'asysta-kopia-2000-01-01T0000.asb');
    copyFileSync(join(dir, old), foreign);
    const otherOffice = readFileSync(foreign);
    // Another office's backup in the same folder: its header names another office.
    const headerAt = otherOffice.indexOf('"officeId":"') + '"officeId":"'.length;
    otherOffice.write('00000000-0000-4000-8000-000000000000', headerAt, 'utf8');
    writeFileSync(foreign, otherOffice);

    const kept = keysOf(t.dataDir);
    const day = t.clock.now().toISOString().slice(0, 10);
    const result = await t.call('backup:rekey', { destroyBackupsBefore: day });
    expect(result.removedBackups).toEqual([old]);
    expect(readdirSync(dir).sort()).toEqual([foreign.split('/').pop(), recent].sort());
    expect(await opens(t.dataDir, kept, HEAD.login, HEAD.password)).toBe(false);
    expect(await opens(t.dataDir, keysOf(t.dataDir), HEAD.login, HEAD.password)).toBe(true);
    // The key from before is in the history: the recent backup still restores on today's password.
    const now = keysOf(t.dataDir);
    const key = (await openSlot(now, findUserSlot(now, HEAD.login)!, HEAD.password))!;
    expect(keyHistory(now, key).map((h) => h.keyId)).toEqual([kept.keyId]);
    const [destroyed] = await t.call('audit:list', { action: 'backup.destroy_old' });
    expect(destroyed?.details).toMatchObject({ before: day, files: [old] });
    await t.call('session:logout', {});
    t.clock.advance(60_000);
    await t.call('backup:restore', { method: 'password', file: join(dir, recent), login: HEAD.login, password: HEAD.password });
    await t.call('session:login', { login: HEAD.login, password: HEAD.password });
  });

  it('a new recovery code retires the old one', async () => {
    const t = backend();
    const oldCode = await setUpOffice(t);
    const { recoveryCode } = await t.call('backup:newRecoveryCode', {});
    expect(recoveryCode).not.toBe(oldCode);
    const keyring = keysOf(t.dataDir);
    expect(await openSlot(keyring, recoverySlot(keyring)!, oldCode.replace(/-/g, ''))).toBeNull();
    expect(await openSlot(keyring, recoverySlot(keyring)!, recoveryCode.replace(/-/g, ''))).not.toBeNull();
  });

  it('a change cut short at any step leaves the old or the new key working, never neither', async () => {
    // The old state, and the copies a change leaves at each step, built from a real change.
    const t = backend();
    await setUpOffice(t);
    await t.call('session:logout', {});
    const before = folder();
    for (const name of readdirSync(t.dataDir)) copyFileSync(join(t.dataDir, name), join(before, name));
    await t.call('session:login', { login: HEAD.login, password: HEAD.password });
    await t.call('backup:rekey', { destroyBackupsBefore: null });
    await t.call('session:logout', {});
    const newDb = readFileSync(join(t.dataDir, 'asysta.db'));
    const newKeys = readFileSync(join(t.dataDir, 'asysta.keys.json'));
    const oldKeys = keysOf(before);
    const op = '0123456789abcdef';
    const db = `asysta.klucz-${op}.db.tmp`;
    const keys = `asysta.klucz-${op}.keys.tmp`;
    const journal = JSON.stringify({ db, keys });

    const steps: [string, (dir: string) => void, 'old' | 'new'][] = [
      ['copy of the database half written', (dir) => writeFileSync(join(dir, db), newDb.subarray(0, 4096)), 'old'],
      ['both copies written, no journal', (dir) => (writeFileSync(join(dir, db), newDb), writeFileSync(join(dir, keys), newKeys)), 'old'],
      ['journal written', (dir) => (writeFileSync(join(dir, db), newDb), writeFileSync(join(dir, keys), newKeys), writeFileSync(join(dir, KEY_JOURNAL_FILE), journal)), 'new'],
      ['database renamed in', (dir) => (writeFileSync(join(dir, 'asysta.db'), newDb), writeFileSync(join(dir, keys), newKeys), writeFileSync(join(dir, KEY_JOURNAL_FILE), journal)), 'new'],
      ['both renamed in', (dir) => (writeFileSync(join(dir, 'asysta.db'), newDb), writeFileSync(join(dir, 'asysta.keys.json'), newKeys), writeFileSync(join(dir, KEY_JOURNAL_FILE), journal)), 'new'],
    ];
    for (const [what, crash, expected] of steps) {
      const dir = folder();
      for (const name of readdirSync(before)) copyFileSync(join(before, name), join(dir, name));
      crash(dir);
      const b = createBackend({ dataDir: dir, scrypt: FAST_SCRYPT, idleCheckMs: 0 });
      expect(readdirSync(dir).sort(), what).toEqual(['asysta.db', 'asysta.keys.json']);
      const now = keysOf(dir);
      expect(now.keyId === oldKeys.keyId ? 'old' : 'new', what).toBe(expected);
      expect(await opens(dir, now, HEAD.login, HEAD.password), what).toBe(true);
      expect((await b.invoke('session:login', { login: HEAD.login, password: HEAD.password })).ok, what).toBe(true);
      await b.close();
    }
    expect(existsSync(join(t.dataDir, KEY_JOURNAL_FILE))).toBe(false);
  });

  it('puts the slot file and the accounts back in step at the next sign-in (a crash between the two)', async () => {
    const t = backend();
    await setUpOffice(t);
    const worker = STAFF[0]!;
    const { id } = await t.call('users:create', worker);
    await t.call('users:update', { id, firstName: worker.firstName, lastName: worker.lastName, roles: worker.roles, active: false });
    await t.call('session:logout', {});
    // The state a crash could leave: her slot back in the file (switched off, slot working), and a slot with no account.
    const file = join(t.dataDir, 'asysta.keys.json');
    let keyring = keysOf(t.dataDir);
    const key = (await openSlot(keyring, findUserSlot(keyring, HEAD.login)!, HEAD.password))!;
    keyring = await withSlot(keyring, { kind: 'user', login: worker.login, userId: id }, worker.password, key, FAST_SCRYPT);
    keyring = await withSlot(keyring, { kind: 'user', login: 'nieukonczona', userId: '33333333-3333-4333-8333-333333333333' }, 'Nieukonczone-konto-9', key, FAST_SCRYPT);
    await writeKeyring(file, keyring);
    const crashed = keysOf(t.dataDir);
    expect(await opens(t.dataDir, crashed, worker.login, worker.password)).toBe(true);

    await t.call('session:login', { login: HEAD.login, password: HEAD.password });
    const now = keysOf(t.dataDir);
    expect(now.slots.filter((s) => s.kind === 'user')).toHaveLength(1);
    expect(await opens(t.dataDir, crashed, worker.login, worker.password)).toBe(false);
    expect(await opens(t.dataDir, now, HEAD.login, HEAD.password)).toBe(true);
    const [entry] = await t.call('audit:list', { action: 'keys.reconcile' });
    expect(entry?.details).toMatchObject({ removedSlots: 2, switchedOff: [id] });
    expect((await t.call('audit:verify', {})).ok).toBe(true);
  });
});
