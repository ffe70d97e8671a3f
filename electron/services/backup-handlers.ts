/**
 * The backup channels (issue 9), bound to BackupService. Making a backup and reading its status
 * need the 'backup.run' permission; a restore needs nobody signed in (it replaces the database)
 * and is opened by today's kierownik or recovery code where an office exists (the backup's own
 * credentials only where none does). Changing the key and the recovery code need 'backup.run' too.
 *
 * On the office server (issue 18) none of these exists on a PC: the database, its key and its
 * backups are the server's. They refuse in Polish, naming the server's command instead.
 */
import type { HandlersFor, ReadySession } from '../session/context';
import type { DataFolder } from '../data/data-folder';
import { localDatabase } from '../db/database';
import { AppError } from '../errors';
import type { BackupService } from './backup';
import type { KeyService } from './keys';

export type BackupChannel = 'backup:run' | 'backup:status' | 'backup:restore' | 'backup:rekey' | 'backup:rekeyProgress' | 'backup:newRecoveryCode';

const ON_SERVER = 'Ośrodek pracuje na serwerze w biurze:';
export const SERVER_BACKUP = `${ON_SERVER} kopie zapasowe robi serwer. Osoba, która go prowadzi, wydaje na nim polecenie npm run server -- backup (kopia jest szyfrowana i sprawdzana po zapisaniu).`;
export const SERVER_RESTORE = `${ON_SERVER} kopię przywraca osoba prowadząca serwer, na nim, poleceniem npm run server -- restore. Ten komputer nie przechowuje bazy ośrodka.`;
export const SERVER_REKEY = `${ON_SERVER} baza nie ma klucza na tym komputerze, a każda osoba loguje się własnym hasłem do serwera. Aby odebrać komuś dostęp, wyłącz jej konto (Użytkownicy).`;
export const SERVER_RECOVERY_CODE = `${ON_SERVER} nie ma kodu odzyskiwania. Zapomniane hasło ustawia kierownik (Użytkownicy → Ustaw hasło), a hasło kierownika — osoba prowadząca serwer poleceniem npm run server -- reset-password.`;

/** The session, refused with `message` when it works on the office server. */
function onThisPc(s: ReadySession, message: string): ReadySession {
  if (s.db.dialect === 'postgres') throw new AppError('INVALID_STATE', message);
  return s;
}

export function backupHandlers(backup: BackupService, keys: KeyService, folder: DataFolder): HandlersFor<BackupChannel> {
  return {
    'backup:run': ({ folder: target }, ctx) => {
      const s = onThisPc(ctx.ready(), SERVER_BACKUP);
      return backup.createBackup(
        { db: localDatabase(s.db), masterKey: s.masterKey, actorId: s.user.id },
        { folder: target ?? s.settings.backupDir, keep: s.settings.backupKeep },
        'manual',
      );
    },

    'backup:status': (_input, ctx) => backup.status(onThisPc(ctx.ready(), SERVER_BACKUP)),

    'backup:rekey': ({ destroyBackupsBefore }, ctx) => backup.rekey(onThisPc(ctx.ready(), SERVER_REKEY), destroyBackupsBefore),

    // Answered from memory while the key change holds the database (null on the server: none runs).
    'backup:rekeyProgress': () => Promise.resolve(keys.progress()),

    'backup:newRecoveryCode': (_input, ctx) => backup.newRecoveryCode(onThisPc(ctx.ready(), SERVER_RECOVERY_CODE)),

    'backup:restore': (input) => {
      if (folder.mode() === 'server') throw new AppError('INVALID_STATE', SERVER_RESTORE);
      return backup.restore(
        input.file,
        input.method === 'password'
          ? { method: 'password', login: input.login, password: input.password }
          : { method: 'recovery', recoveryCode: input.recoveryCode },
      );
    },
  };
}
