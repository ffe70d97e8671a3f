/** Form drafts have a quota (issue 14, Medium 9): 50 drafts of 1 MB do not grow the database without end. */
import { afterEach, describe, expect, it } from 'vitest';
import { queryAll, queryOne, toNumber } from '../../../../electron/data/sql';
import { DRAFT_QUOTA } from '../../../../electron/services/case-handlers';
import { setUpOffice, testBackend, type TestBackend } from '../../../support/backend';

let t: TestBackend;
afterEach(async () => t?.cleanup());

describe('form drafts', () => {
  it('keep at most the quota per person, the newest first, and always the one just saved', async () => {
    t = testBackend();
    await setUpOffice(t);
    const big = 'x'.repeat(1_000_000);
    for (let i = 0; i < 50; i += 1) {
      t.clock.advance(1000);
      await t.call('drafts:save', { key: `intake:new-${i}`, data: big });
    }
    const db = t.backend.readySession()!.db;
    const rows = await db.read((m) => queryAll<{ key: string; chars: number }>(m, 'SELECT key, length(data) AS chars FROM form_draft'));
    expect(rows.reduce((sum, r) => sum + r.chars, 0)).toBeLessThanOrEqual(DRAFT_QUOTA.chars);
    expect(rows.map((r) => r.key).sort()).toEqual(['intake:new-47', 'intake:new-48', 'intake:new-49']);
    expect(await t.call('drafts:get', { key: 'intake:new-49' })).toMatchObject({ data: big });
    for (let i = 0; i < 30; i += 1) await t.call('drafts:save', { key: `intake:small-${i}`, data: '{}' });
    expect(toNumber((await db.read((m) => queryOne<{ n: unknown }>(m, 'SELECT count(*) AS n FROM form_draft')))?.n)).toBe(DRAFT_QUOTA.count);
  });
});
