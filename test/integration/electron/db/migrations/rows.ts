/** Inserting representative rows into an older schema for the per-migration tests. */
import type { Database } from '../../../../../electron/db/database';

/**
 * Inserts a row into a table as it stands at this point of the migrations: the given values,
 * NULL for the other nullable columns and a neutral value ('' or 0) for the other NOT NULL ones.
 */
export async function insertRow(db: Database, table: string, values: Record<string, string | number | null>): Promise<void> {
  const columns = (await db.dataSource.query(`PRAGMA table_info(${table})`)) as { name: string; type: string; notnull: number; dflt_value: string | null }[];
  const unknown = Object.keys(values).filter((name) => !columns.some((c) => c.name === name));
  if (unknown.length) throw new Error(`${table} has no column ${unknown.join(', ')} at this migration`);
  const used = columns.filter((c) => c.name in values || (c.notnull === 1 && c.dflt_value === null));
  const row = used.map((c) => (c.name in values ? values[c.name]! : /int|bool|real/i.test(c.type) ? 0 : ''));
  await db.dataSource.query(`INSERT INTO ${table} (${used.map((c) => c.name).join(', ')}) VALUES (${used.map(() => '?').join(', ')})`, row);
}
