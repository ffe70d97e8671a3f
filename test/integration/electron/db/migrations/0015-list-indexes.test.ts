import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../../../electron/db/database';
import { MIGRATIONS } from '../../../../../electron/db/migrations';
import { ListIndexes1795305615000 } from '../../../../../electron/db/migrations/0015-list-indexes';
import { tempDir } from '../../../../support/backend';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0015: indexes of the read models and the statistics', () => {
  it("reads the case list's default order from an index (no sort of every case), and drops it on the way down", async () => {
    dir = tempDir();
    const key = randomBytes(32);
    const file = join(dir, 'a.db');
    const at = MIGRATIONS.indexOf(ListIndexes1795305615000);
    expect(at).toBeGreaterThan(0);
    await (await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, at) })).close();

    const db = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, at + 1) });
    const plan = async () =>
      ((await db.dataSource.query('EXPLAIN QUERY PLAN SELECT c.id FROM case_file c ORDER BY c.reported_on DESC, c.id DESC LIMIT 50 OFFSET 100')) as { detail: string }[]).map((r) => r.detail).join(' | ');
    try {
      expect(await plan()).toContain('case_file_reported');
      expect(await plan()).not.toContain('TEMP B-TREE');
      expect(await db.dataSource.query(`SELECT name FROM sqlite_master WHERE name = 'case_file_reported'`)).toEqual([{ name: 'case_file_reported' }]);
      // The statistics' wywiady of a period: from the index alone, never the rows with their JSON.
      const stats = ((await db.dataSource.query(
        `EXPLAIN QUERY PLAN SELECT COUNT(*), SUM(i.kind = 'full') FROM interview i WHERE i.status = 'completed' AND i.conducted_on BETWEEN '2025-01-01' AND '2025-12-31'`,
      )) as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(stats).toContain('COVERING INDEX interview_conducted');
      const approvals = ((await db.dataSource.query(`EXPLAIN QUERY PLAN SELECT p.id FROM plan p WHERE p.status = 'awaiting_approval'`)) as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(approvals).toContain('plan_status');
      const runner = db.dataSource.createQueryRunner();
      try {
        await new ListIndexes1795305615000().down(runner);
      } finally {
        await runner.release();
      }
      expect(await db.dataSource.query(`SELECT name FROM sqlite_master WHERE name IN ('case_file_reported', 'interview_conducted', 'contract_period', 'contract_signed', 'plan_status', 'assessment_handover')`)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
