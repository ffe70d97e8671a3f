/**
 * Form drafts that survive an outage of the office server (issue 18). A draft normally goes to the
 * database (`drafts:save`); when the server does not answer, `DraftStore` keeps it on this PC in
 * the window's localStorage instead — per user and form, bounded — and sends it once the server
 * answers again (`sync`, run by the reconnect in connection.ts). A draft dropped while the server
 * is gone leaves a mark, so that the server's older copy is deleted too and never restored.
 *
 * Every operation on one form's draft waits for the previous one (a chain per key), so a draft
 * sent by `sync` can never overwrite a newer one typed meanwhile, nor a late answer the reverse.
 *
 * The copy on this PC is not encrypted (localStorage is the Chromium profile's file): it exists
 * only while the server is gone, and is removed the moment the server has the draft.
 */

/** The part of the Web Storage API used here (window.localStorage; a Map-backed one in tests). */
export interface KeyValueStore {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The drafts in the database, through the bridge. */
export interface RemoteDrafts {
  save(key: string, data: string): Promise<void>;
  remove(key: string): Promise<void>;
}

/** How a failed call is handled: kept on this PC until the server answers, kept and retried later, or refused for good. */
export type DraftFailure = 'unreachable' | 'retry' | 'refused';

/** Where a draft ended up. */
export type DraftPlace = 'server' | 'local';

/** At most this many forms' drafts per user on this PC. */
export const MAX_LOCAL_DRAFTS = 30;
/** At most this many characters of drafts per user on this PC (localStorage holds a few MB per app). */
export const MAX_LOCAL_CHARS = 1_000_000;

export const LOCAL_DRAFTS_FULL =
  'Brak połączenia z serwerem biura, a na tym komputerze nie ma już miejsca na kolejny szkic. Nie zamykaj formularza: wpisane dane są na ekranie i zostaną zapisane, gdy serwer znów odpowie.';

/** This PC cannot keep one more draft (the bound, or localStorage's own quota). */
export class LocalDraftsFull extends Error {
  constructor() {
    super(LOCAL_DRAFTS_FULL);
    this.name = 'LocalDraftsFull';
  }
}

interface Entry {
  /** The draft, or null: delete the server's copy. */
  data: string | null;
  /** When it was kept (ISO). */
  at: string;
}

const PREFIX = 'asysta.szkic.';

/** One user's drafts kept on this PC (keys `asysta.szkic.<user id>.<form key>`). */
export class LocalDrafts {
  private readonly prefix: string;

  constructor(
    private readonly store: KeyValueStore,
    userId: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.prefix = `${PREFIX}${userId}.`;
  }

  /** The form keys with something kept, oldest first. */
  keys(): string[] {
    const found: { key: string; at: string }[] = [];
    for (let i = 0; i < this.store.length; i++) {
      const storageKey = this.store.key(i);
      if (storageKey === null || !storageKey.startsWith(this.prefix)) continue;
      const key = storageKey.slice(this.prefix.length);
      const entry = this.get(key);
      if (entry) found.push({ key, at: entry.at });
    }
    return found.sort((a, b) => a.at.localeCompare(b.at)).map((item) => item.key);
  }

  /** What is kept for the form: undefined when nothing (an unreadable entry counts as nothing). */
  get(key: string): Entry | undefined {
    const raw = this.store.getItem(this.prefix + key);
    if (raw === null) return undefined;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed !== 'object' || parsed === null || !('data' in parsed) || !('at' in parsed)) return undefined;
      const { data, at } = parsed as { data: unknown; at: unknown };
      if ((typeof data !== 'string' && data !== null) || typeof at !== 'string') return undefined;
      return { data, at };
    } catch {
      return undefined;
    }
  }

  /** Keeps the draft (null: the mark that the server's copy is to be deleted); throws LocalDraftsFull past the bounds. */
  put(key: string, data: string | null): void {
    if (data !== null) {
      const others = this.keys().filter((other) => other !== key);
      const used = others.reduce((sum, other) => sum + (this.get(other)?.data?.length ?? 0), 0);
      if (others.length >= MAX_LOCAL_DRAFTS || used + data.length > MAX_LOCAL_CHARS) throw new LocalDraftsFull();
    }
    try {
      this.store.setItem(this.prefix + key, JSON.stringify({ data, at: this.now().toISOString() } satisfies Entry));
    } catch {
      // The browser's own quota (QuotaExceededError): the same answer as the bound.
      throw new LocalDraftsFull();
    }
  }

  remove(key: string): void {
    this.store.removeItem(this.prefix + key);
  }
}

/**
 * The drafts' storage the autosave uses: the database while the server answers, this PC while it
 * does not. `classify` tells a failed call's kind (the bridge's error codes live in the hook).
 */
export class DraftStore {
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(
    private readonly remote: RemoteDrafts,
    private readonly local: LocalDrafts,
    private readonly classify: (error: unknown) => DraftFailure,
  ) {}

  /** The draft kept on this PC for the form: undefined when none, null when it was dropped (not restored). */
  kept(key: string): { data: string; updatedAt: string } | null | undefined {
    const entry = this.local.get(key);
    if (!entry) return undefined;
    return entry.data === null ? null : { data: entry.data, updatedAt: entry.at };
  }

  /** Saves the draft: 'server', or 'local' while the server is gone; other refusals are thrown. */
  save(key: string, data: string): Promise<DraftPlace> {
    return this.queue(key, async () => {
      try {
        await this.remote.save(key, data);
      } catch (error) {
        if (this.classify(error) !== 'unreachable') throw error;
        this.local.put(key, data);
        return 'local';
      }
      this.local.remove(key);
      return 'server';
    });
  }

  /** Drops the draft; while the server is gone, a mark makes `sync` delete the server's copy later. */
  remove(key: string): Promise<DraftPlace> {
    return this.queue(key, async () => {
      try {
        await this.remote.remove(key);
      } catch (error) {
        if (this.classify(error) !== 'unreachable') throw error;
        this.local.put(key, null);
        return 'local';
      }
      this.local.remove(key);
      return 'server';
    });
  }

  /**
   * Sends what this PC keeps, oldest first; stops when the server is gone again. A draft the
   * server refuses for good (no longer the user's case, invalid) is dropped and logged; one
   * refused for now (a locked session) stays for the next time. Answers how many are still kept.
   */
  async sync(): Promise<number> {
    for (const key of this.local.keys()) {
      const outcome = await this.queue(key, async (): Promise<DraftFailure | 'sent'> => {
        const entry = this.local.get(key);
        if (!entry) return 'sent';
        try {
          if (entry.data === null) await this.remote.remove(key);
          else await this.remote.save(key, entry.data);
        } catch (error) {
          const failure = this.classify(error);
          if (failure === 'refused') {
            console.error(`The server refused the draft ${key} kept on this PC; dropped.`, error);
            this.local.remove(key);
          }
          return failure;
        }
        // Only what was sent is removed: a newer draft kept meanwhile would have waited in the chain.
        this.local.remove(key);
        return 'sent';
      });
      if (outcome === 'unreachable') break;
    }
    return this.local.keys().length;
  }

  private queue<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous.then(work);
    const settled = next.catch(() => undefined);
    this.chains.set(key, settled);
    void settled.then(() => {
      if (this.chains.get(key) === settled) this.chains.delete(key);
    });
    return next;
  }
}
