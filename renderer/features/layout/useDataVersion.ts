/**
 * Server mode (issue 18): the data's version (`app:dataVersion`, the audit chain's head) is asked
 * every few seconds; when another PC has written, every read on screen is read again, so a
 * decision made on another PC shows within seconds. The same poll is the heartbeat of the
 * connection: its answer tells lib/connection.ts the server answers again (api.ts).
 *
 * Not read again: the status (its own poll), the forms' stored drafts, and what a screen reads
 * once on purpose (`staleTime: Infinity`: an editor's record, reloaded only when the user asks,
 * e.g. after a conflict) — nothing typed is replaced behind the user's back.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { call } from '../../api';
import { STATUS_QUERY_KEY } from '../../lib/queryClient';

export const DATA_VERSION_POLL_MS = 3000;
export const DATA_VERSION_KEY = ['app', 'dataVersion'] as const;

export function useDataVersionRefresh(enabled: boolean) {
  const queryClient = useQueryClient();
  const version = useQuery({
    queryKey: DATA_VERSION_KEY,
    queryFn: () => call('app:dataVersion', {}),
    enabled,
    refetchInterval: DATA_VERSION_POLL_MS,
    refetchIntervalInBackground: true,
  });
  const seen = useRef<string | null>(null);
  const current = version.data?.version;

  useEffect(() => {
    if (current === undefined) return;
    const previous = seen.current;
    seen.current = current;
    if (previous === null || previous === current) return;
    void queryClient.invalidateQueries({
      predicate: (query) => {
        const [first] = query.queryKey;
        if (first === STATUS_QUERY_KEY[0] || first === 'drafts') return false;
        return !query.observers.some((observer) => observer.options.staleTime === Infinity);
      },
    });
  }, [current, queryClient]);

  return version;
}
