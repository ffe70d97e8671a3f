/** The native pickers behind dialog:* and the system's PDF viewer behind documents:open/print. */
import type { BaseWindow, Dialog, OpenDialogOptions, Shell } from 'electron';
import type { FileOpener } from '../services/document-handlers';
import type { NativeDialogs } from '../services/dialog-handlers';

/** Modal to the app's window (when there is one); null when cancelled. */
export function createNativeDialogs(electron: { dialog: Pick<Dialog, 'showOpenDialog'> }, appWindow: () => BaseWindow | null): NativeDialogs {
  const open = async (options: OpenDialogOptions): Promise<string | null> => {
    const window = appWindow();
    const result = window ? await electron.dialog.showOpenDialog(window, options) : await electron.dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  return {
    pickFolder: (title) => open({ title, properties: ['openDirectory', 'createDirectory'] }),
    pickFile: (title, extensions) => open({ title, properties: ['openFile'], filters: [{ name: 'Kopia zapasowa Asysty', extensions }] }),
  };
}

/** The system's PDF viewer; the user prints from its dialog (Ctrl+P), so both modes open the file. */
export function createFileOpener(electron: { shell: Pick<Shell, 'openPath'> }): FileOpener {
  return async (path) => {
    const error = await electron.shell.openPath(path);
    if (error) throw new Error(error);
  };
}
