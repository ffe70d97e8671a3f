/** Amounts in the forms: typed in złote with a comma ('1 234,56'), stored as integer grosze. */
import { MAX_AMOUNT_GR, parseZl } from '../../shared/domain/income';

/** Grosze as the form shows them: '1234,56' (no spaces, so it can be typed over). */
export function grToInput(gr: number): string {
  return `${Math.floor(gr / 100)},${String(gr % 100).padStart(2, '0')}`;
}

/** An amount field's value to grosze: an empty field is 0 zł; null when it is not an amount. */
export function inputToGr(text: string): number | null {
  if (text.trim() === '') return 0;
  const gr = parseZl(text);
  return gr !== null && gr <= MAX_AMOUNT_GR ? gr : null;
}

/** The Polish message for an amount field that is not an amount (null when it is fine). */
export function amountProblem(label: string, text: string): string | null {
  if (text.trim() === '') return null;
  const gr = parseZl(text);
  if (gr === null) return `${label}: wpisz kwotę w złotych, np. 1234,56.`;
  if (gr > MAX_AMOUNT_GR) return `${label}: kwota przekracza 10 000 000 zł — sprawdź, czy nie ma pomyłki.`;
  return null;
}
