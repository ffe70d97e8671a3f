/** The queries of court requests and opinions (issue 7). Under ['cases', …]: refreshCases() refreshes them too. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CourtRequestStatus, CourtRequestView } from '../../../shared/court';
import { call } from '../../api';

export const courtListKey = (caseId: string | null) => ['cases', 'court', caseId ?? 'all'] as const;
export const opinionKey = (requestId: string) => ['cases', 'opinion', requestId] as const;

/** One page of court requests: one case's (the case tab) or the office's ("Sądy"), filtered and paged by the main process. */
export function useCourtRequests(caseId: string | null, options: { status?: CourtRequestStatus; page?: number; pageSize?: number } = {}) {
  const input = { ...(caseId === null ? {} : { caseId }), ...options };
  return useQuery({
    queryKey: [...courtListKey(caseId), input] as const,
    queryFn: () => call('court:list', input),
    staleTime: 30_000,
    refetchOnWindowFocus: false,
    placeholderData: keepPreviousData,
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
