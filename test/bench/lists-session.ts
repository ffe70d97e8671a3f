/**
 * The session of the lists bench, run in a child process of its own (`node --import tsx`), so that
 * the RSS it reports is the main process's after a working session — opening the office and the
 * session's calls — not the seeder's. Prints one line `BENCH {json}` with its figures.
 *
 * Arguments: the cached office's folder, and what to run: `full` (every measure of the 100 000-person
 * office) or `case-list` (cases:list with default input only: the 10 000-family office).
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../../electron/backend';
import { ManualClock } from '../../electron/clock';
import type { DemoReport } from '../../electron/tools/demo';
import type { Channel, ChannelInput } from '../../shared/ipc';
import { FAST_SCRYPT, HEAD, tempDir } from '../support/office';
import { NOW, realisticQueries } from './queries';
import { median, percentile } from './stats';

export type BenchRow = [label: string, medianMs: number, p95Ms: number];
export interface SessionResult {
  sections: { title: string; rows: BenchRow[] }[];
  notes: string[];
  rssMb: number;
  heapMb: number;
}

const RUNS = 40;
const [folder, mode] = process.argv.slice(2) as [string, 'full' | 'case-list'];
const cached = JSON.parse(readFileSync(join(folder, 'report.json'), 'utf8')) as { report: Pick<DemoReport, 'families' | 'staff'> };
const work = tempDir('asysta-bench-lists-');
cpSync(join(folder, 'data'), work, { recursive: true });
const backend = createBackend({ dataDir: work, clock: new ManualClock(NOW), scrypt: FAST_SCRYPT, idleCheckMs: 0 });

async function must<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<unknown> {
  const result = await backend.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** Each input once as warm-up, then `runs` timed calls cycling through the inputs. */
async function time<C extends Channel>(channel: C, inputs: readonly ChannelInput<C>[], runs = RUNS): Promise<number[]> {
  for (const input of inputs.slice(0, 20)) await must(channel, input);
  const times: number[] = [];
  for (let i = 0; i < Math.max(runs, inputs.length); i++) {
    const t0 = performance.now();
    await must(channel, inputs[i % inputs.length]!);
    times.push(performance.now() - t0);
  }
  return times;
}

const row = (label: string, times: number[]): BenchRow => [label, median(times), percentile(times, 95)];

try {
  const { families, staff } = cached.report;
  const worker = staff.find((s) => s.created && s.roles.includes('social_worker'))!;
  const assistant = staff.find((s) => s.created && s.roles.includes('family_assistant'))!;
  const result: SessionResult = { sections: [], notes: [], rssMb: 0, heapMb: 0 };
  await must('session:login', { login: HEAD.login, password: HEAD.password });
  const first = (await must('cases:list', {})) as { total: number; pageSize: number };
  const pages = Math.ceil(first.total / first.pageSize);
  if (mode === 'case-list') {
    result.sections.push({ title: `case list, ${first.total} cases (target p95 ≤ 100 ms at 10 000 families)`, rows: [row('kierownik, cases:list with default input', await time('cases:list', [{}]))] });
  } else {
    const listHead = [row('kierownik, first page (default input)', await time('cases:list', [{}])), row(`kierownik, deep page (${pages - 3} of ${pages})`, await time('cases:list', [{ page: Math.max(1, pages - 3) }]))];
    listHead.push(row('kierownik, by name A→Ż, page 100', await time('cases:list', [{ sort: 'familyName', direction: 'asc', page: 100 }])));
    listHead.push(row('kierownik, text "Kowal"', await time('cases:list', [{ q: 'Kowal' }])));
    const trayHead = await time('tray:get', [{}], 30);
    const queries = realisticQueries(families, 1200);
    const searchHead = await time(
      'search:cases',
      queries.map((query) => ({ query, limit: 20 })),
    );
    // Opening a case file: what the page asks for (cases:get), on cases spread over the office.
    const list = (await must('cases:list', { pageSize: 200, page: Math.floor(pages / 8) })) as { rows: { id: string }[] };
    const caseFile = await time('cases:get', list.rows.map((r) => ({ id: r.id })), 200);
    const statsYear = await time('stats:get', [{ from: '2025-01-01', to: '2025-12-31' }], 10);
    // The courts' letters ("Sądy"): what the page asks for first, and every letter, a page deep.
    const letters = (await must('court:list', { status: 'open' })) as { total: number; pageSize: number };
    const allLetters = (await must('court:list', {})) as { total: number; pageSize: number };
    const courtHead = [
      row(`kierownik, open letters, first page (${letters.total} open)`, await time('court:list', [{ status: 'open' }])),
      row(`kierownik, all letters, last page (${allLetters.total} in all)`, await time('court:list', [{ page: Math.max(1, Math.ceil(allLetters.total / allLetters.pageSize)) }])),
    ];
    await must('session:logout', {});

    await must('session:login', { login: worker.login, password: HEAD.password });
    const workerList = await time('cases:list', [{}]);
    const courtWorker = await time('court:list', [{ status: 'open' }]);
    const trayWorker = await time('tray:get', [{}], 30);
    const searchWorker = await time(
      'search:cases',
      queries.slice(0, 600).map((query) => ({ query, limit: 20 })),
    );
    await must('session:logout', {});
    await must('session:login', { login: assistant.login, password: HEAD.password });
    const trayAssistant = await time('tray:get', [{}], 30);
    await must('session:logout', {});

    result.sections.push({ title: 'case list page (target p95 ≤ 50 ms)', rows: [...listHead, row(`social worker ${worker.login}, first page`, workerList)] });
    result.sections.push({ title: 'court letters page, court:list (target p95 ≤ 50 ms, as the case list)', rows: [...courtHead, row(`social worker ${worker.login}, open letters`, courtWorker)] });
    result.sections.push({ title: 'work tray (target p95 ≤ 50 ms)', rows: [row('kierownik (her decisions, office tray, caseloads)', trayHead), row('social worker', trayWorker), row('family assistant', trayAssistant)] });
    result.sections.push({ title: 'search through the backend (target p95 ≤ 2 ms)', rows: [row(`kierownik, ${queries.length} typed queries`, searchHead), row('social worker, 600 queries', searchWorker)] });
    result.sections.push({ title: 'opening a case file, cases:get (target p95 ≤ 30 ms)', rows: [row(`kierownik, ${list.rows.length} cases`, caseFile)] });
    result.sections.push({ title: 'statistics for a year, stats:get 2025 (target ≤ 500 ms)', rows: [row('kierownik', statsYear)] });
  }
  const memory = process.memoryUsage();
  result.rssMb = memory.rss / 1024 / 1024;
  result.heapMb = memory.heapUsed / 1024 / 1024;
  console.log(`BENCH ${JSON.stringify(result)}`);
} finally {
  await backend.close();
  rmSync(work, { recursive: true, force: true });
}
