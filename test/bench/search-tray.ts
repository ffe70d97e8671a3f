/**
 * Search, the work tray and what encryption costs them, on a 10,000-family office (issue 8).
 * Targets: search p95 ≤ 2 ms through the backend; tray ≤ 50 ms; encrypted ÷ plain ≤ 1.15.
 *
 * The seeded office is cached under .tmp/bench-10k/<seeder version, seed, size>/ (git-ignored), so
 * only the first run seeds; every run works on a copy of it.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { createBackend, DB_FILE, type Backend } from '../../electron/backend';
import { ManualClock } from '../../electron/clock';
import { Database } from '../../electron/db/database';
import { DEMO_SEEDER_VERSION, seedDemo, type DemoReport } from '../../electron/tools/demo';
import { collectDeadlines } from '../../electron/data/queries/tray';
import { SearchService } from '../../electron/services/search';
import { TrayService } from '../../electron/services/tray';
import type { Actor } from '../../electron/services/cases';
import type { SessionUser } from '../../shared/ipc';
import { FAST_SCRYPT, HEAD, OFFICE, tempDir } from '../support/office';
import { NOW, realisticQueries } from './queries';
import { median, percentile, report } from './stats';

const FAMILIES = Number(process.env['BENCH_FAMILIES'] ?? 10_000);
const SEED = 1;
const STAFF_PASSWORD = HEAD.password;

interface Cached {
  report: Pick<DemoReport, 'families' | 'staff' | 'steps' | 'timings' | 'caseloadLimit'>;
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The seeded office: from the cache, or seeded now (and cached). */
export async function office(): Promise<{ folder: string; cached: Cached; seededNow: boolean }> {
  const folder = resolve('.tmp', 'bench-10k', `v${DEMO_SEEDER_VERSION}-seed${SEED}-n${FAMILIES}`);
  const marker = join(folder, 'report.json');
  if (existsSync(marker)) return { folder, cached: JSON.parse(readFileSync(marker, 'utf8')) as Cached, seededNow: false };
  rmSync(folder, { recursive: true, force: true });
  const dataDir = join(folder, 'data');
  mkdirSync(dataDir, { recursive: true });
  const backend = createBackend({ dataDir, clock: new ManualClock(NOW), scrypt: FAST_SCRYPT, idleCheckMs: 0 });
  try {
    must(await backend.invoke('setup:create', { office: OFFICE, head: HEAD }));
    must(await backend.invoke('session:login', { login: HEAD.login, password: HEAD.password }));
    console.log(`Seeding ${FAMILIES} families (once; cached in ${folder}) …`);
    const seeded = await seedDemo(backend, { families: FAMILIES, seed: SEED, staffPassword: STAFF_PASSWORD, log: (line) => console.log(`  ${line}`) });
    const cached: Cached = { report: { families: seeded.families, staff: seeded.staff, steps: seeded.steps, timings: seeded.timings, caseloadLimit: seeded.caseloadLimit } };
    await backend.close();
    writeFileSync(marker, JSON.stringify(cached));
    return { folder, cached, seededNow: true };
  } catch (error) {
    await backend.close();
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The main process's CPU time per call (user + system), beside the wall time: on a machine loaded
 * by other work the wall time's tail is the scheduler's, the CPU time stays the query's own.
 */
async function cpuEach(queries: readonly string[], run: (q: string) => Promise<unknown> | unknown): Promise<number[]> {
  const times: number[] = [];
  for (const q of queries) {
    const before = process.cpuUsage();
    await run(q);
    const used = process.cpuUsage(before);
    times.push((used.user + used.system) / 1000);
  }
  return times;
}

async function timeEach(queries: readonly string[], run: (q: string) => Promise<unknown> | unknown): Promise<number[]> {
  const times: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    await run(q);
    times.push(performance.now() - t0);
  }
  return times;
}

/** A plain (unencrypted) copy of the database, only to measure what encryption costs. */
function plainCopy(encrypted: string, plain: string, masterKey: Buffer): void {
  cpSync(encrypted, plain);
  const db = new Sqlite(plain);
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${masterKey.toString('hex')}'"`);
  db.pragma('journal_mode = DELETE');
  db.pragma(`rekey=''`);
  db.close();
}

export async function benchSearchTray(): Promise<void> {
  const began = performance.now();
  const { folder, cached, seededNow } = await office();
  const work = tempDir('asysta-bench-search-');
  cpSync(join(folder, 'data'), work, { recursive: true });
  const clock = new ManualClock(NOW);
  const backend: Backend = createBackend({ dataDir: work, clock, scrypt: FAST_SCRYPT, idleCheckMs: 0 });
  try {
    const { families, staff } = cached.report;
    const queries = realisticQueries(families, 1200);
    const worker = staff.find((s) => s.created && s.roles.includes('social_worker'))!;
    const assistant = staff.find((s) => s.created && s.roles.includes('family_assistant'))!;

    // Through the backend: zod, session and permission checks, the service, the Result.
    must(await backend.invoke('session:login', { login: HEAD.login, password: HEAD.password }));
    for (const q of queries.slice(0, 100)) await backend.invoke('search:cases', { query: q }); // warm-up
    const viaBackend = await timeEach(queries, async (q) => must(await backend.invoke('search:cases', { query: q, limit: 20 })));
    const cpuHead = await cpuEach(queries, async (q) => must(await backend.invoke('search:cases', { query: q, limit: 20 })));
    const hits = (await Promise.all(queries.slice(0, 200).map((q) => backend.invoke('search:cases', { query: q, limit: 20 })))).map((r) => (r.ok ? (r.value as unknown[]).length : 0));
    const session = backend.readySession()!;
    const search = new SearchService();
    const trayHead: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      must(await backend.invoke('tray:get', {}));
      trayHead.push(performance.now() - t0);
    }
    const headTray = must(await backend.invoke('tray:get', {})) as { office: { groups: { total: number }[] } };
    // The case file's deadlines (CasesService.deadlines) read the same rules for one case.
    const someCases = families.filter((_, i) => i % 50 === 0).map((f) => f.caseId);
    const caseDeadlines = await timeEach(someCases, (id) => session.db.read(async (m) => collectDeadlines(m, { kind: 'case', caseId: id })));
    must(await backend.invoke('session:logout', {}));

    must(await backend.invoke('session:login', { login: worker.login, password: STAFF_PASSWORD }));
    const viaBackendWorker = await timeEach(queries, async (q) => must(await backend.invoke('search:cases', { query: q, limit: 20 })));
    const cpuWorker = await cpuEach(queries, async (q) => must(await backend.invoke('search:cases', { query: q, limit: 20 })));
    const trayWorker: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      must(await backend.invoke('tray:get', {}));
      trayWorker.push(performance.now() - t0);
    }
    must(await backend.invoke('session:logout', {}));
    must(await backend.invoke('session:login', { login: assistant.login, password: STAFF_PASSWORD }));
    const trayAssistant: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      must(await backend.invoke('tray:get', {}));
      trayAssistant.push(performance.now() - t0);
    }
    must(await backend.invoke('session:logout', {}));

    // Encrypted vs plain: the same service on the same data, with and without the cipher.
    const keyring = await backend.readKeyring();
    const masterKey = (await backend.unwrapWithPassword(keyring, HEAD.login, HEAD.password))!;
    await backend.close();
    const encryptedFile = join(work, DB_FILE);
    const plainFile = join(work, 'plain.db');
    plainCopy(encryptedFile, plainFile, masterKey);
    const head: Actor = {
      user: { id: staff.find((s) => s.roles.includes('head'))!.id, login: HEAD.login, firstName: HEAD.firstName, lastName: HEAD.lastName, roles: ['head'] } satisfies SessionUser,
      settings: { caseloadLimit: cached.report.caseloadLimit } as Actor['settings'],
    };
    const tray = new TrayService(clock);
    const measure = async (file: string, unencrypted: boolean) => {
      const db = await Database.open({ file, masterKey, unencrypted });
      try {
        for (const q of queries.slice(0, 100)) await db.read(async (m) => search.search(m, q, 20, head));
        const searchTimes = await timeEach(queries, (q) => db.read(async (m) => search.search(m, q, 20, head)));
        const trayTimes: number[] = [];
        for (let i = 0; i < 20; i++) {
          const t0 = performance.now();
          await db.read(async (m) => tray.get(m, head, { limit: 200, pages: {} }));
          trayTimes.push(performance.now() - t0);
        }
        return { searchTimes, trayTimes };
      } finally {
        await db.close();
      }
    };
    // Alternate, twice each, so that neither side gets only the warm or the noisy moments.
    const enc1 = await measure(encryptedFile, false);
    const plain1 = await measure(plainFile, true);
    const enc2 = await measure(encryptedFile, false);
    const plain2 = await measure(plainFile, true);
    masterKey.fill(0);
    const encSearch = [...enc1.searchTimes, ...enc2.searchTimes];
    const plainSearch = [...plain1.searchTimes, ...plain2.searchTimes];
    const encTray = [...enc1.trayTimes, ...enc2.trayTimes];
    const plainTray = [...plain1.trayTimes, ...plain2.trayTimes];

    const mb = (file: string) => (statSync(file).size / 1024 / 1024).toFixed(0);
    console.log(`\n== search and work tray: ${families.length} families, ${staff.length} staff, database ${mb(encryptedFile)} MB`);
    if (seededNow) {
      const t = cached.report.timings;
      console.log(`  seeded now: ${cached.report.steps} steps in ${(t.totalMs / 1000).toFixed(1)} s (plan ${(t.planMs / 1000).toFixed(1)} s, staff ${(t.staffMs / 1000).toFixed(1)} s, steps ${(t.seedMs / 1000).toFixed(1)} s)`);
    } else {
      console.log(`  seeded office from the cache (first seeding: ${(cached.report.timings.totalMs / 1000).toFixed(1)} s for ${cached.report.steps} steps)`);
    }
    console.log(`  ${queries.length} queries; results per query (first 200): median ${median(hits)}, max ${Math.max(...hits)}; office tray items: ${headTray.office.groups.map((g) => g.total).join(' / ')} (overdue / 7 days / later)`);
    report('search (target p95 ≤ 2 ms via the backend)', [
      ['via backend.invoke, kierownik (all cases)', median(viaBackend), percentile(viaBackend, 95)],
      ['via backend.invoke, social worker (her cases)', median(viaBackendWorker), percentile(viaBackendWorker, 95)],
      ['the same, CPU time of the process: kierownik', median(cpuHead), percentile(cpuHead, 95)],
      ['the same, CPU time of the process: social worker', median(cpuWorker), percentile(cpuWorker, 95)],
    ]);
    report('work tray via backend.invoke (target ≤ 50 ms)', [
      ['kierownik (office tray + caseloads)', median(trayHead), percentile(trayHead, 95)],
      [`social worker (${families.filter((f) => f.workerLogin === worker.login).length} cases)`, median(trayWorker), percentile(trayWorker, 95)],
      ['family assistant', median(trayAssistant), percentile(trayAssistant, 95)],
      [`one case's deadlines (case file; ${someCases.length} cases)`, median(caseDeadlines), percentile(caseDeadlines, 95)],
    ]);
    report('encryption (SearchService / TrayService on the same data; target ≤ 1.15×)', [
      ['search, encrypted', median(encSearch), percentile(encSearch, 95)],
      ['search, plain copy', median(plainSearch), percentile(plainSearch, 95)],
      ['office tray, encrypted', median(encTray), percentile(encTray, 95)],
      ['office tray, plain copy', median(plainTray), percentile(plainTray, 95)],
    ]);
    const ratio = (a: number[], b: number[], p: number) => (percentile(a, p) / percentile(b, p)).toFixed(2);
    console.log(`  encrypted ÷ plain: search median ${ratio(encSearch, plainSearch, 50)}×, p95 ${ratio(encSearch, plainSearch, 95)}×; tray median ${ratio(encTray, plainTray, 50)}×`);
    console.log(`  (bench ran ${((performance.now() - began) / 1000).toFixed(0)} s)`);
  } finally {
    await backend.close();
    rmSync(work, { recursive: true, force: true });
  }
}
