/**
 * What typing in a form does, in one place (the logic of useAutosave, kept free of React so that
 * it is tested on its own): every change goes, debounced, to the form's draft in the encrypted
 * database (a lock, a crash or a closed window loses nothing); where the form has a record on
 * the server, the change also goes there within `server.delayMs`, based on the version the user
 * started from — a newer version on the server is a conflict, never overwritten, and autosaving
 * stops until the user chooses. Leaving the screen saves what is still waiting.
 */

export type SaveState =
  | { status: 'clean' }
  | { status: 'dirty' }
  | { status: 'saving' }
  | { status: 'saved'; at: Date }
  | { status: 'invalid'; message: string }
  | { status: 'error'; message: string };

/** manual: the user's button; auto: the timer; leave: the screen closes (no state updates). */
export type SaveMode = 'manual' | 'auto' | 'leave';

export interface DraftStorage {
  save(key: string, data: string): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface ServerSave<V> {
  delayMs: number;
  /** Saves the values based on `version`; returns the record's new version. */
  save(values: V, version: number, mode: SaveMode): Promise<number>;
  /** A Polish reason the values cannot be sent yet (kept in the draft until corrected); null: fine. */
  validate?(values: V, mode: SaveMode): Promise<string | null> | string | null;
}

export interface AutosaveOptions<V> {
  key: string;
  storage: DraftStorage;
  draftDelayMs: number;
  baseVersion: number;
  getValues(): V;
  server?: ServerSave<V> | undefined;
  /** The values differ from the server's from the start (a restored draft): sent like any change. */
  initiallyDirty?: boolean;
  classify(error: unknown): { conflict: boolean; session: boolean; message: string };
  onState(state: SaveState): void;
  onConflict(message: string | null): void;
  onDraft(savedAt: Date | null, problem: string | null): void;
  timers?: { set(callback: () => void, ms: number): unknown; clear(handle: unknown): void };
}

const defaultTimers = {
  set: (callback: () => void, ms: number): unknown => setTimeout(callback, ms),
  clear: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class AutosaveController<V> {
  /** The server's version the next save is based on. */
  version: number;
  private dirty: boolean;
  private inConflict = false;
  private pendingDraft: string | null = null;
  private draftTimer: unknown = null;
  private serverTimer: unknown = null;
  private inFlight: Promise<boolean> | null = null;
  private readonly timers: NonNullable<AutosaveOptions<V>['timers']>;

  constructor(private options: AutosaveOptions<V>) {
    this.version = options.baseVersion;
    this.dirty = options.initiallyDirty ?? false;
    this.timers = options.timers ?? defaultTimers;
  }

  /** The screen's current save (it closes over the screen's latest props). */
  setServer(server: ServerSave<V> | undefined): void {
    this.options.server = server;
  }

  /** The record's version changed outside (a form without server autosave, saved by its own button). */
  rebase(version: number): void {
    this.version = version;
  }

  get isDirty(): boolean {
    return this.dirty;
  }

  get conflicted(): boolean {
    return this.inConflict;
  }

  /** The screen is shown: a restored draft goes to the server like any other change. */
  start(): void {
    if (this.dirty) this.scheduleServer();
  }

  /** Every change of the form's values. */
  change(values: V): void {
    this.pendingDraft = JSON.stringify({ baseVersion: this.version, values });
    if (this.draftTimer !== null) this.timers.clear(this.draftTimer);
    this.draftTimer = this.timers.set(() => void this.flushDraft(), this.options.draftDelayMs);
    if (!this.options.server) return;
    this.dirty = true;
    this.options.onState({ status: 'dirty' });
    this.scheduleServer();
  }

  /** Writes the waiting draft now (lock, sign-out, leaving the screen). */
  async flushDraft(): Promise<void> {
    if (this.draftTimer !== null) this.timers.clear(this.draftTimer);
    this.draftTimer = null;
    const data = this.pendingDraft;
    if (data === null) return;
    this.pendingDraft = null;
    try {
      await this.options.storage.save(this.options.key, data);
      this.options.onDraft(new Date(), null);
    } catch (error) {
      const { session, message } = this.options.classify(error);
      // Locked or signed out: the lock screen says why; the form is restored from the last saved draft.
      if (!session) this.options.onDraft(null, message);
    }
  }

  /** Forgets the draft (the record itself was saved, or the user dropped the typing on purpose). */
  async discardDraft(): Promise<void> {
    if (this.draftTimer !== null) this.timers.clear(this.draftTimer);
    this.draftTimer = null;
    this.pendingDraft = null;
    try {
      await this.options.storage.remove(this.options.key);
      this.options.onDraft(null, null);
    } catch (error) {
      const { session, message } = this.options.classify(error);
      if (!session) this.options.onDraft(null, message);
    }
  }

  /** Sends the values to the server now; false when they were not saved (invalid, refused, conflict). */
  async saveNow(mode: SaveMode): Promise<boolean> {
    const server = this.options.server;
    if (!server) return false;
    if (this.inFlight) await this.inFlight;
    this.clearServerTimer();
    const values = this.options.getValues();
    const problem = server.validate ? await server.validate(values, mode) : null;
    if (problem !== null) {
      if (mode !== 'leave') this.options.onState({ status: 'invalid', message: problem });
      return false;
    }
    const run = (async () => {
      this.dirty = false;
      if (mode !== 'leave') this.options.onState({ status: 'saving' });
      try {
        this.version = await server.save(values, this.version, mode);
        if (mode !== 'leave') this.options.onState({ status: 'saved', at: new Date() });
        // Nothing typed while saving: the server has it all, the local draft is not needed.
        if (!this.dirty) await this.discardDraft();
        return true;
      } catch (error) {
        this.dirty = true;
        const { conflict, session, message } = this.options.classify(error);
        if (conflict) {
          this.inConflict = true;
          this.options.onConflict(message);
          this.options.onState({ status: 'dirty' });
        } else if (!session && mode !== 'leave') {
          this.options.onState({ status: 'error', message });
        }
        return false;
      }
    })();
    this.inFlight = run;
    try {
      return await run;
    } finally {
      this.inFlight = null;
    }
  }

  /**
   * After a conflict: go on from the server's `version` (the user keeps her values and saves them
   * on top, or has loaded the latest and continues from it).
   */
  resolveConflict(version: number): void {
    this.version = version;
    this.inConflict = false;
    this.options.onConflict(null);
  }

  /** The record was saved (or loaded) outside the autosave: its version, nothing waiting. */
  async settle(version: number): Promise<void> {
    this.version = version;
    this.dirty = false;
    this.inConflict = false;
    this.clearServerTimer();
    this.options.onConflict(null);
    this.options.onState({ status: 'clean' });
    await this.discardDraft();
  }

  /** The screen closes: the waiting draft is written, unsaved values go to the server. */
  dispose(): void {
    this.clearServerTimer();
    void this.flushDraft();
    if (this.options.server && this.dirty && !this.inConflict) void this.saveNow('leave');
  }

  private scheduleServer(): void {
    if (!this.options.server || this.serverTimer !== null || this.inConflict) return;
    this.serverTimer = this.timers.set(() => {
      this.serverTimer = null;
      if (this.dirty && !this.inConflict) void this.saveNow('auto');
    }, this.options.server.delayMs);
  }

  private clearServerTimer(): void {
    if (this.serverTimer !== null) this.timers.clear(this.serverTimer);
    this.serverTimer = null;
  }
}
