/**
 * What tests inject into the real shell (dist/electron/main.cjs run under Node with a stand-in
 * `electron`, test/support/electron/). Only what no Electron API can carry: the clock the test
 * moves, a cheap password KDF, the idle timer off, and the system PDF viewer's stand-in (it
 * receives view/print, which shell.openPath cannot tell apart). The data folder comes the
 * development way, through ASYSTA_DATA_DIR.
 *
 * Read once, synchronously, when main.cjs is loaded, from a global the loader sets just before
 * `require` — and never in a packaged app, where `app.isPackaged` turns both off.
 */
import type { Clock } from '../clock';
import type { ScryptParams } from '../db/keyring';
import type { FileOpener } from '../services/document-handlers';

export const TEST_HOOKS = Symbol.for('asysta.shell.testHooks');

export interface ShellTestHooks {
  clock?: Clock;
  scrypt?: ScryptParams;
  idleCheckMs?: number;
  openFile?: FileOpener;
}

export interface ShellOverrides {
  hooks: ShellTestHooks;
  dataDir: string | undefined;
}

export function readOverrides(packaged: boolean, env: NodeJS.ProcessEnv = process.env): ShellOverrides {
  if (packaged) return { hooks: {}, dataDir: undefined };
  const hooks = (globalThis as { [TEST_HOOKS]?: ShellTestHooks })[TEST_HOOKS] ?? {};
  const dataDir = env['ASYSTA_DATA_DIR'];
  return { hooks, dataDir: dataDir === undefined || dataDir === '' ? undefined : dataDir };
}
