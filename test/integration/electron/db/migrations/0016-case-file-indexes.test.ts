import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../../../electron/db/database';
import { MIGRATIONS } from '../../../../../electron/db/migrations';
import { CaseFileIndexes1795305616000 } from '../../../../../electron/db/migrations/0016-case-file-indexes';
import { tempDir } from '../../../../support/backend';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const CASE_REQUESTS = `EXPLAIN QUERY PLAN SELECT * FROM assistant_request r WHERE r.case_id = 'c1' ORDER BY r.filed_on DESC`;

describe('migration 0016: the case file’s indexes', () => {
  it("finds a case's requests by the case, in the file's order, instead of scanning the office's requests; drops the index on the way down", async () => {
    dir = tempDir();
    const key = randomBytes(32);
    const file = join(dir, 'a.db');
    const at = MIGRATIONS.indexOf(CaseFileIndexes1795305616000);
    expect(at).toBeGreaterThan(0);
    const before = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, at) });
    const plan = async (db: Database) => ((await db.dataSource.query(CASE_REQUESTS)) as { detail: string }[]).map((r) => r.detail).join(' | ');
    try {
      expect(await plan(before)).toMatch(/^SCAN r/);
    } finally {
      await before.close();
    }

    const db = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, at + 1) });
    try {
      expect(await plan(db)).toContain('USING INDEX assistant_request_case (case_id=?)');
      expect(await plan(db)).not.toContain('TEMP B-TREE');
      const runner = db.dataSource.createQueryRunner();
      try {
        await new CaseFileIndexes1795305616000().down(runner);
      } finally {
        await runner.release();
      }
      expect(await db.dataSource.query(`SELECT name FROM sqlite_master WHERE name = 'assistant_request_case'`)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
