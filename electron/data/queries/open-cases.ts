/**
 * A person's open cases (issue 15, item 8): what the intake and a second report need to know —
 * the case, its state, who leads it and its active assistants (string_agg: SQLite 3.44+ and
 * PostgreSQL).
 */
import type { EntityManager } from 'typeorm';
import { execute, queryAll } from '../sql';

export interface OpenCaseRow {
  caseId: string;
  number: string;
  status: string;
  reportedOn: string;
  workerId: string;
  workerName: string;
  /** The active assistants' ids, comma-separated, or null. */
  assistantIds: string | null;
}

/**
 * The open cases of the families the person belongs to now, newest report first — whoever asks:
 * the service masks what the user may not see. On the server, row-level security would hide
 * another worker's case, so asysta.open_cases_of (server schema step 9) answers with the same
 * columns.
 */
export async function openCaseRows(m: EntityManager, personId: string): Promise<OpenCaseRow[]> {
  return queryAll<OpenCaseRow>(
    m,
    {
      sqlite: `SELECT c.id AS "caseId", c.number AS number, c.status AS status, c.reported_on AS "reportedOn", c.worker_id AS "workerId",
                      u.first_name || ' ' || u.last_name AS "workerName",
                      (SELECT string_agg(a.assistant_id, ',') FROM assignment a WHERE a.case_id = c.id AND a.ended_on IS NULL) AS "assistantIds"
                 FROM family_member fm JOIN case_file c ON c.family_id = fm.family_id JOIN "user" u ON u.id = c.worker_id
                WHERE fm.person_id = ? AND fm.member_to IS NULL AND c.status NOT IN ('CLOSED', 'ARCHIVED')
                ORDER BY c.reported_on DESC, c.number DESC`,
      postgres: 'SELECT * FROM asysta.open_cases_of($1)',
    },
    [personId],
  );
}

/** The names of the workers leading the open cases of any of these persons, each once, in the persons' order. */
export async function openCaseWorkerNames(m: EntityManager, personIds: readonly string[]): Promise<string[]> {
  const names: string[] = [];
  for (const id of new Set(personIds)) for (const row of await openCaseRows(m, id)) if (!names.includes(row.workerName)) names.push(row.workerName);
  return names;
}

/**
 * A second report as a significant 'intake' entry of the case's chronology, authored by the user —
 * also into a case she may not open (the server writes it through asysta.add_case_report, which
 * row-level security would otherwise refuse; server schema step 9).
 */
export async function insertReportEvent(
  m: EntityManager,
  event: { id: string; caseId: string; occurredOn: string; title: string; body: string; authorId: string; createdAt: string },
): Promise<void> {
  await execute(
    m,
    {
      sqlite: `INSERT INTO case_event (id, case_id, occurred_on, kind, title, body, significant, author_id, ref_type, ref_id, created_at)
               VALUES (?, ?, ?, 'intake', ?, ?, 1, ?, NULL, NULL, ?)`,
      postgres: 'SELECT asysta.add_case_report($1, $2, $3, $4, $5, $6, $7)',
    },
    [event.id, event.caseId, event.occurredOn, event.title, event.body, event.authorId, event.createdAt],
  );
}
