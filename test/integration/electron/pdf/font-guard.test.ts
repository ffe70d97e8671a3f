/**
 * Font guard with line breaks in every text: each document, rendered with "\n" (and "\r\n",
 * a tab, a blank line) put into every free-text field and name, embeds only its DejaVu fonts.
 * A line break once added a non-embedded Helvetica run (react-pdf's font substitution: DejaVu has
 * no glyph for U+000A); electron/pdf/fonts.ts mapControlCharacters.
 */
import { describe, expect, it } from 'vitest';
import { renderRequest } from '../../../../electron/pdf/render';
import { ISO_DATE_FIELDS, type DocumentRequest } from '../../../../electron/pdf/models';
import { allDocuments } from '../../../fixtures/pdf/models';
import { FONT_DIR, STANDARD_14, baseFontsInFile, readPdf } from './pdf-helpers';

/** Fields holding codes, enumerations or identifiers: not free text. */
const NOT_FREE_TEXT = new Set(['kind', 'variant', 'party', 'status', 'progress', 'recommendation', 'pesel', 'postalCode', 'code', 'databaseId', 'sex', 'amount']);

/** Every string with a space or longer than 3 letters gets line breaks in it. */
export function withLineBreaks<T>(value: T, key = ''): T {
  if (typeof value === 'string') {
    if (ISO_DATE_FIELDS.has(key) || NOT_FREE_TEXT.has(key) || value.trim().length < 3) return value;
    const broken = value.includes(' ') ? value.replace(' ', '\n') : `${value}\r\n`;
    return `${broken}\n\twiersz drugi\n\nakapit` as T;
  }
  if (Array.isArray(value)) return value.map((item) => withLineBreaks(item, key)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([field, item]) => [field, withLineBreaks(item, field)])) as T;
  }
  return value;
}

describe.each(allDocuments)('$name with line breaks in every text', ({ request }: { request: DocumentRequest }) => {
  it('embeds only DejaVu fonts and keeps the text after each break', async () => {
    const multiLine = { kind: request.kind, model: withLineBreaks(request.model) } as DocumentRequest;
    const bytes = await renderRequest(multiLine, { fontDir: FONT_DIR });
    const baseFonts = baseFontsInFile(bytes);
    expect(baseFonts.length).toBeGreaterThan(0);
    for (const baseFont of baseFonts) {
      expect(STANDARD_14.some((standard) => baseFont === standard || baseFont.endsWith(`+${standard}`)), baseFont).toBe(false);
      expect(baseFont).toContain('DejaVu');
    }
    const pdf = await readPdf(bytes);
    for (const font of pdf.fonts) expect(font.missingFile, `${font.name} is not embedded`).toBe(false);
    expect(pdf.text).toContain('wiersz drugi');
  });
});
