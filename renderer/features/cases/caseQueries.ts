/** The case queries shared by the screens of the case process, and what to refresh after a change. */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { CaseStatus } from '../../../shared/domain/caseFlow';
import { call } from '../../api';

export const CASES_KEY = ['cases'] as const;

export const caseFileKey = (caseId: string) => ['cases', 'file', caseId] as const;

export function useCaseList(status: CaseStatus | null, enabled = true) {
  return useQuery({
    queryKey: ['cases', 'list', status ?? 'all'],
    queryFn: () => call('cases:list', status ? { status } : {}),
    enabled,
  });
}

export function useCaseFile(caseId: string) {
  return useQuery({
    queryKey: caseFileKey(caseId),
    queryFn: () => call('cases:get', { id: caseId }),
    // Every opening of a file is recorded in the audit trail: do not re-read it on each focus.
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
}

/** After any change of a case: its file, the lists, the queue of requests and the counters. */
export async function refreshCases(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: CASES_KEY }),
    queryClient.invalidateQueries({ queryKey: ['requests'] }),
    queryClient.invalidateQueries({ queryKey: ['assistants'] }),
  ]);
}
