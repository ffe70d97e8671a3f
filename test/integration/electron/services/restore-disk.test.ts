/**
 * A full disk or a read-only data folder at each step of a restore (issue 14): a clear Polish
 * message, and nothing lost — the data folder as it was, or, when even putting it back fails, the
 * previous data kept and put in order at the next start.
 */
import { createHash } from 'node:crypto';
import type * as NodeFs from 'node:fs';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Database } from '../../../../electron/db/database';
import { HEAD, setUpOffice, tempDir, testBackend, type TestBackend } from '../../../support/backend';

const faults = vi.hoisted(() => ({ inject: null as null | ((op: string, path: string) => Error | null) }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof NodeFs>();
  const check = (op: string, path: unknown): void => {
    const error = faults.inject?.(op, String(path));
    if (error) throw error;
  };
  const promises = {
    ...real.promises,
    open: async (...args: Parameters<typeof real.promises.open>) => {
      check('open', args[0]);
      return real.promises.open(...args);
    },
  };
  const renameSync = (...args: Parameters<typeof real.renameSync>): void => {
    check('rename', args[0]);
    real.renameSync(...args);
  };
  const writeFileSync = (...args: Parameters<typeof real.writeFileSync>): void => {
    check('writeFile', args[0]);
    real.writeFileSync(...args);
  };
  return { ...real, default: { ...real, promises, renameSync, writeFileSync }, promises, renameSync, writeFileSync };
});

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
const sqlite = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
const FULL = 'Brak miejsca na dysku z danymi Asysty — nie przywrócono niczego';
const READ_ONLY = 'Folder danych Asysty jest tylko do odczytu albo brak do niego uprawnień — nie przywrócono niczego';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  faults.inject = null;
  vi.restoreAllMocks();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function fingerprint(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f !== 'asysta.proby.json')
      .map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]),
  );
}

/** An office with a backup, a person added after it (a restore would lose her), signed out. */
async function officeAfterBackup(options: { olderKey?: boolean } = {}) {
  const t = testBackend();
  cleanups.push(() => t.cleanup());
  await setUpOffice(t);
  const folder = tempDir('asysta-kopie-');
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  const backup = await t.call('backup:run', { folder });
  if (options.olderKey) await t.call('backup:rekey', { destroyBackupsBefore: null });
  await t.call('users:create', { firstName: 'Ewa', lastName: 'Później', login: 'epozniej', password: 'Nowe-haslo-2026!x', roles: ['social_worker'] });
  await t.call('session:logout', {});
  return { t, file: join(folder, backup.fileName), before: fingerprint(t.dataDir) };
}

async function expectNothingLost(t: TestBackend, before: Record<string, string>): Promise<void> {
  expect(fingerprint(t.dataDir)).toEqual(before);
  expect(readdirSync(t.dataDir).filter((f) => f.includes('przywracanie') || f.includes('przed-przywroceniem'))).toEqual([]);
  await t.call('session:login', { login: HEAD.login, password: HEAD.password });
  expect((await t.call('users:list', {})).map((u) => u.login)).toContain('epozniej');
}

const restore = (t: TestBackend, file: string) => t.fail('backup:restore', { method: 'password', file, login: HEAD.login, password: HEAD.password });

describe('restore on a full disk or a read-only folder', () => {
  const journalExists = (t: TestBackend) => existsSync(join(t.dataDir, 'asysta.przywracanie.json'));
  const steps: { step: string; olderKey?: boolean; message: string; arm: (t: TestBackend) => void }[] = [
    {
      step: 'writing the database aside (full)',
      message: FULL,
      arm: () => (faults.inject = (op, path) => (op === 'open' && /przywracanie-.*\.db\.tmp$/.test(path) ? errno('ENOSPC') : null)),
    },
    {
      step: 'writing the database aside (read-only)',
      message: READ_ONLY,
      arm: () => (faults.inject = (op, path) => (op === 'open' && /przywracanie-.*\.db\.tmp$/.test(path) ? errno('EROFS') : null)),
    },
    {
      step: 're-keying a backup made under an older key',
      olderKey: true,
      message: FULL,
      arm: () => vi.spyOn(Database, 'rekeyFile').mockImplementation(() => {
        throw sqlite('SQLITE_FULL');
      }),
    },
    {
      step: 'checking the copy aside',
      message: FULL,
      arm: () => {
        const open = Database.open.bind(Database);
        vi.spyOn(Database, 'open').mockImplementation(async (options) => {
          if (/przywracanie-.*\.db\.tmp$/.test(options.file)) throw sqlite('SQLITE_FULL');
          return open(options);
        });
      },
    },
    {
      step: 'writing the slot file aside',
      message: READ_ONLY,
      arm: () => (faults.inject = (op, path) => (op === 'open' && /przywracanie-.*\.keys\.tmp\.\d+\.tmp$/.test(path) ? errno('EACCES') : null)),
    },
    {
      step: 'writing the journal',
      message: FULL,
      arm: () => (faults.inject = (op, path) => (op === 'writeFile' && path.endsWith('asysta.przywracanie.json.tmp') ? errno('ENOSPC') : null)),
    },
    {
      step: 'swapping the files in',
      message: READ_ONLY,
      arm: () => (faults.inject = (op, path) => (op === 'rename' && /przywracanie-.*\.db\.tmp$/.test(path) ? errno('EPERM') : null)),
    },
    {
      step: 'checking the database in place',
      message: FULL,
      arm: (t) => {
        const open = Database.open.bind(Database);
        vi.spyOn(Database, 'open').mockImplementation(async (options) => {
          if (options.file === join(t.dataDir, 'asysta.db') && journalExists(t)) throw sqlite('SQLITE_FULL');
          return open(options);
        });
      },
    },
  ];

  for (const { step, olderKey, message, arm } of steps) {
    it(`${step}: says so in Polish and changes nothing`, async () => {
      const { t, file, before } = await officeAfterBackup({ olderKey });
      arm(t);
      const error = await restore(t, file);
      faults.inject = null;
      vi.restoreAllMocks();
      expect(error.code).toBe('IO_ERROR');
      expect(error.message).toContain(message);
      await expectNothingLost(t, before);
    }, 60_000);
  }

  it('when the previous data cannot be put back either, says so, and the next start puts the folder in order', async () => {
    const { t, file } = await officeAfterBackup();
    const open = Database.open.bind(Database);
    vi.spyOn(Database, 'open').mockImplementation(async (options) => {
      if (options.file === join(t.dataDir, 'asysta.db') && journalExists(t)) throw sqlite('SQLITE_FULL');
      return open(options);
    });
    faults.inject = (op, path) => (op === 'rename' && path.includes('.przed-przywroceniem-') ? errno('EROFS') : null);
    const error = await restore(t, file);
    faults.inject = null;
    vi.restoreAllMocks();
    expect(error.message).toContain('przywracania nie udało się ani dokończyć, ani cofnąć. Nic nie zostało utracone');
    // The previous data is still there, aside.
    expect(readdirSync(t.dataDir).some((f) => f.startsWith('asysta.db.przed-przywroceniem-'))).toBe(true);
    await t.backend.close();

    // The next start finishes the committed swap; the data opens, and the previous data stays aside.
    const again = testBackend(t.dataDir);
    cleanups.push(() => again.cleanup());
    expect(journalExists(again)).toBe(false);
    await again.call('session:login', { login: HEAD.login, password: HEAD.password });
    expect((await again.call('audit:verify', {})).ok).toBe(true);
    expect(readdirSync(again.dataDir).some((f) => f.startsWith('asysta.db.przed-przywroceniem-'))).toBe(true);
  }, 60_000);
});
