/**
 * The autosave of the forms (renderer/lib/autosave.ts, behind useAutosave): typing is debounced
 * into the draft, the record is saved once per delay based on the version the user started from,
 * a conflict stops autosaving until resolved, and closing the screen writes what is still waiting.
 * While the office server is gone, drafts are kept on this PC and sent when it answers again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveController, type DraftState, type SaveState } from '../../../../renderer/lib/autosave';
import { DraftStore, LocalDrafts, type KeyValueStore } from '../../../../renderer/lib/offlineDrafts';

class Conflict extends Error {}

interface Values {
  text: string;
}

function setUp(server?: { save?: (values: Values, version: number) => Promise<number>; validate?: (values: Values) => string | null }, initiallyDirty = false) {
  let current: Values = { text: '' };
  const drafts: { key: string; data: string }[] = [];
  const removed: string[] = [];
  const saves: { values: Values; version: number; mode: string }[] = [];
  const states: SaveState[] = [];
  const conflicts: (string | null)[] = [];
  const controller = new AutosaveController<Values>({
    key: 'interview:1',
    storage: {
      save: async (key, data) => {
        drafts.push({ key, data });
        return 'server';
      },
      remove: async (key) => {
        removed.push(key);
        return 'server';
      },
    },
    draftDelayMs: 1000,
    baseVersion: 3,
    getValues: () => current,
    initiallyDirty,
    server: server
      ? {
          delayMs: 30_000,
          save: async (values, version, mode) => {
            saves.push({ values, version, mode });
            return server.save ? server.save(values, version) : version + 1;
          },
          validate: (values) => server.validate?.(values) ?? null,
        }
      : undefined,
    classify: (error) => ({ conflict: error instanceof Conflict, session: false, unreachable: false, message: error instanceof Error ? error.message : String(error) }),
    onState: (state) => states.push(state),
    onConflict: (message) => conflicts.push(message),
    onDraft: () => undefined,
  });
  const type = (text: string) => {
    current = { text };
    controller.change(current);
  };
  return { controller, type, drafts, removed, saves, states, conflicts };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('autosave', () => {
  it('debounces the draft: many keystrokes, one write a second after the last, with the base version', async () => {
    const t = setUp();
    t.type('A');
    await vi.advanceTimersByTimeAsync(500);
    t.type('Al');
    await vi.advanceTimersByTimeAsync(500);
    t.type('Ala');
    expect(t.drafts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.drafts).toEqual([{ key: 'interview:1', data: JSON.stringify({ baseVersion: 3, values: { text: 'Ala' } }) }]);
  });

  it('saves the record once per delay from the first change, on the version it started from, then forgets the draft', async () => {
    const t = setUp({});
    t.type('A');
    await vi.advanceTimersByTimeAsync(20_000);
    t.type('Ala');
    expect(t.saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(t.saves).toEqual([{ values: { text: 'Ala' }, version: 3, mode: 'auto' }]);
    expect(t.controller.version).toBe(4);
    expect(t.controller.isDirty).toBe(false);
    expect(t.removed).toEqual(['interview:1']);
    expect(t.states.at(-1)?.status).toBe('saved');
    // Nothing typed since: no further save.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.saves).toHaveLength(1);
  });

  it('keeps invalid values in the draft and does not send them', async () => {
    const t = setUp({ validate: (values) => (values.text.includes('?') ? 'Kwota: wpisz liczbę.' : null) });
    t.type('12?');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(t.saves).toHaveLength(0);
    expect(t.states.at(-1)).toEqual({ status: 'invalid', message: 'Kwota: wpisz liczbę.' });
    expect(t.drafts.at(-1)?.data).toContain('12?');
  });

  it('stops on a conflict: nothing overwritten, no autosave until resolved, then saved on top of the newer version', async () => {
    let fail = true;
    const t = setUp({
      save: async (_values, version) => {
        if (fail) throw new Conflict('Wywiad został w międzyczasie zapisany przez Ewę Zielińską.');
        return version + 1;
      },
    });
    t.type('moje');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(t.conflicts.at(-1)).toContain('w międzyczasie');
    expect(t.controller.conflicted).toBe(true);
    expect(t.controller.isDirty).toBe(true);
    t.type('moje zmiany');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(t.saves).toHaveLength(1);
    // Closing the screen in conflict does not overwrite the other person's save either.
    t.controller.dispose();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.saves).toHaveLength(1);

    fail = false;
    t.controller.resolveConflict(7);
    expect(t.conflicts.at(-1)).toBeNull();
    expect(await t.controller.saveNow('manual')).toBe(true);
    expect(t.saves.at(-1)).toEqual({ values: { text: 'moje zmiany' }, version: 7, mode: 'manual' });
    expect(t.controller.version).toBe(8);
  });

  it('flushes on unmount: the waiting draft is written and unsaved values go to the server at once', async () => {
    const t = setUp({});
    t.type('ostatnie słowo');
    t.controller.dispose();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.drafts.map((d) => JSON.parse(d.data) as { values: Values }).at(-1)?.values.text).toBe('ostatnie słowo');
    expect(t.saves).toEqual([{ values: { text: 'ostatnie słowo' }, version: 3, mode: 'leave' }]);
    // The timer that was running does not save a second time.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.saves).toHaveLength(1);
  });

  it('a restored draft is sent like any change once the screen starts', async () => {
    const t = setUp({}, true);
    t.controller.start();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(t.saves).toHaveLength(1);
  });

  it('without a server record, only the draft is kept; settle forgets it', async () => {
    const t = setUp();
    t.type('notatka');
    t.controller.dispose();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.drafts).toHaveLength(1);
    await t.controller.settle(1);
    expect(t.removed).toEqual(['interview:1']);
    expect(t.states.at(-1)?.status).toBe('clean');
  });
});

class Unreachable extends Error {}

/** A Map-backed stand-in for window.localStorage. */
function memoryStorage(): KeyValueStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get length() {
      return entries.size;
    },
    key: (index) => [...entries.keys()][index] ?? null,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
  };
}

