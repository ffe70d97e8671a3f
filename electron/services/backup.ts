/**
 * Backups an office can run itself (issue 9).
 *
 * A backup is one file, `asysta-kopia-2026-03-02T0800.asb`:
 *
 *   "ASYSTA-BACKUP" | u8 format version | u32 header length | header (JSON)
 *   | u32 slot-file length | slot file (JSON, as asysta.keys.json)
 *   | u64 database length | database snapshot (SQLCipher pages, still under the master key)
 *   | HMAC-SHA256 over everything before it, keyed by HKDF(master key, header salt)
 *   | SHA-256 over everything before it (finds plain damage before any password is asked)
 *
 * The snapshot is taken with `VACUUM INTO` on the open connection: SQLite3 Multiple Ciphers
 * attaches the target with the main database's cipher and key, so the copy is encrypted exactly
 * like the database (the online backup API refuses an encrypted source: "incompatible source and
 * target databases"). The header holds ids, times and migration names only, nothing a person typed.
 *
 * A restore checks the file's sum, opens the master key with a password or the recovery code from
 * the backup's own slot file, checks the HMAC, writes the database aside in the data folder, runs
 * `PRAGMA integrity_check` and the audit-chain check on it, and only then swaps it in. The swap
 * keeps the current files aside (`.przed-przywroceniem-<czas>`) behind a journal until the new
 * database has been checked again in place; a crash in between is rolled back or forward at the
 * next start.
 */
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual, type Hash, type Hmac } from 'node:crypto';
import {
  accessSync,
  constants as fsConstants,
  existsSync,
  promises as fs,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { BACKUP_CORRUPT_MESSAGE, backupAgeDays, backupIsStale, type BackupResult, type BackupStatus, type RekeyResult, type RestoreResult } from '../../shared/backup';
import { can } from '../../shared/domain/roles';
import { count } from '../../shared/text';
import { officeClockParts, type Clock } from '../clock';
import type { DataFolder } from '../data/data-folder';
import type { Database } from '../db/database';
import { SettingEntity, UserEntity } from '../db/entities';
import { Database as DatabaseFile } from '../db/database';
import {
  findUserSlot,
  formatRecoveryCode,
  keyHistory,
  keyIdOf,
  newRecoveryCode,
  openSlot,
  parseKeyring,
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
import { replaceFile, syncDir } from './durable-files';
import type { KeyService } from './keys';
import type { OfficeService } from './office';
import type { LoginThrottle } from './throttle';
import type { UsersService } from './users';

export const BACKUP_MAGIC = Buffer.from('ASYSTA-BACKUP', 'ascii');
export const BACKUP_FORMAT_VERSION = 2;
export const BACKUP_EXTENSION = '.asb';
/** Our own backups, and nothing else, are what rotation may delete. */
export const BACKUP_FILE_PATTERN = /^asysta-kopia-(\d{4}-\d{2}-\d{2}T\d{4})(?:-(\d{1,4}))?\.asb$/;

const LAST_BACKUP_KEY = 'backup.last';
const JOURNAL_FILE = 'asysta.przywracanie.json';
const ASIDE_INFIX = '.przed-przywroceniem-';
/** Snapshots and restore files left by a crash; removed at the next start once they are old. */
const STALE_TEMP = /^asysta\.(kopia|przywracanie)-[0-9A-Za-z-]+\.(db|keys)\.tmp(-journal|-wal|-shm)?$/;
const STALE_AFTER_MS = 60 * 60_000;
/** Temporary files that name the process writing them: removed at start once that process is gone. */
const OWNED_TEMP = [
  /^asysta\.kopia-(\d+)-[0-9a-f]+\.db\.tmp(?:-journal|-wal|-shm)?$/, // a backup's snapshot
  /^asysta\.keys\.json\.(\d+)\.tmp$/, // a slot file being written
  /^\.asysta-kopia-.+\.asb\.(\d+)\.tmp$/, // a backup file being written (in the backup folder)
];

function processGone(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Removes leftovers of processes that ended (a crash, a kill) from a folder; returns their names. */
export function removeLeftovers(folder: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return removed;
  }
  for (const name of names) {
    const pid = OWNED_TEMP.map((pattern) => pattern.exec(name)?.[1]).find((m) => m !== undefined);
    if (pid !== undefined && processGone(Number(pid))) {
      removeQuietly(join(folder, name));
      removed.push(name);
    }
  }
  return removed;
}

const PREFIX_BYTES = BACKUP_MAGIC.length + 1 + 4;
const TAG_BYTES = 32;
const SUM_BYTES = 32;
const MAX_HEADER_BYTES = 64 * 1024;
const MAX_KEYRING_BYTES = 4 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

const headerSchema = z
  .object({
    format: z.literal('asysta-backup'),
    version: z.literal(BACKUP_FORMAT_VERSION),
    officeId: z.uuid(),
    createdAt: z.iso.datetime(),
    /** The schema migrations applied to the snapshot (names from electron/db/migrations). */
    migrations: z.array(z.string().max(200)).max(1000),
    /** HKDF salt of the integrity key. */
    macSalt: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/).max(100),
    /** The id of the master key the snapshot is encrypted with (db/keyring.ts keyIdOf). */
    keyId: z.string().regex(/^[0-9a-f]{32}$/),
    /** The audit chain's head in the snapshot (number and hash of its last entry). */
    auditHead: z.object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) }),
  })
  .strict();
