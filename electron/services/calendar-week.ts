/**
 * The calendar week (issue 15, item 11): the signed-in user's tray items (data/queries/tray.ts, the
 * same rules and scope as TrayService.get: the social worker's cases, the assistant's families, the
 * kierownik's decisions) that fall from Monday to Sunday of the week asked for, day by day, each
 * day's list cut at `perDay` with every item counted.
 */
import type { EntityManager } from 'typeorm';
import { mondayOf, weekdayName, type CalendarWeekQuery, type CalendarWeekView } from '../../shared/calendar';
import { holidayName, isWorkingDay } from '../../shared/domain/calendar';
import { addDays, compare, type IsoDate } from '../../shared/domain/dates';
import { classifyDeadline } from '../../shared/domain/deadlines';
import type { TrayItem } from '../../shared/tray';
import type { Actor } from './cases';
import { ASSISTANT_KINDS, collectDeadlines, compareDeadlinesFast, HEAD_KINDS, WORKER_KINDS, type CaseDeadline } from '../data/queries/tray';

export async function calendarWeek(m: EntityManager, actor: Actor, today: IsoDate, query: CalendarWeekQuery): Promise<CalendarWeekView> {
  const from = mondayOf(query.weekOf);
  const to = addDays(from, 6);
  const { id, roles } = actor.user;
  const mine: CaseDeadline[] = [];
  if (roles.includes('head')) mine.push(...(await collectDeadlines(m, { kind: 'office' }, HEAD_KINDS)));
  if (roles.includes('social_worker')) mine.push(...(await collectDeadlines(m, { kind: 'worker', userId: id }, WORKER_KINDS)));
  if (roles.includes('family_assistant')) mine.push(...(await collectDeadlines(m, { kind: 'assistant', userId: id }, ASSISTANT_KINDS)));
  const inWeek = mine.filter((d) => compare(d.dueDate, from) >= 0 && compare(d.dueDate, to) <= 0).sort(compareDeadlinesFast);
  const days = Array.from({ length: 7 }, (_, index) => {
    const date = addDays(from, index);
    const due = inWeek.filter((d) => d.dueDate === date);
    const items: TrayItem[] = due.slice(0, query.perDay).map((d) => ({
      kind: d.kind,
      caseId: d.caseId,
      caseNumber: d.caseNumber,
      familyName: d.familyName,
      label: d.label,
      dueDate: d.dueDate,
      subjectId: d.subjectId ?? null,
      urgency: classifyDeadline(d.dueDate, today),
    }));
    return { date, weekday: weekdayName(date), holiday: holidayName(date), workingDay: isWorkingDay(date), total: due.length, items };
  });
  return { today, from, to, days };
}
