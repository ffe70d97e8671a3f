/**
 * The re-key of a key change's private snapshot (services/keys.ts), off the main thread and
 * measured: a worker thread runs SQLCipher's rekey on the closed snapshot (every page rewritten)
 * while the main thread stays free to answer the window and measures progress from the rekey's
 * rollback journal, through which every page passes, against the snapshot's size. The live
 * database is never opened here.
 *
 * The worker is evaluated from the source below and loads the same SQLite module as the main
 * process (resolved here, so it is found from a bundle, a test or tsx alike).
 */
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { keyLiteral } from '../db/database';

export interface KeyCopyProgress {
  /** Bytes of the snapshot rewritten so far (never going back). */
  doneBytes: number;
  /** The snapshot's size. */
  totalBytes: number;
}

/** A failure in the worker, with SQLite's or the file system's code (SQLITE_FULL, ENOSPC…). */
export class KeyCopyError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'KeyCopyError';
  }
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Sqlite = require(workerData.module);
const { snapshot, nativeBinding } = workerData;
// Buffers arrive as plain Uint8Arrays: viewed as Buffers, not copied, so that they can be wiped.
const asBuffer = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const oldKey = asBuffer(workerData.oldKey);
const newKey = asBuffer(workerData.newKey);
function open(file) {
  const db = new Sqlite(file, nativeBinding ? { nativeBinding } : {});
  db.pragma("cipher='sqlcipher'");
  db.pragma('legacy=4');
  db.key(oldKey);
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  return db;
}
try {
  const copy = open(snapshot);
  try {
    // SQLite3 Multiple Ciphers cannot rekey in WAL mode: the copy leaves it for the rewrite.
    copy.pragma('journal_mode = DELETE');
    copy.rekey(newKey);
    copy.pragma('journal_mode = WAL');
  } finally {
    copy.close();
  }
  parentPort.postMessage({ type: 'done' });
} catch (error) {
  parentPort.postMessage({ type: 'error', message: String(error && error.message), code: error && error.code });
} finally {
  oldKey.fill(0);
  newKey.fill(0);
}
`;

const sizeOf = (file: string): number => {
  try {
    return existsSync(file) ? statSync(file).size : 0;
  } catch {
    return 0;
  }
};

/**
 * Re-keys the closed file `snapshot` from `oldKey` to `newKey` in a worker thread, reporting the
 * bytes rewritten every `everyMs`; the file must not be open elsewhere.
 */
export function rekeyCopy(options: {
  snapshot: string;
  oldKey: Buffer;
  newKey: Buffer;
  nativeBinding?: string;
  onProgress: (progress: KeyCopyProgress) => void;
  everyMs?: number;
}): Promise<void> {
  const { snapshot, onProgress } = options;
  const totalBytes = Math.max(1, sizeOf(snapshot));
  const oldKey = keyLiteral(options.oldKey);
  const newKey = keyLiteral(options.newKey);
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { module: createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers'), snapshot, oldKey, newKey, nativeBinding: options.nativeBinding },
    });
  } finally {
    // The worker got its own copies (wiped there when it ends).
    oldKey.fill(0);
    newKey.fill(0);
  }
  let done = 0;
  const report = (next: number) => {
    // Never backwards: the journal is removed at the commit, after the last page went through it.
    done = Math.min(totalBytes, Math.max(done, Math.round(next)));
    onProgress({ doneBytes: done, totalBytes });
  };
  return new Promise<void>((resolve, reject) => {
    let failure: KeyCopyError | null = null;
    let finished = false;
    const timer = setInterval(() => report(sizeOf(`${snapshot}-journal`)), options.everyMs ?? 200);
    report(0);
    worker.on('message', (message: { type: 'done' | 'error'; message?: string; code?: string }) => {
      if (message.type === 'done') {
        finished = true;
        report(totalBytes);
      } else {
        failure = new KeyCopyError(message.message ?? 'rekey failed', message.code);
      }
    });
    worker.on('error', (error) => {
      failure ??= new KeyCopyError(error.message, (error as NodeJS.ErrnoException).code);
    });
    worker.on('exit', () => {
      clearInterval(timer);
      if (failure) reject(failure);
      else if (!finished) reject(new KeyCopyError('The rekey ended before it was done.', undefined));
      else resolve();
    });
  });
}
