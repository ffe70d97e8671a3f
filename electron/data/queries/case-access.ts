/**
 * Whether a case exists, whoever may open it (issue 18): the embedded app tells a case the user
 * may not open ("Nie masz uprawnień", audited as access.denied) from one that does not exist; on
 * the office server row-level security hides the former, so the server answers through
 * asysta.case_exists and asysta.document_case (postgres/schema/0010-access-parity.ts), which say
 * nothing else of the case.
 */
import type { EntityManager } from 'typeorm';
import { queryOne, truthy } from '../sql';

export async function caseExists(manager: EntityManager, caseId: string): Promise<boolean> {
  const row = await queryOne<{ found: unknown }>(
    manager,
    { sqlite: 'SELECT 1 AS found FROM case_file WHERE id = ?', postgres: 'SELECT asysta.case_exists($1) AS found' },
    [caseId],
  );
  return truthy(row?.found);
}

/** The case a stored document belongs to (null: an office document, or no such document), whoever may see it. */
export async function documentCaseId(manager: EntityManager, documentId: string): Promise<string | null> {
  const row = await queryOne<{ caseId: string | null }>(
    manager,
    { sqlite: 'SELECT case_id AS "caseId" FROM document WHERE id = ?', postgres: 'SELECT asysta.document_case($1) AS "caseId"' },
    [documentId],
  );
  return row?.caseId ?? null;
}

/** The case a court request belongs to (null: no such request), whoever may see it. */
export async function courtRequestCaseId(manager: EntityManager, requestId: string): Promise<string | null> {
  const row = await queryOne<{ caseId: string | null }>(
    manager,
    { sqlite: 'SELECT case_id AS "caseId" FROM court_request WHERE id = ?', postgres: 'SELECT asysta.court_request_case($1) AS "caseId"' },
    [requestId],
  );
  return row?.caseId ?? null;
}
