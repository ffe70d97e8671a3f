import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../../../electron/db/database';
import { MIGRATIONS } from '../../../../../electron/db/migrations';
import { tempDir } from '../../../../support/backend';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0002: the case process', () => {
  it('migrates a 0001 database with data in it, keeping the data', async () => {
    dir = tempDir();
    const key = randomBytes(32);
    const file = join(dir, 'a.db');
    const old = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, 1) });
    await old.dataSource.query(`INSERT INTO user VALUES ('u1', 'anowak', 'Anna', 'Nowak', '["social_worker"]', 1, 'x', NULL, 'x', NULL, 1)`);
    await old.close();

    const db = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, 2) });
    try {
      expect(await db.appliedMigrations()).toHaveLength(2);
      const users = (await db.dataSource.query('SELECT login FROM user')) as { login: string }[];
      expect(users).toEqual([{ login: 'anowak' }]);
      const tables = ((await db.dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)) as { name: string }[]).map((t) => t.name);
      for (const table of ['family', 'person', 'family_member', 'case_file', 'interview', 'analysis', 'assistant_request', 'assignment', 'case_event', 'form_draft', 'counter']) {
        expect(tables).toContain(table);
        const columns = (await db.dataSource.query(`PRAGMA table_info(${table})`)) as { name: string; type: string }[];
        expect(columns.filter((c) => c.type === '').map((c) => c.name), `${table}: columns without a type`).toEqual([]);
      }
      // A person needs a PESEL or a document; a PESEL is unique.
      const person = (id: string, pesel: string | null, doc: string | null) =>
        db.dataSource.query(
          `INSERT INTO person (id, pesel, document_type, document_number, first_name, last_name, birth_date, sex, citizenship, name_key, created_at, updated_at, version) VALUES (?, ?, ?, ?, 'Jan', 'Kowal', '1990-01-01', 'M', 'polskie', 'kowal jan', 'x', 'x', 1)`,
          [id, pesel, doc ? 'passport' : null, doc],
        );
      await person('p1', '90010112318', null);
      await person('p2', null, 'FX123456');
      await expect(person('p3', null, null)).rejects.toThrow(/CHECK/);
      await expect(person('p4', '90010112318', null)).rejects.toThrow(/UNIQUE/);
      // Foreign keys hold.
      await expect(db.dataSource.query(`INSERT INTO family_member (id, family_id, person_id, position, relation, in_household, created_at, updated_at, version) VALUES ('m', 'nope', 'p1', 0, 'child', 1, 'x', 'x', 1)`)).rejects.toThrow(/FOREIGN KEY/);
    } finally {
      await db.close();
    }
  });
});
