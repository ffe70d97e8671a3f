/**
 * The case file at 100 000 persons (issue 17): it names the staff it shows (worker, assistant,
 * the requests' and the notes' authors) without reading the office's whole staff on every opening.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setUpOffice, testBackend, type TestBackend } from '../../../../support/backend';
import { caseWithRequest, PASSWORD, signIn } from '../../../../support/case-flow';
import { HEAD } from '../../../../support/office';
import { statementsRun } from '../../../../support/statements';

let t: TestBackend;
afterEach(async () => {
  await t?.cleanup();
});

describe('the case file', () => {
  it("reads only the staff it names, by id, and still names them all", async () => {
    t = testBackend();
    await setUpOffice(t);
    await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
    for (let i = 0; i < 5; i++) await t.call('users:create', { firstName: 'Ewa', lastName: `Zając${i}`, login: `asystent${i}`, password: PASSWORD, roles: ['family_assistant'] });
    const { caseId } = await caseWithRequest(t, 'anowak', 1);
    await signIn(t, HEAD.login);
    await t.call('cases:addNote', { caseId, occurredOn: '2026-03-02', kind: 'note', title: 'Notatka kierownika', body: '', significant: false });

    let view: Awaited<ReturnType<typeof t.call<'cases:get'>>> | undefined;
    const sql = await statementsRun(t.backend, async () => {
      view = await t.call('cases:get', { id: caseId });
    });
    // No statement reads the user table without picking the rows it needs.
    const wholeStaff = sql.filter((s) => /FROM\s+"?user"?(\s+"?\w+"?)?\s*$/i.test(s.trim()));
    expect(wholeStaff).toEqual([]);
    expect(view!.worker.name).toBe('Anna Nowak');
    expect(view!.requests.map((r) => r.filedByName)).toEqual(['Anna Nowak']);
    expect(view!.events.find((e) => e.title === 'Notatka kierownika')?.authorName).toBe(`${HEAD.firstName} ${HEAD.lastName}`);
  }, 60_000);
});
