/**
 * Every deadline of the case process, computed set-based: one SQL rule per kind, applied to a
 * scope (one case, a worker's cases, an assistant's families, the whole office). The case file
 * (CasesService.deadlines) and the work tray both read deadlines from here, so the rules exist once:
 *
 * - interview: the case is reported or the wywiad is under way → the wywiad deadline;
 * - assignment_decision: a pending request for an assistant → the kierownik's decision, due the
 *   office's term (settings.decisionWorkingDays) after the filing;
 * - interview_update: aid continues (social work … closing) → 6 months after the last completed wywiad;
 * - contract_action: planned actions of signed / running kontrakty while aid continues;
 * - plan_task: planned / running tasks of the signed plan while the assistant works with the family;
 * - assessment: while the assistant works → 6 months after the last ocena, or after the assignment;
 * - monitoring_end: monitoring under way and not ended → its last day;
 * - court: a court's request (opinia o rodzinie, case file) not answered yet → the court's deadline.
 *
 * Due dates counted in months use the domain's functions (art. 112 k.c.), applied in JS. Plan
 * tasks and kontrakt actions are read from rows the database derives from the JSON of signed plans
 * and running kontrakty by triggers, with their case's status (migration 0005); the dates the
 * aktualizacja wywiadu and the okresowa ocena are counted from, likewise per case (case_deadline,
 * migration 0017), instead of two correlated subqueries per case.
 *
 * The office as a whole has tens of thousands of deadlines: a tray (`pagedTray`) counts them per
 * day in SQL and reads in full only the days its page lists.
 *
 * Every query runs on both engines through the seam (data/sql.ts); where SQLite and PostgreSQL
 * differ (INDEXED BY, json_each, boolean columns) each rule's text is built per dialect.
 */
import type { EntityManager } from 'typeorm';
import { AID_STATUSES, type CaseStatus } from '../../../shared/domain/caseFlow';
import { addWorkingDays } from '../../../shared/domain/calendar';
import type { IsoDate } from '../../../shared/domain/dates';
import {
  ASSESSMENT_RECEIPT_WORKING_DAYS,
  classifyDeadline,
  CLOSURE_DECISION_WORKING_DAYS,
  DEADLINE_KINDS,
  DEADLINE_URGENCY_LABELS,
  nextAssessmentDue,
  nextInterviewUpdateDue,
  PLAN_APPROVAL_WORKING_DAYS,
  RETURNED_REQUEST_WORKING_DAYS,
  type Deadline,
  type DeadlineKind,
  type DeadlineUrgency,
} from '../../../shared/domain/deadlines';
import type { CaseloadView } from '../../../shared/cases';
import type { Role } from '../../../shared/domain/roles';
import type { TrayItem, TrayList, TrayOffsets } from '../../../shared/tray';
import { numberedPlaceholders, queryAll, queryArrays, type Dialect, type Sql } from '../sql';

export type DeadlineScope =
  | { kind: 'case'; caseId: string }
  /** A page of the case list: its cases' deadlines in one pass per kind. */
  | { kind: 'cases'; caseIds: readonly string[] }
  | { kind: 'worker'; userId: string }
  | { kind: 'assistant'; userId: string }
  | { kind: 'office' };

export interface CaseDeadline extends Deadline {
  caseId: string;
  caseNumber: string;
  familyName: string;
}

/** The assistant works with the family: plan tasks and okresowe oceny. */
export const ASSISTED_STATUSES: readonly CaseStatus[] = ['ASSISTANT_ASSIGNED', 'PLAN', 'IN_PROGRESS'];
export const INTERVIEW_STATUSES: readonly CaseStatus[] = ['REPORTED', 'INTERVIEW'];

/** Who does what: the tray shows each user the kinds that are hers. */
export const WORKER_KINDS: readonly DeadlineKind[] = ['interview', 'interview_update', 'contract_action', 'court', 'returned_request'];
export const ASSISTANT_KINDS: readonly DeadlineKind[] = ['plan_task', 'assessment', 'monitoring_end', 'court', 'planned_visit'];
/** The kierownik's "Moje zadania": requests (minor parents among them), opinions to approve, closure proposals. */
export const HEAD_KINDS: readonly DeadlineKind[] = ['assignment_decision', 'opinion_approval', 'closure_decision', 'plan_approval', 'assessment_receipt'];
/** Parts of the case the family assistant does not see (kontrakt, aktualizacja wywiadu): nor their deadlines. */
export const WORKER_ONLY_DEADLINES: readonly DeadlineKind[] = ['interview_update', 'contract_action'];

