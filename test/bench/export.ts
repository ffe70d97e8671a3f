/**
 * The case-file export for a court (issue 7): the full export (every part) of one case with 50
 * documents in the register, from the seeded office. Target: at most 5 s.
 *
 * The 50 register rows are real issued PDFs (the case's wniosek o przydzielenie asystenta, issued
 * through the register) stored under 50 numbers, so the merge copies 50 separate PDFs, each with
 * its own embedded fonts, as a long case file would have.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../../electron/backend';
import { ManualClock } from '../../electron/clock';
import { IssuedDocumentEntity } from '../../electron/db/entities';
import { seedDemo } from '../../electron/tools/demo';
import { EXPORT_PARTS, type ExportResult } from '../../shared/court';
import { FAST_SCRYPT, HEAD, OFFICE, tempDir } from '../support/office';
import { median, report } from './stats';

const FONT_DIR = fileURLToPath(new URL('../../electron/pdf/fonts', import.meta.url));
const WORKER_PATH = fileURLToPath(new URL('../../electron/pdf/worker.ts', import.meta.url));
const DOCUMENTS = 50;
const RUNS = 3;

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

export async function benchExport(): Promise<void> {
  const dir = tempDir('asysta-bench-export-');
  const backend = createBackend({ dataDir: dir, clock: new ManualClock('2026-06-15T08:00:00.000Z'), scrypt: FAST_SCRYPT, idleCheckMs: 0, pdfWorkerPath: WORKER_PATH, fontDir: FONT_DIR });
  try {
    must(await backend.invoke('setup:create', { office: OFFICE, head: HEAD }));
    must(await backend.invoke('session:login', { login: HEAD.login, password: HEAD.password }));
    await seedDemo(backend, { families: 12, seed: 3, staffPassword: HEAD.password });
    const cases = (must(await backend.invoke('cases:list', { pageSize: 200 })) as { rows: { id: string }[] }).rows;
    const files = await Promise.all(cases.map(async (c) => must(await backend.invoke('cases:get', { id: c.id })) as { id: string; events: unknown[]; requests: { id: string }[] }));
    const kase = files.filter((f) => f.requests.length > 0).sort((a, b) => b.events.length - a.events.length)[0]!;
    const issued = must(await backend.invoke('documents:issue', { caseId: kase.id, kind: 'assistant-request', subjectId: kase.requests[0]!.id })) as { document: { id: string } };
    const session = backend.readySession()!;
    await session.db.write(async (m) => {
      const repo = m.getRepository(IssuedDocumentEntity);
      const source = await repo.findOneByOrFail({ id: issued.document.id });
      // The seeder has issued documents of its own (opinions): number the copies after them.
      const taken = await repo.count();
      for (let n = 1; n < DOCUMENTS; n++) {
        await repo.insert({ ...source, id: randomUUID(), subjectId: randomUUID(), number: `${taken + n}/2026` });
      }
    });
    const request = must(await backend.invoke('court:create', { caseId: kase.id, court: 'Sąd Rejonowy w Bielicach', division: 'III Wydział Rodzinny i Nieletnich', caseReference: 'III Nsm 123/25', receivedOn: '2026-06-15', asks: 'both', deadline: '2026-06-29' })) as { id: string };

    const times: number[] = [];
    const stalls: number[] = [];
    let last: ExportResult | null = null;
    for (let run = 0; run < RUNS; run++) {
      const out = tempDir('asysta-bench-akta-');
      // The longest the event loop (in the app: the Electron main process) went without a turn.
      let tick = performance.now();
      let stall = 0;
      const probe = setInterval(() => {
        const now = performance.now();
        stall = Math.max(stall, now - tick);
        tick = now;
      }, 5);
      const t0 = performance.now();
      last = must(await backend.invoke('court:export', { requestId: request.id, parts: [...EXPORT_PARTS], folder: out })) as ExportResult;
      times.push(performance.now() - t0);
      clearInterval(probe);
      stalls.push(stall);
      rmSync(out, { recursive: true, force: true });
    }
    report(`export: full case file, ${DOCUMENTS} documents + every part (target ≤ 5000 ms)`, [
      [`export (${RUNS} runs, median; first ${times[0]!.toFixed(0)} ms)`, median(times), null],
      ['longest event-loop stall during an export (median)', median(stalls), null],
    ]);
    console.log(`  bundle: ${last!.bundle.pages} pages, ${(last!.bundle.bytes / 1024 / 1024).toFixed(1)} MiB; ZIP ${(last!.zip.bytes / 1024 / 1024).toFixed(1)} MiB, ${last!.files.length} files`);
  } finally {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
