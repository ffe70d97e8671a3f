/**
 * The composition root: every service of the main process is built here, once, over one data
 * folder, and every channel's handler group is bound to the services it needs. Services get
 * ports (the data folder, the audit trail, the clock, the PDF worker, the session's state, the
 * log), never the backend. electron/backend.ts wraps the result as the public `createBackend`.
 */
import type { Channel } from '../../shared/ipc';
import { systemClock, type Clock } from '../clock';
import { DataFolder, type Log } from '../data/data-folder';
import { readKeyring, type ScryptParams } from '../db/keyring';
import { AppError } from '../errors';
import { PdfService } from '../pdf/pdf-service';
import { AuditService } from '../services/audit';
import { auditHandlers } from '../services/audit-handlers';
import { accountHandlers } from '../services/account-handlers';
import { BackupService } from '../services/backup';
import { backupHandlers } from '../services/backup-handlers';
import { caseHandlers } from '../services/case-handlers';
import { CasesService } from '../services/cases';
import { CourtService } from '../services/court';
import { CourtExportService } from '../services/court-export';
import { courtHandlers } from '../services/court-handlers';
import { CourtOrderService } from '../services/court-order';
import { dialogHandlers, type NativeDialogs } from '../services/dialog-handlers';
import { documentHandlers, TempFiles, type FileOpener } from '../services/document-handlers';
import { DocumentsService } from '../services/documents';
import { FamilyChangesService } from '../services/family-changes';
import { FamilyWorkService } from '../services/family-work';
import { familyWorkHandlers } from '../services/family-work-handlers';
import { KeyService, recoverInterruptedKeyChange } from '../services/keys';
import { OfficeService } from '../services/office';
import { officeHandlers } from '../services/office-handlers';
import { OpenCasesService } from '../services/open-cases';
import { recordsHandlers } from '../services/records-handlers';
import { referralHandlers } from '../services/referral-handlers';
import { ReferralsService } from '../services/referrals';
import { reportingHandlers } from '../services/reporting-handlers';
import { SearchService } from '../services/search';
import { StaffChangesService } from '../services/staff-changes';
import { StatsService } from '../services/stats';
import { LoginThrottle, THROTTLE_FILE } from '../services/throttle';
import { TrayService } from '../services/tray';
import { UsersService } from '../services/users';
import { usersHandlers } from '../services/users-handlers';
import { CurrentSession, type HandlersFor } from '../session/context';
import { DEFAULT_ROLE_PREFIX } from '../data/postgres/roles';
import { SERVER_DATABASE } from '../server/cluster';
import type { ServerDatabaseName } from '../server/join';
import { Dispatcher } from './dispatcher';
import { sessionHandlers } from './session-handlers';
import { SessionManager } from './session-manager';
import { join } from 'node:path';

export interface BackendOptions {
  dataDir: string;
  clock?: Clock;
  /** Cost of the password KDF; tests lower it, the app keeps the default. */
  scrypt?: ScryptParams;
  /** A better-sqlite3 binding built for the running runtime (Electron in development). */
  nativeBinding?: string;
  /**
   * The app's log (never the renderer): events as a fixed text alone (migrations applied, restore
   * steps), failures with their error. Never a name, an input or anything a person typed.
   */
  log?: Log;
  /** How often the backend checks for an idle session on its own (ms); 0 turns the timer off. */
  idleCheckMs?: number;
  /** Native folder / file pickers (main.ts: Electron's dialogs; e2e: a stub). Without them dialog:* answers null. */
  dialogs?: NativeDialogs;
  /**
   * The PDF worker (electron/pdf/README.md): dist/electron/pdf-worker.cjs in the app, the
   * TypeScript source electron/pdf/worker.ts in tests. Without it documents cannot be issued.
   */
  pdfWorkerPath?: string;
  /** Absolute folder of the DejaVu fonts (packaged: resources/fonts; dev and tests: electron/pdf/fonts). */
  fontDir?: string;
  /** Shows a file in the system's PDF viewer (main.ts: shell.openPath). Without it documents/open/print refuse. */
  openFile?: FileOpener;
  /**
   * The office's database on a joined server and its roles' prefix (data/postgres/roles.ts);
   * an office server has one ("asysta", "asysta"), tests give each backend its own.
   */
  serverDatabase?: ServerDatabaseName;
}

const NO_PRINTING = 'Drukowanie dokumentów nie jest dostępne w tej wersji programu. Zgłoś to administratorowi.';

/** The PDF worker, started on first use; refuses in Polish when the app was started without one. */
export class PdfWorker {
  private service: PdfService | null = null;

  constructor(private readonly options: { workerPath?: string | undefined; fontDir?: string | undefined }) {}

  get(): PdfService {
    if (this.service) return this.service;
    const { workerPath, fontDir } = this.options;
    if (!workerPath || !fontDir) throw new AppError('INVALID_STATE', NO_PRINTING);
    this.service = new PdfService({ workerPath, fontDir });
    return this.service;
  }

  /** The fonts folder for pages drawn outside the worker (the court export's own pages). */
  fontDir(): string {
    if (!this.options.fontDir) throw new AppError('INVALID_STATE', NO_PRINTING);
    return this.options.fontDir;
  }

