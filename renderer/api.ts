/**
 * The renderer's only way to the main process: typed from shared/ipc.ts, never copied.
 * `call` unwraps the bridge's Result and throws ApiError (with the Polish message) on failure,
 * which is what TanStack Query and the forms expect. Whether the office server answers is
 * reported to lib/connection.ts (the banner, drafts kept on this PC).
 */
import type { Bridge, Channel, ChannelInput, ChannelOutput } from '../shared/ipc';
import type { AppErrorShape, ErrorCode, Result } from '../shared/result';
import { reportReachable, reportUnreachable } from './lib/connection';

/**
 * Channels whose answer proves the office server answers (they always need it): the data version,
 * polled every few seconds, and signing in. Others may be answered from the main process's memory.
 */
const NEEDS_SERVER: ReadonlySet<string> = new Set(['app:dataVersion', 'session:login']);

declare global {
  interface Window {
    asysta: Bridge;
  }
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;

  constructor(error: AppErrorShape) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.fields = error.fields;
  }
}

export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  // A mapped type indexed by a generic key cannot be called directly; the map guarantees the pairing.
  const method = window.asysta[channel] as unknown as (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
  const result = await method(input);
  if (!result.ok) {
    // The office server is gone: the banner says so wherever the user is (lib/connection.ts).
    if (result.error.code === 'SERVER_UNREACHABLE') reportUnreachable(result.error.message);
    throw new ApiError(result.error);
  }
  if (NEEDS_SERVER.has(channel)) reportReachable();
  return result.value;
}
