/**
 * createBackend(options): the public entry of the main process, used alike by main.ts, the CLI
 * and every integration and e2e test — the same handlers run everywhere; only Electron's transport
 * (electron/ipc/) is added in the app.
 *
 * The work is done elsewhere (docs/architecture.md, "Main process layout"): app/composition.ts
 * builds every service once, app/dispatcher.ts answers a call (parse → access → handler →
 * Result), app/session-manager.ts keeps the session. This class only holds them and the idle
 * timer, and gives the CLI, the shell and the tests the few things they use.
 */
import type { AppStatus, Channel } from '../shared/ipc';
import type { Result } from '../shared/result';
import { compose, type BackendOptions, type Composition } from './app/composition';
import type { Database } from './db/database';
import type { Keyring } from './db/keyring';
import type { PdfService } from './pdf/pdf-service';
import type { ScheduledBackup } from './services/backup';
import type { ReadySession, RequestContext } from './session/context';

export { DB_FILE, KEYS_FILE } from './data/data-folder';

export type { BackendOptions } from './app/composition';

export class Backend {
  private readonly parts: Composition;
  private readonly idleTimer: NodeJS.Timeout | null;

  constructor(options: BackendOptions) {
    this.parts = compose(options);
    const every = options.idleCheckMs ?? 15_000;
    this.idleTimer = every > 0 ? setInterval(() => void this.lockIfIdle(), every) : null;
    this.idleTimer?.unref();
  }

  /** Answers one call of the channel map: parse → access → handler → Result. Never throws. */
  invoke(channelName: string, rawInput: unknown): Promise<Result<unknown>> {
    return this.parts.dispatcher.invoke(channelName, rawInput);
  }

  /** A channel's context for work the CLI runs itself on the signed-in session (the court export with progress on the terminal). */
  requestContext(channel: Channel): RequestContext {
    return this.parts.dispatcher.context(channel, this.parts.session.ready());
  }

  status(): Promise<AppStatus> {
    return this.parts.sessions.status();
  }

  /** Locks a session that has been idle longer than the office's setting (also run by a timer). */
  lockIfIdle(): Promise<void> {
    return this.parts.sessions.lockIfIdle();
  }

  /** The open session, if any: for work the app does on its own (scheduled backups), never counted as activity. */
  readySession(): ReadySession | null {
    return this.parts.session.ready();
  }

  /** True while nobody is signed in, not even on the lock screen (a restore replaces the database). */
  signedOut(): boolean {
    return this.parts.session.signedOut();
  }

  /** The due backup started after the last sign-in (tests and close() wait for it). */
  get loginBackup(): Promise<ScheduledBackup> | null {
    return this.parts.sessions.loginBackup;
  }

  async close(): Promise<void> {
    if (this.idleTimer) clearInterval(this.idleTimer);
    await this.parts.sessions.close();
    // PDFs handed to the system viewer do not outlive the app, whatever state it closed in.
    this.parts.tempFiles.clean();
    await this.parts.pdf.close();
  }

  /** The PDF worker, started on first use; refuses in Polish when the app was started without one. */
  pdf(): PdfService {
    return this.parts.pdf.get();
  }

  /** Starts the PDF worker and loads its fonts ahead of the first print (main.ts, after start-up). */
  warmUpPdf(): Promise<void> {
    return this.parts.pdf.warmUp();
  }

  // ---- the services and the data folder, for the CLI, the shell's backup timer and the tests ----

  get clock() {
    return this.parts.clock;
  }
  get audit() {
    return this.parts.audit;
  }
  get office() {
    return this.parts.office;
  }
  get users() {
    return this.parts.users;
  }
  get cases() {
    return this.parts.cases;
  }
  get backup() {
    return this.parts.backup;
  }
  get courtExport() {
    return this.parts.courtExport;
  }
  get throttle() {
    return this.parts.throttle;
  }
  get dbFile(): string {
    return this.parts.folder.dbFile;
  }
  get keysFile(): string {
    return this.parts.folder.keysFile;
  }

  /** Opens the database with the master key (for the CLI and tools that act outside a session). */
  openDatabase(masterKey: Buffer, options: { migrate?: boolean; file?: string } = {}): Promise<Database> {
    return this.parts.folder.openDatabase(masterKey, options);
  }

  readKeyring(): Promise<Keyring> {
    return this.parts.folder.readKeyring();
  }

  /** Opens the master key with a login and password; null when they do not match. */
  unwrapWithPassword(keyring: Keyring, login: string, password: string): Promise<Buffer | null> {
    return this.parts.folder.unwrapWithPassword(keyring, login, password);
  }

  /** To the app's log (BackendOptions.log): a fixed text, and the error when something failed. */
  log(message: string, error?: unknown): void {
    this.parts.folder.log(message, error);
  }
}

export function createBackend(options: BackendOptions): Backend {
  return new Backend(options);
}
