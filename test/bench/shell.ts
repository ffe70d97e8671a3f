/**
 * Start-up of the built main process under the Electron stand-in: from loading dist/electron/main.cjs
 * to the first IPC answer (app:status, as the renderer asks first), split into loading the bundle
 * and its dependencies, 'ready' → window open (backend, protocol, IPC, menu), and the answer itself.
 * The first round loads node_modules from disk (a cold start, as at the office); later rounds
 * reuse Node's module cache. Chromium's own start and first paint are not in these figures.
 */
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { MAIN_CJS, requireWithElectron, type RunningShell } from '../support/electron/load';
import { ElectronStandIn } from '../support/electron/stand-in';
import { tempDir } from '../support/office';
import { median, percentile, report } from './stats';

export async function benchShell(rounds = 7): Promise<void> {
  const load: number[] = [];
  const open: number[] = [];
  const answer: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const userData = tempDir('asysta-bench-shell-');
    try {
      const t0 = performance.now();
      const electron = new ElectronStandIn({ appPath: process.cwd(), userData });
      const main = requireWithElectron(MAIN_CJS, electron.module(), { env: { ASYSTA_DATA_DIR: undefined } }) as RunningShell['main'];
      const t1 = performance.now();
      electron.app.ready();
      const shell = await main.shell;
      const t2 = performance.now();
      const window = electron.BrowserWindow.getAllWindows()[0];
      if (!shell || !window) throw new Error('the shell did not start');
      const status = (await electron.ipcMain.invoke(window.webContents, window.webContents.mainFrame, 'app:status', {})) as { ok: boolean };
      const t3 = performance.now();
      if (!status.ok) throw new Error('app:status refused');
      load.push(t1 - t0);
      open.push(t2 - t1);
      answer.push(t3 - t2);
      total.push(t3 - t0);
      window.close();
      await electron.app.quitted;
    } finally {
      rmSync(userData, { recursive: true, force: true });
    }
  }
  const warm = (values: number[]) => values.slice(1);
  report('shell', [
    ['cold: main.cjs start → first IPC answer', total[0] ?? NaN, null],
    ['cold: loading main.cjs and its dependencies', load[0] ?? NaN, null],
    ['warm: main.cjs start → first IPC answer', median(warm(total)), percentile(warm(total), 95)],
    ['warm: loading main.cjs', median(warm(load)), percentile(warm(load), 95)],
    ['warm: ready → window open', median(warm(open)), percentile(warm(open), 95)],
    ['warm: first app:status answer', median(warm(answer)), percentile(warm(answer), 95)],
  ]);
}
