import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../../../electron/db/database';
import { MIGRATIONS } from '../../../../../electron/db/migrations';
import { LettersAndStatements1795305613000 } from '../../../../../electron/db/migrations/0013-letters-and-statements';
import { tempDir } from '../../../../support/backend';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const columns = async (db: Database, table: string): Promise<Record<string, string | null>> =>
  Object.fromEntries(((await db.dataSource.query(`PRAGMA table_info(${table})`)) as { name: string; dflt_value: string | null }[]).map((c) => [c.name, c.dflt_value]));

describe('migration 0013: the reason in the family letter, the oświadczenie o stanie majątkowym', () => {
  it('adds the columns (existing changes: reason not printed; existing wywiady: no statement), and removes them on the way down', async () => {
    dir = tempDir();
    const key = randomBytes(32);
    const file = join(dir, 'a.db');
    const at = MIGRATIONS.indexOf(LettersAndStatements1795305613000);
    expect(at).toBeGreaterThan(0);
    const old = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, at) });
    await old.close();

    const db = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, at + 1) });
    try {
      expect(await columns(db, 'assignment')).toHaveProperty('reason_in_letter', '0');
      expect(await columns(db, 'worker_assignment')).toHaveProperty('reason_in_letter', '0');
      expect(await columns(db, 'interview')).toHaveProperty('asset_statement', null);
      const runner = db.dataSource.createQueryRunner();
      try {
        await new LettersAndStatements1795305613000().down(runner);
      } finally {
        await runner.release();
      }
      expect(await columns(db, 'assignment')).not.toHaveProperty('reason_in_letter');
      expect(await columns(db, 'worker_assignment')).not.toHaveProperty('reason_in_letter');
      expect(await columns(db, 'interview')).not.toHaveProperty('asset_statement');
    } finally {
      await db.close();
    }
  });
});
