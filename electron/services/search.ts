/**
 * Search over the office's cases (issue 8), answered from the FTS5 index inside the encrypted
 * database (search-index.ts), ranked by bm25, limited to the cases the user may open:
 * the kierownik every case, a social worker the cases she leads, an assistant the families
 * assigned to her now (the same rules as caseAccess and CasesService.list).
 *
 * What the user typed is folded like the index and split into words (data/search-terms.ts, shared
 * with the server's search), and each word becomes one quoted FTS5 phrase with a prefix star: no
 * FTS5 syntax of the user's reaches the engine, and the query string is a bound parameter.
 */
import type { EntityManager } from 'typeorm';
import type { SearchHit } from '../../shared/search';
import { searchHit, searchTerms, type SearchHitRow } from '../data/search-terms';
import type { Actor } from './cases';
import { prepared } from './raw-sql';

/** Column weights for bm25, in the index's order: names, PESEL / document, address, case number. */
const RANK = 'bm25(case_search, 10.0, 10.0, 2.0, 8.0)';

/**
 * The FTS5 query for what the user typed, or null when it has too little to search for.
 * "Żółć Kac" → `"zolc"* "kac"*`; "OPS.AR.12.2026" → `"ops ar 12 2026"*` (a phrase: the parts in a row).
 */
export function ftsQuery(input: string): string | null {
  return searchTerms(input)?.map((tokens) => `"${tokens.join(' ')}"*`).join(' ') ?? null;
}


/**
 * The documents the user may see, as a constant SQL set over search_doc ids (the user's id is
 * bound): '' for the kierownik (all), null when nothing is visible.
 */
function visibility(actor: Actor): { where: string; params: string[] } | null {
  const { id, roles } = actor.user;
  if (roles.includes('head')) return { where: '', params: [] };
  const sets: string[] = [];
  const params: string[] = [];
  if (roles.includes('social_worker')) {
    sets.push('SELECT d.id FROM case_file c JOIN search_doc d ON d.case_id = c.id WHERE c.worker_id = ?');
    params.push(id);
  }
  if (roles.includes('family_assistant')) {
    sets.push('SELECT d.id FROM assignment a JOIN search_doc d ON d.case_id = a.case_id WHERE a.assistant_id = ? AND a.ended_on IS NULL');
    params.push(id);
  }
  // The unary + keeps SQLite from running the MATCH once per visible document: match first, then filter.
  return sets.length ? { where: `AND +case_search.rowid IN (${sets.join(' UNION ')})`, params } : null;
}

export class SearchService {
  search(m: EntityManager, query: string, limit: number, actor: Actor): SearchHit[] {
    const match = ftsQuery(query);
    const scope = visibility(actor);
    if (!match || !scope) return [];
    // Rank on the index alone (only the visible documents), then read the few best in full.
    const rows = prepared(
      m,
      `SELECT d.case_id AS caseId, c.number AS number, c.status AS status, d.family_name AS familyName, d.members AS members, d.address AS address
         FROM (SELECT case_search.rowid AS id, ${RANK} AS score FROM case_search
                WHERE case_search MATCH ? ${scope.where}
                ORDER BY score, case_search.rowid LIMIT ?) r
         JOIN search_doc d ON d.id = r.id
         JOIN case_file c ON c.id = d.case_id
        ORDER BY r.score, d.family_name, c.number`,
    ).all(match, ...scope.params, limit) as SearchHitRow[];
    return rows.map(searchHit);
  }

  /** Raw FTS5 matching alone (benchmark reference): rowids of the best `limit` documents. */
  rawMatch(m: EntityManager, query: string, limit: number): number[] {
    const match = ftsQuery(query);
    if (!match) return [];
    const rows = prepared(m, `SELECT rowid AS id FROM case_search WHERE case_search MATCH ? ORDER BY ${RANK} LIMIT ?`).all(match, limit) as { id: number }[];
    return rows.map((r) => r.id);
  }
}
