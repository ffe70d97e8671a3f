/**
 * Every deadline of the case process, computed set-based: one SQL query per kind over a scope
 * (one case, a worker's cases, an assistant's families, the whole office). The case file
 * (CasesService.deadlines) and the work tray both read deadlines from here, so the rules exist once:
 *
 * - interview: the case is reported or the wywiad is under way → the wywiad deadline;
 * - assignment_decision: a pending request for an assistant → the kierownik's decision (due when filed);
 * - interview_update: aid continues (social work … closing) → 6 months after the last completed wywiad;
 * - contract_action: planned actions of signed / running kontrakty while aid continues;
 * - plan_task: planned / running tasks of the signed plan while the assistant works with the family;
 * - assessment: while the assistant works → 6 months after the last ocena, or after the assignment;
 * - monitoring_end: monitoring under way and not ended → its last day;
 * - court: opinie o rodzinie requested by a court (a hook: not recorded yet in this version).
 *
 * Due dates counted in months use the domain's functions (art. 112 k.c.), applied in JS.
 */
import type { EntityManager } from 'typeorm';
import type { CaseStatus } from '../../shared/domain/caseFlow';
import type { IsoDate } from '../../shared/domain/dates';
import { DEADLINE_KINDS, nextAssessmentDue, nextInterviewUpdateDue, type Deadline, type DeadlineKind } from '../../shared/domain/deadlines';
import { prepared } from './raw-sql';

export type DeadlineScope =
  | { kind: 'case'; caseId: string }
  | { kind: 'worker'; userId: string }
  | { kind: 'assistant'; userId: string }
  | { kind: 'office' };

export interface CaseDeadline extends Deadline {
  caseId: string;
  caseNumber: string;
  familyName: string;
}

/** Aid continues: the wywiad is updated and kontrakty run. */
export const AID_STATUSES: readonly CaseStatus[] = ['SOCIAL_WORK', 'ASSISTANT_ASSIGNED', 'PLAN', 'IN_PROGRESS', 'CLOSING'];
/** The assistant works with the family: plan tasks and okresowe oceny. */
export const ASSISTED_STATUSES: readonly CaseStatus[] = ['ASSISTANT_ASSIGNED', 'PLAN', 'IN_PROGRESS'];
export const INTERVIEW_STATUSES: readonly CaseStatus[] = ['REPORTED', 'INTERVIEW'];

/** Who does what: the tray shows each user the kinds that are hers. */
export const WORKER_KINDS: readonly DeadlineKind[] = ['interview', 'interview_update', 'contract_action'];
export const ASSISTANT_KINDS: readonly DeadlineKind[] = ['plan_task', 'assessment', 'monitoring_end', 'court'];
export const HEAD_KINDS: readonly DeadlineKind[] = ['assignment_decision'];

/** A list of constant statuses for an IN (…) clause (never user input). */
function inList(statuses: readonly CaseStatus[]): string {
  return statuses.map((s) => `'${s}'`).join(', ');
}

function scopeSql(scope: DeadlineScope): { where: string; params: string[] } {
  switch (scope.kind) {
    case 'case':
      return { where: 'c.id = ?', params: [scope.caseId] };
    case 'worker':
      return { where: 'c.worker_id = ?', params: [scope.userId] };
    case 'assistant':
      return { where: 'EXISTS (SELECT 1 FROM assignment x WHERE x.case_id = c.id AND x.assistant_id = ? AND x.ended_on IS NULL)', params: [scope.userId] };
    case 'office':
      return { where: '1 = 1', params: [] };
  }
}

const HEAD = `c.id AS caseId, c.number AS caseNumber, COALESCE(d.family_name, '—') AS familyName`;
const FROM = 'case_file c LEFT JOIN search_doc d ON d.case_id = c.id';

interface Row {
  caseId: string;
  caseNumber: string;
  familyName: string;
}
interface DatedRow extends Row {
  dueDate: IsoDate;
  subjectId?: string;
}
interface TextRow extends DatedRow {
  subjectId: string;
  description: string;
}

type Query = (m: EntityManager, scope: DeadlineScope, out: CaseDeadline[]) => void;

function rows<T>(m: EntityManager, sql: (where: string) => string, scope: DeadlineScope): T[] {
  const { where, params } = scopeSql(scope);
  return prepared(m, sql(where)).all(...params) as T[];
}

function push(out: CaseDeadline[], kind: DeadlineKind, row: Row, dueDate: IsoDate, label: string, subjectId?: string): void {
  const item: CaseDeadline = { kind, dueDate, caseId: row.caseId, label, caseNumber: row.caseNumber, familyName: row.familyName };
  if (subjectId) item.subjectId = subjectId;
  out.push(item);
}

/** Month arithmetic per distinct date (many cases share a date). */
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

