import { describe, expect, it } from 'vitest';
import { ManualClock, officeDay } from '../../../electron/clock';

describe('officeDay', () => {
  it('is the calendar day in Poland, not in UTC (winter and summer time)', () => {
    expect(officeDay(new ManualClock('2026-03-01T23:30:00Z'))).toBe('2026-03-02'); // 00:30 CET
    expect(officeDay(new ManualClock('2026-07-01T21:59:00Z'))).toBe('2026-07-01'); // 23:59 CEST
    expect(officeDay(new ManualClock('2026-07-01T22:00:00Z'))).toBe('2026-07-02'); // 00:00 CEST
  });
});
