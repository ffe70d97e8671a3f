/**
 * The counts the gmina reports (issue 8, docs/domain.md#reporting), for a period [from, to] (both days
 * included), set-based over the office's records, and their export as CSV or XLSX.
 *
 * What each count means (the sprawozdanie's wording is [U] in the domain notes, so the
 * definitions are written out here and in shared/stats.ts):
 * - an assistant is employed in the period when her account (role: asystent rodziny) existed by its
 *   end and was not switched off before its start (an account's switch-off date is its last change);
 * - a family has an assistant in the period when an assignment of one of its cases overlaps it;
 *   it is new when none of those assignments began before the period, otherwise continuing;
 * - work ended in the period when the family's last assignment ended in it (the case was closed),
 *   by the case's closure reason;
 * - children: members with the relation "child" living in the household of those families;
 * - a wywiad counts on the day it was conducted; it is late when conducted after its deadline;
 * - a kontrakt counts when its term overlaps the period, by its status now.
 */
import type { EntityManager } from 'typeorm';
import { ART7_REASONS, CLOSURE_REASONS, type Art7Reason, type ClosureReason } from '../../shared/domain/caseFlow';
import type { IsoDate } from '../../shared/domain/dates';
import { CONTRACT_STATUSES, type ContractStatus } from '../../shared/domain/familyWork';
import { STATS_HEADERS, statsRows, type StatsFile, type StatsFormat, type StatsView } from '../../shared/stats';
import { safeFileName } from '../../shared/file-names';
import { officeTime, type Clock } from '../clock';
import { prepared } from './raw-sql';
import { csvText } from './csv';
import { xlsxWorkbook, type Cell } from './xlsx';

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

function count(m: EntityManager, sql: string, ...params: unknown[]): number {
  return (prepared(m, sql).get(...params) as { n: number }).n;
}

function grouped(m: EntityManager, sql: string, ...params: unknown[]): { key: string | null; n: number }[] {
  return prepared(m, sql).all(...params) as { key: string | null; n: number }[];
}

/** Assignments that overlap [from, to]. */
const OVERLAP = 'a.assigned_on <= @to AND (a.ended_on IS NULL OR a.ended_on >= @from)';

export class StatsService {
  constructor(private readonly clock: Clock) {}

