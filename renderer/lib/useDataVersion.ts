/** The hook of dataVersion.ts: polls `app:dataVersion` while `enabled` (signed in, server mode). */
import { useEffect } from 'react';
import { call } from '../api';
import { DATA_VERSION_POLL_MS, DataVersionPoller, refreshChangedData } from './dataVersion';
import { queryClient } from './queryClient';

export function useDataVersionPolling(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const poller = new DataVersionPoller({
      intervalMs: DATA_VERSION_POLL_MS,
      fetchVersion: async () => (await call('app:dataVersion', {})).version,
      onChange: () => void refreshChangedData(queryClient),
      isHidden: () => document.hidden,
    });
    const onVisibility = () => poller.visibilityChanged();
    document.addEventListener('visibilitychange', onVisibility);
    poller.start();
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      poller.stop();
    };
  }, [enabled]);
}
