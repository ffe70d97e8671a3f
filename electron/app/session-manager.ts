/**
 * The session's state machine: set-up, sign-in, unlock, lock, sign-out, recovery, a new own
 * password, and the idle lock. While the session is locked or signed out the database is closed
 * and the master key wiped, so nothing sensitive is in memory on an unattended PC.
 *
 * Two modes (issue 18), chosen by the data folder (data/data-folder.ts):
 * - "Ten komputer": the encrypted file; a password opens the person's key slot;
 * - "Serwer w biurze": the office server; a password is the person's own PostgreSQL login role's
 *   (ServerDatabase.open connects as her, over verify-full). Lock and sign-out close the
 *   connection and the password is not kept; unlock connects again. There are no key slots and
 *   no recovery code: a forgotten password is set by the kierownik, or at the server.
 */
import { randomBytes } from 'node:crypto';
import type { AppStatus, OfficeInfo, ParsedInput, ServerAddress, SessionUser } from '../../shared/ipc';
import type { Clock } from '../clock';
import { refuseIfMoved, readMovedMarker } from '../data/moved-marker';
import type { DataFolder, ServerLink } from '../data/data-folder';
import { ServerDatabase } from '../data/postgres/server-database';
import { loginRole, scramVerifier, serverRoles } from '../data/postgres/roles';
import { changeOwnPassword, signedInUserId } from '../data/queries/server-accounts';
import type { Database } from '../db/database';
import { formatRecoveryCode, newKeyring, newMasterKey, newRecoveryCode, openSlot, readKeyring, recoverySlot, withSlot, withoutUserSlot, writeKeyring, type Keyring } from '../db/keyring';
import { AppError } from '../errors';
import type { AuditInput, AuditService } from '../services/audit';
import type { BackupService, ScheduledBackup } from '../services/backup';
import { SERVER_RECOVERY_CODE } from '../services/backup-handlers';
import type { TempFiles } from '../services/document-handlers';
import type { KeyService } from '../services/keys';
import type { OfficeService } from '../services/office';
import type { LoginThrottle } from '../services/throttle';
import { toSessionUser, type UsersService } from '../services/users';
import { createOfficeOnServer, pairServer, type ServerDatabaseName } from '../server/join';
import type { CurrentSession, ReadySession } from '../session/context';

const WRONG_LOGIN = 'Nieprawidłowy login lub hasło.';
const SIGNED_IN = 'Ktoś jest już zalogowany. Najpierw się wyloguj.';
const SWITCHED_OFF = 'To konto jest wyłączone. Skontaktuj się z kierownikiem ośrodka.';

/** A server session has no master key: the file-only operations that need one refuse before using it (localDatabase). */
const NO_MASTER_KEY = Buffer.alloc(0);


export interface SessionManagerDeps {
  folder: DataFolder;
  clock: Clock;
  session: CurrentSession;
  audit: AuditService;
  users: UsersService;
  office: OfficeService;
  keys: KeyService;
  backup: BackupService;
  throttle: LoginThrottle;
  tempFiles: TempFiles;
  /** Where a joined server keeps the office's database, and its roles' prefix (tests: one database per backend). */
  serverDatabase: ServerDatabaseName;
}

export class SessionManager {
  /** The due backup started after the last sign-in (tests and close() wait for it). */
  loginBackup: Promise<ScheduledBackup> | null = null;
  /** The office as the ready session last read it (shown while the office server is out of reach). */
  private lastOffice: { session: ReadySession; office: OfficeInfo } | null = null;

  constructor(private readonly deps: SessionManagerDeps) {}

  async status(): Promise<AppStatus> {
    const state = this.deps.session.state;
    const { folder } = this.deps;
    const mode = folder.mode();
    let server: ServerAddress | null = null;
    if (mode === 'server') {
      try {
        const link = folder.readServer();
        server = link ? { host: link.host, port: link.port } : null;
      } catch {
        // A damaged server file: the sign-in says so in Polish; the status still answers.
      }
    }
    const where = { mode, server };
    if (state.kind === 'ready') {
      let office: OfficeInfo;
      try {
        office = await state.db.read((m) => this.deps.office.get(m));
        this.lastOffice = { session: state, office };
      } catch (error) {
        // The office server out of reach: the screen stays as it was (the calls say why they fail).
        if (!(error instanceof AppError && error.code === 'SERVER_UNREACHABLE' && this.lastOffice?.session === state)) throw error;
        office = this.lastOffice.office;
      }
      return { state: 'ready', ...where, user: state.user, office, settings: state.settings };
    }
    if (state.kind === 'locked') return { state: 'locked', ...where, user: state.user, office: null, settings: null };
    // A folder whose office moved to the server is set up again by joining the server.
    const open = mode === 'server' || (folder.configured() && readMovedMarker(folder.dataDir) === null);
    return { state: open ? 'login' : 'setup', ...where, user: null, office: null, settings: null };
  }

