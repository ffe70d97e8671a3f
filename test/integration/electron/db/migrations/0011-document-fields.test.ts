import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../../../electron/db/database';
import { MIGRATIONS } from '../../../../../electron/db/migrations';
import { DocumentFields1795305611000 } from '../../../../../electron/db/migrations/0011-document-fields';
import { tempDir } from '../../../../support/backend';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const columns = async (db: Database, table: string): Promise<Record<string, string | null>> =>
  Object.fromEntries(((await db.dataSource.query(`PRAGMA table_info(${table})`)) as { name: string; dflt_value: string | null }[]).map((c) => [c.name, c.dflt_value]));

describe('migration 0011: the fields the statutory documents print', () => {
  it('adds them with empty values for existing rows (printed as not recorded, never invented), and removes them on the way down', async () => {
    dir = tempDir();
    const key = randomBytes(32);
    const file = join(dir, 'a.db');
    const at = MIGRATIONS.indexOf(DocumentFields1795305611000);
    expect(at).toBeGreaterThan(0);
    const old = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, at) });
    await old.dataSource.query(`INSERT INTO user VALUES ('u1', 'anowak', 'Anna', 'Nowak', '["social_worker"]', 1, 'x', NULL, 'x', NULL, 1)`);
    await old.close();

    const db = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, at + 1) });
    try {
      expect(await columns(db, 'analysis')).toMatchObject({ consent_persons: "'[]'", earlier_help: "''", children_legal: "''" });
      expect(await columns(db, 'contract')).toHaveProperty('labour_market', null);
      expect(await columns(db, 'plan')).toMatchObject({ diagnosis: "''", short_term_goals: "''", long_term_goals: "''", review: "''" });
      expect(await columns(db, 'assessment')).toMatchObject({ cooperation: "''", children_situation: "''", conclusions: "''", handed_on: null });
      expect(await columns(db, 'court_request')).toMatchObject({ court_address: "''", letter_on: null });
      expect(await columns(db, 'office')).toHaveProperty('place', null);
      expect(await columns(db, 'document')).toHaveProperty('dated', null);
      expect(await db.dataSource.query('SELECT office_phone FROM user')).toEqual([{ office_phone: null }]);
      const runner = db.dataSource.createQueryRunner();
      try {
        await new DocumentFields1795305611000().down(runner);
      } finally {
        await runner.release();
      }
      expect(await columns(db, 'plan')).not.toHaveProperty('diagnosis');
      expect(await columns(db, 'user')).not.toHaveProperty('office_phone');
    } finally {
      await db.close();
    }
  });
});
