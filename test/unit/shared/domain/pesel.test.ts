import { describe, it, expect } from 'vitest';
import { addDays } from '../../../../shared/domain/dates';
import {
  makePesel,
  peselCheckDigit,
  peselMatches,
  peselSchema,
  validatePesel,
  type Sex,
} from '../../../../shared/domain/pesel';

// Check digits below were computed by hand (weights 1,3,7,9,1,3,7,9,1,3), not with peselCheckDigit.
const VALID: Array<[string, string, Sex]> = [
  ['50831501236', '1850-03-15', 'M'], // 1800–1899: month + 80
  ['96822900147', '1896-02-29', 'F'], // leap year in the 19th century
  ['44051401359', '1944-05-14', 'M'], // 1900–1999: month as is
  ['02070803628', '1902-07-08', 'F'],
  ['60022900113', '1960-02-29', 'M'],
  ['05323104578', '2005-12-31', 'M'], // 2000–2099: month + 20
  ['00222900122', '2000-02-29', 'F'], // 2000 is a leap year (divisible by 400)
  ['24222900210', '2024-02-29', 'M'],
  ['01410100182', '2101-01-01', 'F'], // 2100–2199: month + 40
  ['04622900191', '2204-02-29', 'M'], // 2200–2299: month + 60
  ['99723199922', '2299-12-31', 'F'],
];

const IMPOSSIBLE_DATES: Array<[string, string]> = [
  ['00822900151', '1800-02-29 (1800 not a leap year)'],
  ['00022900157', '1900-02-29 (1900 not a leap year)'],
  ['23222900275', '2023-02-29'],
  ['20223000133', '2020-02-30'],
  ['00422900142', '2100-02-29 (2100 not a leap year)'],
  ['00622900124', '2200-02-29 (2200 not a leap year)'],
  ['03130100158', 'month 13'],
  ['05330100134', 'month 33'],
  ['03000100152', 'month 00'],
  ['03010000156', 'day 00'],
];

describe('validatePesel', () => {
  it.each(VALID)('accepts %s (born %s, %s)', (pesel, birthDate, sex) => {
    expect(validatePesel(pesel)).toEqual({ ok: true, birthDate, sex });
  });

  it.each(IMPOSSIBLE_DATES)('rejects %s: %s', (pesel) => {
    expect(validatePesel(pesel)).toEqual({ ok: false, message: 'PESEL zawiera nieistniejącą datę urodzenia.' });
  });

  it('rejects a wrong check digit (every other digit for a valid number)', () => {
    for (const [pesel] of VALID) {
      for (let d = 0; d <= 9; d++) {
        const candidate = pesel.slice(0, 10) + String(d);
        if (candidate === pesel) continue;
        expect(validatePesel(candidate)).toEqual({ ok: false, message: 'Nieprawidłowa cyfra kontrolna PESEL.' });
      }
    }
  });

  it('detects a single changed digit', () => {
    expect(validatePesel('44051401358')).toEqual({ ok: false, message: 'Nieprawidłowa cyfra kontrolna PESEL.' });
    expect(validatePesel('44051401369').ok).toBe(false);
  });

  it('rejects a wrong length, and says so when there is more than digits (nothing is stripped)', () => {
    for (const bad of ['', '4405140135', '440514013590']) {
      expect(validatePesel(bad), bad).toEqual({ ok: false, message: 'PESEL musi mieć 11 cyfr.' });
    }
    for (const bad of ['4405140135a', '44051 01359', '４４０５１４０１３５９', ' 44051401359', '44-05-14-013']) {
      expect(validatePesel(bad), bad).toEqual({ ok: false, message: 'PESEL składa się z samych cyfr — usuń litery i inne znaki.' });
    }
  });

  it('with today, refuses a birth date in the future and names it', () => {
    expect(validatePesel('01410111117')).toMatchObject({ ok: true, birthDate: '2101-01-01' });
    expect(validatePesel('01410111117', { today: '2026-12-03' })).toEqual({
      ok: false,
      message: 'PESEL wskazuje datę urodzenia z przyszłości (01.01.2101) — sprawdź numer.',
    });
    expect(validatePesel('44051401359', { today: '2026-12-03' }).ok).toBe(true);
  });
});

