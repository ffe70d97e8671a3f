/** Reading rendered PDFs back in tests: text per page (pdfjs-dist), fonts, PNG previews. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPS, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';

export const FONT_DIR = fileURLToPath(new URL('../../../../electron/pdf/fonts', import.meta.url));
export const WORKER_PATH = fileURLToPath(new URL('../../../../electron/pdf/worker.ts', import.meta.url));
export const RESULTS_DIR = fileURLToPath(new URL('../../../../test-results/pdf', import.meta.url));

/** The 14 fonts every PDF reader has (no Polish letters): none may appear in our PDFs. */
export const STANDARD_14 = [
  'Helvetica',
  'Helvetica-Bold',
  'Helvetica-Oblique',
  'Helvetica-BoldOblique',
  'Times-Roman',
  'Times-Bold',
  'Times-Italic',
  'Times-BoldItalic',
  'Courier',
  'Courier-Bold',
  'Courier-Oblique',
  'Courier-BoldOblique',
  'Symbol',
  'ZapfDingbats',
];

/** Margins of the page frame (electron/pdf/components/theme.ts PAGE), a little inside. */
const BODY_TOP = 80;
const BODY_BOTTOM = 58;

export interface PdfFontInfo {
  /** e.g. "CZZZZZ+DejaVuSans-Bold" */
  name: string;
  /** True when the PDF carries no font file for it (the reader substitutes one). */
  missingFile: boolean;
}

export interface ReadPdf {
  pageCount: number;
  /** Text of each page: items joined by spaces, lines by "\n". */
  pages: string[];
  /** All pages, joined by "\n". */
  text: string;
  /** All pages without the running header and footer: text continued over a page break is contiguous. */
  body: string;
  fonts: PdfFontInfo[];
  /** The document information dictionary (Title, Producer, CreationDate...). */
  info: Record<string, unknown>;
}

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return 'str' in item;
}

interface PdfjsFont {
  name?: string;
  missingFile?: boolean;
}

/** Extracts the text of every page and the fonts used, with pdfjs (legacy build for Node). */
export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  // pdfjs takes ownership of (detaches) the buffer it is given: pass a copy.
  const document = await getDocument({
    data: bytes.slice(),
    disableFontFace: true,
    fontExtraProperties: true,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    const bodies: string[] = [];
    const fonts = new Map<string, PdfFontInfo>();
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const items = content.items.filter(isTextItem);
      const join = (parts: TextItem[]): string => parts.map((item) => item.str + (item.hasEOL ? '\n' : ' ')).join('');
      pages.push(join(items));
      // Baseline y (PDF units from the bottom) inside the text area of the page frame.
      const [, , , pageTop] = page.view;
      bodies.push(join(items.filter((item) => item.transform[5] > BODY_BOTTOM && item.transform[5] < (pageTop ?? 842) - BODY_TOP)));
      const operators = await page.getOperatorList();
      operators.fnArray.forEach((fn, index) => {
        if (fn !== OPS.setFont) return;
        const args = operators.argsArray[index] as unknown[] | undefined;
        const id = args?.[0];
        if (typeof id !== 'string' || fonts.has(id)) return;
        const font = page.commonObjs.get(id) as PdfjsFont;
        fonts.set(id, { name: font.name ?? '(unnamed)', missingFile: font.missingFile === true });
      });
      page.cleanup();
    }
    const { info } = await document.getMetadata();
    return {
      pageCount: document.numPages,
      pages,
      text: pages.join('\n'),
      body: bodies.join('\n'),
      fonts: [...fonts.values()],
      info: typeof info === 'object' && info !== null ? (info as Record<string, unknown>) : {},
    };
  } finally {
    await document.destroy();
  }
}

/** Base font names written in the PDF file itself (font dictionaries are not compressed). */
export function baseFontsInFile(bytes: Uint8Array): string[] {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return [...raw.matchAll(/\/BaseFont\s*\/([^\s/<>[\]()]+)/g)].map((match) => match[1] ?? '');
}

/** Whitespace-free form, for "is all of this text there" checks across line and page breaks. */
export function squash(text: string): string {
  // Line breaks inside words add a hyphen (and compounds repeat theirs): ignore hyphens too.
  return text.replace(/[\s\u00ad-]+/g, '');
}

/**
 * The words of `expected` that are missing from `actual` (compared without whitespace and
 * hyphens). For text that a page break may interleave with other cells of a split table row.
 */
export function missingWords(expected: string, actual: string): string[] {
  const haystack = squash(actual);
  return expected
    .split(/\s+/)
    .map(squash)
    .filter((word) => word.length > 0 && !haystack.includes(word));
}

let pdftoppm: boolean | null = null;

export function hasPdftoppm(): boolean {
  if (pdftoppm === null) {
    try {
      execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
      pdftoppm = true;
    } catch {
      pdftoppm = false;
    }
  }
  return pdftoppm;
}

/** Writes the PDF and a 60 dpi PNG of its first page to test-results/pdf/ (for a human to look at). */
export function writePreview(name: string, bytes: Uint8Array): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const pdfPath = join(RESULTS_DIR, `${name}.pdf`);
  writeFileSync(pdfPath, bytes);
  const prefix = join(RESULTS_DIR, name);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfPath, prefix]);
  return `${prefix}.png`;
}
