/**
 * The statistics' drill-downs (issue 17): the cases behind a figure of the report, a page at a
 * time, newest report first (ties by id), with the total. The conditions are the report's own
 * (data/queries/stats.ts: casesReported, casesActive); a test checks each total equals its figure.
 * One text for both engines; the page is chosen from case_file's index alone, and only its rows
 * are joined to the family label and the worker.
 */
import type { EntityManager } from 'typeorm';
import type { StatsCaseMeasure, StatsCaseRow } from '../../../shared/stats';
import { queryAll, queryOne, toNumber } from '../sql';
import type { Period } from './stats';

/** The measure's condition over case `c`, with its parameters. */
function condition(measure: StatsCaseMeasure, { from, to }: Period): { sql: string; params: string[] } {
  switch (measure) {
    case 'reported':
      return { sql: 'c.reported_on BETWEEN ? AND ?', params: [from, to] };
    case 'active':
      return { sql: 'c.reported_on <= ? AND (c.closed_on IS NULL OR c.closed_on >= ?)', params: [to, from] };
  }
}

export async function countStatsCases(m: EntityManager, measure: StatsCaseMeasure, period: Period): Promise<number> {
  const w = condition(measure, period);
  const row = await queryOne<{ n: unknown }>(m, `SELECT COUNT(*) AS n FROM case_file c WHERE ${w.sql}`, w.params);
  return toNumber(row?.n);
}

export async function statsCaseRows(m: EntityManager, measure: StatsCaseMeasure, period: Period, page: { limit: number; offset: number }): Promise<StatsCaseRow[]> {
  const w = condition(measure, period);
  return queryAll<StatsCaseRow>(
    m,
    `SELECT c.id AS "caseId", c.number, COALESCE(d.family_name, '—') AS "familyName", c.status, c.reported_on AS "reportedOn", c.closed_on AS "closedOn",
            COALESCE(u.first_name || ' ' || u.last_name, '—') AS "workerName"
       FROM (SELECT c.id FROM case_file c WHERE ${w.sql} ORDER BY c.reported_on DESC, c.id DESC LIMIT ? OFFSET ?) pick
       JOIN case_file c ON c.id = pick.id
       LEFT JOIN search_doc d ON d.case_id = c.id
       LEFT JOIN "user" u ON u.id = c.worker_id
      ORDER BY c.reported_on DESC, c.id DESC`,
    [...w.params, page.limit, page.offset],
  );
}
