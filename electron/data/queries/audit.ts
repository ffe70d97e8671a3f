/**
 * The audit trail's hand-written SQL (issues 17 and 18), on both engines. The service
 * (services/audit.ts) decides what is recorded; here is how it is stored and looked up.
 *
 * On PostgreSQL the chain is the database's own: the insert trigger (postgres/schema/0003-audit.ts)
 * numbers, times, links and hashes each entry and keeps `audit.head`, whatever the client sent —
 * and row-level security hides other people's entries from a worker, so a client could not read
 * the chain's head anyway.
 */
import type { EntityManager } from 'typeorm';
import type { AuditRow } from '../../db/entities';
import { dialectOf, queryAll, queryOne } from '../sql';

/** An entry as the client knows it; the rest (id, at, prevHash, hash) the server computes. */
export type AuditFields = Pick<AuditRow, 'actorId' | 'action' | 'entityType' | 'entityId' | 'caseId' | 'details'>;

const ROW = `id, at, actor_id AS "actorId", action, entity_type AS "entityType", entity_id AS "entityId", case_id AS "caseId",
  details, prev_hash AS "prevHash", hash`;

/**
 * Appends an entry on the office server, through the chain trigger, and returns it as stored.
 * (The embedded database has no trigger: there services/audit.ts links and hashes the entry itself.)
 */
export async function insertServerEntry(manager: EntityManager, entry: AuditFields): Promise<AuditRow> {
  // id, at, prev_hash and hash are placeholders the trigger overwrites.
  const row = await queryOne<AuditRow>(
    manager,
    `INSERT INTO audit_log (id, at, actor_id, action, entity_type, entity_id, case_id, details, prev_hash, hash)
     VALUES (0, '', ?, ?, ?, ?, ?, ?, '', '') RETURNING ${ROW}`,
    [entry.actorId, entry.action, entry.entityType, entry.entityId, entry.caseId, entry.details],
  );
  if (!row) throw new Error('The audit entry was not stored.');
  return row;
}

/**
 * Whether this user recorded this action on this record within the last `windowMs`: measured on
 * the clock that timed the entries — this PC's on SQLite, the server's on PostgreSQL (whose
 * trigger times every entry; a PC's clock a few minutes off must not log every opening again).
 */
export async function recentlyRecorded(manager: EntityManager, now: Date, windowMs: number, actorId: string | null, action: string, entityId: string): Promise<boolean> {
  const server = dialectOf(manager) === 'postgres';
  const row = await queryOne<{ found: number }>(
    manager,
    {
      // The `at` index: an entry at most windowMs old is among the last few (by actor would scan her whole history).
      sqlite: 'SELECT 1 AS found FROM audit_log INDEXED BY audit_log_at WHERE at >= ? AND actor_id IS ? AND action = ? AND entity_id = ? LIMIT 1',
      postgres: `SELECT 1 AS found FROM audit_log
                  WHERE at >= to_char((clock_timestamp() - make_interval(secs => $1::double precision / 1000)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                    AND actor_id IS NOT DISTINCT FROM $2 AND action = $3 AND entity_id = $4 LIMIT 1`,
    },
    [server ? windowMs : new Date(now.getTime() - windowMs).toISOString(), actorId, action, entityId],
  );
  return row !== undefined;
}

/** What kind of record an id in an entry may name, and how the trail shows it. */
export type ReferenceKind = 'person' | 'member' | 'case' | 'document' | 'courtRequest';

const REFERENCE_SQL: Record<ReferenceKind, string> = {
  person: `SELECT id, first_name || ' ' || last_name AS label FROM person WHERE id IN`,
  member: `SELECT m.id AS id, p.first_name || ' ' || p.last_name AS label FROM family_member m JOIN person p ON p.id = m.person_id WHERE m.id IN`,
  case: `SELECT id, number AS label FROM case_file WHERE id IN`,
  document: `SELECT id, number AS label FROM document WHERE id IN`,
  courtRequest: `SELECT id, case_reference AS label FROM court_request WHERE id IN`,
};

export const REFERENCE_KINDS = Object.keys(REFERENCE_SQL) as ReferenceKind[];

/** The records of one kind among `ids` (at most 500), each with its label's text. */
export async function referenceLabels(manager: EntityManager, kind: ReferenceKind, ids: readonly string[]): Promise<{ id: string; label: string | null }[]> {
  if (ids.length === 0) return [];
  return queryAll<{ id: string; label: string | null }>(manager, `${REFERENCE_SQL[kind]} (${ids.map(() => '?').join(', ')})`, ids);
}