  get(m: EntityManager, from: IsoDate, to: IsoDate): StatsView {
    const p = { from, to };
    const hasRole = (role: string) => `EXISTS (SELECT 1 FROM json_each(u.roles) r WHERE r.value = '${role}')`;

    const employed = count(
      m,
      `SELECT COUNT(*) AS n FROM user u WHERE ${hasRole('family_assistant')} AND substr(u.created_at, 1, 10) <= @to AND (u.active = 1 OR substr(u.updated_at, 1, 10) >= @from)`,
      p,
    );
    const working = count(m, `SELECT COUNT(DISTINCT a.assistant_id) AS n FROM assignment a WHERE ${OVERLAP}`, p);

    // Per family: when its assignments in the period began, whether one is still running after it.
    const families = prepared(
      m,
      `SELECT c.family_id AS familyId, MIN(a.assigned_on) AS firstStart
         FROM assignment a JOIN case_file c ON c.id = a.case_id
        WHERE ${OVERLAP} GROUP BY c.family_id`,
    ).all(p) as { familyId: string; firstStart: IsoDate }[];
    const continuing = families.filter((f) => f.firstStart < from).length;

    // Counted apart: the families a court obliged to work with an assistant (issue 15, item 12).
    const courtObliged = count(
      m,
      `SELECT COUNT(DISTINCT c.family_id) AS n FROM assignment a JOIN case_file c ON c.id = a.case_id WHERE ${OVERLAP} AND c.court_order_reference IS NOT NULL`,
      p,
    );

    const endedByReason = zeros<ClosureReason>(CLOSURE_REASONS);
    const ended = prepared(
      m,
      `SELECT c.family_id AS familyId, MAX(c.closure_reason) AS reason
         FROM assignment a JOIN case_file c ON c.id = a.case_id
        WHERE a.ended_on BETWEEN @from AND @to
          AND NOT EXISTS (SELECT 1 FROM assignment b JOIN case_file bc ON bc.id = b.case_id
                           WHERE bc.family_id = c.family_id AND b.assigned_on <= @to AND (b.ended_on IS NULL OR b.ended_on > @to))
        GROUP BY c.family_id`,
    ).all(p) as { familyId: string; reason: string | null }[];
    for (const { reason } of ended) {
      const key: ClosureReason = reason && (CLOSURE_REASONS as readonly string[]).includes(reason) ? (reason as ClosureReason) : 'other';
      endedByReason[key] += 1;
    }

    const children = count(
      m,
      `SELECT COUNT(DISTINCT fm.person_id) AS n FROM family_member fm
        WHERE fm.relation = 'child' AND fm.in_household = 1
          AND fm.family_id IN (SELECT c.family_id FROM assignment a JOIN case_file c ON c.id = a.case_id WHERE ${OVERLAP})`,
      p,
    );

    const activeCases = 'c.reported_on <= @to AND (c.closed_on IS NULL OR c.closed_on >= @from)';
    const byReason = zeros<Art7Reason>(ART7_REASONS);
    for (const { key, n } of grouped(m, `SELECT r.value AS key, COUNT(*) AS n FROM case_file c JOIN json_each(c.reasons) r WHERE ${activeCases} GROUP BY r.value`, p)) {
      if (key && key in byReason) byReason[key as Art7Reason] = n;
    }

    const interviews = prepared(
      m,
      `SELECT COUNT(*) AS completed,
              COALESCE(SUM(i.kind = 'full'), 0) AS full,
              COALESCE(SUM(i.kind = 'update'), 0) AS updates,
              COALESCE(SUM(i.kind = 'full' AND i.conducted_on > c.interview_due), 0) AS late
         FROM interview i JOIN case_file c ON c.id = i.case_id
        WHERE i.status = 'completed' AND i.conducted_on BETWEEN @from AND @to`,
    ).get(p) as { completed: number; full: number; updates: number; late: number };

    const byStatus = zeros<ContractStatus>(CONTRACT_STATUSES);
    for (const { key, n } of grouped(m, 'SELECT status AS key, COUNT(*) AS n FROM contract WHERE period_from <= @to AND period_to >= @from GROUP BY status', p)) {
      if (key && key in byStatus) byStatus[key as ContractStatus] = n;
    }

    return {
      from,
      to,
      generatedAt: this.clock.now().toISOString(),
      assistants: { employed, working },
      families: { withAssistant: families.length, new: families.length - continuing, continuing, ended: ended.length, endedByReason, courtObliged },
      children,
      cases: {
        reported: count(m, 'SELECT COUNT(*) AS n FROM case_file WHERE reported_on BETWEEN @from AND @to', p),
        active: count(m, `SELECT COUNT(*) AS n FROM case_file c WHERE ${activeCases}`, p),
        byReason,
      },
      interviews,
      contracts: {
        total: Object.values(byStatus).reduce((a, b) => a + b, 0),
        signedInPeriod: count(m, 'SELECT COUNT(*) AS n FROM contract WHERE signed_on BETWEEN @from AND @to', p),
        byStatus,
      },
      courtOpinions: count(m, "SELECT COUNT(*) AS n FROM court_opinion WHERE status = 'issued' AND issued_on BETWEEN @from AND @to", p),
    };
  }
}

/** The report as a table: a heading (office, period), then Dział / Wskaźnik / Liczba. */
function table(view: StatsView, officeName: string): Cell[][] {
  return [
    [{ value: 'Sprawozdanie z zakresu wspierania rodziny — dane z Asysty', bold: true }],
    ['Ośrodek', officeName],
    ['Okres sprawozdawczy', `${view.from} – ${view.to}`],
    ['Wygenerowano', officeTime(view.generatedAt)],
    [],
    STATS_HEADERS.map((h) => ({ value: h, bold: true })),
    ...statsRows(view).map((r) => [r.section, r.label, r.value]),
  ];
}

/** CSV (BOM, semicolons, CRLF: what Polish Excel opens without a wizard) or XLSX. */
export function statsFile(view: StatsView, format: StatsFormat, officeName: string, at: Date): StatsFile {
  const base = `sprawozdanie-wspieranie-rodziny-${view.from}-${view.to}`;
  const rows = table(view, officeName);
  if (format === 'csv') {
    return { fileName: safeFileName(`${base}.csv`), bytes: Buffer.from(csvText(rows), 'utf8').toString('base64') };
  }
  const book = xlsxWorkbook([{ name: 'Sprawozdanie', widths: [44, 90, 10], rows }], at);
  return { fileName: safeFileName(`${base}.xlsx`), bytes: book.toString('base64') };
}
