/**
 * Print-safe layout (issue 16, item 4): every document, with short, typical and very long
 * content, rendered and read back with pdfjs. On every page:
 * - no text lies outside the printable area (left/right margins, above the running header);
 * - nothing but the running footer (its small title and "Strona N z M") lies in the footer band:
 *   a signature block printed over the footer, near the paper's edge, fails here;
 * - no section heading is the last line of a page (it is kept with its first lines).
 */
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import { renderRequest } from '../../../../electron/pdf/render';
import { FONT_SIZE, PAGE } from '../../../../electron/pdf/components/theme';
import type { DocumentRequest } from '../../../../electron/pdf/models';
import {
  allDocuments,
  contractBWithoutProfile,
  emptyAssessment,
  emptyOpinion,
  emptyPlan,
  emptyRequest,
  longContract,
  longOpinion,
} from '../../../fixtures/pdf/models';
import { FONT_DIR } from './pdf-helpers';

/** Kept as they are: the letterhead (the office's own data), variant B's one client, identifiers. */
const KEEP = new Set(['header', 'clients', 'pesel', 'postalCode']);

/** Very long content: every free text five times over, every list four times as long. */
function lengthen<T>(value: T, key = ''): T {
  if (KEEP.has(key)) return value;
  if (typeof value === 'string') return (value.trim().split(/\s+/).length >= 3 ? Array.from({ length: 5 }, () => value).join(' ') : value) as T;
  if (Array.isArray(value)) return Array.from({ length: 4 }, () => value.map((item) => lengthen(item, key))).flat() as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([field, item]) => [field, lengthen(item, field)])) as T;
  return value;
}

const SHORT: { name: string; request: DocumentRequest }[] = [
  { name: 'opinia (pusta)', request: { kind: 'court-opinion', model: emptyOpinion } },
  { name: 'plan (pusty)', request: { kind: 'family-work-plan', model: emptyPlan } },
  { name: 'ocena (pusta)', request: { kind: 'periodic-assessment', model: emptyAssessment } },
  { name: 'wniosek (pusty)', request: { kind: 'assistant-request', model: emptyRequest } },
  { name: 'kontrakt B (bez profilu)', request: { kind: 'social-contract', model: contractBWithoutProfile } },
];

const LONG: { name: string; request: DocumentRequest }[] = [
  { name: 'kontrakt (długi)', request: { kind: 'social-contract', model: longContract } },
  { name: 'opinia (długa)', request: { kind: 'court-opinion', model: longOpinion } },
  ...allDocuments.map(({ name, request }) => ({ name: `${name} (bardzo długi)`, request: { kind: request.kind, model: lengthen(request.model) } as DocumentRequest })),
];

interface Placed {
  text: string;
  x: number;
  /** Baseline, PDF units from the bottom of the page. */
  y: number;
  width: number;
  size: number;
  font: string;
}

async function placedText(bytes: Uint8Array): Promise<Placed[][]> {
  const document = await getDocument({ data: bytes.slice(), disableFontFace: true, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: Placed[][] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(
        content.items
          .filter((item: TextItem | TextMarkedContent): item is TextItem => 'str' in item && item.str.trim() !== '')
          .map((item) => ({ text: item.str, x: item.transform[4] ?? 0, y: item.transform[5] ?? 0, width: item.width, size: Math.abs(item.transform[3] ?? 0), font: item.fontName })),
      );
      page.cleanup();
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

/** The footer's baseline lies this far above the paper's bottom edge (FOOTER_TOP = height − 44, small type). */
const FOOTER_BAND_TOP = PAGE.marginBottom - 4;
const EDGE = 1;

function problems(pages: Placed[][]): string[] {
  const found: string[] = [];
  pages.forEach((items, index) => {
    const page = `s. ${index + 1}`;
    for (const item of items) {
      if (item.x < PAGE.marginX - EDGE || item.x + item.width > PAGE.width - PAGE.marginX + EDGE) {
        found.push(`${page}: „${item.text}” poza marginesem (x ${item.x.toFixed(1)}–${(item.x + item.width).toFixed(1)})`);
      }
      if (item.y > PAGE.height - 20) found.push(`${page}: „${item.text}” nad nagłówkiem (y ${item.y.toFixed(1)})`);
      if (item.y < FOOTER_BAND_TOP && item.size > FONT_SIZE.small + 0.01) {
        found.push(`${page}: „${item.text}” w pasie stopki (y ${item.y.toFixed(1)}, ${item.size} pt)`);
      }
      if (item.y < 20) found.push(`${page}: „${item.text}” przy krawędzi kartki (y ${item.y.toFixed(1)})`);
    }
    // The last line of the body must not be a section heading (FONT_SIZE.heading, bold).
    const body = items.filter((item) => item.y >= FOOTER_BAND_TOP);
    const lowest = Math.min(...body.map((item) => item.y));
    const lastLine = body.filter((item) => Math.abs(item.y - lowest) < 1);
    if (index < pages.length - 1 && lastLine.length > 0 && lastLine.every((item) => Math.abs(item.size - FONT_SIZE.heading) < 0.01)) {
      found.push(`${page}: nagłówek „${lastLine.map((item) => item.text).join(' ')}” sam na dole strony`);
    }
  });
  return found;
}

describe.each([...SHORT, ...allDocuments, ...LONG])('$name', ({ request }: { request: DocumentRequest }) => {
  it('keeps all text inside the printable area, out of the footer band, and headings with their first lines', async () => {
    const bytes = await renderRequest(request, { fontDir: FONT_DIR });
    const pages = await placedText(bytes);
    expect(pages.length).toBeGreaterThan(0);
    expect(problems(pages)).toEqual([]);
  });
});

describe('the check itself', () => {
  it('finds text in the footer band, outside the margins and an orphaned heading', () => {
    const line = (text: string, x: number, y: number, size: number): Placed => ({ text, x, y, width: 50, size, font: 'f' });
    expect(
      problems([
        [line('Treść', 60, 500, 10), line('(podpis kierownika)', 300, 30, 8), line('Szeroki', 560, 400, 10), line('8. Wnioski', 56, 70, FONT_SIZE.heading)],
        [line('Dalej', 60, 700, 10)],
      ]),
    ).toEqual([
      's. 1: „(podpis kierownika)” w pasie stopki (y 30.0, 8 pt)',
      's. 1: „Szeroki” poza marginesem (x 560.0–610.0)',
      's. 1: nagłówek „8. Wnioski” sam na dole strony',
    ]);
  });
});
