/**
 * Backups an office can run itself (issue 9): the service that makes, checks, rotates and
 * restores them. The file format is in backup-format.ts, names and rotation in
 * backup-rotation.ts, the restore's swap behind a journal in restore-journal.ts.
 *
 * The snapshot is taken with `VACUUM INTO` on the open connection: SQLite3 Multiple Ciphers
 * attaches the target with the main database's cipher and key, so the copy is encrypted exactly
 * like the database (the online backup API refuses an encrypted source: "incompatible source and
 * target databases"). The database is held only for the snapshot, not while the file is written
 * and read back.
 *
 * A restore checks the file's sum, opens the master key with a password or the recovery code,
 * checks the HMAC, writes the database aside in the data folder, runs `PRAGMA integrity_check` and
 * the audit-chain check on it, and only then swaps it in. The swap keeps the current files aside
 * (`.przed-przywroceniem-<czas>`) behind a journal until the new database has been checked again
 * in place; a crash in between is rolled back or forward at the next start. A full disk or a
 * read-only folder at any step is named in Polish, and nothing is lost.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { backupAgeDays, backupIsStale, type BackupResult, type BackupStatus, type RekeyResult, type RestoreResult } from '../../shared/backup';
import { can } from '../../shared/domain/roles';
import { count } from '../../shared/text';
import type { Clock } from '../clock';
import type { DataFolder } from '../data/data-folder';
import type { Database } from '../db/database';
import { SettingEntity, UserEntity } from '../db/entities';
import { Database as DatabaseFile, localDatabase } from '../db/database';
import {
  findUserSlot,
  formatRecoveryCode,
  keyHistory,
  keyIdOf,
  newRecoveryCode,
  openSlot,
  readKeyring,
  recoverySlot,
  withAnchor,
  withSlot,
  writeKeyring,
  type Keyring,
} from '../db/keyring';
import { MIGRATIONS } from '../db/migrations';
import { AppError } from '../errors';
import type { CurrentSession, ReadySession } from '../session/context';
import type { AuditService } from './audit';
import {
  BACKUP_FORMAT_VERSION,
  backupMacKey,
  corrupt,
  parseJson,
  peekBackupHeader,
  readLayout,
  readPrefix,
  scanBackup,
  withFile,
  writeBackupFile,
  type BackupHeader,
  type Layout,
  type ScanResult,
} from './backup-format';
import { backupFileName, beyondKeep, isDirectory, listBackups, ourBackups, removeLeftovers, requireWritable } from './backup-rotation';
import { removeQuietly } from './durable-files';
import type { KeyService } from './keys';
import type { OfficeService } from './office';
import { RestoreJournal, diskProblem, restoreFailure } from './restore-journal';
import type { LoginThrottle } from './throttle';
import type { UsersService } from './users';

const LAST_BACKUP_KEY = 'backup.last';

const lastBackupSchema = z.object({ at: z.string(), fileName: z.string(), size: z.number(), sha256: z.string() });
type LastBackup = z.infer<typeof lastBackupSchema>;

export type BackupTrigger = 'manual' | 'schedule' | 'cli';

/** What a backup is made from: an open database, its key and who asked. */
export interface BackupSource {
  db: Database;
  masterKey: Buffer;
  actorId: string | null;
}

/** A folder (named by date, with rotation) or one exact file (the CLI's --out). */
export type BackupTarget = { folder: string | null; keep: number } | { file: string };

export type RestoreSecret = { method: 'password'; login: string; password: string } | { method: 'recovery'; recoveryCode: string };

/** Which key opens the backup, which key the restored database gets, and the slot file to install. */
interface RestorePlan {
  backupKey: Buffer;
  targetKey: Buffer;
  keyring: Keyring;
  /** No office here: the person must be a kierownik in the backup's own data. */
  checkUser: boolean;
}

export type ScheduledBackup =
  | { status: 'created'; result: BackupResult }
  | { status: 'not_due'; nextDueAt: string }
  | { status: 'no_session' | 'no_folder' | 'busy' }
  | { status: 'failed'; message: string };

// ---- the service ---------------------------------------------------------------------------

/** What a backup and a restore need (app/composition.ts builds them once). */
export interface BackupPorts {
  folder: DataFolder;
  clock: Clock;
  audit: AuditService;
  users: UsersService;
  office: OfficeService;
  keys: KeyService;
  throttle: LoginThrottle;
  session: CurrentSession;
}

