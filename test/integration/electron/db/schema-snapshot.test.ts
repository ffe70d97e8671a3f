/**
 * The schema guarded like Actual Budget's: the schema every migration together builds is compared
 * with a committed snapshot, and the columns of released versions may only ever be added to.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { Referrals1795305612000 } from '../../../../electron/db/migrations/0012-referrals';
import { migratedSchema, schemaText, type Schema } from '../../../support/schema';

const SNAPSHOT = join(__dirname, '__snapshots__', 'schema.txt');
const SHIPPED = join(__dirname, 'shipped-columns.json');
const THIS_FILE = 'test/integration/electron/db/schema-snapshot.test.ts';

/** table → column → declared type, for every column a released Asysta has. */
type Columns = Record<string, Record<string, string>>;

function columnsOf(schema: Schema): Columns {
  return Object.fromEntries(schema.tables.map((t) => [t.name, Object.fromEntries(t.columns.map((c) => [c.name, c.type]))]));
}

/** What a schema lost of the shipped columns: each dropped, renamed or retyped column, in words. */
function shippedViolations(shipped: Columns, now: Columns): string[] {
  const found: string[] = [];
  for (const [table, columns] of Object.entries(shipped)) {
    const current = now[table];
    if (!current) {
      found.push(`table ${table} is gone`);
      continue;
    }
    for (const [column, type] of Object.entries(columns)) {
      if (!(column in current)) found.push(`${table}.${column} is gone (dropped or renamed)`);
      else if (current[column] !== type) found.push(`${table}.${column} changed its type from '${type}' to '${current[column]}'`);
    }
  }
  return found;
}

describe('the database schema', () => {
  it('is what the committed snapshot says', async () => {
    const actual = schemaText(await migratedSchema());
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') writeFileSync(SNAPSHOT, actual);
    const expected = existsSync(SNAPSHOT) ? readFileSync(SNAPSHOT, 'utf8').replace(/\r\n/g, '\n') : '(no snapshot committed)';
    expect(
      actual,
      `The migrations build another schema than ${SNAPSHOT}. If the change is deliberate (a new migration), ` +
        `update the snapshot with \`UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run ${THIS_FILE}\`, read the diff, and commit it with the migration.`,
    ).toBe(expected);
  });

  it('keeps every shipped column, with its type (additive only)', async () => {
    const now = columnsOf(await migratedSchema());
    if (process.env.UPDATE_SHIPPED_COLUMNS === '1') {
      // At a release: adds the new columns to the list; never removes or changes one that is there.
      const shipped = JSON.parse(readFileSync(SHIPPED, 'utf8')) as Columns;
      for (const [table, columns] of Object.entries(now)) {
        for (const [column, type] of Object.entries(columns)) {
          shipped[table] ??= {};
          shipped[table][column] ??= type;
        }
      }
      writeFileSync(SHIPPED, `${JSON.stringify(shipped, null, 2)}\n`);
    }
    const shipped = JSON.parse(readFileSync(SHIPPED, 'utf8')) as Columns;
    expect(
      shippedViolations(shipped, now),
      `Released databases have these columns; old backups and older copies of the app read and write them. A migration may add, ` +
        `never drop, rename or retype one: add a new column and keep the old one. (At a release, \`UPDATE_SHIPPED_COLUMNS=1 npx vitest run ${THIS_FILE}\` adds the new columns to ${SHIPPED}.)`,
    ).toEqual([]);
  });

  it('the shipped list covers the released migrations (0001–0012) whole', async () => {
    const released = columnsOf(await migratedSchema(MIGRATIONS.slice(0, MIGRATIONS.indexOf(Referrals1795305612000) + 1)));
    const shipped = JSON.parse(readFileSync(SHIPPED, 'utf8')) as Columns;
    expect(shippedViolations(released, shipped)).toEqual([]);
  });

  it('names a dropped, a renamed and a retyped column (the rule itself)', () => {
    const shipped = { person: { id: 'text', pesel: 'text', born_on: 'text' }, gone: { id: 'text' } };
    const now = { person: { id: 'text', pesel_number: 'text', born_on: 'integer' } };
    expect(shippedViolations(shipped, now)).toEqual([
      'person.pesel is gone (dropped or renamed)',
      "person.born_on changed its type from 'text' to 'integer'",
      'table gone is gone',
    ]);
  });
});
