/**
 * The document register on the wire (issue 6): which printed documents a case has, who may
 * issue which kind, and the channel inputs. A document is issued once per version: reprinting
 * returns the stored bytes, a change of the data makes a new version, never a silent rewrite.
 */
import { z } from 'zod';
import type { IsoDate } from './domain/dates';
import type { Role } from './domain/roles';

/** The printed documents a case can have (electron/pdf/models.ts DocumentKind, minus the recovery-code sheet). */
export const CASE_DOCUMENT_KINDS = [
  'assistant-request',
  'assistant-assignment',
  'social-contract',
  'family-work-plan',
  'periodic-assessment',
  'court-opinion',
  'staff-change-letter',
  'interview-record',
  'asset-statement',
] as const;
export type CaseDocumentKind = (typeof CASE_DOCUMENT_KINDS)[number];

/** Documents issued to a person without a case (issue 19: food-aid and social-shop referrals). */
export const OFFICE_DOCUMENT_KINDS = ['referral'] as const;
export type OfficeDocumentKind = (typeof OFFICE_DOCUMENT_KINDS)[number];
export type RegisterDocumentKind = CaseDocumentKind | OfficeDocumentKind;

export const DOCUMENT_KIND_LABELS: Record<CaseDocumentKind, string> = {
  'assistant-request': 'Wniosek o przydzielenie asystenta rodziny',
  'assistant-assignment': 'Pismo o przydzieleniu asystenta rodziny',
  'social-contract': 'Kontrakt socjalny',
  'family-work-plan': 'Plan pracy z rodziną',
  'periodic-assessment': 'Okresowa ocena sytuacji rodziny',
  'court-opinion': 'Opinia o rodzinie dla sądu',
  'staff-change-letter': 'Pismo do rodziny o zmianie asystenta lub pracownika socjalnego',
  'interview-record': 'Rodzinny wywiad środowiskowy',
  'asset-statement': 'Oświadczenie o stanie majątkowym',
};

export const OFFICE_DOCUMENT_KIND_LABELS: Record<OfficeDocumentKind, string> = {
  referral: 'Skierowanie (pomoc żywnościowa, sklep socjalny)',
};

/**
 * Who issues which document (each also needs access to the case, shared/domain/roles.ts caseAccess):
 * the pracownik socjalny her wniosek (art. 11 ust. 3 u.w.r.) and kontrakt (art. 108 u.p.s.); the asystent
 * rodziny the plan, the assessments (art. 15 ust. 1 pkt 1, 15) and the court's opinion (pkt 17);
 * the kierownik the assignment letter and, as head of the office, any of them.
 */
export const DOCUMENT_ISSUERS: Record<CaseDocumentKind, readonly Role[]> = {
  'assistant-request': ['social_worker', 'head'],
  'assistant-assignment': ['head'],
  'social-contract': ['social_worker', 'head'],
  'family-work-plan': ['family_assistant', 'head'],
  'periodic-assessment': ['family_assistant', 'head'],
  'court-opinion': ['family_assistant', 'head'],
  // The kierownik decides the change and signs the letter.
  'staff-change-letter': ['head'],
  // The social worker conducts the wywiad (art. 107 u.p.s.) and takes the statement with it.
  'interview-record': ['social_worker', 'head'],
  'asset-statement': ['social_worker', 'head'],
};

export function mayIssue(roles: readonly Role[], kind: CaseDocumentKind): boolean {
  return roles.some((role) => DOCUMENT_ISSUERS[kind].includes(role));
}

/**
 * Kinds an assistant (art. 16 u.w.r. scope) does not see in the register: the kontrakt socjalny is the
 * social worker's agreement with the client, not part of the assistant's work.
 */
export const HIDDEN_FROM_ASSISTANT: readonly CaseDocumentKind[] = ['social-contract', 'interview-record', 'asset-statement'];

const id = z.uuid({ error: 'Nieprawidłowy identyfikator.' });

export const documentIssueSchema = z.object({
  caseId: id,
  kind: z.enum(CASE_DOCUMENT_KINDS, { error: 'Nieznany rodzaj dokumentu.' }),
  /**
   * The record printed: request (wniosek, pismo o przydziale), contract, plan version, assessment, court
   * request; the new period of a staff change (the family letter); the wywiad (the wywiad, the oświadczenie).
   */
  subjectId: id,
});

export const documentRefSchema = z.object({ documentId: id });

/** One version of an issued document (never its bytes). */
export interface DocumentEntryView {
  id: string;
  /** null: an office document without a case (a referral). */
  caseId: string | null;
  kind: RegisterDocumentKind;
  kindLabel: string;
  subjectId: string;
  /** The office number printed on it, e.g. "12/2026" (a later version: "12/2026 (wersja 2)"). */
  number: string;
  version: number;
  templateVersion: string;
  sha256: string;
  size: number;
  pages: number;
  issuedByName: string;
  issuedAt: string;
  /** The date printed on the document. */
  issuedOn: IsoDate;
  /** False when a later version of the same document exists. */
  latest: boolean;
}

/** The answer of documents:issue: the register entry, and whether it was issued now or reprinted. */
export interface DocumentIssueResult {
  document: DocumentEntryView;
  /** True: nothing changed since the last version, the stored bytes were returned (a reprint). */
  reprint: boolean;
}

/** The stored bytes, for an in-app download. */
export interface DocumentFile {
  fileName: string;
  /** The PDF, base64. */
  bytes: string;
}
