/**
 * Backups on the wire (issue 9): the inputs of the backup channels and what they answer.
 * The file format itself lives in electron/services/backup.ts.
 */
import { z } from 'zod';
import { absolutePathSchema, enteredPasswordSchema, loginSchema, recoveryCodeSchema } from './schemas';

/** A backup older than this is flagged in the tray and on the settings page. */
export const BACKUP_WARNING_DAYS = 7;

/** Whole days since the last backup; null when there has been none. */
export function backupAgeDays(lastBackupAt: string | null, now: Date): number | null {
  return lastBackupAt ? Math.max(0, Math.floor((now.getTime() - Date.parse(lastBackupAt)) / 86_400_000)) : null;
}

/** The warning the tray and the settings page show: no backup yet, or one BACKUP_WARNING_DAYS old. */
export function backupIsStale(lastBackupAt: string | null, now: Date): boolean {
  const days = backupAgeDays(lastBackupAt, now);
  return days === null || days >= BACKUP_WARNING_DAYS;
}

export const BACKUP_CORRUPT_MESSAGE = 'Kopia zapasowa jest uszkodzona lub została zmieniona — nie przywrócono niczego.';

export const backupRunSchema = z.object({
  /** A folder chosen for this one backup; without it the office's backup folder is used. */
  folder: absolutePathSchema('Folder kopii zapasowej').optional(),
});

const backupFileSchema = absolutePathSchema('Plik kopii zapasowej');

export const backupRestoreSchema = z.discriminatedUnion(
  'method',
  [
    z.object({ method: z.literal('password'), file: backupFileSchema, login: loginSchema, password: enteredPasswordSchema }),
    z.object({ method: z.literal('recovery'), file: backupFileSchema, recoveryCode: recoveryCodeSchema }),
  ],
  { error: 'Wybierz sposób otwarcia kopii: hasło kierownika albo kod odzyskiwania.' },
);

/** "Zmień klucz bazy" (issue 14): a new master key; optionally this office's backups made before a day are deleted. */
export const rekeySchema = z.object({
  destroyBackupsBefore: z.iso.date({ error: 'Podaj datę w formacie RRRR-MM-DD.' }).nullable().default(null),
});

/** A key change's progress, measured in bytes of the database copied and rewritten (issue 14). */
export interface RekeyProgress {
  /** 0–100, never going back; 100 once the new key is in use. */
  percent: number;
  done: boolean;
}

export interface RekeyResult {
  /** How long the change took (the whole database is rewritten). */
  durationMs: number;
  /** This office's backups deleted from the backup folder because they were made before the chosen day. */
  removedBackups: string[];
}

/** What re-keying cannot undo, said wherever the kierownik changes a key. */
export const REKEY_WARNING =
  'Zmiana klucza nie obejmuje kopii zapasowych wykonanych wcześniej: kopia sprzed odejścia pracownika nadal otwiera się jej ówczesnym hasłem. Jeśli to możliwe, usuń kopie starsze niż wybrany dzień.';

export interface BackupResult {
  fileName: string;
  folder: string;
  /** Bytes of the whole file. */
  size: number;
  /** SHA-256 of the whole file (hex), as `sha256sum` or `certutil -hashfile … SHA256` prints it. */
  sha256: string;
  createdAt: string;
  /** Older Asysta backups deleted from the folder to keep the office's number of copies. */
  removed: string[];
  durationMs: number;
}

export interface BackupStatus {
  lastBackupAt: string | null;
  lastFileName: string | null;
  lastSize: number | null;
  lastSha256: string | null;
  /** No backup yet, or the last one is older than BACKUP_WARNING_DAYS. */
  warning: boolean;
  /** Polish, for the tray and the settings page. */
  message: string;
  folder: string | null;
  keep: number;
  /** This office's copies now in the folder; null without a folder or when it cannot be read. */
  stored: number | null;
  everyHours: number;
  /** When the scheduled backup will next run (null without a folder). */
  nextDueAt: string | null;
}

export interface RestoreResult {
  fileName: string;
  sha256: string;
  backupCreatedAt: string;
  /** Audit entries checked in the restored database. */
  auditEntries: number;
}
