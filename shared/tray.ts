/**
 * The work tray on the wire (issue 8): everything due for the signed-in user, grouped overdue /
 * within 7 days / later (shared/domain/deadlines.ts classifyDeadline), each item linking to its
 * case; the kierownik also sees the whole office and the assistants' caseloads.
 */
import { z } from 'zod';
import type { CaseloadView } from './cases';
import type { IsoDate } from './domain/dates';
import type { DeadlineKind, DeadlineUrgency } from './domain/deadlines';

export const TRAY_LIMIT_MAX = 5000;

export const trayQuerySchema = z.object({
  /** Most items listed per group of the office's tray (all are counted). */
  officeLimit: z.number().int().min(1).max(TRAY_LIMIT_MAX).default(200),
});

export interface TrayItem {
  kind: DeadlineKind;
  caseId: string;
  caseNumber: string;
  /** The applicant, "Nazwisko Imię". */
  familyName: string;
  /** Polish, as in the case file's deadlines. */
  label: string;
  dueDate: IsoDate;
  /** The record to open: the request, interview, contract or plan (null: the case itself). */
  subjectId: string | null;
  urgency: DeadlineUrgency;
}

export interface TrayGroup {
  urgency: DeadlineUrgency;
  /** Polish heading (DEADLINE_URGENCY_LABELS). */
  label: string;
  /** How many items the group has; `items` may list fewer (the office's tray is capped). */
  total: number;
  items: TrayItem[];
}

export interface TrayList {
  /** Always three groups, in this order: overdue, this_week, later. */
  groups: TrayGroup[];
  /** Items by kind, over all groups. */
  byKind: Partial<Record<DeadlineKind, number>>;
}

export interface TrayView {
  today: IsoDate;
  /** What this user has to do: her cases as social worker, her families as assistant, the kierownik's decisions. */
  mine: TrayList;
  /** Kierownik only: every deadline of the office. */
  office: TrayList | null;
  /** Kierownik only: each active assistant's families against the limit. */
  caseloads: CaseloadView[] | null;
}
