/**
 * The one deadline model of the app: every timer (wywiad, aktualizacja, ocena, court, …) is a
 * Deadline with a due date, so the tray, the reports and the PDFs sort and colour them the same way.
 */
import { addWorkingDays } from './calendar';
import { addDays, addMonths, compare, type IsoDate } from './dates';

export const DEADLINE_KINDS = [
  'interview',
  'interview_update',
  'contract_action',
  'plan_task',
  'assessment',
  'court',
  'assignment_decision',
  'monitoring_end',
  'returned_request',
  'opinion_approval',
  'closure_decision',
  'planned_visit',
  'plan_approval',
  'assessment_receipt',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  interview: 'Wywiad środowiskowy',
  interview_update: 'Aktualizacja wywiadu',
  contract_action: 'Działanie z kontraktu socjalnego',
  plan_task: 'Zadanie z planu pracy z rodziną',
  assessment: 'Okresowa ocena sytuacji rodziny',
  court: 'Opinia o rodzinie dla sądu',
  assignment_decision: 'Decyzja o przydziale asystenta',
  monitoring_end: 'Koniec monitoringu',
  returned_request: 'Wniosek zwrócony przez kierownika',
  opinion_approval: 'Opinia o rodzinie do zatwierdzenia',
  closure_decision: 'Propozycja zakończenia pracy z rodziną',
  planned_visit: 'Zaplanowana wizyta',
  plan_approval: 'Plan pracy z rodziną do zatwierdzenia',
  assessment_receipt: 'Okresowa ocena przekazana kierownikowi',
};

/**
 * [U] Terms the law does not set, for what waits on someone's tray: the worker's answer to a
 * returned request and the kierownik's decision on a closure proposal (working days).
 */
export const RETURNED_REQUEST_WORKING_DAYS = 7;
export const CLOSURE_DECISION_WORKING_DAYS = 7;
/** [U] The office's own terms for the kierownik: approving a signed plan (where plans are approved), receiving a handed-over assessment. */
export const PLAN_APPROVAL_WORKING_DAYS = 7;
export const ASSESSMENT_RECEIPT_WORKING_DAYS = 7;

export interface Deadline {
  kind: DeadlineKind;
  /** The last day on which the task is still on time. */
  dueDate: IsoDate;
  caseId?: string;
  subjectId?: string;
  /** Polish, for the user. */
  label: string;
}

/**
 * The wywiad's terms are law, not office settings: § 3 of the rozporządzenie MRiPS of 8.04.2021 on
 * the rodzinny wywiad środowiskowy (Dz.U. 2021 poz. 893) — within 14 working days of learning that
 * it is needed, in urgent cases at the latest within 2 working days.
 */
export const INTERVIEW_WORKING_DAYS = 14;
export const URGENT_INTERVIEW_WORKING_DAYS = 2;
export const INTERVIEW_TERM_BASIS = '§ 3 rozporządzenia MRiPS z 8.04.2021 r. w sprawie rodzinnego wywiadu środowiskowego (Dz.U. 2021 poz. 893)';

/** The last day for the wywiad: 14 (urgent: 2) working days after the day the OPS learned of the need. */
export function interviewDeadline(learnedOn: IsoDate, urgent: boolean): IsoDate {
  return addWorkingDays(learnedOn, urgent ? URGENT_INTERVIEW_WORKING_DAYS : INTERVIEW_WORKING_DAYS);
}

/** Months between periodic assessments: art. 15 ust. 1 pkt 15 u.w.r., "nie rzadziej niż co pół roku". */
export const ASSESSMENT_INTERVAL_MONTHS = 6;
/** Months between updates of the wywiad for permanent aid (docs/domain.md#the-wywiad: the exact provision is [U]). */
export const INTERVIEW_UPDATE_INTERVAL_MONTHS = 6;

/**
 * The next okresowa ocena: `months` after the last one (or after the assignment when there was none).
 * Counted as in art. 112 k.c.: the same day of the month, or the month's last day.
 */
export function nextAssessmentDue(
  lastAssessmentOrAssignmentDate: IsoDate,
  months: number = ASSESSMENT_INTERVAL_MONTHS,
): IsoDate {
  return addMonths(lastAssessmentOrAssignmentDate, months);
}

/** The next aktualizacja of the wywiad: `months` after the last wywiad. */
export function nextInterviewUpdateDue(
  lastInterviewDate: IsoDate,
  months: number = INTERVIEW_UPDATE_INTERVAL_MONTHS,
): IsoDate {
  return addMonths(lastInterviewDate, months);
}

export type DeadlineUrgency = 'overdue' | 'this_week' | 'later';

export const DEADLINE_URGENCY_LABELS: Record<DeadlineUrgency, string> = {
  overdue: 'Po terminie',
  this_week: 'W ciągu 7 dni',
  later: 'Później',
};

/**
 * overdue: the due date has passed (due < today; a task due today is still on time);
 * this_week: due within `windowDays` days counting today (default 7: today … today + 6);
 * later: everything after.
 */
export function classifyDeadline(due: IsoDate, today: IsoDate, windowDays = 7): DeadlineUrgency {
  if (!Number.isInteger(windowDays) || windowDays < 1) throw new RangeError('Okno terminów musi mieć co najmniej 1 dzień.');
  if (compare(due, today) < 0) return 'overdue';
  if (compare(due, addDays(today, windowDays - 1)) <= 0) return 'this_week';
  return 'later';
}

/** Earliest first; ties by kind then label, so lists are stable. */
export function compareDeadlines(a: Deadline, b: Deadline): number {
  return (
    compare(a.dueDate, b.dueDate) ||
    DEADLINE_KINDS.indexOf(a.kind) - DEADLINE_KINDS.indexOf(b.kind) ||
    a.label.localeCompare(b.label, 'pl')
  );
}
