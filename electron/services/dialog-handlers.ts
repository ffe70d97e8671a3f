/**
 * The native pickers (dialog:*): the backend chooses the Polish title and asks the injected
 * dialogs (electron/main.ts shows Electron's own; the e2e harness injects a stub). Without
 * injected dialogs (CLI, integration tests) or when the user cancels, the answer is null.
 * A chosen path goes back to the renderer only so that it can be sent to the channel that uses
 * it (backup:run, backup:restore, settings:update), where it is parsed again.
 */
import { BACKUP_FILE_DIALOG_TITLE, BACKUP_FILE_EXTENSIONS, FOLDER_DIALOG_TITLES } from '../../shared/dialogs';
import { absolutePathSchema } from '../../shared/schemas';
import { AppError } from '../errors';
import type { CurrentSession, HandlersFor } from '../session/context';

/** What the main process provides: a modal folder / file picker; null when cancelled. */
export interface NativeDialogs {
  pickFolder(title: string): Promise<string | null>;
  pickFile(title: string, extensions: string[]): Promise<string | null>;
}

export type DialogChannel = 'dialog:pickFolder' | 'dialog:pickBackupFile';

/** A picked path as the channels that take it will parse it; a refusal names what to do. */
function checked(path: string | null, label: string): string | null {
  if (path === null) return null;
  const parsed = absolutePathSchema(label).safeParse(path);
  if (!parsed.success) throw new AppError('VALIDATION', `${parsed.error.issues[0]?.message ?? `${label}: nieprawidłowa ścieżka.`} Wybierz inne miejsce.`);
  return parsed.data;
}

async function ask(pick: () => Promise<string | null>, what: string): Promise<string | null> {
  try {
    return await pick();
  } catch {
    throw new AppError('IO_ERROR', `Nie udało się otworzyć okna wyboru ${what}. Spróbuj ponownie.`);
  }
}

export function dialogHandlers({ session, dialogs }: { session: CurrentSession; dialogs: NativeDialogs | undefined }): HandlersFor<DialogChannel> {
  return {
    'dialog:pickFolder': async ({ purpose }) => {
      if (!dialogs) return null;
      const folder = await ask(() => dialogs.pickFolder(FOLDER_DIALOG_TITLES[purpose]), 'folderu');
      return checked(folder, purpose === 'backup' ? 'Folder kopii zapasowych' : 'Folder');
    },

    'dialog:pickBackupFile': async () => {
      // Only for a restore, which needs nobody signed in.
      if (!session.signedOut()) {
        throw new AppError('INVALID_STATE', 'Plik kopii zapasowej wybiera się przy przywracaniu danych, gdy nikt nie jest zalogowany. Wyloguj się i spróbuj ponownie.');
      }
      if (!dialogs) return null;
      const file = await ask(() => dialogs.pickFile(BACKUP_FILE_DIALOG_TITLE, [...BACKUP_FILE_EXTENSIONS]), 'pliku');
      return checked(file, 'Plik kopii zapasowej');
    },
  };
}
