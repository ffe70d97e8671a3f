/**
 * Where react-pdf may break a word. Documents are not hyphenated; react-pdf breaks lines only at
 * spaces and at the points a hyphenation callback returns, and a word wider than its box is
 * drawn past the box's edge (over the next table column, or off the page). So a word gets break
 * points only when it cannot fit the width it is printed in:
 * - a compound is broken at its hyphen, which is repeated on the next line, as Polish
 *   typography does ("Źrebiec-" / "-Ćwikła": react-pdf adds the first, the part keeps the second);
 * - a piece still too wide (a long code, an address without spaces) is cut where it must be.
 */
import { Font } from '@react-pdf/renderer';
import { FONT_SANS } from './font-family';

export type HyphenationCallback = (word: string) => string[];

/** What is needed of a loaded fontkit font to measure text. */
interface MeasurableFont {
  layout(text: string): { advanceWidth: number };
  unitsPerEm: number;
}

/** The hyphen react-pdf inserts at a break, with a margin for kerning; in em. */
const HYPHEN_ALLOWANCE_EM = 0.45;
/** No glyph of DejaVu Sans (Bold) used in Polish text is wider than this, in em. */
const WIDEST_CHAR_EM = 1.05;

const charWidthCache = new Map<string, number>();

function loadedFont(bold: boolean): MeasurableFont | null {
  const source = Font.getFont({ fontFamily: FONT_SANS, fontWeight: bold ? 700 : 400, fontStyle: 'normal' });
  return source.data as unknown as MeasurableFont | null;
}

/** Width of one character in em (cached per weight). */
function charWidthEm(char: string, bold: boolean): number {
  const key = `${bold ? 'b' : 'r'}${char}`;
  let width = charWidthCache.get(key);
  if (width === undefined) {
    const font = loadedFont(bold);
    width = font === null ? WIDEST_CHAR_EM : font.layout(char).advanceWidth / font.unitsPerEm;
    charWidthCache.set(key, width);
  }
  return width;
}

function widthEm(text: string, bold: boolean): number {
  let width = 0;
  for (const char of text) width += charWidthEm(char, bold);
  return width;
}

/** Cuts `piece` into parts each narrower than `maxEm` (leaving room for the inserted hyphen). */
function cut(piece: string, maxEm: number, bold: boolean): string[] {
  const parts: string[] = [];
  let current = '';
  let currentWidth = 0;
  for (const char of piece) {
    const width = charWidthEm(char, bold);
    if (current !== '' && currentWidth + width + HYPHEN_ALLOWANCE_EM > maxEm) {
      parts.push(current);
      current = '';
      currentWidth = 0;
    }
    current += char;
    currentWidth += width;
  }
  if (current !== '') parts.push(current);
  return parts;
}

/**
 * A callback for text printed in a box `widthPt` wide at `fontSize`: words that fit get no
 * break points; wider ones are split as described above. Fonts must be loaded (loadFonts()).
 */
export function fitWordsTo(widthPt: number, fontSize: number, bold = false): HyphenationCallback {
  const maxEm = widthPt / fontSize;
  // Words this short fit whatever their letters: skip measuring them (most words).
  const alwaysFits = Math.floor(maxEm / WIDEST_CHAR_EM);
  return (word: string): string[] => {
    if (word.length <= alwaysFits || widthEm(word, bold) <= maxEm) return [word];
    const pieces = word.split(/(?<=.)(?=-)/u);
    return pieces.flatMap((piece) => (widthEm(piece, bold) + HYPHEN_ALLOWANCE_EM <= maxEm ? [piece] : cut(piece, maxEm, bold)));
  };
}

/**
 * The default for all text: the narrowest boxes running text is set in (addressee, signature
 * and label/value columns) are about 200 pt wide. Table cells pass their own width.
 */
export const defaultHyphenation: HyphenationCallback = fitWordsTo(190, 10, true);