  /**
   * "Serwer w biurze": this PC joins the office server of the pairing code. The code is checked
   * and the server's CA taken by the code's fingerprint; nothing is written before both hold.
   * The schema version is checked at every sign-in (the server tells it only to a signed-in role).
   */
  async joinServer(pairingCode: string): Promise<ServerAddress> {
    this.refuseJoiningHere();
    const paired = await pairServer(pairingCode);
    this.deps.folder.writeServer(await this.linkOf(paired));
    return { host: paired.host, port: paired.port };
  }

  /**
   * A new office on the office server, made with the server's one-time setup code (the schema
   * version checked first); the kierownik signs in once to prove her account, then this PC joins.
   */
  async createOnServer(input: ParsedInput<'setup:createOnServer'>): Promise<ServerAddress> {
    this.refuseJoiningHere();
    const paired = await pairServer(input.pairingCode);
    const link = await this.linkOf(paired);
    const { password, ...head } = input.head;
    await createOfficeOnServer(
      { host: link.host, port: link.port, database: link.database, ca: link.ca },
      link,
      input.setupCode,
      { office: input.office, head },
      password,
    );
    this.deps.folder.writeServer(link);
    return { host: paired.host, port: paired.port };
  }

  private refuseJoiningHere(): void {
    const { folder, session } = this.deps;
    if (session.state.kind !== 'none') throw new AppError('INVALID_STATE', SIGNED_IN);
    if (folder.mode() === 'local' && folder.configured() && readMovedMarker(folder.dataDir) === null) {
      throw new AppError(
        'INVALID_STATE',
        'Ten komputer ma już własny ośrodek (tryb „Ten komputer”). Aby pracować na serwerze w biurze, przenieś go tam poleceniem npm run server -- move albo użyj innego folderu danych.',
      );
    }
  }

  private async linkOf(paired: Awaited<ReturnType<typeof pairServer>>): Promise<ServerLink> {
    const { folder, serverDatabase } = this.deps;
    // The throttle file stays readable across a re-join (and a move): the same salt as before.
    const earlier = folder.mode() === 'server' ? folder.readServer()?.lookupSalt : (await readKeyring(folder.keysFile).catch(() => null))?.lookupSalt;
    const lookupSalt = earlier ?? randomBytes(16).toString('base64');
    return { host: paired.host, port: paired.port, fingerprint: paired.fingerprint, ca: paired.ca, ...serverDatabase, lookupSalt };
  }

  /** The first run: the office, its kierownik and her slot, the recovery code's slot. */
  async setUp(input: ParsedInput<'setup:create'>): Promise<{ recoveryCode: string }> {
    const { folder, users, office } = this.deps;
    if (folder.configured()) throw new AppError('INVALID_STATE', 'Asysta jest już skonfigurowana w tym folderze danych.');
    const masterKey = newMasterKey();
    const recoveryCode = newRecoveryCode();
    const db = await folder.openDatabase(masterKey);
    let userId: string;
    try {
      userId = await db.write(async (m) => {
        const head = await users.create(m, { login: input.head.login, firstName: input.head.firstName, lastName: input.head.lastName, roles: ['head'] }, null);
        await office.create(m, input.office, head.id);
        return head.id;
      });
      await db.close();
    } catch (error) {
      await db.close();
      throw error;
    }
    let keyring = newKeyring(masterKey);
    keyring = await withSlot(keyring, { kind: 'user', login: input.head.login, userId }, input.head.password, masterKey, folder.scrypt);
    keyring = await withSlot(keyring, { kind: 'recovery' }, recoveryCode, masterKey, folder.scrypt);
    await writeKeyring(folder.keysFile, keyring);
    masterKey.fill(0);
    return { recoveryCode: formatRecoveryCode(recoveryCode) };
  }

  login(login: string, password: string): Promise<SessionUser> {
    const { throttle, folder } = this.deps;
    return throttle.serial(async () => {
      if (this.deps.session.state.kind !== 'none') throw new AppError('INVALID_STATE', SIGNED_IN);
      const key = `login:${login}`;
      await throttle.check(key);
      const link = folder.readServer();
      if (link) {
        const db = await this.connect(link, login, password);
        if (!db) return this.recordFailure(key, { actorId: null, action: 'session.login_failed', details: { login } });
        await throttle.success(key);
        return this.startServerSession(db, 'session.login');
      }
      refuseIfMoved(folder.dataDir);
      const masterKey = await folder.unwrapWithPassword(await folder.readKeyring(), login, password);
      if (!masterKey) return this.recordFailure(key, { actorId: null, action: 'session.login_failed', details: { login } });
      await throttle.success(key);
      const user = await this.startSession(masterKey, login, 'session.login');
      this.startDueBackup();
      return user;
    });
  }

