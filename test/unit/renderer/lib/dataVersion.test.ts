/**
 * Seeing another PC's changes (renderer/lib/dataVersion.ts): the data's version is asked every
 * 3 s while the window is shown, a moved version refreshes the cached reads, and an editor's
 * static loads (what is being typed) are never read again behind the user's back.
 */
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DATA_VERSION_POLL_MS, DataVersionPoller, refreshChangedData } from '../../../../renderer/lib/dataVersion';
import { STATUS_QUERY_KEY } from '../../../../renderer/lib/queryClient';

function setUp(versions: (string | Error)[]) {
  let hidden = false;
  let asked = 0;
  let changes = 0;
  const poller = new DataVersionPoller({
    intervalMs: DATA_VERSION_POLL_MS,
    fetchVersion: async () => {
      const next = versions[Math.min(asked, versions.length - 1)]!;
      asked += 1;
      if (next instanceof Error) throw next;
      return next;
    },
    onChange: () => {
      changes += 1;
    },
    isHidden: () => hidden,
  });
  return {
    poller,
    asked: () => asked,
    changes: () => changes,
    hide: (value: boolean) => {
      hidden = value;
      poller.visibilityChanged();
    },
  };
}

/** Lets the timers run `ms` further and the awaited answers settle. */
async function wait(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('DataVersionPoller', () => {
  it('asks at start and every 3 s; only a moved version counts as a change, the first answer is the base', async () => {
    const p = setUp(['1:a', '1:a', '2:b', '2:b', '3:c']);
    p.poller.start();
    await wait(0);
    expect(p.asked()).toBe(1);
    expect(p.changes()).toBe(0);
    await wait(DATA_VERSION_POLL_MS - 1);
    expect(p.asked()).toBe(1);
    await wait(1);
    expect(p.asked()).toBe(2);
    expect(p.changes()).toBe(0);
    await wait(DATA_VERSION_POLL_MS);
    expect(p.asked()).toBe(3);
    expect(p.changes()).toBe(1);
    await wait(2 * DATA_VERSION_POLL_MS);
    expect(p.asked()).toBe(5);
    expect(p.changes()).toBe(2);
    p.poller.stop();
  });

  it('pauses while the window is hidden and asks at once when it is shown again', async () => {
    const p = setUp(['1:a', '1:a', '2:b']);
    p.poller.start();
    await wait(0);
    expect(p.asked()).toBe(1);
    p.hide(true);
    await wait(10 * DATA_VERSION_POLL_MS);
    // The tick already scheduled finds the window hidden and asks nothing; nothing more is scheduled.
    expect(p.asked()).toBe(1);
    p.hide(false);
    await wait(0);
    expect(p.asked()).toBe(2);
    await wait(DATA_VERSION_POLL_MS);
    expect(p.asked()).toBe(3);
    expect(p.changes()).toBe(1);
    // "Shown" again while a tick is scheduled: still one poll per interval, not a second chain.
    p.hide(false);
    p.hide(false);
    await wait(DATA_VERSION_POLL_MS);
    expect(p.asked()).toBe(4);
    await wait(DATA_VERSION_POLL_MS);
    expect(p.asked()).toBe(5);
    p.poller.stop();
  });

  it('keeps asking after a failed call (server gone, session locked), and a change across it still counts', async () => {
    const p = setUp(['1:a', new Error('Serwer nie odpowiada'), new Error('Serwer nie odpowiada'), '2:b']);
    p.poller.start();
    await wait(3 * DATA_VERSION_POLL_MS);
    expect(p.asked()).toBe(4);
    expect(p.changes()).toBe(1);
    p.poller.stop();
  });

  it('never asks twice at once: a slow answer delays the next tick', async () => {
    let asked = 0;
    let answer: ((version: string) => void) | null = null;
    const poller = new DataVersionPoller({
      intervalMs: DATA_VERSION_POLL_MS,
      fetchVersion: () => {
        asked += 1;
        return new Promise<string>((resolve) => {
          answer = resolve;
        });
      },
      onChange: () => undefined,
      isHidden: () => false,
    });
    poller.start();
    poller.visibilityChanged();
    await wait(5 * DATA_VERSION_POLL_MS);
    expect(asked).toBe(1);
    answer!('1:a');
    await wait(DATA_VERSION_POLL_MS);
    expect(asked).toBe(2);
    poller.stop();
  });

  it('check() asks at once (the outage banner\'s retry), waits for a question under way instead of repeating it, and the timer restarts from it', async () => {
    const p = setUp(['1:a', '1:a', '2:b', '2:b']);
    p.poller.start();
    await wait(0);
    await wait(1000);
    await p.poller.check();
    expect(p.asked()).toBe(2);
    const twice = [p.poller.check(), p.poller.check()];
    await Promise.all(twice);
    expect(p.asked()).toBe(3);
    expect(p.changes()).toBe(1);
    await wait(DATA_VERSION_POLL_MS - 1);
    expect(p.asked()).toBe(3);
    await wait(1);
    expect(p.asked()).toBe(4);
    p.poller.stop();
    await p.poller.check();
    expect(p.asked()).toBe(4);
  });

  it('stops asking when stopped (locked, signed out, local mode) and reads a new base when started again', async () => {
    const p = setUp(['1:a', '2:b', '3:c']);
    p.poller.start();
    await wait(0);
    p.poller.stop();
    await wait(10 * DATA_VERSION_POLL_MS);
    expect(p.asked()).toBe(1);
    p.poller.start();
    await wait(0);
    expect(p.asked()).toBe(2);
    expect(p.changes()).toBe(0);
    await wait(DATA_VERSION_POLL_MS);
    expect(p.changes()).toBe(1);
    p.poller.stop();
  });
});

describe('refreshChangedData', () => {
  it('reads the shown lists again, but neither the status nor an editor loaded once (static)', async () => {
    vi.useRealTimers();
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const reads = { list: 0, editor: 0, status: 0, hidden: 0 };
    const observe = (key: readonly unknown[], name: keyof typeof reads, staleTime: number | 'static') =>
      new QueryObserver(client, {
        queryKey: key,
        staleTime,
        queryFn: async () => {
          reads[name] += 1;
          return { version: reads[name] };
        },
      });
    const observers = [
      observe(['cases', 'list'], 'list', 60_000),
      observe(['interviews', 'i1'], 'editor', 'static'),
      observe(STATUS_QUERY_KEY, 'status', 0),
    ];
    const unsubscribe = observers.map((observer) => observer.subscribe(() => undefined));
    // A read no screen shows now: marked stale, read when a screen shows it again.
    await client.fetchQuery({ queryKey: ['tray'], queryFn: async () => ++reads.hidden });
    await vi.waitFor(() => expect(reads).toEqual({ list: 1, editor: 1, status: 1, hidden: 1 }));

    await refreshChangedData(client);
    expect(reads).toEqual({ list: 2, editor: 1, status: 1, hidden: 1 });
    expect(client.getQueryCache().find({ queryKey: ['tray'] })?.state.isInvalidated).toBe(true);
    expect(client.getQueryCache().find({ queryKey: ['interviews', 'i1'] })?.state.isInvalidated).toBe(false);
    expect(client.getQueryData(['interviews', 'i1'])).toEqual({ version: 1 });
    unsubscribe.forEach((stop) => stop());
    client.clear();
  });
});
