/**
 * Court requests on the wire (issue 7): a family court asks the OPS for an opinia o rodzinie
 * (art. 15 ust. 1 pkt 17 u.w.r.), for the case file, or both, by a deadline. The opinion is drafted
 * by the assistant, approved by the kierownik and issued as a numbered PDF; the case file is
 * exported as one paginated PDF bundle plus a ZIP with a SHA-256 manifest.
 */
import { z } from 'zod';
import { isoDateSchema, type IsoDate } from './domain/dates';
import { pageSchema, pageSizeSchema } from './paging';
import { absolutePathSchema, idSchema, optionalText, sequenceSchema, text } from './schemas';

export const COURT_ASKS = ['opinion', 'case_file', 'both'] as const;
export type CourtAsks = (typeof COURT_ASKS)[number];
export const COURT_ASKS_LABELS: Record<CourtAsks, string> = {
  opinion: 'opinia o rodzinie',
  case_file: 'akta sprawy',
  both: 'opinia i akta sprawy',
};

export const COURT_REQUEST_STATUSES = ['open', 'answered'] as const;
export type CourtRequestStatus = (typeof COURT_REQUEST_STATUSES)[number];
export const COURT_REQUEST_STATUS_LABELS: Record<CourtRequestStatus, string> = { open: 'Do odpowiedzi', answered: 'Odpowiedziano' };

export const OPINION_STATUSES = ['draft', 'submitted', 'approved', 'issued'] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];
export const OPINION_STATUS_LABELS: Record<OpinionStatus, string> = {
  draft: 'Projekt',
  submitted: 'Do zatwierdzenia',
  approved: 'Zatwierdzona',
  issued: 'Wydana',
};

/** The sections of the opinion (docs/domain.md#the-court-opinion), in print order, with the headings of the PDF. */
export const OPINION_SECTION_KEYS = [
  'compositionAndHistory',
  'sources',
  'housing',
  'finances',
  'relations',
  'childcareSchoolHealth',
  'cooperationAndPlan',
  'strengthsAndRisks',
  'conclusions',
] as const;
export type OpinionSectionKey = (typeof OPINION_SECTION_KEYS)[number];
export const OPINION_SECTION_LABELS: Record<OpinionSectionKey, string> = {
  compositionAndHistory: 'Skład i historia rodziny',
  sources: 'Źródła informacji (wizyty, instytucje, dokumenty)',
  housing: 'Sytuacja mieszkaniowa',
  finances: 'Sytuacja finansowa',
  relations: 'Relacje w rodzinie',
  childcareSchoolHealth: 'Opieka nad dziećmi, szkoła i zdrowie',
  cooperationAndPlan: 'Współpraca z instytucjami i realizacja planu pracy z rodziną',
  strengthsAndRisks: 'Mocne strony rodziny i zagrożenia',
  conclusions: 'Wnioski',
};
export type OpinionSections = Record<OpinionSectionKey, string>;

/** The parts of the case file a court may ask for, in the order of the bundle. */
export const EXPORT_PARTS = ['documents', 'interviews', 'plans', 'assessments', 'chronology', 'notes'] as const;
export type ExportPart = (typeof EXPORT_PARTS)[number];
export const EXPORT_PART_LABELS: Record<ExportPart, string> = {
  documents: 'Dokumenty wydane',
  interviews: 'Wywiady środowiskowe',
  plans: 'Plany pracy z rodziną',
  assessments: 'Okresowe oceny sytuacji rodziny',
  chronology: 'Chronologia sprawy',
  notes: 'Notatki',
};

// ---- inputs ------------------------------------------------------------------------------

const caseReferenceSchema = z
  .string({ error: 'Sygnatura akt: pole jest wymagane.' })
  .trim()
  .min(3, { error: 'Sygnatura akt: pole jest wymagane (np. III Nsm 123/25).' })
  .max(60, { error: 'Sygnatura akt: najwyżej 60 znaków.' })
  .refine((value) => /[0-9]/.test(value) && ![...value].some((c) => c.charCodeAt(0) < 0x20), { error: 'Sygnatura akt: nieprawidłowa sygnatura (np. III Nsm 123/25).' });

export const courtRequestSchema = z.object({
  caseId: idSchema,
  court: text('Sąd', 200),
  division: text('Wydział', 200),
  caseReference: caseReferenceSchema,
  receivedOn: isoDateSchema,
  /** The date on the court's letter (receivedOn: the day it arrived); printed on the opinion. */
  letterOn: z
    .union([isoDateSchema, z.literal('')])
    .nullable()
    .optional()
    .transform((value) => (value ? value : null)),
  courtAddress: optionalText('Adres sądu', 300).default(''),
  asks: z.enum(COURT_ASKS, { error: 'Wybierz, o co prosi sąd.' }),
  deadline: isoDateSchema,
  notes: optionalText('Uwagi', 4000).default(''),
});

/** The orders of the court list: open letters first by deadline, or by the day they came in. */
export const COURT_LIST_SORTS = ['deadline', 'receivedOn'] as const;
export type CourtListSort = (typeof COURT_LIST_SORTS)[number];
export const COURT_LIST_PAGE_SIZE_DEFAULT = 50;

