/**
 * Income sources the office meets (issue 15, item 14): benefits other acts exclude are offered
 * with their basis and left out of the income; "Inne dochody" needs the worker's choice —
 * counted, or not counted with the provision that excludes it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INCOME_SOURCE_INFO, runIncomeTest, type IncomeItem } from '../../../../shared/domain/income';
import type { InterviewView } from '../../../../shared/cases';
import type { Result } from '../../../../shared/result';
import { setUpOffice, testBackend, type TestBackend } from '../../../support/backend';
import { PASSWORD, signIn, simpleIntake } from '../../../support/case-flow';

let t: TestBackend;
beforeEach(async () => {
  t = testBackend();
  await setUpOffice(t);
  await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
});
afterEach(async () => t.cleanup());

const item = (personId: string, source: IncomeItem['source'], grossGr: number, extra: Partial<IncomeItem> = {}): IncomeItem => ({ personId, source, grossGr, taxGr: 0, contributionsGr: 0, alimonyPaidGr: 0, ...extra });

describe('income sources', () => {
  it('the benefits offices see every day are excluded, each with its basis', () => {
    for (const source of ['good_start', 'family_care_capital', 'protective_allowance', 'active_parent', 'energy_allowances'] as const) {
      expect(INCOME_SOURCE_INFO[source]).toMatchObject({ excluded: true, reason: expect.stringMatching(/^Nie wlicza się do dochodu: .+/) });
    }
    const result = runIncomeTest({ date: '2026-03-02', householdSize: 2, items: [item('p', 'employment', 200_000), item('p', 'family_care_capital', 50_000), item('p', 'good_start', 30_000)] });
    expect(result.totalIncomeGr).toBe(200_000);
    expect(result.excludedItems.map((x) => x.source)).toEqual(['family_care_capital', 'good_start']);
  });

  it('"Inne dochody" is refused without a choice, counted when so chosen, and left out with the basis given', async () => {
    await signIn(t, 'anowak');
    const { id: caseId } = await t.call('cases:create', simpleIntake(3));
    const personId = (await t.call('cases:get', { id: caseId })).family.members[0]!.person.id;
    const { interviewId } = await t.call('cases:startInterview', { caseId });
    const save = async (items: IncomeItem[]) => {
      const version = (await t.call('interviews:get', { id: interviewId })).version;
      return (await t.backend.invoke('interviews:save', { id: interviewId, expectedVersion: version, conductedOn: '2026-03-02', place: '', segments: {}, documents: {}, income: { items } })) as Result<InterviewView>;
    };
    const refused = await save([item(personId, 'other', 10_000)]);
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('wybierz, czy ten dochód wlicza się') } });
    expect(await save([item(personId, 'other', 10_000, { otherCounted: false })])).toMatchObject({ ok: false, error: { message: expect.stringContaining('podaj podstawę prawną') } });
    const counted = await save([item(personId, 'other', 10_000, { otherCounted: true })]);
    expect(counted.ok && counted.value.incomeResult?.totalIncomeGr).toBe(10_000);
    const excluded = await save([item(personId, 'other', 10_000, { otherCounted: false, otherBasis: 'art. 8 ust. 4 pkt 2 u.p.s.' })]);
    expect(excluded.ok && excluded.value.incomeResult?.totalIncomeGr).toBe(0);
    expect(excluded.ok && excluded.value.incomeResult?.excludedItems[0]?.reason).toBe('Nie wlicza się do dochodu: art. 8 ust. 4 pkt 2 u.p.s.');
    // What was chosen comes back for the next edit.
    expect((await t.call('interviews:get', { id: interviewId })).income.items[0]).toMatchObject({ otherCounted: false, otherBasis: 'art. 8 ust. 4 pkt 2 u.p.s.' });
  });
});
