/**
 * A stand-in for the `electron` module of the main process: Electron's JavaScript API as the
 * app uses it, with only Electron's C++ (Chromium, the window) replaced. Modelled on how
 * Electron behaves, not on how main.ts happens to call it, so that a wrong call fails here as it
 * would in the office:
 * - protocol.registerSchemesAsPrivileged only before 'ready'; protocol.handle, session,
 *   BrowserWindow and dialog only after it; a second handler for a scheme or channel throws;
 * - net.fetch serves file:// (which Node's fetch cannot) with Chromium's MIME types, and
 *   rejects a missing file with net::ERR_FILE_NOT_FOUND; any http(s) request is recorded in
 *   `outbound` and refused (the stand-in has no network, and the app must not want one);
 * - ipcMain answers are structured-cloned, as IPC does;
 * - a window's DevTools open only when webPreferences.devTools is not false;
 * - until the app sets its own menu, the application menu is Electron's default one, which
 *   has View → Toggle Developer Tools.
 *
 * Besides the API, each part has test helpers (named `simulate…`, `request`, `invoke`, `ready`)
 * through which a test plays Chromium's or the user's part.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// --- app --------------------------------------------------------------------------------------

export interface StandInOptions {
  /** app.getAppPath(): the folder holding package.json (the repository in development). */
  appPath: string;
  /** app.getPath('userData'); 'logs' is its logs/ subfolder, as on Windows. */
  userData: string;
  isPackaged?: boolean;
  /** The command line (process.argv as Electron sees it): app.commandLine's switches come from it. */
  argv?: string[];
  /** false: another instance holds the single-instance lock. */
  singleInstanceLock?: boolean;
}

class CommandLine {
  private readonly switches = new Map<string, string>();

  constructor(argv: readonly string[]) {
    for (const arg of argv) {
      const match = /^--([^=]+)(?:=(.*))?$/.exec(arg);
      if (match?.[1]) this.switches.set(match[1].toLowerCase(), match[2] ?? '');
    }
  }

  hasSwitch(name: string): boolean {
    return this.switches.has(name.toLowerCase());
  }

  getSwitchValue(name: string): string {
    return this.switches.get(name.toLowerCase()) ?? '';
  }

  appendSwitch(name: string, value = ''): void {
    this.switches.set(name.toLowerCase(), value);
  }

  removeSwitch(name: string): void {
    this.switches.delete(name.toLowerCase());
  }
}

class App extends EventEmitter {
  readonly isPackaged: boolean;
  readonly commandLine: CommandLine;
  name: string;
  private readonly version: string;
  private isAppReady = false;
  private readonly readyPromise: Promise<void>;
  private resolveReady!: () => void;
  exitCode: number | null = null;
  quitRequested = false;
  readonly quitted: Promise<void>;
  private resolveQuitted!: () => void;
  aboutPanelOptions: Record<string, unknown> | null = null;

  constructor(
    private readonly electron: ElectronStandIn,
    private readonly options: StandInOptions,
  ) {
    super();
    this.isPackaged = options.isPackaged ?? false;
    this.commandLine = new CommandLine(options.argv ?? []);
    const pkg = JSON.parse(readFileSync(join(options.appPath, 'package.json'), 'utf8')) as { version: string; productName?: string; name: string };
    this.name = pkg.productName ?? pkg.name;
    this.version = pkg.version;
    this.readyPromise = new Promise((resolve) => (this.resolveReady = resolve));
    this.quitted = new Promise((resolve) => (this.resolveQuitted = resolve));
  }

  getName(): string {
    return this.name;
  }

  getVersion(): string {
    return this.version;
  }

  getAppPath(): string {
    return this.options.appPath;
  }

  getPath(name: string): string {
    const paths: Record<string, string> = {
      userData: this.options.userData,
      logs: join(this.options.userData, 'logs'),
      sessionData: this.options.userData,
      appData: join(this.options.userData, '..'),
      temp: join(this.options.userData, 'temp'),
      home: join(this.options.userData, 'home'),
    };
    const path = paths[name];
    if (path === undefined) throw new Error(`Failed to get '${name}' path`);
    if (name === 'logs' || name === 'temp') mkdirSync(path, { recursive: true });
    return path;
  }

