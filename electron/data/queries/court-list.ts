/**
 * The court requests' SQL (issue 17): one page of the requests a user may see, filtered, ordered
 * and paged by the database, and their total; and one request as the lists show it. The service
 * (services/court.ts) says who sees what; here is only how it is read, through the seam
 * (data/sql.ts): one text for SQLite and PostgreSQL alike.
 *
 * Every order ends with the id, so a page never repeats or skips a request another page shows.
 */
import type { EntityManager } from 'typeorm';
import type { CourtListSort, CourtRequestStatus, CourtRequestView } from '../../../shared/court';
import { queryAll, queryOne, toNumber } from '../sql';

/** Whose requests: one case's, every case's (the kierownik), or the cases a user leads or works with now. */
export type CourtListScope = { kind: 'case'; caseId: string } | { kind: 'all' } | { kind: 'user'; userId: string };

export interface CourtListFilter {
  scope: CourtListScope;
  status: CourtRequestStatus | null;
}

/** A court's request as lists and the case file show it. */
const VIEW_SELECT = `SELECT q.id, q.case_id AS "caseId", c.number AS "caseNumber", COALESCE(d.family_name, '—') AS "familyName", q.court, q.division,
              q.case_reference AS "caseReference", q.received_on AS "receivedOn", q.asks, q.deadline, q.status, q.answered_on AS "answeredOn",
              q.notes, o.status AS "opinionStatus", COALESCE(u.first_name || ' ' || u.last_name, '—') AS "createdByName"
         FROM court_request q JOIN case_file c ON c.id = q.case_id
         LEFT JOIN search_doc d ON d.case_id = c.id
         LEFT JOIN court_opinion o ON o.request_id = q.id
         LEFT JOIN "user" u ON u.id = q.created_by`;

/** Constant SQL per sort key and direction (never user text). */
function orderBy(sort: CourtListSort, direction: 'asc' | 'desc'): string {
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  switch (sort) {
    case 'deadline':
      // Open letters first whichever the direction: they are the work.
      return `q.status = 'answered', q.deadline ${dir}, q.received_on ${dir}, q.id ${dir}`;
    case 'receivedOn':
      return `q.received_on ${dir}, q.id ${dir}`;
  }
}

/** The filter as one WHERE clause over `q` and its case `c`. */
function where(filter: CourtListFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const { scope } = filter;
  if (scope.kind === 'case') {
    parts.push('q.case_id = ?');
    params.push(scope.caseId);
  } else if (scope.kind === 'user') {
    parts.push('(c.worker_id = ? OR c.id IN (SELECT x.case_id FROM assignment x WHERE x.assistant_id = ? AND x.ended_on IS NULL))');
    params.push(scope.userId, scope.userId);
  }
  if (filter.status) {
    parts.push('q.status = ?');
    params.push(filter.status);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1 = 1', params };
}

/** How many requests pass the filter. */
export async function countCourtRequests(m: EntityManager, filter: CourtListFilter): Promise<number> {
  const w = where(filter);
  return toNumber((await queryOne<{ total: unknown }>(m, `SELECT count(*) AS total FROM court_request q JOIN case_file c ON c.id = q.case_id WHERE ${w.sql}`, w.params))?.total);
}

/** One page of the requests that pass the filter, in the order asked for (one statement, no read per request). */
export async function courtRequestRows(m: EntityManager, filter: CourtListFilter, order: { sort: CourtListSort; direction: 'asc' | 'desc' }, page: { limit: number; offset: number }): Promise<CourtRequestView[]> {
  const w = where(filter);
  return queryAll<CourtRequestView>(m, `${VIEW_SELECT} WHERE ${w.sql} ORDER BY ${orderBy(order.sort, order.direction)} LIMIT ? OFFSET ?`, [...w.params, page.limit, page.offset]);
}

/** One request as the lists show it, or null. */
export async function courtRequestById(m: EntityManager, id: string): Promise<CourtRequestView | null> {
  return (await queryOne<CourtRequestView>(m, `${VIEW_SELECT} WHERE q.id = ?`, [id])) ?? null;
}
