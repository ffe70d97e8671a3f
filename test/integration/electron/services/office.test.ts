/**
 * Office settings keep to the law (issue 15, item 10): the caseload limit may be lowered, never
 * raised above the statutory 15 (art. 15 ust. 4 u.w.r.), and the wywiad's terms are not settings.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setUpOffice, testBackend, type TestBackend } from '../../../support/backend';

const open: TestBackend[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.cleanup();
});

async function office(): Promise<TestBackend> {
  const t = testBackend();
  open.push(t);
  await setUpOffice(t);
  return t;
}

describe('statutory caps stay statutory', () => {
  it('settings:update refuses a caseload limit above 15 with the citation, accepts a lower one', async () => {
    const t = await office();
    const refused = await t.fail('settings:update', { caseloadLimit: 16 });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toContain('najwięcej 15');
    expect(refused.message).toContain('art. 15 ust. 4');
    expect((await t.call('app:status', {})).settings?.caseloadLimit).toBe(15);
    expect((await t.call('settings:update', { caseloadLimit: 12 })).caseloadLimit).toBe(12);
    expect((await t.call('app:status', {})).settings?.caseloadLimit).toBe(12);
  });

  it('the wywiad terms are not settings: neither offered nor accepted', async () => {
    const t = await office();
    const settings = (await t.call('app:status', {})).settings!;
    expect(Object.keys(settings)).not.toContain('interviewWorkingDays');
    expect(Object.keys(settings)).not.toContain('urgentInterviewWorkingDays');
    const refused = await t.fail('settings:update', { interviewWorkingDays: 30 });
    expect(refused.code).toBe('VALIDATION');
  });

  it('a limit stored above the cap (an older version allowed 50) is read as the cap', async () => {
    const t = await office();
    const session = t.backend.readySession()!;
    await session.db.write((m) => m.query(`UPDATE setting SET value = '20' WHERE key = 'settings.caseloadLimit'`));
    expect((await session.db.read((m) => t.backend.office.settings(m))).caseloadLimit).toBe(15);
  });
});
