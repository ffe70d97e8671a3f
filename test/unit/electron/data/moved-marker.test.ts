/**
 * The mark of a data folder whose office moved to the office server (electron/data/moved-marker.ts):
 * read back as written; a damaged or foreign mark still counts as moved (it must never reopen the
 * folder for writing); the refusal names the server and what to do, in Polish.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { movedMarkerPath, movedMarkerText, officeMovedError, readMovedMarker, refuseIfMoved, type MovedMarker } from '../../../../electron/data/moved-marker';
import { AppError } from '../../../../electron/errors';

const MARKER: MovedMarker = {
  format: 'asysta-moved',
  version: 1,
  movedAt: '2026-12-03T17:40:00.000Z',
  server: { host: '192.168.1.20', port: 5432 },
  auditHead: { seq: 42, hash: 'a'.repeat(64) },
};

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the moved mark', () => {
  it('is absent from a folder never moved, and read back as written', () => {
    dir = mkdtempSync(join(tmpdir(), 'asysta-moved-'));
    expect(readMovedMarker(dir)).toBeNull();
    expect(() => refuseIfMoved(dir)).not.toThrow();
    writeFileSync(movedMarkerPath(dir), movedMarkerText(MARKER));
    expect(readMovedMarker(dir)).toEqual(MARKER);
  });

  it.each([['not JSON', '{"format": "asysta-moved",'], ['another format', '{"format":"x"}'], ['empty', '']])('counts a damaged mark (%s) as moved', (_, text) => {
    dir = mkdtempSync(join(tmpdir(), 'asysta-moved-'));
    writeFileSync(movedMarkerPath(dir), text);
    expect(readMovedMarker(dir)).toBe('unreadable');
    expect(() => refuseIfMoved(dir)).toThrow(/przeniesione na serwer Asysty w biurze\. /);
  });

  it('is refused with OFFICE_MOVED, naming the server, the day and the pairing code', () => {
    dir = mkdtempSync(join(tmpdir(), 'asysta-moved-'));
    const error = officeMovedError(MARKER);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('OFFICE_MOVED');
    expect(error.message).toContain('(192.168.1.20:5432) dnia 2026-12-03');
    expect(error.message).toContain('wpisz kod parowania');
  });

  it('refuses to write a mark that is not one', () => {
    dir = mkdtempSync(join(tmpdir(), 'asysta-moved-'));
    expect(() => movedMarkerText({ ...MARKER, auditHead: { seq: 1, hash: 'xyz' } })).toThrow();
  });
});
