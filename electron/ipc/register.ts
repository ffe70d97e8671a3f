/**
 * Binds every channel of shared/ipc.ts to the backend. Answers only the app's own window and
 * frame (a stray or injected frame gets a refusal), and passes the payload on untouched:
 * parsing, access and the Result wrapping happen in backend.invoke, the same code tests run.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Backend } from '../backend';
import { CHANNEL_NAMES } from '../../shared/ipc';
import type { Result } from '../../shared/result';

export const APP_ORIGIN = 'app://asysta';

export function isAppSender(event: IpcMainInvokeEvent, window: WebContents | null): boolean {
  if (!window || event.sender.id !== window.id) return false;
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  try {
    return new URL(frame.url).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}

export function registerIpc(ipcMain: IpcMain, backend: Backend, appWindow: () => WebContents | null): void {
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(name, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isAppSender(event, appWindow())) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Odrzucono wywołanie spoza okna Asysty.' } };
      }
      return backend.invoke(name, input);
    });
  }
}
