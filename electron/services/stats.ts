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
import * as q from '../data/queries/stats';
import { csvText } from './csv';
import { xlsxWorkbook, type Cell } from './xlsx';

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** Counts by key into a record of the known keys (unknown keys are not reported). */
function byKey<K extends string>(keys: readonly K[], rows: readonly { key: string; n: number }[]): Record<K, number> {
  const out = zeros(keys);
  for (const { key, n } of rows) if ((keys as readonly string[]).includes(key)) out[key as K] = n;
  return out;
}

export class StatsService {
  constructor(private readonly clock: Clock) {}

  async get(m: EntityManager, from: IsoDate, to: IsoDate): Promise<StatsView> {
    const period = { from, to };
    const families = await q.familyCounts(m, period);
    const endedByReason = zeros<ClosureReason>(CLOSURE_REASONS);
    for (const { reason, families: n } of families.ended) {
      const key: ClosureReason = reason && (CLOSURE_REASONS as readonly string[]).includes(reason) ? (reason as ClosureReason) : 'other';
      endedByReason[key] += n;
    }
    const byStatus = byKey<ContractStatus>(CONTRACT_STATUSES, await q.contractsByStatus(m, period));
    return {
      from,
      to,
      generatedAt: this.clock.now().toISOString(),
      assistants: { employed: await q.assistantsEmployed(m, period), working: await q.assistantsWorking(m, period) },
      families: {
        withAssistant: families.withAssistant,
        new: families.withAssistant - families.continuing,
        continuing: families.continuing,
        ended: families.ended.reduce((sum, e) => sum + e.families, 0),
        endedByReason,
        courtObliged: families.courtObliged,
      },
      children: await q.childrenOfAssistedFamilies(m, period),
      cases: {
        reported: await q.casesReported(m, period),
        active: await q.casesActive(m, period),
        byReason: byKey<Art7Reason>(ART7_REASONS, await q.activeCasesByReason(m, period)),
      },
      interviews: await q.interviewCounts(m, period),
      contracts: {
        total: Object.values(byStatus).reduce((a, b) => a + b, 0),
        signedInPeriod: await q.contractsSigned(m, period),
        byStatus,
      },
      courtOpinions: await q.courtOpinionsIssued(m, period),
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
