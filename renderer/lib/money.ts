/** Amounts in the forms: typed in złote (NumberField with `asUnits`), held as integer grosze. */
import { MAX_AMOUNT_GR } from '../../shared/domain/income';

/** An amount field's grosze for the income test: empty is 0 zł; null when it is not an amount. */
export function amountGr(gr: number | null): number | null {
  if (gr === null) return 0;
  return Number.isSafeInteger(gr) && gr >= 0 && gr <= MAX_AMOUNT_GR ? gr : null;
}

/** The Polish message for an amount field that is not an amount (null when it is fine). */
export function amountProblem(label: string, gr: number | null): string | null {
  if (gr === null) return null;
  if (!Number.isSafeInteger(gr) || gr < 0) return `${label}: wpisz kwotę w złotych, np. 1234,56.`;
  if (gr > MAX_AMOUNT_GR) return `${label}: kwota przekracza 10 000 000 zł — sprawdź, czy nie ma pomyłki.`;
  return null;
}