export class BackupService {
  private readonly dataDir: string;
  private busy = false;
  private readonly folder: DataFolder;
  private readonly journal: RestoreJournal;

  constructor(private readonly ports: BackupPorts) {
    this.folder = ports.folder;
    this.dataDir = ports.folder.dataDir;
    this.journal = new RestoreJournal(this.dataDir, this.folder.dbFile, this.folder.keysFile, this.folder.log);
    // A restore cut short by a crash is finished or rolled back before anything opens.
    this.journal.recoverInterrupted();
  }

  /**
   * Writes a backup and records it ('backup.create') with the last-backup marker, in one transaction.
   * The database is held only while its snapshot is taken (VACUUM INTO) — the snapshot, the slot
   * file and the integrity key are taken together, so a key change cannot slip in between — and
   * again for the short record. Writing the file and reading it back run beside other calls.
   */
  async createBackup(source: BackupSource, target: BackupTarget, trigger: BackupTrigger): Promise<BackupResult> {
    const started = performance.now();
    return this.exclusive(async () => {
      const { folder, file, keep } = this.resolveTarget(target);
      const createdAt = this.ports.clock.now().toISOString();
      const snapshot = join(this.dataDir, `asysta.kopia-${process.pid}-${randomBytes(8).toString('hex')}.db.tmp`);
      let macKey: Buffer | undefined;
      let written: { size: number; sha256: string };
      let check: ScanResult;
      let officeId: string;
      try {
        const taken = await source.db.read(async (manager) => {
          const keyring = await this.folder.readKeyring();
          const header: BackupHeader = {
            format: 'asysta-backup',
            version: BACKUP_FORMAT_VERSION,
            officeId: keyring.officeId,
            createdAt,
            migrations: await source.db.appliedMigrations(),
            macSalt: randomBytes(32).toString('base64'),
            keyId: keyIdOf(source.masterKey),
            auditHead: await this.ports.audit.head(manager),
          };
          const key = backupMacKey(source.masterKey, header);
          macKey = key;
          await manager.query('VACUUM INTO ?', [snapshot]);
          return { keyring, header, macKey: key };
        });
        officeId = taken.keyring.officeId;
        written = await writeBackupFile(file, taken.header, JSON.stringify(taken.keyring), snapshot, taken.macKey);
        // Self-check: read the file back, as a restore would, before telling anyone it is there.
        check = await withFile(file, (handle, size) => scanBackup(handle, size, { macKey: taken.macKey }));
      } catch (error) {
        removeQuietly(file);
        throw ioError(error, 'Nie udało się zapisać kopii zapasowej w wybranym folderze (brak miejsca na dysku lub uprawnień). Nic nie zostało zmienione.');
      } finally {
        macKey?.fill(0);
        removeQuietly(snapshot, `${snapshot}-journal`);
      }
      if (!check.sumOk || !check.tagOk || check.sha256 !== written.sha256) {
        removeQuietly(file);
        throw new AppError('IO_ERROR', 'Kopia zapasowa zapisała się z błędami (sprawdź dysk lub nośnik) i została usunięta. Spróbuj ponownie.');
      }
      const fileName = basename(file);
      const removed = keep ? await beyondKeep(folder, keep, officeId, fileName) : [];
      const last: LastBackup = { at: createdAt, fileName, size: written.size, sha256: written.sha256 };
      try {
        await source.db.write(async (tx) => {
          await this.ports.audit.append(tx, { actorId: source.actorId, action: 'backup.create', details: { fileName, size: written.size, sha256: written.sha256, trigger, removed } });
          await tx.getRepository(SettingEntity).save({ key: LAST_BACKUP_KEY, value: JSON.stringify(last), updatedAt: createdAt, updatedBy: source.actorId });
        });
      } catch (error) {
        // Not on record, so not a backup: nothing half done.
        removeQuietly(file);
        throw error;
      }
      for (const name of removed) removeQuietly(join(folder, name));
      // The chain's head anchored in the slot file too.
      await source.db.read((manager) => this.ports.keys.anchor(manager, source.masterKey));
      return { fileName, folder, size: written.size, sha256: written.sha256, createdAt, removed, durationMs: Math.round(performance.now() - started) };
    });
  }

