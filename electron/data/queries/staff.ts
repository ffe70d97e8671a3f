/**
 * Who leads which cases (issue 15, item 6; issue 17): the cases a user still leads, and the
 * families an assistant works with now (art. 15 ust. 4 u.w.r.). One text for both engines.
 */
import type { EntityManager } from 'typeorm';
import type { ActiveCaseRef } from '../../../shared/records';
import { queryAll, queryOne, toNumber } from '../sql';

/** The cases a user still leads: as their social worker, or as the assistant of an active assignment; by number. */
export async function activeCasesOf(m: EntityManager, userId: string): Promise<ActiveCaseRef[]> {
  return queryAll<ActiveCaseRef>(
    m,
    `SELECT x.id AS "caseId", x.number, COALESCE(d.family_name, '—') AS "familyName", x.role
       FROM (SELECT c.id, c.number, 'worker' AS role FROM case_file c WHERE c.worker_id = ? AND c.status NOT IN ('CLOSED', 'ARCHIVED')
             UNION ALL
             SELECT c.id, c.number, 'assistant' AS role FROM assignment a JOIN case_file c ON c.id = a.case_id WHERE a.assistant_id = ? AND a.ended_on IS NULL) x
       LEFT JOIN search_doc d ON d.case_id = x.id
      ORDER BY x.number, x.role DESC`,
    [userId, userId],
  );
}

/** Families an assistant works with now (art. 15 ust. 4 u.w.r.). */
export async function familiesOfAssistant(m: EntityManager, assistantId: string): Promise<number> {
  const row = await queryOne<{ n: unknown }>(m, 'SELECT COUNT(DISTINCT c.family_id) AS n FROM assignment a JOIN case_file c ON c.id = a.case_id WHERE a.assistant_id = ? AND a.ended_on IS NULL', [assistantId]);
  return toNumber(row?.n);
}
