/**
 * The case list's SQL (issue 17): one page of the cases a user may see, filtered, ordered and
 * paged by SQLite, and their total. The service (services/case-list.ts) says who sees what and
 * what a row shows; here is only how it is read, behind async functions, so that the same service
 * can later read it from PostgreSQL.
 *
 * The order is total (ties fall back to the report date, then the id), so a page never repeats
 * or skips a case that another page shows.
 */
import type { EntityManager } from 'typeorm';
import type { CaseListSort } from '../../../shared/cases';
import { CASE_STATUSES, type CaseStatus } from '../../../shared/domain/caseFlow';
import { prepared } from '../raw-sql';

/** Whose cases: every case, or those a social worker leads and / or an assistant works with now. */
export type CaseListScope = { all: true } | { all: false; workerId: string | null; assistantId: string | null };

export interface CaseListFilter {
  scope: CaseListScope;
  status: CaseStatus | null;
  /** An FTS5 query over the search index (search.ts ftsQuery), or null. */
  match: string | null;
}

export interface CaseListRow {
  id: string;
  number: string;
  status: CaseStatus;
  familyName: string;
  city: string;
  reportedOn: string;
  urgent: number;
  workerId: string;
  workerName: string | null;
  assistantId: string | null;
  assistantName: string | null;
}

/** The status order of the process (CASE_STATUSES), as a constant SQL expression. */
const STATUS_RANK = `CASE c.status ${CASE_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`;

/** The applicant's folded name (person.name_key): "Żak" sorts with "Zak", not after "z". */
const FAMILY_KEY = `(SELECT p.name_key FROM family_member fm JOIN person p ON p.id = fm.person_id
                       WHERE fm.family_id = c.family_id ORDER BY fm.relation = 'applicant' DESC, fm.position LIMIT 1)`;

/** Constant SQL per sort key and direction (never user text). */
function orderBy(sort: CaseListSort, direction: 'asc' | 'desc'): string {
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  const tail = `c.reported_on ${dir}, c.id ${dir}`;
  switch (sort) {
    case 'reportedOn':
      return tail;
    case 'familyName':
      return `${FAMILY_KEY} ${dir}, ${tail}`;
    case 'status':
      return `${STATUS_RANK} ${dir}, c.reported_on DESC, c.id DESC`;
  }
}

/** The filter as one WHERE clause over `c`; null when nothing can match. */
function where(filter: CaseListFilter): { sql: string; params: unknown[] } | null {
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
  if (filter.match) {
    // The search index folds like search does: "Zolc" finds "Żółć", a case number or a street.
    parts.push('c.id IN (SELECT d.case_id FROM case_search JOIN search_doc d ON d.id = case_search.rowid WHERE case_search MATCH ?)');
    params.push(filter.match);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1 = 1', params };
}

/** How many cases pass the filter. */
export async function countCases(m: EntityManager, filter: CaseListFilter): Promise<number> {
  const w = where(filter);
  if (!w) return 0;
  return (prepared(m, `SELECT count(*) AS total FROM case_file c WHERE ${w.sql}`).get(...w.params) as { total: number }).total;
}

/** One page of the cases that pass the filter, in the order asked for, with their names joined. */
export async function caseListRows(m: EntityManager, filter: CaseListFilter, order_: { sort: CaseListSort; direction: 'asc' | 'desc' }, page: { limit: number; offset: number }): Promise<CaseListRow[]> {
  const w = where(filter);
  if (!w) return [];
  // The page's ids first (the order's keys only: OFFSET skips index entries), then their names joined, in the same order.
  // CROSS JOIN keeps the page as the outer loop (SQLite would otherwise scan every case in index order to avoid sorting 50 rows).
  const order = orderBy(order_.sort, order_.direction);
  return prepared(
    m,
    `WITH page AS (SELECT c.id AS id FROM case_file c WHERE ${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?)
     SELECT c.id AS id, c.number AS number, c.status AS status, COALESCE(d.family_name, '—') AS familyName, f.city AS city,
            c.reported_on AS reportedOn, c.urgent AS urgent, c.worker_id AS workerId,
            w.first_name || ' ' || w.last_name AS workerName, a.assistant_id AS assistantId,
            u.first_name || ' ' || u.last_name AS assistantName
       FROM page
       CROSS JOIN case_file c ON c.id = page.id
       JOIN family f ON f.id = c.family_id
       LEFT JOIN search_doc d ON d.case_id = c.id
       LEFT JOIN "user" w ON w.id = c.worker_id
       LEFT JOIN assignment a ON a.id = (SELECT x.id FROM assignment x WHERE x.case_id = c.id AND x.ended_on IS NULL LIMIT 1)
       LEFT JOIN "user" u ON u.id = a.assistant_id
      ORDER BY ${order}`,
  ).all(...w.params, page.limit, page.offset) as CaseListRow[];
}
