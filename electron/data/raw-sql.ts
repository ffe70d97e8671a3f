/**
 * Prepared statements on the database's own better-sqlite3 connection, for the few hot paths
 * (search while typing, the work tray) where TypeORM's per-query overhead shows. The connection
 * is the one TypeORM uses, so a statement run inside `db.write` is part of that transaction.
 * Parameters are always bound, never concatenated into SQL.
 */
import type { DataSource } from 'typeorm';

export interface RawStatement {
  /** Rows as arrays (cheaper for long lists). Sticks to the statement: use it only on SQL read this way. */
  raw(toggle?: boolean): RawStatement;
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
}

export interface RawDatabase {
  prepare(sql: string): RawStatement;
}

/** Anything that knows its DataSource: an EntityManager or a migration's QueryRunner. */
export interface HasConnection {
  connection: DataSource;
}

const cache = new WeakMap<RawDatabase, Map<string, RawStatement>>();

export function rawDb(source: HasConnection): RawDatabase {
  const driver = source.connection.driver as unknown as { databaseConnection?: RawDatabase };
  if (!driver.databaseConnection) throw new Error('The database connection is not open.');
  return driver.databaseConnection;
}

/** A statement prepared once per open connection (a lock closes it; the next unlock prepares anew). */
export function prepared(source: HasConnection, sql: string): RawStatement {
  const db = rawDb(source);
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
