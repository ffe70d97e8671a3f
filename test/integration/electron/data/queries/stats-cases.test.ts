/**
 * The statistics' drill-downs (issue 17): the cases behind "Zgłoszenia przyjęte w okresie" and
 * "Sprawy prowadzone w okresie", paged with the total — which equals the report's figure — in a
 * stable order; paging input refused in Polish; the kierownik's only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOffice, testBackend, type TestBackend } from '../../../../support/backend';
import { PASSWORD, signIn, simpleIntake } from '../../../../support/case-flow';
import { HEAD } from '../../../../support/office';

let t: TestBackend;
const ids: Record<string, string> = {};
const PERIOD = { from: '2026-02-01', to: '2026-03-02' };

beforeAll(async () => {
  t = testBackend();
  await setUpOffice(t);
  await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
  await signIn(t, 'anowak');
  const dates: [string, string][] = [['closedEarly', '2026-01-10'], ['openFromJanuary', '2026-01-05'], ['february1', '2026-02-01'], ['february2', '2026-02-01'], ['march', '2026-03-01']];
  let serial = 0;
  for (const [name, reportedOn] of dates) ids[name] = (await t.call('cases:create', simpleIntake(++serial, reportedOn))).id;
  // A case closed before the period is not "prowadzona w okresie".
  await t.backend.readySession()!.db.write((m) => m.query(`UPDATE case_file SET status = 'CLOSED', closed_on = '2026-01-20' WHERE id = ?`, [ids['closedEarly']]));
  await signIn(t, HEAD.login);
}, 60_000);
afterAll(() => t?.cleanup());

describe('stats:cases', () => {
  it('lists the cases each figure counts, its total equal to the figure, newest report first', async () => {
    const view = await t.call('stats:get', PERIOD);
    const reported = await t.call('stats:cases', { ...PERIOD, measure: 'reported' });
    expect(reported.total).toBe(view.cases.reported);
    expect(reported.total).toBe(3);
    expect(reported.rows[0]!.caseId).toBe(ids['march']);
    expect(reported.rows.slice(1).map((r) => r.caseId).sort()).toEqual([ids['february1'], ids['february2']].sort());
    expect(reported.rows[0]).toMatchObject({ caseId: ids['march'], reportedOn: '2026-03-01', familyName: 'Kowalczyk5 Marta', workerName: 'Anna Nowak', status: 'REPORTED', closedOn: null });
    const active = await t.call('stats:cases', { ...PERIOD, measure: 'active' });
    expect(active.total).toBe(view.cases.active);
    expect(active.rows.map((r) => r.caseId)).not.toContain(ids['closedEarly']);
    expect(active.rows.map((r) => r.caseId)).toContain(ids['openFromJanuary']);
    expect(active.total).toBe(4);
  });

  it('pages in a stable order: every case once', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 2; page++) {
      const result = await t.call('stats:cases', { ...PERIOD, measure: 'active', page, pageSize: 3 });
      expect(result).toMatchObject({ total: 4, page, pageSize: 3 });
      seen.push(...result.rows.map((r) => r.caseId));
    }
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
    expect((await t.call('stats:cases', { ...PERIOD, measure: 'active', page: 9 })).rows).toEqual([]);
  });

  it('refuses what it does not know, in Polish, and is the kierownik’s only', async () => {
    expect((await t.fail('stats:cases', { ...PERIOD, measure: 'children' })).message).toContain('Można wyświetlić sprawy tylko');
    expect((await t.fail('stats:cases', { ...PERIOD, measure: 'active', pageSize: 201 })).message).toContain('najwyżej 200 spraw');
    expect((await t.fail('stats:cases', { from: '2026-03-02', to: '2026-02-01', measure: 'active' })).message).toContain('Koniec okresu jest wcześniejszy');
    await signIn(t, 'anowak');
    expect((await t.fail('stats:cases', { ...PERIOD, measure: 'active' })).code).toBe('FORBIDDEN');
    await signIn(t, HEAD.login);
  });
});
