/**
 * The interview form as the screen holds it, and its way to `interviews:save`.
 *
 * - Segment codes contain dots ('I.A'), which react-hook-form reads as paths: in the form they
 *   are keyed with an underscore ('I_A') and mapped back on saving.
 * - Amounts are typed in złote (renderer/components/NumberField.tsx) and held as integer grosze;
 *   an amount that is not a number is NaN in the form, refused with the field's own message.
 */
import { z } from 'zod';
import type { InterviewView } from '../../../shared/cases';
import { interviewSaveSchema } from '../../../shared/cases';
import { compare, isValidIsoDate, type IsoDate } from '../../../shared/domain/dates';
import { INCOME_SOURCES, incomeItemSchema, type IncomeItem } from '../../../shared/domain/income';
import type { InterviewForm as FormDefinition, SegmentAnswers } from '../../../shared/domain/interviewForm';
import { todayIso } from '../../lib/dates';
import { amountGr, amountProblem } from '../../lib/money';

export const DOCUMENT_STATUSES = ['received', 'missing', 'not_applicable'] as const;
export type DocumentStatusValue = (typeof DOCUMENT_STATUSES)[number];
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatusValue, string> = {
  received: 'Dostarczono',
  missing: 'Brak',
  not_applicable: 'Nie dotyczy',
};

const incomeRowSchema = z.object({
  personId: z.string().nullable(),
  source: z.enum(INCOME_SOURCES).nullable(),
  gross: z.number().nullable(),
  tax: z.number().nullable(),
  contributions: z.number().nullable(),
  alimonyPaid: z.number().nullable(),
  oneOff: z.boolean(),
  /** "Inne dochody": 'counted' / 'excluded', chosen by the worker (issue 15); '' until chosen. */
  otherTreatment: z.enum(['', 'counted', 'excluded']),
  otherBasis: z.string(),
});
export type IncomeRow = z.infer<typeof incomeRowSchema>;

/** The oświadczenie o stanie majątkowym in the form: `taken` false saves no statement. */
const assetValuesSchema = z.object({
  taken: z.boolean(),
  declarantId: z.string().nullable(),
  signedOn: z.string().nullable(),
  dwelling: z.string(),
  farm: z.string(),
  otherRealEstate: z.string(),
  vehicles: z.string(),
  savings: z.string(),
  other: z.string(),
});
export type AssetValues = z.infer<typeof assetValuesSchema>;
export const NO_ASSET_STATEMENT: AssetValues = { taken: false, declarantId: null, signedOn: null, dwelling: '', farm: '', otherRealEstate: '', vehicles: '', savings: '', other: '' };

/** The headings of the statement's free texts, in the printed order (electron/services/document-models.ts). */
export const ASSET_FIELDS = [
  ['dwelling', 'Mieszkanie lub dom', 'Tytuł prawny, powierzchnia, liczba izb.'],
  ['farm', 'Gospodarstwo rolne', 'Powierzchnia w hektarach fizycznych i przeliczeniowych, tytuł prawny.'],
  ['otherRealEstate', 'Inne nieruchomości', 'Działki, budynki, lokale.'],
  ['vehicles', 'Pojazdy, maszyny i inne ruchomości o znacznej wartości', 'Marka, rok produkcji.'],
  ['savings', 'Zasoby pieniężne', 'Gotówka, środki na rachunkach, lokaty, papiery wartościowe.'],
  ['other', 'Inne informacje o stanie majątkowym', ''],
] as const;

/** The shape only: also what a stored local draft must look like to be restored. */
export const interviewValuesSchema = z.object({
  conductedOn: z.string().nullable(),
  place: z.string(),
  segments: z.record(z.string(), z.record(z.string(), z.string())),
  // A status not chosen yet is null (or absent: an untouched radio group registers as undefined).
  documents: z.record(z.string(), z.record(z.string(), z.enum(DOCUMENT_STATUSES).nullish())),
  income: z.array(incomeRowSchema),
  farmHectares: z.number().nullable(),
  assets: assetValuesSchema,
});
export type InterviewValues = z.infer<typeof interviewValuesSchema>;

/** A local draft: the values and the version they were based on (a newer one on the server is a conflict). */
export const interviewDraftSchema = z.object({ baseVersion: z.number().int().min(1), values: interviewValuesSchema });
export type InterviewDraft = z.infer<typeof interviewDraftSchema>;

