/** The channels of the session's state machine (app:status, setup:*, session:*), bound to SessionManager. */
import type { HandlersFor } from '../session/context';
import type { SessionManager } from './session-manager';

export type SessionChannel =
  | 'app:status'
  | 'setup:create'
  | 'setup:joinServer'
  | 'setup:createOnServer'
  | 'session:login'
  | 'session:recover'
  | 'session:unlock'
  | 'session:lock'
  | 'session:logout'
  | 'session:touch'
  | 'session:changePassword';

export function sessionHandlers(sessions: SessionManager): HandlersFor<SessionChannel> {
  return {
    'app:status': () => sessions.status(),
    'setup:create': (input) => sessions.setUp(input),
    'setup:joinServer': ({ pairingCode }) => sessions.joinServer(pairingCode),
    'setup:createOnServer': (input) => sessions.createOnServer(input),
    'session:login': ({ login, password }) => sessions.login(login, password),
    'session:recover': ({ login, recoveryCode, newPassword }) => sessions.recover(login, recoveryCode, newPassword),
    'session:unlock': ({ password }) => sessions.unlock(password),
    'session:lock': async (_input, ctx) => {
      await sessions.lock(ctx.ready(), 'manual');
      return null;
    },
    'session:logout': async (_input, ctx) => {
      await sessions.logout(ctx.session);
      return null;
    },
    // Any call counts as activity (app/dispatcher.ts); this one carries nothing else.
    'session:touch': async () => null,
    'session:changePassword': async ({ currentPassword, newPassword }, ctx) => {
      await sessions.changePassword(ctx.ready(), currentPassword, newPassword);
      return null;
    },
  };
}