describe('peselCheckDigit', () => {
  it('matches the hand-computed digits', () => {
    expect(peselCheckDigit('4405140135')).toBe(9);
    expect(peselCheckDigit('0207080362')).toBe(8);
    expect(peselCheckDigit('0022290012')).toBe(2);
  });
});

describe('peselMatches', () => {
  it('accepts matching data and unchecked empty fields', () => {
    expect(peselMatches('44051401359', '1944-05-14', 'M')).toEqual({ ok: true });
    expect(peselMatches('44051401359', null, undefined)).toEqual({ ok: true });
  });

  it('names what does not match', () => {
    expect(peselMatches('44051401359', '1944-05-15', 'M')).toEqual({
      ok: false,
      message: 'Data urodzenia nie zgadza się z numerem PESEL.',
    });
    expect(peselMatches('44051401359', '2044-05-14', null)).toEqual({
      ok: false,
      message: 'Data urodzenia nie zgadza się z numerem PESEL.',
    });
    expect(peselMatches('44051401359', '1944-05-14', 'F')).toEqual({
      ok: false,
      message: 'Płeć nie zgadza się z numerem PESEL.',
    });
  });

  it('passes on the validator message for an invalid PESEL', () => {
    expect(peselMatches('44051401358', '1944-05-14', 'M')).toEqual({
      ok: false,
      message: 'Nieprawidłowa cyfra kontrolna PESEL.',
    });
  });
});

describe('makePesel', () => {
  it('builds the known numbers', () => {
    // serial 27 → digits 7–9 = "005", sex digit 2·(27 mod 5) + 1 = 5;
    // check: 4+12+0+45+1+12+0+0+5+15 = 94 → (10 − 4) mod 10 = 6.
    expect(makePesel('1944-05-14', 'M', 27)).toBe('44051400556');
    expect(validatePesel('44051400556')).toEqual({ ok: true, birthDate: '1944-05-14', sex: 'M' });
    // serial 0 for a woman born 2000-02-29 → "000" + sex digit 0; check: 0+0+14+18+2+27 = 61 → 9.
    expect(makePesel('2000-02-29', 'F', 0)).toBe('00222900009');
  });

  it('round-trips over every century, both sexes and many dates', () => {
    const starts = ['1800-01-01', '1899-12-31', '1900-01-01', '1999-12-31', '2000-01-01', '2099-12-31', '2100-01-01', '2200-01-01', '2299-12-31'];
    for (const start of starts) {
      for (let i = 0; i < 40; i++) {
        const date = addDays(start, i * 37 - (start.endsWith('12-31') ? 1500 : 0));
        for (const sex of ['F', 'M'] as const) {
          const serial = (i * 131) % 5000;
          const pesel = makePesel(date, sex, serial);
          expect(validatePesel(pesel)).toEqual({ ok: true, birthDate: date, sex });
        }
      }
    }
  });

  it('gives 5000 distinct numbers per date and sex', () => {
    const set = new Set<string>();
    for (let serial = 0; serial < 5000; serial++) set.add(makePesel('1990-06-15', 'F', serial));
    expect(set.size).toBe(5000);
  });

  it('refuses dates outside 1800–2299 and bad serials', () => {
    expect(() => makePesel('1799-12-31', 'M', 0)).toThrow('1800–2299');
    expect(() => makePesel('2300-01-01', 'M', 0)).toThrow('1800–2299');
    expect(() => makePesel('1990-01-01', 'M', 5000)).toThrow(RangeError);
    expect(() => makePesel('1990-01-01', 'M', -1)).toThrow(RangeError);
    expect(() => makePesel('1990-02-30', 'M', 1)).toThrow('Nieprawidłowa data');
  });
});

describe('peselSchema', () => {
  it('trims and reports the validator message', () => {
    expect(peselSchema.parse(' 44051401359 ')).toBe('44051401359');
    const result = peselSchema.safeParse('44051401358');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Nieprawidłowa cyfra kontrolna PESEL.');
  });
});
