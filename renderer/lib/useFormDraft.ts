/**
 * A form's draft kept in the encrypted database (`drafts:*`, per user), so that a lock, a crash
 * or a closed window never loses what was typed. Saved ~1 s after the last change and when the
 * screen closes; the screen restores it on opening and discards it once the real record is saved.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../api';
import { registerDraftFlush } from './draftRegistry';
import { errorMessage, isSessionError } from './errors';

export const DRAFT_SAVE_DELAY_MS = 1000;

export function draftQueryKey(key: string) {
  return ['drafts', key] as const;
}

export function useFormDraft(key: string, delayMs: number = DRAFT_SAVE_DELAY_MS) {
  // Read once per opening: the screen decides what to do with it, later saves must not re-trigger that.
  const stored = useQuery({
    queryKey: draftQueryKey(key),
    queryFn: () => call('drafts:get', { key }),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
  const timer = useRef<number | null>(null);
  const pending = useRef<string | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const flush = useCallback(async () => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    const data = pending.current;
    if (data === null) return;
    pending.current = null;
    try {
      // Straight through the bridge, not a mutation: a keystroke's draft must not refresh the app status.
      await call('drafts:save', { key, data });
      setSavedAt(new Date());
      setProblem(null);
    } catch (error) {
      // Locked or signed out: the lock screen says why; the form is restored from the last saved draft.
      if (!isSessionError(error)) setProblem(errorMessage(error));
    }
  }, [key]);

  const schedule = useCallback(
    (data: string) => {
      pending.current = data;
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), delayMs);
    },
    [flush, delayMs],
  );

  /** Forgets the draft (after the record itself was saved, or when the user discards it). */
  const discard = useCallback(async () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    try {
      await call('drafts:delete', { key });
    } catch (error) {
      if (!isSessionError(error)) setProblem(errorMessage(error));
    }
    setSavedAt(null);
  }, [key]);

  // Leaving the screen saves what is still waiting; so does locking or signing out (draftRegistry).
  useEffect(() => {
    const unregister = registerDraftFlush(flush);
    return () => {
      unregister();
      void flush();
    };
  }, [flush]);

  return { stored, schedule, flush, discard, savedAt, problem };
}