  /** Starts the worker and loads its fonts ahead of the first print (main.ts, after start-up). */
  async warmUp(): Promise<void> {
    if (this.options.workerPath && this.options.fontDir) await this.get().warmUp();
  }

  async close(): Promise<void> {
    const service = this.service;
    this.service = null;
    await service?.close();
  }
}

/** Every service, built once. */
export function composeServices(options: BackendOptions) {
  const clock = options.clock ?? systemClock;
  const folder = new DataFolder({ dataDir: options.dataDir, scrypt: options.scrypt, nativeBinding: options.nativeBinding, log: options.log });
  const session = new CurrentSession();
  // The throttle file is keyed by the slot file's lookup salt, or in server mode by the server file's.
  const throttle = new LoginThrottle(join(folder.dataDir, THROTTLE_FILE), clock, async () =>
    folder.mode() === 'server' ? (folder.readServer()?.lookupSalt ?? null) : ((await readKeyring(folder.keysFile).catch(() => null))?.lookupSalt ?? null),
  );
  const pdf = new PdfWorker({ workerPath: options.pdfWorkerPath, fontDir: options.fontDir });
  const audit = new AuditService(clock);
  const office = new OfficeService(clock, audit);
  const users = new UsersService(clock, audit);
  const cases = new CasesService(clock, audit);
  // A key change cut short by a crash is finished (or its copies removed) before anything opens.
  recoverInterruptedKeyChange(folder.dataDir, folder.dbFile, folder.keysFile);
  const keys = new KeyService({ folder, clock, audit });
  const backup = new BackupService({ folder, clock, audit, users, office, keys, throttle, session });
  const documents = new DocumentsService(audit, cases, office, () => pdf.get());
  const court = new CourtService(clock, audit, cases);
  const tempFiles = new TempFiles(folder.dataDir);
  tempFiles.clean();
  return {
    clock,
    folder,
    session,
    throttle,
    pdf,
    audit,
    office,
    users,
    cases,
    keys,
    backup,
    documents,
    court,
    tempFiles,
    courtExport: new CourtExportService({ audit, cases, court, pdf: () => pdf.get(), fontDir: () => pdf.fontDir() }),
    familyWork: new FamilyWorkService(clock, audit, cases),
    familyChanges: new FamilyChangesService(audit, cases),
    staffChanges: new StaffChangesService(audit, cases),
    openCases: new OpenCasesService(audit, cases),
    courtOrders: new CourtOrderService(audit, cases),
    referrals: new ReferralsService(clock, audit, cases, documents),
    search: new SearchService(),
    tray: new TrayService(clock),
    stats: new StatsService(clock),
    sessions: new SessionManager({
      folder,
      clock,
      session,
      audit,
      users,
      office,
      keys,
      backup,
      throttle,
      tempFiles,
      serverDatabase: options.serverDatabase ?? { database: SERVER_DATABASE, rolePrefix: DEFAULT_ROLE_PREFIX },
    }),
  };
}

export type Services = ReturnType<typeof composeServices>;

/** The handler groups, each bound to its services; together they answer every channel once (checked below and by a test). */
export function handlerGroups(s: Services, options: Pick<BackendOptions, 'dialogs' | 'openFile'>) {
  return [
    sessionHandlers(s.sessions),
    officeHandlers(s),
    usersHandlers(s),
    auditHandlers(s),
    accountHandlers(s),
    caseHandlers(s),
    recordsHandlers({ family: s.familyChanges, staff: s.staffChanges, open: s.openCases, courtOrders: s.courtOrders }),
    familyWorkHandlers(s.familyWork),
    backupHandlers(s.backup, s.keys, s.folder),
    reportingHandlers(s),
    dialogHandlers({ session: s.session, dialogs: options.dialogs }),
    documentHandlers({ documents: s.documents, files: s.tempFiles, opener: options.openFile, log: s.folder.log }),
    courtHandlers({ court: s.court, exporter: s.courtExport, documents: s.documents }),
    referralHandlers(s),
  ] as const;
}

type Groups = ReturnType<typeof handlerGroups>;
type Merged = Groups[number] extends infer G ? (G extends unknown ? G : never) : never;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** One handler per channel: a channel answered by two groups is a programming error, refused at start-up. */
export function mergeHandlers(groups: Groups): HandlersFor<Channel> {
  const merged: Record<string, unknown> = {};
  for (const group of groups) {
    for (const [channel, handler] of Object.entries(group)) {
      if (Object.hasOwn(merged, channel)) throw new Error(`Channel ${channel} has two handlers`);
      merged[channel] = handler;
    }
  }
  // The compiler checks that the groups together cover the channel map.
  const typed: UnionToIntersection<Merged> = merged as UnionToIntersection<Merged>;
  const all: HandlersFor<Channel> = typed;
  return all;
}

/** The services, the handlers and the dispatcher over one data folder. */
export function compose(options: BackendOptions) {
  const services = composeServices(options);
  const handlers = mergeHandlers(handlerGroups(services, options));
  const dispatcher = new Dispatcher({
    handlers,
    session: services.session,
    audit: services.audit,
    clock: services.clock,
    log: services.folder.log,
    beforeEach: () => services.sessions.lockIfIdle(),
  });
  return { ...services, handlers, dispatcher };
}

export type Composition = ReturnType<typeof compose>;