export type BackupHeader = z.infer<typeof headerSchema>;

const lastBackupSchema = z.object({ at: z.string(), fileName: z.string(), size: z.number(), sha256: z.string() });
type LastBackup = z.infer<typeof lastBackupSchema>;

const journalSchema = z.object({
  moves: z.array(z.object({ from: z.string(), to: z.string() })),
  installs: z.array(z.object({ from: z.string(), to: z.string() })),
});
type Journal = z.infer<typeof journalSchema>;

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

// ---- the file format ------------------------------------------------------------------------

export function backupMacKey(masterKey: Buffer, header: Pick<BackupHeader, 'macSalt' | 'officeId'>): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.from(header.macSalt, 'base64'), `asysta-backup-mac-v1|${header.officeId}`, 32));
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}

async function writeAll(handle: fs.FileHandle, data: Buffer): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    offset += bytesWritten;
  }
}

async function readExactly(handle: fs.FileHandle, length: number, position: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) throw corrupt();
    done += bytesRead;
  }
  return buffer;
}

function corrupt(detail?: string): AppError {
  return new AppError('DB_CORRUPT', detail ? `${BACKUP_CORRUPT_MESSAGE} (${detail})` : BACKUP_CORRUPT_MESSAGE);
}


/** Writes a backup file: to a temporary name beside it, synced, then renamed into place. */
async function writeBackupFile(target: string, header: BackupHeader, keyringText: string, snapshot: string, macKey: Buffer): Promise<{ size: number; sha256: string }> {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  const mac = createHmac('sha256', macKey);
  const sum = createHash('sha256');
  const whole = createHash('sha256');
  const out = await fs.open(tmp, 'wx', 0o600);
  let size = 0;
  const put = async (data: Buffer, digests: (Hash | Hmac)[]): Promise<void> => {
    for (const d of digests) d.update(data);
    await writeAll(out, data);
    size += data.length;
  };
  try {
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const keyringBytes = Buffer.from(keyringText, 'utf8');
    const source = await fs.open(snapshot, 'r');
    try {
      const dbBytes = (await source.stat()).size;
      const all = [mac, sum, whole];
      await put(Buffer.concat([BACKUP_MAGIC, Buffer.from([BACKUP_FORMAT_VERSION]), u32(headerBytes.length), headerBytes]), all);
      await put(Buffer.concat([u32(keyringBytes.length), keyringBytes, u64(dbBytes)]), all);
      const chunk = Buffer.alloc(CHUNK_BYTES);
      let position = 0;
      while (position < dbBytes) {
        const { bytesRead } = await source.read(chunk, 0, Math.min(CHUNK_BYTES, dbBytes - position), position);
        if (bytesRead === 0) throw new Error('snapshot shrank while being copied');
        await put(chunk.subarray(0, bytesRead), all);
        position += bytesRead;
      }
    } finally {
      await source.close();
    }
    await put(mac.digest(), [sum, whole]);
    await put(sum.digest(), [whole]);
    await out.sync();
  } catch (error) {
    await out.close();
    await fs.rm(tmp, { force: true });
    throw error;
  }
  await out.close();
  await fs.rename(tmp, target);
  syncDir(dirname(target));
  return { size, sha256: whole.digest('hex') };
}