  /**
   * "Zmień klucz bazy": a new master key (services/keys.ts). With a day given, this office's backups
   * in its backup folder made before that day are deleted afterwards (they open with the old
   * passwords of their day); the audit entry of the change names them.
   */
  async rekey(session: ReadySession, destroyBackupsBefore: string | null): Promise<RekeyResult> {
    const started = performance.now();
    return this.exclusive(async () => {
      const doomed = destroyBackupsBefore ? await this.backupsBefore(session, destroyBackupsBefore) : [];
      await this.ports.keys.changeFor(session, {
        reason: 'manual',
        actorId: session.user.id,
        write: async (m) => {
          if (destroyBackupsBefore) {
            await this.ports.audit.append(m, { actorId: session.user.id, action: 'backup.destroy_old', details: { before: destroyBackupsBefore, files: doomed.map((f) => basename(f)) } });
          }
        },
      });
      for (const file of doomed) removeQuietly(file);
      return { durationMs: Math.round(performance.now() - started), removedBackups: doomed.map((f) => basename(f)) };
    });
  }

  /** A new recovery code: the old one stops opening anything, and the key changes with it. */
  async newRecoveryCode(session: ReadySession): Promise<{ recoveryCode: string }> {
    return this.exclusive(async () => {
      const code = newRecoveryCode();
      await this.ports.keys.changeFor(session, {
        reason: 'recovery_code',
        actorId: session.user.id,
        write: async (m) => {
          await this.ports.audit.append(m, { actorId: session.user.id, action: 'keys.recovery_code_new' });
        },
        slots: (keyring, oldKey) => withSlot(keyring, { kind: 'recovery' }, code, oldKey, this.folder.scrypt),
      });
      return { recoveryCode: formatRecoveryCode(code) };
    });
  }

  /** This office's backups in its backup folder made before the start of `day` (the PC's local time). */
  private async backupsBefore(session: ReadySession, day: string): Promise<string[]> {
    const folder = session.settings.backupDir;
    if (!folder || !isDirectory(folder)) return [];
    const officeId = (await this.folder.readKeyring()).officeId;
    const limit = new Date(`${day}T00:00:00`).getTime();
    const found: string[] = [];
    for (const name of listBackups(folder)) {
      const header = await peekBackupHeader(join(folder, name));
      if (header?.officeId === officeId && Date.parse(header.createdAt) < limit) found.push(join(folder, name));
    }
    return found;
  }

  /**
   * A backup outside the app (the CLI, a scheduled task): a kierownik's login and password open the
   * database as it is (not migrated). `out` is a folder (named by date, with rotation) or a file.
   */
  async backupWithPassword(login: string, password: string, out: string): Promise<BackupResult> {
    const masterKey = await this.folder.unwrapWithPassword(await this.folder.readKeyring(), login, password);
    if (!masterKey) throw new AppError('WRONG_PASSWORD', 'Nieprawidłowy login lub hasło. Niczego nie zmieniono.');
    try {
      const db = await this.folder.openDatabase(masterKey, { migrate: false });
      try {
        const { user, settings } = await db.read(async (m) => ({ user: await this.ports.users.byLogin(m, login), settings: await this.ports.office.settings(m) }));
        if (!user?.active || !can(user.roles, 'backup.run')) throw new AppError('FORBIDDEN', 'Nie masz uprawnień do wykonywania kopii zapasowych.');
        const target: BackupTarget = isDirectory(out) ? { folder: out, keep: settings.backupKeep } : { file: out };
        return await this.createBackup({ db, masterKey, actorId: user.id }, target, 'cli');
      } finally {
        await db.close();
      }
    } finally {
      masterKey.fill(0);
    }
  }

  async lastBackup(manager: EntityManager): Promise<LastBackup | null> {
    const row = await manager.getRepository(SettingEntity).findOneBy({ key: LAST_BACKUP_KEY });
    const parsed = row ? lastBackupSchema.safeParse(parseJson(Buffer.from(row.value, 'utf8'))) : null;
    return parsed?.success ? parsed.data : null;
  }

