/**
 * Issue 14's figures: how long a key change (SQLCipher re-key of the whole database, every slot
 * re-sealed) takes on a seeded office, and how many passwords per second an attacker at the
 * sign-in screen gets evaluated.
 *
 *   npm run bench -- keys                      (an office grown to 277 MB, the 10,000-family office's size)
 *   BENCH_FAMILIES=10000 npm run bench -- keys (the seeded office, cached like the search bench's)
 */
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../../electron/backend';
import { ManualClock } from '../../electron/clock';
import { localDatabase } from '../../electron/db/database';
import { DEFAULT_SCRYPT, burnScrypt } from '../../electron/db/keyring';
import { FAST_SCRYPT, HEAD, OFFICE, tempDir } from '../support/office';
import { NOW } from './queries';
import { office } from './search-tray';

/**
 * The seeded office when BENCH_FAMILIES is set (cached like the search bench's), otherwise an
 * office grown to the 10,000-family office's size (277 MB) with filler pages: a re-key rewrites
 * every page whatever it holds, so its time depends on the file's size only.
 */
async function rekeyTime(): Promise<void> {
  const dataDir = tempDir('asysta-bench-keys-');
  let label: string;
  if (process.env['BENCH_FAMILIES']) {
    const { folder } = await office();
    cpSync(join(folder, 'data'), dataDir, { recursive: true });
    label = folder.split('/').pop() ?? folder;
  } else {
    const seeder = createBackend({ dataDir, clock: new ManualClock(NOW), idleCheckMs: 0, scrypt: FAST_SCRYPT });
    must(await seeder.invoke('setup:create', { office: OFFICE, head: HEAD }));
    must(await seeder.invoke('session:login', { login: HEAD.login, password: HEAD.password }));
    const db = localDatabase(seeder.readySession()!.db);
    await db.dataSource.query('CREATE TABLE bench_filler (id INTEGER PRIMARY KEY, body BLOB)');
    const rows = Math.round((277 * 1e6) / 4000);
    for (let from = 0; from < rows; from += 5000) {
      await db.write((m) => m.query(`INSERT INTO bench_filler (body) SELECT randomblob(4000) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) SELECT i FROM n)`, [Math.min(5000, rows - from)]));
    }
    await seeder.close();
    label = 'an office grown to 277 MB';
  }
  const bytes = readdirSync(dataDir).reduce((sum, f) => sum + statSync(join(dataDir, f)).size, 0);
  const backend = createBackend({ dataDir, clock: new ManualClock(NOW), idleCheckMs: 0, scrypt: FAST_SCRYPT });
  try {
    must(await backend.invoke('session:login', { login: HEAD.login, password: HEAD.password }));
    const times: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const t0 = performance.now();
      must(await backend.invoke('backup:rekey', { destroyBackupsBefore: null }));
      times.push(performance.now() - t0);
    }
    const median = [...times].sort((a, b) => a - b)[1]!;
    const mb = bytes / 1e6;
    console.log(`\n== key change (backup:rekey) on ${label} (${mb.toFixed(0)} MB)`);
    console.log(`  runs: ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')}; median ${(median / 1000).toFixed(2)} s = ${(mb / (median / 1000)).toFixed(0)} MB/s`);
    if (Math.abs(mb - 277) > 20) console.log(`  extrapolated to 277 MB: ${((277 / mb) * (median / 1000)).toFixed(1)} s`);
  } finally {
    await backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** An attacker firing wrong passwords as fast as the sign-in screen answers, for `seconds`. */
async function attackRate(seconds = 20): Promise<void> {
  const dataDir = tempDir('asysta-bench-attack-');
  const backend = createBackend({ dataDir, idleCheckMs: 0 });
  try {
    const setup = await backend.invoke('setup:create', { office: OFFICE, head: HEAD });
    if (!setup.ok) throw new Error(setup.error.message);
    // Before (no queue, no lasting delay): 50 parallel guesses were all evaluated, as fast as scrypt runs on the thread pool.
    let t0 = performance.now();
    await Promise.all(Array.from({ length: 50 }, (_, i) => burnScrypt(`zle-haslo-${i}`, DEFAULT_SCRYPT)));
    const before = 50 / ((performance.now() - t0) / 1000);
    // After: the real sign-in screen, attacked with 50 parallel guesses at a time, rotating logins.
    let evaluated = 0;
    let refused = 0;
    t0 = performance.now();
    let round = 0;
    while (performance.now() - t0 < seconds * 1000) {
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => backend.invoke('session:login', { login: i % 2 ? HEAD.login : `inny${round}x${i}`, password: `zle-haslo-${round}-${i}` })));
      for (const r of results) {
        if (!r.ok && r.error.code === 'WRONG_PASSWORD') evaluated += 1;
        else refused += 1;
      }
      round += 1;
    }
    const elapsed = (performance.now() - t0) / 1000;
    console.log('\n== password guesses at the sign-in screen (real scrypt N=2^16, r=8)');
    console.log(`  before (all parallel attempts evaluated): ${before.toFixed(1)} guesses/s on this machine`);
    console.log(`  after: ${evaluated} evaluated, ${refused} refused in ${elapsed.toFixed(1)} s = ${(evaluated / elapsed).toFixed(2)} guesses/s (falls to 1/min as the delay grows)`);
  } finally {
    await backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchKeys(): Promise<void> {
  await attackRate(Number(process.env['BENCH_ATTACK_SECONDS'] ?? 20));
  await rekeyTime();
}
