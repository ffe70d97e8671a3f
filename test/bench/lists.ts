/**
 * The case list as a paged read model (issue 17), on the 10,000-family office of the search bench
 * (the same cached office: only the first run of either seeds it).
 * Target: `cases:list` with default input p95 ≤ 100 ms (10,000 families); a page p95 ≤ 50 ms is the
 * target at the 100,000-person scale. Prints the main process's RSS after the session.
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend, type Backend } from '../../electron/backend';
import { ManualClock } from '../../electron/clock';
import type { Channel, ChannelInput } from '../../shared/ipc';
import { FAST_SCRYPT, HEAD, tempDir } from '../support/backend';
import { NOW, office } from './search-tray';
import { median, percentile, report } from './stats';

const RUNS = 40;

export async function benchLists(): Promise<void> {
  const { folder, cached } = await office();
  const work = tempDir('asysta-bench-lists-');
  cpSync(join(folder, 'data'), work, { recursive: true });
  const backend: Backend = createBackend({ dataDir: work, clock: new ManualClock(NOW), scrypt: FAST_SCRYPT, idleCheckMs: 0 });
  const time = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<number[]> => {
    await backend.invoke(channel, input); // warm-up
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const result = await backend.invoke(channel, input);
      times.push(performance.now() - t0);
      if (!result.ok) throw new Error(result.error.message);
    }
    return times;
  };
  try {
    const { families, staff } = cached.report;
    const worker = staff.find((s) => s.created && s.roles.includes('social_worker'))!;
    const rssBefore = process.memoryUsage().rss;
    await backend.invoke('session:login', { login: HEAD.login, password: HEAD.password });
    const total = await backend.invoke('cases:list', {});
    const pages = total.ok ? Math.ceil((total.value as { total: number }).total / 50) : 0;
    const headFirst = await time('cases:list', {});
    const headDeep = await time('cases:list', { page: Math.max(1, pages - 3) });
    const headName = await time('cases:list', { sort: 'familyName', direction: 'asc' });
    const headStatus = await time('cases:list', { status: 'IN_PROGRESS' });
    const headText = await time('cases:list', { q: 'Kowal' });
    const head200 = await time('cases:list', { pageSize: 200 });
    await backend.invoke('session:logout', {});
    await backend.invoke('session:login', { login: worker.login, password: HEAD.password });
    const workerFirst = await time('cases:list', {});
    await backend.invoke('session:logout', {});
    const rssAfter = process.memoryUsage().rss;

    console.log(`\n== case list (cases:list through backend.invoke): ${families.length} families, ${pages} pages of 50 for the kierownik; ${RUNS} runs each`);
    report('case list (target p95 ≤ 100 ms at 10,000 families with default input)', [
      ['kierownik, first page (default input)', median(headFirst), percentile(headFirst, 95)],
      [`kierownik, deep page (${Math.max(1, pages - 3)})`, median(headDeep), percentile(headDeep, 95)],
      ['kierownik, by name A→Ż', median(headName), percentile(headName, 95)],
      ['kierownik, status "w realizacji"', median(headStatus), percentile(headStatus, 95)],
      ['kierownik, text "Kowal"', median(headText), percentile(headText, 95)],
      ['kierownik, 200 on a page', median(head200), percentile(head200, 95)],
      [`social worker, first page (${families.filter((f) => f.workerLogin === worker.login).length} cases)`, median(workerFirst), percentile(workerFirst, 95)],
    ]);
    const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
    console.log(`  RSS of this process: ${mb(rssBefore)} MB before the session, ${mb(rssAfter)} MB after (target ≤ 250 MB)`);
  } finally {
    await backend.close();
    rmSync(work, { recursive: true, force: true });
  }
}
