/**
 * No N+1 reads (issue 17): the request queue, the assistants' caseloads, the users list, the
 * courts' letters and the case file run as many statements for 50 rows (20 requests) as for 1.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setUpOffice, testBackend, type TestBackend } from '../../../support/backend';
import { caseWithRequest, PASSWORD, signIn } from '../../../support/case-flow';
import { countStatements } from '../../../support/statements';
import { HEAD } from '../../../support/office';

let t: TestBackend;
afterEach(async () => {
  await t?.cleanup();
});

const N = 50;
/** Requests take a whole case each (report, wywiad, analysis): fewer of them still show any growth. */
const REQUESTS = 20;

describe('read views run a fixed number of statements', () => {
  it('for 1 row and for 50: request queue, caseloads, users list, court letters, a case file with its requests and chronology', async () => {
    t = testBackend();
    await setUpOffice(t);
    await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
    await t.call('users:create', { firstName: 'Ewa', lastName: 'Zając', login: 'asystent0', password: PASSWORD, roles: ['family_assistant'] });
    const first = await caseWithRequest(t, 'anowak', 1);
    await t.call('cases:addNote', { caseId: first.caseId, occurredOn: '2026-03-02', kind: 'note', title: 'Notatka 0', body: '', significant: false });
    const letter = (i: number) => ({ caseId: first.caseId, court: 'Sąd Rejonowy w Stargardzie', division: 'III Wydział Rodzinny i Nieletnich', caseReference: `III Nsm ${i}/26`, receivedOn: '2026-03-02', letterOn: '2026-02-27', courtAddress: 'ul. Sądowa 1', asks: 'case_file' as const, deadline: '2026-03-30', notes: '' });
    await t.call('court:create', letter(0));
    await signIn(t, HEAD.login);

    const reads = async () => {
      await t.call('cases:get', { id: first.caseId }); // the first opening is audited; the count is of the next
      return {
        queue: await countStatements(t.backend, () => t.call('requests:queue', {})),
        caseloads: await countStatements(t.backend, () => t.call('assistants:caseloads', {})),
        users: await countStatements(t.backend, () => t.call('users:list', {})),
        caseFile: await countStatements(t.backend, () => t.call('cases:get', { id: first.caseId })),
        courtList: await countStatements(t.backend, () => t.call('court:list', {})),
      };
    };
    const one = await reads();
    expect((await t.call('requests:queue', {})).length).toBe(1);

    for (let i = 1; i < N; i++) await t.call('users:create', { firstName: 'Ewa', lastName: `Zając${i}`, login: `asystent${i}`, password: PASSWORD, roles: ['family_assistant'] });
    for (let i = 2; i <= REQUESTS; i++) await caseWithRequest(t, 'anowak', i);
    await signIn(t, 'anowak');
    for (let i = 1; i < N; i++) await t.call('cases:addNote', { caseId: first.caseId, occurredOn: '2026-03-02', kind: 'note', title: `Notatka ${i}`, body: '', significant: false });
    for (let i = 1; i < N; i++) await t.call('court:create', letter(i));
    await signIn(t, HEAD.login);
    const many = await reads();
    expect((await t.call('requests:queue', {})).length).toBe(REQUESTS);
    expect((await t.call('assistants:caseloads', {})).length).toBe(N);
    expect((await t.call('cases:get', { id: first.caseId })).events.length).toBeGreaterThanOrEqual(N);
    expect((await t.call('court:list', { pageSize: 200 })).rows.length).toBe(N);

    expect(many).toEqual(one);
  }, 180_000);
});
