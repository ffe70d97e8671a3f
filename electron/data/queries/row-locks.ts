/**
 * A record held for the rest of a write (issue 18, item 5: two people editing the same record get
 * the CONFLICT, never a silent overwrite). A save checks the version the user started from
 * against the stored one and then writes; between the two, no other PC may write the row:
 *
 * - on SQLite one write runs at a time (db/database.ts), so reading the row is enough;
 * - on PostgreSQL many PCs write at once (READ COMMITTED): `FOR UPDATE` takes the row's lock, waits
 *   for a write of another PC that holds it, and then reads its committed state — so the version
 *   (or state) check that follows sees the other PC's save and answers CONFLICT instead of writing
 *   over it.
 *
 * Call it first in the write, before the record is read. A row the user may not see is not held
 * (row-level security); the read that follows refuses as it always does.
 */
import type { EntityManager } from 'typeorm';
import { queryOne } from '../sql';

/**
 * The records held: those edited by forms with a version (Tracked.version; a court's request holds
 * its opinion), the case whose state a step changes (CaseCore.transition) or whose analysis is
 * saved, and the family a change is recorded for (its addresses, members and placements:
 * FamilyChangesService.change).
 */
export type EditedTable = 'interview' | 'contract' | 'plan' | 'court_request' | 'case_file' | 'family';

/** Holds the record `id` of `table` until the write's transaction ends (see above). */
export async function holdForWrite(manager: EntityManager, table: EditedTable, id: string): Promise<void> {
  // The table is one of the constant names above, never user text.
  await queryOne(manager, { sqlite: `SELECT 1 FROM ${table} WHERE id = ?`, postgres: `SELECT 1 FROM ${table} WHERE id = $1 FOR UPDATE` }, [id]);
}