  isReady(): boolean {
    return this.isAppReady;
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  /** Test helper: Chromium has started. Electron first sets its default menu, then emits 'ready'. */
  ready(): void {
    if (this.isAppReady) throw new Error('ready() twice');
    this.isAppReady = true;
    if (!this.electron.Menu.getApplicationMenu()) this.electron.Menu.setDefaultApplicationMenu();
    this.emit('ready', { preventDefault() {} }, {});
    this.resolveReady();
  }

  requestSingleInstanceLock(): boolean {
    return this.options.singleInstanceLock ?? true;
  }

  setAboutPanelOptions(options: Record<string, unknown>): void {
    this.aboutPanelOptions = options;
  }

  quit(): void {
    if (this.quitRequested) return;
    this.quitRequested = true;
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    this.emit('before-quit', event);
    for (const window of [...this.electron.BrowserWindow.getAllWindows()]) window.destroy();
    this.emit('will-quit', event);
    this.emit('quit', event, 0);
    this.resolveQuitted();
  }

  exit(code = 0): void {
    this.exitCode = code;
    for (const window of [...this.electron.BrowserWindow.getAllWindows()]) window.destroy();
    this.resolveQuitted();
  }

  requireReady(api: string): void {
    if (!this.isAppReady) throw new Error(`${api} cannot be used before the app is ready`);
  }
}

// --- web contents and frames ------------------------------------------------------------------

export class WebFrameMain {
  readonly frames: WebFrameMain[] = [];
  private static nextRoutingId = 1;
  readonly routingId = WebFrameMain.nextRoutingId++;

  constructor(
    public url: string,
    public readonly parent: WebFrameMain | null = null,
  ) {
    parent?.frames.push(this);
  }

