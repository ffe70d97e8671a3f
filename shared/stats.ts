/**
 * The counts the gmina reports (docs/domain.md#reporting): the sprawozdanie rzeczowo-finansowe z zakresu
 * wspierania rodziny (half-yearly, to the wojewoda) and the kierownik's yearly report. Schemas,
 * the view, and its rows with Polish labels, shared by the screen and the CSV / XLSX export.
 */
import { z } from 'zod';
import { ART7_REASONS, ART7_REASON_LABELS, CLOSURE_REASONS, CLOSURE_REASON_LABELS, type Art7Reason, type CaseStatus, type ClosureReason } from './domain/caseFlow';
import { compare, daysBetween, isoDateSchema, isValidIsoDate, type IsoDate } from './domain/dates';
import { CONTRACT_STATUSES, CONTRACT_STATUS_LABELS, type ContractStatus } from './domain/familyWork';
import { pageSchema, pageSizeSchema } from './paging';

/** A report covers at most this many days (ten years). */
export const STATS_MAX_DAYS = 3660;

const period = {
  from: isoDateSchema,
  to: isoDateSchema,
};

function checkPeriod(value: { from: IsoDate; to: IsoDate }, ctx: z.RefinementCtx): void {
  if (!isValidIsoDate(value.from) || !isValidIsoDate(value.to)) return;
  if (compare(value.from, value.to) > 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Koniec okresu jest wcześniejszy niż jego początek.' });
  if (daysBetween(value.from, value.to) > STATS_MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Okres sprawozdania może obejmować najwyżej 10 lat.' });
}

export const statsQuerySchema = z.object(period).superRefine(checkPeriod);

export const STATS_FORMATS = ['csv', 'xlsx'] as const;
export type StatsFormat = (typeof STATS_FORMATS)[number];

export const statsExportSchema = z
  .object({ ...period, format: z.enum(STATS_FORMATS, { error: 'Wybierz format pliku: CSV albo XLSX.' }) })
  .superRefine(checkPeriod);

export interface StatsView {
  from: IsoDate;
  to: IsoDate;
  /** When the counts were made (ISO instant). */
  generatedAt: string;
  assistants: {
    /** Accounts with the assistant's role that existed and were not switched off before the period. */
    employed: number;
    /** Assistants who worked with at least one family in the period. */
    working: number;
  };
  families: {
    /** Families with an assistant at any time in the period. */
    withAssistant: number;
    /** … whose work with an assistant began in the period. */
    new: number;
    /** … who already had an assistant before the period. */
    continuing: number;
    /** … whose work with the assistant ended (the case was closed) in the period. */
    ended: number;
    endedByReason: Record<ClosureReason, number>;
    /** Families with an assistant in the period whom a court obliged to work with one (art. 109 § 2 pkt 1 k.r.o.). */
    courtObliged: number;
  };
  /** Children (relation "child", in the household) of the families with an assistant in the period. */
  children: number;
  cases: {
    /** Cases reported in the period. */
    reported: number;
    /** Cases open at any time in the period. */
    active: number;
    /** Open cases by art. 7 u.p.s. reason (a case may have several). */
    byReason: Record<Art7Reason, number>;
  };
  interviews: {
    /** Wywiady completed in the period (conducted on a day in it). */
    completed: number;
    full: number;
    updates: number;
    /** Full wywiady conducted after their deadline (14 / 2 working days). */
    late: number;
  };
  contracts: {
    /** Kontrakty socjalne whose term overlaps the period, by their status now. */
    total: number;
    signedInPeriod: number;
    byStatus: Record<ContractStatus, number>;
  };
  /** Opinie o rodzinie issued for a court in the period (through the document register). */
  courtOpinions: number;
}

/** An exported report (stats:export). */
export interface StatsFile {
  fileName: string;
  /** The file's bytes, base64. */
  bytes: string;
}

export interface StatsRow {
  section: string;
  label: string;
  value: number;
}

export const STATS_HEADERS = ['Dział', 'Wskaźnik', 'Liczba'] as const;

/** The view as the rows of the report, in its order, with Polish labels. */
export function statsRows(view: StatsView): StatsRow[] {
  const rows: StatsRow[] = [];
  const add = (section: string, label: string, value: number) => rows.push({ section, label, value });
  const AR = 'Asystenci rodziny';
  add(AR, 'Asystenci rodziny zatrudnieni w okresie', view.assistants.employed);
  add(AR, 'Asystenci rodziny pracujący z rodzinami w okresie', view.assistants.working);
  const F = 'Rodziny objęte wsparciem asystenta rodziny';
  add(F, 'Rodziny z asystentem rodziny w okresie — ogółem', view.families.withAssistant);
  add(F, 'w tym rodziny, z którymi rozpoczęto pracę w okresie', view.families.new);
  add(F, 'w tym rodziny kontynuujące pracę z poprzedniego okresu', view.families.continuing);
  add(F, 'w tym rodziny zobowiązane przez sąd do pracy z asystentem (art. 109 § 2 pkt 1 k.r.o.)', view.families.courtObliged);
  add(F, 'Rodziny, z którymi zakończono pracę w okresie — ogółem', view.families.ended);
  for (const reason of CLOSURE_REASONS) add(F, `zakończenie: ${CLOSURE_REASON_LABELS[reason]}`, view.families.endedByReason[reason]);
  add('Dzieci', 'Dzieci w rodzinach z asystentem rodziny (we wspólnym gospodarstwie)', view.children);
  const C = 'Sprawy';
  add(C, STATS_CASE_MEASURE_LABELS.reported, view.cases.reported);
  add(C, STATS_CASE_MEASURE_LABELS.active, view.cases.active);
  for (const reason of ART7_REASONS) add(C, `powód (art. 7 u.p.s.): ${ART7_REASON_LABELS[reason]}`, view.cases.byReason[reason]);
  const I = 'Rodzinne wywiady środowiskowe';
  add(I, 'Wywiady przeprowadzone w okresie — ogółem', view.interviews.completed);
  add(I, 'w tym wywiady pełne', view.interviews.full);
  add(I, 'w tym aktualizacje wywiadu', view.interviews.updates);
  add(I, 'Wywiady przeprowadzone po terminie', view.interviews.late);
  const K = 'Kontrakty socjalne';
  add(K, 'Kontrakty obowiązujące w okresie — ogółem', view.contracts.total);
  add(K, 'Kontrakty podpisane w okresie', view.contracts.signedInPeriod);
  for (const status of CONTRACT_STATUSES) add(K, `stan: ${CONTRACT_STATUS_LABELS[status]}`, view.contracts.byStatus[status]);
  add('Opinie o rodzinie', 'Opinie o rodzinie sporządzone dla sądu', view.courtOpinions);
  return rows;
}

// ---- drill-downs: the cases behind a figure (issue 17) -------------------------------------------

/** The figures whose cases can be listed, with the labels of the report's rows. */
export const STATS_CASE_MEASURES = ['reported', 'active'] as const;
export type StatsCaseMeasure = (typeof STATS_CASE_MEASURES)[number];
export const STATS_CASE_MEASURE_LABELS: Record<StatsCaseMeasure, string> = {
  reported: 'Zgłoszenia przyjęte w okresie',
  active: 'Sprawy prowadzone w okresie',
};
export const STATS_CASES_PAGE_SIZE_DEFAULT = 50;

/** One page of the cases counted by one figure of the report, newest report first. */
export const statsCasesSchema = z
  .object({
    ...period,
    measure: z.enum(STATS_CASE_MEASURES, { error: 'Można wyświetlić sprawy tylko dla zgłoszeń przyjętych lub spraw prowadzonych w okresie.' }),
    page: pageSchema.default(1),
    pageSize: pageSizeSchema('spraw', STATS_CASES_PAGE_SIZE_DEFAULT),
  })
  .superRefine(checkPeriod);

export interface StatsCaseRow {
  caseId: string;
  number: string;
  familyName: string;
  status: CaseStatus;
  reportedOn: IsoDate;
  closedOn: IsoDate | null;
  workerName: string;
}

export interface StatsCasePage {
  rows: StatsCaseRow[];
  /** Every case the figure counts (equal to the figure). */
  total: number;
  page: number;
  pageSize: number;
}
