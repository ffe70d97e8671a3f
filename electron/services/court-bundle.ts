/**
 * The court's PDF bundle (issue 7): a cover page, a table of contents with page numbers, then
 * every selected part, with "Strona N z M" of the bundle stamped at the foot of every page.
 * Built in the PDF worker thread (an 'assemble' job, electron/pdf/worker.ts), never in the
 * Electron main process: merging and saving a few MB with pdf-lib takes ~100 ms of pure CPU.
 * Stored documents are merged as their issued bytes (pdf-lib copies their pages untouched);
 * the cover, the contents and the stamp are drawn in DejaVu Sans, so Polish letters print.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { makePdfA, savePdf } from '../pdf/pdfa';

const A4: [number, number] = [595.28, 841.89];
const MARGIN_X = 56;
const TOC_FIRST_LINES = 34;
const TOC_LINES = 38;
const LINE = 16;

export interface BundleFile {
  /** Line in the contents: "Opinia o rodzinie nr OPINIA/1/2026 z 2026-03-02". */
  title: string;
  bytes: Uint8Array;
  /** A copy of a document issued earlier: its pages get the "za zgodność z oryginałem" stamp. */
  copy?: boolean;
}

/** The covering letter (pismo przewodnie) to the court, the bundle's first page. */
export interface BundleLetter {
  /** "Bielice, dnia 2 marca 2026 r." */
  placeAndDate: string;
  /** The court, its division (and address), right-aligned as the addressee. */
  addressee: string[];
  /** "Sygn. akt: III Nsm 123/25" */
  reference: string;
  /** The opening sentence: "W odpowiedzi na pismo Sądu z dnia … przekazuję w załączeniu:". */
  opening: string;
  enclosures: string[];
  signatory: { name: string; role: string };
}

export interface BundlePart {
  /** "1. Dokumenty wydane" */
  title: string;
  files: BundleFile[];
}

export interface BundleCover {
  /** Lines under the title: label → value (court, division, sygnatura, office, date, prepared by…). */
  rows: { label: string; value: string }[];
  officeName: string;
  officeAddress: string;
}

export interface BundleInput {
  /** null: no letter (an export of a case without a court's request). */
  letter: BundleLetter | null;
  cover: BundleCover;
  parts: BundlePart[];
  /** Printed left of the page number on every page: "Akta sprawy OPS.AR.1.2026 – sygn. akt III Nsm 123/25". */
  stamp: string;
  metadata: { title: string; author: string; date: Date };
  fontDir: string;
}

export interface BundleOutput {
  bytes: Uint8Array;
  pages: number;
  /** Contents as printed: each part (level 0) and each file within it (level 1) with its first page. */
  contents: { title: string; page: number; level: 0 | 1 }[];
}

/** A part of the bundle is not a readable PDF; the message is Polish and names it. */
export class BundleFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleFileError';
  }
}

/**
 * Lets the event loop run between documents (in the PDF worker: a job's 'started' message and
 * the worker's own housekeeping are not held for the whole merge).
 */
const breather = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Cuts a text to a width, with an ellipsis. */
function fit(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Splits a text into lines no wider than `width`. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line === '' ? word : `${line} ${word}`;
    if (font.widthOfTextAtSize(next, size) <= width || line === '') line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => fit(l, font, size, width));
}

function drawCover(page: PDFPage, cover: BundleCover, fonts: { regular: PDFFont; bold: PDFFont }): void {
  const { regular, bold } = fonts;
  const width = A4[0] - 2 * MARGIN_X;
  let y = A4[1] - 60;
  page.drawText(fit(cover.officeName, bold, 11, width), { x: MARGIN_X, y, size: 11, font: bold });
  y -= 15;
  page.drawText(fit(cover.officeAddress, regular, 9.5, width), { x: MARGIN_X, y, size: 9.5, font: regular });
  y -= 8;
  page.drawLine({ start: { x: MARGIN_X, y }, end: { x: A4[0] - MARGIN_X, y }, thickness: 0.75, color: rgb(0.45, 0.45, 0.45) });
  y = A4[1] - 250;
  const title = 'AKTA SPRAWY';
  page.drawText(title, { x: (A4[0] - bold.widthOfTextAtSize(title, 22)) / 2, y, size: 22, font: bold });
  y -= 24;
  const subtitle = 'odpis dokumentów przekazywany sądowi';
  page.drawText(subtitle, { x: (A4[0] - regular.widthOfTextAtSize(subtitle, 11)) / 2, y, size: 11, font: regular });
  y -= 60;
  const labelWidth = 150;
  for (const row of cover.rows) {
    page.drawText(row.label, { x: MARGIN_X, y, size: 10.5, font: regular, color: rgb(0.27, 0.27, 0.27) });
    const lines = wrap(row.value, bold, 10.5, width - labelWidth);
    for (const line of lines) {
      page.drawText(line, { x: MARGIN_X + labelWidth, y, size: 10.5, font: bold });
      y -= 15;
    }
    y -= 6;
  }
}

