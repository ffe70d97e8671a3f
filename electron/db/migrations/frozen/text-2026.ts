/**
 * Frozen copy (December 2026) of the search folding of shared/domain/text.ts for migration 0004:
 * lower case, diacritics removed (ł/Ł by hand), runs of white space made one space, trimmed.
 * Never edit this file; see README.md here.
 */
export function foldForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
