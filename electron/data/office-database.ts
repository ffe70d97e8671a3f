/**
 * The office's database as every service sees it, whichever engine holds it (issue 18): the
 * embedded SQLCipher file of "Ten komputer" (db/database.ts) or the office server's PostgreSQL,
 * connected as the signed-in person (data/postgres/server-database.ts).
 *
 * - `write` runs the work in one transaction: all of it is stored, or none (the record and its
 *   audit entry together).
 * - `read` runs the work against one consistent state of the data, however many queries it makes,
 *   and never sees half of a write.
 * Operations only the embedded file has (replacing the file, re-keying, the integrity check) are
 * on `Database` itself and reached only in local mode (`localDatabase` in db/database.ts).
 */
import type { EntityManager } from 'typeorm';
import type { Dialect } from './sql';

export interface OfficeDatabase {
  readonly dialect: Dialect;
  read<T>(work: (m: EntityManager) => Promise<T>): Promise<T>;
  write<T>(work: (m: EntityManager) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
