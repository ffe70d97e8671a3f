/**
 * The case list's SQL (issue 17): one page of the cases a user may see, filtered, ordered and
 * paged by the database, and their total. The service (services/case-list.ts) says who sees what
 * and what a row shows; here is only how it is read, through the seam (data/sql.ts), from SQLite
 * or from the office server's PostgreSQL alike.
 *
 * The order is total (ties fall back to the report date, then the id), so a page never repeats
 * or skips a case that another page shows. By name it is case_file.family_key, the applicant's
 * folded name (person.name_key: "Żak" sorts with "Zak") kept by triggers in the writing
 * transaction (migration 0017) and read from its index, not looked up per case. PostgreSQL keeps
 * that key in byte order (COLLATE "C"), as SQLite compares text, so both engines list alike.
 */
import type { EntityManager } from 'typeorm';
import type { CaseListSort } from '../../../shared/cases';
import { CASE_STATUSES, type CaseStatus } from '../../../shared/domain/caseFlow';
import type { SearchMatch } from '../search-terms';
import { dialectOf, numberedPlaceholders, queryAll, queryOne, toNumber, type Dialect, type Sql } from '../sql';

/** Whose cases: every case, or those a social worker leads and / or an assistant works with now. */
export type CaseListScope = { all: true } | { all: false; workerId: string | null; assistantId: string | null };

export interface CaseListFilter {
  scope: CaseListScope;
  status: CaseStatus | null;
  /** The text typed, as each engine's query over its search index (data/search-terms.ts searchMatch); null: no text. */
  match: SearchMatch | null;
}

export interface CaseListRow {
  id: string;
  number: string;
  status: CaseStatus;
  familyName: string;
  city: string;
  reportedOn: string;
  /** 0/1 on SQLite, true/false on PostgreSQL: read it with `truthy`. */
  urgent: number | boolean;
  workerId: string;
  workerName: string | null;
  assistantId: string | null;
  assistantName: string | null;
}

/** The status order of the process (CASE_STATUSES), as a constant SQL expression. */
const STATUS_RANK = `CASE c.status ${CASE_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`;

/** Constant SQL per sort key and direction (never user text). */
function orderBy(sort: CaseListSort, direction: 'asc' | 'desc'): string {
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  const tail = `c.reported_on ${dir}, c.id ${dir}`;
  switch (sort) {
    case 'reportedOn':
      return tail;
    case 'familyName':
      return `c.family_key ${dir}, ${tail}`;
    case 'status':
      return `${STATUS_RANK} ${dir}, c.reported_on DESC, c.id DESC`;
  }
}

/** The text filter over each engine's search index (`?`: the engine's query). */
const TEXT_MATCH: Record<Dialect, string> = {
  sqlite: 'c.id IN (SELECT d.case_id FROM case_search JOIN search_doc d ON d.id = case_search.rowid WHERE case_search MATCH ?)',
  postgres: `c.id IN (SELECT d.case_id FROM case_search s JOIN search_doc d ON d.id = s.doc_id WHERE s.document @@ to_tsquery('simple', ?))`,
};

interface Where {
  /** The WHERE clause over `c` per engine, with `?`. */
  sql: Record<Dialect, string>;
  /** Bound in order; the same on both engines but the text query. */
  params: Record<Dialect, unknown[]>;
}

/** The filter as one WHERE clause over `c`; null when nothing can match. */
function where(filter: CaseListFilter): Where | null {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (!filter.scope.all) {
    const { workerId, assistantId } = filter.scope;
    const mine: string[] = [];
    if (workerId) {
      mine.push('c.worker_id = ?');
      params.push(workerId);
    }
    if (assistantId) {
      mine.push('c.id IN (SELECT a.case_id FROM assignment a WHERE a.assistant_id = ? AND a.ended_on IS NULL)');
      params.push(assistantId);
    }
    if (mine.length === 0) return null;
    parts.push(`(${mine.join(' OR ')})`);
  }
  if (filter.status) {
    parts.push('c.status = ?');
    params.push(filter.status);
  }
  const common = parts.length ? parts.join(' AND ') : '1 = 1';
  if (!filter.match) return { sql: { sqlite: common, postgres: common }, params: { sqlite: params, postgres: params } };
  // The search index folds like search does: "Zolc" finds "Żółć", a case number or a street.
  return {
    sql: { sqlite: `${common} AND ${TEXT_MATCH.sqlite}`, postgres: `${common} AND ${TEXT_MATCH.postgres}` },
    params: { sqlite: [...params, filter.match.fts], postgres: [...params, filter.match.tsquery] },
  };
}

/** Runs the text built per engine (PostgreSQL's `?` numbered), with that engine's parameters. */
function perEngine(build: (dialect: Dialect) => string): Sql {
  return { sqlite: build('sqlite'), postgres: numberedPlaceholders(build('postgres')) };
}

/** How many cases pass the filter. */
export async function countCases(m: EntityManager, filter: CaseListFilter): Promise<number> {
  const w = where(filter);
  if (!w) return 0;
  const sql = perEngine((d) => `SELECT count(*) AS total FROM case_file c WHERE ${w.sql[d]}`);
  return toNumber((await queryOne<{ total: unknown }>(m, sql, paramsFor(m, w)))?.total);
}

/** One page of the cases that pass the filter, in the order asked for, with their names joined. */
export async function caseListRows(m: EntityManager, filter: CaseListFilter, order_: { sort: CaseListSort; direction: 'asc' | 'desc' }, page: { limit: number; offset: number }): Promise<CaseListRow[]> {
  const w = where(filter);
  if (!w) return [];
  // The page's ids first (the order's keys only: OFFSET skips index entries), then their names joined, in the same order.
  // On SQLite, CROSS JOIN keeps the page as the outer loop (it would otherwise scan every case in index order to avoid
  // sorting 50 rows); PostgreSQL has no CROSS JOIN … ON, and its planner starts from the page of its own accord.
  const order = orderBy(order_.sort, order_.direction);
  const sql = perEngine(
    (d) => `WITH page AS (SELECT c.id AS id FROM case_file c WHERE ${w.sql[d]} ORDER BY ${order} LIMIT ? OFFSET ?)
     SELECT c.id AS id, c.number AS number, c.status AS status, COALESCE(d.family_name, '—') AS "familyName", f.city AS city,
            c.reported_on AS "reportedOn", c.urgent AS urgent, c.worker_id AS "workerId",
            w.first_name || ' ' || w.last_name AS "workerName", a.assistant_id AS "assistantId",
            u.first_name || ' ' || u.last_name AS "assistantName"
       FROM page
       ${d === 'sqlite' ? 'CROSS JOIN' : 'JOIN'} case_file c ON c.id = page.id
       JOIN family f ON f.id = c.family_id
       LEFT JOIN search_doc d ON d.case_id = c.id
       LEFT JOIN "user" w ON w.id = c.worker_id
       LEFT JOIN assignment a ON a.id = (SELECT x.id FROM assignment x WHERE x.case_id = c.id AND x.ended_on IS NULL LIMIT 1)
       LEFT JOIN "user" u ON u.id = a.assistant_id
      ORDER BY ${order}`,
  );
  return queryAll<CaseListRow>(m, sql, [...paramsFor(m, w), page.limit, page.offset]);
}

function paramsFor(m: EntityManager, w: Where): unknown[] {
  return w.params[dialectOf(m)];
}
