/**
 * Search over the office's cases on the wire (issue 8): by family members' names, PESEL or
 * identity document, address and case number, with or without Polish letters ("Zolc" finds
 * "Żółć"). The main process answers only with cases the user may open.
 */
import { z } from 'zod';
import type { CaseStatus } from './domain/caseFlow';

export const SEARCH_QUERY_MAX = 200;
export const SEARCH_LIMIT_MAX = 100;
/** Fewer letters and digits than this answer nothing (one letter matches half the office). */
export const SEARCH_MIN_CHARS = 2;

export const searchQuerySchema = z.object({
  query: z.string().max(SEARCH_QUERY_MAX, { error: `Wyszukiwanie: najwyżej ${SEARCH_QUERY_MAX} znaków.` }),
  limit: z.number().int().min(1).max(SEARCH_LIMIT_MAX).default(20),
});

export interface SearchHit {
  caseId: string;
  number: string;
  status: CaseStatus;
  /** The applicant, "Nazwisko Imię" (as in the case list). */
  familyName: string;
  /** Every member, "Nazwisko Imię", in the order entered. */
  members: string[];
  /** "ul. Polna 3, 74-202 Bielice". */
  address: string;
}
