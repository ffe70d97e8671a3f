/**
 * The one autosave of the app's forms (renderer/lib/autosave.ts holds its logic): the form's
 * typing in its draft in the encrypted database, and — for a form with a record on the server —
 * the record saved within `server.delayMs`, with conflicts held for the user to decide. The
 * screen's loader reads the stored draft first (useStoredDraft) and decides whether to restore it.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DefaultValues, FieldValues, UseFormReturn } from 'react-hook-form';
import { ApiError, call } from '../api';
import { AutosaveController, type SaveMode, type SaveState, type ServerSave } from './autosave';
import { registerDraftFlush } from './draftRegistry';
import { errorMessage, isSessionError } from './errors';

export type { SaveMode, SaveState } from './autosave';

export const DRAFT_SAVE_DELAY_MS = 1000;

export function draftQueryKey(key: string) {
  return ['drafts', key] as const;
}

/** The form's draft as stored, read once per opening (later saves must not re-trigger a restore). */
export function useStoredDraft(key: string) {
  return useQuery({
    queryKey: draftQueryKey(key),
    queryFn: () => call('drafts:get', { key }),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}

/** Reads a stored draft `{ baseVersion, values }`: null when absent, unreadable or typed against another version. */
export function readDraft<T>(stored: { data: string } | null | undefined, baseVersion: number): T | null {
  if (!stored) return null;
  try {
    const parsed: unknown = JSON.parse(stored.data);
    if (typeof parsed !== 'object' || parsed === null || !('values' in parsed) || !('baseVersion' in parsed)) return null;
    const draft = parsed as { baseVersion: unknown; values: T };
    return draft.baseVersion === baseVersion ? draft.values : null;
  } catch {
    return null;
  }
}

const storage = {
  // Straight through the bridge, not a mutation: a keystroke's draft must not refresh the app status.
  save: async (key: string, data: string) => {
    await call('drafts:save', { key, data });
  },
  remove: async (key: string) => {
    await call('drafts:delete', { key });
  },
};

function classify(error: unknown) {
  return { conflict: error instanceof ApiError && error.code === 'CONFLICT', session: isSessionError(error), message: errorMessage(error) };
}

export interface AutosaveSettings<TIn extends FieldValues, TOut> {
  key: string;
  form: UseFormReturn<TIn, unknown, TOut>;
  /** The record's version the form was filled from (0: no record yet). */
  baseVersion: number;
  server?: ServerSave<TIn>;
  initiallyDirty?: boolean;
  draftDelayMs?: number;
}

export function useAutosave<TIn extends FieldValues, TOut>({ key, form, baseVersion, server, initiallyDirty = false, draftDelayMs = DRAFT_SAVE_DELAY_MS }: AutosaveSettings<TIn, TOut>) {
  const [state, setState] = useState<SaveState>(initiallyDirty ? { status: 'dirty' } : { status: 'clean' });
  const [conflict, setConflict] = useState<string | null>(null);
  const [draft, setDraft] = useState<{ savedAt: Date | null; problem: string | null }>({ savedAt: null, problem: null });
  const silent = useRef(false);
  const [controller] = useState(
    () =>
      new AutosaveController<TIn>({
        key,
        storage,
        draftDelayMs,
        baseVersion,
        getValues: () => form.getValues(),
        initiallyDirty,
        server,
        classify,
        onState: setState,
        onConflict: setConflict,
        onDraft: (savedAt, problem) => setDraft({ savedAt, problem }),
      }),
  );

  // The latest save closes over the screen's current props.
  useEffect(() => controller.setServer(server));
  useEffect(() => {
    if (!server) controller.rebase(baseVersion);
  }, [baseVersion, controller, server]);

  useEffect(
    () =>
      form.subscribe({
        formState: { values: true },
        callback: ({ values }) => {
          if (!silent.current) controller.change(values as TIn);
        },
      }),
    [controller, form],
  );

  // Locking or signing out writes the waiting draft first; leaving the screen saves everything waiting.
  useEffect(() => registerDraftFlush(() => controller.flushDraft()), [controller]);
  useEffect(() => {
    controller.start();
    return () => controller.dispose();
  }, [controller]);

  /** Shows `values` without counting them as typing (after a save or a load). */
  const replaceValues = useCallback(
    (values: DefaultValues<TIn>) => {
      silent.current = true;
      try {
        form.reset(values);
      } finally {
        silent.current = false;
      }
    },
    [form],
  );

  /** After the record was saved elsewhere: the form shows what was saved, the draft is forgotten. */
  const settle = useCallback(
    async (values: DefaultValues<TIn>, version: number = controller.version) => {
      replaceValues(values);
      await controller.settle(version);
    },
    [controller, replaceValues],
  );

  return {
    state,
    conflict,
    draftSavedAt: draft.savedAt,
    draftProblem: draft.problem,
    saveNow: useCallback((mode: SaveMode) => controller.saveNow(mode), [controller]),
    settle,
    replaceValues,
    discard: useCallback(() => controller.discardDraft(), [controller]),
    resolveConflict: useCallback((version: number) => controller.resolveConflict(version), [controller]),
    version: () => controller.version,
    isDirty: () => controller.isDirty,
  };
}
