/**
 * The paged case list (cases:list, electron/services/case-list.ts): pages that add up to the
 * whole office in one stable order, filters and order in the main process, the same visibility
 * as the case file, the page's deadlines the same as each case file's, and paging input checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, type DemoReport } from '../../../../electron/tools/demo';
import type { CaseSummary } from '../../../../shared/cases';
import { fold } from '../../../../shared/domain/text';
import { HEAD, setUpOffice, testBackend, type TestBackend } from '../../../support/backend';
import { PASSWORD, signIn } from '../../../support/case-flow';

let t: TestBackend;
let report: DemoReport;

beforeAll(async () => {
  t = testBackend();
  t.clock.set('2026-05-20T08:00:00.000Z');
  await setUpOffice(t);
  report = await seedDemo(t.backend, { families: 24, seed: 11, staffPassword: PASSWORD });
});
afterAll(async () => {
  await t.cleanup();
});

async function allPages(pageSize: number, input: Record<string, unknown> = {}): Promise<CaseSummary[]> {
  const rows: CaseSummary[] = [];
  for (let page = 1; ; page++) {
    const result = await t.call('cases:list', { ...input, page, pageSize });
    expect(result.page).toBe(page);
    expect(result.pageSize).toBe(pageSize);
    rows.push(...result.rows);
    if (result.rows.length < pageSize) return rows;
  }
}

describe('cases:list', () => {
  it('pages through the whole office once, in one order, newest report first', async () => {
    await signIn(t, HEAD.login);
    const whole = await t.call('cases:list', { pageSize: 200 });
    expect(whole.total).toBe(report.families.length);
    expect(whole.rows).toHaveLength(report.families.length);
    const paged = await allPages(5);
    expect(paged.map((r) => r.id)).toEqual(whole.rows.map((r) => r.id));
    const dates = whole.rows.map((r) => r.reportedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    // The default page holds 50 at most and says how many there are in all.
    const first = await t.call('cases:list', {});
    expect(first.pageSize).toBe(50);
    expect(first.total).toBe(report.families.length);
  });

  it('orders by name (diacritics folded), by status and oldest first on request', async () => {
    await signIn(t, HEAD.login);
    const byName = (await t.call('cases:list', { sort: 'familyName', direction: 'asc', pageSize: 200 })).rows.map((r) => fold(r.familyName));
    expect(byName).toEqual([...byName].sort());
    const oldest = (await t.call('cases:list', { direction: 'asc', pageSize: 200 })).rows.map((r) => r.reportedOn);
    expect(oldest).toEqual([...oldest].sort());
    const byStatus = await allPages(4, { sort: 'status', direction: 'asc' });
    expect(new Set(byStatus.map((r) => r.id)).size).toBe(report.families.length);
  });

  it('keeps the order by name when an applicant is renamed (her stored key follows in the same transaction)', async () => {
    await signIn(t, HEAD.login);
    const byName = async () => (await allPages(7, { sort: 'familyName', direction: 'asc' })).map((r) => ({ id: r.id, key: fold(r.familyName) }));
    const before = await byName();
    const first = before[0]!;
    const applicant = (await t.call('cases:get', { id: first.id })).family.members.find((m) => m.relation === 'applicant')!;
    const { person } = applicant;
    await signIn(t, report.families.find((f) => f.caseId === first.id)!.workerLogin);
    expect(person.pesel).not.toBeNull();
    const renamed = {
      pesel: person.pesel!,
      firstName: person.firstName,
      lastName: 'Żywczak',
      birthDate: person.birthDate,
      sex: person.sex,
    };
    await t.call('family:change', { caseId: first.id, effectiveOn: '2026-05-20', change: { kind: 'person_corrected', memberId: applicant.id, person: renamed } });
    await signIn(t, HEAD.login);
    const after = await byName();
    expect(after.map((r) => r.key)).toEqual(after.map((r) => r.key).sort());
    expect(after.find((r) => r.id === first.id)!.key).toBe(fold(`Żywczak ${person.firstName}`));
    expect(after[0]!.id).not.toBe(first.id);
    expect(new Set(after.map((r) => r.id))).toEqual(new Set(before.map((r) => r.id)));
  });

  it('filters by status and by the text typed, as search folds it', async () => {
    await signIn(t, HEAD.login);
    const whole = (await t.call('cases:list', { pageSize: 200 })).rows;
    const status = whole[0]!.status;
    const byStatus = await t.call('cases:list', { status, pageSize: 200 });
    expect(byStatus.total).toBe(whole.filter((r) => r.status === status).length);
    expect(byStatus.rows.every((r) => r.status === status)).toBe(true);

    const target = whole.find((r) => /[ąćęłńóśźż]/i.test(r.familyName)) ?? whole[0]!;
    const typed = fold(target.familyName); // typed without Polish letters
    const found = await t.call('cases:list', { q: typed, pageSize: 200 });
    expect(found.rows.map((r) => r.id)).toContain(target.id);
    expect(found.total).toBeLessThan(whole.length);
    const byNumber = await t.call('cases:list', { q: target.number });
    expect(byNumber.rows.map((r) => r.id)).toEqual([target.id]);
    expect((await t.call('cases:list', { q: 'Qqqxxyz' })).total).toBe(0);
  });

  it('shows each case with the deadline its case file shows first', async () => {
    await signIn(t, HEAD.login);
    const page = await t.call('cases:list', { pageSize: 12 });
    for (const row of page.rows) {
      const file = await t.call('cases:get', { id: row.id });
      expect(row.nextDeadline, row.number).toEqual(file.deadlines[0] ?? null);
      expect(row.familyName).not.toBe('—');
    }
  });

  it('lists a social worker only her cases and an assistant only her families now', async () => {
    const worker = report.staff.find((s) => s.roles.includes('social_worker') && !s.roles.includes('head'))!;
    await signIn(t, worker.login);
    const mine = await allPages(3);
    expect(mine.length).toBe(report.families.filter((f) => f.workerLogin === worker.login).length);
    expect(new Set(mine.map((r) => r.workerName))).toEqual(new Set([worker.name]));

    const assistant = report.staff.find((s) => s.roles.includes('family_assistant') && !s.roles.includes('head'))!;
    await signIn(t, assistant.login);
    const families = await t.call('cases:list', { pageSize: 200 });
    expect(families.total).toBe(report.families.filter((f) => f.assistantLogin === assistant.login && f.closedOn === null).length);
    expect(families.rows.every((r) => r.assistantName === assistant.name)).toBe(true);
  });

  it('refuses paging input it does not know, in Polish', async () => {
    await signIn(t, HEAD.login);
    const tooMany = await t.fail('cases:list', { pageSize: 201 });
    expect(tooMany.code).toBe('VALIDATION');
    expect(tooMany.message).toContain('najwyżej 200 spraw');
    expect((await t.fail('cases:list', { sort: 'worker_id; DROP TABLE case_file' })).message).toContain('sortować');
    expect((await t.fail('cases:list', { page: 0 })).message).toContain('od 1');
    expect((await t.fail('cases:list', { page: 1.5 })).code).toBe('VALIDATION');
    // A page past the end is empty, with the total still right.
    const far = await t.call('cases:list', { page: 999 });
    expect(far.rows).toEqual([]);
    expect(far.total).toBe(report.families.length);
  });
});
