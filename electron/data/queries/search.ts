/**
 * The search's SQL (issue 8; issues 17 and 18: the same hits on both engines, ≤ 2 ms at 100 000
 * persons). The service (services/search.ts) says who sees what; here is how the index is read.
 *
 * The order is the same on both engines and needs no ranking of every match:
 * 1. cases found by their names, PESEL / document numbers or case number come before cases found
 *    only with the help of their address (tier 0, then tier 1);
 * 2. within a tier, the newest case first (the index's document id grows with each new case).
 * A short prefix ("Ko") matches thousands of families; ranking them all (bm25 reads every match
 * and, for its IDF, every document of each word) cost 2–10 ms at 100 000 persons. Newest first
 * is the index's own order, so each tier stops after `limit` visible hits, however many match.
 *
 * SQLite: FTS5 read in descending rowid order with a LIMIT, tier 0 by a column filter
 * (`{names ids number} : (…)`), the user's cases checked per hit with EXISTS (no set of her
 * cases built for each keystroke); prefixes of up to 4 characters come from FTS5's prefix
 * indexes (migration 0018: a case number's year is one). PostgreSQL: asysta.search_cases (server schema
 * step 0005, this order since data/postgres/schema/*-search-order.ts): the GIN index, tier 0 by
 * the weights A and B (ts_filter), the caller's cases by the rules of her own login role.
 */
import type { EntityManager } from 'typeorm';
import type { SearchHitRow, SearchMatch } from '../search-terms';
import { dialectOf, queryAll } from '../sql';

/** Whose cases: every case, or those a social worker leads and / or an assistant works with now. */
export type SearchScope = { all: true } | { all: false; workerId: string | null; assistantId: string | null };

/** The columns of tier 0: everything but the address. */
const TIER0_COLUMNS = '{names ids number}';

/** The scope as a condition on one FTS5 hit (`case_search.rowid` is search_doc.id), with its parameters. */
function sqliteScope(scope: SearchScope): { sql: string; params: string[] } | null {
  if (scope.all) return { sql: '', params: [] };
  const parts: string[] = [];
  const params: string[] = [];
  if (scope.workerId) {
    // The case's worker from a covering index (migration 0018), not from the case's whole row.
    parts.push('EXISTS (SELECT 1 FROM search_doc d JOIN case_file c INDEXED BY case_file_facts ON c.id = d.case_id WHERE d.id = case_search.rowid AND c.worker_id = ?)');
    params.push(scope.workerId);
  }
  if (scope.assistantId) {
    parts.push('EXISTS (SELECT 1 FROM search_doc d JOIN assignment a ON a.case_id = d.case_id WHERE d.id = case_search.rowid AND a.assistant_id = ? AND a.ended_on IS NULL)');
    params.push(scope.assistantId);
  }
  return parts.length ? { sql: `AND (${parts.join(' OR ')})`, params } : null;
}

/**
 * The best `limit` hits, in the search's order. On the office server the database decides what
 * the signed-in person may see (her login role), so `scope` matters on SQLite only.
 */
export async function searchCases(m: EntityManager, match: SearchMatch, limit: number, scope: SearchScope): Promise<SearchHitRow[]> {
  if (dialectOf(m) === 'postgres') {
    return queryAll<SearchHitRow>(m, 'SELECT * FROM asysta.search_cases(?, ?)', [match.tsquery, limit]);
  }
  const where = sqliteScope(scope);
  if (!where) return [];
  // Each tier's newest `limit` hits (tier 1: every hit, tier 0's among them), then the best of both.
  const tier = (n: number) =>
    `SELECT * FROM (SELECT case_search.rowid AS id, ${n} AS tier FROM case_search WHERE case_search MATCH ? ${where.sql} ORDER BY case_search.rowid DESC LIMIT ?)`;
  return queryAll<SearchHitRow>(
    m,
    `SELECT d.case_id AS "caseId", c.number AS number, c.status AS status, d.family_name AS "familyName", d.members AS members, d.address AS address
       FROM (SELECT id, MIN(tier) AS tier FROM (${tier(0)} UNION ALL ${tier(1)}) GROUP BY id ORDER BY tier, id DESC LIMIT ?) r
       JOIN search_doc d ON d.id = r.id
       JOIN case_file c ON c.id = d.case_id
      ORDER BY r.tier, r.id DESC`,
    [`${TIER0_COLUMNS} : (${match.fts})`, ...where.params, limit, match.fts, ...where.params, limit, limit],
  );
}
