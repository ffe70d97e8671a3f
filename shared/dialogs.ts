/**
 * Native file and folder pickers on the wire: the renderer asks for a purpose, the main process
 * chooses the Polish title and shows its own dialog (electron/main.ts), so the renderer never
 * types or browses a path itself. The answer is the chosen absolute path, or null when cancelled.
 */
import { z } from 'zod';

export const FOLDER_PURPOSES = ['backup', 'export'] as const;
export type FolderPurpose = (typeof FOLDER_PURPOSES)[number];

export const FOLDER_DIALOG_TITLES: Record<FolderPurpose, string> = {
  backup: 'Wybierz folder kopii zapasowych (np. pendrive lub dysk sieciowy)',
  export: 'Wybierz folder, do którego zapisać pliki',
};

export const BACKUP_FILE_DIALOG_TITLE = 'Wybierz plik kopii zapasowej Asysty (.asb)';
/** Extensions offered by the backup-file picker (without the dot). */
export const BACKUP_FILE_EXTENSIONS = ['asb'] as const;

export const pickFolderSchema = z.object({
  purpose: z.enum(FOLDER_PURPOSES, { error: 'Nieznany cel wyboru folderu.' }),
});
