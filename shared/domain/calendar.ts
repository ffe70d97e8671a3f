/**
 * Polish public holidays and working days of the office.
 *
 * Holidays: ustawa z 18.01.1951 o dniach wolnych od pracy, as amended (6 January from 2011,
 * 24 December from 2025). The list applies the current law to every year; it does not model
 * the holidays of the People's Republic (e.g. 22 July), which no case in the app needs.
 * Saturdays are days off for the office, so they never count as working days.
 */
import { addDays, compare, dayOfWeek, formatIsoDate, toParts, type IsoDate } from './dates';

export interface Holiday {
  date: IsoDate;
  /** Polish name shown in the calendar. */
  name: string;
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian computus: Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate(year, month, day);
}

const holidayCache = new Map<number, readonly Holiday[]>();

/** The public holidays of a year, sorted by date. */
export function polishHolidays(year: number): readonly Holiday[] {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const on = (month: number, day: number) => formatIsoDate(year, month, day);
  const list: Holiday[] = [
    { date: on(1, 1), name: 'Nowy Rok' },
    ...(year >= 2011 ? [{ date: on(1, 6), name: 'Święto Trzech Króli' }] : []),
    { date: easter, name: 'Wielkanoc' },
    { date: addDays(easter, 1), name: 'Poniedziałek Wielkanocny' },
    { date: on(5, 1), name: 'Święto Pracy' },
    { date: on(5, 3), name: 'Święto Konstytucji 3 Maja' },
    { date: addDays(easter, 49), name: 'Zielone Świątki' },
    { date: addDays(easter, 60), name: 'Boże Ciało' },
    { date: on(8, 15), name: 'Wniebowzięcie Najświętszej Maryi Panny' },
    { date: on(11, 1), name: 'Wszystkich Świętych' },
    { date: on(11, 11), name: 'Narodowe Święto Niepodległości' },
    ...(year >= 2025 ? [{ date: on(12, 24), name: 'Wigilia Bożego Narodzenia' }] : []),
    { date: on(12, 25), name: 'Boże Narodzenie (pierwszy dzień)' },
    { date: on(12, 26), name: 'Boże Narodzenie (drugi dzień)' },
  ];
  list.sort((x, y) => compare(x.date, y.date));
  const frozen = Object.freeze(list);
  holidayCache.set(year, frozen);
  return frozen;
}

/** The holiday's Polish name, or null when the date is not a public holiday. */
export function holidayName(date: IsoDate): string | null {
  const { year } = toParts(date);
  return polishHolidays(year).find((h) => h.date === date)?.name ?? null;
}

export function isHoliday(date: IsoDate): boolean {
  return holidayName(date) !== null;
}

/** Monday to Friday and not a public holiday. */
export function isWorkingDay(date: IsoDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !isHoliday(date);
}

/**
 * The last day of a term "within n working days of <start>": the start day is not counted;
 * the n-th working day after it is returned (so the result is always a working day when n ≥ 1).
 * n = 0 returns start itself.
 */
export function addWorkingDays(start: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError('Liczba dni roboczych musi być nieujemną liczbą całkowitą.');
  }
  let date = start;
  let left = n;
  while (left > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) left -= 1;
  }
  return date;
}

/**
 * Working days in the half-open range (a, b]: a is not counted, b is.
 * The inverse of addWorkingDays: workingDaysBetween(a, addWorkingDays(a, n)) === n.
 * Negative when b is before a.
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate): number {
  const order = compare(a, b);
  if (order === 0) return 0;
  if (order > 0) return -workingDaysBetween(b, a);
  let count = 0;
  for (let date = addDays(a, 1); compare(date, b) <= 0; date = addDays(date, 1)) {
    if (isWorkingDay(date)) count += 1;
  }
  return count;
}
