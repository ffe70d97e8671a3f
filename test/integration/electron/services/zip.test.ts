import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { zip, zipAsync, zipChunks } from '../../../../electron/services/zip';
import { tempDir } from '../../../support/backend';

const AT = new Date('2026-06-15T12:00:00Z');
const EOCD64 = Buffer.from([0x50, 0x4b, 0x06, 0x06]);
const LOCATOR64 = Buffer.from([0x50, 0x4b, 0x06, 0x07]);

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

/** Info-ZIP (which reads ZIP64) over the archive: `unzip -tq` (test every entry) and the names it lists. */
function unzipTest(archive: Buffer): { report: string; names: string[] } {
  dir = tempDir('asysta-zip-');
  const file = join(dir, 'a.zip');
  writeFileSync(file, archive);
  const run = (args: string[]) => execFileSync('unzip', [...args, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { report: run(['-tq']), names: run(['-Z1']).split('\n').filter(Boolean) };
}

/** The central directory's entries, read by hand: name, the 32-bit size fields and the ZIP64 extra field's values. */
function centralEntries(archive: Buffer): { name: string; version: number; compressed: number; size: number; offset: number; zip64: bigint[] }[] {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let count = archive.readUInt16LE(end + 10);
  let position = archive.readUInt32LE(end + 16);
  const locator = archive.lastIndexOf(LOCATOR64);
  if (locator >= 0 && locator === end - 20) {
    const record = Number(archive.readBigUInt64LE(locator + 8));
    count = Number(archive.readBigUInt64LE(record + 32));
    position = Number(archive.readBigUInt64LE(record + 48));
  }
  const out = [];
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(position) !== 0x02014b50) throw new Error(`no central header at ${position}`);
    const nameLength = archive.readUInt16LE(position + 28);
    const extraLength = archive.readUInt16LE(position + 30);
    const extra = archive.subarray(position + 46 + nameLength, position + 46 + nameLength + extraLength);
    const zip64: bigint[] = [];
    if (extra.length) {
      if (extra.readUInt16LE(0) !== 1) throw new Error('not a ZIP64 extra field');
      for (let at = 4; at < 4 + extra.readUInt16LE(2); at += 8) zip64.push(extra.readBigUInt64LE(at));
    }
    out.push({
      name: archive.toString('utf8', position + 46, position + 46 + nameLength),
      version: archive.readUInt16LE(position + 6),
      compressed: archive.readUInt32LE(position + 20),
      size: archive.readUInt32LE(position + 24),
      offset: archive.readUInt32LE(position + 42),
      zip64,
    });
    position += 46 + nameLength + extraLength;
  }
  return out;
}

describe('the ZIP writer', () => {
  it('writes a plain ZIP 2.0 archive for a few entries (UTF-8 names, empty files), the same bytes sync and async', async () => {
    const entries = [
      { name: 'manifest.json', data: Buffer.from('{"zażółć":"gęślą jaźń"}\n', 'utf8') },
      { name: '01_wywiad_środowiskowy.pdf', data: Buffer.alloc(200_000, 'PDF ') },
      { name: 'pusty.txt', data: Buffer.alloc(0) },
    ];
    const archive = zip(entries, AT);
    expect(Buffer.compare(await zipAsync(entries, AT), archive)).toBe(0);
    expect(archive.includes(EOCD64)).toBe(false);
    const central = centralEntries(archive);
    expect(central.map((e) => [e.name, e.version, e.zip64])).toEqual(entries.map((e) => [e.name, 20, []]));
    const { report, names } = unzipTest(archive);
    expect(report).toMatch(/No errors detected/);
    expect(names).toHaveLength(3); // (Debian's unzip prints the UTF-8 names through a DOS code page: only counted here)
    // Each entry inflates back to its bytes.
    for (const [i, e] of central.entries()) {
      const nameLength = archive.readUInt16LE(e.offset + 26);
      const start = e.offset + 30 + nameLength + archive.readUInt16LE(e.offset + 28);
      expect(Buffer.compare(inflateRawSync(archive.subarray(start, start + e.compressed)), entries[i]!.data)).toBe(0);
    }
  });

  it('writes ZIP64 end records for more than 65 535 entries, and Info-ZIP reads every entry back', () => {
    // Deflated once and shared: the archive's records are under test, not 70 000 runs of zlib.
    const data = Buffer.from('wpis w archiwum\n');
    const deflated = { size: data.length, crc: crc32(data), compressed: deflateRawSync(data) };
    const names = Array.from({ length: 70_000 }, (_, i) => `plik-${String(i).padStart(5, '0')}.txt`);
    const archive = Buffer.concat(zipChunks(names.map((name) => ({ name, ...deflated })), AT));
    const end = archive.length - 22;
    expect(archive.readUInt16LE(end + 10)).toBe(0xffff); // "see the ZIP64 record"
    expect(archive.indexOf(LOCATOR64)).toBe(end - 20);
    const record = Number(archive.readBigUInt64LE(end - 20 + 8));
    expect(archive.subarray(record, record + 4)).toEqual(EOCD64);
    expect(archive.readBigUInt64LE(record + 32)).toBe(70_000n);
    const central = centralEntries(archive);
    expect(central).toHaveLength(70_000);
    expect(central[69_999]!.name).toBe('plik-69999.txt');
    const read = unzipTest(archive);
    expect(read.report).toMatch(/No errors detected in compressed data/);
    expect(read.names).toEqual(names);
  }, 60_000);

  it('moves a size of 4 GiB or more into the ZIP64 extra field, in the local and the central header', () => {
    const huge = 5_000_000_000;
    const compressed = Buffer.from([0x03, 0x00]); // a stand-in: the declared sizes are what is checked
    const archive = Buffer.concat(
      zipChunks(
        [
          { name: 'duzy.pdf', size: huge, crc: 0x12345678, compressed },
          { name: 'maly.txt', size: 0, crc: 0, compressed },
        ],
        AT,
      ),
    );
    // Local header of the large entry: both sizes 0xFFFFFFFF, ZIP64 extra with size and compressed size.
    expect(archive.readUInt16LE(4)).toBe(45);
    expect(archive.readUInt32LE(18)).toBe(0xffffffff);
    expect(archive.readUInt32LE(22)).toBe(0xffffffff);
    const localExtra = archive.subarray(30 + 'duzy.pdf'.length, 30 + 'duzy.pdf'.length + archive.readUInt16LE(28));
    expect([localExtra.readUInt16LE(0), localExtra.readBigUInt64LE(4), localExtra.readBigUInt64LE(12)]).toEqual([1, BigInt(huge), 2n]);
    const [large, small] = centralEntries(archive);
    expect(large).toMatchObject({ name: 'duzy.pdf', version: 45, size: 0xffffffff, compressed: 2, offset: 0, zip64: [BigInt(huge)] });
    expect(small).toMatchObject({ name: 'maly.txt', version: 20, size: 0, zip64: [] });
  });
});
