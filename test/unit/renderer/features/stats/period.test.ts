import { describe, expect, it } from 'vitest';
import { halfYear, lastFinishedHalf, wholeYear } from '../../../../../renderer/features/stats/period';
import { formatBytes, groupedHash } from '../../../../../renderer/features/backup/backupQueries';

describe('reporting periods', () => {
  it('are the half-years and years of the sprawozdanie', () => {
    expect(halfYear(2026, 1)).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(halfYear(2026, 2)).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(wholeYear(2025)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('start on the last half-year that has ended (the one the next report is about)', () => {
    expect(lastFinishedHalf('2026-07-01')).toEqual({ year: 2026, half: 1 });
    expect(lastFinishedHalf('2026-12-31')).toEqual({ year: 2026, half: 1 });
    expect(lastFinishedHalf('2026-06-30')).toEqual({ year: 2025, half: 2 });
    expect(lastFinishedHalf('2026-01-15')).toEqual({ year: 2025, half: 2 });
  });
});

describe('backup figures', () => {
  it('show sizes in decimal units with a Polish comma and hashes in groups of eight', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(406_789)).toBe('406,8 kB');
    expect(formatBytes(12_400_000)).toBe('12,4 MB');
    expect(groupedHash('0123456789abcdef0123')).toBe('01234567 89abcdef 0123');
  });
});
