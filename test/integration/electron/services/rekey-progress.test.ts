/**
 * "Zmień klucz bazy" reports measured progress (issue 14): polled through backup:rekeyProgress
 * while backup:rekey runs, the polls are answered meanwhile (the copy and re-key run off the main
 * thread), the percentage only grows, and it ends at 100 % once the new key is in use.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RekeyProgress } from '../../../../shared/backup';
import { setUpOffice, testBackend, type TestBackend } from '../../../support/backend';

let t: TestBackend;
afterEach(async () => t?.cleanup());

describe('the key change’s progress', () => {
  it('is answered while the key changes, only grows, and ends at 100 %', async () => {
    t = testBackend();
    await setUpOffice(t);
    expect(await t.call('backup:rekeyProgress', {})).toBeNull();
    const db = t.backend.readySession()!.db;
    await db.write((m) => m.query('CREATE TABLE bench_filler (id INTEGER PRIMARY KEY, body BLOB)'));
    await db.write((m) => m.query('INSERT INTO bench_filler (body) SELECT randomblob(4000) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 8000) SELECT i FROM n)'));

    const seen: RekeyProgress[] = [];
    let finished = false;
    const rekey = t.call('backup:rekey', { destroyBackupsBefore: null }).finally(() => {
      finished = true;
    });
    while (!finished) {
      const progress = await t.call('backup:rekeyProgress', {});
      if (progress && !finished) seen.push(progress);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await rekey;

    const during = seen.filter((p) => !p.done).map((p) => p.percent);
    expect(during.filter((p) => p > 0 && p < 95).length, `figures seen: ${during.join(', ')}`).toBeGreaterThan(2);
    for (let i = 1; i < during.length; i++) expect(during[i]!).toBeGreaterThanOrEqual(during[i - 1]!);
    expect(await t.call('backup:rekeyProgress', {})).toEqual({ percent: 100, done: true });
    // The office works on under the new key.
    expect((await t.call('app:status', {})).state).toBe('ready');
    expect((await t.call('audit:verify', {})).ok).toBe(true);
  });
});
