/**
 * The one CSV writer: UTF-8 with a BOM, semicolons and CRLF — what Polish Excel opens without the
 * import wizard — quoted per RFC 4180 where a cell holds a quote, a semicolon or a line break, and
 * text that a spreadsheet would run as a formula (= + - @ tab CR at the start) neutralised with a
 * leading apostrophe (CSV injection). Numbers are written as they are.
 */
import type { Cell } from './xlsx';

/** One cell (a styled cell's value; the style is for XLSX only). */
export function csvCell(value: Cell): string {
  const raw = value !== null && typeof value === 'object' ? value.value : value;
  let text = raw === null ? '' : String(raw);
  if (typeof raw === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file's text: the BOM, one line per row, each line ended by CRLF. */
export function csvText(rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
