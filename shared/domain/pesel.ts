/**
 * PESEL: 11 digits RRMMDDPPPPK (ustawa o ewidencji ludności, art. 15).
 * - RRMMDD: birth date; the century is carried in the month (+80 for 1800–1899, +0 for 1900–1999,
 *   +20 for 2000–2099, +40 for 2100–2199, +60 for 2200–2299);
 * - PPPP: serial, whose last digit is even for women and odd for men;
 * - K: check digit, (10 − Σ digit·weight mod 10) mod 10 with weights 1,3,7,9,1,3,7,9,1,3.
 */
import { z } from 'zod';
import { compare, formatIsoDate, formatPolishDate, isRealDate, toParts, type IsoDate } from './dates';

export type Sex = 'F' | 'M';

export const SEX_LABELS: Record<Sex, string> = { F: 'kobieta', M: 'mężczyzna' };

export const PESEL_MESSAGES = {
  length: 'PESEL musi mieć 11 cyfr.',
  digits: 'PESEL składa się z samych cyfr — usuń litery i inne znaki.',
  future: 'PESEL wskazuje datę urodzenia z przyszłości — sprawdź numer.',
  checksum: 'Nieprawidłowa cyfra kontrolna PESEL.',
  date: 'PESEL zawiera nieistniejącą datę urodzenia.',
  birthDateMismatch: 'Data urodzenia nie zgadza się z numerem PESEL.',
  sexMismatch: 'Płeć nie zgadza się z numerem PESEL.',
} as const;

export type PeselResult = { ok: true; birthDate: IsoDate; sex: Sex } | { ok: false; message: string };

const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3] as const;

/** Month offset → first year of the century it encodes. */
const CENTURIES = [
  { offset: 80, from: 1800 },
  { offset: 0, from: 1900 },
  { offset: 20, from: 2000 },
  { offset: 40, from: 2100 },
  { offset: 60, from: 2200 },
] as const;

export const PESEL_MIN_YEAR = 1800;
export const PESEL_MAX_YEAR = 2299;

function digitsOf(value: string): number[] {
  return Array.from(value, (ch) => ch.charCodeAt(0) - 48);
}

/** The check digit for the first 10 digits of a PESEL. */
export function peselCheckDigit(first10: string): number {
  if (!/^\d{10}$/.test(first10)) throw new RangeError('Do obliczenia cyfry kontrolnej potrzeba 10 cyfr.');
  const digits = digitsOf(first10);
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * (digits[i] ?? 0), 0);
  return (10 - (sum % 10)) % 10;
}

/**
 * Checks a PESEL and reads the birth date and sex it encodes. With `today`, a birth date after it
 * (01410111117 is 2101-01-01) is refused too.
 */
export function validatePesel(pesel: string, options: { today?: IsoDate } = {}): PeselResult {
  if (/[^\d]/.test(pesel)) return { ok: false, message: PESEL_MESSAGES.digits };
  if (!/^\d{11}$/.test(pesel)) return { ok: false, message: PESEL_MESSAGES.length };
  if (peselCheckDigit(pesel.slice(0, 10)) !== Number(pesel[10])) {
    return { ok: false, message: PESEL_MESSAGES.checksum };
  }
  const yy = Number(pesel.slice(0, 2));
  const encodedMonth = Number(pesel.slice(2, 4));
  const day = Number(pesel.slice(4, 6));
  const century = CENTURIES.find((c) => encodedMonth > c.offset && encodedMonth <= c.offset + 12);
  if (!century) return { ok: false, message: PESEL_MESSAGES.date };
  const year = century.from + yy;
  const month = encodedMonth - century.offset;
  if (!isRealDate(year, month, day)) return { ok: false, message: PESEL_MESSAGES.date };
  const sex: Sex = Number(pesel[9]) % 2 === 0 ? 'F' : 'M';
  const birthDate = formatIsoDate(year, month, day);
  if (options.today && compare(birthDate, options.today) > 0) {
    return { ok: false, message: `PESEL wskazuje datę urodzenia z przyszłości (${formatPolishDate(birthDate)}) — sprawdź numer.` };
  }
  return { ok: true, birthDate, sex };
}

/**
 * Cross-checks data typed in a form against the PESEL. A null / undefined field is not checked
 * (e.g. the birth date is still empty). An invalid PESEL answers with its own message.
 */
export function peselMatches(
  pesel: string,
  birthDate: IsoDate | null | undefined,
  sex: Sex | null | undefined,
): { ok: true } | { ok: false; message: string } {
  const result = validatePesel(pesel);
  if (!result.ok) return result;
  if (birthDate != null && birthDate !== result.birthDate) {
    return { ok: false, message: PESEL_MESSAGES.birthDateMismatch };
  }
  if (sex != null && sex !== result.sex) return { ok: false, message: PESEL_MESSAGES.sexMismatch };
  return { ok: true };
}

/** How many distinct PESELs exist per birth date and sex: 1000 serials × 5 sex digits. */
export const PESEL_SERIALS_PER_DAY_AND_SEX = 5000;

/**
 * A valid PESEL for demo data and tests. `serial` (0–4999) picks one of the 5000 numbers that exist
 * for the date and sex: digits 7–9 are floor(serial / 5), the sex digit is 2·(serial mod 5) (+1 for men).
 */
export function makePesel(birthDate: IsoDate, sex: Sex, serial: number): string {
  const { year, month, day } = toParts(birthDate);
  if (year < PESEL_MIN_YEAR || year > PESEL_MAX_YEAR) {
    throw new RangeError(`PESEL obejmuje daty urodzenia z lat ${PESEL_MIN_YEAR}–${PESEL_MAX_YEAR}.`);
  }
  if (!Number.isInteger(serial) || serial < 0 || serial >= PESEL_SERIALS_PER_DAY_AND_SEX) {
    throw new RangeError(`Numer kolejny musi być liczbą całkowitą od 0 do ${PESEL_SERIALS_PER_DAY_AND_SEX - 1}.`);
  }
  const century = CENTURIES.find((c) => year >= c.from && year < c.from + 100);
  if (!century) throw new RangeError('Nieobsługiwany wiek.');
  const two = (n: number) => String(n).padStart(2, '0');
  const sexDigit = 2 * (serial % 5) + (sex === 'M' ? 1 : 0);
  const first10 =
    two(year % 100) +
    two(month + century.offset) +
    two(day) +
    String(Math.floor(serial / 5)).padStart(3, '0') +
    String(sexDigit);
  return first10 + String(peselCheckDigit(first10));
}

/** The PESEL field of a form: surrounding spaces are ignored; the message is the validator's. */
export const peselSchema = z
  .string({ error: PESEL_MESSAGES.length })
  .max(40, { error: PESEL_MESSAGES.length })
  .trim()
  .superRefine((value, ctx) => {
    const result = validatePesel(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message });
  });
