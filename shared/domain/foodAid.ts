/**
 * Food aid (FEPŻ) and social-shop referrals: the dated FEPŻ income threshold and the
 * qualification of a household, shared by the qualification screen (live result) and the main
 * process (which decides again before anything is saved).
 *
 * The FEPŻ threshold is a share of the art. 8 u.p.s. criterion that the programme sets, and it has
 * changed: 220 % (PO PŻ 2014–2020, from 26.11.2020), 235 % (from 15.05.2023), 265 % (FEPŻ
 * 2021–2027, from 12.02.2024). A declaration is judged by the share in force on its own date, so
 * people qualified before a change keep what they were qualified with. The table lives beside the
 * income criteria (income.ts); the office keeps its copy and the kierownik adds a row for a future
 * change (docs/referrals.md).
 */
import { formatPolishDate, type IsoDate } from './dates';
import { formatZl, runIncomeTest, type FoodAidThreshold, type IncomeCriteria, type IncomeTestInput, type IncomeTestResult } from './income';

// ---------------------------------------------------------------------------------------------
// Social shop (sklep socjalny): the office's own rules
// ---------------------------------------------------------------------------------------------

export const SHOP_LIMIT_MODES = ['percent', 'flat'] as const;
export type ShopLimitMode = (typeof SHOP_LIMIT_MODES)[number];

export interface ShopRules {
  /** 'percent': income per person ≤ percent × criterion; 'flat': ≤ flatGr per person. */
  mode: ShopLimitMode;
  percent: number;
  flatGr: number;
  art7Required: boolean;
  /** Groups admitted regardless of income (e.g. "rodziny zastępcze", "emeryci"). */
  groupsRegardless: string[];
}

// ---------------------------------------------------------------------------------------------
// Qualification
// ---------------------------------------------------------------------------------------------

export const REFERRAL_PROGRAMMES = ['fepz', 'shop'] as const;
export type ReferralProgramme = (typeof REFERRAL_PROGRAMMES)[number];
export const REFERRAL_PROGRAMME_LABELS: Record<ReferralProgramme, string> = {
  fepz: 'Pomoc żywnościowa FEPŻ',
  shop: 'Sklep socjalny',
};

export interface QualificationInput {
  programme: ReferralProgramme;
  /** The date of the declaration (oświadczenie) or of the wywiad used instead. */
  date: IsoDate;
  householdSize: number;
  items: IncomeTestInput['items'];
  farmHectares?: number | undefined;
  reasons: readonly string[];
  /** Shop only: a group the office admits regardless of income (one of ShopRules.groupsRegardless). */
  admittedGroup?: string | null | undefined;
}

export interface QualificationRules {
  criteria?: readonly IncomeCriteria[];
  thresholds: readonly FoodAidThreshold[];
  shop: ShopRules;
}

export interface QualificationResult {
  eligible: boolean;
  /** Why (Polish, one sentence each); the first is the decisive one. */
  reasons: string[];
  income: IncomeTestResult;
  /** The limit per person that applied (grosze), and how it was set. */
  thresholdGr: number;
  thresholdLabel: string;
  /** Percent of the criterion for a percent limit; null for the shop's flat amount. */
  thresholdPercent: number | null;
  /** True when the shop admitted the household by its group, whatever the income. */
  admittedByGroup: boolean;
}

/**
 * Qualifies a household for a referral. Throws IncomeTestInputError / CriteriaNotFoundError
 * (Polish) for bad input, like the income test it is built on.
 */
export function qualify(input: QualificationInput, rules: QualificationRules): QualificationResult {
  const income = runIncomeTest({
    date: input.date,
    householdSize: input.householdSize,
    items: input.items,
    farmHectares: input.farmHectares,
    table: rules.criteria,
    foodAidThresholds: rules.thresholds,
  });
  const size = BigInt(income.householdSize);
  const total = BigInt(income.totalIncomeGr);
  const reasons: string[] = [];
  let eligible = true;
  let thresholdGr: number;
  let thresholdPercent: number | null;
  let thresholdLabel: string;
  let admittedByGroup = false;
  const needsReason = input.programme === 'fepz' || rules.shop.art7Required;

  if (input.programme === 'fepz') {
    thresholdPercent = income.foodAidThresholdPercent;
    thresholdGr = Math.floor((income.criterionGr * thresholdPercent) / 100);
    thresholdLabel = `${thresholdPercent}% kryterium ${formatZl(income.criterionGr)}`;
    if (!income.eligibleForFoodAidByIncome) {
      eligible = false;
      reasons.push(`Dochód na osobę ${formatZl(income.perPersonGr)} przekracza próg ${formatZl(thresholdGr)} (${thresholdLabel}) obowiązujący w dniu ${formatPolishDate(input.date)}.`);
    }
  } else {
    const shop = rules.shop;
    if (shop.mode === 'percent') {
      thresholdPercent = shop.percent;
      thresholdGr = Math.floor((income.criterionGr * shop.percent) / 100);
      thresholdLabel = `${shop.percent}% kryterium ${formatZl(income.criterionGr)}`;
    } else {
      thresholdPercent = null;
      thresholdGr = shop.flatGr;
      thresholdLabel = `kwota ustalona przez ośrodek`;
    }
    admittedByGroup = Boolean(input.admittedGroup) && shop.groupsRegardless.includes(input.admittedGroup ?? '');
    if (input.admittedGroup && !admittedByGroup) {
      eligible = false;
      reasons.push(`Grupa „${input.admittedGroup}” nie jest na liście grup przyjmowanych bez względu na dochód.`);
    }
    const withinLimit =
      shop.mode === 'percent'
        ? total * 100n <= BigInt(shop.percent) * BigInt(income.criterionTotalGr)
        : total <= BigInt(shop.flatGr) * size;
    if (!withinLimit && !admittedByGroup) {
      eligible = false;
      reasons.push(`Dochód na osobę ${formatZl(income.perPersonGr)} przekracza limit sklepu socjalnego ${formatZl(thresholdGr)} (${thresholdLabel}).`);
    }
  }
  if (needsReason && input.reasons.length === 0) {
    eligible = false;
    reasons.push('Wskaż co najmniej jedną przesłankę z art. 7 ustawy o pomocy społecznej.');
  }
  if (eligible) {
    reasons.push(
      admittedByGroup
        ? `Kwalifikuje się: grupa „${input.admittedGroup}” przyjmowana bez względu na dochód.`
        : `Kwalifikuje się: dochód na osobę ${formatZl(income.perPersonGr)} nie przekracza ${formatZl(thresholdGr)} (${thresholdLabel}).`,
    );
  }
  return { eligible, reasons, income, thresholdGr, thresholdLabel, thresholdPercent, admittedByGroup };
}
