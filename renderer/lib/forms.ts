/**
 * Puts a failed call's message where the user is looking: per-field messages (ApiError.fields)
 * under their fields, everything else in the form's alert (`errors.root.server`).
 */
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../api';
import { errorMessage } from './errors';

export function applyApiError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  /** The form's field names, or a test for forms whose fields are rows (e.g. 'members.2.person.pesel'). */
  fieldNames: readonly Path<T>[] | ((key: string) => boolean),
): void {
  const unmatched: string[] = [];
  let matched = 0;
  if (error instanceof ApiError && error.fields) {
    for (const [key, message] of Object.entries(error.fields)) {
      const name =
        typeof fieldNames === 'function'
          ? fieldNames(key)
            ? (key as Path<T>)
            : undefined
          : fieldNames.find((candidate) => candidate === key);
      if (name) {
        setError(name, { type: 'server', message }, { shouldFocus: matched === 0 });
        matched += 1;
      } else {
        unmatched.push(message);
      }
    }
  }
  const isValidation = error instanceof ApiError && error.code === 'VALIDATION';
  if (matched === 0 || !isValidation || unmatched.length > 0) {
    const message = [errorMessage(error), ...unmatched].join(' ');
    setError('root.server', { type: 'server', message });
  }
}