  /** The recovery code only sets a new password (with a new key); it signs nobody in. */
  recover(login: string, recoveryCode: string, newPassword: string): Promise<null> {
    const { throttle, folder, users, keys, audit } = this.deps;
    return throttle.serial(async () => {
      if (this.deps.session.state.kind !== 'none') throw new AppError('INVALID_STATE', SIGNED_IN);
      if (folder.mode() === 'server') throw new AppError('INVALID_STATE', SERVER_RECOVERY_CODE);
      const key = 'recovery';
      await throttle.check(key);
      const keyring = await folder.readKeyring();
      const slot = recoverySlot(keyring);
      const masterKey = slot ? await openSlot(keyring, slot, recoveryCode) : null;
      if (!masterKey) return this.recordFailure(key, { actorId: null, action: 'session.recover_failed', details: { login } });
      await throttle.success(key);
      // The audit trail says the code was used, not that the person did something.
      const db = await folder.openDatabase(masterKey);
      try {
        const row = await db.read((m) => users.byLogin(m, login));
        if (!row || !row.active) throw new AppError('FORBIDDEN', 'To konto jest wyłączone albo nie istnieje. Skontaktuj się z kierownikiem ośrodka.');
        const newKey = await keys.change(db, masterKey, {
          reason: 'recovery',
          actorId: null,
          write: async (m) => {
            await audit.append(m, { actorId: null, action: 'user.password_reset', entityType: 'user', entityId: row.id, details: { via: 'recovery_code' } });
          },
          slots: (current, oldKey) => withSlot(current, { kind: 'user', login, userId: row.id }, newPassword, oldKey, folder.scrypt),
        });
        newKey.fill(0);
      } finally {
        await db.close();
        masterKey.fill(0);
      }
      return null;
    });
  }

  unlock(password: string): Promise<SessionUser> {
    const { throttle, folder } = this.deps;
    return throttle.serial(async () => {
      const state = this.deps.session.state;
      if (state.kind !== 'locked') throw new AppError('INVALID_STATE', 'Sesja nie jest zablokowana.');
      const key = `login:${state.user.login}`;
      await throttle.check(key);
      const link = folder.readServer();
      if (link) {
        const db = await this.connect(link, state.user.login, password);
        if (!db) return this.recordFailure(key, { actorId: state.user.id, action: 'session.unlock_failed' });
        await throttle.success(key);
        return this.startServerSession(db, 'session.unlock');
      }
      const masterKey = await folder.unwrapWithPassword(await folder.readKeyring(), state.user.login, password);
      if (!masterKey) return this.recordFailure(key, { actorId: state.user.id, action: 'session.unlock_failed' });
      await throttle.success(key);
      return this.startSession(masterKey, state.user.login, 'session.unlock');
    });
  }

  async lock(state: ReadySession, reason: 'manual' | 'idle'): Promise<void> {
    await this.recordLeaving(state, { actorId: state.user.id, action: 'session.lock', details: { reason } });
    await this.closeSession(state);
    this.deps.session.state = { kind: 'locked', user: state.user };
  }

  /** Signs out from a ready session or from the lock screen. */
  async logout(session: ReadySession | null): Promise<void> {
    const state = this.deps.session.state;
    if (session) {
      await this.recordLeaving(session, { actorId: session.user.id, action: 'session.logout' });
      await this.closeSession(session);
    } else if (state.kind === 'locked') {
      await this.deps.throttle.remember({ actorId: state.user.id, action: 'session.logout', details: { from: 'lock_screen', at: this.deps.clock.now().toISOString() } });
    }
    this.deps.session.state = { kind: 'none' };
  }

  /** Her own new password, after the current one; a new key too, so an old copy of the slot file opens nothing. */
  async changePassword(s: ReadySession, currentPassword: string, newPassword: string): Promise<void> {
    const { folder, keys, audit } = this.deps;
    const link = folder.readServer();
    if (link) return this.changeServerPassword(s, link, currentPassword, newPassword);
    const check = await folder.unwrapWithPassword(await folder.readKeyring(), s.user.login, currentPassword);
    if (!check) throw new AppError('WRONG_PASSWORD', 'Obecne hasło jest nieprawidłowe.', { currentPassword: 'Nieprawidłowe hasło.' });
    check.fill(0);
    await keys.changeFor(s, {
      reason: 'password_change',
      actorId: s.user.id,
      write: async (m) => {
        await audit.append(m, { actorId: s.user.id, action: 'user.password_change', entityType: 'user', entityId: s.user.id });
      },
      slots: (keyring, oldKey) => withSlot(keyring, { kind: 'user', login: s.user.login, userId: s.user.id }, newPassword, oldKey, folder.scrypt),
    });
  }

