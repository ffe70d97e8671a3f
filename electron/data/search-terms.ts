/**
 * What a search typed into the header looks for, the same on both engines: folded like the index
 * (shared/domain/text.ts: "Żółć" and "zolc" are the same), split into words, each word its runs of
 * letters and digits ("OPS.AR.12" → ops, ar, 12, to be found in a row). The embedded search makes
 * an FTS5 query of them (ftsQuery), the server a tsquery (tsQuery); `searchMatch` gives both, for
 * the search (data/queries/search.ts) and the case list's text filter alike. Only letters and
 * digits reach either engine's query syntax.
 */
import type { CaseStatus } from '../../shared/domain/caseFlow';
import { fold } from '../../shared/domain/text';
import { SEARCH_MIN_CHARS, type SearchHit } from '../../shared/search';

/** At most this many words are searched for. */
const MAX_WORDS = 8;

const STREET_PREFIX = /^(ul|al|os|pl)\.?$/;

/** The words' tokens, or null when the input has too little to search for. */
export function searchTerms(input: string): string[][] | null {
  const terms: string[][] = [];
  let chars = 0;
  const words = fold(input).split(' ');
  for (const word of words) {
    // "ul." and the like are not indexed: as a word of a longer query they are skipped.
    if (words.length > 1 && STREET_PREFIX.test(word)) continue;
    const tokens = word.match(/[\p{L}\p{N}]+/gu);
    if (!tokens) continue;
    chars += tokens.join('').length;
    terms.push(tokens);
    if (terms.length === MAX_WORDS) break;
  }
  return chars >= SEARCH_MIN_CHARS ? terms : null;
}

/**
 * The FTS5 query for what the user typed, or null when it has too little to search for: each word
 * one quoted phrase with a prefix star. "Żółć Kac" → `"zolc"* "kac"*`; "OPS.AR.12.2026" →
 * `"ops ar 12 2026"*` (a phrase: the parts in a row).
 */
export function ftsQuery(input: string): string | null {
  return searchTerms(input)?.map((tokens) => `"${tokens.join(' ')}"*`).join(' ') ?? null;
}

/**
 * The same words as a PostgreSQL tsquery: each word a phrase of its tokens, the last one a prefix
 * ("Żółć Kac" → 'zolc':* & 'kac':*; "OPS.AR.12" → 'ops' <-> 'ar' <-> '12':*).
 */
export function tsQuery(input: string): string | null {
  const terms = searchTerms(input);
  if (!terms) return null;
  return terms.map((tokens) => tokens.map((token, i) => `'${token}'${i === tokens.length - 1 ? ':*' : ''}`).join(' <-> ')).join(' & ');
}

/** What the user typed as each engine's query (null: too little to search for). */
export interface SearchMatch {
  fts: string;
  tsquery: string;
}

export function searchMatch(input: string): SearchMatch | null {
  const fts = ftsQuery(input);
  const tsquery = tsQuery(input);
  return fts && tsquery ? { fts, tsquery } : null;
}

/** A hit as both engines' queries return it (search_doc's label, members as JSON text). */
export interface SearchHitRow {
  caseId: string;
  number: string;
  status: string;
  familyName: string;
  members: string;
  address: string;
}

export function searchHit(row: SearchHitRow): SearchHit {
  return {
    caseId: row.caseId,
    number: row.number,
    status: row.status as CaseStatus,
    familyName: row.familyName,
    members: JSON.parse(row.members) as string[],
    address: row.address,
  };
}
