/**
 * Seeing another PC's changes (issue 18, item 5): while signed in to an office server, the window
 * asks for the data's version (`app:dataVersion`, the audit chain's head) every few seconds and,
 * when it moved, marks every read stale so that lists, the tray and an open case are read again.
 *
 * What is being typed is never reset by that: an editor's record and its stored draft are loaded
 * once with `staleTime: 'static'`, which `refreshChangedData` leaves alone (a form is filled once;
 * a newer version on the server surfaces when the user saves, as the CONFLICT "zachowaj moje /
 * weź ich" of autosave.ts, never as a silent overwrite or a reset).
 *
 * The poll pauses while the window is hidden and asks at once when it is shown again. Kept free of
 * the bridge and of React so that it is tested on its own; `useDataVersionPolling` is its hook.
 */
import type { QueryClient } from '@tanstack/react-query';
import { STATUS_QUERY_KEY } from './queryClient';

/** How often the window asks for the data's version in server mode. */
export const DATA_VERSION_POLL_MS = 3000;

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface DataVersionPollerOptions {
  intervalMs: number;
  /** `app:dataVersion` through the bridge. */
  fetchVersion(): Promise<string>;
  /** The version moved since the last answer (never called for the first one). */
  onChange(): void;
  /** The window is hidden (minimised, another window in front of it on some systems). */
  isHidden(): boolean;
  timers?: Timers;
}

const defaultTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class DataVersionPoller {
  private last: string | null = null;
  private timer: unknown = null;
  private running = false;
  private inFlight: Promise<void> | null = null;
  private readonly timers: Timers;

  constructor(private readonly options: DataVersionPollerOptions) {
    this.timers = options.timers ?? defaultTimers;
  }

  /** Asks now (the first answer is the base), then every interval while the window is shown. */
  start(): void {
    if (this.running) return;
    this.running = true;
    void this.tick();
  }

  /** Stops asking and forgets the base (a later start reads anew). */
  stop(): void {
    this.running = false;
    this.last = null;
    this.clearTimer();
  }

  /** The window's visibility changed: shown again after a pause, it asks at once. */
  visibilityChanged(): void {
    if (!this.running || this.options.isHidden() || this.timer !== null || this.inFlight !== null) return;
    void this.tick();
  }

  /**
   * Asks now, not waiting for the timer (the outage banner's "Spróbuj ponownie"): settles once
   * answered or refused; a question already under way is waited for, not repeated.
   */
  async check(): Promise<void> {
    if (!this.running) return;
    if (this.inFlight !== null) return this.inFlight;
    this.clearTimer();
    return this.tick();
  }

  private tick(): Promise<void> {
    const run = this.ask().finally(() => {
      if (this.inFlight === run) this.inFlight = null;
      this.schedule();
    });
    this.inFlight = run;
    return run;
  }

  private async ask(): Promise<void> {
    this.timer = null;
    if (!this.running) return;
    // Hidden: paused until visibilityChanged() (nothing is scheduled).
    if (this.options.isHidden()) return;
    try {
      const version = await this.options.fetchVersion();
      if (this.running) {
        if (this.last !== null && version !== this.last) this.options.onChange();
        this.last = version;
      }
    } catch {
      // The server is gone, or the session locked: the connection banner and the status poll say
      // so; the next tick asks again (and its answer tells the banner the server is back).
    }
  }

  private schedule(): void {
    if (this.running && this.timer === null && this.inFlight === null && !this.options.isHidden()) {
      this.timer = this.timers.set(() => void this.tick(), this.options.intervalMs);
    }
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }
}

/**
 * Another PC changed the data: every cached read is stale and the shown ones are read again — but
 * not the status (its own poll), and not an editor's static loads (what is being typed stays).
 */
export function refreshChangedData(client: QueryClient): Promise<void> {
  return client.invalidateQueries(
    { predicate: (query) => query.queryKey[0] !== STATUS_QUERY_KEY[0] && !query.isStatic() },
    // A read already under way is not restarted.
    { cancelRefetch: false },
  );
}
