/**
 * PDF benchmark: `npm run bench -- pdf` (or npx tsx test/bench/pdf.ts)
 *
 * Prints the median warm render time of the kontrakt socjalny and of a 5-page plan pracy,
 * in-process and through the worker (PdfService), and the longest main-thread stall while
 * the worker renders. Targets: kontrakt ≤ 100 ms, 5-page plan ≤ 500 ms, stall ≤ 50 ms.
 * Prints figures only; asserts nothing.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { PdfService } from '../../electron/pdf/pdf-service';
import { renderDocument } from '../../electron/pdf/render';
import type { DocumentKind, DocumentModels } from '../../electron/pdf/models';
import { planWithTasks, socialContractA } from '../fixtures/pdf/models';

const FONT_DIR = fileURLToPath(new URL('../../electron/pdf/fonts', import.meta.url));
const WORKER_PATH = fileURLToPath(new URL('../../electron/pdf/worker.ts', import.meta.url));
const WARM_UP = 5;
const RUNS = 31;

function pageCount(bytes: Uint8Array): number {
  return [...Buffer.from(bytes).toString('latin1').matchAll(/\/Type\s*\/Page\b(?!s)/g)].length;
}

function stats(samples: number[]): { median: number; p90: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p90: at(0.9), max: sorted[sorted.length - 1] ?? Number.NaN };
}

async function time(runs: number, render: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await render();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Fewest tasks that make the plan 5 pages long. */
async function fivePagePlan(): Promise<{ tasks: number; model: DocumentModels['family-work-plan'] }> {
  for (let tasks = 10; tasks <= 200; tasks += 2) {
    const model = planWithTasks(tasks);
    if (pageCount(await renderDocument('family-work-plan', model, { fontDir: FONT_DIR })) >= 5) return { tasks, model };
  }
  throw new Error('no plan of 5 pages found');
}

const line = (label: string, samples: number[], target: number): string => {
  const { median, p90, max } = stats(samples);
  const verdict = median <= target ? 'ok' : 'OVER TARGET';
  return `${label.padEnd(34)} median ${median.toFixed(1).padStart(6)} ms   p90 ${p90.toFixed(1).padStart(6)} ms   max ${max.toFixed(1).padStart(6)} ms   (target ≤ ${target} ms: ${verdict})`;
};

export async function benchPdf(): Promise<void> {
  console.log(`\nPDF rendering — Node ${process.version}, ${RUNS} warm runs after ${WARM_UP} warm-up renders\n`);

  const coldStart = performance.now();
  const first = await renderDocument('social-contract', socialContractA, { fontDir: FONT_DIR });
  console.log(`cold first render (fonts + modules): ${(performance.now() - coldStart).toFixed(0)} ms`);
  const plan = await fivePagePlan();
  const planBytes = await renderDocument('family-work-plan', plan.model, { fontDir: FONT_DIR });
  console.log(
    `kontrakt socjalny: ${pageCount(first)} pages (2 copies); plan pracy: ${plan.tasks} tasks → ${pageCount(planBytes)} pages\n`,
  );

  // CPU time of this process per render as well: on a shared, loaded machine wall time mostly
  // measures waiting for a core, CPU time the work itself (it includes V8's GC helper threads).
  const cpu: number[] = [];
  const inProcess = async <K extends DocumentKind>(kind: K, model: DocumentModels[K]): Promise<number[]> => {
    await time(WARM_UP, () => renderDocument(kind, model, { fontDir: FONT_DIR }));
    cpu.length = 0;
    return time(RUNS, async () => {
      const before = process.cpuUsage();
      await renderDocument(kind, model, { fontDir: FONT_DIR });
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
    });
  };
  const cpuLine = (): string => `${'    CPU time'.padEnd(34)} median ${stats(cpu).median.toFixed(1).padStart(6)} ms   min ${Math.min(...cpu).toFixed(1).padStart(6)} ms`;
  console.log('In-process (the calling thread is busy for this long):');
  console.log(line('  kontrakt socjalny', await inProcess('social-contract', socialContractA), 100));
  console.log(cpuLine());
  console.log(line('  plan pracy, 5 pages', await inProcess('family-work-plan', plan.model), 500));
  console.log(cpuLine());

  const service = new PdfService({ workerPath: WORKER_PATH, fontDir: FONT_DIR });
  try {
    const warmStart = performance.now();
    await service.warmUp();
    console.log(`\nWorker start + warm-up: ${(performance.now() - warmStart).toFixed(0)} ms`);
    const viaWorker = async <K extends DocumentKind>(kind: K, model: DocumentModels[K]): Promise<number[]> => {
      await time(WARM_UP, () => service.render(kind, model));
      return time(RUNS, () => service.render(kind, model));
    };
    console.log('Through the worker (round trip, bytes transferred back):');
    console.log(line('  kontrakt socjalny', await viaWorker('social-contract', socialContractA), 100));

    // The main-thread stall is measured while the worker renders the plan.
    const delay = monitorEventLoopDelay({ resolution: 1 });
    let probeMax = 0;
    let last = performance.now();
    const probe = setInterval(() => {
      const now = performance.now();
      probeMax = Math.max(probeMax, now - last);
      last = now;
    }, 2);
    delay.enable();
    const planSamples = await viaWorker('family-work-plan', plan.model);
    delay.disable();
    clearInterval(probe);
    console.log(line('  plan pracy, 5 pages', planSamples, 500));

    const stallMs = delay.max / 1e6;
    const verdict = stallMs <= 50 ? 'ok' : 'OVER TARGET';
    console.log(
      `\nMain thread while the worker rendered ${WARM_UP + RUNS} plans: longest event-loop stall ${stallMs.toFixed(1)} ms` +
        ` (monitorEventLoopDelay), longest gap between 2 ms timer ticks ${probeMax.toFixed(1)} ms (target ≤ 50 ms: ${verdict})`,
    );
  } finally {
    await service.close();
  }
}

// Run directly (npx tsx test/bench/pdf.ts) as well as from run.ts.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await benchPdf();
