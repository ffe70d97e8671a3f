import { describe, it, expect } from 'vitest';
import {
  addWorkingDays,
  easterSunday,
  holidayName,
  isHoliday,
  isWorkingDay,
  polishHolidays,
  workingDaysBetween,
} from '../../../../shared/domain/calendar';

const dates = (year: number) => polishHolidays(year).map((h) => h.date);

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2010, '2010-04-04'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2000, '2000-04-23'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'], // the latest possible date
    [2285, '2285-03-22'], // the earliest possible date
    [1818, '1818-03-22'],
  ])('%i → %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});

describe('polishHolidays', () => {
  it('2024: no Wigilia yet', () => {
    expect(dates(2024)).toEqual([
      '2024-01-01', '2024-01-06', '2024-03-31', '2024-04-01', '2024-05-01', '2024-05-03', '2024-05-19',
      '2024-05-30', '2024-08-15', '2024-11-01', '2024-11-11', '2024-12-25', '2024-12-26',
    ]);
  });

  it('2025: Wigilia is a holiday from 2025; Corpus Christi on 19 June', () => {
    expect(dates(2025)).toEqual([
      '2025-01-01', '2025-01-06', '2025-04-20', '2025-04-21', '2025-05-01', '2025-05-03', '2025-06-08',
      '2025-06-19', '2025-08-15', '2025-11-01', '2025-11-11', '2025-12-24', '2025-12-25', '2025-12-26',
    ]);
    expect(holidayName('2025-06-19')).toBe('Boże Ciało');
  });

  it('2026', () => {
    expect(dates(2026)).toEqual([
      '2026-01-01', '2026-01-06', '2026-04-05', '2026-04-06', '2026-05-01', '2026-05-03', '2026-05-24',
      '2026-06-04', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-24', '2026-12-25', '2026-12-26',
    ]);
  });

  it('6 January only from 2011', () => {
    expect(isHoliday('2010-01-06')).toBe(false);
    expect(isHoliday('2011-01-06')).toBe(true);
    expect(holidayName('2011-01-06')).toBe('Święto Trzech Króli');
  });

  it('names and non-holidays', () => {
    expect(holidayName('2025-04-21')).toBe('Poniedziałek Wielkanocny');
    expect(holidayName('2025-04-18')).toBeNull(); // Good Friday is not a public holiday
    expect(holidayName('2024-12-24')).toBeNull();
  });
});

describe('isWorkingDay', () => {
  it('24 December is a working day in 2024 (Tuesday) but not in 2025 (Wednesday)', () => {
    expect(isWorkingDay('2024-12-24')).toBe(true);
    expect(isWorkingDay('2025-12-24')).toBe(false);
  });

  it('weekends are days off, also for the office on Saturdays', () => {
    expect(isWorkingDay('2025-03-08')).toBe(false); // Saturday
    expect(isWorkingDay('2025-03-09')).toBe(false); // Sunday
    expect(isWorkingDay('2025-03-10')).toBe(true); // Monday
  });

  it('holidays on weekdays are days off', () => {
    expect(isWorkingDay('2025-06-19')).toBe(false); // Corpus Christi, Thursday
    expect(isWorkingDay('2025-06-20')).toBe(true); // the Friday after
    expect(isWorkingDay('2026-01-06')).toBe(false);
  });
});

describe('addWorkingDays (the day of learning is not counted)', () => {
  it('14 working days without holidays: Mon 2025-03-03 → Fri 2025-03-21', () => {
    // Tue 4 – Fri 7 (1–4), 10–14 (5–9), 17–21 (10–14): the Friday of the third week.
    expect(addWorkingDays('2025-03-03', 14)).toBe('2025-03-21');
  });

  it('Christmas 2025: Mon 22 Dec + 2 → Mon 29 Dec', () => {
    // Tue 23 (1); 24, 25, 26 holidays; 27–28 weekend; Mon 29 (2).
    expect(addWorkingDays('2025-12-22', 2)).toBe('2025-12-29');
  });

  it('Christmas 2024 (24 Dec still working): Mon 23 Dec + 2 → Fri 27 Dec', () => {
    // Tue 24 (1); 25, 26 holidays; Fri 27 (2).
    expect(addWorkingDays('2024-12-23', 2)).toBe('2024-12-27');
  });

  it('Christmas, New Year and Epiphany 2025/26: Mon 22 Dec + 14 → Fri 16 Jan 2026', () => {
    // 23 (1), 29 (2), 30 (3), 31 (4), [1 Jan], 2 (5), 5 (6), [6 Jan], 7 (7), 8 (8), 9 (9),
    // 12 (10), 13 (11), 14 (12), 15 (13), 16 (14).
    expect(addWorkingDays('2025-12-22', 14)).toBe('2026-01-16');
  });

  it('Christmas 2024/25: Fri 20 Dec + 14 → Wed 15 Jan 2025', () => {
    // 23 (1), 24 (2), 27 (3), 30 (4), 31 (5), 2 (6), 3 (7), [6 Jan], 7 (8), 8 (9), 9 (10),
    // 10 (11), 13 (12), 14 (13), 15 (14).
    expect(addWorkingDays('2024-12-20', 14)).toBe('2025-01-15');
  });

  it('Easter 2025: Thu 17 Apr + 2 → Tue 22 Apr (Good Friday counts, Easter Monday does not)', () => {
    expect(addWorkingDays('2025-04-17', 2)).toBe('2025-04-22');
  });

  it('Easter 2024: Thu 28 Mar + 2 → Tue 2 Apr', () => {
    expect(addWorkingDays('2024-03-28', 2)).toBe('2024-04-02');
  });

  it('May weekend 2025: Wed 30 Apr + 2 → Mon 5 May (1 May holiday, 3 May a Saturday)', () => {
    expect(addWorkingDays('2025-04-30', 2)).toBe('2025-05-05');
  });

  it('May weekend 2026: Thu 30 Apr + 1 → Mon 4 May (1 May a Friday)', () => {
    expect(addWorkingDays('2026-04-30', 1)).toBe('2026-05-04');
  });

  it('All Saints 2024: Thu 31 Oct + 2 → Tue 5 Nov', () => {
    expect(addWorkingDays('2024-10-31', 2)).toBe('2024-11-05');
  });

  it('learning on a Saturday: Sat 8 Nov 2025 + 2 → Wed 12 Nov (11 Nov holiday)', () => {
    expect(addWorkingDays('2025-11-08', 2)).toBe('2025-11-12');
  });

  it('Corpus Christi 2025: Wed 18 Jun + 1 → Fri 20 Jun', () => {
    expect(addWorkingDays('2025-06-18', 1)).toBe('2025-06-20');
  });

  it('n = 0 is the start; negative or fractional n is refused', () => {
    expect(addWorkingDays('2025-12-25', 0)).toBe('2025-12-25');
    expect(() => addWorkingDays('2025-01-01', -1)).toThrow('nieujemną');
    expect(() => addWorkingDays('2025-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts (a, b]', () => {
    expect(workingDaysBetween('2025-12-22', '2026-01-16')).toBe(14);
    expect(workingDaysBetween('2024-12-20', '2025-01-15')).toBe(14);
    expect(workingDaysBetween('2025-12-23', '2025-12-28')).toBe(0);
    expect(workingDaysBetween('2025-03-07', '2025-03-10')).toBe(1);
    expect(workingDaysBetween('2025-03-10', '2025-03-10')).toBe(0);
    expect(workingDaysBetween('2026-01-16', '2025-12-22')).toBe(-14);
  });

  it('working days of whole years (2024: 252, 2025: 251 with the new Wigilia holiday)', () => {
    expect(workingDaysBetween('2023-12-31', '2024-12-31')).toBe(252);
    expect(workingDaysBetween('2024-12-31', '2025-12-31')).toBe(251);
  });

  it('is the inverse of addWorkingDays', () => {
    for (const start of ['2024-12-20', '2025-04-17', '2025-11-08', '2026-04-30']) {
      for (let n = 0; n <= 30; n++) {
        expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
      }
    }
  });
});
