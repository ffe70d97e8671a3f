import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../../../electron/db/database';
import { MIGRATIONS } from '../../../../../electron/db/migrations';
import { DecisionDue1795305608000 } from '../../../../../electron/db/migrations/0008-decision-due';
import { tempDir } from '../../../../support/backend';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0008: the due date of the kierownik’s decision', () => {
  it('gives requests filed before it 7 working days from the filing, counted with holidays', async () => {
    dir = tempDir();
    const key = randomBytes(32);
    const file = join(dir, 'a.db');
    const at = MIGRATIONS.indexOf(DecisionDue1795305608000);
    const old = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, at) });
    await old.dataSource.query(`INSERT INTO user VALUES ('u1', 'anowak', 'Anna', 'Nowak', '["social_worker"]', 1, 'x', NULL, 'x', NULL, 1)`);
    await old.dataSource.query(`INSERT INTO family VALUES ('f1', 'family', 'ul. Polna 3', '74-202', 'Bielice', 1, 0, '', 'x', NULL, 'x', NULL, 1)`);
    await old.dataSource.query(
      `INSERT INTO case_file (id, number, family_id, status, reported_on, source, source_details, report, urgent, minor_parent, reasons, worker_id, interview_due, created_at, updated_at, version)
       VALUES ('c1', 'OPS.AR.1.2026', 'f1', 'ASSISTANT_REQUESTED', '2026-12-01', 'school', '', 'r', 0, 0, '[]', 'u1', '2026-12-18', 'x', 'x', 1)`,
    );
    const columns = ((await old.dataSource.query('PRAGMA table_info(assistant_request)')) as { name: string }[]).map((c) => c.name);
    const values = columns.map((c) => ({ id: "'r1'", case_id: "'c1'", justification: "'j'", filed_on: "'2026-12-18'", filed_by: "'u1'", status: "'pending'", created_at: "'x'", updated_at: "'x'", version: '1' })[c] ?? 'NULL');
    await old.dataSource.query(`INSERT INTO assistant_request (${columns.join(', ')}) VALUES (${values.join(', ')})`);
    await old.close();

    const db = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, at + 1) });
    try {
      // 18.12.2026 is a Friday; 7 working days later, with 24, 25 and 26 December off: 21, 22, 23, 28, 29, 30, 31.
      expect(await db.dataSource.query('SELECT decision_due FROM assistant_request')).toEqual([{ decision_due: '2026-12-31' }]);
    } finally {
      await db.close();
    }
  });
});
