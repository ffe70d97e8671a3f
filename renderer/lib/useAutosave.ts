/**
 * The one autosave of the app's forms (renderer/lib/autosave.ts holds its logic): the form's
 * typing in its draft in the database, and — for a form with a record — the record saved within
 * `server.delayMs`, with conflicts held for the user to decide. The screen's loader reads the
 * stored draft first (useStoredDraft) and decides whether to restore it. While the office server
 * does not answer, drafts are kept on this PC (offlineDrafts.ts) and sent when it answers again.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DefaultValues, FieldValues, UseFormReturn } from 'react-hook-form';
import { ApiError, call } from '../api';
import { useSession } from '../features/layout/session';
import { AutosaveController, type DraftState, type ErrorKind, type SaveMode, type SaveState, type ServerSave } from './autosave';
import { onReconnect } from './connection';
import { registerDraftFlush } from './draftRegistry';
import { errorMessage, isSessionError } from './errors';
import { DraftStore, LocalDraftsFull, LocalDrafts, type DraftFailure } from './offlineDrafts';

export type { DraftState, SaveMode, SaveState } from './autosave';

export const DRAFT_SAVE_DELAY_MS = 1000;

export function draftQueryKey(key: string) {
  return ['drafts', key] as const;
}

function isUnreachable(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'SERVER_UNREACHABLE';
}

/** Refusals that will not change on a later try (the draft is dropped from this PC then). */
const REFUSED_FOR_GOOD = new Set(['VALIDATION', 'FORBIDDEN', 'NOT_FOUND']);

function draftFailure(error: unknown): DraftFailure {
  if (isUnreachable(error)) return 'unreachable';
  return error instanceof ApiError && REFUSED_FOR_GOOD.has(error.code) ? 'refused' : 'retry';
}

const remoteDrafts = {
  // Straight through the bridge, not a mutation: a keystroke's draft must not refresh the app status.
  save: async (key: string, data: string) => {
    await call('drafts:save', { key, data });
  },
  remove: async (key: string) => {
    await call('drafts:delete', { key });
  },
};

const stores = new Map<string, DraftStore>();

/** The drafts' storage of one user: the database, or this PC while the office server does not answer. */
export function draftStore(userId: string): DraftStore {
  let store = stores.get(userId);
  if (!store) {
    store = new DraftStore(remoteDrafts, new LocalDrafts(window.localStorage, userId), draftFailure);
    stores.set(userId, store);
  }
  return store;
}

/**
 * Drafts kept on this PC during an outage go to the server after sign-in and each time the server
 * answers again (called once, by the signed-in layout).
 */
export function useOfflineDraftSync(userId: string): void {
  useEffect(() => {
    const store = draftStore(userId);
    void store.sync();
    return onReconnect(() => store.sync().then(() => undefined));
  }, [userId]);
}

/**
 * The form's draft as stored, read once per opening (later saves must not re-trigger a restore):
 * the one kept on this PC during an outage first — it is newer than the server's.
 */
export function useStoredDraft(key: string) {
  const { user } = useSession();
  return useQuery({
    queryKey: draftQueryKey(key),
    queryFn: () => {
      const kept = draftStore(user.id).kept(key);
      return kept === undefined ? call('drafts:get', { key }) : Promise.resolve(kept);
    },
    // 'static': not read again when another PC's change refreshes the app's reads (lib/dataVersion.ts).
    staleTime: 'static',
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

function classify(error: unknown): ErrorKind {
  return {
    conflict: error instanceof ApiError && error.code === 'CONFLICT',
    session: isSessionError(error),
    unreachable: isUnreachable(error),
    message: error instanceof LocalDraftsFull ? error.message : errorMessage(error),
  };
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
  const [draft, setDraft] = useState<DraftState>({ status: 'none' });
  const silent = useRef(false);
  const { user } = useSession();
  const [controller] = useState(
    () =>
      new AutosaveController<TIn>({
        key,
        storage: draftStore(user.id),
        draftDelayMs,
        baseVersion,
        getValues: () => form.getValues(),
        initiallyDirty,
        server,
        classify,
        onState: setState,
        onConflict: setConflict,
        onDraft: setDraft,
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
  // The office server answers again: what waited (a draft kept on this PC, the record) is sent.
  useEffect(() => onReconnect(() => controller.reconnected()), [controller]);
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
    draft,
    saveNow: useCallback((mode: SaveMode) => controller.saveNow(mode), [controller]),
    settle,
    replaceValues,
    discard: useCallback(() => controller.discardDraft(), [controller]),
    resolveConflict: useCallback((version: number) => controller.resolveConflict(version), [controller]),
    version: () => controller.version,
    isDirty: () => controller.isDirty,
  };
}
