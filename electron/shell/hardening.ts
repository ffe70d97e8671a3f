/**
 * What nothing inside the window may do: ask for a permission, navigate or be redirected away,
 * open a window, attach a <webview>, open DevTools in a packaged app, or reach the network.
 * And what nobody may do to a packaged app from outside: start it with a debugging switch.
 */
import type { App, Session, WebContents } from 'electron';
import { urlForLog, type ShellLog } from './log';

/**
 * Switches that open the app to a debugger (Chromium's remote debugging, Node's inspector).
 * The fuses (electron-builder.yml) switch off Node's inspector arguments in the binary; remote
 * debugging is Chromium's and has no fuse, so a packaged app refuses to start with any of these.
 */
const DEBUG_SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe', 'remote-allow-origins', 'inspect', 'inspect-brk', 'inspect-port', 'inspect-publish-uid', 'js-flags'];

/** The debugging switches among the command line's arguments (`--inspect`, `--inspect=9229`, `--remote-debugging-port=…`). */
export function debugSwitches(argv: readonly string[]): string[] {
  return argv.filter((arg) => {
    const name = /^--?([a-z-]+)/i.exec(arg)?.[1]?.toLowerCase();
    return name !== undefined && DEBUG_SWITCHES.includes(name);
  });
}

/**
 * Packaged: refuses to start with a debugging switch (returns false; the caller quits).
 * In development the switches are allowed, as is DevTools.
 */
export function refuseDebugging(app: Pick<App, 'isPackaged' | 'commandLine'>, argv: readonly string[], log: ShellLog): boolean {
  if (!app.isPackaged) return true;
  const found = new Set(debugSwitches(argv).map((arg) => /^--?([a-z-]+)/i.exec(arg)?.[1]?.toLowerCase() ?? arg));
  for (const name of DEBUG_SWITCHES) if (app.commandLine.hasSwitch(name)) found.add(name);
  if (found.size === 0) return true;
  for (const name of found) app.commandLine.removeSwitch(name);
  log.warn('Refused to start: debugging switch on the command line', [...found].join(', '));
  return false;
}

/** Outbound schemes blocked for every request of the session: the app talks to nobody. */
const NETWORK_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

/** Returns the rules for one web contents (see hardenContents). */
export function setupHardening(
  electron: { app: Pick<App, 'on' | 'isPackaged'>; session: { defaultSession: Session } },
  log: ShellLog,
): (contents: WebContents) => void {
  const { app } = electron;
  const session = electron.session.defaultSession;
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('Denied permission request', permission);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  // Defences beyond the essential ones: Electron 45 has every API below; should one be missing
  // from the running build, the log says which and the rest still applies.
  const extra = (what: string, apply: () => void) => {
    try {
      apply();
    } catch (error) {
      log.error(`Could not apply: ${what}`, error);
    }
  };
  extra('device permission handler', () => session.setDevicePermissionHandler(() => false));
  extra('outbound request blocking', () =>
    session.webRequest.onBeforeRequest({ urls: NETWORK_URLS }, (details, callback) => {
      log.warn('Blocked outbound request', urlForLog(details.url));
      callback({ cancel: true });
    }),
  );
  // Spell checking: Windows and macOS use the system's checker (no download). Elsewhere Chromium
  // would download Hunspell dictionaries from Google: switched off, and the download URL emptied.
  extra('spell-checker settings', () => {
    if (process.platform !== 'win32' && process.platform !== 'darwin') session.setSpellCheckerEnabled(false);
    session.setSpellCheckerDictionaryDownloadURL('app://asysta/no-dictionaries/');
  });

  const harden = hardenContents(app.isPackaged, log);
  app.on('web-contents-created', (_event, contents: WebContents) => harden(contents));
  return harden;
}

/**
 * The rules for one web contents: no navigation, frame navigation, redirect, <webview> or new
 * window; DevTools closed at once in a packaged app. Applied to every web contents Electron
 * creates, and by main.ts to the app's window once more explicitly (once per contents).
 */
function hardenContents(packaged: boolean, log: ShellLog): (contents: WebContents) => void {
  const hardened = new WeakSet<WebContents>();
  return (contents) => {
    if (hardened.has(contents)) return;
    hardened.add(contents);
    contents.on('will-navigate', (event, url) => {
      event.preventDefault();
      log.warn('Denied navigation', urlForLog(url));
    });
    contents.on('will-frame-navigate', (event) => {
      if (event.isMainFrame) return; // will-navigate covers the main frame
      event.preventDefault();
      log.warn('Denied frame navigation', urlForLog(event.url));
    });
    contents.on('will-redirect', (event, url) => {
      event.preventDefault();
      log.warn('Denied redirect', urlForLog(url));
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      log.warn('Denied <webview>');
    });
    contents.setWindowOpenHandler((details) => {
      log.warn('Denied window.open', urlForLog(details.url));
      return { action: 'deny' };
    });
    if (packaged) {
      contents.on('devtools-opened', () => {
        contents.closeDevTools();
        log.warn('Closed DevTools in a packaged app');
      });
    }
  };
}
