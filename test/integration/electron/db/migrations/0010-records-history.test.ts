import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../../../electron/db/database';
import { MIGRATIONS } from '../../../../../electron/db/migrations';
import { RecordsHistory1795305610000 } from '../../../../../electron/db/migrations/0010-records-history';
import { tempDir } from '../../../../support/backend';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0010: records with their history', () => {
  it('keeps today’s address and worker as history, drops the wywiad-term settings, caps the caseload limit, and queues a minor parent left in the analysis', async () => {
    dir = tempDir();
    const key = randomBytes(32);
    const file = join(dir, 'a.db');
    const at = MIGRATIONS.indexOf(RecordsHistory1795305610000);
    const old = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, at) });
    const q = (sql: string) => old.dataSource.query(sql);
    await q(`INSERT INTO user VALUES ('u1', 'anowak', 'Anna', 'Nowak', '["social_worker"]', 1, 'x', NULL, 'x', NULL, 1)`);
    await q(`INSERT INTO family VALUES ('f1', 'family', 'ul. Polna 3', '74-202', 'Bielice', 1, 0, '', 'x', NULL, 'x', NULL, 1)`);
    for (const [id, status, minor] of [['c1', 'ANALYSIS', 1], ['c2', 'ANALYSIS', 0]] as const) {
      await q(
        `INSERT INTO case_file (id, number, family_id, status, reported_on, source, source_details, report, urgent, minor_parent, reasons, worker_id, interview_due, created_at, updated_at, version)
         VALUES ('${id}', 'OPS.AR.${id}.2026', 'f1', '${status}', '2026-12-01', 'school', '', 'r', 0, ${minor}, '[]', 'u1', '2026-12-18', 'x', 'x', 1)`,
      );
    }
    const columns = ((await q('PRAGMA table_info(interview)')) as { name: string }[]).map((c) => c.name);
    const values = columns.map((c) => ({ id: "'i1'", case_id: "'c1'", kind: "'full'", form_version: "'2021'", conducted_on: "'2026-12-04'", place: "''", worker_id: "'u1'", segments: "'{}'", documents: "'{}'", income: "'{}'", status: "'completed'", created_at: "'x'", updated_at: "'x'", version: '1' })[c] ?? 'NULL');
    await q(`INSERT INTO interview (${columns.join(', ')}) VALUES (${values.join(', ')})`);
    await q(`INSERT INTO setting VALUES ('settings.caseloadLimit', '20', 'x', NULL)`);
    await q(`INSERT INTO setting VALUES ('settings.interviewWorkingDays', '30', 'x', NULL)`);
    await q(`INSERT INTO setting VALUES ('settings.urgentInterviewWorkingDays', '5', 'x', NULL)`);
    await old.close();

    const db = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, at + 1) });
    try {
      const query = (sql: string) => db.dataSource.query(sql);
      expect(await query('SELECT family_id, street, city, from_on, to_on FROM family_address')).toEqual([{ family_id: 'f1', street: 'ul. Polna 3', city: 'Bielice', from_on: null, to_on: null }]);
      expect(await query('SELECT case_id, worker_id, from_on, to_on FROM worker_assignment ORDER BY case_id')).toEqual([
        { case_id: 'c1', worker_id: 'u1', from_on: '2026-12-01', to_on: null },
        { case_id: 'c2', worker_id: 'u1', from_on: '2026-12-01', to_on: null },
      ]);
      expect(await query(`SELECT key, value FROM setting ORDER BY key`)).toEqual([{ key: 'settings.caseloadLimit', value: '15' }]);
      expect(await query(`SELECT id, status FROM case_file ORDER BY id`)).toEqual([
        { id: 'c1', status: 'ASSISTANT_REQUESTED' },
        { id: 'c2', status: 'ANALYSIS' },
      ]);
      // Filed on the day of the wywiad; 7 working days later.
      expect(await query(`SELECT case_id, kind, status, filed_on, decision_due, filed_by FROM assistant_request`)).toEqual([
        { case_id: 'c1', kind: 'minor_parent', status: 'pending', filed_on: '2026-12-04', decision_due: '2026-12-15', filed_by: 'u1' },
      ]);
    } finally {
      await db.close();
    }
  });
});
