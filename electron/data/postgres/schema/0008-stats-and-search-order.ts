import { ROLES } from '../../../../shared/domain/roles';
import { ident, type ServerRoles } from '../roles';
import type { ServerSchemaStep } from './step';

/**
 * The statistics' indexes of embedded migration 0018 (electron/db/migrations/0018-search-and-stats.ts;
 * its FTS5 prefix index has no counterpart here: a tsquery prefix is answered by the GIN index),
 * and the search's order of the embedded search (electron/data/queries/search.ts), so that both
 * engines return the same hits in the same order: cases found by their names, PESEL / document
 * numbers or case number (weights A and B) before those found only with their address (C), the
 * newest case (the highest search_doc id) first within each — no ts_rank over every match.
 */
export const statsAndSearchOrder: ServerSchemaStep = {
  version: 8,
  name: 'indeksy statystyk i kolejność wyszukiwania',
  sql: (r: ServerRoles) => `
CREATE INDEX assignment_period ON assignment (assigned_on, ended_on, case_id, assistant_id);
CREATE INDEX case_file_facts ON case_file (id, family_id, worker_id, interview_due, closure_reason, court_order_reference);
CREATE INDEX case_file_open ON case_file (reported_on, closed_on, reasons);
CREATE INDEX family_member_child ON family_member (family_id, relation, in_household, person_id);

CREATE OR REPLACE FUNCTION asysta.search_cases(query text, lim integer)
RETURNS TABLE ("caseId" text, number text, status text, "familyName" text, members text, address text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  WITH q AS (SELECT to_tsquery('simple', query) AS q),
  mine AS MATERIALIZED (SELECT asysta.my_cases() AS case_id)
  SELECT d.case_id, c.number, c.status, d.family_name, d.members, d.address
    FROM (SELECT s.doc_id, CASE WHEN ts_filter(s.document, '{a,b}') @@ q.q THEN 0 ELSE 1 END AS tier
            FROM case_search s CROSS JOIN q
            JOIN search_doc sd ON sd.id = s.doc_id
           WHERE s.document @@ q.q
             AND ((SELECT asysta.is_head()) OR sd.case_id IN (SELECT mine.case_id FROM mine))
           ORDER BY tier, s.doc_id DESC
           LIMIT least(lim, 200)) r
    JOIN search_doc d ON d.id = r.doc_id
    JOIN case_file c ON c.id = d.case_id
   ORDER BY r.tier, r.doc_id DESC
$$;
GRANT EXECUTE ON FUNCTION asysta.search_cases(text, integer) TO ${ROLES.map((role) => ident(r.groups[role])).join(', ')};
`,
};
