/**
 * Binds every channel of shared/ipc.ts to the backend. Answers only the app's own window and
 * its main frame showing an app://asysta/ page (a stray or injected frame, another window or
 * another origin gets a Polish refusal, and the refusal is logged), and passes the payload on
 * untouched (the log gets the channel and the outcome's code, never the payload): parsing, access and the Result wrapping happen in backend.invoke, the same code
 * tests run.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Backend } from '../backend';
import { isAppUrl } from '../shell/app-url';
import { urlForLog, type ShellLog } from '../shell/log';
import { CHANNEL_NAMES } from '../../shared/ipc';
import type { Result } from '../../shared/result';

/** Calls whose outcome the log records (IT help: who could not sign in is not logged, that a sign-in failed is). */
const LOGGED_CALLS = /^(setup:|backup:(run|restore)$|session:(login|recover|unlock|lock|logout)$)/;

export const REFUSED_SENDER = 'Odrzucono wywołanie spoza okna Asysty.';

export function isAppSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, window: WebContents | null): boolean {
  if (!window || event.sender.id !== window.id) return false;
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  return isAppUrl(frame.url);
}

export function setupIpc(
  electron: { ipcMain: Pick<IpcMain, 'handle'> },
  backend: Pick<Backend, 'invoke'>,
  appWindow: () => WebContents | null,
  log: ShellLog,
): void {
  for (const name of CHANNEL_NAMES) {
    electron.ipcMain.handle(name, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isAppSender(event, appWindow())) {
        log.warn(`Refused ${name} from outside the app's window`, event.senderFrame ? urlForLog(event.senderFrame.url) : '(no frame)');
        return { ok: false, error: { code: 'FORBIDDEN', message: REFUSED_SENDER } };
      }
      const result = await backend.invoke(name, input);
      // Only the channel and the outcome's code: never the input, never the message.
      if (!result.ok) log.warn(`${name} refused: ${result.error.code}`);
      else if (LOGGED_CALLS.test(name)) log.info(`${name}: done`);
      return result;
    });
  }
}