/**
 * The autosave over the real DraftStore (offlineDrafts.ts) with a server that can go away: what the
 * database holds, what this PC keeps, and the record's saves.
 */
function offlineSetUp(withRecord: boolean) {
  let down = false;
  let current: Values = { text: '' };
  const database = new Map<string, string>();
  const saves: { values: Values; version: number; mode: string }[] = [];
  const states: SaveState[] = [];
  const draftStates: DraftState[] = [];
  const local = memoryStorage();
  const guard = () => {
    if (down) throw new Unreachable('Serwer Asysty (192.168.1.10:5432) nie odpowiada.');
  };
  const store = new DraftStore(
    {
      save: async (key, data) => {
        guard();
        database.set(key, data);
      },
      remove: async (key) => {
        guard();
        database.delete(key);
      },
    },
    new LocalDrafts(local, 'user-1'),
    (error) => (error instanceof Unreachable ? 'unreachable' : 'refused'),
  );
  const controller = new AutosaveController<Values>({
    key: 'interview:1',
    storage: store,
    draftDelayMs: 1000,
    baseVersion: 3,
    getValues: () => current,
    server: withRecord
      ? {
          delayMs: 30_000,
          save: async (values, version, mode) => {
            guard();
            saves.push({ values, version, mode });
            return version + 1;
          },
        }
      : undefined,
    classify: (error) => ({
      conflict: false,
      session: false,
      unreachable: error instanceof Unreachable,
      message: error instanceof Error ? error.message : String(error),
    }),
    onState: (state) => states.push(state),
    onConflict: () => undefined,
    onDraft: (state) => draftStates.push(state),
  });
  const type = (text: string) => {
    current = { text };
    controller.change(current);
  };
  const valuesIn = (data: string | undefined) => (data === undefined ? undefined : (JSON.parse(data) as { values: Values }).values.text);
  return {
    controller,
    store,
    type,
    database,
    local,
    saves,
    states,
    draftStates,
    setDown: (value: boolean) => {
      down = value;
    },
    databaseText: () => valuesIn(database.get('interview:1')),
    keptText: () => valuesIn(store.kept('interview:1')?.data),
  };
}

describe('autosave while the office server is gone', () => {
  it('keeps the draft on this PC per user and form, says so, and sends it once the server answers again', async () => {
    const t = offlineSetUp(false);
    t.type('przed awarią');
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.databaseText()).toBe('przed awarią');

    t.setDown(true);
    t.type('w czasie awarii');
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.draftStates.at(-1)?.status).toBe('local');
    expect(t.keptText()).toBe('w czasie awarii');
    expect([...t.local.entries.keys()]).toEqual(['asysta.szkic.user-1.interview:1']);
    // The database still has the older draft; nothing was half-written there.
    expect(t.databaseText()).toBe('przed awarią');

    t.setDown(false);
    await t.controller.reconnected();
    expect(t.databaseText()).toBe('w czasie awarii');
    expect(t.store.kept('interview:1')).toBeUndefined();
    expect(t.local.entries.size).toBe(0);
    expect(t.draftStates.at(-1)?.status).toBe('saved');
  });

  it('a record that could not be saved waits, and is saved when the server answers again (not before, not lost)', async () => {
    const t = offlineSetUp(true);
    t.setDown(true);
    t.type('zmiana wywiadu');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(t.saves).toHaveLength(0);
    expect(t.states.at(-1)).toEqual({ status: 'offline' });
    expect(t.controller.isDirty).toBe(true);
    expect(t.keptText()).toBe('zmiana wywiadu');

    // Reconnecting while still down changes nothing and loses nothing.
    await t.controller.reconnected();
    expect(t.saves).toHaveLength(0);
    expect(t.keptText()).toBe('zmiana wywiadu');

    t.setDown(false);
    await t.controller.reconnected();
    expect(t.saves).toEqual([{ values: { text: 'zmiana wywiadu' }, version: 3, mode: 'auto' }]);
    expect(t.states.at(-1)?.status).toBe('saved');
    // Saved in the record: neither copy of the draft is needed any more.
    expect(t.database.has('interview:1')).toBe(false);
    expect(t.local.entries.size).toBe(0);
  });

  it('leaving the screen during an outage keeps the typing on this PC; the sync after sign-in sends it', async () => {
    const t = offlineSetUp(true);
    t.setDown(true);
    t.type('ostatnie zdanie');
    t.controller.dispose();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.keptText()).toBe('ostatnie zdanie');
    expect(t.saves).toHaveLength(0);

    t.setDown(false);
    expect(await t.store.sync()).toBe(0);
    expect(t.databaseText()).toBe('ostatnie zdanie');
    expect(t.local.entries.size).toBe(0);
  });

  it('a draft dropped during an outage is deleted from the server later, never restored from there', async () => {
    const t = offlineSetUp(false);
    t.type('stary szkic');
    await vi.advanceTimersByTimeAsync(1000);
    t.setDown(true);
    await t.controller.discardDraft();
    expect(t.store.kept('interview:1')).toBeNull();
    expect(t.database.has('interview:1')).toBe(true);
    t.setDown(false);
    await t.store.sync();
    expect(t.database.has('interview:1')).toBe(false);
    expect(t.local.entries.size).toBe(0);
  });
});