const COPY_STAMP = 'Za zgodność z oryginałem: ........................................ (data i podpis)';

function drawLetter(page: PDFPage, letter: BundleLetter, cover: BundleCover, fonts: { regular: PDFFont; bold: PDFFont }): void {
  const { regular, bold } = fonts;
  const width = A4[0] - 2 * MARGIN_X;
  let y = A4[1] - 60;
  page.drawText(fit(cover.officeName, bold, 11, width), { x: MARGIN_X, y, size: 11, font: bold });
  y -= 15;
  page.drawText(fit(cover.officeAddress, regular, 9.5, width), { x: MARGIN_X, y, size: 9.5, font: regular });
  y -= 40;
  page.drawText(letter.placeAndDate, { x: A4[0] - MARGIN_X - regular.widthOfTextAtSize(letter.placeAndDate, 10.5), y, size: 10.5, font: regular });
  y -= 50;
  const half = A4[0] / 2;
  for (const line of letter.addressee) {
    for (const part of wrap(line, bold, 11, A4[0] - MARGIN_X - half)) {
      page.drawText(part, { x: half, y, size: 11, font: bold });
      y -= 15;
    }
  }
  y -= 30;
  page.drawText(letter.reference, { x: MARGIN_X, y, size: 10.5, font: bold });
  y -= 30;
  for (const line of wrap(letter.opening, regular, 10.5, width)) {
    page.drawText(line, { x: MARGIN_X, y, size: 10.5, font: regular });
    y -= 15;
  }
  y -= 6;
  letter.enclosures.forEach((enclosure, index) => {
    const lines = wrap(enclosure, regular, 10.5, width - 24);
    page.drawText(`${index + 1}.`, { x: MARGIN_X + 4, y, size: 10.5, font: regular });
    for (const line of lines) {
      page.drawText(line, { x: MARGIN_X + 24, y, size: 10.5, font: regular });
      y -= 15;
    }
  });
  // The signature block, whole, well above the footer.
  y = Math.max(Math.min(y - 50, 260), 110);
  const blockX = A4[0] - MARGIN_X - 220;
  page.drawLine({ start: { x: blockX, y }, end: { x: A4[0] - MARGIN_X, y }, thickness: 0.6, dashArray: [1, 2], color: rgb(0, 0, 0) });
  const caption = '(podpis)';
  page.drawText(caption, { x: blockX + (220 - regular.widthOfTextAtSize(caption, 7.5)) / 2, y: y - 11, size: 7.5, font: regular, color: rgb(0.27, 0.27, 0.27) });
  for (const [i, line] of [letter.signatory.name, letter.signatory.role].entries()) {
    const size = i === 0 ? 10 : 8;
    page.drawText(fit(line, regular, size, 220), { x: blockX + (220 - regular.widthOfTextAtSize(fit(line, regular, size, 220), size)) / 2, y: y - 24 - i * 12, size, font: regular });
  }
}

