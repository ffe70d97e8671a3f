import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateServer, requireServerSchema, schemaVersion } from '../../../../electron/data/postgres/migrate';
import { SERVER_SCHEMA_VERSION } from '../../../../electron/data/postgres/schema';
import { migratedSchema } from '../../../support/schema';
import { startServerOffice, type ServerOffice } from '../../../support/server-office';

let office: ServerOffice;
beforeAll(async () => {
  office = await startServerOffice();
}, 120_000);
afterAll(() => office?.close());

/** Columns the server adds to the embedded schema's tables, and its own tables. */
const SERVER_ONLY_COLUMNS = new Set(['user.db_role']);
const SERVER_ONLY_TABLES = new Set(['case_search']);

describe('the office server schema (PostgreSQL)', () => {
  it('is at this build’s version, and migrating again applies nothing', async () => {
    expect(await schemaVersion(office.admin)).toBe(SERVER_SCHEMA_VERSION);
    expect(await migrateServer(office.admin)).toEqual([]);
  });

  it('has every table and column of the embedded schema, under the same names', async () => {
    const embedded = await migratedSchema();
    const rows = (
      await office.admin.query<{ table_name: string; column_name: string; is_nullable: string }>(
        `SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
      )
    ).rows;
    const server = new Map<string, string>();
    for (const row of rows) server.set(`${row.table_name}.${row.column_name}`, row.is_nullable);
    const expected = new Map<string, string>();
    for (const table of embedded.tables) {
      if (table.kind !== 'table' || table.name.startsWith('case_search') || ['migrations', 'sqlite_sequence'].includes(table.name)) continue;
      for (const column of table.columns) expected.set(`${table.name}.${column.name}`, column.notNull || column.pk > 0 ? 'NO' : 'YES');
    }
    const missing = [...expected.keys()].filter((key) => !server.has(key));
    const extra = [...server.keys()].filter((key) => !expected.has(key) && !SERVER_ONLY_COLUMNS.has(key) && !SERVER_ONLY_TABLES.has(key.split('.')[0]!));
    const nullability = [...expected].filter(([key, nullable]) => server.has(key) && server.get(key) !== nullable).map(([key]) => key);
    expect({ missing, extra, nullability }).toEqual({ missing: [], extra: [], nullability: [] });
  });

  it('has every index of the embedded schema, under the same name', async () => {
    const embedded = await migratedSchema();
    const wanted = embedded.tables.flatMap((t) => t.indexes.filter((i) => i.origin === 'c').map((i) => i.name));
    const server = new Set((await office.admin.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`)).rows.map((r) => r.indexname));
    expect(wanted.length).toBeGreaterThan(30);
    expect(wanted.filter((name) => !server.has(name))).toEqual([]);
  });

  it('refuses a client older or newer than the server, naming both versions', async () => {
    await expect(requireServerSchema(office.head.client)).resolves.toBeUndefined();
    await expect(requireServerSchema(office.head.client, SERVER_SCHEMA_VERSION + 1)).rejects.toThrow(
      `Serwer ma starszą wersję bazy (${SERVER_SCHEMA_VERSION}) niż ten program (${SERVER_SCHEMA_VERSION + 1})`,
    );
    await expect(requireServerSchema(office.head.client, SERVER_SCHEMA_VERSION - 1)).rejects.toThrow(
      `Serwer ma nowszą wersję bazy (${SERVER_SCHEMA_VERSION}) niż ten program (${SERVER_SCHEMA_VERSION - 1})`,
    );
  });

  it('refuses to migrate a database newer than this build', async () => {
    await expect(migrateServer(office.admin, { steps: [] })).rejects.toThrow(`Serwer ma nowszą wersję bazy (${SERVER_SCHEMA_VERSION}) niż ten program (0)`);
  });
});