/** One page of court requests (issue 17): filtered, ordered and paged by the main process. */
export const courtListSchema = z.object({
  /** One case's requests; without it, the requests of every case the user may open. */
  caseId: idSchema.optional(),
  status: z.enum(COURT_REQUEST_STATUSES, { error: 'Stan pisma sądu: do odpowiedzi albo odpowiedziano.' }).optional(),
  sort: z.enum(COURT_LIST_SORTS, { error: 'Pisma sądów można sortować tylko po terminie odpowiedzi lub dacie wpływu.' }).default('deadline'),
  direction: z.enum(['asc', 'desc'], { error: 'Kierunek sortowania: rosnąco albo malejąco.' }).default('asc'),
  page: pageSchema.default(1),
  pageSize: pageSizeSchema('pism', COURT_LIST_PAGE_SIZE_DEFAULT),
});
export type CourtListQuery = z.output<typeof courtListSchema>;

export const courtAnswerSchema = z.object({ requestId: idSchema, sentOn: isoDateSchema });

const sectionText = (key: OpinionSectionKey) => optionalText(OPINION_SECTION_LABELS[key], 20_000).default('');
export const opinionSectionsSchema = z.object(
  Object.fromEntries(OPINION_SECTION_KEYS.map((key) => [key, sectionText(key)])) as Record<OpinionSectionKey, ReturnType<typeof sectionText>>,
);

export const opinionSaveSchema = z.object({
  requestId: idSchema,
  /** 0 for the first save (the opinion does not exist yet); else the version last read. */
  expectedVersion: sequenceSchema(0),
  sections: opinionSectionsSchema,
});

export const opinionReturnSchema = z.object({ requestId: idSchema, reason: text('Powód zwrotu', 4000) });
export const opinionRequestSchema = z.object({ requestId: idSchema });

export const courtExportSchema = z
  .object({
    /** The request the export answers (the app always sends it). */
    requestId: idSchema.optional(),
    /** The case (the CLI may export a case without naming a request). */
    caseId: idSchema.optional(),
    parts: z
      .array(z.enum(EXPORT_PARTS, { error: 'Nieznana część akt.' }))
      .min(1, { error: 'Wybierz co najmniej jedną część akt.' })
      .max(EXPORT_PARTS.length)
      .transform((parts) => EXPORT_PARTS.filter((p) => parts.includes(p))),
    folder: absolutePathSchema('Folder'),
  })
  .refine((v) => v.requestId !== undefined || v.caseId !== undefined, { error: 'Wskaż pismo sądu albo sprawę.' });

/** The progress of the export running for a request (polled by the window while court:export is pending). */
export const courtExportProgressSchema = z.object({ requestId: idSchema });

// ---- views -------------------------------------------------------------------------------

export interface CourtRequestView {
  id: string;
  caseId: string;
  caseNumber: string;
  familyName: string;
  court: string;
  division: string;
  caseReference: string;
  receivedOn: IsoDate;
  asks: CourtAsks;
  deadline: IsoDate;
  status: CourtRequestStatus;
  answeredOn: IsoDate | null;
  notes: string;
  opinionStatus: OpinionStatus | null;
  createdByName: string;
}

export interface CourtRequestPage {
  rows: CourtRequestView[];
  /** All requests that pass the filters (not only this page's). */
  total: number;
  page: number;
  pageSize: number;
}

export interface OpinionView {
  id: string;
  requestId: string;
  status: OpinionStatus;
  sections: OpinionSections;
  authorName: string;
  submittedOn: IsoDate | null;
  approvedByName: string | null;
  approvedOn: IsoDate | null;
  returnedReason: string | null;
  documentNumber: string | null;
  /** The register's document, once issued (documents:open shows it). */
  documentId: string | null;
  issuedOn: IsoDate | null;
  sha256: string | null;
  version: number;
}

export interface OpinionPage {
  request: CourtRequestView;
  /** null: no draft yet; `prefill` is what a new draft starts from. */
  opinion: OpinionView | null;
  prefill: OpinionSections;
  /** What this user may do now. */
  canEdit: boolean;
  canApprove: boolean;
  canIssue: boolean;
}

export interface IssuedOpinion {
  /** The register's document (documents:open / documents:print show it). */
  documentId: string;
  documentNumber: string;
  sha256: string;
  fileName: string;
}

export interface ExportedFile {
  name: string;
  sha256: string;
  bytes: number;
}

/** Where a running export stands: step `step` of `total` (1-based), `done` steps finished, in Polish for the user. */
export interface ExportProgressView {
  step: number;
  done: number;
  total: number;
  /** "Przygotowuję: Chronologia sprawy". */
  label: string;
}

export interface ExportResult {
  folder: string;
  /** The PDF bundle (cover, contents, the parts, paginated throughout). */
  bundle: ExportedFile & { pages: number };
  zip: ExportedFile;
  /** The files inside the ZIP (separate PDFs, manifest.json, SUMY-SHA256.txt). */
  files: ExportedFile[];
  /** Each part's first page in the bundle. */
  contents: { title: string; page: number }[];
  ms: number;
}

