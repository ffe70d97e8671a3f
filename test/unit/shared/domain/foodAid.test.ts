import { describe, expect, it } from 'vitest';
import { qualify, type QualificationInput, type ShopRules } from '../../../../shared/domain/foodAid';
import { CriteriaNotFoundError, FOOD_AID_THRESHOLDS, foodAidPercentFor, runIncomeTest, type IncomeItem } from '../../../../shared/domain/income';

const pension = (grossGr: number, personId = 'm0'): IncomeItem => ({ personId, source: 'old_age_pension', grossGr, taxGr: 0, contributionsGr: 0, alimonyPaidGr: 0 });
const SHOP: ShopRules = { mode: 'percent', percent: 250, flatGr: 210_000, art7Required: false, groupsRegardless: ['rodziny zastępcze', 'emeryci'] };
const RULES = { thresholds: FOOD_AID_THRESHOLDS, shop: SHOP };
const single = (date: string, gr: number, extra: Partial<QualificationInput> = {}): QualificationInput => ({
  programme: 'fepz',
  date,
  householdSize: 1,
  items: [pension(gr)],
  reasons: ['poverty'],
  ...extra,
});

describe('the dated FEPŻ threshold', () => {
  it('is 220 % from 26.11.2020, 235 % from 15.05.2023 and 265 % from 12.02.2024', () => {
    expect(foodAidPercentFor('2020-11-26').percent).toBe(220);
    expect(foodAidPercentFor('2023-05-14').percent).toBe(220);
    expect(foodAidPercentFor('2023-05-15').percent).toBe(235);
    expect(foodAidPercentFor('2024-02-11').percent).toBe(235);
    expect(foodAidPercentFor('2024-02-12').percent).toBe(265);
    expect(foodAidPercentFor('2026-12-03').percent).toBe(265);
    expect(() => foodAidPercentFor('2020-11-25')).toThrow(CriteriaNotFoundError);
  });

  it('a row the office adds for a future change applies from its date, not before', () => {
    const table = [...FOOD_AID_THRESHOLDS, { validFrom: '2027-01-01', percent: 280, legalSource: 'zmiana programu' }];
    expect(foodAidPercentFor('2026-12-31', table).percent).toBe(265);
    expect(foodAidPercentFor('2027-01-01', table).percent).toBe(280);
  });

  it('2023-06-01: a single person with 2 000 zł is not eligible (above 235 % of 776 zł = 1 823,60 zł)', () => {
    const r = qualify(single('2023-06-01', 200_000), RULES);
    expect(r.income.foodAidThresholdPercent).toBe(235);
    expect(r.thresholdGr).toBe(182_360);
    expect(r.eligible).toBe(false);
    expect(r.reasons[0]).toMatch(/przekracza próg 1\s823,60\s*zł/);
  });

  it('2025-06-01: 2 500 zł is eligible and 2 700 zł is not (265 % of 1 010 zł = 2 676,50 zł)', () => {
    const yes = qualify(single('2025-06-01', 250_000), RULES);
    expect(yes.thresholdGr).toBe(267_650);
    expect(yes.eligible).toBe(true);
    const no = qualify(single('2025-06-01', 270_000), RULES);
    expect(no.eligible).toBe(false);
  });

  it('the income test of a wywiad shows the share in force on its date', () => {
    expect(runIncomeTest({ date: '2023-06-01', householdSize: 1, items: [pension(200_000)] }).foodAidThresholdPercent).toBe(235);
    expect(runIncomeTest({ date: '2025-06-01', householdSize: 1, items: [pension(250_000)] }).foodAidThresholdPercent).toBe(265);
  });

  it('in a family the limit is 265 % of K2 per person: 2 180,95 zł in 2025', () => {
    const input: QualificationInput = { programme: 'fepz', date: '2025-06-01', householdSize: 3, items: [pension(3 * 218_095)], reasons: ['unemployment'] };
    const r = qualify(input, RULES);
    expect(r.thresholdGr).toBe(218_095);
    expect(r.eligible).toBe(true);
    expect(qualify({ ...input, items: [pension(3 * 218_095 + 1)] }, RULES).eligible).toBe(false);
  });

  it('FEPŻ needs an art. 7 reason even with a low income', () => {
    const r = qualify(single('2025-06-01', 100_000, { reasons: [] }), RULES);
    expect(r.eligible).toBe(false);
    expect(r.reasons).toContain('Wskaż co najmniej jedną przesłankę z art. 7 ustawy o pomocy społecznej.');
  });

  it('excluded incomes (800+) do not count, as in the income test', () => {
    const r = qualify(single('2025-06-01', 250_000, { items: [pension(250_000), { ...pension(80_000), source: 'child_raising_benefit' }] }), RULES);
    expect(r.income.totalIncomeGr).toBe(250_000);
    expect(r.eligible).toBe(true);
  });
});

describe('the social shop: the office’s rules', () => {
  const shop = (gr: number, extra: Partial<QualificationInput> = {}, rules: Partial<ShopRules> = {}) =>
    qualify({ ...single('2025-06-01', gr), programme: 'shop', reasons: [], ...extra }, { ...RULES, shop: { ...SHOP, ...rules } });

  it('a percentage of the criterion: 250 % of 1 010 zł = 2 525 zł', () => {
    expect(shop(252_500).eligible).toBe(true);
    expect(shop(252_501).eligible).toBe(false);
  });

  it('or a flat amount per person: 2 100 zł', () => {
    expect(shop(210_000, {}, { mode: 'flat' }).eligible).toBe(true);
    expect(shop(210_001, {}, { mode: 'flat' }).thresholdGr).toBe(210_000);
    expect(shop(210_001, {}, { mode: 'flat' }).eligible).toBe(false);
  });

  it('admits a listed group regardless of income, and an art. 7 reason only when the office requires one', () => {
    expect(shop(500_000, { admittedGroup: 'emeryci' }).eligible).toBe(true);
    expect(shop(500_000, { admittedGroup: 'studenci' }).eligible).toBe(false);
    expect(shop(100_000).eligible).toBe(true);
    expect(shop(100_000, {}, { art7Required: true }).eligible).toBe(false);
  });
});
