import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from '../../../../electron/services/csv';

describe('the CSV writer', () => {
  it('writes a BOM, semicolons and CRLF, quoting only where needed', () => {
    expect(csvText([['Nr', 'Nazwisko i imię'], [1, 'Żółć; Anna'], [2, 'ma "cudzysłów"'], [3, 'dwa\nwiersze'], [null, { value: 'Razem', bold: true }]])).toBe(
      '\uFEFFNr;Nazwisko i imię\r\n1;"Żółć; Anna"\r\n2;"ma ""cudzysłów"""\r\n3;"dwa\nwiersze"\r\n;Razem\r\n',
    );
  });

  it('neutralises text a spreadsheet would run as a formula, but not numbers', () => {
    expect(['=SUMA(A1)', '+48 600', '-x', '@cmd', '\tx', '\rx'].map(csvCell)).toEqual(["'=SUMA(A1)", "'+48 600", "'-x", "'@cmd", "'\tx", `"'\rx"`]);
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(2.5)).toBe('2.5');
    expect(csvCell('')).toBe('');
  });
});
