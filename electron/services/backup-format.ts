/**
 * The backup file (services/backup.ts), `asysta-kopia-2026-03-02T0800.asb`:
 *
 *   "ASYSTA-BACKUP" | u8 format version | u32 header length | header (JSON)
 *   | u32 slot-file length | slot file (JSON, as asysta.keys.json)
 *   | u64 database length | database snapshot (SQLCipher pages, still under the master key)
 *   | HMAC-SHA256 over everything before it, keyed by HKDF(master key, header salt)
 *   | SHA-256 over everything before it (finds plain damage before any password is asked)
 *
 * The header holds ids, times and migration names only, nothing a person typed. Writing goes to a
 * temporary name, synced, then renamed; reading checks the framing before anything else, and a
 * foreign, newer or damaged file is named as such in Polish.
 */
import { createHash, createHmac, hkdfSync, timingSafeEqual, type Hash, type Hmac } from 'node:crypto';
import { constants as fsConstants, promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { BACKUP_CORRUPT_MESSAGE } from '../../shared/backup';
import { parseKeyring, type Keyring } from '../db/keyring';
import { AppError } from '../errors';
import { syncDir } from './durable-files';

export const BACKUP_MAGIC = Buffer.from('ASYSTA-BACKUP', 'ascii');
export const BACKUP_FORMAT_VERSION = 2;
export const BACKUP_EXTENSION = '.asb';

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

export async function readExactly(handle: fs.FileHandle, length: number, position: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) throw corrupt();
    done += bytesRead;
  }
  return buffer;
}

export function corrupt(detail?: string): AppError {
  return new AppError('DB_CORRUPT', detail ? `${BACKUP_CORRUPT_MESSAGE} (${detail})` : BACKUP_CORRUPT_MESSAGE);
}

/** Writes a backup file: to a temporary name beside it, synced, then renamed into place. */
export async function writeBackupFile(target: string, header: BackupHeader, keyringText: string, snapshot: string, macKey: Buffer): Promise<{ size: number; sha256: string }> {
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

export interface Layout {
  header: BackupHeader;
  keyring: Keyring;
  dbOffset: number;
  dbLength: number;
  size: number;
}

/** Reads a backup's framing: magic and version first (a foreign or newer file is named as such). */
export async function readPrefix(handle: fs.FileHandle, size: number): Promise<void> {
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
export async function readLayout(handle: fs.FileHandle, size: number): Promise<Layout> {
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

export function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

export interface ScanResult {
  /** SHA-256 of the whole file, as the user can compare it. */
  sha256: string;
  sumOk: boolean;
  tagOk: boolean | null;
}

/**
 * One pass over the file: its own sum, the HMAC when the key is known, the whole-file SHA-256,
 * and, when asked, the database bytes copied to `dbSink`.
 */
export async function scanBackup(handle: fs.FileHandle, size: number, options: { macKey?: Buffer; layout?: Layout; dbSink?: fs.FileHandle } = {}): Promise<ScanResult> {
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


/** Larger than any office's backup: a file beyond it is not read at all. */
export const MAX_BACKUP_BYTES = 64 * 1024 ** 3;
const NOT_A_BACKUP = 'Ten plik nie jest kopią zapasową Asysty — nie przywrócono niczego.';

/** Opens a backup file for reading; a missing or unreadable one gets a Polish message. */
export async function withFile<T>(file: string, work: (handle: fs.FileHandle, size: number) => Promise<T>): Promise<T> {
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
