/**
 * The built main process (dist/electron/main.cjs) as Electron drives it, with only Electron's
 * C++ replaced (test/support/electron/stand-in.ts): the window it opens, what app:// serves,
 * whom IPC answers, what the window may not do, the menu, a packaged start, a broken renderer
 * build, and the log it leaves behind.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Shell } from '../../../electron/main';
import type { BackupResult } from '../../../shared/backup';
import { CHANNEL_NAMES } from '../../../shared/ipc';
import type { Result } from '../../../shared/result';
import { FAST_SCRYPT, HEAD, OFFICE, tempDir, type TestBackend } from '../../support/backend';
import { runMain, MAIN_CJS, type RunningShell } from '../../support/electron/load';
import { WebFrameMain, type BrowserWindowBase } from '../../support/electron/stand-in';
import { NEEDLES, seedOffice, plainTextIn } from '../../support/seed';

const RENDERER_DIR = resolve('dist/renderer');

if (!existsSync(MAIN_CJS) || !existsSync(join(RENDERER_DIR, 'index.html'))) {
  throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
}

interface Started {
  run: RunningShell;
  shell: Shell;
  window: BrowserWindowBase;
  call(channel: string, input?: unknown, frame?: WebFrameMain | null, window?: BrowserWindowBase): Promise<Result<unknown>>;
  logText(): string;
  stop(): Promise<void>;
}

async function start(options: Parameters<typeof runMain>[0] = {}): Promise<Started> {
  const run = runMain({ hooks: { scrypt: FAST_SCRYPT, idleCheckMs: 0 }, ...options });
  const shell = await run.main.shell;
  if (!shell) throw new Error('the shell did not start');
  const window = run.electron.BrowserWindow.getAllWindows()[0];
  if (!window) throw new Error('no window');
  return {
    run,
    shell,
    window,
    call: (channel, input = {}, frame = window.webContents.mainFrame, from = window) =>
      run.electron.ipcMain.invoke(from.webContents, frame, channel, input) as Promise<Result<unknown>>,
    logText: () => readFileSync(shell.log.file, 'utf8'),
    async stop() {
      if (!window.isDestroyed()) window.close();
      await run.electron.app.quitted;
    },
  };
}

function assetsOf(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((match) => match[1] as string);
}

describe('the built main process under the Electron stand-in', () => {
  let app: Started;
  const dataDir = tempDir('asysta-shell-');

  beforeAll(async () => {
    app = await start({ env: { ASYSTA_DATA_DIR: dataDir } });
  });

  afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('registers app:// as a privileged standard scheme before ready and opens one hardened window on its index page', () => {
    expect(app.run.electron.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(app.run.electron.BrowserWindow.getAllWindows()).toHaveLength(1);
    expect(app.window.webContents.getURL()).toBe('app://asysta/index.html');
    expect(app.window.webPreferences).toMatchObject({
      preload: resolve('dist/electron/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      devTools: true, // development: not packaged
    });
    expect(existsSync(app.window.webPreferences['preload'] as string)).toBe(true);
    expect(app.window.isVisible()).toBe(true); // shown on ready-to-show
  });

  it('serves its page, script and style with the CSP', async () => {
    const index = await app.run.electron.protocol.request('app://asysta/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'none'");
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await index.text();
    expect(html).toBe(readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8'));
    const assets = assetsOf(html);
    expect(assets.some((asset) => asset.endsWith('.js'))).toBe(true);
    expect(assets.some((asset) => asset.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      const response = await app.run.electron.protocol.request(`app://asysta/${asset}`);
      expect(response.status, asset).toBe(200);
      expect(response.headers.get('content-security-policy'), asset).toBe(csp);
      expect(response.headers.get('content-type'), asset).toMatch(asset.endsWith('.js') ? /^text\/javascript/ : /^text\/css/);
      expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(join(RENDERER_DIR, asset))), asset).toBe(true);
    }
    expect((await app.run.electron.protocol.request('app://asysta/')).status).toBe(200);
  });

  it('answers traversal, foreign hosts, malformed and missing paths with 404, and logs them', async () => {
    for (const url of [
      'app://asysta/..%2f..%2fpackage.json',
      'app://asysta/..%2F..%2Felectron%2Fmain.cjs',
      'app://asysta/assets/..%2f..%2f..%2fpackage.json',
      'app://asysta/..%5c..%5cpackage.json',
      'app://asysta/%2e%2e/%2e%2e/package.json',
      'app://asysta/index.html%00',
      'app://asysta/%E0%A4%A',
      'app://asysta/assets',
      'app://asysta/nie-ma-takiego-pliku.js',
      'app://evil/index.html',
      'app://asysta.evil/index.html',
    ]) {
      const response = await app.run.electron.protocol.request(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy'), url).toBeTruthy();
    }
    expect(app.logText()).toContain('Refused app:// request');
    expect(app.logText()).toContain('app:// request for a missing file');
  });

  it('binds exactly the channels of shared/ipc.ts', () => {
    expect(app.run.electron.ipcMain.channels().sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('answers app:status from its own window’s main frame', async () => {
    const status = await app.call('app:status');
    expect(status).toMatchObject({ ok: true, value: { state: 'setup' } });
  });

  it('refuses another frame, another window and another origin in Polish, and logs it', async () => {
    const refused = { ok: false, error: { code: 'FORBIDDEN', message: 'Odrzucono wywołanie spoza okna Asysty.' } };
    const main = app.window.webContents.mainFrame;
    // An iframe of the app's own page, even on an app:// URL.
    expect(await app.call('app:status', {}, new WebFrameMain('app://asysta/index.html', main))).toEqual(refused);
    // No frame at all (a frame that went away).
    expect(await app.call('app:status', {}, null)).toEqual(refused);
    // Another window (e.g. one opened despite the handler), even showing the app's page.
    const other = new app.run.electron.BrowserWindow({ webPreferences: { preload: app.window.webPreferences['preload'] } });
    await other.loadURL('app://asysta/index.html');
    expect(await app.call('app:status', {}, other.webContents.mainFrame, other)).toEqual(refused);
    other.destroy();
    // The window's own main frame, once it shows another origin.
    for (const url of ['https://asysta/index.html', 'app://evil/index.html', 'file:///C:/Asysta/index.html', 'about:blank']) {
      main.url = url;
      expect(await app.call('setup:create', { office: OFFICE, head: HEAD }), url).toEqual(refused);
    }
    main.url = 'app://asysta/index.html';
    expect(app.logText()).toContain("Refused setup:create from outside the app's window");
    // Nothing was created by the refused calls.
    expect(await app.call('app:status')).toMatchObject({ ok: true, value: { state: 'setup' } });
  });

  it('denies permissions, navigation, redirects, window.open, <webview> and the network', async () => {
    const contents = app.window.webContents;
    const session = app.run.electron.session.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      expect(await session.requestPermission(contents, permission), permission).toBe(false);
      expect(session.checkPermission(contents, permission), permission).toBe(false);
    }
    expect(session.checkDevicePermission({ deviceType: 'usb' })).toBe(false);
    expect(contents.simulateNavigation('https://example.com/')).toBe(false);
    expect(contents.simulateNavigation('app://asysta/index.html#/inne')).toBe(false);
    expect(contents.getURL()).toBe('app://asysta/index.html');
    // The window's contents are hardened once, though both web-contents-created and main.ts apply the rules.
    expect(app.logText().match(/Denied navigation/g)).toHaveLength(2);
    expect(contents.simulateFrameNavigation(new WebFrameMain('about:blank', contents.mainFrame), 'https://example.com/')).toBe(false);
    expect(contents.simulateRedirect('https://example.com/')).toBe(false);
    expect(contents.simulateWindowOpen('https://example.com/')).toBe('deny');
    expect(contents.simulateWindowOpen('app://asysta/index.html')).toBe('deny');
    expect(contents.simulateAttachWebview('https://example.com/')).toBe(false);
    for (const url of ['https://example.com/', 'http://localhost:9222/json', 'wss://example.com/socket', 'https://redirector.gvt1.com/edgedl/chrome/dict/pl-pl-3-0.bdic']) {
      expect(await session.simulateRequest(url), url).toBe(false);
    }
    // Spell checking: the system's on Windows/macOS, none elsewhere; never a dictionary download.
    expect(session.spellCheckerDictionaryDownloadURL).not.toMatch(/^https?:/);
    expect(session.isSpellCheckerEnabled()).toBe(process.platform === 'win32' || process.platform === 'darwin');
    expect(app.window.webPreferences['spellcheck']).toBe(process.platform === 'win32' || process.platform === 'darwin');
    expect(app.run.electron.net.outbound).toEqual([]);
    expect(app.run.electron.shell.external).toEqual([]);
  });

  it('sets a Polish application menu with no way to DevTools or a reload', () => {
    const menu = app.run.electron.Menu.getApplicationMenu();
    expect(menu).not.toBeNull();
    expect(menu?.items.map((item) => item.label)).toEqual(['Plik', 'Edycja', 'Widok', 'Okno']);
    const items = menu?.flatten() ?? [];
    const roles = items.map((item) => item.role);
    for (const role of ['toggledevtools', 'reload', 'forcereload']) expect(roles).not.toContain(role);
    for (const item of items) {
      expect(item.accelerator ?? '', item.label).not.toMatch(/^(F12|(CmdOrCtrl|Ctrl|CommandOrControl)\+Shift\+(I|J|C)|Shift\+(CmdOrCtrl|Ctrl)\+(I|J|C|R)|(CmdOrCtrl|Ctrl)\+R)$/i);
      expect(item.label, item.role).not.toMatch(/developer|devtools|narzędzia (dla )?programist/i);
    }
  });

  it('takes the data folder from ASYSTA_DATA_DIR in development', async () => {
    expect(await app.call('setup:create', { office: OFFICE, head: HEAD })).toMatchObject({ ok: true });
    expect(existsSync(join(dataDir, 'asysta.db'))).toBe(true);
    expect(existsSync(join(app.run.userData, 'dane'))).toBe(false);
  });

  it('closes the database and quits when the window is closed', async () => {
    const closing = app.run.electron.app.quitted;
    app.window.close();
    await closing;
    expect(app.run.electron.app.quitRequested).toBe(true);
    expect(app.logText()).toContain('Window closed: closing the database');
  });
});

describe('a packaged start', () => {
  it('turns DevTools off, ignores ASYSTA_DATA_DIR and reads the fonts from resources/', async () => {
    const ignored = tempDir('asysta-ignored-');
    (process as { resourcesPath?: string }).resourcesPath ??= resolve('dist');
    const app = await start({ isPackaged: true, env: { ASYSTA_DATA_DIR: ignored } });
    try {
      expect(app.window.webPreferences['devTools']).toBe(false);
      app.window.webContents.openDevTools();
      expect(app.window.webContents.isDevToolsOpened()).toBe(false);
      // Test hooks are ignored too: the real password KDF runs (slow), so only the folder is checked.
      expect(await app.call('app:status')).toMatchObject({ ok: true, value: { state: 'setup' } });
      expect(await app.call('setup:create', { office: OFFICE, head: HEAD })).toMatchObject({ ok: true });
      expect(existsSync(join(app.run.userData, 'dane', 'asysta.db'))).toBe(true);
      expect(existsSync(join(ignored, 'asysta.db'))).toBe(false);
    } finally {
      await app.stop();
      rmSync(ignored, { recursive: true, force: true });
    }
  });

  it('refuses to start with a debugging switch', async () => {
    for (const args of [['--remote-debugging-port=9222'], ['--inspect'], ['--inspect-brk=9229'], ['--remote-debugging-pipe'], ['--js-flags=--allow-natives-syntax']]) {
      const run = runMain({ isPackaged: true, args });
      expect(await run.main.shell, args.join(' ')).toBeNull();
      expect(run.electron.app.exitCode, args.join(' ')).toBe(1);
      expect(run.electron.BrowserWindow.getAllWindows()).toHaveLength(0);
      expect(run.electron.protocol.isProtocolHandled('app')).toBe(false);
      expect(readFileSync(join(run.userData, 'logs', 'asysta.log'), 'utf8')).toContain('Refused to start: debugging switch');
    }
  });

  it('lets a developer use them when not packaged', async () => {
    const app = await start({ args: ['--remote-debugging-port=9222'] });
    expect(app.run.electron.app.exitCode).toBeNull();
    await app.stop();
  });

  it('leaves a second instance to the first one', async () => {
    const run = runMain({ singleInstanceLock: false });
    expect(await run.main.shell).toBeNull();
    expect(run.electron.app.quitRequested).toBe(true);
    expect(run.electron.BrowserWindow.getAllWindows()).toHaveLength(0);
  });
});

describe('a missing or damaged renderer build', () => {
  // A copy of dist/ inside the repository (so that node_modules resolves), with the renderer broken.
  const root = resolve('.tmp');
  let copy: string;

  beforeAll(() => {
    mkdirSync(root, { recursive: true });
    copy = mkdtempSync(join(root, 'shell-build-'));
    mkdirSync(join(copy, 'dist'));
    cpSync(resolve('dist/electron'), join(copy, 'dist', 'electron'), { recursive: true });
  });

  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  async function pageOf(prepare: (rendererDir: string) => void): Promise<{ status: number; body: string; csp: string | null; log: string }> {
    const rendererDir = join(copy, 'dist', 'renderer');
    rmSync(rendererDir, { recursive: true, force: true });
    prepare(rendererDir);
    const { requireWithElectron } = await import('../../support/electron/load');
    const { ElectronStandIn } = await import('../../support/electron/stand-in');
    const userData = mkdtempSync(join(tmpdir(), 'asysta-userdata-'));
    const electron = new ElectronStandIn({ appPath: resolve('.'), userData });
    const main = requireWithElectron(join(copy, 'dist', 'electron', 'main.cjs'), electron.module(), {
      env: { ASYSTA_DATA_DIR: tempDir('asysta-broken-') },
      hooks: { scrypt: FAST_SCRYPT, idleCheckMs: 0 },
    }) as RunningShell['main'];
    electron.app.ready();
    const shell = await main.shell;
    const response = await electron.protocol.request('app://asysta/index.html');
    const result = { status: response.status, body: await response.text(), csp: response.headers.get('content-security-policy'), log: readFileSync(shell?.log.file ?? '', 'utf8') };
    electron.BrowserWindow.getAllWindows()[0]?.close();
    await electron.app.quitted;
    return result;
  }

  it('shows a Polish error page when the build is missing', async () => {
    const page = await pageOf(() => undefined);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Nie można uruchomić Asysty');
    expect(page.body).toContain('Zainstaluj Asystę ponownie');
    expect(page.body).not.toContain('<script');
    expect(page.csp).toContain("script-src 'self'");
    expect(page.log).toContain('Renderer build broken');
  });

  it('shows it when the page’s script is missing or empty, or the page is not the app’s', async () => {
    const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8');
    const script = assetsOf(html).find((asset) => asset.endsWith('.js')) ?? '';
    const broken: ((dir: string) => void)[] = [
      (dir) => {
        cpSync(RENDERER_DIR, dir, { recursive: true });
        rmSync(join(dir, script));
      },
      (dir) => {
        cpSync(RENDERER_DIR, dir, { recursive: true });
        writeFileSync(join(dir, script), '');
      },
      (dir) => {
        cpSync(RENDERER_DIR, dir, { recursive: true });
        writeFileSync(join(dir, 'index.html'), html.slice(0, html.length / 2));
      },
    ];
    for (const prepare of broken) {
      const page = await pageOf(prepare);
      expect(page.body).toContain('Nie można uruchomić Asysty');
    }
  });

  it('serves the app from a whole copy of the build', async () => {
    const page = await pageOf((dir) => cpSync(RENDERER_DIR, dir, { recursive: true }));
    expect(page.body).toContain('<div id="root"></div>');
  });
});

describe('the log after a seeded session', () => {
  it('holds start-up, refusals and outcomes, and no name, PESEL or typed text', async () => {
    const dataDir = tempDir('asysta-shell-log-');
    const app = await start({ env: { ASYSTA_DATA_DIR: dataDir } });
    try {
      const t: TestBackend = {
        backend: app.shell.backend,
        dataDir,
        clock: undefined as never,
        async call(channel, input) {
          const result = await app.call(channel, input);
          if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}`);
          return result.value as never;
        },
        async fail(channel, input) {
          const result = await app.call(channel, input);
          if (result.ok) throw new Error(`${channel} should have failed`);
          return result.error;
        },
        cleanup: async () => undefined,
      };
      await t.call('setup:create', { office: OFFICE, head: HEAD });
      await t.call('session:login', { login: HEAD.login, password: HEAD.password });
      await seedOffice(t);
      // Typed text on the ways that are logged: wrong passwords, bad input, refused frames, stray URLs.
      const backupFolder = tempDir('asysta-shell-backup-');
      const backup = (await t.call('backup:run', { folder: backupFolder })) as BackupResult;
      await t.call('session:logout', {});
      const backupFile = join(backup.folder, backup.fileName);
      await t.call('backup:restore', { method: 'password', file: backupFile, login: HEAD.login, password: HEAD.password });
      await t.fail('session:login', { login: 'bwisniewska', password: 'Szczęśniak-Kołodziej' });
      await t.fail('users:create', { firstName: 'Krzesimir', lastName: 'Szczęśniak-Kołodziej', login: '', password: 'x', roles: [] });
      await app.call('cases:list', { query: 'Jadwiga' }, new WebFrameMain(`app://asysta/index.html?q=Jadwiga#Źródlana`, app.window.webContents.mainFrame));
      await app.run.electron.protocol.request(`app://asysta/Jadwiga/${encodeURIComponent('Szczęśniak-Kołodziej')}/..%2f..%2f${NEEDLES.find((n) => /^\d{11}$/.test(n)) ?? ''}`);
      app.window.webContents.simulateNavigation('https://example.com/?q=Jadwiga');
      app.window.webContents.simulateWindowOpen('https://example.com/Krzesimir');
      await app.stop();
      const log = app.logText();
      expect(log).toContain('Starting Asysta');
      expect(log).toContain('Window open');
      expect(log).toContain('setup:create: done');
      expect(log).toContain('session:login: done');
      expect(log).toContain('session:login refused: WRONG_PASSWORD');
      expect(log).toMatch(/Migrations applied: \w+/);
      expect(log).toContain('backup:run: done');
      for (const step of ['backup read and verified into a copy aside', 'copy checked (integrity, audit chain)', 'copy swapped in behind the journal', 'checked in place, done']) {
        expect(log).toContain(`Restore: ${step}`);
      }
      expect(log).toContain('backup:restore: done');
      expect(log).toContain("Refused cases:list from outside the app's window");
      expect(log).toContain('Denied navigation: https://example.com/…');
      expect(plainTextIn(app.shell.log.file)).toEqual([]);
      rmSync(backupFolder, { recursive: true, force: true });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
