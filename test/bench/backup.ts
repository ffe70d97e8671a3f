/**
 * The scheduled backup after a sign-in, on the search bench's 10,000-family office (issue 17, item
 * 5): the backup runs beside the login's answer and holds the database only for its snapshot, so
 * the first screen (app:status, the tray) waits for the snapshot at most, never for the file to be
 * encrypted, written and read back. Prints the login's answer, the first screen's calls made right
 * after it, and the backup's own duration.
 */
import { cpSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend, DB_FILE } from '../../electron/backend';
import { ManualClock } from '../../electron/clock';
import { FAST_SCRYPT, HEAD, tempDir } from '../support/office';
import { NOW } from './queries';
import { office } from './search-tray';
import { median, percentile, report } from './stats';

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

export async function benchBackup(rounds = 5): Promise<void> {
  const { folder } = await office();
  const work = tempDir('asysta-bench-backup-');
  const backups = tempDir('asysta-bench-kopie-');
  cpSync(join(folder, 'data'), work, { recursive: true });
  const clock = new ManualClock(NOW);
  const backend = createBackend({ dataDir: work, clock, scrypt: FAST_SCRYPT, idleCheckMs: 0 });
  try {
    must(await backend.invoke('session:login', { login: HEAD.login, password: HEAD.password }));
    must(await backend.invoke('settings:update', { backupDir: backups, backupKeep: 2, backupEveryHours: 24 }));
    must(await backend.invoke('session:logout', {}));
    const login: number[] = [];
    const firstScreen: number[] = [];
    const backup: number[] = [];
    for (let i = 0; i < rounds; i++) {
      clock.advance(25 * 3_600_000); // the last backup is older than the office's interval: one is due
      let t0 = performance.now();
      must(await backend.invoke('session:login', { login: HEAD.login, password: HEAD.password }));
      login.push(performance.now() - t0);
      // What the start page asks for at once, while the due backup runs.
      t0 = performance.now();
      must(await backend.invoke('app:status', {}));
      must(await backend.invoke('tray:get', {}));
      firstScreen.push(performance.now() - t0);
      const outcome = await backend.loginBackup;
      if (outcome?.status !== 'created') throw new Error(`backup after sign-in: ${JSON.stringify(outcome)}`);
      backup.push(outcome.result.durationMs);
      must(await backend.invoke('session:logout', {}));
    }
    report(`backup after sign-in (database ${(statSync(join(work, DB_FILE)).size / 1024 ** 2).toFixed(0)} MB)`, [
      ['login answer', median(login), percentile(login, 95)],
      ['first screen (app:status + tray) beside the backup', median(firstScreen), percentile(firstScreen, 95)],
      ['the backup itself (snapshot, file, read-back, record)', median(backup), percentile(backup, 95)],
    ]);
  } finally {
    await backend.close();
    rmSync(work, { recursive: true, force: true });
    rmSync(backups, { recursive: true, force: true });
  }
}
