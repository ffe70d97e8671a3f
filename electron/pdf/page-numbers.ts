/**
 * "Strona N z M" at the foot of every page, stamped on the finished PDF with pdf-lib.
 *
 * react-pdf can print page numbers itself (a `render` prop), but any such element makes it lay
 * the whole remaining content out again at every page break and once more per page: about a
 * quarter of a kontrakt's render. So DocumentPage prints its footer without the number and
 * marks where each of its <Page>s begins with a named destination (PAGE_GROUP_MARK); here the
 * numbers are drawn where react-pdf drew them (right-aligned on the footer's text line, DejaVu
 * Sans, FOOTER_STYLE's size and colour), counted within each <Page> (each copy of a kontrakt
 * starts at 1), and the marks are removed. Same bytes in → same bytes out: no clock, no random
 * font names (render.ts then makes the file PDF/A-2b, pdfa.ts, and saves it).
 *
 * Copies: a document whose copies differ only by a label in the running header (the kontrakt
 * socjalny: "Egzemplarz dla klienta" / "dla ośrodka") is rendered once with an empty slot
 * (COPY_LABEL_MARK); its pages are repeated per copy here (new page objects sharing the same
 * content streams and resources) and each copy gets its label drawn into the slot.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFPage, PDFRef, PDFString, rgb } from 'pdf-lib';
import type { PDFDocument, PDFFont, PDFObject, PDFPageLeaf } from 'pdf-lib';
import { FONT_FILES } from './fonts';
import { COLOR, FONT_SIZE, FOOTER_STYLE, HEADER_TOP, PAGE } from './components/theme';

/** Prefix of the named destination that DocumentPage puts at the start of each of its <Page>s. */
export const PAGE_GROUP_MARK = 'asysta-page-group';
/**
 * Named destinations of the (zero-width, right-aligned) slot left in the header for a copy label
 * and of the header column holding it. react-pdf writes a destination at its box's left and top
 * relative to the parent box: slot in column, column in header (at PAGE.marginX, HEADER_TOP).
 */
export const COPY_LABEL_MARK = 'asysta-copy-label';
export const COPY_LABEL_COLUMN_MARK = 'asysta-copy-label-column';

/** "Strona 3 z 7". */
export function pageNumberText(page: number, total: number): string {
  return `Strona ${page} z ${total}`;
}

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type FontkitFont = ReturnType<Fontkit['create']>;
interface LoadedFont {
  bytes: Uint8Array;
  font: FontkitFont;
}

/**
 * fontkit parses each DejaVu file once per process (≈ 0.7 MB; parsing it for every document
 * would cost more than the stamp itself). pdf-lib takes a new subset of the parsed font per document.
 */
const loadedFonts = new Map<string, LoadedFont>();

function loadFont(path: string): LoadedFont {
  let loaded = loadedFonts.get(path);
  if (loaded === undefined) {
    const bytes = readFileSync(path);
    loaded = { bytes, font: fontkit.create(bytes) };
    loadedFonts.set(path, loaded);
  }
  return loaded;
}

/** fontkit for pdf-lib, answering with the parsed font for the bytes of a loaded file. */
const cachingFontkit: Fontkit = {
  create(data, postscriptName) {
    for (const loaded of loadedFonts.values()) if (data === loaded.bytes) return loaded.font;
    return fontkit.create(data, postscriptName);
  },
};

/** Embeds a DejaVu subset under a fixed subset tag (pdf-lib would add a random suffix). */
async function embed(pdf: PDFDocument, path: string, tag: string): Promise<{ font: PDFFont; ascent: number }> {
  const { bytes, font } = loadFont(path);
  const embedded = await pdf.embedFont(bytes, { subset: true, customName: `${tag}+${font.postscriptName}` });
  return { font: embedded, ascent: font.ascent / font.unitsPerEm };
}

function hexColor(hex: string): ReturnType<typeof rgb> {
  const value = Number.parseInt(hex.slice(1), 16);
  return rgb(((value >> 16) & 0xff) / 255, ((value >> 8) & 0xff) / 255, (value & 0xff) / 255);
}

function nameOf(value: PDFObject | undefined): string | null {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return null;
}

interface Mark {
  name: string;
  page: number;
  /** The marked box's left, and its top relative to its parent's as page height − top (pdfkit's conversion). */
  x: number;
  y: number;
  pageHeight: number;
}

/**
 * The destinations named PAGE_GROUP_MARK… and COPY_LABEL_MARK in the catalog's /Names /Dests
 * tree, removed from it (the tree is left as pdfkit writes it for a document without them).
 */
