/**
 * The staff accounts (users:*), bound to UsersService. An account's key slot is written with it;
 * switching an account off and setting someone a new password change the database's key too
 * (services/keys.ts), so her old password and any copy of the slot file open nothing any more.
 *
 * On the office server (issue 18) an account is a PostgreSQL login role instead
 * (data/queries/server-accounts.ts): made with the account and its first password in one
 * transaction, switched to NOLOGIN with the account (a trigger follows the user row), its password
 * set by the kierownik — always as a SCRAM verifier made here, never the password itself.
 */
import { withSlot, withoutUserSlot, writeKeyring } from '../db/keyring';
import type { DataFolder } from '../data/data-folder';
import { scramVerifier } from '../data/postgres/roles';
import { provisionLogin, setPassword } from '../data/queries/server-accounts';
import { AppError } from '../errors';
import type { HandlersFor } from '../session/context';
import type { AuditService } from './audit';
import type { KeyService } from './keys';
import type { LoginThrottle } from './throttle';
import type { UsersService } from './users';

export type UsersChannel = 'users:list' | 'users:create' | 'users:update' | 'users:resetPassword';

export function usersHandlers({ users, audit, keys, folder, throttle }: { users: UsersService; audit: AuditService; keys: KeyService; folder: DataFolder; throttle: LoginThrottle }): HandlersFor<UsersChannel> {
  return {
    'users:list': (_input, ctx) => ctx.read((m) => users.list(m)),

    'users:create': ({ password, ...input }, ctx) => {
      const s = ctx.ready();
      if (s.db.dialect === 'postgres') {
        return s.db.write(async (m) => {
          const user = await users.create(m, input, s.user.id);
          await provisionLogin(m, user.id, scramVerifier(password));
          return user;
        });
      }
      // The slot is written inside the account's transaction, just before it commits: a crash
      // can leave at most a slot without an account, which the next sign-in removes.
      return s.db.write(async (m) => {
        const user = await users.create(m, input, s.user.id);
        const keyring = await folder.readKeyring();
        await writeKeyring(folder.keysFile, await withSlot(keyring, { kind: 'user', login: user.login, userId: user.id }, password, s.masterKey, folder.scrypt));
        return user;
      });
    },

    'users:update': async (input, ctx) => {
      const s = ctx.ready();
      const before = await s.db.read((m) => users.byId(m, input.id));
      // On the server the user row decides: the trigger switches her login role off with it.
      if (!before.active || input.active || s.db.dialect === 'postgres') return (await s.db.write((m) => users.update(m, input, s.user.id))).user;
      // A switched-off account loses its key slot and the database gets a new key, in one step.
      let updated: Awaited<ReturnType<UsersService['update']>> | null = null;
      await keys.changeFor(s, {
        reason: 'user_off',
        actorId: s.user.id,
        write: async (m) => {
          updated = await users.update(m, input, s.user.id);
        },
        slots: async (keyring, oldKey) => withoutUserSlot(keyring, input.id, oldKey),
      });
      if (!updated) throw new Error('users:update: the change was not written');
      return (updated as Awaited<ReturnType<UsersService['update']>>).user;
    },

    'users:resetPassword': async ({ id, newPassword }, ctx) => {
      const s = ctx.ready();
      const user = await s.db.read((m) => users.byId(m, id));
      if (!user.active) throw new AppError('CONFLICT', 'Konto jest wyłączone. Najpierw je włącz, potem ustaw hasło.');
      if (s.db.dialect === 'postgres') {
        await s.db.write(async (m) => {
          await setPassword(m, id, scramVerifier(newPassword));
          await audit.append(m, { actorId: s.user.id, action: 'user.password_reset', entityType: 'user', entityId: id });
        });
        await throttle.forget(`login:${user.login}`);
        return null;
      }
      // A new key too: her old password, with any copy of the slot file, opens nothing any more.
      await keys.changeFor(s, {
        reason: 'password_reset',
        actorId: s.user.id,
        write: async (m) => {
          await audit.append(m, { actorId: s.user.id, action: 'user.password_reset', entityType: 'user', entityId: id });
        },
        slots: (keyring, oldKey) => withSlot(keyring, { kind: 'user', login: user.login, userId: user.id }, newPassword, oldKey, folder.scrypt),
      });
      await throttle.forget(`login:${user.login}`);
      return null;
    },
  };
}
