/** The case queries shared by the screens of the case process, and what to refresh after a change. */
import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { caseListQuerySchema } from '../../../shared/cases';
import { call } from '../../api';

export type CaseListInput = z.input<typeof caseListQuerySchema>;

/** The closure proposals waiting for the kierownik, oldest report first (one query for the queue and its counter). */
export const CLOSING_QUERY: CaseListInput = { status: 'CLOSING', sort: 'reportedOn', direction: 'asc', pageSize: 200 };

export const CASES_KEY = ['cases'] as const;

export const caseFileKey = (caseId: string) => ['cases', 'file', caseId] as const;

/** One page of the case list; filters, order and paging are the main process's (cases:list). */
export function useCaseList(query: CaseListInput, enabled = true) {
  return useQuery({
    queryKey: ['cases', 'list', query],
    queryFn: () => call('cases:list', query),
    enabled,
    // Paging keeps the current page on screen until the next one arrives (no flash of "loading").
    placeholderData: keepPreviousData,
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
