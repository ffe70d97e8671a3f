/**
 * The one seam every hand-written query goes through (issues 17 and 18): the same async
 * functions run on the embedded SQLite file and on the office server's PostgreSQL, inside the
 * transaction of the EntityManager they are given.
 *
 * - A query is written once when both engines take the same text (`?` placeholders; they become
 *   `$1, $2, …` on PostgreSQL), or as `{ sqlite, postgres }` when they differ (json_each against
 *   jsonb_array_elements, FTS5 against tsvector, rowid against an explicit key…). The PostgreSQL
 *   text of a pair uses `$n` placeholders itself and is never rewritten.
 * - On SQLite the statement is prepared once per connection on the driver's own handle
 *   (raw-sql.ts): the hot paths (search while typing, the tray) keep their speed.
 * - What the engines give back differs, and the SQL must even it out, not the caller:
 *   PostgreSQL returns `count(*)`, `sum()` and every bigint as a string (cast: `count(*)::int`),
 *   booleans as true/false where SQLite gives 0/1 (select `CASE WHEN … THEN 1 ELSE 0 END`, or
 *   compare in TypeScript with `truthy`), and folds unquoted aliases to lower case (quote
 *   camelCase aliases: `AS "familyName"`, which SQLite accepts as well).
 * Parameters are always bound, never concatenated into SQL.
 */
import type { EntityManager } from 'typeorm';
import { prepared, type HasConnection } from './raw-sql';

export type Dialect = 'sqlite' | 'postgres';

/** SQL text: one for both engines (with `?`), or one per engine. */
export type Sql = string | { readonly sqlite: string; readonly postgres: string };

export function dialectOf(source: HasConnection): Dialect {
  const type = source.connection.options.type;
  if (type === 'postgres') return 'postgres';
  if (type === 'better-sqlite3') return 'sqlite';
  throw new Error(`Unsupported database type: ${type}`);
}

/** `?` → `$1, $2, …`, leaving quoted strings, quoted identifiers and comments as they are. */
export function numberedPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"') {
      const end = sql.indexOf(ch, i + 1);
      const stop = end === -1 ? sql.length : end + 1;
      out += sql.slice(i, stop);
      i = stop;
    } else if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop;
    } else if (ch === '?') {
      n += 1;
      out += `$${n}`;
      i += 1;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

const converted = new Map<string, string>();

/** The text to run on this engine. */
export function sqlFor(dialect: Dialect, sql: Sql): string {
  if (typeof sql !== 'string') return sql[dialect];
  if (dialect === 'sqlite') return sql;
  let text = converted.get(sql);
  if (text === undefined) {
    text = numberedPlaceholders(sql);
    converted.set(sql, text);
  }
  return text;
}

/** Every row, as objects keyed by the column names. */
export async function queryAll<T>(manager: EntityManager, sql: Sql, params: readonly unknown[] = []): Promise<T[]> {
  const dialect = dialectOf(manager);
  const text = sqlFor(dialect, sql);
  if (dialect === 'sqlite') return prepared(manager, text).all(...params) as T[];
  return (await manager.query(text, [...params])) as T[];
}

/** The first row, or undefined. */
export async function queryOne<T>(manager: EntityManager, sql: Sql, params: readonly unknown[] = []): Promise<T | undefined> {
  const dialect = dialectOf(manager);
  const text = sqlFor(dialect, sql);
  if (dialect === 'sqlite') return prepared(manager, text).get(...params) as T | undefined;
  const rows = (await manager.query(text, [...params])) as T[];
  return rows[0];
}

/**
 * Every row as an array of its columns in the SELECT's order (cheaper for long lists on
 * SQLite). Use a statement text read only this way: on SQLite the array mode sticks to it.
 */
export async function queryArrays(manager: EntityManager, sql: Sql, params: readonly unknown[] = []): Promise<unknown[][]> {
  const dialect = dialectOf(manager);
  const text = sqlFor(dialect, sql);
  if (dialect === 'sqlite') return prepared(manager, text).raw(true).all(...params) as unknown[][];
  const rows = (await manager.query(text, [...params])) as Record<string, unknown>[];
  return rows.map((row) => Object.values(row));
}

/** A write; returns how many rows it changed. */
export async function execute(manager: EntityManager, sql: Sql, params: readonly unknown[] = []): Promise<number> {
  const dialect = dialectOf(manager);
  const text = sqlFor(dialect, sql);
  if (dialect === 'sqlite') return prepared(manager, text).run(...params).changes;
  // A structured result carries the row count for INSERT as well as UPDATE and DELETE.
  const own = manager.queryRunner ? null : manager.connection.createQueryRunner();
  const runner = manager.queryRunner ?? own!;
  try {
    const result = (await runner.query(text, [...params], true)) as { affected?: number | null };
    return result.affected ?? 0;
  } finally {
    await own?.release();
  }
}

/** A flag read from either engine (SQLite 0/1, PostgreSQL true/false). */
export function truthy(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}

/** A count or sum from either engine (PostgreSQL gives bigints as strings). */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value !== '') return Number(value);
  return 0;
}
