/**
 * Calendar dates as ISO strings 'YYYY-MM-DD'.
 *
 * A legal deadline is a calendar day, not an instant: no time zone may move it. So dates never
 * pass through `Date` here; they are computed as day numbers with pure integer arithmetic
 * (proleptic Gregorian calendar), and the machine clock is never read: "today" is always an argument.
 */
import { z } from 'zod';

/** A calendar date 'YYYY-MM-DD' (year 0001–9999). Check untrusted input with `isValidIsoDate`. */
export type IsoDate = string;

export interface DateParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** 0 = Sunday … 6 = Saturday (as `Date.prototype.getUTCDay`). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when the numbers name a real calendar day (30 February and 29 February 2025 do not). */
export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** The parts of a valid 'YYYY-MM-DD' string, or null (wrong shape or a day that does not exist). */
export function parseIsoDate(value: string): DateParts | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

export function isValidIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseIsoDate(value) !== null;
}

/** Like parseIsoDate, but a wrong date is a programming error here: throws with a Polish message. */
export function toParts(value: IsoDate): DateParts {
  const parts = parseIsoDate(value);
  if (!parts) throw new RangeError(`Nieprawidłowa data: „${value}” (oczekiwano RRRR-MM-DD).`);
  return parts;
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  if (!isRealDate(year, month, day)) {
    throw new RangeError(`Nieprawidłowa data: ${year}-${month}-${day}.`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Days since 1970-01-01 and back (H. Hinnant's days_from_civil / civil_from_days).
function dayNumber({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(n: number): IsoDate {
  const z0 = n + 719468;
  const era = Math.floor(z0 / 146097);
  const doe = z0 - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate(year, month, day);
}

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(date: IsoDate): number {
  return dayNumber(toParts(date));
}

export function fromDayNumberToIso(dayNo: number): IsoDate {
  if (!Number.isInteger(dayNo)) throw new RangeError('Numer dnia musi być liczbą całkowitą.');
  return fromDayNumber(dayNo);
}

/** The date n calendar days later (n may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError('Liczba dni musi być liczbą całkowitą.');
  return fromDayNumber(toDayNumber(date) + n);
}

/** Calendar days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** -1, 0 or 1: usable as a sort comparator. */
export function compare(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const d = toDayNumber(a) - toDayNumber(b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return compare(a, b) < 0;
}

export function isAfter(a: IsoDate, b: IsoDate): boolean {
  return compare(a, b) > 0;
}

/** True when from ≤ date ≤ to; a null `to` means open-ended. */
export function isWithin(date: IsoDate, from: IsoDate, to: IsoDate | null): boolean {
  return compare(date, from) >= 0 && (to === null || compare(date, to) <= 0);
}

/**
 * The same day n months later (n may be negative); when that month is shorter, its last day.
 * This is how art. 112 k.c. ends a period counted in months (31 August + 6 months = 28/29 February).
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError('Liczba miesięcy musi być liczbą całkowitą.');
  const { year, month, day } = toParts(date);
  const index = year * 12 + (month - 1) + n;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return formatIsoDate(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

export function dayOfWeek(date: IsoDate): Weekday {
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(date) + 4) % 7) + 7) % 7) as Weekday;
}

export function isWeekend(date: IsoDate): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

/** 'DD.MM.RRRR', the form used in Polish documents. */
export function formatPolishDate(date: IsoDate): string {
  const { year, month, day } = toParts(date);
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${String(year).padStart(4, '0')}`;
}

/** A required date field; `required` is what an empty field says (a form's date picker sends ''). */
export function requiredIsoDate(required = 'Data jest wymagana.') {
  return calendarDate(required)
    // Valid but absurd years (0001, 9999) would pass every rule after them (issue 14).
    .refine((value) => value >= MIN_DATE && value <= MAX_DATE, { error: 'Data musi mieścić się w latach 1900–2100.' });
}

/** A real calendar day, any year: only for a date whose range is checked with its context (a birth date against the PESEL). */
export function calendarDate(required = 'Data jest wymagana.') {
  return z
    .string({ error: required })
    .min(1, { error: required, abort: true })
    .max(10, { error: 'Nieprawidłowa data (oczekiwano RRRR-MM-DD).' })
    .refine((value) => parseIsoDate(value) !== null, { error: 'Nieprawidłowa data (oczekiwano RRRR-MM-DD).', abort: true });
}

/** The dates the office's records may hold. */
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2100-12-31';

/** The schema forms and the main process use for a date field. */
export const isoDateSchema = requiredIsoDate();
