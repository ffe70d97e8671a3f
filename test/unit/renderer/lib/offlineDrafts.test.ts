/**
 * Drafts kept on this PC while the office server is gone (renderer/lib/offlineDrafts.ts): per user
 * and form, bounded with a Polish refusal (never evicting another draft), sent in order once the
 * server answers, and never overwriting newer typing.
 */
import { describe, expect, it } from 'vitest';
import {
  DraftStore,
  LOCAL_DRAFTS_FULL,
  LocalDrafts,
  LocalDraftsFull,
  MAX_LOCAL_CHARS,
  MAX_LOCAL_DRAFTS,
  type KeyValueStore,
} from '../../../../renderer/lib/offlineDrafts';

function memoryStorage(quota = Infinity): KeyValueStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get length() {
      return entries.size;
    },
    key: (index) => [...entries.keys()][index] ?? null,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => {
      const used = [...entries].reduce((sum, [k, v]) => sum + (k === key ? 0 : k.length + v.length), 0);
      if (used + key.length + value.length > quota) throw new Error('QuotaExceededError');
      entries.set(key, value);
    },
    removeItem: (key) => void entries.delete(key),
  };
}

class Unreachable extends Error {}
class Refused extends Error {}

function server() {
  let down = false;
  const database = new Map<string, string>();
  const calls: string[] = [];
  const gate: { hold: Promise<void> | null } = { hold: null };
  return {
    database,
    calls,
    gate,
    setDown: (value: boolean) => {
      down = value;
    },
    remote: {
      save: async (key: string, data: string) => {
        calls.push(`save ${key} ${data}`);
        // Holds the sending of an older draft (the test releases it), so that a newer one could overtake.
        if (gate.hold && data === 'starszy') await gate.hold;
        if (down) throw new Unreachable();
        if (data === 'nie wolno') throw new Refused();
        database.set(key, data);
      },
      remove: async (key: string) => {
        calls.push(`remove ${key}`);
        if (down) throw new Unreachable();
        database.delete(key);
      },
    },
  };
}

const classify = (error: unknown) => (error instanceof Unreachable ? 'unreachable' : error instanceof Refused ? 'refused' : 'retry') as 'unreachable' | 'refused' | 'retry';

describe('LocalDrafts', () => {
  it('keeps each user’s drafts apart, oldest first', () => {
    const storage = memoryStorage();
    let now = Date.parse('2026-12-03T10:00:00Z');
    const clock = () => new Date((now += 1000));
    const anna = new LocalDrafts(storage, 'anna', clock);
    const ewa = new LocalDrafts(storage, 'ewa', clock);
    anna.put('interview:2', 'b');
    ewa.put('interview:2', 'e');
    anna.put('intake:new', 'a');
    expect(anna.keys()).toEqual(['interview:2', 'intake:new']);
    expect(ewa.keys()).toEqual(['interview:2']);
    expect(anna.get('interview:2')?.data).toBe('b');
    expect(ewa.get('interview:2')?.data).toBe('e');
  });

  it('refuses one draft too many, or too many characters, in Polish, and keeps the others whole', () => {
    const storage = memoryStorage();
    const drafts = new LocalDrafts(storage, 'anna');
    for (let i = 0; i < MAX_LOCAL_DRAFTS; i++) drafts.put(`form:${i}`, 'x');
    expect(() => drafts.put('form:extra', 'x')).toThrow(LocalDraftsFull);
    expect(() => drafts.put('form:extra', 'x')).toThrow(LOCAL_DRAFTS_FULL);
    // Replacing a kept form's draft is not one more.
    drafts.put('form:3', 'nowe');
    expect(drafts.get('form:3')?.data).toBe('nowe');
    expect(drafts.keys()).toHaveLength(MAX_LOCAL_DRAFTS);

    const big = new LocalDrafts(memoryStorage(), 'ewa');
    big.put('a', 'x'.repeat(MAX_LOCAL_CHARS - 10));
    expect(() => big.put('b', 'x'.repeat(11))).toThrow(LocalDraftsFull);
    expect(big.get('a')?.data).toHaveLength(MAX_LOCAL_CHARS - 10);
  });

  it('answers the browser’s own quota with the same refusal', () => {
    const drafts = new LocalDrafts(memoryStorage(100), 'anna');
    expect(() => drafts.put('interview:1', 'x'.repeat(200))).toThrow(LOCAL_DRAFTS_FULL);
  });

  it('reads an unreadable entry as nothing', () => {
    const storage = memoryStorage();
    storage.setItem('asysta.szkic.anna.interview:1', '{nie json');
    storage.setItem('asysta.szkic.anna.interview:2', JSON.stringify({ data: 5, at: 'x' }));
    const drafts = new LocalDrafts(storage, 'anna');
    expect(drafts.get('interview:1')).toBeUndefined();
    expect(drafts.get('interview:2')).toBeUndefined();
    expect(drafts.keys()).toEqual([]);
  });
});

