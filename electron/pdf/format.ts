/**
 * Formatting of the values printed on documents. Pure functions, no clock. The Polish forms
 * themselves (dates, amounts, numerals, typesetting) are in shared/polish.ts, shared with the
 * court bundle and the screens.
 */
import { isValidIsoDate, toParts } from '../../shared/domain/dates';
import type { DateRange, IsoDate, PostalAddress } from './models';

/**
 * Dates as shared/polish.ts writes them for the screens and the exports alike (each refuses a
 * date that does not exist): formatDate '2025-03-07' → '07.03.2025' (tables), formatDateLong →
 * '7 marca 2025 r.' (running text, the date line).
 */
export { formatDateShort as formatDate, formatDateLong } from '../../shared/polish';
import { formatDateShort as formatDate } from '../../shared/polish';

/** True for a real calendar date written 'YYYY-MM-DD' (the model check of render.ts). */
export const isIsoDate = isValidIsoDate;

/** The PDF metadata date: midnight UTC of the given day, so reprints give identical bytes. */
export function metadataDate(value: IsoDate): Date {
  const { year, month, day } = toParts(value);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
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
