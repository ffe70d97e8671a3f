/**
 * The hook of dataVersion.ts: polls `app:dataVersion` while `enabled` (signed in, server mode).
 * `check` asks at once (the outage banner's "Spróbuj ponownie"); its answer also tells
 * lib/connection.ts whether the server answers (api.ts).
 */
import { useCallback, useEffect, useState } from 'react';
import { call } from '../api';
import { DATA_VERSION_POLL_MS, DataVersionPoller, refreshChangedData } from './dataVersion';
import { queryClient } from './queryClient';

export function useDataVersionPolling(enabled: boolean): { check: () => Promise<void> } {
  const [poller] = useState(
    () =>
      new DataVersionPoller({
        intervalMs: DATA_VERSION_POLL_MS,
        fetchVersion: async () => (await call('app:dataVersion', {})).version,
        onChange: () => void refreshChangedData(queryClient),
        isHidden: () => document.hidden,
      }),
  );
  useEffect(() => {
    if (!enabled) return;
    const onVisibility = () => poller.visibilityChanged();
    document.addEventListener('visibilitychange', onVisibility);
    poller.start();
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      poller.stop();
    };
  }, [enabled, poller]);
  return { check: useCallback(() => poller.check(), [poller]) };
}
