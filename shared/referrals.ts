/**
 * Food-aid (FEPŻ) and social-shop referrals on the wire (issue 19; docs/referrals.md): the
 * office's settings, sub-programmes and partners, the qualification input (a new declaration, or
 * a case's completed wywiad), the register and its exports, with Polish messages.
 */
import { z } from 'zod';
import { art7ReasonsSchema, type Art7Reason } from './domain/caseFlow';
import { isoDateSchema, type IsoDate } from './domain/dates';
import { REFERRAL_PROGRAMMES, SHOP_LIMIT_MODES, type ReferralProgramme, type ShopRules } from './domain/foodAid';
import { foodAidThresholdSchema, hectaresSchema, incomeItemSchema, MAX_AMOUNT_GR, type FoodAidThreshold } from './domain/income';
import { personInputSchema, RELATIONS } from './cases';
import { pageSchema, pageSizeSchema } from './paging';
import { optionalText, phoneSchema, text } from './schemas';

export const REFERRAL_STATUSES = ['issued', 'cancelled'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = { issued: 'Wydane', cancelled: 'Anulowane' };

const whole = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}: podaj liczbę.` })
    .int({ error: `${label}: podaj liczbę całkowitą.` })
    .min(min, { error: `${label}: najmniej ${min}.` })
    .max(max, { error: `${label}: najwięcej ${max}.` });

// ---- settings ----------------------------------------------------------------------------------

export const shopSettingsSchema = z.object({
  name: text('Nazwa sklepu socjalnego', 200),
  address: text('Adres sklepu socjalnego', 300),
  mode: z.enum(SHOP_LIMIT_MODES, { error: 'Wybierz: procent kryterium albo kwota.' }),
  percent: whole('Limit sklepu (% kryterium)', 100, 1000),
  flatGr: z
    .number({ error: 'Limit sklepu (kwota): podaj kwotę.' })
    .int({ error: 'Limit sklepu (kwota): kwota w groszach musi być liczbą całkowitą.' })
    .positive({ error: 'Limit sklepu (kwota) musi być większy od zera.' })
    .max(MAX_AMOUNT_GR, { error: 'Limit sklepu (kwota) jest nierealnie wysoki.' }),
  art7Required: z.boolean(),
  validityDays: whole('Ważność skierowania do sklepu (dni)', 1, 730),
  limitsText: optionalText('Limity zakupów', 4000),
  groupsRegardless: z
    .array(text('Grupa przyjmowana bez względu na dochód', 100))
    .max(30, { error: 'Najwyżej 30 grup.' })
    .refine((groups) => new Set(groups).size === groups.length, { error: 'Grupa powtarza się.' }),
});
export type ShopSettings = z.output<typeof shopSettingsSchema>;

export const referralSettingsSchema = z.object({
  /** [U] The office's choice: a declaration older than this cannot be used for a new referral. */
  declarationMaxAgeDays: whole('Najstarsze oświadczenie o dochodach (dni)', 1, 365),
  /** The office's RODO information clause, printed on every referral. */
  rodoClause: text('Klauzula informacyjna RODO', 8000),
  shop: shopSettingsSchema,
});
export type ReferralSettings = z.output<typeof referralSettingsSchema>;

export const DEFAULT_REFERRAL_SETTINGS: ReferralSettings = {
  declarationMaxAgeDays: 30,
  rodoClause:
    'Administratorem danych osobowych jest ośrodek pomocy społecznej wydający skierowanie. Dane są przetwarzane w celu ' +
    'kwalifikacji do pomocy i jej udzielenia (art. 6 ust. 1 lit. c i e oraz art. 9 ust. 2 lit. b i g RODO), przekazywane ' +
    'organizacji partnerskiej w zakresie niezbędnym do wydania pomocy i przechowywane przez okres wynikający z przepisów ' +
    'o archiwizacji. Przysługuje Pani/Panu prawo dostępu do danych, ich sprostowania, ograniczenia przetwarzania oraz ' +
    'skargi do Prezesa Urzędu Ochrony Danych Osobowych. Ośrodek uzupełnia tę klauzulę w ustawieniach skierowań.',
  shop: {
    name: 'Sklep socjalny',
    address: 'adres do uzupełnienia w ustawieniach',
    mode: 'percent',
    percent: 250,
    flatGr: 210_000,
    art7Required: true,
    validityDays: 90,
    limitsText: '',
    groupsRegardless: [],
  },
};

export function shopRules(settings: ShopSettings): ShopRules {
  return { mode: settings.mode, percent: settings.percent, flatGr: settings.flatGr, art7Required: settings.art7Required, groupsRegardless: settings.groupsRegardless };
}

export const subprogrammeSaveSchema = z.object({
  id: z.uuid().optional(),
  name: text('Nazwa podprogramu', 100),
  validUntil: isoDateSchema.nullable().refine((value) => value !== null, { error: 'Podprogram musi mieć datę końca ważności skierowań.' }),
});

export const pointSaveSchema = z.object({
  id: z.uuid().optional(),
  name: text('Nazwa punktu wydawania', 200),
  address: text('Adres punktu wydawania', 300),
  hours: optionalText('Godziny wydawania', 200).default(''),
  active: z.boolean().default(true),
});

export const partnerSaveSchema = z.object({
  id: z.uuid().optional(),
  name: text('Nazwa organizacji partnerskiej', 200),
  address: text('Adres organizacji', 300),
  phone: phoneSchema.default(''),
  active: z.boolean().default(true),
  points: z.array(pointSaveSchema).min(1, { error: 'Dodaj co najmniej jeden punkt wydawania żywności.' }).max(50, { error: 'Najwyżej 50 punktów.' }),
});

export const thresholdAddSchema = foodAidThresholdSchema;

// ---- qualification -----------------------------------------------------------------------------

export const declarationMemberSchema = z
  .object({
    /** The form's key of the member ('m0', 'm1' …): income items name their member by it. */
    key: z.string().trim().min(1).max(20),
    existingPersonId: z.uuid().optional(),
    person: personInputSchema.optional(),
    relation: z.enum(RELATIONS, { error: 'Wybierz pokrewieństwo.' }),
  })
  .refine((m) => Boolean(m.existingPersonId) !== Boolean(m.person), { error: 'Wybierz istniejącą osobę albo wpisz dane nowej.' });

export const MAX_DECLARATION_MEMBERS = 30;

export const declarationSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('declaration'),
    declaredOn: isoDateSchema,
    /** The applicant first. */
    members: z
      .array(declarationMemberSchema)
      .min(1, { error: 'Gospodarstwo domowe musi liczyć co najmniej jedną osobę.' })
      .max(MAX_DECLARATION_MEMBERS, { error: `Najwyżej ${MAX_DECLARATION_MEMBERS} osób w gospodarstwie domowym.` }),
    income: z.object({ items: z.array(incomeItemSchema).max(200), farmHectares: hectaresSchema.optional() }),
    reasons: art7ReasonsSchema,
  }),
  /** A case's latest completed wywiad instead of a new declaration (its date, household and income). */
  z.object({ kind: z.literal('interview'), caseId: z.uuid({ error: 'Wybierz sprawę.' }), reasons: art7ReasonsSchema }),
]);
export type DeclarationSource = z.input<typeof declarationSourceSchema>;

export const referralIssueSchema = z
  .object({
    programme: z.enum(REFERRAL_PROGRAMMES, { error: 'Wybierz rodzaj skierowania.' }),
    subprogrammeId: z.uuid({ error: 'Wybierz podprogram.' }).nullable().default(null),
    partnerId: z.uuid({ error: 'Wybierz organizację partnerską.' }).nullable().default(null),
    pointId: z.uuid({ error: 'Wybierz punkt wydawania.' }).nullable().default(null),
    admittedGroup: z.string().trim().max(100).nullable().default(null),
    source: declarationSourceSchema,
    /** Required when the person already holds a valid referral of the same kind. */
    duplicateReason: optionalText('Powód kolejnego skierowania', 500).default(''),
  })
  .superRefine((value, ctx) => {
    if (value.programme !== 'fepz') return;
    if (!value.subprogrammeId) ctx.addIssue({ code: 'custom', path: ['subprogrammeId'], message: 'Wybierz podprogram.' });
    if (!value.partnerId) ctx.addIssue({ code: 'custom', path: ['partnerId'], message: 'Wybierz organizację partnerską.' });
    if (!value.pointId) ctx.addIssue({ code: 'custom', path: ['pointId'], message: 'Wybierz punkt wydawania żywności.' });
  });
export type ReferralIssueInput = z.input<typeof referralIssueSchema>;

/** The register's orders (issue 17): newest first by default; every order ends with the id, so pages never overlap. */
export const REFERRAL_LIST_SORTS = ['issuedOn', 'number', 'personName', 'validUntil'] as const;
export type ReferralListSort = (typeof REFERRAL_LIST_SORTS)[number];
export const REFERRAL_LIST_PAGE_SIZE_DEFAULT = 50;

/** One page of a programme's register, filtered, ordered and paged by the main process. */
export const referralListSchema = z.object({
  programme: z.enum(REFERRAL_PROGRAMMES, { error: 'Wybierz rodzaj skierowań: FEPŻ albo sklep socjalny.' }),
  subprogrammeId: z.uuid({ error: 'Wybierz podprogram z listy.' }).optional(),
  status: z.enum(REFERRAL_STATUSES, { error: 'Stan skierowania: wydane albo anulowane.' }).optional(),
  /** Words of the number, the person's name, the partner or the point (folded: "lecka" finds "Łęcka"); 4+ digits search the PESEL. */
  query: z.string({ error: 'Szukany tekst musi być napisem.' }).trim().max(100, { error: 'Szukany tekst może mieć najwyżej 100 znaków.' }).default(''),
  sort: z.enum(REFERRAL_LIST_SORTS, { error: 'Skierowania można sortować tylko po dacie wydania, numerze, nazwisku lub dacie ważności.' }).default('issuedOn'),
  direction: z.enum(['asc', 'desc'], { error: 'Kierunek sortowania: rosnąco albo malejąco.' }).default('desc'),
  page: pageSchema.default(1),
  pageSize: pageSizeSchema('skierowań', REFERRAL_LIST_PAGE_SIZE_DEFAULT),
});
export type ReferralListQuery = z.output<typeof referralListSchema>;

export const REFERRAL_CASE_SOURCES_PAGE_SIZE_DEFAULT = 20;

/** One page of the cases whose completed wywiad may stand for a declaration, found by number or family name. */
export const referralCaseSourcesSchema = z.object({
  query: z.string({ error: 'Szukany tekst musi być napisem.' }).trim().max(100, { error: 'Szukany tekst może mieć najwyżej 100 znaków.' }).default(''),
  page: pageSchema.default(1),
  pageSize: pageSizeSchema('spraw', REFERRAL_CASE_SOURCES_PAGE_SIZE_DEFAULT),
});
export type ReferralCaseSourcesQuery = z.output<typeof referralCaseSourcesSchema>;

export const referralCancelSchema = z.object({ id: z.uuid(), reason: text('Powód anulowania', 500) });

export const REFERRAL_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const referralExportSchema = z.object({
  programme: z.enum(REFERRAL_PROGRAMMES),
  subprogrammeId: z.uuid().optional(),
  partnerId: z.uuid().optional(),
  format: z.enum(REFERRAL_EXPORT_FORMATS, { error: 'Wybierz format pliku: CSV albo XLSX.' }),
});

export const referralMonthlySchema = z.object({ from: isoDateSchema, to: isoDateSchema });
export const referralMonthlyExportSchema = referralMonthlySchema.extend({
  format: z.enum(REFERRAL_EXPORT_FORMATS, { error: 'Wybierz format pliku: CSV albo XLSX.' }),
});

/** The monthly counts for the office's reports (no personal data). */
export const MONTHLY_HEADERS = ['Miesiąc', 'Rodzaj', 'Skierowania', 'Osoby', 'Gospodarstwa domowe', 'Anulowane'] as const;

/** The partner's list: minimal data only (number, name, household size, validity). */
export const PARTNER_LIST_HEADERS = ['Nr skierowania', 'Imię i nazwisko', 'Liczba osób w gospodarstwie domowym', 'Ważne do'] as const;

// ---- views -------------------------------------------------------------------------------------

export interface SubprogrammeView {
  id: string;
  name: string;
  validUntil: IsoDate;
}

export interface PointView {
  id: string;
  name: string;
  address: string;
  hours: string;
  active: boolean;
}

export interface PartnerView {
  id: string;
  name: string;
  address: string;
  phone: string;
  active: boolean;
  points: PointView[];
}

export interface ReferralConfigView {
  thresholds: FoodAidThreshold[];
  subprogrammes: SubprogrammeView[];
  partners: PartnerView[];
  settings: ReferralSettings;
  /** The office's today (Europe/Warsaw): declarations are judged against it. */
  today: IsoDate;
}

export interface ReferralView {
  id: string;
  programme: ReferralProgramme;
  number: string;
  documentId: string;
  subprogrammeName: string | null;
  personName: string;
  householdSize: number;
  perPersonGr: number;
  thresholdGr: number;
  eligibility: string;
  partnerName: string | null;
  pointName: string | null;
  validUntil: IsoDate;
  issuedOn: IsoDate;
  issuedByName: string;
  status: ReferralStatus;
  /** Issued and not past its validity today. */
  valid: boolean;
  duplicateReason: string | null;
  cancelReason: string | null;
}

/** A case the worker may use instead of a new declaration (its latest completed wywiad). */
export interface ReferralCaseSource {
  caseId: string;
  caseNumber: string;
  familyName: string;
  conductedOn: IsoDate;
  householdSize: number;
  reasons: Art7Reason[];
}

/** One page of a register (referrals:list). */
export interface ReferralPage {
  rows: ReferralView[];
  /** All referrals that pass the filters (not only this page's). */
  total: number;
  page: number;
  pageSize: number;
}

/** One page of the cases a wywiad may be taken from (referrals:caseSources). */
export interface ReferralCaseSourcePage {
  rows: ReferralCaseSource[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ReferralMonthRow {
  /** 'YYYY-MM' */
  month: string;
  programme: ReferralProgramme;
  referrals: number;
  /** Persons in the households of the referrals (household sizes added up). */
  persons: number;
  /** Distinct households (applicants). */
  households: number;
  cancelled: number;
}

export interface ReferralFile {
  fileName: string;
  /** base64 */
  bytes: string;
  rows: number;
}
