/**
 * The PDF worker thread: renders documents so that the Electron main thread never waits for
 * react-pdf (a long plan takes hundreds of milliseconds of pure CPU). Started by PdfService:
 * from this file in tests and dev (with tsx), from dist/electron/pdf-worker.cjs when bundled.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BundleFileError, buildBundle } from '../services/court-bundle';
import { loadFonts, registerFonts } from './fonts';
import { PdfModelError, renderRequest } from './render';
import type { FromWorker, PdfWorkerData, ToWorker, WorkerFailure } from './worker-protocol';

function isWorkerData(value: unknown): value is PdfWorkerData {
  return typeof value === 'object' && value !== null && typeof (value as { fontDir?: unknown }).fontDir === 'string';
}

function failureOf(error: unknown): WorkerFailure {
  if (error instanceof PdfModelError) return { kind: 'model', problems: error.problems };
  if (error instanceof BundleFileError) return { kind: 'bundle', message: error.message };
  if (error instanceof Error) return { kind: 'render', message: error.message, stack: error.stack ?? null };
  return { kind: 'render', message: String(error), stack: null };
}

const port = parentPort;
if (port === null) throw new Error('electron/pdf/worker.ts must run as a worker thread.');
if (!isWorkerData(workerData)) throw new Error('PDF worker started without { fontDir }.');
const { fontDir } = workerData;

const post = (message: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

// Jobs run one after another, in arrival order (the service sends one at a time anyway).
let queue: Promise<void> = Promise.resolve();

port.on('message', (message: ToWorker) => {
  queue = queue.then(async () => {
    try {
      if (message.type === 'warm-up') {
        registerFonts(fontDir);
        await loadFonts();
        post({ type: 'done', id: message.id, bytes: new Uint8Array(0), renderMs: 0 });
        return;
      }
      post({ type: 'started', id: message.id });
      const started = performance.now();
      if (message.type === 'assemble') {
        const { bytes: saved, ...bundle } = await buildBundle({ ...message.bundle, fontDir });
        // Transferred: an own buffer of exactly the bundle's bytes.
        const bytes = saved.byteOffset === 0 && saved.byteLength === saved.buffer.byteLength && saved.buffer instanceof ArrayBuffer ? (saved as Uint8Array<ArrayBuffer>) : new Uint8Array(saved);
        post({ type: 'done', id: message.id, bytes, renderMs: performance.now() - started, bundle }, [bytes.buffer]);
        return;
      }
      const bytes = await renderRequest(message.request, { fontDir });
      post({ type: 'done', id: message.id, bytes, renderMs: performance.now() - started }, [bytes.buffer]);
    } catch (error) {
      post({ type: 'failed', id: message.id, failure: failureOf(error) });
    }
  });
});
