/**
 * What typing in a form does, in one place (the logic of useAutosave, kept free of React so that
 * it is tested on its own): every change goes, debounced, to the form's draft in the database (a
 * lock, a crash or a closed window loses nothing); where the form has a record, the change also
 * goes there within `server.delayMs`, based on the version the user started from — a newer
 * version in the database is a conflict, never overwritten, and autosaving stops until the user
 * chooses. Leaving the screen saves what is still waiting.
 *
 * When the office server does not answer (server mode, issue 18), the storage keeps the draft on
 * this PC (offlineDrafts.ts) and the record waits: `reconnected()` — called when the server
 * answers again — sends the draft and the record then.
 */
import type { DraftPlace } from './offlineDrafts';

export type SaveState =
  | { status: 'clean' }
  | { status: 'dirty' }
  | { status: 'saving' }
  | { status: 'saved'; at: Date }
  | { status: 'invalid'; message: string }
  | { status: 'error'; message: string }
  /** The server did not answer: the changes wait in the draft and are sent when it answers again. */
  | { status: 'offline' };

/** Where the form's draft stands. */
export type DraftState =
  | { status: 'none' }
  | { status: 'saved'; at: Date }
  /** Kept on this PC: the server did not answer; sent when it answers again. */
  | { status: 'local'; at: Date }
  | { status: 'failed'; message: string };

/** manual: the user's button; auto: the timer; leave: the screen closes (no state updates). */
export type SaveMode = 'manual' | 'auto' | 'leave';

/** Where drafts go (offlineDrafts.ts DraftStore): the database, or this PC while the server is gone. */
export interface DraftStorage {
  save(key: string, data: string): Promise<DraftPlace>;
  remove(key: string): Promise<DraftPlace>;
}

/** What a failed call means to the autosave. */
export interface ErrorKind {
  conflict: boolean;
  /** Locked or signed out. */
  session: boolean;
  /** The office server did not answer. */
  unreachable: boolean;
  message: string;
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
  classify(error: unknown): ErrorKind;
  onState(state: SaveState): void;
  onConflict(message: string | null): void;
  onDraft(state: DraftState): void;
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
  /** The latest draft kept on this PC (not yet in the database), null when none. */
  private localDraft: string | null = null;
  /** The record's save failed because the server did not answer. */
  private waitingForServer = false;
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
      const place = await this.options.storage.save(this.options.key, data);
      this.localDraft = place === 'local' ? data : null;
      this.options.onDraft({ status: place === 'local' ? 'local' : 'saved', at: new Date() });
    } catch (error) {
      const { session, message } = this.options.classify(error);
      // Locked or signed out: the lock screen says why; the form is restored from the last saved draft.
      if (!session) this.options.onDraft({ status: 'failed', message });
    }
  }

  /** Forgets the draft (the record itself was saved, or the user dropped the typing on purpose). */
  async discardDraft(): Promise<void> {
    if (this.draftTimer !== null) this.timers.clear(this.draftTimer);
    this.draftTimer = null;
    this.pendingDraft = null;
    this.localDraft = null;
    try {
      await this.options.storage.remove(this.options.key);
      this.options.onDraft({ status: 'none' });
    } catch (error) {
      const { session, message } = this.options.classify(error);
      if (!session) this.options.onDraft({ status: 'failed', message });
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
      this.waitingForServer = false;
      if (mode !== 'leave') this.options.onState({ status: 'saving' });
      try {
        this.version = await server.save(values, this.version, mode);
        if (mode !== 'leave') this.options.onState({ status: 'saved', at: new Date() });
        // Nothing typed while saving: the server has it all, the local draft is not needed.
        if (!this.dirty) await this.discardDraft();
        return true;
      } catch (error) {
        this.dirty = true;
        const { conflict, session, unreachable, message } = this.options.classify(error);
        if (conflict) {
          this.inConflict = true;
          this.options.onConflict(message);
          this.options.onState({ status: 'dirty' });
        } else if (unreachable) {
          // Nothing is lost: the values are in the draft (on this PC if need be) and go when the server answers.
          this.waitingForServer = true;
          await this.flushDraft();
          if (mode !== 'leave') this.options.onState({ status: 'offline' });
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

  /**
   * The server answers again: a draft kept on this PC goes to the database, and a record that
   * could not be saved is saved now (unless a conflict waits for the user).
   */
  async reconnected(): Promise<void> {
    if (this.localDraft !== null && this.pendingDraft === null) {
      this.pendingDraft = this.localDraft;
      await this.flushDraft();
    }
    if (this.options.server && this.dirty && this.waitingForServer && !this.inConflict) await this.saveNow('auto');
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
