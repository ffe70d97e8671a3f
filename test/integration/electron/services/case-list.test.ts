/**
 * The paged case list (cases:list, electron/services/case-list.ts): pages that add up to the
 * whole office in one stable order, filters and order in the main process, the same visibility
 * as the case file, the page's deadlines the same as each case file's, and paging input checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, type DemoReport } from '../../../../electron/tools/demo';
import type { CaseSummary } from '../../../../shared/cases';
import { fold } from '../../../../shared/domain/text';
import { describeEngines, HEAD, setUpOffice, testBackend, type TestBackend } from '../../../support/backend';
import { PASSWORD, signIn, simpleIntake } from '../../../support/case-flow';

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

/** A small office written through the services, so the same list runs on the office server too. */
describeEngines('cases:list on either engine', (engine) => {
  let e: TestBackend;
  const names = ['Żak', 'Zabłocka', 'Łęcka', 'Lewandowska', 'Ąbacka', 'Nowak'];
  const ids: string[] = [];

  beforeAll(async () => {
    e = testBackend(undefined, { engine });
    await setUpOffice(e);
    await e.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
    await signIn(e, 'anowak');
    for (const [i, lastName] of names.entries()) {
      const intake = simpleIntake(40 + i, `2026-02-0${1 + (i % 3)}`);
      const [applicant, ...others] = intake.members;
      ids.push((await e.call('cases:create', { ...intake, urgent: i === 2, members: [{ ...applicant!, person: { ...applicant!.person!, lastName } }, ...others] })).id);
    }
  });
  afterAll(async () => {
    await e.cleanup();
  });

  it('orders by the folded name, pages in one order, filters by the text typed, and keeps the order after a rename', async () => {
    await signIn(e, HEAD.login);
    const byName = async () => (await e.call('cases:list', { sort: 'familyName', direction: 'asc', pageSize: 200 })).rows;
    const first = await byName();
    expect(first.map((r) => r.familyName.split(' ')[0])).toEqual(['Ąbacka', 'Łęcka', 'Lewandowska', 'Nowak', 'Zabłocka', 'Żak']);
    const desc = (await e.call('cases:list', { sort: 'familyName', direction: 'desc', pageSize: 200 })).rows.map((r) => r.id);
    expect(desc).toEqual(first.map((r) => r.id).reverse());
    const paged: string[] = [];
    for (let page = 1; page <= 3; page++) paged.push(...(await e.call('cases:list', { sort: 'familyName', direction: 'asc', page, pageSize: 2 })).rows.map((r) => r.id));
    expect(paged).toEqual(first.map((r) => r.id));
    // Booleans and counts as the screens expect them, whatever the engine returns.
    const urgent = first.find((r) => r.id === ids[2])!;
    expect(urgent.urgent).toBe(true);
    expect(first.filter((r) => r.urgent)).toHaveLength(1);
    const all = await e.call('cases:list', {});
    expect(all.total).toBe(names.length);
    expect(all.rows.every((r) => r.nextDeadline?.kind === 'interview')).toBe(true);
    // Typed without Polish letters, as search folds it.
    const found = await e.call('cases:list', { q: 'zablocka' });
    expect([found.total, found.rows.map((r) => r.id)]).toEqual([1, [ids[1]]]);
    expect((await e.call('cases:list', { q: 'Qqqxxyz' })).total).toBe(0);

    // Łęcka becomes Żyła: her case moves to the end, the others keep their order.
    const lecka = (await e.call('cases:get', { id: ids[2]! })).family.members.find((m) => m.relation === 'applicant')!;
    await signIn(e, 'anowak');
    await e.call('family:change', {
      caseId: ids[2]!,
      effectiveOn: '2026-03-02',
      change: { kind: 'person_corrected', memberId: lecka.id, person: { pesel: lecka.person.pesel!, firstName: lecka.person.firstName, lastName: 'Żyła', birthDate: lecka.person.birthDate, sex: lecka.person.sex } },
    });
    await signIn(e, HEAD.login);
    expect((await byName()).map((r) => r.familyName.split(' ')[0])).toEqual(['Ąbacka', 'Lewandowska', 'Nowak', 'Zabłocka', 'Żak', 'Żyła']);
  });
});
