/**
 * Frozen copy (December 2026) of the working-day rule of shared/domain/calendar.ts for the
 * migrations 0008 and 0010: Monday to Friday, not a Polish public holiday (ustawa z 18.01.1951 o
 * dniach wolnych od pracy: 6 January from 2011, 24 December from 2025). Never edit this file; see
 * README.md here.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function toUtc(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

function iso(date: Date): string {
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  return `${year}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/** 'YYYY-MM-DD' naming a day that exists (years 0001–9999). */
export function isValidIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && iso(toUtc(year, month, day)) === value;
}

/** Easter Sunday (anonymous Gregorian computus), as a UTC midnight. */
function easter(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return toUtc(year, Math.floor(n / 31), (n % 31) + 1);
}

function holidays(year: number): Set<string> {
  const sunday = easter(year).getTime();
  const fixed = ['01-01', '05-01', '05-03', '08-15', '11-01', '11-11', '12-25', '12-26'];
  if (year >= 2011) fixed.push('01-06');
  if (year >= 2025) fixed.push('12-24');
  const movable = [0, 1, 49, 60].map((days) => iso(new Date(sunday + days * DAY_MS)));
  return new Set([...fixed.map((monthDay) => `${String(year).padStart(4, '0')}-${monthDay}`), ...movable]);
}

/** The n-th working day after start (start itself not counted); start when n is 0. */
export function addWorkingDays(start: string, n: number): string {
  const [year, month, day] = start.split('-').map(Number) as [number, number, number];
  let date = toUtc(year, month, day);
  let left = n;
  while (left > 0) {
    date = new Date(date.getTime() + DAY_MS);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays(date.getUTCFullYear()).has(iso(date))) left -= 1;
  }
  return iso(date);
}
