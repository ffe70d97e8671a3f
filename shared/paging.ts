/**
 * Paging inputs of every list that can grow (issue 17): a page number from 1, and a page size of
 * at most PAGE_SIZE_MAX, validated like any other input with Polish messages.
 */
import { z } from 'zod';

export const PAGE_SIZE_MAX = 200;

export const pageSchema = z
  .number({ error: 'Numer strony musi być liczbą.' })
  .int({ error: 'Numer strony musi być liczbą całkowitą.' })
  .min(1, { error: 'Numer strony zaczyna się od 1.' })
  .max(1_000_000, { error: 'Numer strony jest za duży.' });

/** `what`: the listed things in the genitive plural, "spraw", "zadań", "dokumentów". */
export function pageSizeSchema(what: string, fallback: number) {
  return z
    .number({ error: `Liczba ${what} na stronie musi być liczbą.` })
    .int({ error: `Liczba ${what} na stronie musi być liczbą całkowitą.` })
    .min(1, { error: 'Na stronie musi być co najmniej 1 pozycja.' })
    .max(PAGE_SIZE_MAX, { error: `Na stronie może być najwyżej ${PAGE_SIZE_MAX} ${what}.` })
    .default(fallback);
}
