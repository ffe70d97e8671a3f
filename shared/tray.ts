/**
 * The work tray on the wire (issue 8): everything due for the signed-in user, grouped overdue /
 * within 7 days / later (shared/domain/deadlines.ts classifyDeadline), each item linking to its
 * case; the kierownik also sees the whole office and the assistants' caseloads.
 */
import { z } from 'zod';
import type { CaseloadView } from './cases';
import type { IsoDate } from './domain/dates';
import type { DeadlineKind, DeadlineUrgency } from './domain/deadlines';
import { pageSchema, pageSizeSchema } from './paging';

export const TRAY_LIMIT_DEFAULT = 50;

const groupPages = z.object({ overdue: pageSchema, this_week: pageSchema, later: pageSchema }).partial();

export const trayQuerySchema = z.object({
  /** Items listed per group (all are counted): overdue, within 7 days, later. */
  limit: pageSizeSchema('zadań', TRAY_LIMIT_DEFAULT),
  /** The page each group shows ("Pokaż więcej"), 1 when not given: "mine", and the kierownik's "office". */
  pages: z.object({ mine: groupPages, office: groupPages }).partial().default({}),
});
export type TrayQuery = z.output<typeof trayQuerySchema>;
/** Per group: how many items come before the listed ones. */
export type TrayOffsets = Record<DeadlineUrgency, number>;

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
  /** How many items the group has; `items` lists one page of them (`offset` before it). */
  total: number;
  offset: number;
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
