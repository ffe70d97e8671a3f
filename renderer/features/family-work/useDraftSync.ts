/**
 * Keeps a form's typing in its draft (renderer/lib/useFormDraft.ts), as the intake and the interview
 * do: a lock, a crash or a closed window loses nothing. `baseVersion` is the record's version the
 * draft was typed against; a draft of an older version is not restored over newer saved data.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { DefaultValues, FieldValues, UseFormReturn } from 'react-hook-form';
import type { useFormDraft } from '../../lib/useFormDraft';

export function useDraftSync<TIn extends FieldValues, TOut extends FieldValues>(
  form: UseFormReturn<TIn, unknown, TOut>,
  draft: ReturnType<typeof useFormDraft>,
  baseVersion: number,
) {
  const silent = useRef(false);
  const version = useRef(baseVersion);
  useEffect(() => {
    version.current = baseVersion;
  }, [baseVersion]);
  const { schedule, discard } = draft;

  useEffect(
    () =>
      form.subscribe({
        formState: { values: true },
        callback: ({ values }) => {
          if (!silent.current) schedule(JSON.stringify({ baseVersion: version.current, values }));
        },
      }),
    [form, schedule],
  );

  /** After the record was saved: the form shows what was saved, and the draft is forgotten. */
  const settle = useCallback(
    async (values: DefaultValues<TIn>) => {
      silent.current = true;
      try {
        form.reset(values);
      } finally {
        silent.current = false;
      }
      await discard();
    },
    [discard, form],
  );

  return { settle };
}
