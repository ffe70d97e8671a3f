import { ApiError } from '../api';

/** Shown when something fails without a message meant for the user (a bug, not a refusal). */
export const UNEXPECTED_ERROR =
  'Wystąpił nieoczekiwany błąd. Spróbuj ponownie, a jeśli błąd się powtarza, zgłoś go osobie, która opiekuje się programem.';

/** The Polish text to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  // Not a refusal from the main process but a fault here: keep the details for whoever debugs it.
  console.error(error);
  return UNEXPECTED_ERROR;
}

/** The session is gone or locked: the status query decides which screen comes next. */
export function isSessionError(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'LOCKED' || error.code === 'UNAUTHENTICATED');
}
