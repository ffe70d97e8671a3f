/**
 * Folding for search and duplicate detection: lower case, Polish (and other Latin) diacritics
 * removed, so that "Zolc" finds "Żółć" and "ZÓŁĆ". ł/Ł have no decomposition and are mapped by hand.
 */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The key persons are matched by (before a new one is created): folded "surname firstname". */
export function personKey(lastName: string, firstName: string): string {
  return fold(`${lastName} ${firstName}`);
}
