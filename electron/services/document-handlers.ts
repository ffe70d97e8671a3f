/**
 * The channels of the document register (issue 6), bound to DocumentsService. Opening and
 * printing write the stored bytes to the data folder's tmp/ and hand the file to the injected
 * opener: Electron's shell.openPath in the app (main.ts), a stub in tests. Printing opens the same
 * system viewer, whose print dialog (Ctrl+P) the user uses: Electron cannot print a PDF file
 * directly, and a hidden window with Chromium's PDF viewer cannot be printed reliably.
 *
 * A decrypted PDF stays on disk only while the viewer needs it (issue 14): it is removed a minute
 * after the viewer was started (by then the viewer has read it; Linux and macOS viewers keep
 * their open copy), retried every 15 s while a Windows viewer keeps it locked, and tmp/ is
 * emptied at start-up, lock, sign-out and exit whatever is left. An in-app viewer (pdf.js) would
 * avoid the file altogether, but printing would then need a print path of our own (pdf.js pages
 * drawn into a print window) in place of the viewer's own print dialog, which offices rely on,
 * and the renderer's CSP would have to admit pdf.js's worker; the short-lived file was chosen.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeFileName } from '../../shared/file-names';
import type { IssuedDocumentRow } from '../db/entities';
import type { Log } from '../data/data-folder';
import { AppError } from '../errors';
import type { HandlersFor, RequestContext } from '../session/context';
import type { DocumentsService } from './documents';

export type DocumentChannel = 'documents:list' | 'documents:issue' | 'documents:open' | 'documents:print' | 'documents:get';

/** Shows a file in the system's PDF viewer ('print': the user prints from there). */
export type FileOpener = (path: string, mode: 'view' | 'print') => Promise<void>;

const FILE_SLUGS: Record<string, string> = {
  'assistant-request': 'wniosek-o-asystenta',
  'assistant-assignment': 'przydzielenie-asystenta',
  'social-contract': 'kontrakt-socjalny',
  'family-work-plan': 'plan-pracy',
  'periodic-assessment': 'ocena-okresowa',
  'court-opinion': 'opinia-o-rodzinie',
  referral: 'skierowanie',
  'staff-change-letter': 'pismo-zmiana-osoby',
  'interview-record': 'wywiad-srodowiskowy',
  'asset-statement': 'oswiadczenie-majatkowe',
};

/** "kontrakt-socjalny-12-2026-w2.pdf": no spaces or slashes, readable in the viewer's title bar. */
export function documentFileName(row: Pick<IssuedDocumentRow, 'kind' | 'number' | 'version'>): string {
  const base = row.number.replace(/ \(wersja \d+\)$/, '').replace(/[^0-9A-Za-z.]+/g, '-');
  return safeFileName(`${FILE_SLUGS[row.kind] ?? 'dokument'}-${base}${row.version > 1 ? `-w${row.version}` : ''}.pdf`);
}

export interface TempFilesOptions {
  /** How long a file handed to the viewer stays before it is removed. Default 60 s. */
  graceMs?: number;
  /** How often a file a viewer keeps locked is tried again. Default 15 s. */
  retryMs?: number;
  /** Removes one file; throws while a viewer locks it (Windows). Default: the file system's. */
  remove?: (path: string) => void;
}

/** The data folder's tmp/: PDFs handed to the system viewer, each kept only while the viewer needs it. */
export class TempFiles {
  readonly dir: string;
  private readonly graceMs: number;
  private readonly retryMs: number;
  private readonly remove: (path: string) => void;
  /** Files handed to a viewer and not removed yet, with their timer. */
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(dataDir: string, options: TempFilesOptions = {}) {
    this.dir = join(dataDir, 'tmp');
    this.graceMs = options.graceMs ?? 60_000;
    this.retryMs = options.retryMs ?? 15_000;
    this.remove = options.remove ?? ((path) => rmSync(path, { force: true, recursive: true }));
  }

  /** Removes every file left there (a viewer may still hold one open on Windows: skipped, removed next time). */
  clean(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) {
      try {
        this.remove(join(this.dir, name));
      } catch {
        // Locked by a viewer: the next start-up, lock or sign-out removes it.
      }
    }
  }

  /** The viewer has been started on `path`: the file goes after the grace period, or as soon after as the viewer lets go of it. */
  release(path: string): void {
    this.schedule(path, this.graceMs);
  }

  /** No viewer took the file: it goes now (or as soon as it can). */
  discard(path: string): void {
    this.schedule(path, 0);
  }

  /** Files handed to a viewer and still on disk (tests; a lock empties them all). */
  waiting(): string[] {
    return [...this.pending.keys()];
  }

  private schedule(path: string, ms: number): void {
    clearTimeout(this.pending.get(path));
    const timer = setTimeout(() => {
      this.pending.delete(path);
      try {
        this.remove(path);
      } catch {
        if (existsSync(path)) this.schedule(path, this.retryMs);
      }
    }, ms);
    timer.unref();
    this.pending.set(path, timer);
  }

  write(fileName: string, bytes: Uint8Array): string {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const path = join(this.dir, fileName);
    // Opened again before it was removed: it stays for the new viewer's whole grace period.
    clearTimeout(this.pending.get(path));
    this.pending.delete(path);
    try {
      writeFileSync(path, bytes, { mode: 0o600 });
    } catch {
      // The same document is still open in a viewer that locks it (Windows): it has the same bytes.
      if (existsSync(path) && statSync(path).size === bytes.byteLength) return path;
      throw new AppError('IO_ERROR', 'Nie udało się zapisać pliku dokumentu w folderze tymczasowym. Sprawdź, czy na dysku jest miejsce, i spróbuj ponownie.');
    }
    return path;
  }
}

export function documentHandlers({ documents, files, opener, log }: { documents: DocumentsService; files: TempFiles; opener: FileOpener | undefined; log: Log }): HandlersFor<DocumentChannel> {
  const show = async (ctx: RequestContext, documentId: string): Promise<null> => {
    if (!opener) throw new AppError('INVALID_STATE', 'Otwieranie dokumentów nie jest dostępne w tej wersji programu.');
    const mode = ctx.channel === 'documents:print' ? 'print' : 'view';
    const row = await ctx.write(null, (m, a) => documents.read(m, a, documentId, mode === 'print' ? 'print' : 'open'));
    const path = files.write(documentFileName(row), row.bytes);
    try {
      await opener(path, mode);
      files.release(path);
    } catch (error) {
      files.discard(path);
      log(`Opening ${path} failed`, error);
      throw new AppError('IO_ERROR', 'Nie udało się otworzyć dokumentu w przeglądarce plików PDF. Sprawdź, czy na komputerze jest zainstalowany program do otwierania plików PDF.');
    }
    return null;
  };

  return {
    'documents:list': ({ caseId }, ctx) => ctx.write(caseId, (m, a) => documents.list(m, a, caseId)),
    // Rendered with no lock held (documents.ts): the database stays free while the PDF worker prints.
    'documents:issue': (input, ctx) => documents.issuing(() => ctx.write(input.caseId, (m, a) => documents.issue(m, a, input))),
    'documents:open': ({ documentId }, ctx) => show(ctx, documentId),
    'documents:print': ({ documentId }, ctx) => show(ctx, documentId),
    'documents:get': async ({ documentId }, ctx) => {
      const row = await ctx.write(null, (m, a) => documents.read(m, a, documentId, 'download'));
      return { fileName: documentFileName(row), bytes: row.bytes.toString('base64') };
    },
  };
}