/** A list of constant statuses for an IN (…) clause (never user input). */
function inList(statuses: readonly CaseStatus[]): string {
  return statuses.map((s) => `'${s}'`).join(', ');
}

/** SQL that differs between the engines: one text, or one per engine (no placeholders in either). */
type Part = string | { readonly sqlite: string; readonly postgres: string };

function part(dialect: Dialect, text: Part): string {
  return typeof text === 'string' ? text : text[dialect];
}

/** How one kind of deadline is found. `c` is always the case (case_file). */
interface Rule {
  /** Tables, the case joined in (for `items`: what is joined to the derived table). */
  from: string;
  /** The rule's conditions. */
  where: Part;
  /** The date the deadline is counted from: its due date, or the start of a period counted in months. */
  date: string;
  /** For periods counted in months: the due date after `date` (the domain's rule). */
  due?: (date: IsoDate) => IsoDate;
  subject?: string;
  description?: string;
  /**
   * Many per case (tasks, actions), or kept per case by triggers (case_deadline): the derived
   * table (alias in `from`) whose own columns carry `where` and `date`. The office counts it per
   * day from its index by case status; a case or a user's cases are read through its index by case
   * (named on SQLite, which has no statistics to choose; PostgreSQL's planner chooses itself).
   */
  items?: { table: string; alias: string };
  label: (caseNumber: string, description: string) => string;
}

