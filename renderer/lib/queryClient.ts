/**
 * One QueryClient for the app. Two global rules live here so that no screen can forget them:
 * - every settled mutation refreshes `app:status` (a mutation may log in, lock or change the office);
 * - a LOCKED / UNAUTHENTICATED answer from any call refreshes it too, so the lock or login
 *   screen appears at once instead of an error inside a screen.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isSessionError } from './errors';

export const STATUS_QUERY_KEY = ['app', 'status'] as const;

function refreshStatus(): void {
  void queryClient.invalidateQueries({ queryKey: STATUS_QUERY_KEY });
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error) => {
      if (isSessionError(error)) refreshStatus();
    },
  }),
  mutationCache: new MutationCache({
    onSettled: () => refreshStatus(),
  }),
  defaultOptions: {
    queries: {
      // The answers come from a local process: a refusal will not change on retry.
      retry: false,
      refetchOnWindowFocus: true,
    },
    mutations: { retry: false },
  },
});

/**
 * Drops every cached answer except the status: called when the session ends or locks,
 * so nothing read for the previous session stays in memory.
 */
export function forgetSessionData(): void {
  void queryClient.cancelQueries({ predicate: (query) => query.queryKey[0] !== STATUS_QUERY_KEY[0] });
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== STATUS_QUERY_KEY[0] });
}
