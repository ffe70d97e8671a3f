/**
 * Office numbers (issue 18, item 5): the next case number or document-register number of a year,
 * gapless and unique under concurrent writers. Call inside the transaction that writes the
 * numbered row: a number taken by a transaction that rolls back is given again.
 *
 * - SQLite: one upsert of the year's `counter` row (writes are serialised by the database's lock).
 * - PostgreSQL: `asysta.next_number` (postgres/schema/0004-numbering.ts), the only way to the
 *   counters there; its upsert holds the year's row locked until the transaction ends, so a second
 *   PC waits and takes the next number once the first has committed.
 */
import type { EntityManager } from 'typeorm';
import { queryOne } from '../sql';

export type NumberKind = 'case_number' | 'document_number';

export async function nextNumber(manager: EntityManager, kind: NumberKind, year: string): Promise<number> {
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
  return row.value;
}