const RULES: Partial<Record<DeadlineKind, Rule>> = {
  interview: {
    from: 'case_file c',
    where: `c.status IN (${inList(INTERVIEW_STATUSES)})`,
    date: 'c.interview_due',
    label: (n) => `Wywiad środowiskowy — sprawa ${n}`,
  },
  assignment_decision: {
    from: `case_file c JOIN assistant_request r ON r.case_id = c.id AND r.status = 'pending'`,
    where: `c.status = 'ASSISTANT_REQUESTED'`,
    date: 'r.decision_due',
    subject: 'r.id',
    description: 'r.kind',
    label: (n, kind) => (kind === 'minor_parent' ? `Przydział asystenta małoletniemu rodzicowi (obowiązkowy) — sprawa ${n}` : `Decyzja o asystencie — sprawa ${n}`),
  },
  returned_request: {
    // The kierownik returned the request: the worker improves the analysis within the office's term [U].
    from: `case_file c JOIN assistant_request r ON r.case_id = c.id AND r.status = 'returned'
             AND NOT EXISTS (SELECT 1 FROM assistant_request r2 WHERE r2.case_id = c.id AND r2.created_at > r.created_at)`,
    where: `c.status = 'ANALYSIS'`,
    date: 'r.decided_on',
    due: (d) => addWorkingDays(d, RETURNED_REQUEST_WORKING_DAYS),
    subject: 'r.id',
    description: 'r.decision_note',
    label: (n, reason) => `Wniosek zwrócony: ${reason} — sprawa ${n}`,
  },
  opinion_approval: {
    // An opinia o rodzinie the assistant submitted: the kierownik approves or returns it before the court's deadline.
    from: `case_file c JOIN court_opinion o ON o.case_id = c.id AND o.status = 'submitted' JOIN court_request q ON q.id = o.request_id`,
    where: `q.status = 'open'`,
    date: 'q.deadline',
    subject: 'q.id',
    description: `q.court || ', sygn. akt ' || q.case_reference`,
    label: (n, description) => `Opinia do zatwierdzenia: ${description} — sprawa ${n}`,
  },
  planned_visit: {
    // A visit planned ahead (migration 0010), due on its day, until it is recorded.
    items: { table: 'visit', alias: 'v' },
    from: 'case_file c ON c.id = v.case_id',
    where: { sqlite: 'v.planned = 1', postgres: 'v.planned' },
    date: 'v.visited_on',
    subject: 'v.id',
    description: `CASE v.kind WHEN 'home' THEN 'w domu rodziny' WHEN 'office' THEN 'w ośrodku' WHEN 'outside' THEN 'poza domem' ELSE 'telefon' END || ', ' || v.place`,
    label: (n, description) => `Wizyta: ${description} — sprawa ${n}`,
  },
  plan_approval: {
    // Where the office has plans approved: a signed plan waits for the kierownik (an office term [U]).
    from: `case_file c JOIN plan p ON p.case_id = c.id AND p.status = 'awaiting_approval'`,
    where: 'p.signed_on IS NOT NULL',
    date: 'p.signed_on',
    due: (d) => addWorkingDays(d, PLAN_APPROVAL_WORKING_DAYS),
    subject: 'p.id',
    description: 'p.number',
    label: (n, version) => `Plan pracy z rodziną (wersja ${version}) do zatwierdzenia — sprawa ${n}`,
  },
  assessment_receipt: {
    // An okresowa ocena the assistant handed over: the kierownik confirms she received it (an office term [U]).
    from: `case_file c JOIN assessment s ON s.case_id = c.id AND s.handover_status = 'handed_over'`,
    where: 's.handed_on IS NOT NULL',
    date: 's.handed_on',
    due: (d) => addWorkingDays(d, ASSESSMENT_RECEIPT_WORKING_DAYS),
    subject: 's.id',
    description: 's.assessed_on',
    label: (n) => `Okresowa ocena do przyjęcia — sprawa ${n}`,
  },
  closure_decision: {
    from: 'case_file c',
    where: `c.status = 'CLOSING' AND c.closure_proposed_on IS NOT NULL`,
    date: 'c.closure_proposed_on',
    due: (d) => addWorkingDays(d, CLOSURE_DECISION_WORKING_DAYS),
    label: (n) => `Propozycja zakończenia pracy z rodziną — sprawa ${n}`,
  },
  interview_update: {
    // Counted from the last completed wywiad (case_deadline, kept by triggers on interview).
    items: { table: 'case_deadline', alias: 'x' },
    from: 'case_file c ON c.id = x.case_id',
    where: `x.kind = 'interview_update' AND x.case_status IN (${inList(AID_STATUSES)})`,
    date: 'x.counted_from',
    due: (d) => nextInterviewUpdateDue(d),
    subject: `(SELECT i.id FROM interview i WHERE i.case_id = c.id AND i.status = 'completed' AND i.conducted_on IS NOT NULL ORDER BY i.conducted_on DESC LIMIT 1)`,
    label: (n) => `Aktualizacja wywiadu — sprawa ${n}`,
  },
  contract_action: {
    items: { table: 'running_contract_action', alias: 'a' },
    from: 'case_file c ON c.id = a.case_id',
    where: `a.status = 'planned' AND a.case_status IN (${inList(AID_STATUSES)})`,
    date: 'a.deadline',
    subject: 'a.contract_id',
    description: 'a.description',
    label: (_n, description) => `Kontrakt: ${description}`,
  },
  plan_task: {
    items: { table: 'signed_plan_task', alias: 't' },
    from: 'case_file c ON c.id = t.case_id',
    where: `t.status IN ('planned', 'in_progress') AND t.case_status IN (${inList(ASSISTED_STATUSES)})`,
    date: 't.deadline',
    subject: 't.plan_id',
    description: 't.description',
    label: (_n, description) => `Plan: ${description}`,
  },
  assessment: {
    // art. 15 ust. 1 pkt 15 u.w.r.: at least every six months, counted from the last ocena, else the
    // first assignment (case_deadline, kept by triggers on assessment and assignment).
    items: { table: 'case_deadline', alias: 'x' },
    from: 'case_file c ON c.id = x.case_id',
    where: `x.kind = 'assessment' AND x.case_status IN (${inList(ASSISTED_STATUSES)})`,
    date: 'x.counted_from',
    due: (d) => nextAssessmentDue(d),
    label: (n) => `Okresowa ocena sytuacji rodziny — sprawa ${n}`,
  },
  monitoring_end: {
    from: 'case_file c',
    where: `c.status = 'MONITORING' AND c.monitoring_until IS NOT NULL AND c.monitoring_ended_on IS NULL`,
    date: 'c.monitoring_until',
    label: (n) => `Koniec monitoringu — sprawa ${n}`,
  },
  court: {
    // A court's request (opinia o rodzinie and/or the case file) not yet answered: due on the court's deadline (migration 0007).
    items: { table: 'court_request', alias: 'q' },
    from: 'case_file c ON c.id = q.case_id',
    where: `q.status = 'open'`,
    date: 'q.deadline',
    subject: 'q.id',
    description: `q.court || ', sygn. akt ' || q.case_reference`,
    label: (n, description) => `Pismo sądu: ${description} — sprawa ${n}`,
  },
};

