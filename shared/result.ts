/** What every channel answers: a raw Error never crosses the bridge. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_CHANNEL',
  'UNAUTHENTICATED',
  'LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_STATE',
  'WRONG_PASSWORD',
  'RATE_LIMITED',
  'DB_MISSING',
  'DB_FOREIGN',
  'DB_NEWER',
  'DB_CORRUPT',
  /** A file could not be written or read (a missing or full drive, no permission). */
  'IO_ERROR',
  /** The office server: a wrong or garbled pairing code. */
  'PAIRING_INVALID',
  /** The office server is down or the connection was cut (nothing written; drafts stay on this PC). */
  'SERVER_UNREACHABLE',
  /** The server's certificate does not chain to the pinned CA (refused, never downgraded). */
  'SERVER_CERT',
  /** This build's and the server's schema versions differ (the message names both). */
  'SERVER_VERSION',
  /** This data folder's office was moved to an office server: nothing is written here any more. */
  'OFFICE_MOVED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorShape {
  code: ErrorCode;
  /** Polish, for the user: says what happened and what to do. */
  message: string;
  /** Per-field Polish messages for forms (VALIDATION). */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
