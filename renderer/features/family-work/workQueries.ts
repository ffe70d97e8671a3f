/** The queries of working with the family (issue 5) and who may do what, as the renderer decides which buttons to show. */
import { useQuery } from '@tanstack/react-query';
import type { CaseFileView } from '../../../shared/cases';
import type { CaseStatus } from '../../../shared/domain/caseFlow';
import { can } from '../../../shared/domain/roles';
import type { SessionUser } from '../../../shared/ipc';
import { call } from '../../api';

/** Under ['cases', …]: refreshCases() after any change of a case refreshes these too. */
export const workKey = (caseId: string) => ['cases', 'work', caseId] as const;
export const planKey = (planId: string) => ['cases', 'plan', planId] as const;

export function useFamilyWork(caseId: string, enabled = true) {
  return useQuery({
    queryKey: workKey(caseId),
    enabled,
    queryFn: () => call('work:get', { caseId }),
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
}

export function usePlan(planId: string) {
  return useQuery({
    queryKey: planKey(planId),
    queryFn: () => call('plans:get', { id: planId }),
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
}

/** The states in which the assistant works with the family (after the assignment, until the case is closed). */
export const WORK_STATUSES: readonly CaseStatus[] = ['ASSISTANT_ASSIGNED', 'PLAN', 'IN_PROGRESS', 'CLOSING', 'MONITORING'];

export function isWorkStatus(status: CaseStatus): boolean {
  return WORK_STATUSES.includes(status);
}

/** The assistant assigned to this family now: she writes the plan, the assessments and proposes the end (art. 15 u.w.r.). */
export function isCaseAssistant(user: SessionUser, file: CaseFileView): boolean {
  return can(user.roles, 'familyWork.write') && file.assistant?.id === user.id;
}

/** Visits are recorded by the family's assistant and by the social worker leading the case. */
export function mayRecordVisits(user: SessionUser, file: CaseFileView): boolean {
  return isWorkStatus(file.status) && (isCaseAssistant(user, file) || file.worker.id === user.id);
}

/** The kontrakt socjalny is the social worker's (art. 108 u.p.s.); the kierownik may too. */
export function mayManageContracts(user: SessionUser, file: CaseFileView): boolean {
  return file.access === 'full' && can(user.roles, 'contracts.manage');
}

/**
 * Which tabs of working with the family a case file shows: the kontrakt to those who may see it
 * (not the assistant, art. 16 u.w.r.), the plan, visits and assessments once an assistant works
 * with the family (or did). Other tabs are always shown.
 */
export function visibleWorkTab(tab: string, file: CaseFileView): boolean {
  switch (tab) {
    case 'contract':
      return file.access === 'full';
    case 'plan':
    case 'visits':
    case 'assessments':
      return isWorkStatus(file.status) || file.status === 'CLOSED' || file.assistant !== null;
    default:
      return true;
  }
}