const QUERIES: Record<DeadlineKind, Query> = {
  interview: (m, scope, out) => {
    const found = rows<DatedRow>(m, (w) => `SELECT ${HEAD}, c.interview_due AS dueDate FROM ${FROM} WHERE c.status IN (${inList(INTERVIEW_STATUSES)}) AND ${w}`, scope);
    for (const r of found) push(out, 'interview', r, r.dueDate, `Wywiad środowiskowy — sprawa ${r.caseNumber}`);
  },

  assignment_decision: (m, scope, out) => {
    const found = rows<DatedRow>(
      m,
      (w) =>
        `SELECT ${HEAD}, r.id AS subjectId, r.filed_on AS dueDate
           FROM ${FROM} JOIN assistant_request r ON r.case_id = c.id AND r.status = 'pending'
          WHERE c.status = 'ASSISTANT_REQUESTED' AND ${w}`,
      scope,
    );
    for (const r of found) push(out, 'assignment_decision', r, r.dueDate, `Decyzja o asystencie — sprawa ${r.caseNumber}`, r.subjectId);
  },

  interview_update: (m, scope, out) => {
    const found = rows<Row & { subjectId: string; since: IsoDate }>(
      m,
      (w) =>
        `SELECT ${HEAD}, i.id AS subjectId, MAX(i.conducted_on) AS since
           FROM ${FROM} JOIN interview i ON i.case_id = c.id AND i.status = 'completed' AND i.conducted_on IS NOT NULL
          WHERE c.status IN (${inList(AID_STATUSES)}) AND ${w}
          GROUP BY c.id`,
      scope,
    );
    const due = memo((d) => nextInterviewUpdateDue(d));
    for (const r of found) push(out, 'interview_update', r, due(r.since), `Aktualizacja wywiadu — sprawa ${r.caseNumber}`, r.subjectId);
  },

  contract_action: (m, scope, out) => {
    const found = rows<TextRow>(
      m,
      (w) =>
        `SELECT ${HEAD}, ct.id AS subjectId, json_extract(a.value, '$.description') AS description, json_extract(a.value, '$.deadline') AS dueDate
           FROM ${FROM} JOIN contract ct ON ct.case_id = c.id AND ct.status IN ('signed', 'in_progress') JOIN json_each(ct.actions) a
          WHERE c.status IN (${inList(AID_STATUSES)}) AND json_extract(a.value, '$.status') = 'planned' AND ${w}`,
      scope,
    );
    for (const r of found) push(out, 'contract_action', r, r.dueDate, `Kontrakt: ${r.description}`, r.subjectId);
  },

  plan_task: (m, scope, out) => {
    const found = rows<TextRow>(
      m,
      (w) =>
        `SELECT ${HEAD}, p.id AS subjectId, json_extract(t.value, '$.description') AS description, json_extract(t.value, '$.deadline') AS dueDate
           FROM ${FROM} JOIN plan p ON p.case_id = c.id AND p.status = 'signed'
                JOIN json_each(p.areas) ar JOIN json_each(ar.value, '$.goals') g JOIN json_each(g.value, '$.tasks') t
          WHERE c.status IN (${inList(ASSISTED_STATUSES)}) AND json_extract(t.value, '$.status') IN ('planned', 'in_progress') AND ${w}`,
      scope,
    );
    for (const r of found) push(out, 'plan_task', r, r.dueDate, `Plan: ${r.description}`, r.subjectId);
  },

  assessment: (m, scope, out) => {
    // art. 15 ust. 1 pkt 15 u.w.r.: at least every six months, counted from the assignment.
    const found = rows<Row & { lastAssessed: IsoDate | null; firstAssigned: IsoDate | null }>(
      m,
      (w) =>
        `SELECT ${HEAD},
                (SELECT MAX(s.assessed_on) FROM assessment s WHERE s.case_id = c.id) AS lastAssessed,
                (SELECT MIN(a.assigned_on) FROM assignment a WHERE a.case_id = c.id) AS firstAssigned
           FROM ${FROM} WHERE c.status IN (${inList(ASSISTED_STATUSES)}) AND ${w}`,
      scope,
    );
    const due = memo((d) => nextAssessmentDue(d));
    for (const r of found) {
      const since = r.lastAssessed ?? r.firstAssigned;
      if (since) push(out, 'assessment', r, due(since), `Okresowa ocena sytuacji rodziny — sprawa ${r.caseNumber}`);
    }
  },

  monitoring_end: (m, scope, out) => {
    const found = rows<DatedRow>(
      m,
      (w) =>
        `SELECT ${HEAD}, c.monitoring_until AS dueDate FROM ${FROM}
          WHERE c.status = 'MONITORING' AND c.monitoring_until IS NOT NULL AND c.monitoring_ended_on IS NULL AND ${w}`,
      scope,
    );
    for (const r of found) push(out, 'monitoring_end', r, r.dueDate, `Koniec monitoringu — sprawa ${r.caseNumber}`);
  },

  // Hook: when the court's requests for an opinia o rodzinie are recorded (domain.md §5, §11
  // OpiniaSąd: received date, deadline), one query here, due on the court's deadline.
  court: () => undefined,
};

/** The deadlines of a scope, of the given kinds (all by default), unsorted. */
export function collectDeadlines(m: EntityManager, scope: DeadlineScope, kinds: readonly DeadlineKind[] = DEADLINE_KINDS): CaseDeadline[] {
  const out: CaseDeadline[] = [];
  for (const kind of kinds) QUERIES[kind](m, scope, out);
  return out;
}

const collator = new Intl.Collator('pl');

/** The order of compareDeadlines (earliest first; ties by kind, then label), with one collator for long lists. */
export function compareDeadlinesFast(a: Deadline, b: Deadline): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  return DEADLINE_KINDS.indexOf(a.kind) - DEADLINE_KINDS.indexOf(b.kind) || collator.compare(a.label, b.label);
}