  get top(): WebFrameMain {
    return this.parent ? this.parent.top : this;
  }
}

interface PreventableEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

function preventable<T extends object>(fields: T): T & PreventableEvent {
  return {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

type WindowOpenHandler = (details: { url: string; frameName: string; features: string; disposition: string }) => { action: 'allow' | 'deny' };

export class WebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = WebContents.nextId++;
  readonly mainFrame = new WebFrameMain('');
  private windowOpenHandler: WindowOpenHandler | null = null;
  private devToolsOpen = false;
  private destroyed = false;

  constructor(
    readonly session: Session,
    private readonly devToolsAllowed: boolean,
  ) {
    super();
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** Electron: DevTools open only when webPreferences.devTools is not false. */
  openDevTools(): void {
    if (!this.devToolsAllowed || this.devToolsOpen) return;
    this.devToolsOpen = true;
    this.emit('devtools-opened');
  }

  closeDevTools(): void {
    if (!this.devToolsOpen) return;
    this.devToolsOpen = false;
    this.emit('devtools-closed');
  }

  isDevToolsOpened(): boolean {
    return this.devToolsOpen;
  }

  /** Loads a URL from the main process (loadURL does not fire will-navigate, as in Electron). */
  async load(url: string): Promise<void> {
    this.mainFrame.url = url;
    this.emit('did-start-loading');
    this.emit('did-finish-load');
  }

  /** Test helper: the page asks to navigate its main frame; true when the app let it. */
  simulateNavigation(url: string): boolean {
    const event = preventable({ url, isMainFrame: true, frame: this.mainFrame });
    this.emit('will-frame-navigate', event);
    this.emit('will-navigate', event, url);
    if (!event.defaultPrevented) this.mainFrame.url = url;
    return !event.defaultPrevented;
  }

  /** Test helper: a subframe asks to navigate; true when the app let it. */
  simulateFrameNavigation(frame: WebFrameMain, url: string): boolean {
    const event = preventable({ url, isMainFrame: false, frame });
    this.emit('will-frame-navigate', event);
    if (!event.defaultPrevented) frame.url = url;
    return !event.defaultPrevented;
  }

  /** Test helper: a server redirect during navigation; true when the app let it. */
  simulateRedirect(url: string): boolean {
    const event = preventable({ url, isMainFrame: true });
    this.emit('will-redirect', event, url);
    return !event.defaultPrevented;
  }

  /** Test helper: window.open / target=_blank; without a handler Electron opens the window. */
  simulateWindowOpen(url: string): 'allow' | 'deny' {
    if (!this.windowOpenHandler) return 'allow';
    return this.windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window' }).action;
  }

  /** Test helper: a <webview> is about to attach; true when the app let it. */
  simulateAttachWebview(src: string): boolean {
    const event = preventable({});
    const webPreferences: Record<string, unknown> = {};
    this.emit('will-attach-webview', event, webPreferences, { src });
    return !event.defaultPrevented;
  }
}

// --- BrowserWindow ----------------------------------------------------------------------------

export interface WindowOptions {
  webPreferences?: Record<string, unknown>;
  show?: boolean;
  [key: string]: unknown;
}

export class BrowserWindowBase extends EventEmitter {
  private static nextId = 1;
  readonly id = BrowserWindowBase.nextId++;
  readonly webContents: WebContents;
  visible: boolean;
  minimized = false;
  focused = false;
  private destroyedWindow = false;

  constructor(
    readonly electron: ElectronStandIn,
    readonly options: WindowOptions,
  ) {
    super();
    electron.app.requireReady('BrowserWindow');
    const webPreferences = options.webPreferences ?? {};
    this.webContents = new WebContents(electron.session.defaultSession, webPreferences['devTools'] !== false);
    this.visible = options.show !== false;
    electron.windows.push(this);
    electron.app.emit('web-contents-created', preventable({}), this.webContents);
  }

  get webPreferences(): Record<string, unknown> {
    return this.options.webPreferences ?? {};
  }

  async loadURL(url: string): Promise<void> {
    await this.webContents.load(url);
    queueMicrotask(() => this.emit('ready-to-show'));
  }

  show(): void {
    this.visible = true;
    this.emit('show');
  }

  isVisible(): boolean {
    return this.visible;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
  }

  focus(): void {
    this.focused = true;
  }

  isDestroyed(): boolean {
    return this.destroyedWindow;
  }

  /** Closing by the user: 'close', then 'closed'; the last window closed emits app 'window-all-closed'. */
  close(): void {
    const event = preventable({});
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroy();
    if (this.electron.windows.length === 0 && !this.electron.app.quitRequested) this.electron.app.emit('window-all-closed');
  }

  destroy(): void {
    if (this.destroyedWindow) return;
    this.destroyedWindow = true;
    this.webContents.destroy();
    this.electron.windows.splice(this.electron.windows.indexOf(this), 1);
    this.emit('closed');
  }
}

// --- protocol and net -------------------------------------------------------------------------

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

class Protocol {
  readonly privileged: { scheme: string; privileges?: Record<string, boolean> }[] = [];
  private readonly handlers = new Map<string, ProtocolHandler>();

  constructor(private readonly electron: ElectronStandIn) {}

  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]): void {
    if (this.electron.app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    this.privileged.push(...schemes);
  }

  handle(scheme: string, handler: ProtocolHandler): void {
    this.electron.app.requireReady('protocol.handle');
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  }

  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  }

  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }

