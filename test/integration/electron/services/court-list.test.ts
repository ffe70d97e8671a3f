/**
 * The paged court list (court:list, electron/data/queries/court-list.ts): pages that add up to all
 * the letters once in one stable order (letters with the same dates keep their order by id), the
 * open/answered filter and the total in the main process, the same visibility as the case file,
 * and paging input refused in Polish. On both engines.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CourtRequestView } from '../../../../shared/court';
import { describeEngines, HEAD, setUpOffice, testBackend, type TestBackend } from '../../../support/backend';
import { caseWithRequest, PASSWORD, signIn } from '../../../support/case-flow';

let t: TestBackend;
let caseA: string;
let caseB: string;
const SAME_DATES = 12;
const SPREAD = 6;
const ANSWERED = 3;
const TOTAL = SAME_DATES + SPREAD;

const letter = (caseId: string, i: number, receivedOn: string, deadline: string) => ({ caseId, court: 'Sąd Rejonowy w Stargardzie', division: 'III Wydział Rodzinny i Nieletnich', caseReference: `III Nsm ${i}/26`, receivedOn, letterOn: null, courtAddress: '', asks: 'case_file' as const, deadline, notes: '' });

async function allPages(pageSize: number, input: Record<string, unknown> = {}): Promise<CourtRequestView[]> {
  const rows: CourtRequestView[] = [];
  for (let page = 1; ; page++) {
    const result = await t.call('court:list', { ...input, page, pageSize });
    expect(result).toMatchObject({ page, pageSize });
    rows.push(...result.rows);
    if (result.rows.length < pageSize) return rows;
  }
}

describeEngines('court:list', (engine) => {
  beforeAll(async () => {
    t = testBackend(undefined, { engine });
    await setUpOffice(t);
    await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
    await t.call('users:create', { firstName: 'Beata', lastName: 'Kowal', login: 'bkowal', password: PASSWORD, roles: ['social_worker'] });
    caseA = (await caseWithRequest(t, 'anowak', 1)).caseId;
    caseB = (await caseWithRequest(t, 'bkowal', 2)).caseId;
    await signIn(t, 'anowak');
    // Twelve letters on the same day with the same deadline: only the id tells them apart.
    for (let i = 0; i < SAME_DATES; i++) await t.call('court:create', letter(caseA, i, '2026-03-02', '2026-03-20'));
    await signIn(t, 'bkowal');
    const spread: CourtRequestView[] = [];
    for (let i = 0; i < SPREAD; i++) spread.push(await t.call('court:create', letter(caseB, 100 + i, '2026-03-0' + (1 + (i % 2)), `2026-03-${String(10 + i * 3).padStart(2, '0')}`)));
    for (const request of spread.slice(0, ANSWERED)) await t.call('court:answer', { requestId: request.id, sentOn: '2026-03-02' });
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it('pages through every letter once, open first by deadline, equal dates in id order', async () => {
    await signIn(t, HEAD.login);
    const whole = await t.call('court:list', { pageSize: 200 });
    expect(whole.total).toBe(TOTAL);
    expect(whole.rows).toHaveLength(TOTAL);
    expect(new Set(whole.rows.map((r) => r.id)).size).toBe(TOTAL);
    for (const size of [1, 5, 7]) expect((await allPages(size)).map((r) => r.id)).toEqual(whole.rows.map((r) => r.id));

    const statuses = whole.rows.map((r) => r.status);
    expect(statuses).toEqual([...Array<string>(TOTAL - ANSWERED).fill('open'), ...Array<string>(ANSWERED).fill('answered')]);
    const open = whole.rows.slice(0, TOTAL - ANSWERED).map((r) => r.deadline);
    expect(open).toEqual([...open].sort());
    const same = whole.rows.filter((r) => r.caseId === caseA).map((r) => r.id);
    expect(same).toEqual([...same].sort());

    // The default page: 50 at most, open letters first, with the total of all.
    expect(await t.call('court:list', {})).toMatchObject({ page: 1, pageSize: 50, total: TOTAL });
  });

  it('orders by the day a letter came in, newest first, the same on every page size', async () => {
    await signIn(t, HEAD.login);
    const whole = (await t.call('court:list', { sort: 'receivedOn', direction: 'desc', pageSize: 200 })).rows;
    const days = whole.map((r) => r.receivedOn);
    expect(days).toEqual([...days].sort().reverse());
    const tied = whole.filter((r) => r.receivedOn === '2026-03-02').map((r) => r.id);
    expect(tied).toEqual([...tied].sort().reverse());
    expect((await allPages(4, { sort: 'receivedOn', direction: 'desc' })).map((r) => r.id)).toEqual(whole.map((r) => r.id));
  });

  it('filters open and answered letters, counts them, and shows each user only her cases', async () => {
    await signIn(t, HEAD.login);
    const open = await t.call('court:list', { status: 'open', pageSize: 200 });
    expect(open.total).toBe(TOTAL - ANSWERED);
    expect(open.rows.every((r) => r.status === 'open')).toBe(true);
    expect((await t.call('court:list', { status: 'answered' })).total).toBe(ANSWERED);
    expect((await t.call('court:list', { caseId: caseB, status: 'open' })).total).toBe(SPREAD - ANSWERED);

    await signIn(t, 'anowak');
    const mine = await allPages(5);
    expect(mine).toHaveLength(SAME_DATES);
    expect(mine.every((r) => r.caseId === caseA)).toBe(true);
    expect((await t.fail('court:list', { caseId: caseB })).code).toBe('FORBIDDEN');
  });

  it('refuses paging input it does not know, in Polish', async () => {
    await signIn(t, HEAD.login);
    const tooMany = await t.fail('court:list', { pageSize: 201 });
    expect(tooMany.code).toBe('VALIDATION');
    expect(tooMany.message).toContain('najwyżej 200 pism');
    const sort = await t.fail('court:list', { sort: 'q.id; DROP TABLE court_request' });
    expect(sort.code).toBe('VALIDATION');
    expect(sort.message).toContain('sortować');
    expect((await t.fail('court:list', { page: 0 })).message).toContain('od 1');
    expect((await t.fail('court:list', { status: 'lost' })).message).toContain('Stan pisma sądu');
    const far = await t.call('court:list', { page: 99 });
    expect(far.rows).toEqual([]);
    expect(far.total).toBe(TOTAL);
  });
});
