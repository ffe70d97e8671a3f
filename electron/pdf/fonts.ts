/**
 * Font registration for every printed document.
 *
 * react-pdf falls back to Helvetica (a standard-14 font without Polish letters) whenever a
 * family is missing, so all documents use DejaVu Sans, shipped in ./fonts (see fonts/LICENSE).
 * Paths are absolute and come from the caller: the main process passes the folder it ships
 * the fonts in, tests pass the source folder. No import.meta.url: it does not survive the
 * CJS bundle (dist/electron/main.cjs, dist/electron/pdf-worker.cjs).
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { Font } from '@react-pdf/renderer';
import { FONT_SANS } from './font-family';
import { defaultHyphenation } from './hyphenation';

export { FONT_SANS } from './font-family';

/** The files the renderer needs in `fontDir`. */
export const FONT_FILES = {
  sansRegular: 'DejaVuSans.ttf',
  sansBold: 'DejaVuSans-Bold.ttf',
  sansOblique: 'DejaVuSans-Oblique.ttf',
  sansBoldOblique: 'DejaVuSans-BoldOblique.ttf',
} as const;

let registeredFrom: string | null = null;
let loading: Promise<void> | null = null;

/**
 * Registers the DejaVu families once per process (react-pdf's font store is global).
 * Throws when a file is missing: a silent fallback would print a document without Polish letters.
 */
export function registerFonts(fontDir: string): void {
  if (registeredFrom === fontDir) return;
  if (registeredFrom !== null) {
    // The store only appends sources, so a second folder would be ignored silently.
    throw new Error(`Czcionki zostały już zarejestrowane z folderu ${registeredFrom}; nie można ich zmienić na ${fontDir}.`);
  }
  if (!isAbsolute(fontDir)) {
    throw new Error(`Folder czcionek musi być ścieżką bezwzględną: ${fontDir}`);
  }
  const path = (file: string): string => {
    const full = join(fontDir, file);
    if (!existsSync(full)) {
      throw new Error(`Brak pliku czcionki ${full}. Zainstaluj program ponownie.`);
    }
    return full;
  };

  Font.register({
    family: FONT_SANS,
    fonts: [
      { src: path(FONT_FILES.sansRegular), fontWeight: 400, fontStyle: 'normal' },
      { src: path(FONT_FILES.sansBold), fontWeight: 700, fontStyle: 'normal' },
      { src: path(FONT_FILES.sansOblique), fontWeight: 400, fontStyle: 'italic' },
      { src: path(FONT_FILES.sansBoldOblique), fontWeight: 700, fontStyle: 'italic' },
    ],
  });

  // Official documents are not hyphenated (react-pdf's own hyphenator is English-only anyway):
  // words break only when wider than their box (see hyphenation.ts).
  Font.registerHyphenationCallback(defaultHyphenation);
  registeredFrom = fontDir;
}

/** The parts of a fontkit font and glyph used below (fontkit's own types are not a dependency). */
interface FontkitGlyph {
  codePoints: number[];
  isMark: boolean;
  isLigature: boolean;
}
interface FontkitGlyphRun {
  glyphs: FontkitGlyph[];
  positions: object[];
}
interface FontkitFont {
  getGlyph(id: number, codePoints?: number[]): FontkitGlyph | null;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(string: string, features?: unknown, script?: string, language?: string, direction?: string): FontkitGlyphRun;
  postscriptName?: string;
  _tables?: { name?: { records?: object } };
}

const patchedFonts = new WeakSet<object>();
const MARK = /^\p{M}$/u;

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((codePoint, i) => codePoint === b[i]);
}

/**
 * Guards against fontkit's glyph cache (foliojs/fontkit#154, diegomura/react-pdf#3404).
 * fontkit caches glyphs by id with the characters of the first request. When pdfkit subsets a
 * document it asks for the components of composite glyphs by id alone, and in DejaVu "Ż" is
 * built from "Z": from then on "Z" comes back with no characters, textkit loses it from its
 * string↔glyph map, and later documents print "adanie" for "Zadanie" – in one process only, and
 * depending on what was printed before. The fix answers a request that names characters with
 * a view of the cached glyph (same outline and metrics) carrying those characters.
 */
function fixGlyphCodePoints(font: FontkitFont): void {
  if (patchedFonts.has(font)) return;
  const cachedGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id: number, codePoints: number[] = []): FontkitGlyph | null => {
    const glyph = cachedGlyph(id, codePoints);
    if (glyph === null || codePoints.length === 0 || sameCodePoints(glyph.codePoints, codePoints)) return glyph;
    const view = Object.create(glyph) as FontkitGlyph;
    Object.defineProperties(view, {
      codePoints: { value: codePoints, enumerable: true },
      // As fontkit's Glyph constructor derives them from the characters.
      isMark: { value: codePoints.every((codePoint) => MARK.test(String.fromCodePoint(codePoint))), enumerable: true },
      isLigature: { value: codePoints.length > 1, enumerable: true },
    });
    return view;
  };
  patchedFonts.add(font);
}

