/**
 * Prints documents on a worker thread, so the Electron main thread is never blocked by
 * react-pdf. One worker, one document at a time, a short queue, progress per document.
 *
 * This module does not load react-pdf: only the worker (worker.ts, bundled as
 * dist/electron/pdf-worker.cjs) does. The main process creates one service at start-up:
 *   new PdfService({ workerPath: join(__dirname, 'pdf-worker.cjs'), fontDir })
 */
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DocumentKind, DocumentModels, DocumentRequest } from './models';
import type { BundleOutput } from '../services/court-bundle';
import type { BundleRequest, FromWorker, PdfWorkerData, ToWorker, WorkerFailure } from './worker-protocol';

export type RenderStage = 'queued' | 'rendering' | 'done';

export interface RenderProgress {
  stage: RenderStage;
  /** While queued: how many documents are ahead of this one (0 = next). */
  ahead: number;
}

export type ProgressCallback = (progress: RenderProgress) => void;

export interface RenderCallOptions {
  onProgress?: ProgressCallback;
  /** Overrides the service's timeoutMs for this document. */
  timeoutMs?: number;
}

export interface PdfServiceOptions {
  /**
   * Absolute path of the worker: dist/electron/pdf-worker.cjs when bundled, or the TypeScript
   * source electron/pdf/worker.ts (tests, dev), which is then started through worker-tsx.mjs
   * next to it (tsx must be installed).
   */
  workerPath: string;
  /** Absolute path of the folder with the DejaVu fonts. */
  fontDir: string;
  /** Node options of the worker thread. Default none. */
  execArgv?: string[];
  /** Documents waiting (not counting the one printing) before render() refuses more. Default 20. */
  maxQueue?: number;
  /** A document taking longer is abandoned and the worker restarted. Default 60 s. */
  timeoutMs?: number;
}

export type PdfServiceErrorCode = 'QUEUE_FULL' | 'INVALID_MODEL' | 'RENDER_FAILED' | 'WORKER_FAILED' | 'TIMEOUT' | 'CLOSED';

/** A failed print; `message` is Polish and says what to do, `detail` is for the log. */
export class PdfServiceError extends Error {
  readonly code: PdfServiceErrorCode;
  readonly detail: string | null;
  constructor(code: PdfServiceErrorCode, message: string, detail: string | null = null) {
    super(message);
    this.name = 'PdfServiceError';
    this.code = code;
    this.detail = detail;
  }
}

interface Job {
  id: number;
  message: ToWorker;
  onProgress: ProgressCallback | undefined;
  timeoutMs: number;
  resolve: (done: Extract<FromWorker, { type: 'done' }>) => void;
  reject: (error: PdfServiceError) => void;
}

function errorOf(failure: WorkerFailure): PdfServiceError {
  if (failure.kind === 'bundle') return new PdfServiceError('RENDER_FAILED', failure.message);
  if (failure.kind === 'model') {
    return new PdfServiceError('INVALID_MODEL', `Nie można wydrukować dokumentu: ${failure.problems.join(' ')}`);
  }
  return new PdfServiceError(
    'RENDER_FAILED',
    'Nie udało się przygotować dokumentu do druku. Spróbuj ponownie; jeśli błąd się powtórzy, zgłoś go administratorowi.',
    failure.stack ?? failure.message,
  );
}