  async status(session: ReadySession): Promise<BackupStatus> {
    const last = await session.db.read((m) => this.lastBackup(m));
    const { backupDir, backupKeep, backupEveryHours } = session.settings;
    const clock = this.ports.clock.now();
    const now = clock.getTime();
    const ageDays = backupAgeDays(last?.at ?? null, clock);
    const warning = backupIsStale(last?.at ?? null, clock);
    const noFolder = backupDir ? '' : ' Wskaż folder kopii zapasowych na stronie „Kopie zapasowe”.';
    const message =
      ageDays === null
        ? `Nie wykonano jeszcze kopii zapasowej.${noFolder}`
        : warning
          ? `Ostatnia kopia zapasowa ma ${count(ageDays, 'dzień', 'dni', 'dni')}. Wykonaj kopię zapasową.${noFolder}`
          : `Ostatnia kopia zapasowa: ${new Date(last?.at ?? now).toLocaleString('pl-PL')}.`;
    const nextDue = last ? Math.max(Date.parse(last.at) + backupEveryHours * 3_600_000, now) : now;
    // The copies really in the folder now (null: no folder, or it cannot be read, e.g. a drive not connected).
    let stored: number | null = null;
    if (backupDir) {
      try {
        stored = (await ourBackups(backupDir, (await this.folder.readKeyring()).officeId)).length;
      } catch {
        stored = null;
      }
    }
    return {
      lastBackupAt: last?.at ?? null,
      lastFileName: last?.fileName ?? null,
      lastSize: last?.size ?? null,
      lastSha256: last?.sha256 ?? null,
      warning,
      message,
      folder: backupDir,
      keep: backupKeep,
      stored,
      everyHours: backupEveryHours,
      nextDueAt: backupDir ? new Date(nextDue).toISOString() : null,
    };
  }

  /**
   * The scheduled backup: the main process calls this at start-up and every hour. It makes one when
   * a session is open, a folder is set and the last backup is older than the office's interval.
   * It is not user activity (the idle lock is unaffected) and never throws.
   */
  async runDueBackup(): Promise<ScheduledBackup> {
    const session = this.ports.session.ready();
    if (!session) return { status: 'no_session' };
    const { backupDir, backupEveryHours, backupKeep } = session.settings;
    if (!backupDir) return { status: 'no_folder' };
    if (this.busy) return { status: 'busy' };
    try {
      const last = await session.db.read((m) => this.lastBackup(m));
      const now = this.ports.clock.now().getTime();
      const lastAt = last ? Date.parse(last.at) : Number.NaN;
      // A last backup "in the future" (the clock was set back) does not postpone the next one.
      if (last && lastAt <= now && now - lastAt < backupEveryHours * 3_600_000) {
        return { status: 'not_due', nextDueAt: new Date(lastAt + backupEveryHours * 3_600_000).toISOString() };
      }
      const result = await this.createBackup({ db: localDatabase(session.db), masterKey: session.masterKey, actorId: session.user.id }, { folder: backupDir, keep: backupKeep }, 'schedule');
      return { status: 'created', result };
    } catch (error) {
      return { status: 'failed', message: error instanceof AppError ? error.message : 'Nie udało się wykonać kopii zapasowej.' };
    }
  }

  /**
   * Reads, checks and swaps in a backup. Only while nobody is signed in; refuses with nothing replaced.
   *
   * Where an office exists (its slot file is here), only this office's backups are accepted — made
   * under its current master key or one from its key history — and only on the credentials of a
   * current kierownik or the current recovery code, checked against the current slot file. The
   * restored database is re-keyed to the current key, so the passwords of today keep working and a
   * switched-off person's old password opens nothing. The backup's own slot file and credentials
   * count only where no office exists yet (a new PC after a disaster).
   */
  async restore(file: string, secret: RestoreSecret): Promise<RestoreResult> {
    if (!this.ports.session.signedOut()) {
      throw new AppError('INVALID_STATE', 'Dane można przywrócić z kopii tylko wtedy, gdy nikt nie jest zalogowany. Wyloguj się i spróbuj ponownie.');
    }
    // Password checks one at a time with the sign-in screen's, under the same growing delays.
    return this.ports.throttle.serial(() => this.exclusive(async () => {
      await this.ports.throttle.check('restore');
      return withFile(file, async (handle, size) => {
        await readPrefix(handle, size);
        const first = await scanBackup(handle, size);
        if (!first.sumOk) throw corrupt();
        const layout = await readLayout(handle, size);
        const current = await readKeyring(this.folder.keysFile).catch(() => null);
        const plan = current ? await this.planIntoOffice(current, layout, secret) : await this.planIntoEmpty(layout, secret);
        try {
          return await this.restoreChecked(file, handle, layout, first.sha256, plan, secret);
        } finally {
          plan.backupKey.fill(0);
          plan.targetKey.fill(0);
        }
      });
    }));
  }

