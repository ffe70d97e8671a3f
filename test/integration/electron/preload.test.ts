/**
 * The built preload (dist/electron/preload.cjs) as a sandboxed renderer runs it, with a stand-in
 * contextBridge and ipcRenderer: it exposes `window.asysta` with exactly one method per channel
 * and nothing else, and each method is one ipcRenderer.invoke of its own channel — which the
 * built main process answers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/ipc';
import { FAST_SCRYPT } from '../../support/backend';
import { PRELOAD_CJS, requireWithElectron, runMain } from '../../support/electron/load';
import { RendererStandIn } from '../../support/electron/stand-in';

if (!existsSync(PRELOAD_CJS)) throw new Error('dist/electron/preload.cjs is missing: run `npm run build` first (npm test does).');

function loadPreload(invoke?: (channel: string, ...args: unknown[]) => Promise<unknown>): RendererStandIn {
  const renderer = new RendererStandIn(invoke);
  requireWithElectron(PRELOAD_CJS, renderer.module());
  return renderer;
}

describe('the built preload', () => {
  it('requires nothing but electron (a sandboxed preload can require nothing else)', () => {
    const requires = [...readFileSync(PRELOAD_CJS, 'utf8').matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
  });

  it('exposes window.asysta and nothing else, with exactly the channel names, frozen', () => {
    const renderer = loadPreload();
    expect(Object.keys(renderer.mainWorld)).toEqual(['asysta']);
    const api = renderer.mainWorld['asysta'] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const name of CHANNEL_NAMES) expect(typeof api[name], name).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
    expect(renderer.sent).toEqual([]);
    expect(renderer.invoked).toEqual([]);
  });

  it('sends each call on its own channel with the input alone', async () => {
    const renderer = loadPreload(async (channel) => ({ ok: true, value: channel }));
    const api = renderer.mainWorld['asysta'] as Record<string, (input: unknown, ...rest: unknown[]) => Promise<unknown>>;
    for (const name of CHANNEL_NAMES) {
      expect(await api[name]?.({ probe: name }, 'extra argument')).toEqual({ ok: true, value: name });
    }
    expect(renderer.invoked).toEqual(CHANNEL_NAMES.map((name) => ({ channel: name, args: [{ probe: name }] })));
  });

  it('reaches the handlers the built main process registered, from the window’s main frame', async () => {
    const run = runMain({ hooks: { scrypt: FAST_SCRYPT, idleCheckMs: 0 }, env: { ASYSTA_DATA_DIR: undefined } });
    await run.main.shell;
    const window = run.electron.BrowserWindow.getAllWindows()[0];
    if (!window) throw new Error('no window');
    expect(window.webPreferences['preload']).toBe(PRELOAD_CJS);
    const renderer = loadPreload((channel, ...args) => run.electron.ipcMain.invoke(window.webContents, window.webContents.mainFrame, channel, ...args));
    const api = renderer.mainWorld['asysta'] as Record<string, (input: unknown) => Promise<unknown>>;
    expect(await api['app:status']?.({})).toMatchObject({ ok: true, value: { state: 'setup' } });
    window.close();
    await run.electron.app.quitted;
  });
});
