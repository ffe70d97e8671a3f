import { useMutation } from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc';
import type { ApiError } from '../api';
import { call } from '../api';

/** A TanStack mutation for one channel (status is refreshed after it by the QueryClient). */
export function useChannelMutation<C extends Channel>(channel: C) {
  return useMutation<ChannelOutput<C>, ApiError | Error, ChannelInput<C>>({
    mutationKey: [channel],
    mutationFn: (input) => call(channel, input),
  });
}
