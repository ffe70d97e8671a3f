/** The queries of the document register (issue 6) and which documents a user may issue in a case. */
import { useQuery } from '@tanstack/react-query';
import type { CaseFileView } from '../../../shared/cases';
import { mayIssue, type CaseDocumentKind } from '../../../shared/documents';
import type { FamilyWorkView } from '../../../shared/family-work';
import type { SessionUser } from '../../../shared/ipc';
import { call } from '../../api';
import { polishDate } from '../../lib/dates';

/** Under ['cases', …]: refreshCases() after any change of a case refreshes the register too. */
export const documentsKey = (caseId: string) => ['cases', 'documents', caseId] as const;

export function useCaseDocuments(caseId: string) {
  return useQuery({
    queryKey: documentsKey(caseId),
    queryFn: () => call('documents:list', { caseId }),
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
}

/** A document the user may issue now: a kind and the record it prints. */
export interface IssuableDocument {
  kind: CaseDocumentKind;
  subjectId: string;
  /** "Wniosek z 02.03.2026", "Plan pracy, wersja 2 (podpisany)". */
  label: string;
}

/**
 * What can be printed from this case's records, for this user: the wniosek once filed, the
 * pismo o przydziale once the kierownik decided, each kontrakt, each plan version, each assessment.
 */
export function issuableDocuments(user: SessionUser, file: CaseFileView, work: FamilyWorkView | undefined): IssuableDocument[] {
  const items: IssuableDocument[] = [];
  for (const request of file.requests) {
    items.push({ kind: 'assistant-request', subjectId: request.id, label: `Wniosek o przydzielenie asystenta rodziny z ${polishDate(request.filedOn)}` });
    if (request.status === 'assigned' || request.status === 'referred') {
      const what = request.status === 'assigned' ? 'Pismo o przydzieleniu asystenta rodziny' : 'Pismo o skierowaniu wniosku';
      items.push({ kind: 'assistant-assignment', subjectId: request.id, label: `${what} (decyzja z ${polishDate(request.decidedOn)})` });
    }
  }
  for (const contract of work?.contracts ?? []) {
    items.push({ kind: 'social-contract', subjectId: contract.id, label: `Kontrakt socjalny na okres ${polishDate(contract.periodFrom)} – ${polishDate(contract.periodTo)}` });
  }
  for (const plan of work?.plans ?? []) {
    const state = plan.signedOn ? `podpisany ${polishDate(plan.signedOn)}` : 'projekt do podpisu';
    items.push({ kind: 'family-work-plan', subjectId: plan.id, label: `Plan pracy z rodziną, wersja ${plan.number} (${state})` });
  }
  for (const assessment of work?.assessments ?? []) {
    items.push({ kind: 'periodic-assessment', subjectId: assessment.id, label: `Okresowa ocena sytuacji rodziny z ${polishDate(assessment.assessedOn)}` });
  }
  return items.filter((item) => mayIssue(user.roles, item.kind) && (file.access === 'full' || item.kind !== 'social-contract'));
}