export const segmentKey = (code: string) => code.replace(/\./g, '_');

/** [form field, item field, label in messages, label on the field (short, so that four fit in a row)]. */
export const AMOUNT_FIELDS = [
  ['gross', 'grossGr', 'Kwota brutto', 'Kwota brutto'],
  ['tax', 'taxGr', 'Podatek dochodowy', 'Podatek dochodowy'],
  ['contributions', 'contributionsGr', 'Składki na ubezpieczenia', 'Składki na ubezpieczenia'],
  ['alimonyPaid', 'alimonyPaidGr', 'Alimenty świadczone na rzecz innych osób', 'Alimenty świadczone'],
] as const;

export function emptyIncomeRow(personId: string | null): IncomeRow {
  return { personId, source: null, gross: null, tax: null, contributions: null, alimonyPaid: null, oneOff: false, otherTreatment: '', otherBasis: '' };
}

/** The server's interview as form values (every field of the form present, so that inputs are controlled). */
export function toFormValues(interview: InterviewView, form: FormDefinition, familyHectares: number | null): InterviewValues {
  const segments: InterviewValues['segments'] = {};
  for (const segment of form.segments) {
    segments[segmentKey(segment.code)] = Object.fromEntries(
      segment.fields.map((field) => [field.key, interview.segments[segment.code]?.[field.key] ?? '']),
    );
  }
  return {
    conductedOn: interview.conductedOn,
    place: interview.place,
    segments,
    documents: interview.documents,
    income: interview.income.items.map((item) => ({
      personId: item.personId,
      source: item.source,
      gross: item.grossGr,
      tax: item.taxGr,
      contributions: item.contributionsGr,
      alimonyPaid: item.alimonyPaidGr,
      oneOff: item.oneOff ?? false,
      otherTreatment: item.otherCounted === undefined ? ('' as const) : item.otherCounted ? ('counted' as const) : ('excluded' as const),
      otherBasis: item.otherBasis ?? '',
    })),
    farmHectares: interview.income.farmHectares ?? familyHectares,
    assets: interview.assets ? { taken: true, ...interview.assets } : NO_ASSET_STATEMENT,
  };
}

/** Answers as stored: only filled fields, keyed by the real segment codes. */
export function toAnswers(values: InterviewValues, form: FormDefinition): SegmentAnswers {
  const answers: SegmentAnswers = {};
  for (const segment of form.segments) {
    const filled = Object.entries(values.segments[segmentKey(segment.code)] ?? {}).filter(([, text]) => text.trim() !== '');
    if (filled.length > 0) answers[segment.code] = Object.fromEntries(filled);
  }
  return answers;
}

/** A row as the income test reads it, or null while it is incomplete or has a wrong amount. */
export function toIncomeItem(row: IncomeRow): IncomeItem | null {
  if (!row.personId || !row.source) return null;
  // An empty amount is 0 zł; one that is not an amount (NaN) or beyond the limit leaves the row out.
  const [grossGr, taxGr, contributionsGr, alimonyPaidGr] = [row.gross, row.tax, row.contributions, row.alimonyPaid].map(amountGr);
  if (grossGr == null || taxGr == null || contributionsGr == null || alimonyPaidGr == null) return null;
  const other =
    row.source === 'other' && row.otherTreatment
      ? { otherCounted: row.otherTreatment === 'counted', ...(row.otherTreatment === 'excluded' && row.otherBasis.trim() ? { otherBasis: row.otherBasis.trim() } : {}) }
      : {};
  return { personId: row.personId, source: row.source, grossGr, taxGr, contributionsGr, alimonyPaidGr, ...(row.oneOff ? { oneOff: true } : {}), ...other };
}

export function toSaveInput(values: InterviewValues, form: FormDefinition, id: string, expectedVersion: number) {
  const documents: Record<string, Record<string, DocumentStatusValue>> = {};
  for (const [personId, statuses] of Object.entries(values.documents)) {
    const set = Object.entries(statuses).filter((entry): entry is [string, DocumentStatusValue] => entry[1] != null);
    if (set.length > 0) documents[personId] = Object.fromEntries(set);
  }
  return {
    id,
    expectedVersion,
    conductedOn: values.conductedOn,
    place: values.place,
    segments: toAnswers(values, form),
    documents,
    income: {
      items: values.income.map(toIncomeItem).filter((item): item is IncomeItem => item !== null),
      ...(values.farmHectares !== null ? { farmHectares: values.farmHectares } : {}),
    },
    assets: values.assets.taken
      ? {
          declarantId: values.assets.declarantId || null,
          signedOn: values.assets.signedOn || null,
          dwelling: values.assets.dwelling,
          farm: values.assets.farm,
          otherRealEstate: values.assets.otherRealEstate,
          vehicles: values.assets.vehicles,
          savings: values.assets.savings,
          other: values.assets.other,
        }
      : null,
  };
}

