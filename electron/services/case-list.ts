/**
 * The case list as a read model (issue 17): one paged query whatever the office's size.
 *
 * Filtering (status, the text typed), ordering and paging happen in SQL (data/queries/case-list.ts),
 * over the cases the user may see (the same rules as caseAccess: the kierownik every case, a social
 * worker the cases she leads, an assistant the families assigned to her now). A page is read in a
 * fixed number of statements: the rows with their names, the total, and the page's deadlines in one
 * pass per kind (data/queries/tray.ts, scope 'cases'). Nothing grows with the office but the index scans.
 * The same on either engine: the SQL is behind the seam (data/sql.ts).
 */
import type { EntityManager } from 'typeorm';
import type { CaseListPage, CaseListQuery, CaseSummary } from '../../shared/cases';
import { compareDeadlines, type Deadline } from '../../shared/domain/deadlines';
import { caseAccess } from '../../shared/domain/roles';
import { caseListRows, countCases, type CaseListFilter, type CaseListScope } from '../data/queries/case-list';
import { collectDeadlines, WORKER_ONLY_DEADLINES } from '../data/queries/tray';
import { searchMatch } from '../data/search-terms';
import { truthy } from '../data/sql';
import type { Actor } from './cases';

/** The cases the actor may see. */
function scope(actor: Actor): CaseListScope {
  const { id, roles } = actor.user;
  if (roles.includes('head')) return { all: true };
  return { all: false, workerId: roles.includes('social_worker') ? id : null, assistantId: roles.includes('family_assistant') ? id : null };
}

export async function listCases(m: EntityManager, actor: Actor, query: CaseListQuery): Promise<CaseListPage> {
  const filter: CaseListFilter = { scope: scope(actor), status: query.status ?? null, match: query.q ? searchMatch(query.q) : null };
  const total = await countCases(m, filter);
  if (total === 0) return { rows: [], total, page: query.page, pageSize: query.pageSize };
  const rows = await caseListRows(m, filter, query, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });

  const deadlines = new Map<string, Deadline[]>();
  if (rows.length > 0) {
    // The same shape as the case file's deadlines (CasesService.deadlines): the case's id stays in.
    for (const { caseNumber: _n, familyName: _f, ...deadline } of await collectDeadlines(m, { kind: 'cases', caseIds: rows.map((r) => r.id) })) {
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
        urgent: truthy(row.urgent),
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
