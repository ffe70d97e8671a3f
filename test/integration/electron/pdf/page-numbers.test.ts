/**
 * "Strona N z M" and the kontrakt's copy labels are stamped after rendering (page-numbers.ts):
 * they must sit where react-pdf printed them (right edge of the text column, the footer's and
 * the header's lines), on every page of the right copy, and leave no marks behind.
 */
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import { PAGE } from '../../../../electron/pdf/components/theme';
import { COPY_LABEL_MARK, PAGE_GROUP_MARK } from '../../../../electron/pdf/page-numbers';
import { renderDocument } from '../../../../electron/pdf/render';
import { COPY_LABELS } from '../../../../electron/pdf/documents/SocialContract';
import { longContract, planWithTasks } from '../../../fixtures/pdf/models';
import { FONT_DIR } from './pdf-helpers';

const options = { fontDir: FONT_DIR };
const RIGHT_EDGE = PAGE.width - PAGE.marginX;

interface Placed {
  str: string;
  right: number;
  baseline: number;
}

async function placedText(bytes: Uint8Array): Promise<Placed[][]> {
  const document = await getDocument({ data: bytes.slice(), disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: Placed[][] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const content = await (await document.getPage(number)).getTextContent();
      const items = content.items.filter((item: TextItem | TextMarkedContent): item is TextItem => 'str' in item);
      pages.push(items.map((item) => ({ str: item.str, right: (item.transform[4] as number) + item.width, baseline: item.transform[5] as number })));
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

describe('stamped page numbers and copy labels', () => {
  it('numbers each copy of a long kontrakt from 1 and labels every page of it, right-aligned on the header and footer lines', async () => {
    const bytes = await renderDocument('social-contract', longContract, options);
    const pages = await placedText(bytes);
    expect(pages.length % COPY_LABELS.length).toBe(0);
    const perCopy = pages.length / COPY_LABELS.length;
    expect(perCopy).toBeGreaterThan(3);
    pages.forEach((items, index) => {
      const number = items.filter((item) => /^Strona \d+ z \d+$/.test(item.str));
      expect(number.map((item) => item.str), `page ${index + 1}`).toEqual([`Strona ${(index % perCopy) + 1} z ${perCopy}`]);
      // Where react-pdf drew it: the footer's text line, ending at the right margin (kerning aside).
      expect(number[0]?.baseline).toBeCloseTo(32.54, 1);
      expect(Math.abs((number[0]?.right ?? 0) - RIGHT_EDGE)).toBeLessThan(0.5);

      const label = COPY_LABELS[Math.floor(index / perCopy)];
      const labels = items.filter((item) => item.str.startsWith('Egzemplarz'));
      expect(labels.map((item) => item.str), `page ${index + 1}`).toEqual([label]);
      expect(labels[0]?.baseline).toBeCloseTo(782.66, 1);
      expect(labels[0]?.right).toBeCloseTo(RIGHT_EDGE, 1);
    });
    // The marks used to find the copies and the label slot are gone.
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).not.toContain(PAGE_GROUP_MARK);
    expect(raw).not.toContain(COPY_LABEL_MARK);
  });

  it('numbers a one-copy document straight through', async () => {
    const pages = await placedText(await renderDocument('family-work-plan', planWithTasks(30), options));
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((items, index) => {
      expect(items.filter((item) => item.str.startsWith('Strona ')).map((item) => item.str)).toContain(`Strona ${index + 1} z ${pages.length}`);
      expect(items.some((item) => item.str.startsWith('Egzemplarz'))).toBe(false);
    });
  });
});
