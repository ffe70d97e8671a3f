/** The app's one window: sandboxed, isolated, no Node, no <webview>, DevTools only in development. */
import type { BrowserWindow as ElectronBrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_INDEX_URL } from './app-url';

export function windowOptions(preload: string, packaged: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    title: 'Asysta',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: !packaged,
      // Windows and macOS: the system's spell checker; elsewhere none (see hardening.ts).
      spellcheck: process.platform === 'win32' || process.platform === 'darwin',
    },
  };
}

export function createMainWindow(
  electron: { BrowserWindow: typeof ElectronBrowserWindow },
  options: { preload: string; packaged: boolean },
): ElectronBrowserWindow {
  const window = new electron.BrowserWindow(windowOptions(options.preload, options.packaged));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_INDEX_URL);
  return window;
}
