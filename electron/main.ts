/**
 * The Electron shell, kept thin: one hardened window, the app:// protocol with a strict CSP,
 * the single-instance lock, and the wiring of createBackend to the IPC. Everything else lives in
 * modules that run under plain Node (backend.ts, services/, db/, pdf/).
 */
import { app, BrowserWindow, dialog, ipcMain, net, protocol, session, shell, type OpenDialogOptions } from 'electron';
import { existsSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBackend } from './backend';
import { APP_ORIGIN, registerIpc } from './ipc/register';
import type { NativeDialogs } from './services/dialog-handlers';

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // Mantine injects its CSS variables at run time
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let mainWindow: BrowserWindow | null = null;

/** In development the SQLite binding is built for Electron beside node_modules (scripts/start.mjs). */
function devNativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const file = join(app.getAppPath(), '.native', `electron-${process.versions.electron}`, 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}

function serveRenderer(): void {
  const root = join(__dirname, '..', 'renderer');
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const file = normalize(join(root, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
    if (url.origin !== APP_ORIGIN || !file.startsWith(root + sep) || !existsSync(file)) {
      return new Response('Not found', { status: 404 });
    }
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function harden(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** The pickers behind dialog:* — modal to the app's window; null when cancelled. */
async function openDialog(options: OpenDialogOptions): Promise<string | null> {
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

const nativeDialogs: NativeDialogs = {
  pickFolder: (title) => openDialog({ title, properties: ['openDirectory', 'createDirectory'] }),
  pickFile: (title, extensions) => openDialog({ title, properties: ['openFile'], filters: [{ name: 'Kopia zapasowa Asysty', extensions }] }),
};

/**
 * The PDF worker and its fonts (electron/pdf/README.md): the worker is bundled beside main.cjs;
 * the fonts are shipped as extraResources (electron-builder.yml), in development read from the source.
 */
function pdfOptions(): { pdfWorkerPath: string; fontDir: string } {
  return {
    pdfWorkerPath: join(__dirname, 'pdf-worker.cjs'),
    fontDir: app.isPackaged ? join(process.resourcesPath, 'fonts') : join(app.getAppPath(), 'electron', 'pdf', 'fonts'),
  };
}

/** documents:open / documents:print: the system's PDF viewer; the user prints from its dialog (Ctrl+P). */
async function openFile(path: string): Promise<void> {
  const error = await shell.openPath(path);
  if (error) throw new Error(error);
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    title: 'Asysta',
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

async function main(): Promise<void> {
  await app.whenReady();
  const dataDir = process.env['ASYSTA_DATA_DIR'] ?? join(app.getPath('userData'), 'dane');
  const backend = createBackend({
    dataDir,
    nativeBinding: devNativeBinding(),
    dialogs: nativeDialogs,
    ...pdfOptions(),
    openFile,
    log: (message, error) => console.error(message, error),
  });
  harden();
  serveRenderer();
  registerIpc(ipcMain, backend, () => mainWindow?.webContents ?? null);
  mainWindow = createWindow();
  mainWindow.on('closed', () => (mainWindow = null));
  // Start the PDF worker in the background, so that the first document prints without waiting for it.
  setTimeout(() => void backend.warmUpPdf().catch((error: unknown) => console.error('PDF warm-up failed', error)), 3000).unref();
  // The scheduled backup (issue 9): made when a session is open and the last one is older than the office's
  // interval. At start-up nobody is signed in yet: the backend runs the due backup right after each sign-in.
  const backupDue = () =>
    void backend.backup.runDueBackup().then((outcome) => {
      if (outcome.status === 'failed') console.error(`Scheduled backup failed: ${outcome.message}`);
    });
  const backupTimer = setInterval(backupDue, 60 * 60_000);
  app.on('window-all-closed', () => {
    clearInterval(backupTimer);
    void backend.close().finally(() => app.quit());
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  void main();
}
