/**
 * Polish as an office writes it on paper, in one place for every printed document, the court
 * bundle and the screens that show the same values: agreement with a person's sex, numerals with
 * the right noun and verb forms, amounts, percentages and dates in Polish form, and the
 * typographic rules of Polish print (no one-letter word at a line end, "2026 r." kept together).
 *
 * Pure functions, no clock, no DOM, no Node.
 */
import { formatPolishDate, type IsoDate } from './domain/dates';
import { plural } from './text';

export { formatZl } from './domain/income';
export { plural, count } from './text';

/** A space the line may not break at (DejaVu Sans has it; react-pdf breaks lines at U+0020 only). */
export const NBSP = '\u00a0';

export type Sex = 'F' | 'M';

/** The form that agrees with the person's sex: bySex('F', 'działający', 'działająca') → 'działająca'. */
export function bySex(sex: Sex, masculine: string, feminine: string): string {
  return sex === 'F' ? feminine : masculine;
}

/** The noun after a number: 1 osoba, 2–4 osoby (but 12–14 osób), 5+ osób; NBSP between. */
export function countOf(n: number, forms: { one: string; few: string; many: string }): string {
  return `${n}${NBSP}${plural(n, forms.one, forms.few, forms.many)}`;
}

export const PERSONS = { one: 'osoba', few: 'osoby', many: 'osób' } as const;

/**
 * The verb agrees with the numeral: "wchodzi 1 osoba", "wchodzą 3 osoby", "wchodzi 5 osób"
 * (a numeral of 5 and more takes a singular verb, 2–4 a plural one).
 */
export function verbForCount(n: number, singular: string, pluralVerb: string): string {
  const abs = Math.abs(n);
  const units = abs % 10;
  const tens = abs % 100;
  return abs !== 1 && units >= 2 && units <= 4 && !(tens >= 12 && tens <= 14) ? pluralVerb : singular;
}

/** "W skład rodziny wchodzą 3 osoby", "W skład rodziny wchodzi 5 osób". */
export function familySizeSentence(n: number): string {
  return `W skład rodziny ${verbForCount(n, 'wchodzi', 'wchodzą')} ${countOf(n, PERSONS)}`;
}

const MONTHS_GENITIVE = [
  'stycznia',
  'lutego',
  'marca',
  'kwietnia',
  'maja',
  'czerwca',
  'lipca',
  'sierpnia',
  'września',
  'października',
  'listopada',
  'grudnia',
] as const;

/** '2026-06-01' → '1 czerwca 2026 r.' (running text; day, month and "r." never split over lines). */
export function formatDateLong(date: IsoDate): string {
  const short = formatPolishDate(date); // validates
  const [day = '', month = '', year = ''] = short.split('.');
  return `${Number(day)}${NBSP}${MONTHS_GENITIVE[Number(month) - 1] ?? ''} ${year}${NBSP}r.`;
}

/** '2026-06-01' → '01.06.2026' (tables, compact places). */
export function formatDateShort(date: IsoDate): string {
  return formatPolishDate(date);
}

/** 47.74 → '47,74 %' (the office's form: comma, a non-breaking space before the sign). */
export function formatPercent(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) throw new RangeError('Nieprawidłowa wartość procentowa.');
  return `${value.toFixed(decimals).replace('.', ',')}${NBSP}%`;
}

// ---- typesetting -----------------------------------------------------------------------------

/** A one-letter word (a, i, o, u, w, z and capitals) after a space, a bracket or a quote, then a space. */
const ONE_LETTER = /(^|[\s(„"«—–-])([aiouwzAIOUWZ])[ ](?=\S)/g;
/** Abbreviations that stay with the number after them: "art. 15", "ust. 2", "pkt 1", "nr 218", "poz. 1439", "§ 3". */
const BEFORE_NUMBER = /(^|[\s(])(art\.|ust\.|pkt|nr|poz\.|§|Dz\.U\.|str\.|s\.|t\.j\.|godz\.|ul\.|m\.)[ ](?=[\dIVXL])/g;
/** A number and what follows it as a unit: "2026 r.", "3 osoby", "15 m²", "100 zł", "47,74 %". */
const NUMBER_UNIT = /(\d)[ ](?=r\.|zł|gr\b|%|osob|osób|dni|dzie|mies|lat|rok|tyg|godz|km|m²|m2|ha\b|szt)/g;

/**
 * Applies Polish typographic rules to a text before it is printed: a one-letter word is tied to the
 * next one, an abbreviation to its number, a number to its unit. Only ordinary spaces are replaced
 * (by NBSP); line breaks and everything else stay as they are. Idempotent.
 */
export function typeset(text: string): string {
  if (text.length < 3) return text;
  // Applied twice: "w i z" chains share their spaces, which one global pass skips.
  let result = text.replace(ONE_LETTER, `$1$2${NBSP}`).replace(ONE_LETTER, `$1$2${NBSP}`);
  result = result.replace(BEFORE_NUMBER, `$1$2${NBSP}`);
  result = result.replace(NUMBER_UNIT, `$1${NBSP}`);
  return result;
}

/**
 * Cuts a text to at most `max` characters at a word boundary, adding "…" when something was cut:
 * prefill text is never cut in the middle of a word.
 */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  const head = (lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:–-]+$/, '');
  return `${head}…`;
}

// ---- people and families -----------------------------------------------------------------------

/** Relations to the applicant as printed for a person of the given sex ("partnerka", never "partner / partnerka"). */
const RELATION_BY_SEX: Record<string, { F: string; M: string }> = {
  applicant: { F: 'osoba, której dotyczy sprawa', M: 'osoba, której dotyczy sprawa' },
  spouse: { F: 'żona', M: 'mąż' },
  partner: { F: 'partnerka', M: 'partner' },
  child: { F: 'córka', M: 'syn' },
  parent: { F: 'matka', M: 'ojciec' },
  grandparent: { F: 'babcia', M: 'dziadek' },
  sibling: { F: 'siostra', M: 'brat' },
  other: { F: 'inna osoba', M: 'inna osoba' },
};

/** "partnerka" for a woman recorded as 'partner'; an unknown relation is printed as recorded. */
export function relationOf(relation: string, sex: Sex): string {
  return RELATION_BY_SEX[relation]?.[sex] ?? relation;
}

/**
 * "Rodzina Kowalskich": adjectival surnames (-ski, -cki, -dzki and their feminine forms) take the
 * genitive plural; others stay as they are ("Rodzina Nowak", "Rodzina Kovalenko"), as offices write.
 */
export function familyName(lastName: string): string {
  const name = lastName.trim();
  const adjectival = /^(.*?)(sk|ck|dzk)(i|a)$/u.exec(name);
  if (adjectival && !name.includes('-')) return `Rodzina ${adjectival[1] ?? ''}${adjectival[2] ?? ''}ich`;
  return `Rodzina ${name}`;
}

/** "klient" / "klientka" (lower case: inside a sentence). */
export function clientNoun(sex: Sex): string {
  return bySex(sex, 'klient', 'klientka');
}
