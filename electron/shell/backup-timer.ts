/**
 * The scheduled backup (issue 9): made when a session is open and the last one is older than the
 * office's interval. At start-up nobody is signed in yet: the backend runs the due backup right
 * after each sign-in; this timer covers a session that stays open for days.
 */
import type { Backend } from '../backend';
import type { ShellLog } from './log';

export const BACKUP_CHECK_MS = 60 * 60_000;

export function setupBackupTimer(backend: Pick<Backend, 'backup'>, log: ShellLog, intervalMs = BACKUP_CHECK_MS): () => void {
  const check = () =>
    void backend.backup.runDueBackup().then(
      (outcome) => {
        if (outcome.status === 'failed') log.error('Scheduled backup failed', new Error(outcome.message));
        else if (outcome.status === 'created') log.info('Scheduled backup made');
      },
      (error: unknown) => log.error('Scheduled backup check failed', error),
    );
  const timer = setInterval(check, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