describe('DraftStore', () => {
  it('goes to the database while the server answers, to this PC while it does not', async () => {
    const s = server();
    const store = new DraftStore(s.remote, new LocalDrafts(memoryStorage(), 'anna'), classify);
    expect(await store.save('interview:1', 'a')).toBe('server');
    s.setDown(true);
    expect(await store.save('interview:1', 'b')).toBe('local');
    expect(store.kept('interview:1')?.data).toBe('b');
    expect(s.database.get('interview:1')).toBe('a');
  });

  it('passes other refusals on, keeping nothing on this PC', async () => {
    const s = server();
    const store = new DraftStore(s.remote, new LocalDrafts(memoryStorage(), 'anna'), classify);
    await expect(store.save('interview:1', 'nie wolno')).rejects.toThrow(Refused);
    expect(store.kept('interview:1')).toBeUndefined();
  });

  it('sync sends the kept drafts and stops at the first sign the server is gone again', async () => {
    const s = server();
    const store = new DraftStore(s.remote, new LocalDrafts(memoryStorage(), 'anna'), classify);
    s.setDown(true);
    await store.save('a', '1');
    await store.save('b', '2');
    expect(await store.sync()).toBe(2);
    expect(s.calls.filter((call) => call.startsWith('save a'))).toHaveLength(2);
    // Stopped at the first: "b" was not tried again.
    expect(s.calls.filter((call) => call.startsWith('save b'))).toHaveLength(1);
    s.setDown(false);
    expect(await store.sync()).toBe(0);
    expect(Object.fromEntries(s.database)).toEqual({ a: '1', b: '2' });
  });

  it('drops from this PC a draft the server refuses for good, and goes on with the others', async () => {
    const s = server();
    const local = new LocalDrafts(memoryStorage(), 'anna');
    const store = new DraftStore(s.remote, local, classify);
    local.put('a', 'nie wolno');
    local.put('b', 'dobry');
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      expect(await store.sync()).toBe(0);
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
    expect(s.database.get('b')).toBe('dobry');
  });

  it('a draft typed while sync is sending an older one is the one that stays (one chain per form)', async () => {
    const s = server();
    const store = new DraftStore(s.remote, new LocalDrafts(memoryStorage(), 'anna'), classify);
    s.setDown(true);
    await store.save('interview:1', 'starszy');
    s.setDown(false);
    let release = () => undefined as void;
    s.gate.hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const syncing = store.sync();
    const newer = store.save('interview:1', 'nowszy');
    // The newer save waits for the older one instead of overtaking it.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(s.calls).toEqual(['save interview:1 starszy', 'save interview:1 starszy']);
    release();
    await Promise.all([syncing, newer]);
    expect(s.database.get('interview:1')).toBe('nowszy');
    expect(s.calls).toEqual(['save interview:1 starszy', 'save interview:1 starszy', 'save interview:1 nowszy']);
    expect(store.kept('interview:1')).toBeUndefined();
  });
});
