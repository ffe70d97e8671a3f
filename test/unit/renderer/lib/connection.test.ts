/**
 * Whether the office server answers, as the renderer sees it (renderer/lib/connection.ts): an
 * answer SERVER_UNREACHABLE raises the banner; only a call that needed the server lowers it, and
 * then the reconnect listeners (drafts kept on this PC, a record waiting) run once.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as ApiModule from '../../../../renderer/api';
import type * as ConnectionModule from '../../../../renderer/lib/connection';

type Connection = typeof ConnectionModule;
type Api = typeof ApiModule;

let connection: Connection;

beforeEach(async () => {
  // The module's state is the window's: a fresh copy per test.
  vi.resetModules();
  connection = await import('../../../../renderer/lib/connection');
});

describe('server connection', () => {
  it('runs each reconnect listener once when the server answers again, and not while it answers', async () => {
    const runs: string[] = [];
    connection.onReconnect(() => void runs.push('drafts'));
    const stop = connection.onReconnect(() => void runs.push('record'));
    connection.reportReachable();
    expect(runs).toEqual([]);

    connection.reportUnreachable('Serwer Asysty (192.168.1.10:5432) nie odpowiada.');
    expect(connection.connectionState()).toEqual({ unreachable: true, message: 'Serwer Asysty (192.168.1.10:5432) nie odpowiada.' });
    connection.reportReachable();
    connection.reportReachable();
    await vi.waitFor(() => expect(runs.sort()).toEqual(['drafts', 'record']));
    expect(connection.connectionState().unreachable).toBe(false);

    stop();
    connection.reportUnreachable('x');
    connection.reportReachable();
    await vi.waitFor(() => expect(runs).toHaveLength(3));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(runs.filter((run) => run === 'record')).toHaveLength(1);
  });

  it('a failing listener does not keep the others from running', async () => {
    const runs: string[] = [];
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (error: unknown) => void logged.push(error);
    try {
      connection.onReconnect(() => {
        throw new Error('awaria');
      });
      connection.onReconnect(async () => {
        runs.push('drugi');
      });
      connection.reportUnreachable('x');
      connection.reportReachable();
      await vi.waitFor(() => expect(runs).toEqual(['drugi']));
      await vi.waitFor(() => expect(logged).toHaveLength(1));
    } finally {
      console.error = original;
    }
  });
});

describe('call() reports the server’s answers', () => {
  async function withBridge(answers: Record<string, unknown>): Promise<Api> {
    const bridge = Object.fromEntries(Object.entries(answers).map(([channel, result]) => [channel, async () => result]));
    vi.stubGlobal('window', { asysta: bridge });
    return import('../../../../renderer/api');
  }

  it('SERVER_UNREACHABLE from any channel marks the server gone; a channel answered from memory does not mark it back', async () => {
    const api = await withBridge({
      'cases:list': { ok: false, error: { code: 'SERVER_UNREACHABLE', message: 'Serwer Asysty (10.0.0.2:5432) nie odpowiada.' } },
      'app:status': { ok: true, value: {} },
      'app:dataVersion': { ok: true, value: { version: 'abc' } },
    });
    await expect(api.call('cases:list', {} as never)).rejects.toMatchObject({ code: 'SERVER_UNREACHABLE' });
    expect(connection.connectionState()).toEqual({ unreachable: true, message: 'Serwer Asysty (10.0.0.2:5432) nie odpowiada.' });
    await api.call('app:status', {});
    expect(connection.connectionState().unreachable).toBe(true);
    await api.call('app:dataVersion', {});
    expect(connection.connectionState().unreachable).toBe(false);
    vi.unstubAllGlobals();
  });
});
