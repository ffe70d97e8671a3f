import { useQuery } from '@tanstack/react-query';
import { call } from '../../api';

export const REQUEST_QUEUE_KEY = ['requests', 'queue'] as const;
export const CASELOADS_KEY = ['assistants', 'caseloads'] as const;

/** The kierownik's queue of requests for an assistant (also the navbar's counter). */
export function usePendingRequests(enabled: boolean) {
  return useQuery({
    queryKey: REQUEST_QUEUE_KEY,
    queryFn: () => call('requests:queue', {}),
    enabled,
    refetchInterval: enabled ? 60_000 : false,
  });
}

/** Families per assistant against the limit (art. 15 ust. 4 u.w.r.). */
export function useCaseloads(enabled = true) {
  return useQuery({ queryKey: CASELOADS_KEY, queryFn: () => call('assistants:caseloads', {}), enabled });
}
