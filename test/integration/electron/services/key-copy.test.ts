/**
 * The key change's re-key of its snapshot runs in a worker thread and reports measured progress
 * (issue 14): bytes done only grow, reach 100 %, and the copy opens under the new key only.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { keyLiteral } from '../../../../electron/db/database';
import { KeyCopyError, rekeyCopy, type KeyCopyProgress } from '../../../../electron/services/key-copy';
import { tempDir } from '../../../support/backend';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open(file: string, key: Buffer) {
  const db = new Sqlite(file);
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  const literal = keyLiteral(key);
  db.key(literal);
  literal.fill(0);
  return db;
}

describe('re-keying the snapshot in a worker', () => {
  it('reports progress that only grows and ends at 100 %, and the copy opens under the new key only', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const snapshot = join(dir, 'asysta.klucz-0123456789abcdef.db.tmp');
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const db = open(snapshot, oldKey);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body BLOB)');
    db.prepare('INSERT INTO filler (body) SELECT randomblob(4000) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000) SELECT i FROM n)').run();

    db.close();
    const seen: KeyCopyProgress[] = [];
    await rekeyCopy({ snapshot, oldKey, newKey, onProgress: (p) => seen.push(p), everyMs: 5 });

    const percents = seen.map((p) => (100 * p.doneBytes) / p.totalBytes);
    expect(percents[0]).toBe(0);
    expect(percents.at(-1)).toBe(100);
    for (let i = 1; i < percents.length; i++) expect(percents[i]!).toBeGreaterThanOrEqual(percents[i - 1]!);
    // Measured, not just the start and the end: figures between.
    expect(percents.filter((p) => p > 0 && p < 100).length).toBeGreaterThan(2);

    const copy = open(snapshot, newKey);
    expect(copy.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: 6000 });
    copy.close();
    expect(() => open(snapshot, oldKey).prepare('SELECT count(*) FROM filler').get()).toThrow();
  });

  it('fails with SQLite’s reason when the database does not open under the key given', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const snapshot = join(dir, 'copy.tmp');
    const db = open(snapshot, randomBytes(32));
    db.exec('CREATE TABLE t (x)');
    db.close();
    const copying = rekeyCopy({ snapshot, oldKey: randomBytes(32), newKey: randomBytes(32), onProgress: () => undefined });
    await expect(copying).rejects.toBeInstanceOf(KeyCopyError);
  });
});
