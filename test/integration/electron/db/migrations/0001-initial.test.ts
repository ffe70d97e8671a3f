import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../../../electron/db/database';
import { MIGRATIONS } from '../../../../../electron/db/migrations';

const UP_TO_0001 = MIGRATIONS.slice(0, 1);
import { tempDir } from '../../../../support/backend';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Column = { name: string; type: string; notnull: number; pk: number };

describe('migration 0001: initial schema', () => {
  it('creates the foundation tables with explicit column types', async () => {
    dir = tempDir();
    const db = await Database.open({ file: join(dir, 'a.db'), masterKey: randomBytes(32), migrations: UP_TO_0001 });
    try {
      const tables = ((await db.dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)) as { name: string }[]).map((t) => t.name);
      expect(tables).toEqual(['audit_log', 'migrations', 'office', 'setting', 'user']);
      const users = (await db.dataSource.query('PRAGMA table_info(user)')) as Column[];
      expect(users.map((c) => `${c.name}:${c.type.toLowerCase()}:${c.notnull}`)).toEqual([
        'id:text:0',
        'login:text:1',
        'first_name:text:1',
        'last_name:text:1',
        'roles:text:1',
        'active:boolean:1',
        'created_at:text:1',
        'created_by:text:0',
        'updated_at:text:1',
        'updated_by:text:0',
        'version:integer:1',
      ]);
      const audit = (await db.dataSource.query('PRAGMA table_info(audit_log)')) as Column[];
      expect(audit.every((c) => c.type !== '')).toBe(true);
      expect(await db.appliedMigrations()).toEqual(['Initial1795305600000']);
      // The office is a single row.
      await db.dataSource.query(`INSERT INTO office VALUES (1, 'a', 'b', '00-000', 'c', 'd', 'x', NULL, 'x', NULL, 1)`);
      await expect(db.dataSource.query(`INSERT INTO office VALUES (2, 'a', 'b', '00-000', 'c', 'd', 'x', NULL, 'x', NULL, 1)`)).rejects.toThrow(/CHECK/);
      expect(((await db.dataSource.query('PRAGMA foreign_keys')) as { foreign_keys: number }[])[0]?.foreign_keys).toBe(1);
      expect(((await db.dataSource.query('PRAGMA journal_mode')) as { journal_mode: string }[])[0]?.journal_mode).toBe('wal');
    } finally {
      await db.close();
    }
  });

  it('runs once: opening again applies nothing new', async () => {
    dir = tempDir();
    const key = randomBytes(32);
    const file = join(dir, 'a.db');
    await (await Database.open({ file, masterKey: key })).close();
    const again = await Database.open({ file, masterKey: key });
    expect(await again.appliedMigrations()).toHaveLength(MIGRATIONS.length);
    expect(await again.hasPendingMigrations()).toBe(false);
    await again.close();
  });
});

describe('database versions and keys', () => {
  it('refuses a database written by a newer Asysta and leaves it unchanged', async () => {
    dir = tempDir();
    const key = randomBytes(32);
    const file = join(dir, 'a.db');
    const db = await Database.open({ file, masterKey: key });
    await db.dataSource.query(`INSERT INTO migrations (timestamp, name) VALUES (1999999999999, 'Future1999999999999')`);
    await db.close();
    await expect(Database.open({ file, masterKey: key })).rejects.toMatchObject({
      code: 'DB_NEWER',
      message: expect.stringContaining('nowszą wersję Asysty'),
    });
    const raw = await Database.open({ file, masterKey: key, migrate: false }).catch((e: unknown) => e);
    expect(raw).toMatchObject({ code: 'DB_NEWER' });
  });

  it('refuses a wrong key as a foreign database', async () => {
    dir = tempDir();
    const file = join(dir, 'a.db');
    await (await Database.open({ file, masterKey: randomBytes(32) })).close();
    await expect(Database.open({ file, masterKey: randomBytes(32) })).rejects.toMatchObject({ code: 'DB_FOREIGN' });
  });
});
