/**
 * createBackend wires every service over one data folder and answers the channel map.
 * main.ts, the CLI and every integration and e2e test use it alike: the same handlers run
 * everywhere; only Electron's transport (electron/ipc/) is added in the app.
 *
 * The session lives here. While it is locked or signed out the database is closed and the
 * master key is wiped, so nothing sensitive is in memory on an unattended PC.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { can, refusalMessage } from '../shared/domain/roles';
import {
  channels,
  type AppStatus,
  type Channel,
  type ChannelOutput,
  type ParsedInput,
  type SessionUser,
  type Settings,
} from '../shared/ipc';
import type { Result } from '../shared/result';
import { systemClock, type Clock } from './clock';
import { Database } from './db/database';
import {
  DEFAULT_SCRYPT,
  burnScrypt,
  findUserSlot,
  formatRecoveryCode,
  newKeyring,
  newMasterKey,
  newRecoveryCode,
  openSlot,
  readKeyring,
  recoverySlot,
  withAnchor,
  withSlot,
  withoutUserSlot,
  writeKeyring,
  type Keyring,
  type ScryptParams,
} from './db/keyring';
import { AppError } from './errors';
import { AuditService, auditCsv, type AuditInput } from './services/audit';
import { OfficeService } from './services/office';
import { UsersService, toSessionUser } from './services/users';
import { CasesService } from './services/cases';
import { caseHandlers } from './services/case-handlers';
import { FamilyChangesService } from './services/family-changes';
import { OpenCasesService } from './services/open-cases';
import { CourtOrderService } from './services/court-order';
import { recordsHandlers } from './services/records-handlers';
import { StaffChangesService } from './services/staff-changes';
import { FamilyWorkService } from './services/family-work';
import { familyWorkHandlers } from './services/family-work-handlers';
import { BackupService } from './services/backup';
import { LoginThrottle, THROTTLE_FILE } from './services/throttle';
import { KeyService, recoverInterruptedKeyChange, type KeyChange } from './services/keys';
import { backupHandlers } from './services/backup-handlers';
import { reportingHandlers } from './services/reporting-handlers';
import { accountHandlers } from './services/account-handlers';
import { dialogHandlers, type NativeDialogs } from './services/dialog-handlers';
import { DocumentsService } from './services/documents';
import { courtHandlers } from './services/court-handlers';
import { documentHandlers, TempFiles, type FileOpener } from './services/document-handlers';
import { ReferralsService } from './services/referrals';
import { referralHandlers } from './services/referral-handlers';
import { PdfService } from './pdf/pdf-service';
import type { ScheduledBackup } from './services/backup';

export const DB_FILE = 'asysta.db';
export const KEYS_FILE = 'asysta.keys.json';

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
  log?: (message: string, error?: unknown) => void;
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
  /** Shows a file in the system's PDF viewer (main.ts: shell.openPath). Without it documents:open/print refuse. */
  openFile?: FileOpener;
}

export interface ReadySession {
  kind: 'ready';
  user: SessionUser;
  db: Database;
  masterKey: Buffer;
  settings: Settings;
  lastActivity: number;
}

type SessionState = { kind: 'none' } | { kind: 'locked'; user: SessionUser } | ReadySession;

const WRONG_LOGIN = 'Nieprawidłowy login lub hasło.';

type FoundationChannel =
  | 'app:status'
  | 'setup:create'
  | 'session:login'
  | 'session:recover'
  | 'session:unlock'
  | 'session:lock'
  | 'session:logout'
  | 'session:touch'
  | 'session:changePassword'
  | 'office:get'
  | 'office:update'
  | 'settings:update'
  | 'users:list'
  | 'users:create'
  | 'users:update'
  | 'users:resetPassword'
  | 'audit:list'
  | 'audit:verify'
  | 'audit:exportCsv';

