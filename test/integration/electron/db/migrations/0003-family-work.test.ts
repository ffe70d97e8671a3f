import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../../../electron/db/database';
import { MIGRATIONS } from '../../../../../electron/db/migrations';
import { tempDir } from '../../../../support/backend';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0003: working with the family', () => {
  it('adds contracts, plans, visits and assessments, and closure columns to existing cases', async () => {
    dir = tempDir();
    const key = randomBytes(32);
    const file = join(dir, 'a.db');
    const old = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, 2) });
    await old.dataSource.query(`INSERT INTO user VALUES ('u1', 'anowak', 'Anna', 'Nowak', '["social_worker"]', 1, 'x', NULL, 'x', NULL, 1)`);
    await old.dataSource.query(`INSERT INTO family VALUES ('f1', 'family', 'ul. Polna 3', '74-202', 'Bielice', 1, 0, '', 'x', NULL, 'x', NULL, 1)`);
    await old.dataSource.query(
      `INSERT INTO case_file (id, number, family_id, status, reported_on, source, source_details, report, urgent, minor_parent, reasons, worker_id, interview_due, created_at, updated_at, version)
       VALUES ('c1', 'OPS.AR.1.2026', 'f1', 'IN_PROGRESS', '2026-01-05', 'school', '', 'r', 0, 0, '[]', 'u1', '2026-01-23', 'x', 'x', 1)`,
    );
    await old.close();

    const db = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, 3) });
    try {
      const kase = (await db.dataSource.query('SELECT number, status, monitoring_until, closed_on FROM case_file')) as unknown[];
      expect(kase).toEqual([{ number: 'OPS.AR.1.2026', status: 'IN_PROGRESS', monitoring_until: null, closed_on: null }]);
      for (const table of ['contract', 'plan', 'visit', 'assessment']) {
        const columns = (await db.dataSource.query(`PRAGMA table_info(${table})`)) as { name: string; type: string }[];
        expect(columns.length, table).toBeGreaterThan(5);
        expect(columns.filter((c) => c.type === '').map((c) => c.name), `${table}: columns without a type`).toEqual([]);
      }
      // A plan's version number is unique within its case.
      const plan = (n: number) =>
        db.dataSource.query(`INSERT INTO plan VALUES (?, 'c1', 1, 'standard', '', '[]', 'draft', NULL, 'u1', 'x', NULL, 'x', NULL, 1)`, [`p${n}`]);
      await plan(1);
      await expect(plan(2)).rejects.toThrow(/UNIQUE/);
    } finally {
      await db.close();
    }
  });
});
