/**
 * `npm run bench -- server`: the same 10 000-family office (the cache of `npm run bench -- search`)
 * embedded ("Ten komputer": the SQLCipher file) and moved to an office server on this machine
 * (`npm run bench -- move`'s path: a throwaway cluster, electron/server/move.ts), measured through
 * the backend on each — zod, session, permissions, the service, the Result — as the kierownik
 * signs in: search p95, the case list's first page p95 (default input) and her tray p95, side by
 * side. On the server side the PC joins with the pairing code (setup:joinServer) and signs in with
 * her login role, as the app does. A channel that fails on an engine is named, not hidden.
 * Figures only: the machine is shared.
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend, type Backend } from '../../electron/backend';
import { ManualClock } from '../../electron/clock';
import { pairingCodeOf } from '../../electron/server/cli';
import { FAST_SCRYPT, HEAD, tempDir } from '../support/office';
import { movedBenchOffice } from './move';
import { NOW, realisticQueries } from './queries';
import { office } from './search-tray';
import { percentile } from './stats';

interface Figures {
  /** p50 and p95 in ms, or why the channel did not run. */
  [measure: string]: { p50: number; p95: number } | { error: string };
}

const SEARCHES = 600;
const REPEATS = 40;

async function measure(backend: Backend, queries: readonly string[]): Promise<Figures> {
  const figures: Figures = {};
  const time = async (label: string, runs: number, call: (i: number) => Promise<{ ok: boolean; error?: { code: string; message: string } }>) => {
    const times: number[] = [];
    try {
      for (let i = 0; i < Math.min(10, runs); i++) {
        const warm = await call(i);
        if (!warm.ok) throw new Error(`${warm.error?.code}: ${warm.error?.message}`);
      }
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        const result = await call(i);
        times.push(performance.now() - started);
        if (!result.ok) throw new Error(`${result.error?.code}: ${result.error?.message}`);
      }
      figures[label] = { p50: percentile(times, 50), p95: percentile(times, 95) };
    } catch (error) {
      figures[label] = { error: error instanceof Error ? error.message.slice(0, 160) : String(error) };
    }
  };
  await time('search (search:cases, 20 hits)', SEARCHES, (i) => backend.invoke('search:cases', { query: queries[i % queries.length]!, limit: 20 }));
  await time('case list, first page (cases:list {})', REPEATS, () => backend.invoke('cases:list', {}));
  await time("kierownik's tray (tray:get {})", REPEATS, () => backend.invoke('tray:get', {}));
  return figures;
}

function must(result: { ok: boolean; error?: { message: string } }, what: string): void {
  if (!result.ok) throw new Error(`${what}: ${result.error?.message}`);
}

export async function benchServer(): Promise<void> {
  const began = performance.now();
  const { cached } = await office();
  const queries = realisticQueries(cached.report.families, SEARCHES);
  const clock = new ManualClock(NOW);
  const moved = await movedBenchOffice();
  // The embedded side: a copy of the same office (with this build's migrations, as moved).
  const { folder } = await office();
  const embeddedDir = tempDir('asysta-bench-embedded-');
  cpSync(join(folder, 'data'), embeddedDir, { recursive: true });
  const serverPc = tempDir('asysta-bench-server-pc-');
  const results: [string, Figures][] = [];
  try {
    const embedded = createBackend({ dataDir: embeddedDir, clock, scrypt: FAST_SCRYPT, idleCheckMs: 0 });
    try {
      must(await embedded.invoke('session:login', { login: HEAD.login, password: HEAD.password }), 'embedded sign-in');
      results.push(['Ten komputer (SQLCipher)', await measure(embedded, queries)]);
    } finally {
      await embedded.close();
    }
    const remote = createBackend({ dataDir: serverPc, clock, scrypt: FAST_SCRYPT, idleCheckMs: 0 });
    try {
      must(await remote.invoke('setup:joinServer', { pairingCode: pairingCodeOf(moved.server.config) }), 'joining the server');
      must(await remote.invoke('session:login', { login: HEAD.login, password: HEAD.password }), 'server sign-in');
      results.push(['Serwer w biurze (PostgreSQL, TLS, RLS)', await measure(remote, queries)]);
    } finally {
      await remote.close();
    }
  } finally {
    await moved.close();
    rmSync(embeddedDir, { recursive: true, force: true });
    rmSync(serverPc, { recursive: true, force: true });
  }

  console.log(`\n== embedded vs office server: ${cached.report.families.length} families, the kierownik signed in, through backend.invoke (ms)`);
  const labels = Object.keys(results[0]![1]);
  const cell = (f: Figures[string] | undefined) => (!f ? '—' : 'error' in f ? 'nie działa' : `${f.p50.toFixed(1)} / ${f.p95.toFixed(1)}`);
  const width = Math.max(...labels.map((l) => l.length));
  console.log(`  ${''.padEnd(width)}  ${results.map(([name]) => name.padStart(40)).join('')}`);
  console.log(`  ${'(p50 / p95)'.padEnd(width)}`);
  for (const label of labels) console.log(`  ${label.padEnd(width)}  ${results.map(([, f]) => cell(f[label]).padStart(40)).join('')}`);
  for (const [name, figures] of results) {
    for (const [label, f] of Object.entries(figures)) if ('error' in f) console.log(`  ${name}, ${label}: did not run — ${f.error}`);
  }
  console.log(`  (move: ${(moved.result.timings.totalMs / 1000).toFixed(0)} s; bench ran ${((performance.now() - began) / 1000).toFixed(0)} s)`);
}
