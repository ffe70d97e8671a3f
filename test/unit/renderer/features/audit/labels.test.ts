import { describe, expect, it } from 'vitest';
import { formatValue } from '../../../../../renderer/features/audit/labels';

describe('audit values on the screen', () => {
  it('writes a calendar date as the documents do (shared/domain/dates), and leaves a day that does not exist as it was stored', () => {
    expect(formatValue('2026-03-02')).toBe('02.03.2026');
    // dayjs rolled 30 February over to 2 March: the log must show what was recorded.
    expect(formatValue('2026-02-30')).toBe('2026-02-30');
  });
});
