/**
 * PdfService: rendering on a worker thread (started from the TypeScript source through tsx),
 * same bytes as in-process, progress, queue limit, errors, timeout and restart, and a main
 * thread that stays responsive while a long plan renders.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { PdfService, PdfServiceError } from '../../../../electron/pdf/pdf-service';
import type { RenderProgress } from '../../../../electron/pdf/pdf-service';
import { renderDocument } from '../../../../electron/pdf/render';
import { planWithTasks, socialContractA, socialContractB, workPlan } from '../../../fixtures/pdf/models';
import { FONT_DIR, WORKER_PATH, readPdf } from './pdf-helpers';

const services: PdfService[] = [];
function service(options: { maxQueue?: number } = {}): PdfService {
  const created = new PdfService({ workerPath: WORKER_PATH, fontDir: FONT_DIR, ...options });
  services.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(services.splice(0).map((created) => created.close()));
});

describe('PdfService (worker thread)', () => {
  it('renders the same bytes as rendering in-process', async () => {
    const pdf = service();
    const fromWorker = await pdf.render('social-contract', socialContractA);
    const inProcess = await renderDocument('social-contract', socialContractA, { fontDir: FONT_DIR });
    expect(fromWorker).toBeInstanceOf(Uint8Array);
    expect(Buffer.compare(fromWorker, inProcess)).toBe(0);
    expect((await readPdf(fromWorker)).text).toContain('KONTRAKT SOCJALNY');
  });

  it('reports queued → rendering → done, one document at a time', async () => {
    const pdf = service();
    await pdf.warmUp();
    const first: RenderProgress[] = [];
    const second: RenderProgress[] = [];
    const jobs = [
      pdf.render('family-work-plan', workPlan, { onProgress: (progress) => first.push(progress) }),
      pdf.render('social-contract', socialContractB, { onProgress: (progress) => second.push(progress) }),
    ];
    expect(pdf.pending).toBe(2);
    await Promise.all(jobs);
    expect(first.map((progress) => progress.stage)).toEqual(['queued', 'rendering', 'done']);
    expect(second[0]).toEqual({ stage: 'queued', ahead: 1 });
    expect(second.map((progress) => progress.stage).slice(-2)).toEqual(['rendering', 'done']);
    expect(pdf.pending).toBe(0);
  });

  it('refuses work beyond the queue limit, with a Polish message', async () => {
    const pdf = service({ maxQueue: 1 });
    const printing = pdf.render('social-contract', socialContractA);
    const waiting = pdf.render('social-contract', socialContractA);
    const refused = pdf.render('social-contract', socialContractA);
    await expect(refused).rejects.toMatchObject({ code: 'QUEUE_FULL', message: expect.stringMatching(/Poczekaj chwilę/) });
    await Promise.all([printing, waiting]);
  });

  it('returns an unprintable model as INVALID_MODEL and keeps working', async () => {
    const pdf = service();
    const bad = { ...socialContractB, clients: socialContractA.clients };
    await expect(pdf.render('social-contract', bad)).rejects.toMatchObject({ code: 'INVALID_MODEL' });
    const bytes = await pdf.render('social-contract', socialContractB);
    expect(bytes.byteLength).toBeGreaterThan(1000);
  });

  it('abandons a document that takes too long, restarts the worker, prints the next one', async () => {
    const pdf = service();
    await pdf.warmUp();
    const slow = pdf.render('family-work-plan', planWithTasks(300), { timeoutMs: 50 }).catch((caught: unknown) => caught);
    const next = pdf.render('social-contract', socialContractA);
    const error = await slow;
    expect(error).toBeInstanceOf(PdfServiceError);
    expect((error as PdfServiceError).code).toBe('TIMEOUT');
    // The stuck worker was terminated; a new one prints the next document.
    await expect(next).resolves.toBeInstanceOf(Uint8Array);
  });

  it('rejects queued documents on close', async () => {
    const pdf = service();
    const first = expect(pdf.render('social-contract', socialContractA)).rejects.toMatchObject({ code: 'CLOSED' });
    const second = expect(pdf.render('social-contract', socialContractA)).rejects.toMatchObject({ code: 'CLOSED' });
    await pdf.close();
    await Promise.all([first, second]);
    await expect(pdf.render('social-contract', socialContractA)).rejects.toMatchObject({ code: 'CLOSED' });
  });

  it('keeps the main thread responsive while a long plan renders', async () => {
    const pdf = service();
    await pdf.warmUp();
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const bytes = await pdf.render('family-work-plan', planWithTasks(150));
    delay.disable();
    const maxMs = delay.max / 1e6;
    console.info(`main thread: longest event-loop stall ${maxMs.toFixed(1)} ms while the worker rendered`);
    expect(bytes.byteLength).toBeGreaterThan(10_000);
    // Generous: CI machines are shared; rendering this plan in-process blocks for seconds.
    expect(maxMs).toBeLessThan(400);
  });
});
