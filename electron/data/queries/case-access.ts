/**
 * Whether a case exists, whoever may open it (issue 18): the embedded app tells a case the user
 * may not open ("Nie masz uprawnień", audited as access.denied) from one that does not exist; on
 * the office server row-level security hides the former, so the server answers through
 * asysta.case_exists and asysta.document_case (postgres/schema/0010-access-parity.ts), which say
 * nothing else of the case.
 */
import type { EntityManager } from 'typeorm';
import { dialectOf, queryOne, truthy } from '../sql';

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

/** A case's record that the app opens by its own id (services/family-work.ts, cases/interview.ts). */
export type CaseRecordKind = 'plan' | 'contract' | 'assessment' | 'interview';

const RECORD_CASE: Record<CaseRecordKind, string> = {
  plan: 'SELECT case_id AS "caseId" FROM plan WHERE id = ?',
  contract: 'SELECT case_id AS "caseId" FROM contract WHERE id = ?',
  assessment: 'SELECT case_id AS "caseId" FROM assessment WHERE id = ?',
  interview: 'SELECT case_id AS "caseId" FROM interview WHERE id = ?',
};

/** The case a plan, kontrakt, assessment or wywiad belongs to (null: no such record), whoever may see it. */
export async function recordCaseId(manager: EntityManager, kind: CaseRecordKind, recordId: string): Promise<string | null> {
  const row =
    dialectOf(manager) === 'postgres'
      ? await queryOne<{ caseId: string | null }>(manager, 'SELECT asysta.record_case(?, ?) AS "caseId"', [kind, recordId])
      : await queryOne<{ caseId: string | null }>(manager, RECORD_CASE[kind], [recordId]);
  return row?.caseId ?? null;
}