  /**
   * Test helper: Chromium requests `url`; the registered handler answers. Electron gives the
   * handler the URL as Chromium canonicalised it (for a standard scheme: lower-case host, `.` and
   * `..` segments resolved, percent-encoding kept) — `new URL` does the same here.
   */
  async request(url: string, init?: RequestInit): Promise<Response> {
    const scheme = url.slice(0, url.indexOf(':')).toLowerCase();
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME (${url})`);
    return handler(new Request(new URL(url).href, init));
  }
}

/** Chromium's MIME types for the files a renderer build holds. */
const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
};

class Net {
  /** Every http(s)/ws request the app made through net.fetch (there should be none). */
  readonly outbound: string[] = [];

  async fetch(input: string | Request): Promise<Response> {
    const url = typeof input === 'string' ? input : input.url;
    const parsed = new URL(url);
    if (parsed.protocol === 'file:') {
      const path = fileURLToPath(parsed);
      try {
        if (!(await stat(path)).isFile()) throw new Error('not a file');
        const body = await readFile(path);
        return new Response(body, { status: 200, headers: { 'Content-Type': MIME[extname(path).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': String(body.length) } });
      } catch {
        throw new TypeError(`net::ERR_FILE_NOT_FOUND (${url})`);
      }
    }
    this.outbound.push(url);
    throw new TypeError(`net::ERR_INTERNET_DISCONNECTED (${url}): the stand-in has no network`);
  }
}

// --- ipcMain ----------------------------------------------------------------------------------

export interface InvokeEvent {
  sender: WebContents;
  senderFrame: WebFrameMain | null;
  frameId: number;
  processId: number;
}

type InvokeHandler = (event: InvokeEvent, ...args: unknown[]) => unknown;

class IpcMain extends EventEmitter {
  private readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  handleOnce(channel: string, handler: InvokeHandler): void {
    this.handle(channel, (event, ...args) => {
      this.handlers.delete(channel);
      return handler(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  channels(): string[] {
    return [...this.handlers.keys()];
  }

  /**
   * Test helper: ipcRenderer.invoke(channel, ...args) from `frame` of `sender`. As in Electron,
   * an unknown channel rejects, a thrown error rejects, and the answer is structured-cloned.
   */
  async invoke(sender: WebContents, frame: WebFrameMain | null, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    const event: InvokeEvent = { sender, senderFrame: frame, frameId: frame?.routingId ?? 0, processId: 1 };
    const result = await handler(event, ...args.map((arg) => structuredClone(arg)));
    return structuredClone(result);
  }
}

// --- session ----------------------------------------------------------------------------------

type PermissionRequestHandler = (contents: WebContents, permission: string, callback: (granted: boolean) => void, details: Record<string, unknown>) => void;
type PermissionCheckHandler = (contents: WebContents | null, permission: string, origin: string, details: Record<string, unknown>) => boolean;
type BeforeRequestListener = (details: { url: string; method: string; resourceType: string }, callback: (response: { cancel?: boolean }) => void) => void;

function matchesPattern(pattern: string, url: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*')}$`);
  return regex.test(url);
}

export class Session {
  private permissionRequestHandler: PermissionRequestHandler | null = null;
  private permissionCheckHandler: PermissionCheckHandler | null = null;
  private deviceHandler: ((details: unknown) => boolean) | null = null;
  private beforeRequest: { urls: string[]; listener: BeforeRequestListener } | null = null;
  spellCheckerEnabled = true;
  spellCheckerDictionaryDownloadURL = 'https://redirector.gvt1.com/edgedl/chrome/dict/';
  spellCheckerLanguages: string[] = [];

  readonly webRequest = {
    onBeforeRequest: (filter: { urls: string[] } | BeforeRequestListener, listener?: BeforeRequestListener) => {
      if (typeof filter === 'function') this.beforeRequest = { urls: ['<all_urls>'], listener: filter };
      else if (listener) this.beforeRequest = { urls: filter.urls, listener };
      else this.beforeRequest = null;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void {
    this.deviceHandler = handler;
  }

  setSpellCheckerEnabled(enabled: boolean): void {
    this.spellCheckerEnabled = enabled;
  }

  isSpellCheckerEnabled(): boolean {
    return this.spellCheckerEnabled;
  }

  setSpellCheckerDictionaryDownloadURL(url: string): void {
    this.spellCheckerDictionaryDownloadURL = url;
  }

  setSpellCheckerLanguages(languages: string[]): void {
    this.spellCheckerLanguages = languages;
  }

  /** Test helper: a page asks for a permission. Without a handler Electron grants it. */
  requestPermission(contents: WebContents, permission: string): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(contents, permission, resolve, { requestingUrl: contents.getURL() }));
  }

  /** Test helper: a page checks a permission. Without a handler Electron grants it. */
  checkPermission(contents: WebContents, permission: string): boolean {
    return this.permissionCheckHandler ? this.permissionCheckHandler(contents, permission, contents.getURL(), {}) : true;
  }

  /** Test helper: a device (USB, HID, serial) request. Without a handler Electron asks the user. */
  checkDevicePermission(details: unknown): boolean | 'ask' {
    return this.deviceHandler ? this.deviceHandler(details) : 'ask';
  }

  /** Test helper: Chromium is about to send a request; true when it would go out. */
  simulateRequest(url: string): Promise<boolean> {
    const filter = this.beforeRequest;
    if (!filter || !filter.urls.some((pattern) => pattern === '<all_urls>' || matchesPattern(pattern, url))) return Promise.resolve(true);
    return new Promise((resolve) => filter.listener({ url, method: 'GET', resourceType: 'xhr' }, (response) => resolve(!response.cancel)));
  }
}

