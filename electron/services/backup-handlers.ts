/**
 * The backup channels (issue 9), bound to BackupService. Making a backup and reading its status
 * need the 'backup.run' permission; a restore needs nobody signed in (it replaces the database)
 * and is opened by today's kierownik or recovery code where an office exists (the backup's own
 * credentials only where none does). Changing the key and the recovery code need 'backup.run' too.
 */
import type { HandlersFor } from '../session/context';
import { localDatabase } from '../db/database';
import type { BackupService } from './backup';
import type { KeyService } from './keys';

export type BackupChannel = 'backup:run' | 'backup:status' | 'backup:restore' | 'backup:rekey' | 'backup:rekeyProgress' | 'backup:newRecoveryCode';

export function backupHandlers(backup: BackupService, keys: KeyService): HandlersFor<BackupChannel> {
  return {
    'backup:run': ({ folder }, ctx) => {
      const s = ctx.ready();
      return backup.createBackup(
        { db: localDatabase(s.db), masterKey: s.masterKey, actorId: s.user.id },
        { folder: folder ?? s.settings.backupDir, keep: s.settings.backupKeep },
        'manual',
      );
    },

    'backup:status': (_input, ctx) => backup.status(ctx.ready()),

    'backup:rekey': ({ destroyBackupsBefore }, ctx) => backup.rekey(ctx.ready(), destroyBackupsBefore),

    // Answered from memory while the key change holds the database.
    'backup:rekeyProgress': () => Promise.resolve(keys.progress()),

    'backup:newRecoveryCode': (_input, ctx) => backup.newRecoveryCode(ctx.ready()),

    'backup:restore': (input) =>
      backup.restore(
        input.file,
        input.method === 'password'
          ? { method: 'password', login: input.login, password: input.password }
          : { method: 'recovery', recoveryCode: input.recoveryCode },
      ),
  };
}
