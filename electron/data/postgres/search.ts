/**
 * Search on the office server: the same words as the embedded search (data/search-terms.ts) as a
 * tsquery — each word a phrase of its tokens, the last one a prefix ("Żółć Kac" →
 * 'zolc':* & 'kac':*; "OPS.AR.12" → 'ops' <-> 'ar' <-> '12':*) — over the index the database keeps
 * (schema/0005-search.ts). Run as the signed-in person: row-level security leaves only the cases
 * she may open.
 */
import type { ClientBase } from 'pg';
import type { SearchHit } from '../../../shared/search';
import { searchHit, searchTerms, type SearchHitRow } from '../search-terms';

export function tsQuery(input: string): string | null {
  const terms = searchTerms(input);
  if (!terms) return null;
  return terms.map((tokens) => tokens.map((token, i) => `'${token}'${i === tokens.length - 1 ? ':*' : ''}`).join(' <-> ')).join(' & ');
}


export async function searchCases(client: ClientBase, input: string, limit: number): Promise<SearchHit[]> {
  const query = tsQuery(input);
  if (!query) return [];
  const { rows } = await client.query<SearchHitRow>(
    `SELECT d.case_id AS "caseId", c.number, c.status, d.family_name AS "familyName", d.members, d.address
       FROM (SELECT s.doc_id, ts_rank(s.document, q) AS score
               FROM case_search s, to_tsquery('simple', $1) q
              WHERE s.document @@ q
              ORDER BY score DESC, s.doc_id LIMIT $2) r
       JOIN search_doc d ON d.id = r.doc_id
       JOIN case_file c ON c.id = d.case_id
      ORDER BY r.score DESC, d.family_name, c.number`,
    [query, limit],
  );
  return rows.map(searchHit);
}