/**
 * What may be saved (also as a draft): dates, lengths, complete income rows with real amounts.
 * Mandatory segments are not required here: that is the completion's rule, not the draft's.
 */
export function interviewFormSchema(form: FormDefinition, reportedOn: IsoDate) {
  return interviewValuesSchema.superRefine((values, ctx) => {
    if (values.conductedOn && isValidIsoDate(values.conductedOn)) {
      if (compare(values.conductedOn, todayIso()) > 0) {
        ctx.addIssue({ code: 'custom', path: ['conductedOn'], message: 'Data wywiadu nie może być z przyszłości.' });
      } else if (compare(values.conductedOn, reportedOn) < 0) {
        ctx.addIssue({ code: 'custom', path: ['conductedOn'], message: 'Data wywiadu nie może być wcześniejsza niż data zgłoszenia.' });
      }
    }
    if (values.assets.taken && values.assets.signedOn && isValidIsoDate(values.assets.signedOn) && compare(values.assets.signedOn, todayIso()) > 0) {
      ctx.addIssue({ code: 'custom', path: ['assets', 'signedOn'], message: 'Data podpisania oświadczenia nie może być z przyszłości.' });
    }
    values.income.forEach((row, i) => {
      for (const [field, , label] of AMOUNT_FIELDS) {
        const problem = amountProblem(label, row[field]);
        if (problem) ctx.addIssue({ code: 'custom', path: ['income', i, field], message: problem });
      }
      if (!row.personId) ctx.addIssue({ code: 'custom', path: ['income', i, 'personId'], message: 'Wskaż osobę, której dotyczy dochód.' });
      if (!row.source) ctx.addIssue({ code: 'custom', path: ['income', i, 'source'], message: 'Wybierz źródło dochodu z listy.' });
      const item = toIncomeItem(row);
      const parsed = item ? incomeItemSchema.safeParse(item) : null;
      if (parsed && !parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = issue.path[0] === 'otherCounted' ? 'otherTreatment' : issue.path[0] === 'otherBasis' ? 'otherBasis' : null;
          ctx.addIssue({ code: 'custom', path: field ? ['income', i, field] : ['income', i], message: issue.message });
        }
      }
    });
    // The rest by the shared schema of `interviews:save` (lengths of the place and of the answers).
    const shared = interviewSaveSchema.safeParse(toSaveInput(values, form, '00000000-0000-4000-8000-000000000000', 1));
    if (!shared.success) {
      for (const issue of shared.error.issues) {
        const [first, code, key] = issue.path;
        if (first === 'place' || first === 'conductedOn') ctx.addIssue({ code: 'custom', path: [first], message: issue.message });
        if (first === 'assets' && typeof code === 'string') ctx.addIssue({ code: 'custom', path: ['assets', code], message: issue.message });
        if (first === 'segments' && typeof code === 'string' && typeof key === 'string') {
          ctx.addIssue({ code: 'custom', path: ['segments', segmentKey(code), key], message: issue.message });
        }
      }
    }
  });
}

export function parseInterviewDraft(data: string): InterviewDraft | null {
  try {
    const raw: unknown = JSON.parse(data);
    // A draft typed before the statement was in the form has none.
    const values = typeof raw === 'object' && raw !== null && 'values' in raw ? raw.values : null;
    if (typeof values === 'object' && values !== null && !('assets' in values)) Object.assign(values, { assets: NO_ASSET_STATEMENT });
    const parsed = interviewDraftSchema.safeParse(raw);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Whether two sets of values would save the same interview (a draft equal to the server's needs no notice). */
export function sameInterview(a: InterviewValues, b: InterviewValues, form: FormDefinition): boolean {
  return JSON.stringify(toSaveInput(a, form, '', 1)) === JSON.stringify(toSaveInput(b, form, '', 1));
}
