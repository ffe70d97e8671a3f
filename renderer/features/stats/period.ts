/** The reporting periods the kierownik picks: a half-year (sprawozdanie), a year, or any range. */
import { formatIsoDate, type IsoDate } from '../../../shared/domain/dates';

export type PeriodKind = 'half' | 'year' | 'custom';

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

export function halfYear(year: number, half: 1 | 2): Period {
  return half === 1 ? { from: formatIsoDate(year, 1, 1), to: formatIsoDate(year, 6, 30) } : { from: formatIsoDate(year, 7, 1), to: formatIsoDate(year, 12, 31) };
}

export function wholeYear(year: number): Period {
  return { from: formatIsoDate(year, 1, 1), to: formatIsoDate(year, 12, 31) };
}

/** The last half-year that has ended by `today`: the one the next sprawozdanie is about. */
export function lastFinishedHalf(today: IsoDate): { year: number; half: 1 | 2 } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month >= 7 ? { year, half: 1 } : { year: year - 1, half: 2 };
}