export type Handler<C extends Channel> = (input: ParsedInput<C>, session: ReadySession | null) => Promise<ChannelOutput<C>>;
/** Handlers for a group of channels; each group lives beside its services (see createHandlers). */
export type HandlersFor<K extends Channel> = { [C in K]: Handler<C> };
type Handlers = HandlersFor<Channel>;

/**
 * One transaction for a channel's work on behalf of the session. A record-level refusal
 * (FORBIDDEN from a service) is written to the audit trail in a transaction of its own — the
 * refused one is rolled back — and then answered with its Polish message.
 */
export async function auditedWrite<T>(
  backend: Backend,
  channel: Channel,
  session: ReadySession | null,
  caseId: string | null,
  work: (manager: EntityManager, actor: { user: SessionUser; settings: Settings }) => Promise<T>,
): Promise<T> {
  const s = requireReady(session);
  try {
    return await s.db.write((m) => work(m, { user: s.user, settings: s.settings }));
  } catch (error) {
    if (error instanceof AppError && error.code === 'FORBIDDEN') {
      await s.db.write((m) => backend.audit.append(m, { actorId: s.user.id, action: 'access.denied', caseId, details: { channel, reason: error.message } }));
    }
    throw error;
  }
}

/** The session of a channel whose access needs one (checked before the handler runs). */
export function requireReady(session: ReadySession | null): ReadySession {
  if (!session) throw new AppError('UNAUTHENTICATED', 'Zaloguj się, aby kontynuować.');
  return session;
}

export class Backend {
  readonly dbFile: string;
  readonly keysFile: string;
  readonly clock: Clock;
  readonly audit: AuditService;
  readonly office: OfficeService;
  readonly users: UsersService;
  readonly cases: CasesService;
  readonly familyWork: FamilyWorkService;
  readonly familyChanges: FamilyChangesService;
  readonly staffChanges: StaffChangesService;
  readonly openCases: OpenCasesService;
  readonly courtOrders: CourtOrderService;
  readonly backup: BackupService;
  readonly keys: KeyService;
  readonly documents: DocumentsService;
  readonly referrals: ReferralsService;
  /** The data folder's tmp/: PDFs handed to the system viewer, emptied at start-up, lock and sign-out. */
  readonly tempFiles: TempFiles;
  private pdfService: PdfService | null = null;
  private readonly scrypt: ScryptParams;
  private state: SessionState = { kind: 'none' };
  /** Password checks one at a time, growing delays, and the events that wait for the audit trail (services/throttle.ts). */
  readonly throttle: LoginThrottle;
  private readonly idleTimer: NodeJS.Timeout | null;
  private readonly handlers: Handlers;
  /** The due backup started after the last sign-in (tests and close() wait for it). */
  loginBackup: Promise<ScheduledBackup> | null = null;

  constructor(private readonly options: BackendOptions) {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    this.dbFile = join(options.dataDir, DB_FILE);
    this.keysFile = join(options.dataDir, KEYS_FILE);
    this.clock = options.clock ?? systemClock;
    this.throttle = new LoginThrottle(join(options.dataDir, THROTTLE_FILE), this.clock, async () => (await readKeyring(this.keysFile).catch(() => null))?.lookupSalt ?? null);
    this.scrypt = options.scrypt ?? DEFAULT_SCRYPT;
    this.audit = new AuditService(this.clock);
    this.office = new OfficeService(this.clock, this.audit);
    this.users = new UsersService(this.clock, this.audit);
    this.cases = new CasesService(this.clock, this.audit);
    this.familyWork = new FamilyWorkService(this.clock, this.audit, this.cases);
    this.familyChanges = new FamilyChangesService(this.audit, this.cases);
    this.staffChanges = new StaffChangesService(this.audit, this.cases);
    this.openCases = new OpenCasesService(this.audit, this.cases);
    this.courtOrders = new CourtOrderService(this.audit, this.cases);
    // A key change cut short by a crash is finished (or its copies removed) before anything opens.
    recoverInterruptedKeyChange(options.dataDir, this.dbFile, this.keysFile);
    this.keys = new KeyService(this);
    this.backup = new BackupService(this);
    this.documents = new DocumentsService(this.audit, this.cases, this.office, () => this.pdf());
    this.referrals = new ReferralsService(this.clock, this.audit, this.cases, this.documents);
    this.tempFiles = new TempFiles(options.dataDir);
    this.tempFiles.clean();
    this.handlers = this.createHandlers();
    const every = options.idleCheckMs ?? 15_000;
    this.idleTimer = every > 0 ? setInterval(() => void this.lockIfIdle(), every) : null;
    this.idleTimer?.unref();
  }

