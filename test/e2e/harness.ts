/**
 * Runs the real, built renderer (dist/renderer) in Debian's Chromium, with `window.asysta`
 * provided from the real backend: the init script builds the same object as electron/preload.ts
 * (one method per channel of shared/ipc.ts, nothing else), and each method reaches
 * `backend.invoke`, the function electron/ipc/ registers. Only Electron's transport is left out.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Backend } from '../../electron/backend';
import { createBackend } from '../../electron/backend';
import { ManualClock } from '../../electron/clock';
import type { NativeDialogs } from '../../electron/services/dialog-handlers';
import { CHANNEL_NAMES } from '../../shared/ipc';
import { FAST_SCRYPT, tempDir } from '../support/backend';

export const RENDERER_DIR = resolve('dist/renderer');
export const SCREENSHOT_DIR = resolve('test-results/e2e');
const ORIGIN = 'http://asysta.local';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

export interface AppHandle {
  page: Page;
  dataDir: string;
  backend: Backend;
  clock: ManualClock;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export async function launchApp(
  options: {
    dataDir?: string;
    clock?: ManualClock;
    prefix?: string;
    screenshotDir?: string;
    dialogs?: NativeDialogs;
    /** The PDF worker and fonts, for tests that issue documents (electron/pdf/worker.ts, electron/pdf/fonts). */
    pdf?: { pdfWorkerPath: string; fontDir: string };
    /** Stands in for the system PDF viewer (documents:open / documents:print). */
    openFile?: (path: string, mode: 'view' | 'print') => Promise<void>;
  } = {},
): Promise<AppHandle> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build` first (npm test does).');
  }
  const dataDir = options.dataDir ?? tempDir('asysta-e2e-');
  const clock = options.clock ?? new ManualClock(new Date());
  // The native pickers are the main process's: a test injects a stub that answers with its own folder or file.
  const backend = createBackend({ dataDir, clock, scrypt: FAST_SCRYPT, idleCheckMs: 0, dialogs: options.dialogs, ...options.pdf, openFile: options.openFile });
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  // Serve the build as the app:// protocol does: files from dist/renderer, nothing from outside.
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort('blockedbyclient');
    const path = normalize(join(RENDERER_DIR, decodeURIComponent(url.pathname)));
    if (!path.startsWith(RENDERER_DIR) || !existsSync(path)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, body: readFileSync(path), headers: { 'content-type': MIME[extname(path)] ?? 'application/octet-stream' } });
  });
  await context.exposeBinding('__asystaInvoke', (_source, channel: string, input: unknown) => backend.invoke(channel, input));
  await context.addInitScript((names: string[]) => {
    const invoke = (window as unknown as { __asystaInvoke: (c: string, i: unknown) => Promise<unknown> }).__asystaInvoke;
    const api = Object.freeze(Object.fromEntries(names.map((name) => [name, (input: unknown) => invoke(name, input)])));
    Object.defineProperty(window, 'asysta', { value: api, writable: false, configurable: false });
  }, [...CHANNEL_NAMES]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${ORIGIN}/index.html`);
  const screenshotDir = options.screenshotDir ?? SCREENSHOT_DIR;
  mkdirSync(screenshotDir, { recursive: true });
  return {
    page,
    dataDir,
    backend,
    clock,
    async screenshot(name) {
      await page.screenshot({ path: join(screenshotDir, `${options.prefix ? `${options.prefix}-` : ''}${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close();
      await backend.close();
      if (errors.length > 0) throw new Error(`The page threw: ${errors.join('; ')}`);
    },
  };
}