/** Builds the bundle; every file must be a readable PDF (a broken one is an error naming it). */
export async function buildBundle(input: BundleInput): Promise<BundleOutput> {
  const sources: { part: number; title: string; doc: PDFDocument; copy: boolean }[] = [];
  for (const [index, part] of input.parts.entries()) {
    for (const file of part.files) {
      await breather();
      try {
        sources.push({ part: index, title: file.title, doc: await PDFDocument.load(file.bytes, { updateMetadata: false }), copy: file.copy === true });
      } catch {
        throw new BundleFileError(`Nie można odczytać pliku PDF „${file.title}”.`);
      }
    }
  }
  // Contents lines: a part, then its files when it has more than one.
  const contents: BundleOutput['contents'] = [];
  const lines = input.parts.reduce((n, part) => n + 1 + (part.files.length > 1 ? part.files.length : 0), 0);
  const tocPages = lines <= TOC_FIRST_LINES ? 1 : 1 + Math.ceil((lines - TOC_FIRST_LINES) / TOC_LINES);
  const letterPages = input.letter === null ? 0 : 1;
  let page = 2 + letterPages + tocPages;
  for (const [index, part] of input.parts.entries()) {
    const files = sources.filter((s) => s.part === index);
    contents.push({ title: part.title, page, level: 0 });
    for (const file of files) {
      if (files.length > 1) contents.push({ title: file.title, page, level: 1 });
      page += file.doc.getPageCount();
    }
  }
  const total = page - 1;

  const out = await PDFDocument.create();
  out.registerFontkit(fontkit);
  // Fixed subset tags (pdf-lib would add random ones): the same export gives the same bytes.
  const regular = await out.embedFont(readFileSync(join(input.fontDir, 'DejaVuSans.ttf')), { subset: true, customName: 'AKTASR+DejaVuSans' });
  const bold = await out.embedFont(readFileSync(join(input.fontDir, 'DejaVuSans-Bold.ttf')), { subset: true, customName: 'AKTASB+DejaVuSans-Bold' });

  if (input.letter !== null) drawLetter(out.addPage(A4), input.letter, input.cover, { regular, bold });
  drawCover(out.addPage(A4), input.cover, { regular, bold });

  // Table of contents.
  let tocPage = out.addPage(A4);
  let y = A4[1] - 90;
  const heading = 'SPIS TREŚCI';
  tocPage.drawText(heading, { x: (A4[0] - bold.widthOfTextAtSize(heading, 14)) / 2, y, size: 14, font: bold });
  y -= 34;
  const right = A4[0] - MARGIN_X;
  let onPage = 0;
  let capacity = TOC_FIRST_LINES;
  for (const entry of contents) {
    if (onPage === capacity) {
      tocPage = out.addPage(A4);
      y = A4[1] - 70;
      onPage = 0;
      capacity = TOC_LINES;
    }
    onPage += 1;
    const font = entry.level === 0 ? bold : regular;
    const size = entry.level === 0 ? 10.5 : 9.5;
    const x = MARGIN_X + (entry.level === 0 ? 0 : 18);
    const number = String(entry.page);
    const numberWidth = font.widthOfTextAtSize(number, size);
    const title = fit(entry.title, font, size, right - x - numberWidth - 40);
    tocPage.drawText(title, { x, y, size, font });
    const dotsFrom = x + font.widthOfTextAtSize(title, size) + 6;
    const dotsTo = right - numberWidth - 6;
    const dot = regular.widthOfTextAtSize('.', size) + 1.5;
    if (dotsTo > dotsFrom) {
      const dots = '.'.repeat(Math.floor((dotsTo - dotsFrom) / dot));
      tocPage.drawText(dots, { x: dotsTo - dots.length * dot, y, size, font: regular, color: rgb(0.45, 0.45, 0.45), characterSpacing: 1.5 } as Parameters<PDFPage['drawText']>[1]);
    }
    tocPage.drawText(number, { x: right - numberWidth, y, size, font });
    y -= entry.level === 0 ? LINE + 2 : LINE;
  }
  while (out.getPageCount() < 1 + letterPages + tocPages) out.addPage(A4);

  for (const source of sources) {
    await breather();
    const pages = await out.copyPages(source.doc, source.doc.getPageIndices());
    for (const p of pages) {
      out.addPage(p);
      // A copy of an issued document: certified by hand on paper, above its own letterhead.
      if (source.copy) p.drawText(COPY_STAMP, { x: MARGIN_X, y: p.getHeight() - 18, size: 7.5, font: bold, color: rgb(0.2, 0.2, 0.2) });
    }
  }

  // "Strona N z M" on every page, under the documents' own footers.
  const pages = out.getPages();
  pages.forEach((p, index) => {
    const text = `Strona ${index + 1} z ${pages.length}`;
    const size = 7.5;
    const width = p.getWidth();
    const numberWidth = bold.widthOfTextAtSize(text, size);
    p.drawText(fit(input.stamp, regular, size, width - 2 * MARGIN_X - numberWidth - 20), { x: MARGIN_X, y: 16, size, font: regular, color: rgb(0.3, 0.3, 0.3) });
    p.drawText(text, { x: width - MARGIN_X - numberWidth, y: 16, size, font: bold });
  });
  if (pages.length !== total) throw new Error(`Bundle page count ${pages.length} differs from the contents' ${total}.`);

  out.setTitle(input.metadata.title);
  out.setAuthor(input.metadata.author);
  out.setSubject(input.metadata.title);
  out.setCreator('Asysta (akta-sprawy/1)');
  out.setProducer('Asysta');
  out.setLanguage('pl');
  out.setCreationDate(input.metadata.date);
  out.setModificationDate(input.metadata.date);
  // PDF/A-2b like every document in it; its ID from what it is made of (the same export, the same ID).
  const seed = createHash('sha256').update(JSON.stringify({ ...input.metadata, stamp: input.stamp, contents }));
  for (const part of input.parts) for (const file of part.files) seed.update(file.bytes);
  makePdfA(out, { resourceDir: input.fontDir, idSeed: seed.digest() });
  return { bytes: await savePdf(out), pages: pages.length, contents };
}