export class PdfService {
  private readonly options: Required<PdfServiceOptions>;
  private worker: Worker | null = null;
  private current: Job | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly waiting: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: PdfServiceOptions) {
    this.options = {
      workerPath: options.workerPath,
      fontDir: options.fontDir,
      execArgv: options.execArgv ?? [],
      maxQueue: options.maxQueue ?? 20,
      timeoutMs: options.timeoutMs ?? 60_000,
    };
  }

  /** Documents queued or printing. */
  get pending(): number {
    return this.waiting.length + (this.current === null ? 0 : 1);
  }

  /** Renders one document; resolves with the PDF bytes. */
  render<K extends DocumentKind>(
    kind: K,
    model: DocumentModels[K],
    options: RenderCallOptions = {},
  ): Promise<Uint8Array<ArrayBuffer>> {
    // The pair is built from K, so it is one member of the DocumentRequest union.
    const request = { kind, model } as DocumentRequest;
    return this.enqueue((id) => ({ type: 'render', id, request }), options).then((done) => done.bytes);
  }

  /**
   * Assembles the court bundle (cover, contents, the parts' pages, "Strona N z M") in the worker;
   * the parts' bytes are copied to it, the bundle's bytes transferred back.
   */
  async assemble(bundle: BundleRequest, options: RenderCallOptions = {}): Promise<BundleOutput> {
    const done = await this.enqueue((id) => ({ type: 'assemble', id, bundle }), options);
    if (done.bundle === undefined) throw new PdfServiceError('WORKER_FAILED', 'Moduł drukowania przestał działać. Spróbuj ponownie.', 'assemble answered without a bundle');
    return { bytes: done.bytes, ...done.bundle };
  }

  /** Starts the worker and loads fonts and renderer ahead of the first print (≈ 1 s). */
  async warmUp(): Promise<void> {
    await this.enqueue((id) => ({ type: 'warm-up', id }), {});
  }

  /** Rejects queued documents, waits for nothing, stops the worker. */
  async close(): Promise<void> {
    this.closed = true;
    const error = new PdfServiceError('CLOSED', 'Drukowanie zostało przerwane, ponieważ program jest zamykany.');
    for (const job of this.waiting.splice(0)) job.reject(error);
    if (this.current !== null) this.finish(this.current)?.reject(error);
    await this.stopWorker();
  }

  private enqueue(build: (id: number) => ToWorker, options: RenderCallOptions): Promise<Extract<FromWorker, { type: 'done' }>> {
    const { onProgress, timeoutMs = this.options.timeoutMs } = options;
    if (this.closed) {
      return Promise.reject(new PdfServiceError('CLOSED', 'Drukowanie jest niedostępne, ponieważ program jest zamykany.'));
    }
    if (this.waiting.length >= this.options.maxQueue) {
      return Promise.reject(
        new PdfServiceError('QUEUE_FULL', 'Zbyt wiele dokumentów czeka na wydruk. Poczekaj chwilę i spróbuj ponownie.'),
      );
    }
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const job: Job = { id, message: build(id), onProgress, timeoutMs, resolve, reject };
      this.waiting.push(job);
      onProgress?.({ stage: 'queued', ahead: this.waiting.length - 1 + (this.current === null ? 0 : 1) });
      this.pump();
    });
  }

  /** Sends the next waiting job to the worker when it is free. */
  private pump(): void {
    if (this.current !== null || this.closed) return;
    const job = this.waiting.shift();
    if (job === undefined) return;
    this.current = job;
    this.timer = setTimeout(() => this.onTimeout(job), job.timeoutMs);
    this.ensureWorker().postMessage(job.message);
    this.waiting.forEach((other, index) => other.onProgress?.({ stage: 'queued', ahead: index + 1 }));
  }

  private ensureWorker(): Worker {
    if (this.worker !== null) return this.worker;
    const { workerPath, fontDir, execArgv } = this.options;
    const workerData: PdfWorkerData & { entry: string } = { fontDir, entry: workerPath };
    // Node 20 ignores `--import tsx` in a Worker's execArgv for the entry module itself, so a
    // TypeScript worker is started through a small JS entry that registers tsx first.
    const entry = /\.[cm]?tsx?$/.test(workerPath) ? join(dirname(workerPath), 'worker-tsx.mjs') : workerPath;
    // React's development build is ~10% slower; the packaged app sets no NODE_ENV.
    const env = { ...process.env, NODE_ENV: process.env['NODE_ENV'] ?? 'production' };
    const worker = new Worker(entry, { workerData, execArgv, env });
    worker.on('message', (message: FromWorker) => this.onMessage(message));
    worker.on('error', (error: Error) => this.onWorkerGone(worker, error.stack ?? error.message));
    worker.on('exit', (code: number) => this.onWorkerGone(worker, `PDF worker exited with code ${code}`));
    this.worker = worker;
    return worker;
  }

  private onMessage(message: FromWorker): void {
    const job = this.current;
    if (job === null || job.id !== message.id) return; // a late answer to an abandoned job
    switch (message.type) {
      case 'started':
        job.onProgress?.({ stage: 'rendering', ahead: 0 });
        return;
      case 'done':
        this.finish(job);
        job.onProgress?.({ stage: 'done', ahead: 0 });
        job.resolve(message);
        this.pump();
        return;
      case 'failed':
        this.finish(job);
        job.reject(errorOf(message.failure));
        this.pump();
        return;
    }
  }

  private onTimeout(job: Job): void {
    if (this.current !== job) return;
    this.finish(job);
    job.reject(
      new PdfServiceError('TIMEOUT', 'Przygotowanie dokumentu trwało zbyt długo i zostało przerwane. Spróbuj ponownie.'),
    );
    // The worker may be stuck in a loop: replace it.
    void this.stopWorker().then(() => this.pump());
  }

  private onWorkerGone(worker: Worker, detail: string): void {
    if (this.worker !== worker) return; // already replaced or stopped on purpose
    this.worker = null;
    const job = this.current;
    if (job !== null) {
      this.finish(job);
      job.reject(
        new PdfServiceError('WORKER_FAILED', 'Moduł drukowania przestał działać. Spróbuj ponownie.', detail),
      );
    }
    this.pump();
  }

  /** Clears the current job and its timer; returns it. */
  private finish(job: Job): Job | null {
    if (this.current !== job) return null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.current = null;
    return job;
  }

  private async stopWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) await worker.terminate();
  }
}
