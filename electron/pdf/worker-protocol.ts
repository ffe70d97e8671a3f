/** Messages between PdfService (main thread) and the PDF worker. Types only: no runtime code. */
import type { BundleInput, BundleOutput } from '../services/court-bundle';
import type { DocumentRequest } from './models';

/** A court bundle to assemble in the worker (issue 7): the worker knows the fonts' folder. */
export type BundleRequest = Omit<BundleInput, 'fontDir'>;

/** What the worker tells of an assembled bundle besides its bytes. */
export type BundleSummary = Omit<BundleOutput, 'bytes'>;

/** workerData of the PDF worker. */
export interface PdfWorkerData {
  fontDir: string;
}

export type ToWorker =
  | { type: 'render'; id: number; request: DocumentRequest }
  /** Merge the parts' PDFs into the court bundle (cover, contents, "Strona N z M") with pdf-lib. */
  | { type: 'assemble'; id: number; bundle: BundleRequest }
  /** Load the fonts and the renderer now, so the first print is fast. */
  | { type: 'warm-up'; id: number };

export type WorkerFailure =
  /** The model cannot be printed; Polish sentences for the user. */
  | { kind: 'model'; problems: string[] }
  | { kind: 'render'; message: string; stack: string | null }
  /** A part of a bundle is not a readable PDF; a Polish sentence naming it. */
  | { kind: 'bundle'; message: string };

export type FromWorker =
  | { type: 'started'; id: number }
  /** bytes.buffer is transferred, not copied; `bundle` answers an 'assemble' job. */
  | { type: 'done'; id: number; bytes: Uint8Array<ArrayBuffer>; renderMs: number; bundle?: BundleSummary }
  | { type: 'failed'; id: number; failure: WorkerFailure };