  /** Locks a session that has been idle longer than the office's setting (also run by a timer). */
  async lockIfIdle(): Promise<void> {
    const state = this.deps.session.state;
    if (state.kind !== 'ready') return;
    const idleMs = this.deps.clock.now().getTime() - state.lastActivity;
    if (idleMs >= state.settings.idleLockMinutes * 60_000) await this.lock(state, 'idle');
  }

  /** The app closes: the backup after sign-in finishes, a ready session is signed out. */
  async close(): Promise<void> {
    await this.loginBackup;
    const state = this.deps.session.state;
    if (state.kind === 'ready') {
      await this.recordLeaving(state, { actorId: state.user.id, action: 'session.logout', details: { reason: 'app_closed' } });
      await this.closeSession(state);
    }
    this.deps.session.state = { kind: 'none' };
  }

  /**
   * The audit entry of a lock or sign-out. With the office server out of reach the session ends
   * all the same (a PC left alone must lock): the entry waits on this PC for the next sign-in.
   */
  private async recordLeaving(state: ReadySession, event: AuditInput): Promise<void> {
    try {
      await state.db.write((m) => this.deps.audit.append(m, event));
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'SERVER_UNREACHABLE')) throw error;
      await this.deps.throttle.remember({ ...event, details: { ...event.details, at: this.deps.clock.now().toISOString() } });
    }
  }

  private async recordFailure(key: string, event: AuditInput): Promise<never> {
    const delay = await this.deps.throttle.failure(key, event);
    throw new AppError('WRONG_PASSWORD', delay > 1000 ? `${WRONG_LOGIN} Kolejna próba możliwa za ${delay / 1000} s.` : WRONG_LOGIN);
  }

  private async startSession(masterKey: Buffer, login: string, action: 'session.login' | 'session.unlock'): Promise<SessionUser> {
    const { folder, users, audit, throttle, office, clock } = this.deps;
    const db = await folder.openDatabase(masterKey);
    try {
      const row = await db.read((m) => users.byLogin(m, login));
      if (!row || !row.active) {
        throw new AppError('FORBIDDEN', 'To konto jest wyłączone. Skontaktuj się z kierownikiem ośrodka.');
      }
      const user = toSessionUser(row);
      const pending = await throttle.pending();
      // Before anything is appended: is the chain still as long as it was when last closed?
      const anchor = (await folder.readKeyring()).anchor;
      const missing = await db.read((m) => audit.anchorBroken(m, anchor));
      await db.write(async (m) => {
        if (missing !== null) await audit.append(m, { actorId: null, action: 'audit.anchor_broken', details: { anchoredSeq: anchor?.seq ?? 0, firstMissing: missing } });
        for (const event of pending.events) await audit.append(m, event);
        await audit.append(m, { actorId: user.id, action, entityType: 'user', entityId: user.id });
      });
      await pending.done();
      await this.reconcileSlots(db, masterKey, user.id);
      const settings = await db.read((m) => office.settings(m));
      this.deps.session.state = { kind: 'ready', user, db, masterKey, settings, lastActivity: clock.now().getTime() };
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
    const { folder, users: usersService, audit, keys } = this.deps;
    const users = await db.read((m) => usersService.list(m));
    const keyring = await folder.readKeyring();
    const active = new Set(users.filter((u) => u.active).map((u) => u.id));
    const stray = keyring.slots.filter((slot) => slot.kind === 'user' && !active.has(slot.userId ?? ''));
    if (stray.length === 0) return;
    const switchedOff = stray.filter((slot) => users.some((u) => u.id === slot.userId));
    const drop = (current: Keyring, key: Buffer): Keyring => stray.reduce((k, slot) => withoutUserSlot(k, slot.userId ?? '', key), current);
    if (switchedOff.length === 0) {
      await writeKeyring(folder.keysFile, drop(keyring, masterKey));
      await db.write((m) => audit.append(m, { actorId, action: 'keys.reconcile', details: { removedSlots: stray.length } }));
      return;
    }
    const newKey = await keys.change(db, masterKey, {
      reason: 'user_off',
      actorId,
      write: async (m) => {
        await audit.append(m, { actorId, action: 'keys.reconcile', details: { removedSlots: stray.length, switchedOff: switchedOff.map((s) => s.userId) } });
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
   * It holds the database only while it takes its snapshot (services/backup.ts).
   */
  private startDueBackup(): void {
    const log = this.deps.folder.log;
    this.loginBackup = this.deps.backup.runDueBackup().then((outcome) => {
      if (outcome.status === 'failed') log('Scheduled backup after sign-in failed', new Error(outcome.message));
      else if (outcome.status === 'created') log('Scheduled backup after sign-in made');
      return outcome;
    });
  }

  private async closeSession(state: ReadySession): Promise<void> {
    this.deps.tempFiles.clean();
    if (state.db.dialect === 'sqlite') {
      try {
        await state.db.read((m) => this.deps.keys.anchor(m, state.masterKey));
      } catch (error) {
        // Locking must close the database and wipe the key whatever happens to the slot file.
        this.deps.folder.log('Could not anchor the audit chain in the slot file', error);
      }
    }
    // On the server this drops the connections, and with them the only copy of the password.
    await state.db.close();
    state.masterKey.fill(0);
  }

  /** Connects to the server as the person's login role; null when the password (or login) is wrong. */
  private async connect(link: ServerLink, login: string, password: string): Promise<ServerDatabase | null> {
    try {
      return await ServerDatabase.open(
        { host: link.host, port: link.port, database: link.database, ca: link.ca, user: loginRole(serverRoles(link.rolePrefix), login), password },
        { rolePrefix: link.rolePrefix },
      );
    } catch (error) {
      if (error instanceof AppError && error.code === 'WRONG_PASSWORD') return null;
      throw error;
    }
  }

  /** The session on the server: the user is the active one whose login role is connected (never what the PC claims). */
  private async startServerSession(db: ServerDatabase, action: 'session.login' | 'session.unlock'): Promise<SessionUser> {
    const { users, audit, throttle, office, clock } = this.deps;
    try {
      const userId = await db.read((m) => signedInUserId(m));
      if (!userId) throw new AppError('FORBIDDEN', SWITCHED_OFF);
      const user = toSessionUser(await db.read((m) => users.byId(m, userId)));
      const pending = await throttle.pending();
      // The server's trail takes a person's own entries, and the PC's (no actor) only from the
      // kierownik, who alone may read them back (schema/0002-access.ts audit_read): the rest
      // wait on this PC for her next sign-in here. Another person's event becomes the PC's, naming her.
      const head = user.roles.includes('head');
      const own = pending.events.filter((event) => event.actorId === user.id);
      const pcs = head ? pending.events.filter((event) => event.actorId !== user.id) : [];
      const waiting = head ? [] : pending.events.filter((event) => event.actorId !== user.id);
      await db.write(async (m) => {
        for (const event of [...own, ...pcs]) {
          await audit.append(m, event.actorId === null || event.actorId === user.id ? event : { ...event, actorId: null, details: { ...event.details, userId: event.actorId } });
        }
        await audit.append(m, { actorId: user.id, action, entityType: 'user', entityId: user.id });
      });
      await pending.done();
      for (const event of waiting) await throttle.remember(event);
      const settings = await db.read((m) => office.settings(m));
      const ready: ReadySession = { kind: 'ready', user, db, masterKey: NO_MASTER_KEY, settings, lastActivity: clock.now().getTime() };
      this.lastOffice = { session: ready, office: await db.read((m) => office.get(m)) };
      this.deps.session.state = ready;
      return user;
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  /**
   * Her own new password on the server: the current one proven by a connection made with it, the
   * new one sent as a SCRAM verifier only; the session then reconnects with the new one.
   */
  private async changeServerPassword(s: ReadySession, link: ServerLink, currentPassword: string, newPassword: string): Promise<void> {
    const check = await this.connect(link, s.user.login, currentPassword);
    if (!check) throw new AppError('WRONG_PASSWORD', 'Obecne hasło jest nieprawidłowe.', { currentPassword: 'Nieprawidłowe hasło.' });
    await check.close();
    await s.db.write(async (m) => {
      await changeOwnPassword(m, scramVerifier(newPassword));
      await this.deps.audit.append(m, { actorId: s.user.id, action: 'user.password_change', entityType: 'user', entityId: s.user.id });
    });
    const fresh = await this.connect(link, s.user.login, newPassword);
    if (!fresh) throw new AppError('INTERNAL', 'Hasło zmieniono, ale serwer go nie przyjął. Wyloguj się i zaloguj nowym hasłem.');
    const old = s.db;
    s.db = fresh;
    await old.close();
  }
}
