/**
 * The income test of art. 8 u.p.s. and the dated table of income criteria.
 *
 * Money is integer grosze (1 zł = 100 gr) everywhere; comparisons and percentages are exact
 * (integer / BigInt arithmetic), only the displayed per-person amount and percentage are rounded.
 */
import { z } from 'zod';
import { compare, formatPolishDate, isoDateSchema, isWithin, type IsoDate } from './dates';
import { parseDecimal } from '../numbers';

// ---------------------------------------------------------------------------------------------
// Money
// ---------------------------------------------------------------------------------------------

/** 10 000 000 zł: anything above is a typing error, not an income of a client of the OPS. */
export const MAX_AMOUNT_GR = 1_000_000_000;

const NBSP = '\u00a0';

/** '1 010,00 zł' (non-breaking spaces, so a PDF line never breaks inside an amount). */
export function formatZl(gr: number): string {
  if (!Number.isSafeInteger(gr)) throw new RangeError('Kwota w groszach musi być liczbą całkowitą.');
  const sign = gr < 0 ? '-' : '';
  const abs = Math.abs(gr);
  const zl = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${sign}${zl},${String(abs % 100).padStart(2, '0')}${NBSP}zł`;
}

/** Złote typed as a number (e.g. 1010.5) to grosze, without float drift (0.29 zł → 29 gr). */
export function zlToGr(zl: number): number {
  if (!Number.isFinite(zl)) throw new RangeError('Nieprawidłowa kwota.');
  return Math.round(zl * 100);
}

/**
 * A Polish amount as typed ('1 010,50', '1010.5', '823 zł') to grosze; null when it is empty or
 * not an amount. At most 2 decimal places; no sign (amounts in the income test are never negative).
 */
export function parseZl(text: string): number | null {
  const parsed = parseDecimal(text, { scale: 2, unit: 'zł' });
  return parsed.ok ? parsed.units : null;
}

/** a / b rounded half up, for integers a ≥ 0 and b > 0 (exact: BigInt, no float step). */
function divRound(a: number | bigint, b: number | bigint): number {
  const bigA = BigInt(a);
  const bigB = BigInt(b);
  return Number((2n * bigA + bigB) / (2n * bigB));
}

// ---------------------------------------------------------------------------------------------
// Criteria table (art. 8 ust. 1 and ust. 8 u.p.s.; re-verified every 3 years, next in 2027 [M])
// ---------------------------------------------------------------------------------------------

export interface IncomeCriteria {
  validFrom: IsoDate;
  /** Last day in force; null = still in force. */
  validTo: IsoDate | null;
  /** K1: osoba samotnie gospodarująca. */
  singlePersonGr: number;
  /** K2: osoba w rodzinie. */
  perPersonInFamilyGr: number;
  /** Monthly income from 1 ha przeliczeniowy. */
  perHectareGr: number;
  /** Maximum zasiłek stały. */
  permanentAllowanceMaxGr: number;
  legalSource: string;
}

export const CRITERIA: readonly IncomeCriteria[] = Object.freeze([
  {
    // 776 / 600 zł, 1 ha = 345 zł, zasiłek stały max 719 zł [C Zebrzydowice].
    validFrom: '2022-01-01',
    validTo: '2024-12-31',
    singlePersonGr: 77_600,
    perPersonInFamilyGr: 60_000,
    perHectareGr: 34_500,
    permanentAllowanceMaxGr: 71_900,
    legalSource: 'Rozporządzenie Rady Ministrów z dnia 14 lipca 2021 r. (Dz.U. 2021 poz. 1296)',
  },
  {
    // 1010 / 823 zł [C Szudziałowo, MOPS Legnica]; zasiłek stały max 1229 zł [C];
    // 1 ha = 459 zł [M: one secondary source] — verify on ISAP.
    validFrom: '2025-01-01',
    validTo: null,
    singlePersonGr: 101_000,
    perPersonInFamilyGr: 82_300,
    perHectareGr: 45_900,
    permanentAllowanceMaxGr: 122_900,
    legalSource: 'Rozporządzenie Rady Ministrów z dnia 12 lipca 2024 r. (Dz.U. 2024 poz. 1044)',
  },
]);

/** Thrown when no row of the table applies to a date (or, for a broken table, several do). */
export class CriteriaNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CriteriaNotFoundError';
  }
}

/** The criteria in force on `date`. Throws CriteriaNotFoundError with a Polish message. */
export function criteriaFor(date: IsoDate, table: readonly IncomeCriteria[] = CRITERIA): IncomeCriteria {
  const rows = table.filter((row) => isWithin(date, row.validFrom, row.validTo));
  const [row] = rows;
  if (!row) {
    throw new CriteriaNotFoundError(
      `Brak kryteriów dochodowych obowiązujących w dniu ${formatPolishDate(date)}. ` +
        'Uzupełnij tabelę kryteriów dochodowych w ustawieniach ośrodka.',
    );
  }
  if (rows.length > 1) {
    throw new CriteriaNotFoundError(
      `W dniu ${formatPolishDate(date)} obowiązuje więcej niż jeden wiersz tabeli kryteriów dochodowych. ` +
        'Popraw okresy obowiązywania w ustawieniach ośrodka.',
    );
  }
  return row;
}

const criteriaAmount = (label: string) =>
  z
    .number({ error: `${label}: podaj kwotę.` })
    .int({ error: `${label}: kwota w groszach musi być liczbą całkowitą.` })
    .positive({ error: `${label}: kwota musi być większa od zera.` })
    .max(MAX_AMOUNT_GR, { error: `${label}: kwota jest nierealnie wysoka.` });

/** One row of the table as edited in the settings. */
export const incomeCriteriaSchema = z
  .object({
    validFrom: isoDateSchema,
    validTo: isoDateSchema.nullable(),
    singlePersonGr: criteriaAmount('Kryterium dla osoby samotnie gospodarującej'),
    perPersonInFamilyGr: criteriaAmount('Kryterium dla osoby w rodzinie'),
    perHectareGr: criteriaAmount('Dochód z 1 ha przeliczeniowego'),
    permanentAllowanceMaxGr: criteriaAmount('Maksymalna kwota zasiłku stałego'),
    legalSource: z
      .string()
      .trim()
      .min(1, { error: 'Podstawa prawna: pole jest wymagane.' })
      .max(300, { error: 'Podstawa prawna: najwyżej 300 znaków.' }),
  })
  .refine((row) => row.validTo === null || compare(row.validFrom, row.validTo) <= 0, {
    error: 'Data końca obowiązywania nie może być wcześniejsza niż data początku.',
    path: ['validTo'],
  });

/** Problems of a whole table (Polish), empty when fine: rows must not overlap; one open row at most, last. */
export function validateCriteriaTable(table: readonly IncomeCriteria[]): string[] {
  const problems: string[] = [];
  table.forEach((row, i) => {
    const parsed = incomeCriteriaSchema.safeParse(row);
    if (!parsed.success) {
      problems.push(`Wiersz ${i + 1}: ${parsed.error.issues.map((issue) => issue.message).join(' ')}`);
    }
  });
  if (problems.length > 0) return problems;
  const sorted = [...table].sort((a, b) => compare(a.validFrom, b.validFrom));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const row = sorted[i];
    if (!prev || !row) continue;
    if (prev.validTo === null || compare(prev.validTo, row.validFrom) >= 0) {
      problems.push(
        `Okres od ${formatPolishDate(prev.validFrom)} nakłada się na okres od ${formatPolishDate(row.validFrom)}.`,
      );
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// FEPŻ threshold table (a programme rule, not the statute)
// ---------------------------------------------------------------------------------------------

export interface FoodAidThreshold {
  /** The first day the share applies; it applies until the next row's date. */
  validFrom: IsoDate;
  /** Percent of the art. 8 criterion (K1 for a single person, K2 per person in a family). */
  percent: number;
  legalSource: string;
}

/**
 * FEPŻ food aid: income ≤ a dated share of the criterion (plus an art. 7 reason). The programme's
 * own history; migration 0012 seeds the office's table with the same rows (shared/domain/foodAid.ts).
 */
export const FOOD_AID_THRESHOLDS: readonly FoodAidThreshold[] = Object.freeze([
  { validFrom: '2020-11-26', percent: 220, legalSource: 'Program Operacyjny Pomoc Żywnościowa 2014–2020' },
  { validFrom: '2023-05-15', percent: 235, legalSource: 'Program Operacyjny Pomoc Żywnościowa 2014–2020 (zmiana kryterium)' },
  { validFrom: '2024-02-12', percent: 265, legalSource: 'Program Fundusze Europejskie na Pomoc Żywnościową 2021–2027' },
]);

export const MAX_THRESHOLD_PERCENT = 1000;

export const foodAidThresholdSchema = z.object({
  validFrom: isoDateSchema,
  percent: z
    .number({ error: 'Próg: podaj liczbę procent.' })
    .int({ error: 'Próg: podaj liczbę całkowitą procent.' })
    .min(100, { error: 'Próg nie może być niższy niż 100% kryterium.' })
    .max(MAX_THRESHOLD_PERCENT, { error: `Próg: najwyżej ${MAX_THRESHOLD_PERCENT}% kryterium.` }),
  legalSource: z
    .string({ error: 'Podstawa: pole jest wymagane.' })
    .trim()
    .min(1, { error: 'Podstawa: pole jest wymagane.' })
    .max(300, { error: 'Podstawa: najwyżej 300 znaków.' }),
});

/** The FEPŻ share in force on `date`; throws CriteriaNotFoundError (Polish) before the first row. */
export function foodAidPercentFor(date: IsoDate, table: readonly FoodAidThreshold[] = FOOD_AID_THRESHOLDS): FoodAidThreshold {
  let found: FoodAidThreshold | null = null;
  for (const row of table) {
    if (compare(row.validFrom, date) <= 0 && (found === null || compare(row.validFrom, found.validFrom) > 0)) found = row;
  }
  if (!found) {
    throw new CriteriaNotFoundError(`Brak progu pomocy żywnościowej obowiązującego w dniu ${formatPolishDate(date)}. Uzupełnij tabelę progów w ustawieniach skierowań.`);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Income sources (art. 8 ust. 3 and 4 u.p.s.)
// ---------------------------------------------------------------------------------------------

interface IncomeSourceDefinition {
  label: string;
  excluded: boolean;
  /** Why it is not counted (for excluded sources). */
  reason?: string;
}

// The numbering of art. 8 ust. 4 follows seed 003; its current wording must be checked [M].
const SOURCE_DEFINITIONS = {
  employment: { label: 'Wynagrodzenie ze stosunku pracy', excluded: false },
  civil_contract: { label: 'Umowa zlecenia lub o dzieło', excluded: false },
  business: { label: 'Działalność gospodarcza', excluded: false },
  old_age_pension: { label: 'Emerytura', excluded: false },
  disability_pension: { label: 'Renta', excluded: false },
  unemployment_benefit: { label: 'Zasiłek dla bezrobotnych', excluded: false },
  family_benefits: { label: 'Świadczenia rodzinne (zasiłek rodzinny, zasiłek pielęgnacyjny i inne)', excluded: false },
  alimony_received: { label: 'Alimenty otrzymywane', excluded: false },
  maintenance_fund: { label: 'Świadczenia z funduszu alimentacyjnego', excluded: false },
  permanent_allowance: { label: 'Zasiłek stały', excluded: false },
  periodic_allowance: { label: 'Zasiłek okresowy', excluded: false },
  housing_allowance: { label: 'Dodatek mieszkaniowy', excluded: false },
  rental: { label: 'Najem lub dzierżawa', excluded: false },
  other: { label: 'Inne dochody', excluded: false },
  one_off_social_benefit: {
    label: 'Jednorazowe pieniężne świadczenie socjalne',
    excluded: true,
    reason: 'Nie wlicza się do dochodu (art. 8 ust. 4 pkt 1 u.p.s.).',
  },
  special_purpose_allowance: {
    label: 'Zasiłek celowy',
    excluded: true,
    reason: 'Nie wlicza się do dochodu (art. 8 ust. 4 pkt 2 u.p.s.).',
  },
  school_aid: {
    label: 'Pomoc materialna dla uczniów (stypendium szkolne, zasiłek szkolny, stypendium socjalne)',
    excluded: true,
    reason: 'Pomoc materialna o charakterze socjalnym lub motywacyjnym nie wlicza się do dochodu (art. 8 ust. 4 pkt 3 u.p.s.).',
  },
  benefit_in_kind: {
    label: 'Świadczenie w naturze',
    excluded: true,
    reason: 'Wartość świadczenia w naturze nie wlicza się do dochodu (art. 8 ust. 4 pkt 4 u.p.s.).',
  },
  socially_useful_work: {
    label: 'Prace społecznie użyteczne',
    excluded: true,
    reason: 'Świadczenie za prace społecznie użyteczne nie wlicza się do dochodu (art. 8 ust. 4 pkt 5 u.p.s.).',
  },
  opposition_activist_benefit: {
    label: 'Świadczenie dla działaczy opozycji antykomunistycznej i osób represjonowanych',
    excluded: true,
    reason: 'Nie wlicza się do dochodu (art. 8 ust. 4 pkt 5a u.p.s.).',
  },
  child_raising_benefit: {
    label: 'Świadczenie wychowawcze (800+)',
    excluded: true,
    reason: 'Świadczenie wychowawcze nie wlicza się do dochodu (art. 8 ust. 4 pkt 7 u.p.s.).',
  },
  upbringing_allowance: {
    label: 'Dodatek wychowawczy (piecza zastępcza)',
    excluded: true,
    reason: 'Dodatek wychowawczy nie wlicza się do dochodu (art. 8 ust. 4 pkt 7 u.p.s.).',
  },
  pole_card_benefit: {
    label: 'Świadczenie pieniężne z tytułu Karty Polaka',
    excluded: true,
    reason: 'Nie wlicza się do dochodu (art. 8 ust. 4 pkt 8 u.p.s.).',
  },
  // Benefits of other acts, each excluded by its own act (issue 15; the article numbers are [U] in docs/domain.md,
  // so the reasons name the act, not a paragraph).
  good_start: {
    label: 'Świadczenie „Dobry start” (300 zł na ucznia)',
    excluded: true,
    reason: 'Nie wlicza się do dochodu: świadczenie „Dobry start” z rządowego programu „Dobry start” (przepisy programu wyłączają je z dochodu przy świadczeniach z pomocy społecznej).',
  },
  family_care_capital: {
    label: 'Rodzinny kapitał opiekuńczy',
    excluded: true,
    reason: 'Nie wlicza się do dochodu: ustawa z 17 listopada 2021 r. o rodzinnym kapitale opiekuńczym.',
  },
  protective_allowance: {
    label: 'Dodatek osłonowy',
    excluded: true,
    reason: 'Nie wlicza się do dochodu: ustawa z 17 grudnia 2021 r. o dodatku osłonowym.',
  },
  active_parent: {
    label: 'Świadczenia programu „Aktywny rodzic” (aktywni rodzice w pracy, aktywnie w domu, aktywnie w żłobku)',
    excluded: true,
    reason: 'Nie wlicza się do dochodu: ustawa z 15 maja 2024 r. o wsparciu rodziców w aktywności zawodowej oraz w wychowaniu dziecka „Aktywny rodzic”.',
  },
  energy_allowances: {
    label: 'Jednorazowe dodatki energetyczne (dodatek węglowy, dodatek dla gospodarstw domowych z tytułu wykorzystywania niektórych źródeł ciepła, bon ciepłowniczy, bon energetyczny)',
    excluded: true,
    reason: 'Nie wlicza się do dochodu: ustawy, które je wprowadziły, wyłączają je z dochodu przy świadczeniach z pomocy społecznej.',
  },
} as const satisfies Record<string, IncomeSourceDefinition>;

/** "Inne dochody": the worker says whether it is counted, and why not when it is not (issue 15, item 14). */
export const OTHER_INCOME_COUNTED_BASIS = 'Wlicza się do dochodu (art. 8 ust. 3 u.p.s.).';

export type IncomeSource = keyof typeof SOURCE_DEFINITIONS;

export const INCOME_SOURCES = Object.keys(SOURCE_DEFINITIONS) as [IncomeSource, ...IncomeSource[]];

export const INCOME_SOURCE_INFO: Readonly<Record<IncomeSource, IncomeSourceDefinition>> = SOURCE_DEFINITIONS;

export function incomeSourceLabel(source: IncomeSource): string {
  return SOURCE_DEFINITIONS[source].label;
}

export function isExcludedSource(source: IncomeSource): boolean {
  return SOURCE_DEFINITIONS[source].excluded;
}

/** art. 8 ust. 4 pkt 6 u.p.s.: income from less than 1 ha przeliczeniowy is not counted. */
export const MIN_COUNTED_HECTARES = 1;
export const MAX_HECTARES = 10_000;
/** seed 003: a one-off income above 5 × the criterion must be declared [C]. */
export const ONE_OFF_THRESHOLD_MULTIPLIER = 5;
/**
 * [U] A one-off income above the threshold is spread evenly over this many months
 * (art. 8 ust. 11 u.p.s. as remembered; not confirmed in docs/domain.md). A parameter of runIncomeTest.
 */
export const DEFAULT_ONE_OFF_SPREAD_MONTHS = 12;

// ---------------------------------------------------------------------------------------------
// Input schemas (shared by the forms and the main process)
// ---------------------------------------------------------------------------------------------

const amountGr = (label: string) =>
  z
    .number({ error: `${label}: podaj kwotę.` })
    .int({ error: `${label}: kwota w groszach musi być liczbą całkowitą.` })
    .min(0, { error: `${label}: kwota nie może być ujemna.` })
    .max(MAX_AMOUNT_GR, { error: `${label}: kwota przekracza 10 000 000 zł — sprawdź, czy nie ma pomyłki.` });

export const incomeItemSchema = z.object({
  personId: z
    .string({ error: 'Wskaż osobę, której dotyczy dochód.' })
    .trim()
    .min(1, { error: 'Wskaż osobę, której dotyczy dochód.' })
    .max(100, { error: 'Identyfikator osoby jest za długi.' }),
  source: z.enum(INCOME_SOURCES, { error: 'Wybierz źródło dochodu z listy.' }),
  grossGr: amountGr('Kwota brutto'),
  taxGr: amountGr('Podatek dochodowy'),
  contributionsGr: amountGr('Składki na ubezpieczenia'),
  alimonyPaidGr: amountGr('Alimenty świadczone na rzecz innych osób'),
  oneOff: z.boolean().optional(),
  /** Only for 'other': counted (true) or not (false); a choice, never a default. */
  otherCounted: z.boolean().optional(),
  /** Only for 'other' not counted: the provision that excludes it. */
  otherBasis: z.string().trim().max(300, { error: 'Podstawa wyłączenia: najwyżej 300 znaków.' }).optional(),
}).superRefine((item, ctx) => {
  if (item.source !== 'other') return;
  if (item.otherCounted === undefined) {
    ctx.addIssue({ code: 'custom', path: ['otherCounted'], message: 'Inne dochody: wybierz, czy ten dochód wlicza się do dochodu rodziny.' });
  } else if (!item.otherCounted && !item.otherBasis) {
    ctx.addIssue({ code: 'custom', path: ['otherBasis'], message: 'Inne dochody niewliczane: podaj podstawę prawną wyłączenia (np. przepis ustawy, która je wyłącza).' });
  }
});
export type IncomeItem = z.infer<typeof incomeItemSchema>;

/** Hectares przeliczeniowe as in the land-tax notice: at most 4 decimal places. */
export const hectaresSchema = z
  .number({ error: 'Hektary przeliczeniowe: podaj liczbę.' })
  .min(0, { error: 'Hektary przeliczeniowe nie mogą być ujemne.' })
  .max(MAX_HECTARES, { error: `Hektary przeliczeniowe: najwyżej ${MAX_HECTARES} ha — sprawdź, czy nie ma pomyłki.` })
  .refine((ha) => Math.abs(ha * 10_000 - Math.round(ha * 10_000)) < 1e-6, {
    error: 'Hektary przeliczeniowe: najwyżej 4 miejsca po przecinku.',
  });

export const MAX_HOUSEHOLD_SIZE = 50;
export const MAX_INCOME_ITEMS = 200;

export const incomeTestInputSchema = z.object({
  /** The day whose criteria apply (usually the day of the application). */
  date: isoDateSchema,
  householdSize: z
    .number({ error: 'Podaj liczbę osób w gospodarstwie domowym.' })
    .int({ error: 'Liczba osób musi być liczbą całkowitą.' })
    .min(1, { error: 'Liczba osób w gospodarstwie domowym musi wynosić co najmniej 1.' })
    .max(MAX_HOUSEHOLD_SIZE, { error: `Liczba osób w gospodarstwie domowym: najwyżej ${MAX_HOUSEHOLD_SIZE}.` }),
  items: z
    .array(incomeItemSchema, { error: 'Lista dochodów jest wymagana.' })
    .max(MAX_INCOME_ITEMS, { error: `Najwyżej ${MAX_INCOME_ITEMS} pozycji dochodu.` }),
  farmHectares: hectaresSchema.optional(),
});
export type IncomeTestInput = z.infer<typeof incomeTestInputSchema>;

export interface IncomeTestOptions {
  table?: readonly IncomeCriteria[];
  /** [U] months over which a one-off income above the threshold is spread (default 12). */
  oneOffSpreadMonths?: number;
  /** The FEPŻ threshold table (default FOOD_AID_THRESHOLDS); the row in force on `date` applies. */
  foodAidThresholds?: readonly FoodAidThreshold[];
}

/** Invalid input of runIncomeTest; `fields` maps 'items.0.grossGr' → Polish message (for forms). */
export class IncomeTestInputError extends Error {
  readonly fields: Record<string, string>;
  constructor(fields: Record<string, string>) {
    super(Object.values(fields).join(' '));
    this.name = 'IncomeTestInputError';
    this.fields = fields;
  }
}

// ---------------------------------------------------------------------------------------------
// The test
// ---------------------------------------------------------------------------------------------

export interface ExcludedIncomeItem {
  index: number;
  personId: string;
  source: IncomeSource;
  label: string;
  grossGr: number;
  reason: string;
}

export interface CountedIncomeItem {
  index: number;
  personId: string;
  source: IncomeSource;
  /** gross − tax − contributions − alimony paid, never below 0. */
  netGr: number;
  /** What enters the month's income (net, or its monthly share for a spread one-off income). */
  countedGr: number;
  spreadOverMonths: number | null;
}

export interface IncomeTestResult {
  criteria: IncomeCriteria;
  singlePerson: boolean;
  householdSize: number;
  totalIncomeGr: number;
  /** Total for a single person; total / persons for a family, rounded half up to a grosz (display only). */
  perPersonGr: number;
  /** The criterion per person that applies: K1 for a single person, K2 in a family. */
  criterionGr: number;
  /** Kryterium dochodowe rodziny (K2 × persons, art. 8 ust. 1 pkt 2), or K1 for a single person. */
  criterionTotalGr: number;
  /** Income as a percentage of the criterion, rounded half up to 2 decimals. */
  percentOfCriterion: number;
  /** Exact: total ≤ criterionTotal (same as total / persons ≤ K2 without rounding). */
  meetsCriterion: boolean;
  /** The FEPŻ share in force on the test's date. */
  foodAidThresholdPercent: number;
  /** Income part only: FEPŻ also needs one of the art. 7 reasons. */
  eligibleForFoodAidByIncome: boolean;
  countedItems: CountedIncomeItem[];
  excludedItems: ExcludedIncomeItem[];
  farmHectares: number;
  farmIncomeGr: number;
  /** Polish note when a farm below 1 ha was left out; null otherwise. */
  farmNote: string | null;
  /** Polish notes on one-off incomes (declared threshold, spreading). */
  oneOffNotes: string[];
}

function formatHectares(ha: number): string {
  return `${String(ha).replace('.', ',')}${NBSP}ha`;
}

/**
 * The income test of art. 8 u.p.s. for one month. Validates the input with incomeTestInputSchema
 * (throws IncomeTestInputError) and the date against the table (throws CriteriaNotFoundError).
 */
export function runIncomeTest(input: IncomeTestInput & IncomeTestOptions): IncomeTestResult {
  const parsed = incomeTestInputSchema.safeParse({
    date: input.date,
    householdSize: input.householdSize,
    items: input.items,
    farmHectares: input.farmHectares,
  });
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join('.') || '_';
      fields[key] ??= issue.message;
    }
    throw new IncomeTestInputError(fields);
  }
  const { date, householdSize, items } = parsed.data;
  const farmHectares = parsed.data.farmHectares ?? 0;
  const spreadMonths = input.oneOffSpreadMonths ?? DEFAULT_ONE_OFF_SPREAD_MONTHS;
  if (!Number.isInteger(spreadMonths) || spreadMonths < 1) {
    throw new RangeError('Liczba miesięcy rozliczenia dochodu jednorazowego musi być dodatnią liczbą całkowitą.');
  }
  const criteria = criteriaFor(date, input.table ?? CRITERIA);
  const foodAidThresholdPercent = foodAidPercentFor(date, input.foodAidThresholds ?? FOOD_AID_THRESHOLDS).percent;
  const singlePerson = householdSize === 1;
  const criterionGr = singlePerson ? criteria.singlePersonGr : criteria.perPersonInFamilyGr;
  const criterionTotalGr = criterionGr * householdSize;
  // seed 003: "pięciokrotnie kwoty kryterium osoby samotnie gospodarującej / kryterium dochodowego rodziny".
  const oneOffThresholdGr = ONE_OFF_THRESHOLD_MULTIPLIER * criterionTotalGr;

  const countedItems: CountedIncomeItem[] = [];
  const excludedItems: ExcludedIncomeItem[] = [];
  const oneOffNotes: string[] = [];

  items.forEach((item, index) => {
    const definition: IncomeSourceDefinition = SOURCE_DEFINITIONS[item.source];
    if (item.source === 'other' && item.otherCounted === false) {
      excludedItems.push({
        index,
        personId: item.personId,
        source: item.source,
        label: definition.label,
        grossGr: item.grossGr,
        reason: `Nie wlicza się do dochodu: ${item.otherBasis ?? ''}`,
      });
      return;
    }
    if (definition.excluded) {
      excludedItems.push({
        index,
        personId: item.personId,
        source: item.source,
        label: definition.label,
        grossGr: item.grossGr,
        reason: definition.reason ?? 'Nie wlicza się do dochodu.',
      });
      return;
    }
    // art. 8 ust. 3 u.p.s.: minus PIT, health and social insurance contributions, alimony paid to others.
    const netGr = Math.max(0, item.grossGr - item.taxGr - item.contributionsGr - item.alimonyPaidGr);
    let countedGr = netGr;
    let spreadOverMonths: number | null = null;
    if (item.oneOff) {
      if (netGr > oneOffThresholdGr) {
        spreadOverMonths = spreadMonths;
        countedGr = divRound(netGr, spreadMonths);
        oneOffNotes.push(
          `Dochód jednorazowy ${formatZl(netGr)} (${definition.label}) przekracza pięciokrotność kryterium ` +
            `(${formatZl(oneOffThresholdGr)}): rozliczono go na ${spreadMonths} mies., ${formatZl(countedGr)} miesięcznie.`,
        );
      } else {
        oneOffNotes.push(
          `Dochód jednorazowy ${formatZl(netGr)} (${definition.label}) nie przekracza pięciokrotności kryterium ` +
            `(${formatZl(oneOffThresholdGr)}): wliczono go w całości.`,
        );
      }
    }
    countedItems.push({ index, personId: item.personId, source: item.source, netGr, countedGr, spreadOverMonths });
  });

  // Hectares in ten-thousandths, so that 5.2 ha × 459 zł is exact.
  const hectaresE4 = Math.round(farmHectares * 10_000);
  let farmIncomeGr = 0;
  let farmNote: string | null = null;
  if (hectaresE4 >= MIN_COUNTED_HECTARES * 10_000) {
    farmIncomeGr = divRound(BigInt(hectaresE4) * BigInt(criteria.perHectareGr), 10_000);
  } else if (hectaresE4 > 0) {
    farmNote =
      `Gospodarstwo rolne ${formatHectares(farmHectares)} przeliczeniowego: poniżej 1 ha dochodu ` +
      'z gospodarstwa nie wlicza się (art. 8 ust. 4 pkt 6 u.p.s.).';
  }

  const totalIncomeGr = countedItems.reduce((sum, item) => sum + item.countedGr, 0) + farmIncomeGr;
  const percentE2 = divRound(BigInt(totalIncomeGr) * 10_000n, criterionTotalGr);

  return {
    criteria,
    singlePerson,
    householdSize,
    totalIncomeGr,
    perPersonGr: divRound(totalIncomeGr, householdSize),
    criterionGr,
    criterionTotalGr,
    percentOfCriterion: percentE2 / 100,
    meetsCriterion: totalIncomeGr <= criterionTotalGr,
    foodAidThresholdPercent,
    eligibleForFoodAidByIncome: BigInt(totalIncomeGr) * 100n <= BigInt(foodAidThresholdPercent) * BigInt(criterionTotalGr),
    countedItems,
    excludedItems,
    farmHectares,
    farmIncomeGr,
    farmNote,
    oneOffNotes,
  };
}