interface Filter {
  where: Part;
  params: unknown[];
}

/** `column` is in a bound JSON array (of ids or dates): one statement whatever the list's length. */
function inJson(column: Part): Part {
  return { sqlite: `${part('sqlite', column)} IN (SELECT value FROM json_each(?))`, postgres: `${part('postgres', column)} IN (SELECT json_array_elements_text(?::json))` };
}

/**
 * The scope as a condition on a case id column: the case's own (`c.id`), or a derived table's
 * `case_id` — so that a user's tasks are found through the index by case, never by reading every
 * task of the office and then its case.
 */
function scopeFilter(scope: DeadlineScope, column: string): Filter {
  switch (scope.kind) {
    case 'case':
      return { where: `${column} = ?`, params: [scope.caseId] };
    case 'cases':
      // One statement whatever the page's length: the ids travel as one bound JSON array.
      return { where: inJson(column), params: [JSON.stringify(scope.caseIds)] };
    case 'worker':
      return { where: `${column} IN (SELECT w.id FROM case_file w WHERE w.worker_id = ?)`, params: [scope.userId] };
    case 'assistant':
      return { where: `${column} IN (SELECT x.case_id FROM assignment x WHERE x.assistant_id = ? AND x.ended_on IS NULL)`, params: [scope.userId] };
    case 'office':
      return { where: '1 = 1', params: [] };
  }
}

interface FullRow {
  caseId: string;
  caseNumber: string;
  familyName: string;
  subjectId: string | null;
  description: string | null;
  date: IsoDate | null;
}

/** Month arithmetic once per distinct date (many cases share a date). */
function memo(fn: (date: IsoDate) => IsoDate): (date: IsoDate) => IsoDate {
  const cache = new Map<IsoDate, IsoDate>();
  return (date) => {
    let value = cache.get(date);
    if (value === undefined) {
      value = fn(date);
      cache.set(date, value);
    }
    return value;
  };
}
const DUE = new Map<DeadlineKind, (date: IsoDate) => IsoDate>(
  Object.entries(RULES).map(([kind, rule]) => [kind as DeadlineKind, rule.due ? memo(rule.due) : (d: IsoDate) => d]),
);

/** A text with `?` placeholders built for each engine (PostgreSQL's numbered $1, $2, …). */
function perDialect(build: (dialect: Dialect) => string): Sql {
  return { sqlite: build('sqlite'), postgres: numberedPlaceholders(build('postgres')) };
}

/** The case's status in a rule's conditions: `c.status = …` or `c.status IN (…)`. */
const BY_STATUS = /\bc\.status (=|IN)/;

/**
 * The FROM clause of a rule; a derived table read through its index by case or by case status.
 * `count`: only the derived table (its rule reads its own columns), for counting per day.
 * A case's own deadlines for some cases (index 'case') are found on SQLite by status and id
 * (case_file_status_id), never by scanning the office's cases of that status through the
 * per-day indexes (migration 0017) that only the office's counts want.
 */