  /** No office here: the backup's own slot file and credentials (a password of that day or its recovery code). */
  private async planIntoEmpty(layout: Layout, secret: RestoreSecret): Promise<RestorePlan> {
    const key = await this.unwrap(layout.keyring, secret, 'backup');
    if (keyIdOf(key) !== layout.header.keyId) {
      key.fill(0);
      throw corrupt();
    }
    return { backupKey: key, targetKey: Buffer.from(key), keyring: layout.keyring, checkUser: true };
  }

  /** An office here: its current credentials, and the backup's key must be this office's. */
  private async planIntoOffice(current: Keyring, layout: Layout, secret: RestoreSecret): Promise<RestorePlan> {
    if (current.officeId !== layout.header.officeId) {
      throw new AppError(
        'CONFLICT',
        'Ta kopia zapasowa pochodzi z innego ośrodka niż dane w tym folderze — nie przywrócono niczego. Aby ją przywrócić, wybierz pusty folder danych.',
      );
    }
    const currentKey = await this.unwrap(current, secret, 'office');
    try {
      if (secret.method === 'password') await this.requireCurrentHead(currentKey, secret.login);
      const history = keyHistory(current, currentKey);
      const match = layout.header.keyId === current.keyId ? Buffer.from(currentKey) : (history.find((h) => h.keyId === layout.header.keyId)?.key ?? null);
      const backupKey = match ? Buffer.from(match) : null;
      for (const h of history) h.key.fill(0);
      if (!backupKey) {
        throw new AppError(
          'FORBIDDEN',
          'Tej kopii zapasowej nie wykonano w tym ośrodku (nie otwiera jej żaden klucz ośrodka) — nie przywrócono niczego.',
        );
      }
      return { backupKey, targetKey: currentKey, keyring: current, checkUser: false };
    } catch (error) {
      currentKey.fill(0);
      throw error;
    }
  }

  /**
   * The signing-in person must be a kierownik today: active, with the right to run backups, in the
   * current database. A current database that no longer opens (what a restore is for) leaves the
   * check to the backup's database (checkUser in restoreChecked), on top of her current slot.
   */
  private async requireCurrentHead(currentKey: Buffer, login: string): Promise<void> {
    let db: DatabaseFile;
    try {
      db = await this.folder.openDatabase(currentKey, { migrate: false });
    } catch {
      return;
    }
    try {
      const user = await db.read((m) => this.ports.users.byLogin(m, login));
      if (!user || !user.active || !can(user.roles, 'backup.run')) throw notHead();
    } finally {
      await db.close();
    }
  }

  private async unwrap(keyring: Keyring, secret: RestoreSecret, whose: 'office' | 'backup'): Promise<Buffer> {
    let key: Buffer | null;
    if (secret.method === 'password') {
      key = await this.folder.unwrapWithPassword(keyring, secret.login, secret.password);
    } else {
      const slot = recoverySlot(keyring);
      key = slot ? await openSlot(keyring, slot, secret.recoveryCode) : null;
    }
    if (key) {
      await this.ports.throttle.success('restore');
      return key;
    }
    await this.ports.throttle.failure('restore', { actorId: null, action: 'backup.restore_failed', details: { method: secret.method, ...(secret.method === 'password' ? { login: secret.login } : {}) } });
    throw new AppError(
      'WRONG_PASSWORD',
      whose === 'office'
        ? secret.method === 'password'
          ? 'Nieprawidłowy login lub hasło. Przywrócić dane może kierownik ośrodka swoim obecnym hasłem — nie przywrócono niczego.'
          : 'Nieprawidłowy kod odzyskiwania. Obowiązuje obecny kod odzyskiwania ośrodka — nie przywrócono niczego.'
        : secret.method === 'password'
          ? 'Nieprawidłowy login lub hasło dla tej kopii zapasowej (obowiązują hasła z dnia wykonania kopii) — nie przywrócono niczego.'
          : 'Nieprawidłowy kod odzyskiwania dla tej kopii zapasowej — nie przywrócono niczego.',
    );
  }