/**
 * pdfkit (0.20) checks, for every run of text, that react-pdf's font object is the font it has
 * already embedded by JSON.stringify-ing the font's `name` table records twice: about a tenth of
 * the render time of a long table. A toJSON returning the PostScript name keeps that check
 * meaningful (same font → same string) and the output unchanged (the tests assert identical
 * bytes). If fontkit's internals change, nothing is patched and only speed is lost.
 */
function speedUpFontComparison(font: FontkitFont): void {
  const name = font.postscriptName; // reading it decodes the `name` table into _tables
  const records = font._tables?.name?.records;
  if (typeof name === 'string' && records !== undefined && !Object.hasOwn(records, 'toJSON')) {
    Object.defineProperty(records, 'toJSON', { value: () => name, enumerable: false });
  }
}

/** Line breaks and tabs in free text: DejaVu maps no glyph to them. */
const CONTROL_CHARACTERS = /[\t\n\v\f\r]/g;
const HAS_CONTROL_CHARACTER = /[\t\n\v\f\r]/;
const CONTROL_CODE_POINTS = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d]);
const mappedControls = new WeakSet<object>();

/**
 * A line break inside a free text once added a non-embedded Helvetica to the PDF: react-pdf picks,
 * for each character, the first font of [DejaVu, Helvetica] that has a glyph for it (its font
 * substitution), DejaVu has none for U+000A, so every "\n" became a one-character Helvetica run
 * (nothing visible, but a standard-14 font in the file, which fails embedded-font and PDF/A checks).
 * Here DejaVu answers for the control characters itself and shapes them as a space: the line break
 * still happens (textkit breaks at the character, not at its glyph) and only DejaVu is used.
 */
function mapControlCharacters(font: FontkitFont): void {
  if (mappedControls.has(font)) return;
  const hasGlyph = font.hasGlyphForCodePoint.bind(font);
  font.hasGlyphForCodePoint = (codePoint: number): boolean => CONTROL_CODE_POINTS.has(codePoint) || hasGlyph(codePoint);
  const layout = font.layout.bind(font);
  font.layout = (string, features, script, language, direction) =>
    layout(HAS_CONTROL_CHARACTER.test(string) ? string.replace(CONTROL_CHARACTERS, ' ') : string, features, script, language, direction);
  mappedControls.add(font);
}

/** Shaped strings kept per font; beyond this the cache starts over (a long plan has a few thousand). */
const LAYOUT_CACHE_LIMIT = 20_000;

/**
 * Remembers fontkit's shaping (OpenType lookups) of each string: the same labels, headings,
 * footers and table headers recur on every page and in every document the worker prints, and
 * shaping them once saves part of each render (measured when react-pdf still re-laid pages out for
 * its page numbers, which are now stamped afterwards: page-numbers.ts). Shaping depends only on the font, the
 * string and the features, so the result is the same; each caller gets its own arrays and position
 * objects (react-pdf adjusts positions in place), sharing fontkit's glyph objects as fontkit itself does.
 */
const cachedLayouts = new WeakSet<object>();

function cacheLayout(font: FontkitFont): void {
  if (cachedLayouts.has(font)) return;
  const layout = font.layout.bind(font);
  const cache = new Map<string, FontkitGlyphRun>();
  font.layout = (string, features, script, language, direction) => {
    const key = `${JSON.stringify(features ?? null)}\u0000${script ?? ''}\u0000${language ?? ''}\u0000${direction ?? ''}\u0000${string}`;
    let run = cache.get(key);
    if (run === undefined) {
      run = layout(string, features, script, language, direction);
      if (cache.size >= LAYOUT_CACHE_LIMIT) cache.clear();
      cache.set(key, run);
    }
    const copy = Object.create(run) as FontkitGlyphRun;
    copy.glyphs = run.glyphs.slice();
    copy.positions = run.positions.map((position) => ({ ...position }));
    return copy;
  };
  cachedLayouts.add(font);
}

/**
 * Parses the registered fonts once (≈ 0.2 s, so the first print does not pay for it) and
 * applies the fixes and the shaping cache above to them. Call after registerFonts(), before each render.
 */
export function loadFonts(): Promise<void> {
  loading ??= (async () => {
    const descriptors = [
      { fontFamily: FONT_SANS, fontWeight: 400, fontStyle: 'normal' },
      { fontFamily: FONT_SANS, fontWeight: 700, fontStyle: 'normal' },
      { fontFamily: FONT_SANS, fontWeight: 400, fontStyle: 'italic' },
      { fontFamily: FONT_SANS, fontWeight: 700, fontStyle: 'italic' },
    ] as const;
    for (const descriptor of descriptors) {
      const source = Font.getFont(descriptor);
      await source.load();
      const font = source.data as unknown as FontkitFont | null;
      if (font === null) throw new Error(`Nie udało się wczytać czcionki ${descriptor.fontFamily}.`);
      fixGlyphCodePoints(font);
      speedUpFontComparison(font);
      mapControlCharacters(font);
      cacheLayout(font);
    }
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