function fromClause(dialect: Dialect, rule: Rule, index: 'case' | 'due', count = false): string {
  if (!rule.items) {
    const byStatus = dialect === 'sqlite' && index === 'case' && BY_STATUS.test(part(dialect, rule.where));
    return byStatus ? rule.from.replace(/^case_file c\b/, 'case_file c INDEXED BY case_file_status_id') : rule.from;
  }
  const { table, alias } = rule.items;
  const derived = dialect === 'sqlite' ? `${table} ${alias} INDEXED BY ${table}_${index}` : `${table} ${alias}`;
  return count ? derived : `${derived} JOIN ${rule.from}`;
}

/** The deadlines of one kind whose case passes the filter, in full. */
async function fullDeadlines(m: EntityManager, kind: DeadlineKind, filter: Filter, out: CaseDeadline[], index: 'case' | 'due' = 'case'): Promise<void> {
  const rule = RULES[kind];
  if (!rule) return;
  const sql = perDialect(
    (dialect) => `SELECT c.id AS "caseId", c.number AS "caseNumber", COALESCE(d.family_name, '—') AS "familyName",
            ${rule.subject ?? 'NULL'} AS "subjectId", ${rule.description ?? 'NULL'} AS description, ${rule.date} AS "date"
       FROM ${fromClause(dialect, rule, index)} LEFT JOIN search_doc d ON d.case_id = c.id
      WHERE ${part(dialect, rule.where)} AND ${part(dialect, filter.where)}`,
  );
  const rows = await queryAll<FullRow>(m, sql, filter.params);
  const due = DUE.get(kind)!;
  for (const r of rows) {
    if (!r.date) continue;
    const item: CaseDeadline = { kind, dueDate: due(r.date), caseId: r.caseId, label: rule.label(r.caseNumber, r.description ?? ''), caseNumber: r.caseNumber, familyName: r.familyName };
    if (r.subjectId) item.subjectId = r.subjectId;
    out.push(item);
  }
}

/** The deadlines of a scope, of the given kinds (all by default), unsorted. */
export async function collectDeadlines(m: EntityManager, scope: DeadlineScope, kinds: readonly DeadlineKind[] = DEADLINE_KINDS): Promise<CaseDeadline[]> {
  const out: CaseDeadline[] = [];
  for (const kind of kinds) {
    const items = RULES[kind]?.items;
    await fullDeadlines(m, kind, scopeFilter(scope, items ? `${items.alias}.case_id` : 'c.id'), out);
  }
  return out;
}

const collator = new Intl.Collator('pl');
const KIND_ORDER = new Map(DEADLINE_KINDS.map((k, i) => [k, i]));

/**
 * The order of compareDeadlines (earliest first; ties by kind, then label), with one collator for
 * long lists, made total: full ties by case number, then ids, so that any read gives one order.
 */
export function compareDeadlinesFast(a: CaseDeadline, b: CaseDeadline): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  return (
    KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! ||
    collator.compare(a.label, b.label) ||
    collator.compare(a.caseNumber, b.caseNumber) ||
    (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0) ||
    ((a.subjectId ?? '') < (b.subjectId ?? '') ? -1 : (a.subjectId ?? '') > (b.subjectId ?? '') ? 1 : 0)
  );
}

const URGENCIES: readonly DeadlineUrgency[] = ['overdue', 'this_week', 'later'];

function emptyGroups(offsets: TrayOffsets): TrayList['groups'] {
  return URGENCIES.map((urgency) => ({ urgency, label: DEADLINE_URGENCY_LABELS[urgency], total: 0, offset: offsets[urgency], items: [] as TrayItem[] }));
}

/** No items skipped: each group from its first. */
export const FIRST_PAGES: TrayOffsets = { overdue: 0, this_week: 0, later: 0 };

/** Lists the item (the group's `seen`-th) when it falls on the group's page. */
function list(group: TrayList['groups'][number], seen: number, limit: number, item: () => TrayItem): void {
  if (seen >= group.offset && group.items.length < limit) group.items.push(item());
}

function toItem(d: CaseDeadline, urgency: DeadlineUrgency): TrayItem {
  return { kind: d.kind, caseId: d.caseId, caseNumber: d.caseNumber, familyName: d.familyName, label: d.label, dueDate: d.dueDate, subjectId: d.subjectId ?? null, urgency };
}

/**
 * Sorted (compareDeadlines' order), classified (classifyDeadline) and grouped; per group, `limit`
 * items listed after its offset (a page), all counted.
 */
