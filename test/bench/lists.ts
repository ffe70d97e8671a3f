/**
 * The read models at the compass scale (issue 17): an office of 100 000 persons (about 30 000
 * families), seeded once and cached under .tmp/bench-100k/<seeder and replicator versions, seed,
 * template, persons>/ — `seedDemo` makes a template office through the real services, then
 * `replicateDemo` copies its families with bulk INSERTs until the office has the persons asked for.
 *
 * Prints p50/p95 for the case list (first page, a deep page), the tray of each role, search through
 * the backend, opening a case file, statistics for a year, and the main process's RSS after the
 * session — measured in a child process that only opens the office and runs the session's calls
 * (lists-session.ts), not in the seeding process. Also `cases:list` with default input on the
 * 10 000-family office of the search bench (the same cached office; only the first run of either
 * seeds it, 5+ minutes).
 *
 * Targets: case list page p95 ≤ 50 ms, tray p95 ≤ 50 ms, search p95 ≤ 2 ms, case file p95 ≤ 30 ms,
 * statistics ≤ 500 ms, RSS ≤ 250 MB; cases:list at 10 000 families p95 ≤ 100 ms.
 * `BENCH_PERSONS=N` for another size, `BENCH_TEMPLATE=N` for another template.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend, DB_FILE } from '../../electron/backend';
import { ManualClock } from '../../electron/clock';
import { DEMO_SEEDER_VERSION, REPLICATOR_VERSION, replicateDemo, seedDemo, type DemoReport, type ReplicateReport } from '../../electron/tools/demo';
import { FAST_SCRYPT, HEAD, OFFICE } from '../support/office';
import type { SessionResult } from './lists-session';
import { NOW } from './queries';
import { office } from './search-tray';
import { report } from './stats';

const PERSONS = Number(process.env['BENCH_PERSONS'] ?? 100_000);
const TEMPLATE = Number(process.env['BENCH_TEMPLATE'] ?? 2000);
const SEED = 1;

interface Cached100k {
  report: Pick<DemoReport, 'families' | 'staff' | 'caseloadLimit'>;
  replicated: ReplicateReport;
  seedMs: number;
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The 100 000-person office: from the cache, or made now (and cached). */
async function office100k(): Promise<{ folder: string; cached: Cached100k; seededNow: boolean }> {
  const folder = resolve('.tmp', 'bench-100k', `v${DEMO_SEEDER_VERSION}.${REPLICATOR_VERSION}-seed${SEED}-t${TEMPLATE}-p${PERSONS}`);
  const marker = join(folder, 'report.json');
  if (existsSync(marker)) return { folder, cached: JSON.parse(readFileSync(marker, 'utf8')) as Cached100k, seededNow: false };
  rmSync(folder, { recursive: true, force: true });
  const dataDir = join(folder, 'data');
  mkdirSync(dataDir, { recursive: true });
  const backend = createBackend({ dataDir, clock: new ManualClock(NOW), scrypt: FAST_SCRYPT, idleCheckMs: 0 });
  try {
    const t0 = performance.now();
    must(await backend.invoke('setup:create', { office: OFFICE, head: HEAD }));
    must(await backend.invoke('session:login', { login: HEAD.login, password: HEAD.password }));
    console.log(`Making the ${PERSONS}-person office (once; cached in ${folder}): a template of ${TEMPLATE} families through the services, then copies …`);
    const seeded = await seedDemo(backend, { families: TEMPLATE, seed: SEED, staffPassword: HEAD.password, log: (line) => console.log(`  ${line}`) });
    console.log(`  template seeded in ${(seeded.timings.totalMs / 1000).toFixed(1)} s`);
    const replicated = await replicateDemo(backend, { persons: PERSONS, seed: SEED, log: (line) => console.log(`  ${line}`) });
    const cached: Cached100k = { report: { families: seeded.families, staff: seeded.staff, caseloadLimit: seeded.caseloadLimit }, replicated, seedMs: performance.now() - t0 };
    await backend.close();
    writeFileSync(marker, JSON.stringify(cached));
    return { folder, cached, seededNow: true };
  } catch (error) {
    await backend.close();
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/** The session in a child process of its own (see lists-session.ts). */
function session(folder: string, mode: 'full' | 'case-list'): SessionResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', resolve('test/bench/lists-session.ts'), folder, mode], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const line = child.stdout.split('\n').find((l) => l.startsWith('BENCH '));
  if (child.status !== 0 || !line) throw new Error(`The bench session failed (exit ${child.status}):\n${child.stderr}\n${child.stdout}`);
  return JSON.parse(line.slice('BENCH '.length)) as SessionResult;
}

export async function benchLists(): Promise<void> {
  const big = await office100k();
  const { replicated } = big.cached;
  const mb = (file: string) => (statSync(file).size / 1024 / 1024).toFixed(0);
  console.log(`\n== the ${replicated.persons}-person office: ${replicated.families} families, ${replicated.cases} cases, database ${mb(join(big.folder, 'data', DB_FILE))} MB`);
  console.log(
    big.seededNow
      ? `  made now in ${(big.cached.seedMs / 1000).toFixed(1)} s (template ${TEMPLATE} families through the services, ${replicated.copies} copies in ${(replicated.ms / 1000).toFixed(1)} s; ${replicated.staffCreated} staff accounts added)`
      : `  from the cache (first made in ${(big.cached.seedMs / 1000).toFixed(1)} s, the copies in ${(replicated.ms / 1000).toFixed(1)} s)`,
  );
  const full = session(big.folder, 'full');
  for (const s of full.sections) report(s.title, s.rows);
  console.log(`  RSS of the session's process after the session: ${full.rssMb.toFixed(0)} MB (heap ${full.heapMb.toFixed(0)} MB; target ≤ 250 MB)`);

  const small = await office();
  const tenK = session(small.folder, 'case-list');
  for (const s of tenK.sections) report(`${small.cached.report.families.length} families: ${s.title}`, s.rows);
  console.log(`  RSS of that session's process: ${tenK.rssMb.toFixed(0)} MB`);
}
