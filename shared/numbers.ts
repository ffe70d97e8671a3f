/**
 * Numbers as people type them into the forms: the one parser behind every numeric and money
 * field (renderer/components/NumberField.tsx) and behind amounts read from text (parseZl).
 *
 * - A decimal comma or a decimal point: "2,5" and "2.5" are both two and a half.
 * - Spaces (also non-breaking and thin ones) group thousands: "1 010,50".
 * - Nothing is dropped or rounded silently: more decimals than the field keeps, two separators
 *   ("1.010,50"), a sign, letters — each is refused with a Polish reason, and the text stays.
 * - A separator typed last ("2,") is read as the whole number, so a value typed digit by digit
 *   is never lost on the way.
 */

export interface DecimalRules {
  /** Decimal places the field keeps (0: whole numbers only). */
  scale: number;
  min?: number;
  max?: number;
  /** A unit the user may type after the number ("zł", "ha"); shown in range messages. */
  unit?: string;
}

export type DecimalResult =
  | {
      ok: true;
      /** null for an empty field. */
      value: number | null;
      /** The value × 10^scale as an integer (grosze for złote); null for an empty field. */
      units: number | null;
    }
  | { ok: false; message: string };

const SPACES = /[\s\u00a0\u2007\u202f\u2009]/g;

/** Reads a typed number by the field's rules; never rounds, never drops a digit. */
export function parseDecimal(text: string, rules: DecimalRules): DecimalResult {
  let compact = text.replace(SPACES, '');
  if (rules.unit) {
    const unit = rules.unit.replace(SPACES, '').toLowerCase();
    if (compact.toLowerCase().endsWith(unit)) compact = compact.slice(0, compact.length - unit.length);
  }
  if (compact === '') return { ok: true, value: null, units: null };
  const example = rules.scale > 0 ? `np. ${formatDecimal(2.5, rules.scale)}` : 'np. 12';
  if (/^[-−–]/.test(compact)) return { ok: false, message: 'Wpisz liczbę bez znaku minus.' };
  if (/[^\d.,]/.test(compact)) return { ok: false, message: `Wpisz samą liczbę, ${example}.` };
  const separators = compact.replace(/\d/g, '');
  if (separators.length > 1) {
    return {
      ok: false,
      message:
        rules.scale > 0
          ? 'Wpisz liczbę z jednym przecinkiem dziesiętnym (tysięcy nie oddziela się kropką ani przecinkiem), np. 1010,50.'
          : 'Wpisz liczbę bez kropek i przecinków, np. 1010.',
    };
  }
  const match = /^(\d*)(?:[.,](\d*))?$/.exec(compact);
  const whole = match?.[1] ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || (whole === '' && fraction === '')) return { ok: false, message: `Wpisz liczbę, ${example}.` };
  if (fraction.length > rules.scale) {
    return {
      ok: false,
      message:
        rules.scale === 0
          ? 'Wpisz liczbę całkowitą, bez części po przecinku.'
          : `Wpisz najwyżej ${rules.scale} ${rules.scale === 1 ? 'cyfrę' : rules.scale < 5 ? 'cyfry' : 'cyfr'} po przecinku.`,
    };
  }
  const unitsBig = BigInt(whole === '' ? '0' : whole) * 10n ** BigInt(rules.scale) + BigInt(fraction.padEnd(rules.scale, '0') || '0');
  if (unitsBig > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, message: 'Liczba jest za duża.' };
  const units = Number(unitsBig);
  // The nearest double to the decimal the user typed (no multiplication drift).
  const value = Number(`${whole === '' ? '0' : whole}.${fraction || '0'}`);
  const suffix = rules.unit ? ` ${rules.unit}` : '';
  if (rules.min !== undefined && value < rules.min) {
    return { ok: false, message: `Wpisz co najmniej ${formatDecimal(rules.min, rules.scale)}${suffix}.` };
  }
  if (rules.max !== undefined && value > rules.max) {
    return { ok: false, message: `Wpisz najwyżej ${formatDecimal(rules.max, rules.scale)}${suffix}.` };
  }
  return { ok: true, value, units };
}

/**
 * A number as the field shows it back: decimal comma, thousands grouped by spaces, the decimals
 * it has (up to `scale`, trailing zeros dropped unless `fixed`): 2.5 → "2,5", 1010.5 → "1 010,5".
 */
export function formatDecimal(value: number, scale: number, options: { fixed?: boolean } = {}): string {
  const negative = value < 0;
  const [whole = '0', fraction = ''] = Math.abs(value).toFixed(scale).split('.');
  const trimmed = options.fixed ? fraction : fraction.replace(/0+$/, '');
  const grouped = whole.length > 3 ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : whole;
  return `${negative ? '-' : ''}${grouped}${trimmed ? `,${trimmed}` : ''}`;
}

/** Integer units (e.g. grosze) back to the number (złote) they stand for, exactly. */
export function unitsToValue(units: number, scale: number): number {
  return Number(formatDecimal(units / 10 ** scale, scale, { fixed: true }).replace(/ /g, '').replace(',', '.'));
}
