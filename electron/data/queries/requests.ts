/**
 * Requests for an assistant as lists show them (issue 17): their cases' numbers and family labels
 * in one statement, however many requests a list holds.
 */
import type { EntityManager } from 'typeorm';
import { queryAll } from '../sql';

export interface CaseHead {
  id: string;
  number: string;
  familyName: string;
}

/** The number and family label of each of these cases (unknown ids are left out). */
export async function caseHeads(m: EntityManager, caseIds: readonly string[]): Promise<Map<string, CaseHead>> {
  if (caseIds.length === 0) return new Map();
  const rows = await queryAll<CaseHead>(
    m,
    {
      sqlite: `SELECT c.id AS id, c.number AS number, COALESCE(d.family_name, '—') AS "familyName" FROM case_file c LEFT JOIN search_doc d ON d.case_id = c.id WHERE c.id IN (SELECT value FROM json_each(?))`,
      postgres: `SELECT c.id AS id, c.number AS number, COALESCE(d.family_name, '—') AS "familyName" FROM case_file c LEFT JOIN search_doc d ON d.case_id = c.id WHERE c.id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    },
    [JSON.stringify([...new Set(caseIds)])],
  );
  return new Map(rows.map((c) => [c.id, c]));
}
