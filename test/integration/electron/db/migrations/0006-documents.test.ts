import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../../../electron/db/database';
import { MIGRATIONS } from '../../../../../electron/db/migrations';
import { tempDir } from '../../../../support/backend';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const index = MIGRATIONS.findIndex((migration) => migration.name === 'Documents1795305606000');

describe('migration 0006: the document register', () => {
  it('adds an insert-only document table to a database with cases; versions are unique per kind and subject', async () => {
    expect(index).toBeGreaterThan(0);
    dir = tempDir();
    const key = randomBytes(32);
    const file = join(dir, 'a.db');
    const old = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, index) });
    await old.dataSource.query(`INSERT INTO user VALUES ('u1', 'anowak', 'Anna', 'Nowak', '["social_worker"]', 1, 'x', NULL, 'x', NULL, 1)`);
    await old.dataSource.query(`INSERT INTO family VALUES ('f1', 'family', 'ul. Polna 3', '74-202', 'Bielice', 1, 0, '', 'x', NULL, 'x', NULL, 1)`);
    await old.dataSource.query(
      `INSERT INTO case_file (id, number, family_id, status, reported_on, source, source_details, report, urgent, minor_parent, reasons, worker_id, interview_due, created_at, updated_at, version)
       VALUES ('c1', 'OPS.AR.1.2026', 'f1', 'IN_PROGRESS', '2026-01-05', 'school', '', 'r', 0, 0, '[]', 'u1', '2026-01-23', 'x', 'x', 1)`,
    );
    await old.close();

    const db = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, index + 1) });
    try {
      expect(await db.dataSource.query('SELECT number FROM case_file')).toEqual([{ number: 'OPS.AR.1.2026' }]);
      const columns = (await db.dataSource.query('PRAGMA table_info(document)')) as { name: string; type: string }[];
      expect(columns.map((c) => c.name)).toEqual([
        'id', 'case_id', 'kind', 'subject_id', 'number', 'version', 'template_version', 'model_hash', 'bytes', 'sha256', 'size', 'pages', 'issued_on', 'issued_by', 'issued_at',
      ]);
      expect(columns.filter((c) => c.type === '').map((c) => c.name)).toEqual([]);
      const hash = 'a'.repeat(64);
      const insert = (id: string, number: string, version: number) =>
        db.dataSource.query(`INSERT INTO document VALUES (?, 'c1', 'social-contract', 's1', ?, ?, 'kontrakt-socjalny/2010-1', ?, ?, ?, 3, 1, '2026-03-02', 'u1', 'x')`, [
          id,
          number,
          version,
          hash,
          Buffer.from('%PDF'),
          hash,
        ]);
      await insert('d1', '1/2026', 1);
      await insert('d2', '1/2026 (wersja 2)', 2);
      await expect(insert('d3', '2/2026', 2)).rejects.toThrow(/UNIQUE/);
      await expect(insert('d4', '1/2026', 3)).rejects.toThrow(/UNIQUE/);
      // A printed document is never rewritten nor removed.
      await expect(db.dataSource.query(`UPDATE document SET bytes = x'00' WHERE id = 'd1'`)).rejects.toThrow(/immutable/);
      await expect(db.dataSource.query(`DELETE FROM document WHERE id = 'd1'`)).rejects.toThrow(/immutable/);
      const [row] = (await db.dataSource.query(`SELECT bytes FROM document WHERE id = 'd1'`)) as { bytes: Buffer }[];
      expect(Buffer.from(row?.bytes ?? []).toString()).toBe('%PDF');
    } finally {
      await db.close();
    }
  });
});
