/** Messages between PdfService (main thread) and the PDF worker. Types only: no runtime code. */
import type { DocumentRequest } from './models';

/** workerData of the PDF worker. */
export interface PdfWorkerData {
  fontDir: string;
}

export type ToWorker =
  | { type: 'render'; id: number; request: DocumentRequest }
  /** Load the fonts and the renderer now, so the first print is fast. */
  | { type: 'warm-up'; id: number };

export type WorkerFailure =
  /** The model cannot be printed; Polish sentences for the user. */
  | { kind: 'model'; problems: string[] }
  | { kind: 'render'; message: string; stack: string | null };

export type FromWorker =
  | { type: 'started'; id: number }
  /** bytes.buffer is transferred, not copied. */
  | { type: 'done'; id: number; bytes: Uint8Array<ArrayBuffer>; renderMs: number }
  | { type: 'failed'; id: number; failure: WorkerFailure };
