import { describe, it, expect } from 'vitest';
import {
  addDays,
  addMonths,
  compare,
  dayOfWeek,
  daysBetween,
  formatPolishDate,
  isoDateSchema,
  requiredIsoDate,
  isValidIsoDate,
  isWithin,
  parseIsoDate,
  toDayNumber,
} from '../../../../shared/domain/dates';

describe('parseIsoDate', () => {
  it('reads real dates', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
    expect(parseIsoDate('1999-12-31')).toEqual({ year: 1999, month: 12, day: 31 });
  });

  it('rejects days that do not exist and wrong shapes', () => {
    for (const bad of ['2025-02-29', '1900-02-29', '2100-02-29', '2024-02-30', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '2024-1-01', '24-01-01', '2024-01-01T00:00', ' 2024-01-01', '']) {
      expect(parseIsoDate(bad), bad).toBeNull();
      expect(isValidIsoDate(bad), bad).toBe(false);
    }
    expect(isValidIsoDate(20240101)).toBe(false);
  });
});

describe('day arithmetic', () => {
  it('counts from the Unix epoch', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01')).toBe(11017);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addDays('1899-12-31', 1)).toBe('1900-01-01');
  });

  it('ignores the time zone (end of March, when Polish clocks change)', () => {
    expect(addDays('2025-03-29', 1)).toBe('2025-03-30');
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31');
    expect(daysBetween('2025-03-01', '2025-04-01')).toBe(31);
  });

  it('throws a Polish message on a wrong date', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow('Nieprawidłowa data');
  });

  it('knows weekdays', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2025-12-24')).toBe(3);
    expect(dayOfWeek('2024-03-31')).toBe(0);
    expect(dayOfWeek('1900-01-01')).toBe(1);
  });
});

describe('compare', () => {
  it('orders dates', () => {
    expect(compare('2024-12-31', '2025-01-01')).toBe(-1);
    expect(compare('2025-01-01', '2025-01-01')).toBe(0);
    expect(compare('2025-01-02', '2025-01-01')).toBe(1);
    expect(['2025-03-01', '2024-12-31', '2025-01-15'].sort(compare)).toEqual(['2024-12-31', '2025-01-15', '2025-03-01']);
  });

  it('isWithin treats null as open-ended and includes both ends', () => {
    expect(isWithin('2025-01-01', '2025-01-01', null)).toBe(true);
    expect(isWithin('2024-12-31', '2025-01-01', null)).toBe(false);
    expect(isWithin('2024-12-31', '2022-01-01', '2024-12-31')).toBe(true);
    expect(isWithin('2025-01-01', '2022-01-01', '2024-12-31')).toBe(false);
  });
});

describe('addMonths', () => {
  it('keeps the day or falls back to the last day of the month (art. 112 k.c.)', () => {
    expect(addMonths('2025-01-15', 6)).toBe('2025-07-15');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2025-03-31', 1)).toBe('2025-04-30');
    expect(addMonths('2025-10-15', 3)).toBe('2026-01-15');
    expect(addMonths('2025-01-31', -2)).toBe('2024-11-30');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });
});

describe('formatting and schema', () => {
  it('formats for Polish documents', () => {
    expect(formatPolishDate('2025-01-05')).toBe('05.01.2025');
  });

  it('isoDateSchema accepts real dates and rejects others with a Polish message', () => {
    expect(isoDateSchema.safeParse('2024-02-29').success).toBe(true);
    const bad = isoDateSchema.safeParse('2025-02-29');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('Nieprawidłowa data (oczekiwano RRRR-MM-DD).');
    // An empty field (a cleared date picker) is a missing date, said once, not a wrong one.
    expect(isoDateSchema.safeParse('').error?.issues.map((i) => i.message)).toEqual(['Data jest wymagana.']);
    expect(requiredIsoDate('Podaj termin zadania.').safeParse('').error?.issues.map((i) => i.message)).toEqual(['Podaj termin zadania.']);
    expect(requiredIsoDate('Podaj termin zadania.').safeParse('2025-13-01').error?.issues.map((i) => i.message)).toEqual(['Nieprawidłowa data (oczekiwano RRRR-MM-DD).']);
  });
});