  private async restoreChecked(file: string, handle: fs.FileHandle, layout: Layout, sha256: string, plan: RestorePlan, secret: RestoreSecret): Promise<RestoreResult> {
    const { header } = layout;
    const known = MIGRATIONS.map((m) => new m().name);
    if (header.migrations.some((name) => !known.includes(name))) {
      throw new AppError('DB_NEWER', 'Kopię zapasową zapisała nowsza wersja Asysty. Zainstaluj najnowszą wersję programu — nie przywrócono niczego.');
    }
    await this.refuseIfInUse(plan.targetKey);
    const stamp = this.journal.freeStamp(this.ports.clock.now());
    const tmpDb = join(this.dataDir, `asysta.przywracanie-${stamp}.db.tmp`);
    const tmpKeys = join(this.dataDir, `asysta.przywracanie-${stamp}.keys.tmp`);
    try {
      // The database is written aside and checked before anything in place is touched.
      const macKey = backupMacKey(plan.backupKey, header);
      let second: ScanResult;
      try {
        const sink = await fs.open(tmpDb, 'wx', 0o600);
        try {
          second = await scanBackup(handle, layout.size, { macKey, layout, dbSink: sink });
          await sink.sync();
        } finally {
          await sink.close();
        }
      } finally {
        macKey.fill(0);
      }
      if (!second.sumOk || !second.tagOk || second.sha256 !== sha256) throw corrupt();
      this.folder.log('Restore: backup read and verified into a copy aside');
      // An older key of this office: the copy takes today's key before it is opened.
      if (!plan.backupKey.equals(plan.targetKey)) DatabaseFile.rekeyFile(tmpDb, plan.backupKey, plan.targetKey, this.folder.nativeBinding);

      let anchor: { seq: number; hash: string } = { seq: 0, hash: '' };
      let keyring = plan.keyring;
      const checked = await this.checkDatabase(tmpDb, plan.targetKey, async (db) => {
        let actorId: string | null = null;
        if (secret.method === 'password') {
          const user = await db.read((m) => this.ports.users.byLogin(m, secret.login));
          if (plan.checkUser && (!user || !user.active || !can(user.roles, 'backup.run'))) throw notHead();
          actorId = user?.id ?? null;
        }
        anchor = await db.write(async (m) => {
          // Where an office exists its slot file stays: accounts without a slot there (switched
          // off since the backup) are switched off in the restored data, and slots without an
          // account in it (added since) are dropped.
          const switchedOff: string[] = [];
          if (!plan.checkUser) {
            const users = await m.getRepository(UserEntity).find();
            for (const user of users) {
              if (user.active && !findUserSlot(plan.keyring, user.login)) {
                await m.getRepository(UserEntity).update({ id: user.id }, { active: false });
                switchedOff.push(user.id);
              }
            }
            const active = new Set(users.filter((u) => u.active && !switchedOff.includes(u.id)).map((u) => u.id));
            keyring = { ...keyring, slots: keyring.slots.filter((s) => s.kind === 'recovery' || (s.userId !== null && active.has(s.userId))) };
          }
          await this.ports.audit.append(m, {
            actorId,
            action: 'backup.restore',
            details: { fileName: basename(file), sha256, backupCreatedAt: header.createdAt, method: secret.method, switchedOff },
          });
          return this.ports.audit.head(m);
        });
      });
      await writeKeyring(tmpKeys, withAnchor(keyring, { ...anchor, at: this.ports.clock.now().toISOString() }, plan.targetKey));
      this.folder.log('Restore: copy checked (integrity, audit chain)');

      if (!this.ports.session.signedOut()) {
        throw new AppError('INVALID_STATE', 'Ktoś zalogował się w trakcie przywracania — nie przywrócono niczego. Wyloguj się i spróbuj ponownie.');
      }
      this.journal.swapIn(tmpDb, tmpKeys, stamp);
      this.folder.log('Restore: copy swapped in behind the journal');
      await this.journal.confirm(() => this.checkDatabase(this.folder.dbFile, plan.targetKey));
      return { fileName: basename(file), sha256, backupCreatedAt: header.createdAt, auditEntries: checked + 1 };
    } catch (error) {
      // Every step: a full disk or a read-only folder is named, and nothing was replaced.
      throw restoreFailure(error);
    } finally {
      removeQuietly(tmpDb, tmpKeys, `${tmpDb}-wal`, `${tmpDb}-shm`, `${tmpDb}-journal`);
    }
  }

