/** Names and stamps an office reads are in its own time (Europe/Warsaw), not UTC nor the PC's zone. */
import { describe, expect, it } from 'vitest';
import { officeClockParts } from '../../../electron/clock';
import { backupFileName } from '../../../electron/services/backup-rotation';

describe('office time', () => {
  it('reads an instant on the Warsaw clock, winter and summer', () => {
    expect(officeClockParts(new Date('2026-03-02T07:05:09Z'))).toEqual({ year: '2026', month: '03', day: '02', hour: '08', minute: '05', second: '09' });
    expect(officeClockParts(new Date('2026-07-10T22:30:00Z'))).toMatchObject({ day: '11', hour: '00', minute: '30' });
  });

  it('names a backup by the office clock', () => {
    expect(backupFileName(new Date('2026-03-02T07:00:00Z'))).toBe('asysta-kopia-2026-03-02T0800.asb');
    // Just before midnight UTC in summer is already the next day in the office.
    expect(backupFileName(new Date('2026-07-10T22:30:00Z'), 2)).toBe('asysta-kopia-2026-07-11T0030-2.asb');
  });
});