export function trayList(deadlines: readonly CaseDeadline[], today: IsoDate, limit: number, offsets: TrayOffsets = FIRST_PAGES): TrayList {
  const groups = emptyGroups(offsets);
  const byKind: Partial<Record<DeadlineKind, number>> = {};
  const urgencyOf = memo((due) => classifyDeadline(due, today));
  for (const d of [...deadlines].sort(compareDeadlinesFast)) {
    const urgency = urgencyOf(d.dueDate) as DeadlineUrgency;
    const group = groups[URGENCIES.indexOf(urgency)]!;
    list(group, group.total, limit, () => toItem(d, urgency));
    group.total += 1;
    byKind[d.kind] = (byKind[d.kind] ?? 0) + 1;
  }
  return { groups, byKind };
}

/** Deadlines of some kinds over a scope: one part of a user's tray. */
export interface TraySource {
  scope: DeadlineScope;
  kinds: readonly DeadlineKind[];
}

/** Both conditions, on each engine. */
function and(a: Part, b: Part): Part {
  return { sqlite: `${part('sqlite', a)} AND ${part('sqlite', b)}`, postgres: `${part('postgres', a)} AND ${part('postgres', b)}` };
}

/** Per-day counts of a scope's deadlines of one kind, read once per transaction. */
export class TrayCounts {
  private readonly read = new Map<string, [IsoDate | null, number][]>();

  async get(scope: DeadlineScope, kind: DeadlineKind, count: () => Promise<[IsoDate | null, number][]>): Promise<[IsoDate | null, number][]> {
    const key = `${JSON.stringify(scope)}|${kind}`;
    let rows = this.read.get(key);
    if (!rows) {
      rows = await count();
      this.read.set(key, rows);
    }
    return rows;
  }
}

/**
 * Deadlines of one kind due on one day: they sort together (by due day, then kind), so a page
 * starts and ends within such chunks. The key sorts as they do.
 */
function chunkKey(due: IsoDate, kind: DeadlineKind): string {
  return `${due}|${String(KIND_ORDER.get(kind)!).padStart(2, '0')}`;
}

/**
 * A tray of any scope, paged without reading every deadline in full: each kind counted per day by
 * the database (GROUP BY the date it is counted from; a derived table's from its index), the
 * chunks (day and kind) of each group's page found from those counts, and only they read in full,
 * with the same rules. The result is trayList(every source's collectDeadlines, …) — the same
 * groups, totals and page. `counts`: per-day counts already read in the same transaction (the
 * kierownik's own tray and the office's share the kinds of her decisions), filled as it goes.
 */
