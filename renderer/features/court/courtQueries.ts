/** The queries of court requests and opinions (issue 7). Under ['cases', …]: refreshCases() refreshes them too. */
import { useQuery } from '@tanstack/react-query';
import type { CourtRequestView } from '../../../shared/court';
import { call } from '../../api';

export const courtListKey = (caseId: string | null) => ['cases', 'court', caseId ?? 'all'] as const;
export const opinionKey = (requestId: string) => ['cases', 'opinion', requestId] as const;

export function useCourtRequests(caseId: string | null) {
  return useQuery({
    queryKey: courtListKey(caseId),
    queryFn: () => call('court:list', caseId === null ? {} : { caseId }),
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });
}

export function useOpinionPage(requestId: string) {
  return useQuery({
    queryKey: opinionKey(requestId),
    queryFn: () => call('opinions:get', { requestId }),
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}

/** The request asks for the opinion (alone or with the files). */
export function asksOpinion(request: CourtRequestView): boolean {
  return request.asks !== 'case_file';
}

/** The request asks for the case file (alone or with the opinion). */
export function asksFiles(request: CourtRequestView): boolean {
  return request.asks !== 'opinion';
}
