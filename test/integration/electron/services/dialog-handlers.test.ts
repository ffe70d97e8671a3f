/**
 * The native pickers' channels (dialog:*) and the due backup after a sign-in: the backend picks
 * the Polish title, asks the injected dialogs, checks the answer as the channels using it will;
 * without dialogs (CLI, tests) or when cancelled it answers null.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../../electron/backend';
import { ManualClock } from '../../../../electron/clock';
import type { NativeDialogs } from '../../../../electron/services/dialog-handlers';
import { BACKUP_FILE_DIALOG_TITLE, FOLDER_DIALOG_TITLES } from '../../../../shared/dialogs';
import type { Channel, ChannelInput, ChannelOutput } from '../../../../shared/ipc';
import type { AppErrorShape, Result } from '../../../../shared/result';
import { FAST_SCRYPT, HEAD, OFFICE, tempDir } from '../../../support/backend';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

interface Asked {
  kind: 'folder' | 'file';
  title: string;
  extensions?: string[];
}

function setUp(answer: { folder?: string | null; file?: string | null; fail?: boolean } | null) {
  const dataDir = tempDir();
  const asked: Asked[] = [];
  const dialogs: NativeDialogs | undefined = answer
    ? {
        pickFolder: async (title) => {
          asked.push({ kind: 'folder', title });
          if (answer.fail) throw new Error('no display');
          return answer.folder ?? null;
        },
        pickFile: async (title, extensions) => {
          asked.push({ kind: 'file', title, extensions });
          if (answer.fail) throw new Error('no display');
          return answer.file ?? null;
        },
      }
    : undefined;
  const clock = new ManualClock('2026-03-02T08:00:00.000Z');
  const backend = createBackend({ dataDir, clock, scrypt: FAST_SCRYPT, idleCheckMs: 0, dialogs });
  cleanups.push(async () => {
    await backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const invoke = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> =>
    (await backend.invoke(channel, input)) as Result<ChannelOutput<C>>;
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await invoke(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  const fail = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<AppErrorShape> => {
    const result = await invoke(channel, input);
    if (result.ok) throw new Error(`${channel} should have been refused`);
    return result.error;
  };
  return { backend, clock, asked, call, fail };
}

async function office(t: ReturnType<typeof setUp>): Promise<void> {
  await t.call('setup:create', { office: OFFICE, head: HEAD });
  await t.call('session:login', { login: HEAD.login, password: HEAD.password });
}

describe('dialog:pickFolder', () => {
  it('shows the native picker with the title of its purpose and answers the chosen folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'asysta-kopie-'));
    cleanups.push(async () => rmSync(folder, { recursive: true, force: true }));
    const t = setUp({ folder });
    await office(t);
    expect(await t.call('dialog:pickFolder', { purpose: 'backup' })).toBe(folder);
    expect(await t.call('dialog:pickFolder', { purpose: 'export' })).toBe(folder);
    expect(t.asked).toEqual([
      { kind: 'folder', title: FOLDER_DIALOG_TITLES.backup },
      { kind: 'folder', title: FOLDER_DIALOG_TITLES.export },
    ]);
    expect(FOLDER_DIALOG_TITLES.backup).toMatch(/kopii zapasowych/);
  });

  it('answers null when cancelled or when no dialogs are injected, refuses unknown purposes and a signed-out caller', async () => {
    const cancelled = setUp({ folder: null });
    await office(cancelled);
    expect(await cancelled.call('dialog:pickFolder', { purpose: 'backup' })).toBeNull();
    const error = await cancelled.fail('dialog:pickFolder', { purpose: 'desktop' } as unknown as ChannelInput<'dialog:pickFolder'>);
    expect(error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Nieznany cel') });
    await cancelled.call('session:logout', {});
    expect(await cancelled.fail('dialog:pickFolder', { purpose: 'backup' })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(cancelled.asked).toHaveLength(1);

    const headless = setUp(null);
    await office(headless);
    expect(await headless.call('dialog:pickFolder', { purpose: 'export' })).toBeNull();
  });

  it('turns a failing picker or an unusable path into a clear Polish refusal', async () => {
    const broken = setUp({ fail: true });
    await office(broken);
    expect(await broken.fail('dialog:pickFolder', { purpose: 'backup' })).toEqual({ code: 'IO_ERROR', message: 'Nie udało się otworzyć okna wyboru folderu. Spróbuj ponownie.' });
    const relative = setUp({ folder: 'kopie/dzisiejsze' });
    await office(relative);
    expect(await relative.fail('dialog:pickFolder', { purpose: 'backup' })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Folder kopii zapasowych: podaj pełną ścieżkę') });
  });
});

describe('dialog:pickBackupFile', () => {
  it('offers .asb files while nobody is signed in, and only then', async () => {
    const t = setUp({ file: '/media/pendrive/asysta-kopia-2026-03-01T0800.asb' });
    await office(t);
    expect(await t.fail('dialog:pickBackupFile', {})).toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('Wyloguj się') });
    expect(t.asked).toEqual([]);
    await t.call('session:logout', {});
    expect(await t.call('dialog:pickBackupFile', {})).toBe('/media/pendrive/asysta-kopia-2026-03-01T0800.asb');
    expect(t.asked).toEqual([{ kind: 'file', title: BACKUP_FILE_DIALOG_TITLE, extensions: ['asb'] }]);
  });

  it('answers null without injected dialogs (also before set-up)', async () => {
    const t = setUp(null);
    expect(await t.call('dialog:pickBackupFile', {})).toBeNull();
  });
});

describe('the due backup after a sign-in', () => {
  it('runs beside the login when the last backup is older than the schedule, and not again when it is fresh', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'asysta-kopie-'));
    cleanups.push(async () => rmSync(folder, { recursive: true, force: true }));
    const t = setUp(null);
    await office(t);
    // No folder yet: nothing to do.
    expect(await t.backend.loginBackup).toEqual({ status: 'no_folder' });
    await t.call('settings:update', { backupDir: folder, backupEveryHours: 24 });
    await t.call('session:logout', {});
    await t.call('session:login', { login: HEAD.login, password: HEAD.password });
    const outcome = await t.backend.loginBackup;
    expect(outcome?.status).toBe('created');
    const result = outcome?.status === 'created' ? outcome.result : null;
    expect(result && existsSync(join(folder, result.fileName))).toBe(true);

    // Signed in again an hour later: the backup is fresh.
    await t.call('session:logout', {});
    t.clock.advance(3_600_000);
    await t.call('session:login', { login: HEAD.login, password: HEAD.password });
    expect(await t.backend.loginBackup).toMatchObject({ status: 'not_due' });

    // A day later it is due again.
    await t.call('session:logout', {});
    t.clock.advance(24 * 3_600_000);
    await t.call('session:login', { login: HEAD.login, password: HEAD.password });
    expect((await t.backend.loginBackup)?.status).toBe('created');
    const entries = await t.call('audit:list', { action: 'backup.create' });
    expect(entries.map((e) => e.details['trigger'])).toEqual(['schedule', 'schedule']);
    const status = await t.call('backup:status', {});
    expect(status.warning).toBe(false);
  });
});
