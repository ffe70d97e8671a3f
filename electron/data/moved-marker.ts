/**
 * The mark a data folder gets when its office was moved to an office server
 * (`npm run server -- move`, electron/server/move.ts): `asysta.przeniesione.json` beside the
 * database. From then on the office lives on the server; the copy here stays as it was on the day
 * of the move (readable with the old passwords, for the record) but nothing may be written to it,
 * or the two would drift apart. The app refuses to open the folder for work and tells the person
 * to join the server with the pairing code instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors';

export const MOVED_FILE = 'asysta.przeniesione.json';

const markerSchema = z.object({
  format: z.literal('asysta-moved'),
  version: z.literal(1),
  movedAt: z.iso.datetime(),
  server: z.object({ host: z.string().min(1).max(255), port: z.number().int().min(1).max(65535) }),
  /** The audit chain's head at the move: the server's chain continues from this entry. */
  auditHead: z.object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) }),
});

export type MovedMarker = z.infer<typeof markerSchema>;

export function movedMarkerPath(dataDir: string): string {
  return join(dataDir, MOVED_FILE);
}

/** The marker's text (written by the move once the server's copy is committed and verified). */
export function movedMarkerText(marker: MovedMarker): string {
  return `${JSON.stringify(markerSchema.parse(marker), null, 2)}\n`;
}

/**
 * The folder's mark, or null when its office was never moved. A mark that cannot be read still
 * counts as moved: a damaged file must not reopen the folder for writing.
 */
export function readMovedMarker(dataDir: string): MovedMarker | 'unreadable' | null {
  const file = movedMarkerPath(dataDir);
  if (!existsSync(file)) return null;
  try {
    const parsed = markerSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** The refusal for a moved folder, in Polish, naming the server and what to do. */
export function officeMovedError(marker: MovedMarker | 'unreadable'): AppError {
  const where = marker === 'unreadable' ? 'na serwer Asysty w biurze' : `na serwer Asysty w biurze (${marker.server.host}:${marker.server.port}) dnia ${marker.movedAt.slice(0, 10)}`;
  return new AppError(
    'OFFICE_MOVED',
    `Dane tego ośrodka zostały przeniesione ${where}. Na tym komputerze nie można już w nich pracować — zmiany zostałyby tylko tutaj. ` +
      'Połącz ten komputer z serwerem: przy pierwszym uruchomieniu wybierz „Serwer w biurze” i wpisz kod parowania (kierownik zna go z serwera: npm run server -- status).',
  );
}

/** Refuses a moved folder (before anything is opened for writing). */
export function refuseIfMoved(dataDir: string): void {
  const marker = readMovedMarker(dataDir);
  if (marker) throw officeMovedError(marker);
}
