/**
 * The one ZIP writer: deflated entries with UTF-8 names, a fixed time stamp (reproducible bytes),
 * and ZIP64 records wherever a count or a size needs them — more than 65 535 entries, or an
 * entry, offset or central directory at or above 4 GiB (APPNOTE 6.3.x, sections 4.3.14–4.3.16
 * and 4.5.3). Archives that need none of that carry no ZIP64 record at all, so small archives
 * stay byte-for-byte what any ZIP 2.0 reader expects.
 *
 * Used by the court export (zipAsync) and the XLSX writer (zip).
 */
import { promisify } from 'node:util';
import { crc32, deflateRaw, deflateRawSync } from 'node:zlib';

const deflateRawAsync = promisify(deflateRaw);

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** An entry already deflated: what the archive is built from. */
export interface DeflatedEntry {
  name: string;
  /** Uncompressed size in bytes. */
  size: number;
  crc: number;
  compressed: Buffer;
}

/** A ZIP archive of deflated entries, deflated on this thread (small archives: XLSX). */
export function zip(entries: readonly ZipEntry[], at: Date): Buffer {
  return Buffer.concat(zipChunks(entries.map((entry) => ({ name: entry.name, size: entry.data.length, crc: crc32(entry.data), compressed: deflateRawSync(entry.data) })), at));
}

/**
 * The same archive as zip(), the same bytes, for megabytes of entries in the Electron main
 * process: deflated on libuv's thread pool and checksummed by zlib's native crc32, so the event
 * loop is never held for the whole archive.
 */
export async function zipAsync(entries: readonly ZipEntry[], at: Date): Promise<Buffer> {
  const deflated = await Promise.all(entries.map(async (entry) => ({ name: entry.name, size: entry.data.length, crc: crc32(entry.data), compressed: await deflateRawAsync(entry.data) })));
  return Buffer.concat(zipChunks(deflated, at));
}

/** DOS date and time of an instant (the UTC fields: a fixed, reproducible stamp). */
function dosDateTime(at: Date): { date: number; time: number } {
  const year = Math.max(1980, at.getUTCFullYear());
  return {
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
  };
}

/** A 32-bit field holds values below this; at or above it the value moves to the ZIP64 extra field. */
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
const VERSION_DEFLATE = 20;
const VERSION_ZIP64 = 45;
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;

/** The ZIP64 extended-information extra field (id 0x0001) with the given 64-bit values, in order. */
function zip64Extra(values: readonly number[]): Buffer {
  if (values.length === 0) return Buffer.alloc(0);
  const extra = Buffer.alloc(4 + 8 * values.length);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(8 * values.length, 2);
  values.forEach((value, i) => extra.writeBigUInt64LE(BigInt(value), 4 + 8 * i));
  return extra;
}

/**
 * The archive as a list of chunks, in order (their total may exceed what one Buffer can hold;
 * Node 20 caps a Buffer at 4 GiB, so a caller writing a larger archive writes the chunks one by one).
 */
export function zipChunks(entries: readonly DeflatedEntry[], at: Date): Buffer[] {
  const { date, time } = dosDateTime(at);
  const chunks: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const { compressed, crc, size } = entry;
    const large = size >= MAX32 || compressed.length >= MAX32;
    // The local header: both sizes in the extra field when either is too large (4.5.3).
    const localExtra = large ? zip64Extra([size, compressed.length]) : Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(large ? VERSION_ZIP64 : VERSION_DEFLATE, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(DEFLATE, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(large ? MAX32 : compressed.length, 18);
    local.writeUInt32LE(large ? MAX32 : size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    chunks.push(local, name, localExtra, compressed);

    // The central header: only the fields that overflow move to the extra field, in this order.
    const overflow = [size >= MAX32 ? size : null, compressed.length >= MAX32 ? compressed.length : null, offset >= MAX32 ? offset : null];
    const centralExtra = zip64Extra(overflow.filter((v): v is number => v !== null));
    const needs64 = centralExtra.length > 0;
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(needs64 ? VERSION_ZIP64 : VERSION_DEFLATE, 4); // made by: MS-DOS attributes
    central.writeUInt16LE(needs64 ? VERSION_ZIP64 : VERSION_DEFLATE, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(DEFLATE, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(Math.min(compressed.length, MAX32), 20);
    central.writeUInt32LE(Math.min(size, MAX32), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(centralExtra.length, 30);
    // comment length, disk, internal and external attributes: 0
    central.writeUInt32LE(Math.min(offset, MAX32), 42);
    centrals.push(central, name, centralExtra);
    offset += local.length + name.length + localExtra.length + compressed.length;
  }
  // One chunk for the whole directory (a spread of 3 chunks per entry would overflow the stack).
  const directory = Buffer.concat(centrals);
  const directorySize = directory.length;
  const directoryOffset = offset;
  chunks.push(directory);

  const needs64 = entries.length >= MAX16 || directorySize >= MAX32 || directoryOffset >= MAX32;
  if (needs64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4); // size of the rest of this record
    record.writeUInt16LE(VERSION_ZIP64, 12);
    record.writeUInt16LE(VERSION_ZIP64, 14);
    // this disk, the directory's disk: 0
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(directorySize), 40);
    record.writeBigUInt64LE(BigInt(directoryOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(directoryOffset + directorySize), 8);
    locator.writeUInt32LE(1, 16); // total disks
    chunks.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, MAX16), 8);
  end.writeUInt16LE(Math.min(entries.length, MAX16), 10);
  end.writeUInt32LE(Math.min(directorySize, MAX32), 12);
  end.writeUInt32LE(Math.min(directoryOffset, MAX32), 16);
  chunks.push(end);
  return chunks;
}
