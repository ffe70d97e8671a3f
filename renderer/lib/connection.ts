/**
 * Whether the office server answers (server mode, issue 18), as the renderer last saw it. Every
 * call goes through `call` (api.ts), which reports an answer SERVER_UNREACHABLE here: the server
 * is gone (the banner appears, drafts are kept on this PC). Only an answer that needed the server
 * marks it back — the data version (`app:dataVersion`), polled every few seconds and asked by the
 * banner's "Spróbuj ponownie"; a channel the main process answers from memory (the status, a
 * touch) proves nothing. The way back runs the listeners registered with `onReconnect` once
 * (drafts kept on this PC go to the server, a record waiting to be saved is sent, failed reads are
 * read again). Kept free of the bridge so that it is tested on its own; `useServerConnection` is
 * its hook.
 */
import { useSyncExternalStore } from 'react';

export interface ConnectionState {
  /** The server did not answer the latest call that needed it. */
  unreachable: boolean;
  /** The main process's Polish message about it (names the server), null while it answers. */
  message: string | null;
}

const REACHABLE: ConnectionState = { unreachable: false, message: null };

let state: ConnectionState = REACHABLE;
const watchers = new Set<() => void>();
const reconnectListeners = new Set<() => void | Promise<void>>();

function publish(next: ConnectionState): void {
  state = next;
  for (const watcher of watchers) watcher();
}

/** A call answered SERVER_UNREACHABLE with `message`. */
export function reportUnreachable(message: string): void {
  if (state.unreachable && state.message === message) return;
  publish({ unreachable: true, message });
}

/**
 * The server answered a call that needed it: if it had been gone, the reconnect listeners run,
 * each once; a failing listener does not stop the others.
 */
export function reportReachable(): void {
  if (!state.unreachable) return;
  publish(REACHABLE);
  for (const listener of [...reconnectListeners]) {
    void Promise.resolve()
      .then(listener)
      .catch((error: unknown) => console.error(error));
  }
}

export function connectionState(): ConnectionState {
  return state;
}

/** Runs `listener` each time the server answers again after it was gone; returns the unregistering. */
export function onReconnect(listener: () => void | Promise<void>): () => void {
  reconnectListeners.add(listener);
  return () => {
    reconnectListeners.delete(listener);
  };
}

function subscribe(watcher: () => void): () => void {
  watchers.add(watcher);
  return () => {
    watchers.delete(watcher);
  };
}

/** The connection's state for a component (re-renders when it changes). */
export function useServerConnection(): ConnectionState {
  return useSyncExternalStore(subscribe, connectionState, connectionState);
}
