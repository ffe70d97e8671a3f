/**
 * The migrated schema read back from SQLite, in one stable form for the schema guards of
 * test/integration/electron/db/ (snapshot, shipped columns, entities).
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '../../electron/db/database';
import { MIGRATIONS } from '../../electron/db/migrations';
import { tempDir } from './office';

export interface ColumnInfo {
  name: string;
  type: string;
  notNull: boolean;
  default: string | null;
  /** Position in the primary key (1-based), 0 when not part of it. */
  pk: number;
}

export interface IndexInfo {
  name: string;
  unique: boolean;
  /** 'c' CREATE INDEX, 'u' a UNIQUE constraint, 'pk' a PRIMARY KEY constraint. */
  origin: string;
  columns: string[];
  /** The WHERE of a partial index, whitespace collapsed; null when not partial. */
  where: string | null;
}

export interface ForeignKeyInfo {
  columns: string[];
  table: string;
  to: string[];
  onDelete: string;
  onUpdate: string;
}

export interface TableInfo {
  name: string;
  kind: 'table' | 'virtual';
  /** The CREATE statement, whitespace collapsed (CHECK constraints, virtual table options). */
  sql: string;
  columns: ColumnInfo[];
  indexes: IndexInfo[];
  foreignKeys: ForeignKeyInfo[];
}

export interface Schema {
  tables: TableInfo[];
  triggers: { name: string; table: string; sql: string }[];
  views: { name: string; sql: string }[];
}

type Query = (sql: string) => Promise<unknown[]>;

const collapse = (sql: string | null): string => (sql ?? '').replace(/\s+/g, ' ').replace(/ ,/g, ',').replace(/\( /g, '(').replace(/ \)/g, ')').trim();
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Reads the schema through any query function (a DataSource's or a QueryRunner's). */
export async function readSchema(query: Query): Promise<Schema> {
  const list = (await query('PRAGMA table_list')) as { schema: string; name: string; type: string }[];
  const master = (await query(`SELECT type, name, tbl_name, sql FROM sqlite_master`)) as { type: string; name: string; tbl_name: string; sql: string | null }[];
  const sqlOf = new Map(master.map((m) => [`${m.type}:${m.name}`, m.sql]));
  const tables: TableInfo[] = [];
  for (const t of list) {
    if (t.schema !== 'main' || (t.type !== 'table' && t.type !== 'virtual') || t.name.startsWith('sqlite_')) continue;
    const columns = ((await query(`PRAGMA table_xinfo(${quote(t.name)})`)) as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number; hidden: number }[])
      .filter((c) => c.hidden === 0)
      .map((c) => ({ name: c.name, type: c.type.toLowerCase(), notNull: c.notnull === 1, default: c.dflt_value, pk: c.pk }));
    const indexes: IndexInfo[] = [];
    if (t.type === 'table') {
      for (const ix of (await query(`PRAGMA index_list(${quote(t.name)})`)) as { name: string; unique: number; origin: string; partial: number }[]) {
        const cols = ((await query(`PRAGMA index_xinfo(${quote(ix.name)})`)) as { seqno: number; name: string | null; desc: number; key: number }[])
          .filter((c) => c.key === 1)
          .sort((a, b) => a.seqno - b.seqno)
          .map((c) => `${c.name ?? '<expr>'}${c.desc ? ' DESC' : ''}`);
        const sql = sqlOf.get(`index:${ix.name}`) ?? null;
        const where = ix.partial ? collapse(/\bWHERE\b([\s\S]*)$/i.exec(sql ?? '')?.[1] ?? '') : null;
        indexes.push({ name: ix.name, unique: ix.unique === 1, origin: ix.origin, columns: cols, where });
      }
    }
    const fkRows = t.type === 'table' ? ((await query(`PRAGMA foreign_key_list(${quote(t.name)})`)) as { id: number; seq: number; table: string; from: string; to: string | null; on_update: string; on_delete: string }[]) : [];
    const foreignKeys = new Map<number, ForeignKeyInfo>();
    for (const fk of fkRows.sort((a, b) => a.id - b.id || a.seq - b.seq)) {
      const entry = foreignKeys.get(fk.id) ?? { columns: [], table: fk.table, to: [], onDelete: fk.on_delete, onUpdate: fk.on_update };
      entry.columns.push(fk.from);
      entry.to.push(fk.to ?? '(pk)');
      foreignKeys.set(fk.id, entry);
    }
    tables.push({
      name: t.name,
      kind: t.type as 'table' | 'virtual',
      sql: collapse(sqlOf.get(`table:${t.name}`) ?? null),
      columns,
      indexes: indexes.sort(byName),
      foreignKeys: [...foreignKeys.values()].sort((a, b) => (a.columns.join() < b.columns.join() ? -1 : 1)),
    });
  }
  const triggers = master.filter((m) => m.type === 'trigger').map((m) => ({ name: m.name, table: m.tbl_name, sql: collapse(m.sql) }));
  const views = master.filter((m) => m.type === 'view').map((m) => ({ name: m.name, sql: collapse(m.sql) }));
  return { tables: tables.sort(byName), triggers: triggers.sort(byName), views: views.sort(byName) };
}

/** One line per fact, sorted, so that a changed schema shows as a readable diff. */
export function schemaText(schema: Schema): string {
  const lines: string[] = [];
  for (const t of schema.tables) {
    lines.push(`${t.kind === 'virtual' ? 'virtual table' : 'table'} ${t.name}`);
    lines.push(`  sql: ${t.sql}`);
    for (const c of t.columns) {
      const facts = [c.type || '(no type)', c.notNull ? 'not null' : 'null', ...(c.default !== null ? [`default ${c.default}`] : []), ...(c.pk ? [`pk ${c.pk}`] : [])];
      lines.push(`  column ${c.name}: ${facts.join(', ')}`);
    }
    for (const i of t.indexes) {
      lines.push(`  index ${i.name}: ${i.unique ? 'unique ' : ''}(${i.columns.join(', ')})${i.origin !== 'c' ? ` [${i.origin}]` : ''}${i.where ? ` where ${i.where}` : ''}`);
    }
    for (const f of t.foreignKeys) {
      lines.push(`  foreign key (${f.columns.join(', ')}) -> ${f.table}(${f.to.join(', ')}) on delete ${f.onDelete} on update ${f.onUpdate}`);
    }
  }
  for (const tr of schema.triggers) lines.push(`trigger ${tr.name} on ${tr.table}`, `  sql: ${tr.sql}`);
  for (const v of schema.views) lines.push(`view ${v.name}`, `  sql: ${v.sql}`);
  return `${lines.join('\n')}\n`;
}

/** The schema of a fresh encrypted database after the given migrations (all by default). */
export async function migratedSchema(migrations: typeof MIGRATIONS = MIGRATIONS): Promise<Schema> {
  const dir = tempDir('asysta-schema-');
  const db = await Database.open({ file: join(dir, 'schema.db'), masterKey: randomBytes(32), migrations });
  try {
    return await readSchema((sql) => db.dataSource.query(sql) as Promise<unknown[]>);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
