/**
 * The Electron shell: wires the concerns in electron/shell/ (protocol, window, hardening,
 * menu, dialogs, backup timer, log) and electron/ipc/ to createBackend. Each concern is a
 * setupX() taking the Electron APIs it uses, so that the built main.cjs runs under plain Node
 * with a stand-in `electron` (test/support/electron/) exactly as the office runs it.
 *
 * `shell` (exported) resolves once the window is open: tests reach the backend through it.
 */
import * as electron from 'electron';
import type { BrowserWindow } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend, type Backend } from './backend';
import { setupIpc } from './ipc/register';
import { setupBackupTimer } from './shell/backup-timer';
import { createFileOpener, createNativeDialogs } from './shell/dialogs';
import { refuseDebugging, setupHardening } from './shell/hardening';
import { createShellLog, scrub, type ShellLog } from './shell/log';
import { setupMenu } from './shell/menu';
import { registerAppScheme, setupProtocol } from './shell/protocol';
import { readOverrides } from './shell/test-hooks';
import { createMainWindow } from './shell/window';

export interface Shell {
  backend: Backend;
  window: BrowserWindow;
  log: ShellLog;
}

/** package.json's version, set by the build (vite.config.ts). */
declare const __ASYSTA_VERSION__: string;

const { app } = electron;
const packaged = app.isPackaged;
const overrides = readOverrides(packaged);

/** In development the SQLite binding is built for Electron beside node_modules (scripts/start.mjs). */
function devNativeBinding(): string | undefined {
  if (packaged) return undefined;
  const file = join(app.getAppPath(), '.native', `electron-${process.versions['electron'] ?? ''}`, 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}

/** The fonts are extraResources when packaged (electron-builder.yml), the source folder in development. */
function fontDir(): string {
  return packaged ? join(process.resourcesPath, 'fonts') : join(app.getAppPath(), 'electron', 'pdf', 'fonts');
}

async function start(): Promise<Shell | null> {
  const log = createShellLog(join(app.getPath('userData'), 'logs'), { console: !packaged });
  log.info(`Starting Asysta ${__ASYSTA_VERSION__} (${packaged ? 'packaged' : 'development'}, ${process.platform}, Electron ${process.versions['electron'] ?? '-'})`);
  if (!refuseDebugging(app, process.argv, log)) {
    app.exit(1);
    return null;
  }
  if (!app.requestSingleInstanceLock()) {
    log.info('Another instance is running: handing over to it');
    app.quit();
    return null;
  }
  process.on('uncaughtExceptionMonitor', (error) => log.error('Uncaught exception in the main process', error));

  await app.whenReady();
  let window: BrowserWindow | null = null;
  const appWindow = () => window;
  const backend = createBackend({
    dataDir: overrides.dataDir ?? join(app.getPath('userData'), 'dane'),
    nativeBinding: devNativeBinding(),
    dialogs: createNativeDialogs(electron, appWindow),
    pdfWorkerPath: join(__dirname, 'pdf-worker.cjs'),
    fontDir: fontDir(),
    openFile: createFileOpener(electron),
    // Events are fixed texts; a failure's message may name a file: scrubbed as outside text.
    log: (message, error) => (error === undefined ? log.info(message) : log.error(scrub(message), error)),
    ...overrides.hooks,
  });
  const harden = setupHardening(electron, log);
  setupMenu(electron);
  setupProtocol(electron, { rendererDir: join(__dirname, '..', 'renderer'), log });
  setupIpc(electron, backend, () => window?.webContents ?? null, log);
  const stopBackupTimer = setupBackupTimer(backend, log);
  // Start the PDF worker in the background, so that the first document prints without waiting for it.
  const warmUp = setTimeout(() => void backend.warmUpPdf().catch((error: unknown) => log.error('PDF warm-up failed', error)), 3000);
  warmUp.unref();

  window = createMainWindow(electron, { preload: join(__dirname, 'preload.cjs'), packaged });
  harden(window.webContents);
  window.webContents.on('render-process-gone', (_event, details) => log.error(`Window's renderer gone: ${details.reason}`));
  window.on('closed', () => (window = null));
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('window-all-closed', () => {
    clearTimeout(warmUp);
    stopBackupTimer();
    log.info('Window closed: closing the database');
    void backend
      .close()
      .catch((error: unknown) => log.error('Closing the backend failed', error))
      .finally(() => app.quit());
  });
  log.info('Window open');
  return { backend, window, log };
}

registerAppScheme(electron.protocol);
export const shell: Promise<Shell | null> = start();
