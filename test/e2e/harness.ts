/**
 * Runs the app as the office runs it, with only Electron's C++ replaced: the built main process
 * (dist/electron/main.cjs) starts under the Electron stand-in (test/support/electron/), and
 * Debian's Chromium plays the window.
 *
 * - Every request of the page is answered by the app:// handler main.cjs registered: the page
 *   lives at http://asysta.local/… (Chromium will not route a custom scheme to Playwright), and
 *   each request is handed to the handler as the same path under app://asysta/, headers (the
 *   CSP among them) and all.
 * - `window.asysta` is made by the built preload (the one main.cjs named in webPreferences),
 *   run in the page with a contextBridge/ipcRenderer stand-in; ipcRenderer.invoke reaches the
 *   ipcMain handlers main.cjs registered, with a sender event whose frame is the window's main
 *   frame at its app:// URL (or, for an iframe, a child frame — which the app refuses).
 * - The harness serves no file and calls no backend method on its own. `backend` is the
 *   backend main.cjs built (from its exported `shell`), for tests that prepare data directly;
 *   `clock`, the password KDF's cost and the idle timer reach main.cjs as test hooks
 *   (electron/shell/test-hooks.ts), the data folder through ASYSTA_DATA_DIR — both honoured
 *   only when the app is not packaged.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import type { Backend } from '../../electron/backend';
import { ManualClock } from '../../electron/clock';
import type { NativeDialogs } from '../../electron/services/dialog-handlers';
import { FAST_SCRYPT, tempDir } from '../support/backend';
import { MAIN_CJS, runMain } from '../support/electron/load';
import { WebFrameMain, type ElectronStandIn } from '../support/electron/stand-in';
import { screenshotDir } from '../support/run-env';

export const RENDERER_DIR = resolve('dist/renderer');
/** The default screenshot folder (screenshots only with ASYSTA_SCREENSHOTS). */
export const SCREENSHOT_DIR = resolve('test-results/e2e');
/** Where Chromium sees the app; each path maps to the same path under app://asysta/. */
const PAGE_ORIGIN = 'http://asysta.local';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface AppHandle {
  page: Page;
  dataDir: string;
  /** The backend the built main process created (the one its IPC handlers call). */
  backend: Backend;
  clock: ManualClock;
  /** The Electron stand-in main.cjs runs against (windows, protocol, ipcMain, dialogs, menu). */
  electron: ElectronStandIn;
  /** The shell's log file (<userData>/logs/asysta.log). */
  logFile: string;
  /** A full-page PNG in the test's screenshot folder when ASYSTA_SCREENSHOTS asks for them; otherwise nothing. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** The app:// URL Electron would show for a page URL of the harness (others are left as they are). */
function toAppUrl(pageUrl: string): string {
  if (!pageUrl.startsWith(`${PAGE_ORIGIN}/`)) return pageUrl;
  return `app://asysta/${pageUrl.slice(PAGE_ORIGIN.length + 1)}`;
}

function toPageUrl(appUrl: string): string {
  if (!appUrl.startsWith('app://asysta/')) throw new Error(`The window loads ${appUrl}, not an app://asysta/ page`);
  return `${PAGE_ORIGIN}/${appUrl.slice('app://asysta/'.length)}`;
}

/**
 * The built preload, run as Electron runs a sandboxed preload: a function of `require`, which
 * knows only 'electron' (contextBridge, ipcRenderer), in the main frame before the page's scripts.
 */
function preloadScript(preloadSource: string, bindingName: string): string {
  return `(() => {
  if (window.top !== window) return; // preloads run in the main frame only (nodeIntegrationInSubFrames: false)
  const ipc = window[${JSON.stringify(bindingName)}];
  const electron = {
    contextBridge: {
      exposeInMainWorld(key, api) {
        if (key in window) throw new Error('Cannot bind an API on top of an existing property on the window object');
        Object.defineProperty(window, key, { value: api, writable: false, configurable: false, enumerable: true });
      },
    },
    ipcRenderer: { invoke: (channel, ...args) => ipc(channel, ...args) },
  };
  const require = (name) => {
    if (name !== 'electron') throw new Error('module not found: ' + name);
    return electron;
  };
  const module = { exports: {} };
  (function (require, module, exports) {
${preloadSource}
  })(require, module, module.exports);
})();`;
}

export async function launchApp(
  options: {
    dataDir?: string;
    clock?: ManualClock;
    prefix?: string;
    screenshotDir?: string;
    /** Plays the user in the native pickers main.cjs opens (dialog.showOpenDialog of the stand-in). */
    dialogs?: NativeDialogs;
    /**
     * Ignored: the shell runs the built PDF worker (dist/electron/pdf-worker.cjs) and the fonts of
     * electron/pdf/fonts, as `npm start` does. Kept so that existing tests compile.
     * @deprecated
     */
    pdf?: { pdfWorkerPath: string; fontDir: string };
    /** Stands in for the system PDF viewer (documents:open / documents:print). */
    openFile?: (path: string, mode: 'view' | 'print') => Promise<void>;
  } = {},
): Promise<AppHandle> {
  for (const file of [join(RENDERER_DIR, 'index.html'), MAIN_CJS]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does).`);
  }
  const dataDir = options.dataDir ?? tempDir('asysta-e2e-');
  const clock = options.clock ?? new ManualClock(new Date());
  const run = runMain({
    env: { ASYSTA_DATA_DIR: dataDir },
    hooks: { clock, scrypt: FAST_SCRYPT, idleCheckMs: 0, ...(options.openFile ? { openFile: options.openFile } : {}) },
  });
  const { electron } = run;
  const dialogs = options.dialogs;
  if (dialogs) {
    electron.dialog.responder = (dialogOptions) =>
      dialogOptions.properties?.includes('openDirectory')
        ? dialogs.pickFolder(dialogOptions.title ?? '')
        : dialogs.pickFile(dialogOptions.title ?? '', dialogOptions.filters?.flatMap((filter) => filter.extensions) ?? []);
  }
  const shell = await run.main.shell;
  if (!shell) throw new Error('main.cjs did not start (see its log)');
  const window = electron.BrowserWindow.getAllWindows()[0];
  if (!window) throw new Error('main.cjs opened no window');
  const contents = window.webContents;
  const preloadPath = window.webPreferences['preload'];
  if (typeof preloadPath !== 'string') throw new Error('main.cjs gave the window no preload');

  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  // Every request goes to the app:// handler main.cjs registered; anything else never leaves Chromium.
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(`${PAGE_ORIGIN}/`)) return route.abort('blockedbyclient');
    const response = await electron.protocol.request(toAppUrl(url), { method: route.request().method() });
    return route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
  });
  let page: Page | null = null;
  const senderFrame = (frame: Frame): WebFrameMain => {
    if (page && frame === page.mainFrame()) {
      contents.mainFrame.url = toAppUrl(frame.url());
      return contents.mainFrame;
    }
    return new WebFrameMain(toAppUrl(frame.url()), contents.mainFrame);
  };
  const binding = '__asystaIpcRenderer';
  await context.exposeBinding(binding, (source, channel: string, ...args: unknown[]) => electron.ipcMain.invoke(contents, senderFrame(source.frame), channel, ...args));
  await context.addInitScript({ content: preloadScript(readFileSync(preloadPath, 'utf8'), binding) });
  page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(toPageUrl(contents.getURL()));
  // Screenshots are evidence for a person, taken only when asked for (ASYSTA_SCREENSHOTS, test/support/run-env.ts).
  const evidenceDir = screenshotDir(options.screenshotDir ?? SCREENSHOT_DIR);
  if (evidenceDir) mkdirSync(evidenceDir, { recursive: true });
  const shown = page;
  return {
    page: shown,
    dataDir,
    backend: shell.backend,
    clock,
    electron,
    logFile: shell.log.file,
    async screenshot(name) {
      if (!evidenceDir) return;
      await shown.screenshot({ path: join(evidenceDir, `${options.prefix ? `${options.prefix}-` : ''}${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close();
      // The user closes the window: main.cjs closes the backend and quits.
      if (!window.isDestroyed()) window.close();
      await electron.app.quitted;
      if (errors.length > 0) throw new Error(`The page threw: ${errors.join('; ')}`);
    },
  };
}
