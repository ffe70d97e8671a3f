/**
 * Formatting of the values printed on documents. Pure functions, no clock. The Polish forms
 * themselves (dates, amounts, numerals, typesetting) are in shared/polish.ts, shared with the
 * court bundle and the screens.
 */
import { formatDateLong as polishDateLong, formatDateShort } from '../../shared/polish';
import type { DateRange, IsoDate, PostalAddress } from './models';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function parseIsoDate(value: IsoDate): DateParts {
  const parts = tryParseIsoDate(value);
  if (parts === null) throw new Error(`Nieprawidłowa data w dokumencie: "${value}" (oczekiwano RRRR-MM-DD).`);
  return parts;
}

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && tryParseIsoDate(value) !== null;
}

function tryParseIsoDate(value: string): DateParts | null {
  const match = ISO_DATE.exec(value);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day) {
      return { year, month, day };
    }
  }
  return null;
}

/** '2025-03-07' → '07.03.2025' (tables, compact places): shared/polish.ts, after checking the date. */
export function formatDate(value: IsoDate): string {
  parseIsoDate(value);
  return formatDateShort(value);
}

/** '2025-03-07' → '7 marca 2025 r.' (running text, the date line): shared/polish.ts. */
export function formatDateLong(value: IsoDate): string {
  parseIsoDate(value);
  return polishDateLong(value);
}

/** The PDF metadata date: midnight UTC of the given day, so reprints give identical bytes. */
export function metadataDate(value: IsoDate): Date {
  const { year, month, day } = parseIsoDate(value);
  return new Date(Date.UTC(year, month - 1, day));
}

/** '2025-01-01'..'2025-06-30' → 'od 01.01.2025 do 30.06.2025'; open end → 'od 01.01.2025 (nadal)'. */
export function formatRange(range: DateRange): string {
  return range.to === null ? `od ${formatDate(range.from)} (nadal)` : `od ${formatDate(range.from)} do ${formatDate(range.to)}`;
}

/** Ends a sentence with a full stop, unless it already ends with one ("... 2025 r."). */
export function endSentence(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}

export function formatAddress(address: PostalAddress): string {
  return `${address.street}, ${address.postalCode} ${address.city}`;
}

/** Splits a free text into paragraphs at blank lines; trims; drops empty ones. */
export function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** True when an optional value carries nothing to print. */
export function isBlank(value: string | null | undefined): value is null | undefined | '' {
  return value === null || value === undefined || value.trim().length === 0;
}


/** Printed where a date is to be written by hand (a draft to be signed). */
export const BLANK_DATE = '....................';
