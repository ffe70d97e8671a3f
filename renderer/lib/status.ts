import { useQuery } from '@tanstack/react-query';
import { call } from '../api';
import { STATUS_QUERY_KEY } from './queryClient';

/** How often the app asks the main process which screen to show (it may lock an idle session). */
export const STATUS_POLL_MS = 15_000;

/** `app:status`, polled: the single source of which screen is shown. */
export function useAppStatus() {
  return useQuery({
    queryKey: STATUS_QUERY_KEY,
    queryFn: () => call('app:status', {}),
    refetchInterval: STATUS_POLL_MS,
    refetchIntervalInBackground: true,
  });
}