  /**
   * Another process (the app, while the CLI restores) may have the database open: its WAL file is
   * then there. Closing our own connection removes the WAL unless someone else still has it open;
   * a WAL left by a crash is folded back that way and is no reason to refuse.
   */
  private async refuseIfInUse(masterKey: Buffer): Promise<void> {
    const wal = `${this.folder.dbFile}-wal`;
    if (!existsSync(wal)) return;
    try {
      await (await this.folder.openDatabase(masterKey, { migrate: false })).close();
    } catch {
      /* a damaged current database is what a restore is for */
    }
    if (existsSync(wal)) {
      throw new AppError(
        'INVALID_STATE',
        'Baza danych jest w tej chwili otwarta w Asyście (w innym oknie lub na innym koncie). Zamknij program i spróbuj ponownie — nie przywrócono niczego.',
      );
    }
  }

  /** Opens a database file with the key, checks its pages and its audit chain; returns the entries checked. */
  private async checkDatabase(file: string, masterKey: Buffer, then?: (db: Database) => Promise<void>): Promise<number> {
    let db: Database;
    try {
      db = await this.folder.openDatabase(masterKey, { file, migrate: false });
    } catch (error) {
      if (error instanceof AppError && error.code === 'DB_NEWER') throw error;
      // A full disk or a read-only folder is not a damaged backup.
      if (diskProblem(error)) throw error;
      throw corrupt();
    }
    try {
      const problems = await db.integrityCheck();
      if (problems.length > 0) throw corrupt('plik bazy danych nie przeszedł kontroli spójności');
      const chain = await db.read((m) => this.ports.audit.verify(m));
      if (!chain.ok) throw corrupt(chain.message);
      await then?.(db);
      return chain.checked;
    } finally {
      await db.close();
    }
  }

  /**
   * The swap, behind a journal: current files are renamed aside, the new ones renamed in (the
   * database last: that rename is the commit). The new database is checked in place; only then
   * are the old files deleted. Renames are synchronous, so no other call runs in between.
   */

  private resolveTarget(target: BackupTarget): { folder: string; file: string; keep: number | null } {
    if ('file' in target) {
      const folder = dirname(target.file);
      if (!isDirectory(folder)) throw new AppError('NOT_FOUND', 'Folder, w którym ma powstać kopia zapasowa, nie istnieje.');
      if (existsSync(target.file)) throw new AppError('CONFLICT', 'Plik o tej nazwie już istnieje. Wybierz inną nazwę pliku kopii.');
      requireWritable(folder);
      return { folder, file: target.file, keep: null };
    }
    if (!target.folder) {
      throw new AppError('VALIDATION', 'Nie wybrano folderu kopii zapasowych. Wskaż go na stronie „Kopie zapasowe”.', { folder: 'Wskaż folder kopii zapasowych.' });
    }
    if (!isDirectory(target.folder)) {
      throw new AppError('NOT_FOUND', 'Folder kopii zapasowych nie istnieje albo jest niedostępny (np. odłączony dysk). Sprawdź folder na stronie „Kopie zapasowe”.');
    }
    requireWritable(target.folder);
    // Parts of backups a crash or a kill left behind in this folder.
    removeLeftovers(target.folder);
    const now = this.ports.clock.now();
    for (let n = 1; ; n += 1) {
      const file = join(target.folder, backupFileName(now, n));
      if (!existsSync(file)) return { folder: target.folder, file, keep: target.keep };
    }
  }

  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.busy) throw new AppError('INVALID_STATE', 'Trwa już tworzenie lub przywracanie kopii zapasowej. Poczekaj chwilę i spróbuj ponownie.');
    this.busy = true;
    try {
      return await work();
    } finally {
      this.busy = false;
    }
  }
}

function notHead(): AppError {
  return new AppError('FORBIDDEN', 'Dane z kopii zapasowej może przywrócić kierownik ośrodka albo osoba z kodem odzyskiwania — nie przywrócono niczego.');
}

function ioError(error: unknown, message: string): unknown {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? new AppError('IO_ERROR', message) : error;
}
