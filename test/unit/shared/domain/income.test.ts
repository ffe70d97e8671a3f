import { describe, it, expect } from 'vitest';
import {
  CRITERIA,
  CriteriaNotFoundError,
  INCOME_SOURCES,
  IncomeTestInputError,
  criteriaFor,
  formatZl,
  incomeSourceLabel,
  incomeTestInputSchema,
  isExcludedSource,
  parseZl,
  runIncomeTest,
  validateCriteriaTable,
  zlToGr,
  type IncomeCriteria,
  type IncomeItem,
  type IncomeSource,
} from '../../../../shared/domain/income';

const NBSP = '\u00a0';

function item(source: IncomeSource, grossGr: number, more: Partial<IncomeItem> = {}): IncomeItem {
  return { personId: 'p1', source, grossGr, taxGr: 0, contributionsGr: 0, alimonyPaidGr: 0, ...more };
}

function inputError(run: () => unknown): IncomeTestInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof IncomeTestInputError) return error;
    throw error;
  }
  throw new Error('expected IncomeTestInputError');
}

describe('criteria table', () => {
  it('holds exactly the two known rows', () => {
    expect(CRITERIA.map(({ legalSource: _legal, ...row }) => row)).toEqual([
      {
        validFrom: '2022-01-01',
        validTo: '2024-12-31',
        singlePersonGr: 77_600,
        perPersonInFamilyGr: 60_000,
        perHectareGr: 34_500,
        permanentAllowanceMaxGr: 71_900,
      },
      {
        validFrom: '2025-01-01',
        validTo: null,
        singlePersonGr: 101_000,
        perPersonInFamilyGr: 82_300,
        perHectareGr: 45_900,
        permanentAllowanceMaxGr: 122_900,
      },
    ]);
    expect(CRITERIA[1]?.legalSource).toContain('Dz.U. 2024 poz. 1044');
    expect(validateCriteriaTable(CRITERIA)).toEqual([]);
  });

  it.each([
    ['2022-01-01', 77_600, 60_000, 34_500],
    ['2023-06-15', 77_600, 60_000, 34_500],
    ['2024-12-31', 77_600, 60_000, 34_500],
    ['2025-01-01', 101_000, 82_300, 45_900],
    ['2027-12-31', 101_000, 82_300, 45_900],
  ])('on %s: K1 %i, K2 %i, 1 ha %i', (date, k1, k2, ha) => {
    const row = criteriaFor(date);
    expect([row.singlePersonGr, row.perPersonInFamilyGr, row.perHectareGr]).toEqual([k1, k2, ha]);
  });

  it('refuses a date before the table with a Polish message', () => {
    expect(() => criteriaFor('2021-12-31')).toThrow(CriteriaNotFoundError);
    expect(() => criteriaFor('2021-12-31')).toThrow(
      'Brak kryteriów dochodowych obowiązujących w dniu 31.12.2021. Uzupełnij tabelę kryteriów dochodowych w ustawieniach ośrodka.',
    );
    expect(() => criteriaFor('2025-02-30')).toThrow('Nieprawidłowa data');
  });

  it('takes a custom table and refuses overlapping rows', () => {
    const base = CRITERIA[1] as IncomeCriteria;
    const next: IncomeCriteria = { ...base, validFrom: '2028-01-01', validTo: null, singlePersonGr: 120_000 };
    const table = [{ ...base, validTo: '2027-12-31' }, next];
    expect(validateCriteriaTable(table)).toEqual([]);
    expect(criteriaFor('2027-12-31', table).singlePersonGr).toBe(101_000);
    expect(criteriaFor('2028-01-01', table).singlePersonGr).toBe(120_000);

    const overlapping = [base, next];
    expect(validateCriteriaTable(overlapping)).toEqual(['Okres od 01.01.2025 nakłada się na okres od 01.01.2028.']);
    expect(() => criteriaFor('2028-05-01', overlapping)).toThrow('więcej niż jeden wiersz');
  });

  it('validates a row as edited in the settings', () => {
    const problems = validateCriteriaTable([{ ...(CRITERIA[0] as IncomeCriteria), validTo: '2021-01-01', perHectareGr: -5 }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('Dochód z 1 ha przeliczeniowego: kwota musi być większa od zera.');
    expect(problems[0]).toContain('Data końca obowiązywania nie może być wcześniejsza niż data początku.');
  });
});

describe('income sources', () => {
  it('excludes exactly the kinds of art. 8 ust. 4 u.p.s. (seed 003)', () => {
    expect(INCOME_SOURCES.filter(isExcludedSource)).toEqual([
      'one_off_social_benefit',
      'special_purpose_allowance',
      'school_aid',
      'benefit_in_kind',
      'socially_useful_work',
      'opposition_activist_benefit',
      'child_raising_benefit',
      'upbringing_allowance',
      'pole_card_benefit',
      // Excluded by other acts (issue 15, item 14).
      'good_start',
      'family_care_capital',
      'protective_allowance',
      'active_parent',
      'energy_allowances',
    ]);
    expect(incomeSourceLabel('child_raising_benefit')).toBe('Świadczenie wychowawcze (800+)');
    expect(incomeSourceLabel('special_purpose_allowance')).toBe('Zasiłek celowy');
    expect(isExcludedSource('employment')).toBe(false);
  });
});

describe('runIncomeTest: single person (2025: K1 = 1010 zł)', () => {
  it('990 zł net is below the criterion', () => {
    // 1200 − 50 PIT − 160 contributions = 990 zł; 990 / 1010 = 98.0198 % → 98.02.
    const r = runIncomeTest({
      date: '2025-03-10',
      householdSize: 1,
      items: [item('employment', 120_000, { taxGr: 5_000, contributionsGr: 16_000 })],
    });
    expect(r.singlePerson).toBe(true);
    expect(r.totalIncomeGr).toBe(99_000);
    expect(r.perPersonGr).toBe(99_000);
    expect(r.criterionGr).toBe(101_000);
    expect(r.percentOfCriterion).toBe(98.02);
    expect(r.meetsCriterion).toBe(true);
    expect(r.foodAidThresholdPercent).toBe(265);
    expect(r.eligibleForFoodAidByIncome).toBe(true);
  });

  it('1010,00 zł meets it, 1010,01 zł does not', () => {
    const at = runIncomeTest({ date: '2025-01-01', householdSize: 1, items: [item('old_age_pension', 101_000)] });
    expect(at.meetsCriterion).toBe(true);
    expect(at.percentOfCriterion).toBe(100);
    const above = runIncomeTest({ date: '2025-01-01', householdSize: 1, items: [item('old_age_pension', 101_001)] });
    expect(above.meetsCriterion).toBe(false);
    expect(above.percentOfCriterion).toBe(100);
  });

  it('the same 990 zł on 2024-12-31 is above the old 776 zł criterion', () => {
    // 990 / 776 = 127.577 % → 127.58.
    const r = runIncomeTest({ date: '2024-12-31', householdSize: 1, items: [item('old_age_pension', 99_000)] });
    expect(r.criterionGr).toBe(77_600);
    expect(r.meetsCriterion).toBe(false);
    expect(r.percentOfCriterion).toBe(127.58);
  });

  it('food aid in 2025 up to 265 % (FEPŻ since 12.02.2024): 2676,50 zł yes, 2676,51 zł no', () => {
    const yes = runIncomeTest({ date: '2025-05-01', householdSize: 1, items: [item('employment', 267_650)] });
    expect(yes.foodAidThresholdPercent).toBe(265);
    expect(yes.eligibleForFoodAidByIncome).toBe(true);
    expect(yes.meetsCriterion).toBe(false);
    const no = runIncomeTest({ date: '2025-05-01', householdSize: 1, items: [item('employment', 267_651)] });
    expect(no.eligibleForFoodAidByIncome).toBe(false);
  });

  it('zasiłek celowy is not counted', () => {
    const r = runIncomeTest({
      date: '2025-05-01',
      householdSize: 1,
      items: [item('old_age_pension', 90_000), item('special_purpose_allowance', 50_000)],
    });
    expect(r.totalIncomeGr).toBe(90_000);
    expect(r.meetsCriterion).toBe(true);
    expect(r.excludedItems).toEqual([
      {
        index: 1,
        personId: 'p1',
        source: 'special_purpose_allowance',
        label: 'Zasiłek celowy',
        grossGr: 50_000,
        reason: 'Nie wlicza się do dochodu (art. 8 ust. 4 pkt 2 u.p.s.).',
      },
    ]);
  });

  it('alimony paid is deducted', () => {
    // 1500 − 60 − 200 − 400 = 840 zł (without the deduction it would be 1240 zł, above 1010).
    const r = runIncomeTest({
      date: '2025-05-01',
      householdSize: 1,
      items: [item('employment', 150_000, { taxGr: 6_000, contributionsGr: 20_000, alimonyPaidGr: 40_000 })],
    });
    expect(r.totalIncomeGr).toBe(84_000);
    expect(r.meetsCriterion).toBe(true);
  });

  it('an item never goes below zero', () => {
    const r = runIncomeTest({
      date: '2025-05-01',
      householdSize: 1,
      items: [item('civil_contract', 30_000, { alimonyPaidGr: 50_000 }), item('old_age_pension', 50_000)],
    });
    expect(r.countedItems.map((i) => i.netGr)).toEqual([0, 50_000]);
    expect(r.totalIncomeGr).toBe(50_000);
  });
});

describe('runIncomeTest: family (2025: K2 = 823 zł)', () => {
  it('family of 4 with 800+ for two children', () => {
    // Father 4500 − 250 − 800 = 3450 zł; mother's zasiłek rodzinny 200 zł; 800+ × 2 not counted.
    // 3650 zł / 4 = 912,50 zł > 823 zł; 3650 / (823 × 4 = 3292) = 110.8748 % → 110.87.
    const r = runIncomeTest({
      date: '2025-09-01',
      householdSize: 4,
      items: [
        item('employment', 450_000, { personId: 'father', taxGr: 25_000, contributionsGr: 80_000 }),
        item('family_benefits', 20_000, { personId: 'mother' }),
        item('child_raising_benefit', 80_000, { personId: 'child1' }),
        item('child_raising_benefit', 80_000, { personId: 'child2' }),
      ],
    });
    expect(r.singlePerson).toBe(false);
    expect(r.totalIncomeGr).toBe(365_000);
    expect(r.perPersonGr).toBe(91_250);
    expect(r.criterionGr).toBe(82_300);
    expect(r.criterionTotalGr).toBe(329_200);
    expect(r.meetsCriterion).toBe(false);
    expect(r.percentOfCriterion).toBe(110.87);
    expect(r.eligibleForFoodAidByIncome).toBe(true);
    expect(r.excludedItems.map((e) => [e.personId, e.reason])).toEqual([
      ['child1', 'Świadczenie wychowawcze nie wlicza się do dochodu (art. 8 ust. 4 pkt 7 u.p.s.).'],
      ['child2', 'Świadczenie wychowawcze nie wlicza się do dochodu (art. 8 ust. 4 pkt 7 u.p.s.).'],
    ]);
  });

  it('compares exactly, without rounding the per-person amount first', () => {
    // 3292,01 zł / 4 = 823,0025 zł: rounds to 823,00 zł for display, but it is above the criterion.
    const r = runIncomeTest({ date: '2025-09-01', householdSize: 4, items: [item('employment', 329_201)] });
    expect(r.perPersonGr).toBe(82_300);
    expect(r.meetsCriterion).toBe(false);
    const at = runIncomeTest({ date: '2025-09-01', householdSize: 4, items: [item('employment', 329_200)] });
    expect(at.meetsCriterion).toBe(true);
  });
});

describe('runIncomeTest: farm', () => {
  it('5.2 ha in 2025 = 5.2 × 459 zł = 2386,80 zł', () => {
    // Family of 3: 2386,80 / 3 = 795,60 zł ≤ 823 zł; 238680 / 246900 = 96.671 % → 96.67.
    const r = runIncomeTest({ date: '2025-02-01', householdSize: 3, items: [], farmHectares: 5.2 });
    expect(r.farmIncomeGr).toBe(238_680);
    expect(r.totalIncomeGr).toBe(238_680);
    expect(r.perPersonGr).toBe(79_560);
    expect(r.meetsCriterion).toBe(true);
    expect(r.percentOfCriterion).toBe(96.67);
    expect(r.farmNote).toBeNull();
  });

  it('5.2 ha in 2024 uses 345 zł/ha', () => {
    const r = runIncomeTest({ date: '2024-02-01', householdSize: 3, items: [], farmHectares: 5.2 });
    expect(r.farmIncomeGr).toBe(179_400);
  });

  it('4 decimals are exact: 5.2345 ha × 459 zł = 2402,6355 zł → 2402,64 zł', () => {
    const r = runIncomeTest({ date: '2025-02-01', householdSize: 3, items: [], farmHectares: 5.2345 });
    expect(r.farmIncomeGr).toBe(240_264);
  });

  it('0.8 ha is not counted (art. 8 ust. 4 pkt 6)', () => {
    const r = runIncomeTest({
      date: '2025-02-01',
      householdSize: 2,
      items: [item('old_age_pension', 120_000)],
      farmHectares: 0.8,
    });
    expect(r.farmIncomeGr).toBe(0);
    expect(r.totalIncomeGr).toBe(120_000);
    expect(r.farmNote).toContain(`0,8${NBSP}ha`);
    expect(r.farmNote).toContain('poniżej 1 ha');
  });

  it('the boundary: 1 ha counts, 0.9999 ha does not', () => {
    expect(runIncomeTest({ date: '2025-02-01', householdSize: 2, items: [], farmHectares: 1 }).farmIncomeGr).toBe(45_900);
    expect(runIncomeTest({ date: '2025-02-01', householdSize: 2, items: [], farmHectares: 0.9999 }).farmIncomeGr).toBe(0);
  });
});

describe('runIncomeTest: one-off income', () => {
  it('above 5 × criterion it is spread over 12 months', () => {
    // Single person 2025: threshold 5 × 1010 = 5050 zł; 6000 zł → 500 zł a month; + 600 zł pension = 1100 zł.
    const r = runIncomeTest({
      date: '2025-04-01',
      householdSize: 1,
      items: [item('other', 600_000, { oneOff: true, otherCounted: true }), item('old_age_pension', 60_000)],
    });
    expect(r.countedItems[0]).toMatchObject({ netGr: 600_000, countedGr: 50_000, spreadOverMonths: 12 });
    expect(r.totalIncomeGr).toBe(110_000);
    expect(r.meetsCriterion).toBe(false);
    expect(r.percentOfCriterion).toBe(108.91);
    expect(r.oneOffNotes).toEqual([
      `Dochód jednorazowy 6${NBSP}000,00${NBSP}zł (Inne dochody) przekracza pięciokrotność kryterium ` +
        `(5${NBSP}050,00${NBSP}zł): rozliczono go na 12 mies., 500,00${NBSP}zł miesięcznie.`,
    ]);
  });

  it('exactly 5 × criterion is counted in full', () => {
    const r = runIncomeTest({ date: '2025-04-01', householdSize: 1, items: [item('other', 505_000, { oneOff: true, otherCounted: true })] });
    expect(r.totalIncomeGr).toBe(505_000);
    expect(r.countedItems[0]?.spreadOverMonths).toBeNull();
    expect(r.oneOffNotes[0]).toContain('nie przekracza pięciokrotności');
  });

  it('in a family the threshold is 5 × the family criterion (K2 × persons)', () => {
    // 3 persons: 5 × 823 × 3 = 12 345 zł; 10 000 zł stays whole, 12 345,01 zł is spread.
    const whole = runIncomeTest({ date: '2025-04-01', householdSize: 3, items: [item('other', 1_000_000, { oneOff: true, otherCounted: true })] });
    expect(whole.totalIncomeGr).toBe(1_000_000);
    const spread = runIncomeTest({ date: '2025-04-01', householdSize: 3, items: [item('other', 1_234_501, { oneOff: true, otherCounted: true })] });
    expect(spread.totalIncomeGr).toBe(102_875); // 1 234 501 / 12 = 102 875.08 → 102 875
  });

  it('the number of months is a parameter [U]', () => {
    const r = runIncomeTest({
      date: '2025-04-01',
      householdSize: 1,
      items: [item('other', 600_000, { oneOff: true, otherCounted: true })],
      oneOffSpreadMonths: 6,
    });
    expect(r.totalIncomeGr).toBe(100_000);
  });
});

describe('runIncomeTest: validation', () => {
  const base = { date: '2025-04-01', householdSize: 2, items: [item('employment', 100_000)] };

  it('negative amounts', () => {
    const error = inputError(() => runIncomeTest({ ...base, items: [item('employment', -1)] }));
    expect(error.fields).toEqual({ 'items.0.grossGr': 'Kwota brutto: kwota nie może być ujemna.' });
    expect(error.message).toBe('Kwota brutto: kwota nie może być ujemna.');
    const tax = inputError(() => runIncomeTest({ ...base, items: [item('employment', 100, { taxGr: -5 })] }));
    expect(tax.fields['items.0.taxGr']).toBe('Podatek dochodowy: kwota nie może być ujemna.');
  });

  it('household size below 1 or fractional', () => {
    expect(inputError(() => runIncomeTest({ ...base, householdSize: 0 })).fields).toEqual({
      householdSize: 'Liczba osób w gospodarstwie domowym musi wynosić co najmniej 1.',
    });
    expect(inputError(() => runIncomeTest({ ...base, householdSize: 2.5 })).fields.householdSize).toBe(
      'Liczba osób musi być liczbą całkowitą.',
    );
  });

  it('absurd amounts above 10 000 000 zł; 10 000 000 zł itself passes', () => {
    const error = inputError(() => runIncomeTest({ ...base, items: [item('employment', 1_000_000_001)] }));
    expect(error.fields['items.0.grossGr']).toBe('Kwota brutto: kwota przekracza 10 000 000 zł — sprawdź, czy nie ma pomyłki.');
    expect(runIncomeTest({ ...base, items: [item('employment', 1_000_000_000)] }).totalIncomeGr).toBe(1_000_000_000);
  });

  it('fractional grosze', () => {
    const error = inputError(() => runIncomeTest({ ...base, items: [item('employment', 100.5)] }));
    expect(error.fields['items.0.grossGr']).toBe('Kwota brutto: kwota w groszach musi być liczbą całkowitą.');
  });

  it('hectares out of range or with too many decimals', () => {
    expect(inputError(() => runIncomeTest({ ...base, farmHectares: -0.5 })).fields.farmHectares).toBe(
      'Hektary przeliczeniowe nie mogą być ujemne.',
    );
    expect(inputError(() => runIncomeTest({ ...base, farmHectares: 10_000.5 })).fields.farmHectares).toContain(
      'najwyżej 10000 ha',
    );
    expect(inputError(() => runIncomeTest({ ...base, farmHectares: 1.23456 })).fields.farmHectares).toBe(
      'Hektary przeliczeniowe: najwyżej 4 miejsca po przecinku.',
    );
  });

  it('a wrong date, an unknown source and an empty person', () => {
    expect(inputError(() => runIncomeTest({ ...base, date: '2025-02-30' })).fields.date).toBe(
      'Nieprawidłowa data (oczekiwano RRRR-MM-DD).',
    );
    const bad = { ...item('employment', 1), source: 'lottery' } as unknown as IncomeItem;
    expect(inputError(() => runIncomeTest({ ...base, items: [bad] })).fields['items.0.source']).toBe(
      'Wybierz źródło dochodu z listy.',
    );
    expect(inputError(() => runIncomeTest({ ...base, items: [item('employment', 1, { personId: '  ' })] })).fields['items.0.personId']).toBe(
      'Wskaż osobę, której dotyczy dochód.',
    );
  });

  it('the exported schema gives forms the same messages', () => {
    const result = incomeTestInputSchema.safeParse({ ...base, householdSize: 0 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Liczba osób w gospodarstwie domowym musi wynosić co najmniej 1.');
    expect(incomeTestInputSchema.safeParse(base).success).toBe(true);
  });

  it('no criteria for the date', () => {
    expect(() => runIncomeTest({ ...base, date: '2020-06-01' })).toThrow(CriteriaNotFoundError);
  });
});

describe('money helpers', () => {
  it('formatZl', () => {
    expect(formatZl(101_000)).toBe(`1${NBSP}010,00${NBSP}zł`);
    expect(formatZl(5)).toBe(`0,05${NBSP}zł`);
    expect(formatZl(123_456_789)).toBe(`1${NBSP}234${NBSP}567,89${NBSP}zł`);
    expect(formatZl(-250)).toBe(`-2,50${NBSP}zł`);
  });

  it('zlToGr avoids float drift', () => {
    expect(zlToGr(0.29)).toBe(29);
    expect(zlToGr(1010.1)).toBe(101_010);
    expect(zlToGr(1.005 * 1000)).toBe(100_500);
  });

  it('parseZl reads Polish amounts', () => {
    expect(parseZl('1 010,50')).toBe(101_050);
    expect(parseZl(`1${NBSP}010,5 zł`)).toBe(101_050);
    expect(parseZl('823')).toBe(82_300);
    expect(parseZl('0.07')).toBe(7);
    expect(parseZl('1,234')).toBeNull();
    expect(parseZl('-5')).toBeNull();
    expect(parseZl('abc')).toBeNull();
    expect(parseZl('')).toBeNull();
  });
});