interface Layout {
  header: BackupHeader;
  keyring: Keyring;
  dbOffset: number;
  dbLength: number;
  size: number;
}

/** Reads a backup's framing: magic and version first (a foreign or newer file is named as such). */
async function readPrefix(handle: fs.FileHandle, size: number): Promise<void> {
  if (size < PREFIX_BYTES + TAG_BYTES + SUM_BYTES) {
    throw new AppError('DB_FOREIGN', 'Ten plik nie jest kopią zapasową Asysty — nie przywrócono niczego.');
  }
  const prefix = await readExactly(handle, PREFIX_BYTES, 0);
  if (!prefix.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)) {
    throw new AppError('DB_FOREIGN', 'Ten plik nie jest kopią zapasową Asysty — nie przywrócono niczego.');
  }
  const version = prefix[BACKUP_MAGIC.length] ?? 0;
  if (version > BACKUP_FORMAT_VERSION) {
    throw new AppError('DB_NEWER', 'Kopię zapasową zapisała nowsza wersja Asysty. Zainstaluj najnowszą wersję programu — nie przywrócono niczego.');
  }
  if (version !== BACKUP_FORMAT_VERSION) throw corrupt();
}

/** The header and slot file; called once the file's sum holds, so a failure here is a forged file. */
async function readLayout(handle: fs.FileHandle, size: number): Promise<Layout> {
  const headerLength = (await readExactly(handle, 4, BACKUP_MAGIC.length + 1)).readUInt32BE();
  if (headerLength > MAX_HEADER_BYTES) throw corrupt();
  let position = PREFIX_BYTES;
  const header = headerSchema.safeParse(parseJson(await readExactly(handle, headerLength, position)));
  if (!header.success) throw corrupt();
  position += headerLength;
  const keyringLength = (await readExactly(handle, 4, position)).readUInt32BE();
  if (keyringLength > MAX_KEYRING_BYTES) throw corrupt();
  position += 4;
  let keyring: Keyring;
  try {
    keyring = parseKeyring((await readExactly(handle, keyringLength, position)).toString('utf8'));
  } catch {
    throw corrupt();
  }
  if (keyring.officeId !== header.data.officeId) throw corrupt();
  position += keyringLength;
  const dbLength = (await readExactly(handle, 8, position)).readBigUInt64BE();
  position += 8;
  if (dbLength > BigInt(Number.MAX_SAFE_INTEGER) || position + Number(dbLength) + TAG_BYTES + SUM_BYTES !== size) throw corrupt();
  return { header: header.data, keyring, dbOffset: position, dbLength: Number(dbLength), size };
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

interface ScanResult {
  /** SHA-256 of the whole file, as the user can compare it. */
  sha256: string;
  sumOk: boolean;
  tagOk: boolean | null;
}

/**
 * One pass over the file: its own sum, the HMAC when the key is known, the whole-file SHA-256,
 * and, when asked, the database bytes copied to `dbSink`.
 */
async function scanBackup(handle: fs.FileHandle, size: number, options: { macKey?: Buffer; layout?: Layout; dbSink?: fs.FileHandle } = {}): Promise<ScanResult> {
  const whole = createHash('sha256');
  const sum = createHash('sha256');
  const mac = options.macKey ? createHmac('sha256', options.macKey) : null;
  const macEnd = size - TAG_BYTES - SUM_BYTES;
  const sumEnd = size - SUM_BYTES;
  const chunk = Buffer.alloc(CHUNK_BYTES);
  let position = 0;
  while (position < size) {
    const { bytesRead } = await handle.read(chunk, 0, Math.min(CHUNK_BYTES, size - position), position);
    if (bytesRead === 0) throw corrupt();
    const data = chunk.subarray(0, bytesRead);
    const end = position + bytesRead;
    whole.update(data);
    if (position < sumEnd) sum.update(data.subarray(0, Math.min(bytesRead, sumEnd - position)));
    if (mac && position < macEnd) mac.update(data.subarray(0, Math.min(bytesRead, macEnd - position)));
    if (options.dbSink && options.layout) {
      const from = Math.max(position, options.layout.dbOffset);
      const to = Math.min(end, options.layout.dbOffset + options.layout.dbLength);
      if (from < to) await writeAll(options.dbSink, data.subarray(from - position, to - position));
    }
    position = end;
  }
  const trailer = await readExactly(handle, TAG_BYTES + SUM_BYTES, macEnd);
  const storedTag = trailer.subarray(0, TAG_BYTES);
  const storedSum = trailer.subarray(TAG_BYTES);
  return {
    sha256: whole.digest('hex'),
    sumOk: timingSafeEqual(sum.digest(), storedSum),
    tagOk: mac ? timingSafeEqual(mac.digest(), storedTag) : null,
  };
}

// ---- names and rotation --------------------------------------------------------------------

/** `asysta-kopia-2026-03-02T0800.asb` in office time (Europe/Warsaw), whatever the PC's time zone. */
export function backupFileName(at: Date, suffix = 1): string {
  const t = officeClockParts(at);
  const stamp = `${t.year}-${t.month}-${t.day}T${t.hour}${t.minute}`;
  return `asysta-kopia-${stamp}${suffix > 1 ? `-${suffix}` : ''}${BACKUP_EXTENSION}`;
}

function localStamp(at: Date): string {
  const t = officeClockParts(at);
  return `${t.year}-${t.month}-${t.day}T${t.hour}${t.minute}${t.second}`;
}

/** Our backups in a folder, newest first. */
export function listBackups(folder: string): string[] {
  const found: { name: string; stamp: string; n: number }[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const name = entry.name;
    const match = entry.isFile() ? BACKUP_FILE_PATTERN.exec(name) : null;
    if (match?.[1]) found.push({ name, stamp: match[1], n: Number(match[2] ?? 1) });
  }
  found.sort((a, b) => (a.stamp === b.stamp ? b.n - a.n : a.stamp < b.stamp ? 1 : -1));
  return found.map((f) => f.name);
}

/**
 * The header of a backup as it stands, unchecked: used only to leave other offices' backups in a
 * shared folder alone. Null for anything that is not a readable backup.
 */
export async function peekBackupHeader(file: string): Promise<BackupHeader | null> {
  try {
    const handle = await fs.open(file, 'r');
    try {
      const size = (await handle.stat()).size;
      await readPrefix(handle, size);
      const length = (await readExactly(handle, 4, BACKUP_MAGIC.length + 1)).readUInt32BE();
      if (length > MAX_HEADER_BYTES) return null;
      const header = headerSchema.safeParse(parseJson(await readExactly(handle, length, PREFIX_BYTES)));
      return header.success ? header.data : null;
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

/** This office's backups in a folder beyond the newest `keep` (the one just written counts). */
/** This office's backups in a folder (another office's copies may share it), newest first. */
async function ourBackups(folder: string, officeId: string): Promise<string[]> {
  const ours: string[] = [];
  for (const name of listBackups(folder)) {
    if ((await peekBackupHeader(join(folder, name)))?.officeId === officeId) ours.push(name);
  }
  return ours;
}

async function beyondKeep(folder: string, keep: number, officeId: string, written: string): Promise<string[]> {
  const ours: string[] = [];
  for (const name of listBackups(folder)) {
    if (name !== written && (await peekBackupHeader(join(folder, name)))?.officeId === officeId) ours.push(name);
  }
  return ours.slice(Math.max(keep - 1, 0));
}

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
  readonly dataDir: string;
  private busy = false;
  private readonly folder: DataFolder;

  constructor(private readonly ports: BackupPorts) {
    this.folder = ports.folder;
    this.dataDir = ports.folder.dataDir;
    this.recoverInterruptedRestore();
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
      const result = await this.createBackup({ db: session.db, masterKey: session.masterKey, actorId: session.user.id }, { folder: backupDir, keep: backupKeep }, 'schedule');
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
    const stamp = this.freeStamp();
    const tmpDb = join(this.dataDir, `asysta.przywracanie-${stamp}.db.tmp`);
    const tmpKeys = join(this.dataDir, `asysta.przywracanie-${stamp}.keys.tmp`);
    try {
      // The database is written aside and checked before anything in place is touched.
      const macKey = backupMacKey(plan.backupKey, header);
      const sink = await fs.open(tmpDb, 'wx', 0o600);
      let second: ScanResult;
      try {
        second = await scanBackup(handle, layout.size, { macKey, layout, dbSink: sink });
        await sink.sync();
      } catch (error) {
        throw restoreIoError(error);
      } finally {
        await sink.close();
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

      this.swapIn(tmpDb, tmpKeys, stamp);
      this.folder.log('Restore: copy swapped in behind the journal');
      await this.confirmSwap(plan.targetKey);
      return { fileName: basename(file), sha256, backupCreatedAt: header.createdAt, auditEntries: checked + 1 };
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
  private swapIn(tmpDb: string, tmpKeys: string, stamp: string): void {
    if (!this.ports.session.signedOut()) {
      throw new AppError('INVALID_STATE', 'Ktoś zalogował się w trakcie przywracania — nie przywrócono niczego. Wyloguj się i spróbuj ponownie.');
    }
    const db = this.folder.dbFile;
    const keys = this.folder.keysFile;
    const moves = [db, `${db}-wal`, `${db}-shm`, keys].filter((f) => existsSync(f)).map((f) => ({ from: basename(f), to: `${basename(f)}${ASIDE_INFIX}${stamp}` }));
    const installs = [
      { from: basename(tmpKeys), to: basename(keys) },
      { from: basename(tmpDb), to: basename(db) },
    ];
    const journal: Journal = { moves, installs };
    this.writeJournal(journal);
    try {
      for (const step of [...moves, ...installs]) renameSync(join(this.dataDir, step.from), join(this.dataDir, step.to));
    } catch {
      this.rollBack(journal);
      throw new AppError('IO_ERROR', 'Nie udało się podmienić plików w folderze danych (plik zajęty przez inny program?) — nie przywrócono niczego.');
    }
    syncDir(this.dataDir);
  }

  /** After the swap: check the database in place, then drop the old files (or put them back). */
  async confirmSwap(masterKey: Buffer): Promise<void> {
    const journal = this.readJournal();
    if (!journal) return;
    try {
      await this.checkDatabase(this.folder.dbFile, masterKey);
    } catch (error) {
      this.rollBack(journal);
      this.folder.log('Restore: check in place failed, the previous data put back', error);
      throw error;
    }
    this.folder.log('Restore: checked in place, done');
    // The data as it was before this restore stays aside (encrypted as it was), in case the
    // restore was a mistake; older such copies are removed.
    const kept = new Set(journal.moves.map((m) => m.to));
    for (const name of readdirSync(this.dataDir)) {
      if (name.includes(ASIDE_INFIX) && !kept.has(name)) removeQuietly(join(this.dataDir, name));
    }
    removeQuietly(join(this.dataDir, JOURNAL_FILE));
    syncDir(this.dataDir);
  }

  private writeJournal(journal: Journal): void {
    const file = join(this.dataDir, JOURNAL_FILE);
    replaceFile(file, JSON.stringify(journal));
    syncDir(this.dataDir);
  }

  private readJournal(): Journal | null {
    const file = join(this.dataDir, JOURNAL_FILE);
    if (!existsSync(file)) return null;
    const parsed = journalSchema.safeParse(parseJson(readFileSync(file)));
    return parsed.success ? parsed.data : null;
  }

  private rollBack(journal: Journal): void {
    const at = (name: string) => join(this.dataDir, name);
    for (const install of journal.installs) {
      const replaced = journal.moves.some((m) => m.from === install.to);
      if (!existsSync(at(install.from)) && !replaced) removeQuietly(at(install.to));
      removeQuietly(at(install.from));
    }
    removeQuietly(at(`${basename(this.folder.dbFile)}-wal`), at(`${basename(this.folder.dbFile)}-shm`));
    for (const move of journal.moves) if (existsSync(at(move.to))) renameSync(at(move.to), at(move.from));
    removeQuietly(at(JOURNAL_FILE));
    syncDir(this.dataDir);
  }

  /**
   * At start-up: a restore cut short by a crash is finished (the database was already swapped in;
   * the old files stay aside, unchecked) or rolled back (it was not). Old snapshots are removed.
   */
  recoverInterruptedRestore(): void {
    const journal = this.readJournal();
    if (journal) {
      const dbInstall = journal.installs[journal.installs.length - 1];
      const committed = dbInstall !== undefined && !existsSync(join(this.dataDir, dbInstall.from)) && existsSync(join(this.dataDir, dbInstall.to));
      if (committed) {
        for (const install of journal.installs) {
          if (existsSync(join(this.dataDir, install.from))) renameSync(join(this.dataDir, install.from), join(this.dataDir, install.to));
        }
        removeQuietly(join(this.dataDir, JOURNAL_FILE));
        this.folder.log('Restore: finished a restore cut short at the last start');
      } else {
        this.rollBack(journal);
        this.folder.log('Restore: rolled back a restore cut short at the last start');
      }
    }
    removeLeftovers(this.dataDir);
    const now = Date.now();
    for (const name of readdirSync(this.dataDir)) {
      if (!STALE_TEMP.test(name)) continue;
      const file = join(this.dataDir, name);
      try {
        if (now - statSync(file).mtimeMs > STALE_AFTER_MS) rmSync(file, { force: true });
      } catch {
        /* gone already */
      }
    }
  }

  private freeStamp(): string {
    const base = localStamp(this.ports.clock.now());
    for (let n = 1; ; n += 1) {
      const stamp = n === 1 ? base : `${base}-${n}`;
      const taken = readdirSync(this.dataDir).some((name) => name.endsWith(`${ASIDE_INFIX}${stamp}`) || name.includes(`przywracanie-${stamp}.`));
      if (!taken) return stamp;
    }
  }

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

function requireWritable(folder: string): void {
  try {
    accessSync(folder, fsConstants.W_OK);
  } catch {
    throw new AppError('IO_ERROR', 'Do folderu kopii zapasowych nie można zapisywać (tylko do odczytu albo brak uprawnień). Wybierz inny folder.');
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function removeQuietly(...files: string[]): void {
  for (const file of files) {
    try {
      rmSync(file, { force: true });
    } catch {
      /* best effort: a leftover is removed at the next start */
    }
  }
}

/** Opens a backup file for reading; a missing or unreadable one gets a Polish message. */
/** Larger than any office's backup: a file beyond it is not read at all. */
export const MAX_BACKUP_BYTES = 64 * 1024 ** 3;
const NOT_A_BACKUP = 'Ten plik nie jest kopią zapasową Asysty — nie przywrócono niczego.';

async function withFile<T>(file: string, work: (handle: fs.FileHandle, size: number) => Promise<T>): Promise<T> {
  // Only a regular file, checked before it is opened: opening a FIFO, a device or a Windows pipe
  // (\\.\pipe\…) could wait forever for a writer.
  if (/^[\\/]{2}[.?][\\/]/.test(file)) throw new AppError('DB_FOREIGN', NOT_A_BACKUP);
  let handle: fs.FileHandle;
  try {
    const before = await fs.stat(file);
    if (!before.isFile()) throw new AppError('DB_FOREIGN', NOT_A_BACKUP);
    if (before.size > MAX_BACKUP_BYTES) throw new AppError('DB_FOREIGN', NOT_A_BACKUP);
    handle = await fs.open(file, fsConstants.O_RDONLY | (process.platform === 'win32' ? 0 : fsConstants.O_NONBLOCK));
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw code === 'ENOENT'
      ? new AppError('NOT_FOUND', 'Nie znaleziono pliku kopii zapasowej — nie przywrócono niczego.')
      : new AppError('IO_ERROR', 'Nie można odczytać pliku kopii zapasowej (brak uprawnień lub nośnik niedostępny) — nie przywrócono niczego.');
  }
  try {
    // The same file as checked (not swapped for a pipe in between), and still within the limit.
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size > MAX_BACKUP_BYTES) throw new AppError('DB_FOREIGN', NOT_A_BACKUP);
    return await work(handle, stat.size);
  } finally {
    await handle.close();
  }
}

function notHead(): AppError {
  return new AppError('FORBIDDEN', 'Dane z kopii zapasowej może przywrócić kierownik ośrodka albo osoba z kodem odzyskiwania — nie przywrócono niczego.');
}

/** A full disk or a read-only data folder during a restore, named as such. */
function restoreIoError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC') return new AppError('IO_ERROR', 'Brak miejsca na dysku z danymi Asysty — nie przywrócono niczego. Zwolnij miejsce i spróbuj ponownie.');
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new AppError('IO_ERROR', 'Folder danych Asysty jest tylko do odczytu albo brak do niego uprawnień — nie przywrócono niczego.');
  }
  return error;
}

function ioError(error: unknown, message: string): unknown {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? new AppError('IO_ERROR', message) : error;
}
