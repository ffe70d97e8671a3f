import { describe, expect, it } from 'vitest';
import { FILE_NAME_MAX, safeFileName, sanitizeFileName } from '../../../shared/file-names';

const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
const C0 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).concat('\u007F');
const C1 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i));

describe('file names the app writes or suggests (issue 14)', () => {
  it('strip a right-to-left override that would disguise an .exe', () => {
    expect(safeFileName('Kowalski\u202Efdp.exe')).toBe('Kowalskifdp.exe');
    expect(sanitizeFileName('Kowalski\u202Efdp.exe')).toBe('Kowalskifdp.exe');
    expect(safeFileName('Opinia_III\u202ENsm\u202C.pdf')).toBe('Opinia_IIINsm.pdf');
  });

  it('strip every bidi control, C0 and C1 control, zero-width character and separator', () => {
    for (const ch of [...BIDI, ...C0, ...C1, '\u200B', '\u200D', '\uFEFF', '\u00AD', '\u2028', '\u2029']) {
      const name = safeFileName(`akta${ch}2026.pdf`);
      expect(name, `U+${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`).toMatch(/^akta ?2026\.pdf$/);
      expect(sanitizeFileName(`III${ch}Nsm`)).toMatch(/^III_?Nsm$/);
    }
  });

  it('keep Polish letters; no path, reserved character, leading dot or Windows device name', () => {
    expect(safeFileName('Zażółć gęślą jaźń.pdf')).toBe('Zażółć gęślą jaźń.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('etc-passwd');
    expect(safeFileName('..\\..\\Windows\\a.pdf')).toBe('Windows-a.pdf');
    expect(safeFileName('a<b>c:d"e|f?g*h.csv')).toBe('a-b-c-d-e-f-g-h.csv');
    expect(safeFileName('.bashrc')).toBe('bashrc');
    expect(safeFileName('raport. ')).toBe('raport');
    expect(safeFileName('NUL.pdf')).toBe('_NUL.pdf');
    expect(safeFileName('com1')).toBe('_com1');
    expect(safeFileName('\u202E\u0000')).toBe('plik');
  });

  it('cut a long name to the limit, keeping its extension', () => {
    const long = safeFileName(`${'ż'.repeat(300)}.xlsx`);
    expect(Array.from(long)).toHaveLength(FILE_NAME_MAX);
    expect(long.endsWith('ż.xlsx')).toBe(true);
  });
});