export async function pagedTray(m: EntityManager, today: IsoDate, limit: number, offsets: TrayOffsets, sources: readonly TraySource[], counts = new TrayCounts()): Promise<TrayList> {
  const groups = emptyGroups(offsets);
  const byKind: Partial<Record<DeadlineKind, number>> = {};
  const urgencyOf = memo((due) => classifyDeadline(due, today));
  /** Per chunk (due day and kind): how many deadlines. */
  const chunks = new Map<string, number>();
  /** Per source and kind: the dates it is counted from (several may fall due the same day). */
  const counted: { scope: DeadlineScope; kind: DeadlineKind; dates: IsoDate[] }[] = [];
  for (const { scope, kinds } of sources) {
    for (const kind of kinds) {
      const rule = RULES[kind];
      if (!rule) continue;
      const due = DUE.get(kind)!;
      const index = scope.kind === 'office' ? 'due' : 'case';
      const filter = scopeFilter(scope, rule.items ? `${rule.items.alias}.case_id` : 'c.id');
      const perDay = await counts.get(scope, kind, async () =>
        (await queryArrays(
          m,
          perDialect((d) => `SELECT ${rule.date}, CAST(COUNT(*) AS integer) FROM ${fromClause(d, rule, index, true)} WHERE ${part(d, and(rule.where, filter.where))} GROUP BY ${rule.date}`),
          filter.params,
        )) as [IsoDate | null, number][],
      );
      const dates: IsoDate[] = [];
      for (const [date, n] of perDay) {
        if (!date) continue;
        const d = due(date);
        const key = chunkKey(d, kind);
        chunks.set(key, (chunks.get(key) ?? 0) + n);
        byKind[kind] = (byKind[kind] ?? 0) + n;
        groups[URGENCIES.indexOf(urgencyOf(d) as DeadlineUrgency)]!.total += n;
        dates.push(date);
      }
      counted.push({ scope, kind, dates });
    }
  }

  // The chunks each group lists: those of its page (they hold items offset … offset + limit).
  const listed = new Set<string>();
  const covered = [0, 0, 0];
  const skipped = [0, 0, 0];
  for (const key of [...chunks.keys()].sort()) {
    const g = URGENCIES.indexOf(urgencyOf(key.slice(0, 10) as IsoDate) as DeadlineUrgency);
    const n = chunks.get(key)!;
    const from = groups[g]!.offset;
    if (covered[g]! >= from + limit) continue;
    if (covered[g]! + n <= from) skipped[g]! += n;
    else listed.add(key);
    covered[g]! += n;
  }

  // Read those chunks in full, with the same rules.
  const full: CaseDeadline[] = [];
  for (const { scope, kind, dates } of counted) {
    const rule = RULES[kind]!;
    const wanted = dates.filter((date) => listed.has(chunkKey(DUE.get(kind)!(date), kind)));
    if (wanted.length === 0) continue;
    const filter = scopeFilter(scope, rule.items ? `${rule.items.alias}.case_id` : 'c.id');
    await fullDeadlines(m, kind, { where: and(filter.where, inJson(rule.date)), params: [...filter.params, JSON.stringify(wanted)] }, full, scope.kind === 'office' ? 'due' : 'case');
  }
  for (const d of full.sort(compareDeadlinesFast)) {
    const urgency = urgencyOf(d.dueDate) as DeadlineUrgency;
    const g = URGENCIES.indexOf(urgency);
    list(groups[g]!, skipped[g]!++, limit, () => toItem(d, urgency));
  }
  return { groups, byKind };
}

/** The whole office's tray (the kierownik's "Cały ośrodek"): pagedTray over every kind. */
export function officeTray(m: EntityManager, today: IsoDate, limit: number, offsets: TrayOffsets = FIRST_PAGES, counts?: TrayCounts): Promise<TrayList> {
  return pagedTray(m, today, limit, offsets, [{ scope: { kind: 'office' }, kinds: DEADLINE_KINDS }], counts);
}

/** The active users with their roles (JSON), for the caseloads. */
interface StaffRow {
  id: string;
  firstName: string;
  lastName: string;
  roles: string;
}

/**
 * Families each active assistant works with now (art. 15 ust. 4 u.w.r.), against the office's
 * limit: the active assignments and their cases' families read from indexes alone (migration 0017).
 */
export async function caseloads(m: EntityManager, limit: number): Promise<CaseloadView[]> {
  const users = await queryAll<StaffRow>(m, 'SELECT u.id, u.first_name AS "firstName", u.last_name AS "lastName", u.roles FROM "user" u WHERE u.active');
  const counts = (await queryArrays(m, {
    sqlite: `SELECT a.assistant_id, COUNT(DISTINCT c.family_id) FROM assignment a INDEXED BY assignment_active
               JOIN case_file c INDEXED BY case_file_id_family ON c.id = a.case_id WHERE a.ended_on IS NULL GROUP BY a.assistant_id`,
    postgres: `SELECT a.assistant_id, COUNT(DISTINCT c.family_id)::int FROM assignment a JOIN case_file c ON c.id = a.case_id WHERE a.ended_on IS NULL GROUP BY a.assistant_id`,
  })) as [string, number][];
  const byAssistant = new Map(counts);
  return users
    .filter((u) => (JSON.parse(u.roles) as Role[]).includes('family_assistant'))
    .map((u) => ({ assistantId: u.id, name: `${u.firstName} ${u.lastName}`, families: byAssistant.get(u.id) ?? 0, limit }))
    .sort((x, y) => x.families - y.families || x.name.localeCompare(y.name, 'pl'));
}