function takeMarks(pdf: PDFDocument): Mark[] {
  const names = pdf.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const dests = names?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const entries = dests?.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (dests === undefined || entries === undefined) return [];
  const pageIndex = new Map<PDFRef, number>(pdf.getPages().map((page, index) => [page.ref, index]));
  const marks: Mark[] = [];
  const kept: PDFObject[] = [];
  for (let i = 0; i + 1 < entries.size(); i += 2) {
    const key = entries.get(i);
    const value = entries.get(i + 1);
    const name = nameOf(key);
    if (name === null || !(name.startsWith(PAGE_GROUP_MARK) || name === COPY_LABEL_MARK || name === COPY_LABEL_COLUMN_MARK)) {
      kept.push(key, value);
      continue;
    }
    const destination = pdf.context.lookup(value);
    const at = (index: number): PDFObject | undefined => (destination instanceof PDFArray ? destination.get(index) : undefined);
    const target = at(0);
    const x = at(2);
    const y = at(3);
    const page = target instanceof PDFRef ? pageIndex.get(target) : undefined;
    if (page === undefined || !(x instanceof PDFNumber) || !(y instanceof PDFNumber)) {
      throw new Error(`Mark ${name} points to no place on a page.`);
    }
    const pageHeight = pdf.getPage(page).getHeight();
    marks.push({ name, page, x: x.asNumber(), y: y.asNumber(), pageHeight });
  }
  if (marks.length === 0) return [];
  dests.set(PDFName.of('Names'), pdf.context.obj(kept));
  const first = kept[0];
  const last = kept[kept.length - 2];
  if (first === undefined || last === undefined) dests.delete(PDFName.of('Limits'));
  else dests.set(PDFName.of('Limits'), pdf.context.obj([first, last]));
  return marks;
}

/** Appends a page showing the same content as `page` (a new page object, shared streams and resources). */
function repeatPage(pdf: PDFDocument, page: PDFPage): PDFPage {
  const leaf = page.node.clone(pdf.context);
  leaf.delete(PDFName.of('Parent'));
  const copy = PDFPage.of(leaf as PDFPageLeaf, pdf.context.register(leaf), pdf);
  return pdf.addPage(copy);
}

/**
 * Stamps "Strona N z M" on every page of a react-pdf document whose pages carry PAGE_GROUP_MARK,
 * and prints it once per entry of `copies` (each copy labelled in the COPY_LABEL_MARK slot and
 * numbered from 1). Leaves a document without marks as it is.
 */
export async function stampPageNumbers(pdf: PDFDocument, fontDir: string, copies: readonly string[] = []): Promise<void> {
  const marks = takeMarks(pdf);
  const starts = [...new Set(marks.filter((mark) => mark.name.startsWith(PAGE_GROUP_MARK)).map((mark) => mark.page))].sort((a, b) => a - b);
  if (starts.length === 0) {
    if (copies.length > 0) throw new Error('A document printed in copies carries no page-group mark.');
    return;
  }
  if (starts[0] !== 0) throw new Error('The first page carries no page-group mark.');
  pdf.registerFontkit(cachingFontkit);
  const numbers = await embed(pdf, join(fontDir, FONT_FILES.sansRegular), 'STRONA');

  // One rendering, printed once per copy: [pages of copy 1, pages of copy 2, ...].
  const rendered = pdf.getPages();
  const printed: { pages: PDFPage[]; label: string | null }[] = [];
  if (copies.length === 0) printed.push({ pages: rendered, label: null });
  else {
    copies.forEach((label, index) => {
      printed.push({ pages: index === 0 ? rendered : rendered.map((page) => repeatPage(pdf, page)), label });
    });
  }

  const size = FOOTER_STYLE.fontSize;
  const color = hexColor(FOOTER_STYLE.color);
  // The footer's text line: below its rule and padding; react-pdf sets the baseline one ascent down.
  const baselineFromTop = FOOTER_STYLE.top + FOOTER_STYLE.borderTopWidth + FOOTER_STYLE.paddingTop + numbers.ascent * size;
  const stampNumbers = (pages: PDFPage[]): void => {
    starts.forEach((start, group) => {
      const end = starts[group + 1] ?? pages.length;
      for (let index = start; index < end; index += 1) {
        const page = pages[index];
        if (page === undefined) continue;
        const text = pageNumberText(index - start + 1, end - start);
        page.drawText(text, {
          x: page.getWidth() - FOOTER_STYLE.right - numbers.font.widthOfTextAtSize(text, size),
          y: page.getHeight() - baselineFromTop,
          size,
          font: numbers.font,
          color,
        });
      }
    });
  };

  const slot = marks.find((mark) => mark.name === COPY_LABEL_MARK);
  const column = marks.find((mark) => mark.name === COPY_LABEL_COLUMN_MARK);
  const label = copies.length > 0 ? await embed(pdf, join(fontDir, FONT_FILES.sansBold), 'KOPIAE') : null;
  if (label !== null && (slot === undefined || column === undefined)) throw new Error('A document printed in copies has no copy-label slot.');
  // The header's text: FONT_SIZE.small + 0.5, bold, right-aligned where the slot (zero width) is.
  const labelSize = FONT_SIZE.small + 0.5;
  const labelColor = hexColor(COLOR.text);
  for (const copy of printed) {
    stampNumbers(copy.pages);
    if (copy.label === null || label === null || slot === undefined || column === undefined) continue;
    const right = PAGE.marginX + column.x + slot.x;
    const top = HEADER_TOP + (column.pageHeight - column.y) + (slot.pageHeight - slot.y);
    const width = label.font.widthOfTextAtSize(copy.label, labelSize);
    for (const page of copy.pages) {
      page.drawText(copy.label, {
        x: right - width,
        y: page.getHeight() - top - label.ascent * labelSize,
        size: labelSize,
        font: label.font,
        color: labelColor,
      });
    }
  }
}
