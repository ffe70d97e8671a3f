/**
 * The calendar week (issue 15, item 11): a user's visits and deadlines from Monday to Sunday, day
 * by day, with the Polish day names and public holidays — the same items as her tray (planned
 * visits with their type and place, plan tasks, assessments, wywiady…), listed by their dates.
 */
import { z } from 'zod';
import { addDays, dayOfWeek, isoDateSchema, type IsoDate } from './domain/dates';
import type { TrayItem } from './tray';

/** Monday first, as in a Polish calendar. */
export const WEEKDAY_NAMES = ['poniedziałek', 'wtorek', 'środa', 'czwartek', 'piątek', 'sobota', 'niedziela'] as const;

/** Items listed per day when not asked otherwise (every item is counted). */
export const CALENDAR_PER_DAY_DEFAULT = 20;

export const calendarWeekSchema = z.object({
  /** Any day of the week to show (the week runs Monday to Sunday). */
  weekOf: isoDateSchema,
  perDay: z
    .number({ error: 'Liczba pozycji dnia musi być liczbą.' })
    .int({ error: 'Liczba pozycji dnia musi być liczbą całkowitą.' })
    .min(1, { error: 'Co najmniej jedna pozycja dnia.' })
    .max(100, { error: 'Najwyżej 100 pozycji dnia.' })
    .default(CALENDAR_PER_DAY_DEFAULT),
});
export type CalendarWeekQuery = z.output<typeof calendarWeekSchema>;

export interface CalendarDay {
  date: IsoDate;
  /** "poniedziałek" … "niedziela". */
  weekday: (typeof WEEKDAY_NAMES)[number];
  /** A public holiday's name ("Wszystkich Świętych"); null: none. */
  holiday: string | null;
  /** A working day of the office (not a Saturday, Sunday or holiday). */
  workingDay: boolean;
  /** All of the day's items; `items` lists the first `perDay` of them. */
  total: number;
  items: TrayItem[];
}

export interface CalendarWeekView {
  today: IsoDate;
  /** Monday and Sunday of the week shown. */
  from: IsoDate;
  to: IsoDate;
  days: CalendarDay[];
}

/** The Monday of the week holding `date`. */
export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

/** The Polish name of a date's day of the week. */
export function weekdayName(date: IsoDate): (typeof WEEKDAY_NAMES)[number] {
  return WEEKDAY_NAMES[(dayOfWeek(date) + 6) % 7] ?? 'poniedziałek';
}
