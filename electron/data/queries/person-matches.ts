/**
 * Persons at intake, office-wide (issue 14 and 18): the duplicate check and the check before a
 * person is linked see every person of the office, on the office server too, where row-level
 * security hides another worker's families. The server answers through SECURITY DEFINER
 * functions (postgres/schema/0002-access.ts person_matches, 0013-person-and-record-parity.ts),
 * which say no more than the embedded app shows: which persons match, the workers leading their
 * cases, and the ids only of the cases the user may open fully.
 */
import type { EntityManager } from 'typeorm';
import { queryAll, queryOne, truthy } from '../sql';

export type MatchedBy = 'pesel' | 'name_and_birth_date';

export interface PersonMatchQuery {
  /** A valid PESEL, or null. */
  pesel: string | null;
  /** The name key (shared/domain/text personKey) with the birth date, or both null. */
  nameKey: string | null;
  birthDate: string | null;
}

/** The matching persons: by PESEL first, then by name and birth date (a person once). */
export async function personMatches(manager: EntityManager, query: PersonMatchQuery): Promise<{ personId: string; matchedBy: MatchedBy }[]> {
  return queryAll<{ personId: string; matchedBy: MatchedBy }>(
    manager,
    {
      sqlite: `WITH q(pesel, name_key, birth_date) AS (SELECT ?, ?, ?)
        SELECT m.id AS "personId", m.matched AS "matchedBy"
          FROM (SELECT p.id, 'pesel' AS matched FROM person p, q WHERE q.pesel IS NOT NULL AND p.pesel = q.pesel
                UNION
                SELECT p.id, 'name_and_birth_date' FROM person p, q
                 WHERE p.name_key = q.name_key AND p.birth_date = q.birth_date
                   AND (q.pesel IS NULL OR p.pesel IS NOT q.pesel)) m
         ORDER BY CASE m.matched WHEN 'pesel' THEN 0 ELSE 1 END, m.id`,
      postgres: `SELECT m.person_id AS "personId", m.matched_by AS "matchedBy" FROM asysta.person_matches($1, $2, $3) m
         ORDER BY CASE m.matched_by WHEN 'pesel' THEN 0 ELSE 1 END, m.person_id`,
    },
    [query.pesel, query.nameKey, query.birthDate],
  );
}

/** Whether a person exists, whoever may see her. */
export async function personExists(manager: EntityManager, personId: string): Promise<boolean> {
  const row = await queryOne<{ found: unknown }>(
    manager,
    { sqlite: 'SELECT 1 AS found FROM person WHERE id = ?', postgres: 'SELECT asysta.person_exists($1) AS found' },
    [personId],
  );
  return truthy(row?.found);
}

/**
 * The cases a person is a member of, whoever leads them. On the server the case's id comes only
 * for a case the user may open fully (null otherwise); the caller shows no other (personReach).
 */
export async function personCases(manager: EntityManager, personId: string): Promise<{ caseId: string | null; workerId: string }[]> {
  return queryAll<{ caseId: string | null; workerId: string }>(
    manager,
    {
      sqlite: `SELECT c.id AS "caseId", c.worker_id AS "workerId" FROM family_member fm JOIN case_file c ON c.family_id = fm.family_id
                WHERE fm.person_id = ? ORDER BY c.id`,
      postgres: 'SELECT r.case_id AS "caseId", r.worker_id AS "workerId" FROM asysta.person_reach($1) r',
    },
    [personId],
  );
}