  /** Answers one call of the channel map: parse → access → handler → Result. Never throws. */
  async invoke(channelName: string, rawInput: unknown): Promise<Result<unknown>> {
    if (!Object.hasOwn(channels, channelName)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Nieznane polecenie. Uruchom program ponownie.' } };
    }
    const name = channelName as Channel;
    try {
      await this.lockIfIdle();
      const parsed = channels[name].input.safeParse(rawInput ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      const session = await this.checkAccess(name);
      if (session && name !== 'app:status') session.lastActivity = this.clock.now().getTime();
      const handler = this.handlers[name] as (input: unknown, session: ReadySession | null) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data, session) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toShape() };
      this.options.log?.(`Unexpected error in ${name}`, error);
      return {
        ok: false,
        error: { code: 'INTERNAL', message: 'Wystąpił nieoczekiwany błąd. Nic nie zostało zapisane. Spróbuj ponownie, a jeśli błąd się powtórzy, zgłoś go administratorowi.' },
      };
    }
  }

  async status(): Promise<AppStatus> {
    const state = this.state;
    if (state.kind === 'ready') {
      const office = await state.db.read((m) => this.office.get(m));
      return { state: 'ready', user: state.user, office, settings: state.settings };
    }
    if (state.kind === 'locked') return { state: 'locked', user: state.user, office: null, settings: null };
    const configured = existsSync(this.keysFile) || existsSync(this.dbFile);
    return { state: configured ? 'login' : 'setup', user: null, office: null, settings: null };
  }

  /** Locks a session that has been idle longer than the office's setting (also run by a timer). */
  async lockIfIdle(): Promise<void> {
    const state = this.state;
    if (state.kind !== 'ready') return;
    const idleMs = this.clock.now().getTime() - state.lastActivity;
    if (idleMs >= state.settings.idleLockMinutes * 60_000) await this.lock(state, 'idle');
  }

  /** The open session, if any: for work the app does on its own (scheduled backups), never counted as activity. */
  readySession(): ReadySession | null {
    return this.state.kind === 'ready' ? this.state : null;
  }

  /** True while nobody is signed in, not even on the lock screen (a restore replaces the database). */
  signedOut(): boolean {
    return this.state.kind === 'none';
  }

  async close(): Promise<void> {
    if (this.idleTimer) clearInterval(this.idleTimer);
    await this.loginBackup;
    const state = this.state;
    if (state.kind === 'ready') {
      await state.db.write((m) => this.audit.append(m, { actorId: state.user.id, action: 'session.logout', details: { reason: 'app_closed' } }));
      await this.closeSession(state);
    }
    this.state = { kind: 'none' };
    // PDFs handed to the system viewer do not outlive the app, whatever state it closed in.
    this.tempFiles.clean();
    const pdf = this.pdfService;
    this.pdfService = null;
    await pdf?.close();
  }

  /** The PDF worker, started on first use; refuses in Polish when the app was started without one. */
  pdf(): PdfService {
    if (this.pdfService) return this.pdfService;
    const { pdfWorkerPath, fontDir } = this.options;
    if (!pdfWorkerPath || !fontDir) {
      throw new AppError('INVALID_STATE', 'Drukowanie dokumentów nie jest dostępne w tej wersji programu. Zgłoś to administratorowi.');
    }
    this.pdfService = new PdfService({ workerPath: pdfWorkerPath, fontDir });
    return this.pdfService;
  }

  /** Starts the PDF worker and loads its fonts ahead of the first print (main.ts, after start-up). */
  async warmUpPdf(): Promise<void> {
    if (this.options.pdfWorkerPath && this.options.fontDir) await this.pdf().warmUp();
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  get nativeBinding(): string | undefined {
    return this.options.nativeBinding;
  }

  get scryptParams(): ScryptParams {
    return this.scrypt;
  }

  /**
   * Makes a change under a new master key (services/keys.ts) and puts the new key into the
   * session's own key buffer, so that everything holding it (a queued backup) uses the new key.
   */
  async changeKey(session: ReadySession, change: KeyChange): Promise<void> {
    const newKey = await this.keys.change(session.db, session.masterKey, change);
    newKey.copy(session.masterKey);
    newKey.fill(0);
  }

  /**
   * Anchors the audit chain's head outside the database: in the slot file, under its HMAC (at every
   * lock, sign-out and backup). The next sign-in checks it before appending anything.
   */
  async writeAuditAnchor(manager: EntityManager, masterKey: Buffer): Promise<void> {
    const head = await this.audit.head(manager);
    const keyring = await this.readKeyring();
    await writeKeyring(this.keysFile, withAnchor(keyring, { ...head, at: this.clock.now().toISOString() }, masterKey));
  }

  /** Opens the database with the master key (for the CLI and tools that act outside a session). */
  openDatabase(masterKey: Buffer, options: { migrate?: boolean; file?: string } = {}): Promise<Database> {
    return Database.open({
      file: options.file ?? this.dbFile,
      masterKey,
      nativeBinding: this.options.nativeBinding,
      migrate: options.migrate,
      onMigrated: (names) => this.log(`Migrations applied: ${names.join(', ')}`),
    });
  }

  /** To the app's log (BackendOptions.log): a fixed text, and the error when something failed. */
  log(message: string, error?: unknown): void {
    this.options.log?.(message, error);
  }

  async readKeyring(): Promise<Keyring> {
    const keyring = await readKeyring(this.keysFile);
    if (!keyring) {
      throw new AppError(
        'DB_MISSING',
        existsSync(this.dbFile)
          ? 'Brakuje pliku kluczy Asysty (asysta.keys.json) w folderze danych. Przywróć dane z kopii zapasowej.'
          : 'W tym folderze nie ma danych Asysty. Sprawdź folder danych albo skonfiguruj program od nowa.',
      );
    }
    return keyring;
  }

  /** Opens the master key with a login and password; null when they do not match. */
  async unwrapWithPassword(keyring: Keyring, login: string, password: string): Promise<Buffer | null> {
    const slot = findUserSlot(keyring, login);
    if (!slot) {
      await burnScrypt(password, this.scrypt);
      return null;
    }
    return openSlot(keyring, slot, password);
  }

  // ---- session ---------------------------------------------------------------------------

  private async checkAccess(name: Channel): Promise<ReadySession | null> {
    const access = channels[name].access;
    const state = this.state;
    if (access === 'public') return state.kind === 'ready' ? state : null;
    if (access === 'locked') {
      if (state.kind !== 'locked') throw new AppError('INVALID_STATE', 'Sesja nie jest zablokowana.');
      return null;
    }
    if (access === 'signedIn') {
      if (state.kind === 'none') throw new AppError('UNAUTHENTICATED', 'Zaloguj się, aby kontynuować.');
      return state.kind === 'ready' ? state : null;
    }
    if (state.kind === 'locked') throw new AppError('LOCKED', 'Sesja jest zablokowana. Wpisz hasło, aby kontynuować.');
    if (state.kind === 'none') throw new AppError('UNAUTHENTICATED', 'Zaloguj się, aby kontynuować.');
    if (access !== 'session' && !can(state.user.roles, access.permission)) {
      await state.db.write((m) =>
        this.audit.append(m, { actorId: state.user.id, action: 'access.denied', details: { channel: name, permission: access.permission } }),
      );
      throw new AppError('FORBIDDEN', refusalMessage(access.permission));
    }
    return state;
  }

  private async recordFailure(key: string, event: AuditInput): Promise<never> {
    const delay = await this.throttle.failure(key, event);
    throw new AppError('WRONG_PASSWORD', delay > 1000 ? `${WRONG_LOGIN} Kolejna próba możliwa za ${delay / 1000} s.` : WRONG_LOGIN);
  }

  private async startSession(masterKey: Buffer, login: string, action: 'session.login' | 'session.unlock'): Promise<SessionUser> {
    const db = await this.openDatabase(masterKey);
    try {
      const row = await db.read((m) => this.users.byLogin(m, login));
      if (!row || !row.active) {
        throw new AppError('FORBIDDEN', 'To konto jest wyłączone. Skontaktuj się z kierownikiem ośrodka.');
      }
      const user = toSessionUser(row);
      const pending = await this.throttle.pending();
      // Before anything is appended: is the chain still as long as it was when last closed?
      const anchor = (await this.readKeyring()).anchor;
      const missing = await db.read((m) => this.audit.anchorBroken(m, anchor));
      await db.write(async (m) => {
        if (missing !== null) await this.audit.append(m, { actorId: null, action: 'audit.anchor_broken', details: { anchoredSeq: anchor?.seq ?? 0, firstMissing: missing } });
        for (const event of pending.events) await this.audit.append(m, event);
        await this.audit.append(m, { actorId: user.id, action, entityType: 'user', entityId: user.id });
      });
      await pending.done();
      await this.reconcileSlots(db, masterKey, user.id);
      const settings = await db.read((m) => this.office.settings(m));
      this.state = { kind: 'ready', user, db, masterKey, settings, lastActivity: this.clock.now().getTime() };
      return user;
    } catch (error) {
      await db.close();
      masterKey.fill(0);
      throw error;
    }
  }

  /**
   * The slot file and the accounts back in step after a crash (issue 14, Medium 7): a slot without
   * an account (an account whose creation did not commit) is dropped; a slot of a switched-off
   * account is dropped and the key changed, as the switch-off itself would have done.
   */
  private async reconcileSlots(db: Database, masterKey: Buffer, actorId: string): Promise<void> {
    const users = await db.read((m) => this.users.list(m));
    const keyring = await this.readKeyring();
    const active = new Set(users.filter((u) => u.active).map((u) => u.id));
    const stray = keyring.slots.filter((slot) => slot.kind === 'user' && !active.has(slot.userId ?? ''));
    if (stray.length === 0) return;
    const switchedOff = stray.filter((slot) => users.some((u) => u.id === slot.userId));
    const drop = (current: Keyring, key: Buffer): Keyring => stray.reduce((k, slot) => withoutUserSlot(k, slot.userId ?? '', key), current);
    if (switchedOff.length === 0) {
      await writeKeyring(this.keysFile, drop(keyring, masterKey));
      await db.write((m) => this.audit.append(m, { actorId, action: 'keys.reconcile', details: { removedSlots: stray.length } }));
      return;
    }
    const newKey = await this.keys.change(db, masterKey, {
      reason: 'user_off',
      actorId,
      write: async (m) => {
        await this.audit.append(m, { actorId, action: 'keys.reconcile', details: { removedSlots: stray.length, switchedOff: switchedOff.map((s) => s.userId) } });
      },
      slots: async (current, oldKey) => drop(current, oldKey),
    });
    newKey.copy(masterKey);
    newKey.fill(0);
  }

  /**
   * The scheduled backup, when due, right after a sign-in (issue 9: "at start-up if the last one is
   * older"): the app has no session at start-up, so the first sign-in is when it can run. It runs
   * beside the login's answer, never delaying it, and never throws (BackupService.runDueBackup).
   */
  private startDueBackup(): void {
    this.loginBackup = this.backup.runDueBackup().then((outcome) => {
      if (outcome.status === 'failed') this.log('Scheduled backup after sign-in failed', new Error(outcome.message));
      else if (outcome.status === 'created') this.log('Scheduled backup after sign-in made');
      return outcome;
    });
  }

  private async lock(state: ReadySession, reason: 'manual' | 'idle'): Promise<void> {
    await state.db.write((m) => this.audit.append(m, { actorId: state.user.id, action: 'session.lock', details: { reason } }));
    await this.closeSession(state);
    this.state = { kind: 'locked', user: state.user };
  }

  private async closeSession(state: ReadySession): Promise<void> {
    this.tempFiles.clean();
    try {
      await state.db.read((m) => this.writeAuditAnchor(m, state.masterKey));
    } catch (error) {
      // Locking must close the database and wipe the key whatever happens to the slot file.
      this.options.log?.('Could not anchor the audit chain in the slot file', error);
    }
    await state.db.close();
    state.masterKey.fill(0);
  }

  // ---- handlers --------------------------------------------------------------------------

  private createHandlers(): Handlers {
    return {
      ...this.foundationHandlers(),
      ...caseHandlers(this, this.cases),
      ...recordsHandlers(this, this.familyChanges, this.staffChanges, this.openCases, this.courtOrders),
      ...familyWorkHandlers(this, this.familyWork),
      ...backupHandlers(this.backup),
      ...reportingHandlers(this),
      ...accountHandlers(this),
      ...dialogHandlers(this, this.options.dialogs),
      ...documentHandlers(this, this.documents, this.tempFiles, this.options.openFile, this.options.log),
      ...courtHandlers(this, this.documents, this.options.fontDir),
      ...referralHandlers(this, this.referrals),
    };
  }

  private foundationHandlers(): HandlersFor<FoundationChannel> {
    return {
      'app:status': () => this.status(),

      'setup:create': async (input) => {
        if (existsSync(this.keysFile) || existsSync(this.dbFile)) {
          throw new AppError('INVALID_STATE', 'Asysta jest już skonfigurowana w tym folderze danych.');
        }
        const masterKey = newMasterKey();
        const recoveryCode = newRecoveryCode();
        const db = await this.openDatabase(masterKey);
        let userId: string;
        try {
          userId = await db.write(async (m) => {
            const head = await this.users.create(m, { login: input.head.login, firstName: input.head.firstName, lastName: input.head.lastName, roles: ['head'] }, null);
            await this.office.create(m, input.office, head.id);
            return head.id;
          });
          await db.close();
        } catch (error) {
          await db.close();
          throw error;
        }
        let keyring = newKeyring(masterKey);
        keyring = await withSlot(keyring, { kind: 'user', login: input.head.login, userId }, input.head.password, masterKey, this.scrypt);
        keyring = await withSlot(keyring, { kind: 'recovery' }, recoveryCode, masterKey, this.scrypt);
        await writeKeyring(this.keysFile, keyring);
        masterKey.fill(0);
        return { recoveryCode: formatRecoveryCode(recoveryCode) };
      },

      'session:login': ({ login, password }) =>
        this.throttle.serial(async () => {
          if (this.state.kind !== 'none') throw new AppError('INVALID_STATE', 'Ktoś jest już zalogowany. Najpierw się wyloguj.');
          const key = `login:${login}`;
          await this.throttle.check(key);
          const keyring = await this.readKeyring();
          const masterKey = await this.unwrapWithPassword(keyring, login, password);
          if (!masterKey) return this.recordFailure(key, { actorId: null, action: 'session.login_failed', details: { login } });
          await this.throttle.success(key);
          const user = await this.startSession(masterKey, login, 'session.login');
          this.startDueBackup();
          return user;
        }),

      'session:recover': ({ login, recoveryCode, newPassword }) =>
        this.throttle.serial(async () => {
          if (this.state.kind !== 'none') throw new AppError('INVALID_STATE', 'Ktoś jest już zalogowany. Najpierw się wyloguj.');
          const key = 'recovery';
          await this.throttle.check(key);
          const keyring = await this.readKeyring();
          const slot = recoverySlot(keyring);
          const masterKey = slot ? await openSlot(keyring, slot, recoveryCode) : null;
          if (!masterKey) return this.recordFailure(key, { actorId: null, action: 'session.recover_failed', details: { login } });
          await this.throttle.success(key);
          // The recovery code only sets a new password (with a new key); it signs nobody in, and
          // the audit trail says the code was used, not that the person did something.
          const db = await this.openDatabase(masterKey);
          try {
            const row = await db.read((m) => this.users.byLogin(m, login));
            if (!row || !row.active) throw new AppError('FORBIDDEN', 'To konto jest wyłączone albo nie istnieje. Skontaktuj się z kierownikiem ośrodka.');
            const newKey = await this.keys.change(db, masterKey, {
              reason: 'recovery',
              actorId: null,
              write: async (m) => {
                await this.audit.append(m, { actorId: null, action: 'user.password_reset', entityType: 'user', entityId: row.id, details: { via: 'recovery_code' } });
              },
              slots: (current, oldKey) => withSlot(current, { kind: 'user', login, userId: row.id }, newPassword, oldKey, this.scrypt),
            });
            newKey.fill(0);
          } finally {
            await db.close();
            masterKey.fill(0);
          }
          return null;
        }),

      'session:unlock': ({ password }) =>
        this.throttle.serial(async () => {
          const state = this.state;
          if (state.kind !== 'locked') throw new AppError('INVALID_STATE', 'Sesja nie jest zablokowana.');
          const key = `login:${state.user.login}`;
          await this.throttle.check(key);
          const keyring = await this.readKeyring();
          const masterKey = await this.unwrapWithPassword(keyring, state.user.login, password);
          if (!masterKey) return this.recordFailure(key, { actorId: state.user.id, action: 'session.unlock_failed' });
          await this.throttle.success(key);
          return this.startSession(masterKey, state.user.login, 'session.unlock');
        }),

      'session:lock': async (_input, session) => {
        await this.lock(requireReady(session), 'manual');
        return null;
      },

      'session:logout': async (_input, session) => {
        const state = this.state;
        if (session) {
          await session.db.write((m) => this.audit.append(m, { actorId: session.user.id, action: 'session.logout' }));
          await this.closeSession(session);
        } else if (state.kind === 'locked') {
          await this.throttle.remember({ actorId: state.user.id, action: 'session.logout', details: { from: 'lock_screen', at: this.clock.now().toISOString() } });
        }
        this.state = { kind: 'none' };
        return null;
      },

      'session:touch': async () => null,

      'session:changePassword': async ({ currentPassword, newPassword }, session) => {
        const s = requireReady(session);
        const check = await this.unwrapWithPassword(await this.readKeyring(), s.user.login, currentPassword);
        if (!check) throw new AppError('WRONG_PASSWORD', 'Obecne hasło jest nieprawidłowe.', { currentPassword: 'Nieprawidłowe hasło.' });
        check.fill(0);
        // A new key too: a copy of the slot file from before opens nothing with the old password.
        await this.changeKey(s, {
          reason: 'password_change',
          actorId: s.user.id,
          write: async (m) => {
            await this.audit.append(m, { actorId: s.user.id, action: 'user.password_change', entityType: 'user', entityId: s.user.id });
          },
          slots: (keyring, oldKey) => withSlot(keyring, { kind: 'user', login: s.user.login, userId: s.user.id }, newPassword, oldKey, this.scrypt),
        });
        return null;
      },

      'office:get': async (_input, session) => requireReady(session).db.read((m) => this.office.get(m)),

      'office:update': async (input, session) => {
        const s = requireReady(session);
        return s.db.write((m) => this.office.update(m, input, s.user.id));
      },

      'settings:update': async (input, session) => {
        const s = requireReady(session);
        s.settings = await s.db.write((m) => this.office.updateSettings(m, input, s.user.id));
        return s.settings;
      },

      'users:list': async (_input, session) => requireReady(session).db.read((m) => this.users.list(m)),

      'users:create': async ({ password, ...input }, session) => {
        const s = requireReady(session);
        // The slot is written inside the account's transaction, just before it commits: a crash
        // can leave at most a slot without an account, which the next sign-in removes.
        return s.db.write(async (m) => {
          const user = await this.users.create(m, input, s.user.id);
          const keyring = await this.readKeyring();
          await writeKeyring(this.keysFile, await withSlot(keyring, { kind: 'user', login: user.login, userId: user.id }, password, s.masterKey, this.scrypt));
          return user;
        });
      },

      'users:update': async (input, session) => {
        const s = requireReady(session);
        const before = await s.db.read((m) => this.users.byId(m, input.id));
        if (!before.active || input.active) return (await s.db.write((m) => this.users.update(m, input, s.user.id))).user;
        // A switched-off account loses its key slot and the database gets a new key, in one step:
        // her password, and any copy of the slot file she may have kept, open nothing any more.
        let updated: Awaited<ReturnType<UsersService['update']>> | null = null;
        await this.changeKey(s, {
          reason: 'user_off',
          actorId: s.user.id,
          write: async (m) => {
            updated = await this.users.update(m, input, s.user.id);
          },
          slots: async (keyring, oldKey) => withoutUserSlot(keyring, input.id, oldKey),
        });
        if (!updated) throw new Error('users:update: the change was not written');
        return (updated as Awaited<ReturnType<UsersService['update']>>).user;
      },

      'users:resetPassword': async ({ id, newPassword }, session) => {
        const s = requireReady(session);
        const user = await s.db.read((m) => this.users.byId(m, id));
        if (!user.active) throw new AppError('CONFLICT', 'Konto jest wyłączone. Najpierw je włącz, potem ustaw hasło.');
        // A new key too: her old password, with any copy of the slot file, opens nothing any more.
        await this.changeKey(s, {
          reason: 'password_reset',
          actorId: s.user.id,
          write: async (m) => {
            await this.audit.append(m, { actorId: s.user.id, action: 'user.password_reset', entityType: 'user', entityId: id });
          },
          slots: (keyring, oldKey) => withSlot(keyring, { kind: 'user', login: user.login, userId: user.id }, newPassword, oldKey, this.scrypt),
        });
        await this.throttle.forget(`login:${user.login}`);
        return null;
      },

      'audit:list': async (filter, session) => requireReady(session).db.read((m) => this.audit.list(m, filter)),

      'audit:verify': async (_input, session) => {
        const s = requireReady(session);
        const anchor = (await this.readKeyring()).anchor;
        const result = await s.db.read((m) => this.audit.verify(m, anchor));
        await s.db.write((m) => this.audit.append(m, { actorId: s.user.id, action: 'audit.verify', details: { ok: result.ok, checked: result.checked, firstBrokenId: result.firstBrokenId } }));
        return result;
      },

      'audit:exportCsv': async (filter, session) => {
        const s = requireReady(session);
        const entries = await s.db.read((m) => this.audit.list(m, filter));
        await s.db.write((m) => this.audit.append(m, { actorId: s.user.id, action: 'audit.export', details: { filter, rows: entries.length } }));
        const day = this.clock.now().toISOString().slice(0, 10);
        return { fileName: `dziennik-zdarzen-${day}.csv`, csv: auditCsv(entries) };
      },
    };
  }
}

function validationError(error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.') || '_';
    fields[path] ??= issue.message;
  }
  const first = error.issues[0]?.message ?? 'Nieprawidłowe dane.';
  return new AppError('VALIDATION', `Popraw dane: ${first}`, fields);
}

export function createBackend(options: BackendOptions): Backend {
  return new Backend(options);
}
