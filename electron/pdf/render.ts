/**
 * The one entry point of pdf/: renderDocument(kind, model, { fontDir }) → PDF bytes.
 * Runs under plain Node (no `electron` import): in the main process, in the PDF worker
 * (./worker.ts) and in tests. Same model → same bytes (all PDF metadata comes from the model).
 */
import type { ReactElement } from 'react';
import { renderToBuffer } from '@react-pdf/renderer';
import { PDFDocument } from 'pdf-lib';
import type { DocumentProps } from '@react-pdf/renderer';
import { loadFonts, registerFonts } from './fonts';
import { isIsoDate } from './format';
import { stampPageNumbers } from './page-numbers';
import { makePdfA, savePdf } from './pdfa';
import { ISO_DATE_FIELDS } from './models';
import type { DocumentKind, DocumentModels } from './models';
import * as assistantAssignment from './documents/AssistantAssignment';
import * as assistantRequest from './documents/AssistantRequest';
import * as courtOpinion from './documents/CourtOpinion';
import * as caseFilePart from './documents/CaseFilePart';
import * as familyWorkPlan from './documents/FamilyWorkPlan';
import * as periodicAssessment from './documents/PeriodicAssessment';
import * as referral from './documents/Referral';
import * as socialContract from './documents/SocialContract';
import * as staffChangeLetter from './documents/StaffChangeLetter';
import * as interviewRecord from './documents/InterviewRecord';
import * as assetStatement from './documents/AssetStatement';

export type { DocumentKind, DocumentModels, DocumentRequest } from './models';

interface DocumentDefinition<Model> {
  templateVersion: string;
  /** A function component without hooks: called directly to build the <Document> tree. */
  component: (props: { model: Model }) => ReactElement<DocumentProps>;
  /** Problems that make the model unprintable, in Polish; none → []. */
  validate?: (model: Model) => string[];
  /**
   * Labels of identical copies printed one after the other (the document leaves a copy-label
   * slot in its header): the pages are laid out once and repeated, each copy numbered from 1.
   */
  copies?: readonly string[];
}

const DOCUMENTS: { [K in DocumentKind]: DocumentDefinition<DocumentModels[K]> } = {
  'social-contract': {
    templateVersion: socialContract.templateVersion,
    component: socialContract.SocialContractDocument,
    validate: socialContract.validate,
    copies: socialContract.COPY_LABELS,
  },
  'assistant-request': {
    templateVersion: assistantRequest.templateVersion,
    component: assistantRequest.AssistantRequestDocument,
  },
  'assistant-assignment': {
    templateVersion: assistantAssignment.templateVersion,
    component: assistantAssignment.AssistantAssignmentDocument,
  },
  'family-work-plan': {
    templateVersion: familyWorkPlan.templateVersion,
    component: familyWorkPlan.FamilyWorkPlanDocument,
    validate: familyWorkPlan.validate,
  },
  'periodic-assessment': {
    templateVersion: periodicAssessment.templateVersion,
    component: periodicAssessment.PeriodicAssessmentDocument,
    validate: periodicAssessment.validate,
  },
  'court-opinion': {
    templateVersion: courtOpinion.templateVersion,
    component: courtOpinion.CourtOpinionDocument,
  },
  'case-file-part': {
    templateVersion: caseFilePart.templateVersion,
    component: caseFilePart.CaseFilePartDocument,
  },
  referral: {
    templateVersion: referral.templateVersion,
    component: referral.ReferralDocument,
    validate: referral.validate,
  },
  'staff-change-letter': {
    templateVersion: staffChangeLetter.templateVersion,
    component: staffChangeLetter.StaffChangeLetterDocument,
  },
  'interview-record': {
    templateVersion: interviewRecord.templateVersion,
    component: interviewRecord.InterviewRecordDocument,
  },
  'asset-statement': {
    templateVersion: assetStatement.templateVersion,
    component: assetStatement.AssetStatementDocument,
  },
};

export interface RenderOptions {
  /** Absolute path of the folder holding the DejaVu TTF files (electron/pdf/fonts in the source). */
  fontDir: string;
}

/** The model cannot be printed; `problems` are Polish sentences for the user. */
export class PdfModelError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Nie można wydrukować dokumentu: ${problems.join(' ')}`);
    this.name = 'PdfModelError';
    this.problems = problems;
  }
}

/** Polish problems for every date field (see ISO_DATE_FIELDS) that is not null nor a real date. */
function dateProblems(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => dateProblems(item, `${path}[${index}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, field]) => {
    const here = path === '' ? key : `${path}.${key}`;
    if (ISO_DATE_FIELDS.has(key) && field !== null && !isIsoDate(field)) {
      return [`Nieprawidłowa data w polu ${here}: "${String(field)}" (oczekiwano RRRR-MM-DD).`];
    }
    return dateProblems(field, here);
  });
}

/** The template version recorded with each printed document (Dokument.templateVersion). */
export function templateVersionOf(kind: DocumentKind): string {
  return DOCUMENTS[kind].templateVersion;
}

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && Object.hasOwn(DOCUMENTS, value);
}

/** Renders one document to PDF bytes (a Uint8Array owning its ArrayBuffer, so it can be transferred). */
export async function renderDocument<K extends DocumentKind>(
  kind: K,
  model: DocumentModels[K],
  options: RenderOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  const definition: DocumentDefinition<DocumentModels[K]> = DOCUMENTS[kind];
  if (definition === undefined) throw new Error(`Nieznany rodzaj dokumentu: ${String(kind)}`);
  const problems = dateProblems(model);
  if (problems.length === 0) problems.push(...(definition.validate?.(model) ?? []));
  if (problems.length > 0) throw new PdfModelError(problems);

  registerFonts(options.fontDir);
  await loadFonts();
  const buffer = await renderToBuffer(definition.component({ model }));
  // "Strona N z M" (page-numbers.ts), then PDF/A-2b (pdfa.ts: output intent, XMP, an ID from
  // the model — react-pdf's own bytes carry per-render ids in the page marks); the result owns
  // its ArrayBuffer (a Node Buffer may be a view into a shared pool).
  const pdf = await PDFDocument.load(buffer, { updateMetadata: false });
  await stampPageNumbers(pdf, options.fontDir, definition.copies);
  makePdfA(pdf, { resourceDir: options.fontDir, idSeed: new TextEncoder().encode(JSON.stringify([kind, definition.templateVersion, model])) });
  return savePdf(pdf);
}

/** renderDocument for a { kind, model } pair (e.g. a DocumentRequest received by the worker). */
export function renderRequest<K extends DocumentKind>(
  request: { kind: K; model: DocumentModels[K] },
  options: RenderOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  return renderDocument(request.kind, request.model, options);
}