// --- Menu -------------------------------------------------------------------------------------

export interface MenuItemOptions {
  role?: string;
  label?: string;
  accelerator?: string;
  type?: string;
  submenu?: MenuItemOptions[] | Menu;
  click?: () => void;
}

/** Electron's default accelerators of the roles that have one on Windows/Linux. */
const ROLE_ACCELERATORS: Record<string, string> = {
  toggledevtools: 'Ctrl+Shift+I',
  reload: 'CmdOrCtrl+R',
  forcereload: 'Shift+CmdOrCtrl+R',
  quit: 'Ctrl+Q',
  undo: 'CmdOrCtrl+Z',
  redo: 'Shift+CmdOrCtrl+Z',
  cut: 'CmdOrCtrl+X',
  copy: 'CmdOrCtrl+C',
  paste: 'CmdOrCtrl+V',
  selectall: 'CmdOrCtrl+A',
  zoomin: 'CmdOrCtrl+Plus',
  zoomout: 'CmdOrCtrl+-',
  resetzoom: 'CmdOrCtrl+0',
  togglefullscreen: 'F11',
  minimize: 'CmdOrCtrl+M',
  close: 'CmdOrCtrl+W',
};

export class MenuItem {
  readonly role: string | undefined;
  readonly label: string;
  readonly accelerator: string | undefined;
  readonly type: string;
  readonly submenu: Menu | undefined;

  constructor(options: MenuItemOptions) {
    this.role = options.role?.toLowerCase();
    this.label = options.label ?? options.role ?? '';
    this.accelerator = options.accelerator ?? (this.role ? ROLE_ACCELERATORS[this.role] : undefined);
    this.type = options.type ?? (options.submenu ? 'submenu' : 'normal');
    this.submenu = options.submenu instanceof Menu ? options.submenu : options.submenu ? Menu.buildFromTemplate(options.submenu) : undefined;
  }
}

export class Menu {
  readonly items: MenuItem[];

  constructor(items: MenuItem[] = []) {
    this.items = items;
  }

  static buildFromTemplate(template: MenuItemOptions[]): Menu {
    return new Menu(template.map((options) => new MenuItem(options)));
  }

  /** Every item, depth first. */
  flatten(): MenuItem[] {
    return this.items.flatMap((item) => [item, ...(item.submenu ? item.submenu.flatten() : [])]);
  }
}

