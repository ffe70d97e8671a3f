/**
 * The case list as a read model (issue 17): one paged query whatever the office's size.
 *
 * Filtering (status, the text typed), ordering and paging happen in SQL, over the cases the user
 * may see (the same rules as caseAccess: the kierownik every case, a social worker the cases she
 * leads, an assistant the families assigned to her now). A page is read in a fixed number of
 * statements: the rows with their names (family from the search index's label, worker and
 * assistant joined), the total, and the page's deadlines in one pass per kind
 * (deadline-queries.ts, scope 'cases'). Nothing grows with the office but the index scans.
 *
 * The order is total (ties fall back to the report date, then the id), so a page never repeats
 * or skips a case that another page shows.
 */
import type { EntityManager } from 'typeorm';
import type { CaseListPage, CaseListQuery, CaseSummary } from '../../shared/cases';
import { CASE_STATUSES, type CaseStatus } from '../../shared/domain/caseFlow';
import { compareDeadlines, type Deadline } from '../../shared/domain/deadlines';
import { caseAccess } from '../../shared/domain/roles';
import type { Actor } from './cases';
import { collectDeadlines, WORKER_ONLY_DEADLINES } from './deadline-queries';
import { prepared } from './raw-sql';
import { ftsQuery } from './search';

interface Row {
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
function orderBy(sort: CaseListQuery['sort'], direction: CaseListQuery['direction']): string {
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

interface Where {
  sql: string;
  params: unknown[];
}

/** The cases the actor may see (null: none at all), as SQL over `c` with the user's id bound. */
function visibility(actor: Actor): Where | null {
  const { id, roles } = actor.user;
  if (roles.includes('head')) return { sql: '1 = 1', params: [] };
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (roles.includes('social_worker')) {
    clauses.push('c.worker_id = ?');
    params.push(id);
  }
  if (roles.includes('family_assistant')) {
    clauses.push('c.id IN (SELECT a.case_id FROM assignment a WHERE a.assistant_id = ? AND a.ended_on IS NULL)');
    params.push(id);
  }
  return clauses.length ? { sql: `(${clauses.join(' OR ')})`, params } : null;
}

/** The case list's filters as one WHERE clause; null when nothing can match. */
function filters(actor: Actor, query: CaseListQuery): Where | null {
  const scope = visibility(actor);
  if (!scope) return null;
  const parts = [scope.sql];
  const params = [...scope.params];
  if (query.status) {
    parts.push('c.status = ?');
    params.push(query.status);
  }
  const match = query.q ? ftsQuery(query.q) : null;
  if (match) {
    // The search index folds like search does: "Zolc" finds "Żółć", a case number or a street.
    parts.push('c.id IN (SELECT d.case_id FROM case_search JOIN search_doc d ON d.id = case_search.rowid WHERE case_search MATCH ?)');
    params.push(match);
  }
  return { sql: parts.join(' AND '), params };
}

export function listCases(m: EntityManager, actor: Actor, query: CaseListQuery): CaseListPage {
  const where = filters(actor, query);
  const empty: CaseListPage = { rows: [], total: 0, page: query.page, pageSize: query.pageSize };
  if (!where) return empty;
  const { total } = prepared(m, `SELECT count(*) AS total FROM case_file c WHERE ${where.sql}`).get(...where.params) as { total: number };
  if (total === 0) return { ...empty, total };
  const rows = prepared(
    m,
    `SELECT c.id AS id, c.number AS number, c.status AS status, COALESCE(d.family_name, '—') AS familyName, f.city AS city,
            c.reported_on AS reportedOn, c.urgent AS urgent, c.worker_id AS workerId,
            w.first_name || ' ' || w.last_name AS workerName, a.assistant_id AS assistantId,
            u.first_name || ' ' || u.last_name AS assistantName
       FROM case_file c
       JOIN family f ON f.id = c.family_id
       LEFT JOIN search_doc d ON d.case_id = c.id
       LEFT JOIN "user" w ON w.id = c.worker_id
       LEFT JOIN assignment a ON a.id = (SELECT x.id FROM assignment x WHERE x.case_id = c.id AND x.ended_on IS NULL LIMIT 1)
       LEFT JOIN "user" u ON u.id = a.assistant_id
      WHERE ${where.sql}
      ORDER BY ${orderBy(query.sort, query.direction)}
      LIMIT ? OFFSET ?`,
  ).all(...where.params, query.pageSize, (query.page - 1) * query.pageSize) as Row[];

  const deadlines = new Map<string, Deadline[]>();
  if (rows.length > 0) {
    // The same shape as the case file's deadlines (CasesService.deadlines): the case's id stays in.
    for (const { caseNumber: _n, familyName: _f, ...deadline } of collectDeadlines(m, { kind: 'cases', caseIds: rows.map((r) => r.id) })) {
      const list = deadlines.get(deadline.caseId);
      if (list) list.push(deadline);
      else deadlines.set(deadline.caseId, [deadline]);
    }
  }

  return {
    rows: rows.map((row): CaseSummary => {
      // Listed cases are the actor's; 'none' only for an assistant beside another active one: still her view.
      const access = caseAccess(actor.user, { workerId: row.workerId, activeAssistantIds: row.assistantId ? [row.assistantId] : [] });
      const own = (deadlines.get(row.id) ?? []).filter((d) => access === 'full' || !WORKER_ONLY_DEADLINES.includes(d.kind)).sort(compareDeadlines);
      return {
        id: row.id,
        number: row.number,
        status: row.status,
        familyName: row.familyName,
        city: row.city,
        reportedOn: row.reportedOn,
        urgent: row.urgent === 1,
        workerName: row.workerName ?? '—',
        assistantName: row.assistantName,
        nextDeadline: own[0] ?? null,
      };
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
