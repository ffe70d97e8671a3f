import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../../../electron/db/database';
import { MIGRATIONS } from '../../../../../electron/db/migrations';
import { Referrals1795305612000 } from '../../../../../electron/db/migrations/0012-referrals';
import { FOOD_AID_THRESHOLDS } from '../../../../../shared/domain/income';
import { tempDir } from '../../../../support/backend';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0012: referrals', () => {
  it('keeps the issued documents, lets the register hold documents without a case, keeps rows immutable, seeds the FEPŻ shares', async () => {
    dir = tempDir();
    const key = randomBytes(32);
    const file = join(dir, 'a.db');
    const at = MIGRATIONS.indexOf(Referrals1795305612000);
    expect(at).toBeGreaterThan(0);
    const old = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, at) });
    // Named columns: later migrations add columns of their own to these tables.
    await old.dataSource.query(`INSERT INTO user (id, login, first_name, last_name, roles, active, created_at, updated_at, version) VALUES ('u1', 'anowak', 'Anna', 'Nowak', '["social_worker"]', 1, 'x', 'x', 1)`);
    await old.dataSource.query(`INSERT INTO family (id, kind, street, postal_code, city, rural, farm_hectares, housing, created_at, updated_at, version) VALUES ('f1', 'family', 'ul. Polna 3', '74-202', 'Bielice', 1, 0, '', 'x', 'x', 1)`);
    await old.dataSource.query(
      `INSERT INTO case_file (id, number, family_id, status, reported_on, source, source_details, report, urgent, minor_parent, reasons, worker_id, interview_due, created_at, updated_at, version)
       VALUES ('c1', 'OPS.AR.1.2026', 'f1', 'IN_PROGRESS', '2026-01-05', 'school', '', 'r', 0, 0, '[]', 'u1', '2026-01-23', 'x', 'x', 1)`,
    );
    const columnsBefore = ((await old.dataSource.query('PRAGMA table_info(document)')) as { name: string }[]).map((c) => c.name);
    const row = (id: string, caseId: string | null, number: string) =>
      columnsBefore.map((c) => ({ id, case_id: caseId, kind: 'social-contract', subject_id: id, number, version: 1, template_version: 't/1', model_hash: 'a'.repeat(64), bytes: Buffer.from('%PDF-'), sha256: 'b'.repeat(64), size: 5, pages: 1, issued_on: '2026-03-02', issued_by: 'u1', issued_at: 'x' })[c] ?? null);
    const insert = (d: Database, values: unknown[]) => d.dataSource.query(`INSERT INTO document (${columnsBefore.join(', ')}) VALUES (${columnsBefore.map(() => '?').join(', ')})`, values);
    await insert(old, row('d1', 'c1', '1/2026'));
    await expect(insert(old, row('d0', null, '0/2026'))).rejects.toThrow(/NOT NULL/);
    await old.close();

    const db = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, at + 1) });
    try {
      const columnsAfter = ((await db.dataSource.query('PRAGMA table_info(document)')) as { name: string; notnull: number }[]);
      expect(columnsAfter.map((c) => c.name)).toEqual(columnsBefore);
      expect(columnsAfter.find((c) => c.name === 'case_id')?.notnull).toBe(0);
      expect(await db.dataSource.query('SELECT id, case_id AS caseId, number FROM document')).toEqual([{ id: 'd1', caseId: 'c1', number: '1/2026' }]);
      await insert(db, row('d2', null, '2/2026'));
      await expect(insert(db, row('d3', null, '2/2026'))).rejects.toThrow(/UNIQUE/);
      await expect(db.dataSource.query("UPDATE document SET number = 'x' WHERE id = 'd1'")).rejects.toThrow(/immutable/);
      await expect(db.dataSource.query("DELETE FROM document WHERE id = 'd2'")).rejects.toThrow(/immutable/);
      const indexes = (await db.dataSource.query("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'document' AND sql IS NOT NULL")) as { name: string }[];
      expect(indexes.map((i) => i.name)).toContain('document_case');
      expect(await db.dataSource.query("SELECT name FROM sqlite_master WHERE name = 'document_before_0012'")).toEqual([]);

      const seeded = (await db.dataSource.query('SELECT valid_from AS validFrom, percent FROM food_aid_threshold ORDER BY valid_from')) as { validFrom: string; percent: number }[];
      expect(seeded).toEqual(FOOD_AID_THRESHOLDS.map(({ validFrom, percent }) => ({ validFrom, percent })));
      // A sub-programme has a validity end; a FEPŻ referral has a sub-programme; a cancellation has a reason.
      await expect(db.dataSource.query("INSERT INTO referral_subprogramme VALUES ('s1', 'Podprogram 2025', NULL, 'x', NULL, 'x', NULL, 1)")).rejects.toThrow(/NOT NULL/);
      expect((await db.dataSource.query('PRAGMA foreign_key_check')) as unknown[]).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
