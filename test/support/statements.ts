/**
 * Counts the SQL statements a piece of work runs on the office's database (every statement,
 * TypeORM's and the prepared ones: the count sits on better-sqlite3's Statement), so that a test
 * can show a read runs a fixed number of them however many rows it reads (no N+1).
 */
import type { Backend } from '../../electron/backend';
import { rawDb } from '../../electron/data/raw-sql';
import { localDatabase } from '../../electron/db/database';

const METHODS = ['all', 'get', 'run', 'iterate'] as const;

export async function countStatements(backend: Backend, work: () => Promise<unknown>): Promise<number> {
  const session = backend.readySession();
  if (!session) throw new Error('countStatements needs a signed-in session.');
  const proto = Object.getPrototypeOf(rawDb(localDatabase(session.db).dataSource.manager).prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>;
  const originals = METHODS.map((name) => [name, proto[name]!] as const);
  let count = 0;
  for (const [name, original] of originals) {
    proto[name] = function (this: unknown, ...args: unknown[]) {
      count += 1;
      return original.apply(this, args);
    };
  }
  try {
    await work();
  } finally {
    for (const [name, original] of originals) proto[name] = original;
  }
  return count;
}

/** The SQL text of every statement a piece of work runs, in order (to show what a read touches). */
export async function statementsRun(backend: Backend, work: () => Promise<unknown>): Promise<string[]> {
  const session = backend.readySession();
  if (!session) throw new Error('statementsRun needs a signed-in session.');
  const proto = Object.getPrototypeOf(rawDb(localDatabase(session.db).dataSource.manager).prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>;
  const originals = METHODS.map((name) => [name, proto[name]!] as const);
  const seen: string[] = [];
  for (const [name, original] of originals) {
    proto[name] = function (this: { source: string }, ...args: unknown[]) {
      seen.push(this.source);
      return original.apply(this, args);
    };
  }
  try {
    await work();
  } finally {
    for (const [name, original] of originals) proto[name] = original;
  }
  return seen;
}
