/**
 * Search on the office server: the same words as the embedded search (data/search-terms.ts) as a
 * tsquery — each word a phrase of its tokens, the last one a prefix ("Żółć Kac" →
 * 'zolc':* & 'kac':*; "OPS.AR.12" → 'ops' <-> 'ar' <-> '12':*) — over the index the database keeps
 * (schema/0005-search.ts), by asysta.search_cases as the signed-in person: only the cases she may
 * open come back.
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
  const { rows } = await client.query<SearchHitRow>('SELECT * FROM asysta.search_cases($1, $2)', [query, limit]);
  return rows.map(searchHit);
}
