/** Time as a dependency: the app uses the system clock, tests and demos a controllable one. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told to move (tests, e2e, benchmarks). */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string = new Date()) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
}

const OFFICE_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The office's calendar day (Europe/Warsaw), as 'YYYY-MM-DD': deadlines and "not in the future" use it, not UTC. */
export function officeDay(clock: Clock): string {
  return OFFICE_DAY.format(clock.now());
}

const OFFICE_TIME = new Intl.DateTimeFormat('pl-PL', {
  timeZone: 'Europe/Warsaw',
  day: 'numeric',
  month: 'numeric',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant as the office reads it in a message: "1.12.2026, 09:05" (Europe/Warsaw). */
export function officeTime(at: Date | string): string {
  return OFFICE_TIME.format(new Date(at));
}

const OFFICE_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Warsaw',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant's date and time on the office's clock (Europe/Warsaw), whatever the PC's time zone. */
export function officeClockParts(at: Date): { year: string; month: string; day: string; hour: string; minute: string; second: string } {
  const parts = Object.fromEntries(OFFICE_PARTS.formatToParts(at).map((part) => [part.type, part.value]));
  return { year: parts['year'] ?? '', month: parts['month'] ?? '', day: parts['day'] ?? '', hour: parts['hour'] ?? '', minute: parts['minute'] ?? '', second: parts['second'] ?? '' };
}
