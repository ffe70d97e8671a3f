/**
 * Runs built files (dist/electron/main.cjs, preload.cjs) under Node with `require('electron')`
 * resolved to a stand-in: Node's resolver is asked for 'electron' only while such a file is
 * being loaded, and then answers with a module made from the stand-in. Everything else the
 * file requires (node_modules, Node's own modules) is the real thing.
 */
import Module, { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Shell } from '../../../electron/main';
import { TEST_HOOKS, type ShellTestHooks } from '../../../electron/shell/test-hooks';
import { ElectronStandIn, type StandInOptions } from './stand-in';

export const DIST_ELECTRON = resolve('dist/electron');
export const MAIN_CJS = join(DIST_ELECTRON, 'main.cjs');
export const PRELOAD_CJS = join(DIST_ELECTRON, 'preload.cjs');

const nodeRequire = createRequire(import.meta.url);

type Resolver = (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;
const moduleInternals = Module as unknown as { _resolveFilename: Resolver; _cache: Record<string, Module> };

let electronId: string | null = null;
let loads = 0;

const originalResolve = moduleInternals._resolveFilename;
if (!(originalResolve as { standIn?: boolean }).standIn) {
  const resolver: Resolver = function (this: unknown, request, parent, isMain, options) {
    if (request === 'electron' && electronId !== null) return electronId;
    return originalResolve.call(this, request, parent, isMain, options);
  };
  (resolver as { standIn?: boolean }).standIn = true;
  moduleInternals._resolveFilename = resolver;
}

/** Loads `file` afresh with `electronModule` as its `electron`; env and argv set only while it loads. */
export function requireWithElectron(
  file: string,
  electronModule: Record<string, unknown>,
  options: { env?: Record<string, string | undefined>; argv?: string[]; hooks?: ShellTestHooks } = {},
): unknown {
  loads += 1;
  const id = `electron-stand-in-${loads}`;
  const fake = new Module(id);
  fake.exports = electronModule;
  fake.loaded = true;
  moduleInternals._cache[id] = fake;
  const savedEnv = Object.fromEntries(Object.keys(options.env ?? {}).map((key) => [key, process.env[key]]));
  const savedArgv = process.argv;
  const globals = globalThis as { [TEST_HOOKS]?: ShellTestHooks };
  try {
    for (const [key, value] of Object.entries(options.env ?? {})) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    if (options.argv) process.argv = options.argv;
    if (options.hooks) globals[TEST_HOOKS] = options.hooks;
    electronId = id;
    delete nodeRequire.cache[file];
    return nodeRequire(file);
  } finally {
    electronId = null;
    delete globals[TEST_HOOKS];
    process.argv = savedArgv;
    for (const [key, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    delete nodeRequire.cache[file];
    delete moduleInternals._cache[id];
  }
}

export interface RunningShell {
  electron: ElectronStandIn;
  /** What main.cjs exported. */
  main: { shell: Promise<Shell | null> };
  userData: string;
}

export interface ShellRunOptions extends Partial<Omit<StandInOptions, 'appPath' | 'argv'>> {
  /** Extra command-line arguments after the app's path. */
  args?: string[];
  env?: Record<string, string | undefined>;
  hooks?: ShellTestHooks;
  /** false: load main.cjs but leave 'ready' to the test. */
  ready?: boolean;
}

/** Starts the built main process as Electron would: load main.cjs, then 'ready'. */
export function runMain(options: ShellRunOptions = {}): RunningShell {
  const userData = options.userData ?? mkdtempSync(join(tmpdir(), 'asysta-userdata-'));
  const argv = ['/opt/Asysta/asysta', ...(options.isPackaged ? [] : [resolve('.')]), ...(options.args ?? [])];
  const electron = new ElectronStandIn({ appPath: resolve('.'), userData, isPackaged: options.isPackaged, singleInstanceLock: options.singleInstanceLock, argv });
  const main = requireWithElectron(MAIN_CJS, electron.module(), { env: options.env, argv, hooks: options.hooks }) as RunningShell['main'];
  if (options.ready !== false) electron.app.ready();
  return { electron, main, userData };
}
