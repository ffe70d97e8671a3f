/**
 * Office numbers (issue 18, item 5): the next case number or document-register number of a year,
 * gapless and unique under concurrent writers. Call inside the transaction that writes the
 * numbered row: a number taken by a transaction that rolls back is given again.
 *
 * - SQLite: one upsert of the year's `counter` row (writes are serialised by the database's lock).
 * - PostgreSQL: `asysta.next_number` (postgres/schema/0004-numbering.ts), the only way to the
 *   counters there; its upsert holds the year's row locked until the transaction ends, so a second
 *   PC waits and takes the next number once the first has committed.
 *
 * The document register holds its year's number on PostgreSQL until the PDF is stored, like a
 * paper register passed from desk to desk (docs/decisions/0005-register-numbers-across-pcs.md):
 * a PC waits for it longer than for an edited row (`waitMs`), and the holder's transaction stays
 * open while the PDF worker renders (`holdWhileRendering`).
 */
import type { EntityManager } from 'typeorm';
import { dialectOf, queryOne } from '../sql';

export type NumberKind = 'case_number' | 'document_number';

export async function nextNumber(manager: EntityManager, kind: NumberKind, year: string, options: { waitMs?: number } = {}): Promise<number> {
  const restore = options.waitMs !== undefined && dialectOf(manager) === 'postgres' ? await waitLonger(manager, options.waitMs) : null;
  const row = await queryOne<{ value: number }>(
    manager,
    {
      sqlite: `INSERT INTO counter (name, value) VALUES (? || '.' || ?, 1)
               ON CONFLICT (name) DO UPDATE SET value = counter.value + 1 RETURNING value`,
      postgres: 'SELECT asysta.next_number($1, $2) AS value',
    },
    [kind, year],
  );
  if (!row) throw new Error(`No ${kind} was given for ${year}.`);
  if (restore) await setLocal(manager, 'lock_timeout', restore);
  return row.value;
}

/**
 * PostgreSQL only: lets this transaction stay idle (the client rendering a PDF) up to `ms` before
 * the server ends it (the connection's idle_in_transaction_session_timeout is shorter than the
 * render deadline). Transaction-local; a no-op on SQLite.
 */
export async function holdWhileRendering(manager: EntityManager, ms: number): Promise<void> {
  if (dialectOf(manager) !== 'postgres') return;
  await setLocal(manager, 'idle_in_transaction_session_timeout', `${Math.ceil(ms)}ms`);
}

/** Raises this transaction's lock_timeout to `ms`; returns the value it had. */
async function waitLonger(manager: EntityManager, ms: number): Promise<string> {
  const row = await queryOne<{ value: string }>(manager, "SELECT current_setting('lock_timeout') AS value");
  await setLocal(manager, 'lock_timeout', `${Math.ceil(ms)}ms`);
  return row?.value ?? '0';
}

type LocalSetting = 'lock_timeout' | 'idle_in_transaction_session_timeout';

/** A setting for the rest of the transaction (PostgreSQL's SET LOCAL, with the value bound). */
async function setLocal(manager: EntityManager, name: LocalSetting, value: string): Promise<void> {
  await queryOne(manager, 'SELECT set_config(?, ?, true)', [name, value]);
}