/** Electron's default application menu on Windows/Linux (lib/browser/default-menu.ts). */
const DEFAULT_MENU: MenuItemOptions[] = [
  { role: 'fileMenu', label: 'File', submenu: [{ role: 'quit' }] },
  { role: 'editMenu', label: 'Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'delete' }, { type: 'separator' }, { role: 'selectAll' }] },
  { role: 'viewMenu', label: 'View', submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
  { role: 'windowMenu', label: 'Window', submenu: [{ role: 'minimize' }, { role: 'zoom' }, { role: 'close' }] },
  { role: 'help', label: 'Help', submenu: [{ label: 'Learn More' }] },
];

class MenuApi {
  private applicationMenu: Menu | null = null;
  readonly buildFromTemplate = (template: MenuItemOptions[]) => Menu.buildFromTemplate(template);

  setApplicationMenu(menu: Menu | null): void {
    this.applicationMenu = menu;
  }

  getApplicationMenu(): Menu | null {
    return this.applicationMenu;
  }

  setDefaultApplicationMenu(): void {
    this.applicationMenu = Menu.buildFromTemplate(DEFAULT_MENU);
  }
}

// --- dialog and shell -------------------------------------------------------------------------

export interface OpenDialogOptionsLike {
  title?: string;
  properties?: string[];
  filters?: { name: string; extensions: string[] }[];
}

export type OpenDialogResponder = (options: OpenDialogOptionsLike, parent: BrowserWindowBase | null) => Promise<string | null>;

class Dialog {
  readonly opened: { options: OpenDialogOptionsLike; modal: boolean }[] = [];
  /** Test helper: plays the user in the picker (null: cancelled). */
  responder: OpenDialogResponder = async () => null;

  constructor(private readonly electron: ElectronStandIn) {}

  async showOpenDialog(windowOrOptions: BrowserWindowBase | OpenDialogOptionsLike, maybeOptions?: OpenDialogOptionsLike): Promise<{ canceled: boolean; filePaths: string[] }> {
    this.electron.app.requireReady('dialog');
    const parent = windowOrOptions instanceof BrowserWindowBase ? windowOrOptions : null;
    const options = parent ? (maybeOptions ?? {}) : (windowOrOptions as OpenDialogOptionsLike);
    this.opened.push({ options, modal: parent !== null });
    const path = await this.responder(options, parent);
    return path === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [path] };
  }

  showErrorBox(title: string, content: string): void {
    this.opened.push({ options: { title: `${title}: ${content}` }, modal: false });
  }
}

class ShellApi {
  readonly opened: string[] = [];
  readonly external: string[] = [];
  /** Test helper: the system's file opener ('' when it opened the file, else an error text). */
  responder: (path: string) => Promise<string> = async () => '';

  async openPath(path: string): Promise<string> {
    this.opened.push(path);
    return this.responder(path);
  }

  async openExternal(url: string): Promise<void> {
    this.external.push(url);
  }
}

// --- the module -------------------------------------------------------------------------------

export class ElectronStandIn {
  readonly windows: BrowserWindowBase[] = [];
  readonly Menu = new MenuApi();
  readonly app: App;
  readonly protocol = new Protocol(this);
  readonly net = new Net();
  readonly ipcMain = new IpcMain();
  readonly dialog = new Dialog(this);
  readonly shell = new ShellApi();
  defaultSessionValue: Session | null = null;
  readonly session: { readonly defaultSession: Session };
  readonly BrowserWindow: { new (options?: WindowOptions): BrowserWindowBase; getAllWindows(): BrowserWindowBase[]; fromWebContents(contents: WebContents): BrowserWindowBase | null };

  constructor(options: StandInOptions) {
    this.app = new App(this, options);
    const standIn = (): ElectronStandIn => this;
    this.session = {
      get defaultSession(): Session {
        const electron = standIn();
        electron.app.requireReady('session.defaultSession');
        electron.defaultSessionValue ??= new Session();
        return electron.defaultSessionValue;
      },
    };
    // `new BrowserWindow(options)` as in Electron, bound to this stand-in.
    const BrowserWindow = class extends BrowserWindowBase {
      constructor(windowOptions: WindowOptions = {}) {
        super(standIn(), windowOptions);
      }

      static getAllWindows(): BrowserWindowBase[] {
        return [...standIn().windows];
      }

      static fromWebContents(contents: WebContents): BrowserWindowBase | null {
        return standIn().windows.find((window) => window.webContents === contents) ?? null;
      }
    };
    this.BrowserWindow = BrowserWindow;
  }

  /** The module object `require('electron')` returns. */
  module(): Record<string, unknown> {
    return {
      app: this.app,
      BrowserWindow: this.BrowserWindow,
      protocol: this.protocol,
      net: this.net,
      ipcMain: this.ipcMain,
      session: this.session,
      Menu: this.Menu,
      MenuItem,
      dialog: this.dialog,
      shell: this.shell,
      WebContents,
    };
  }
}

// --- the renderer side: for the preload -------------------------------------------------------

/**
 * contextBridge and ipcRenderer as a sandboxed preload sees them. exposeInMainWorld refuses a
 * key the page already has (as Electron does) and records what the page will see;
 * ipcRenderer.invoke goes to `invoke` (a test connects it to an ipcMain stand-in or a spy).
 */
export class RendererStandIn {
  readonly mainWorld: Record<string, unknown> = {};
  readonly invoked: { channel: string; args: unknown[] }[] = [];
  readonly sent: string[] = [];

  constructor(private readonly invoke: (channel: string, ...args: unknown[]) => Promise<unknown> = async () => undefined) {}

  module(): Record<string, unknown> {
    return {
      contextBridge: {
        exposeInMainWorld: (key: string, api: unknown) => {
          if (key in this.mainWorld) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
          this.mainWorld[key] = api;
        },
      },
      ipcRenderer: {
        invoke: (channel: string, ...args: unknown[]) => {
          this.invoked.push({ channel, args });
          return this.invoke(channel, ...args);
        },
        send: (channel: string) => this.sent.push(channel),
        on: (channel: string) => this.sent.push(`on:${channel}`),
      },
    };
  }
}
