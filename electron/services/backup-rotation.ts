/**
 * Where backups go and which of them rotation may delete (services/backup.ts): dated names in
 * office time, this office's own copies in a folder that other offices may share, and the parts
 * of backups that a crash or a kill left behind.
 */
import { accessSync, constants as fsConstants, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { officeClockParts } from '../clock';
import { AppError } from '../errors';
import { BACKUP_EXTENSION, peekBackupHeader } from './backup-format';
import { removeQuietly } from './durable-files';

/** Our own backups, and nothing else, are what rotation may delete. */
export const BACKUP_FILE_PATTERN = /^asysta-kopia-(\d{4}-\d{2}-\d{2}T\d{4})(?:-(\d{1,4}))?\.asb$/;
/** Temporary files that name the process writing them: removed at start once that process is gone. */
const OWNED_TEMP = [
  /^asysta\.kopia-(\d+)-[0-9a-f]+\.db\.tmp(?:-journal|-wal|-shm)?$/, // a backup's snapshot
  /^asysta\.keys\.json\.(\d+)\.tmp$/, // a slot file being written
  /^\.asysta-kopia-.+\.asb\.(\d+)\.tmp$/, // a backup file being written (in the backup folder)
];

function processGone(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Removes leftovers of processes that ended (a crash, a kill) from a folder; returns their names. */
export function removeLeftovers(folder: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return removed;
  }
  for (const name of names) {
    const pid = OWNED_TEMP.map((pattern) => pattern.exec(name)?.[1]).find((m) => m !== undefined);
    if (pid !== undefined && processGone(Number(pid))) {
      removeQuietly(join(folder, name));
      removed.push(name);
    }
  }
  return removed;
}

// ---- names and rotation --------------------------------------------------------------------

/** `asysta-kopia-2026-03-02T0800.asb` in office time (Europe/Warsaw), whatever the PC's time zone. */
export function backupFileName(at: Date, suffix = 1): string {
  const t = officeClockParts(at);
  const stamp = `${t.year}-${t.month}-${t.day}T${t.hour}${t.minute}`;
  return `asysta-kopia-${stamp}${suffix > 1 ? `-${suffix}` : ''}${BACKUP_EXTENSION}`;
}

/** Our backups in a folder, newest first. */
export function listBackups(folder: string): string[] {
  const found: { name: string; stamp: string; n: number }[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const name = entry.name;
    const match = entry.isFile() ? BACKUP_FILE_PATTERN.exec(name) : null;
    if (match?.[1]) found.push({ name, stamp: match[1], n: Number(match[2] ?? 1) });
  }
  found.sort((a, b) => (a.stamp === b.stamp ? b.n - a.n : a.stamp < b.stamp ? 1 : -1));
  return found.map((f) => f.name);
}

/** This office's backups in a folder (another office's copies may share it), newest first. */
export async function ourBackups(folder: string, officeId: string): Promise<string[]> {
  const ours: string[] = [];
  for (const name of listBackups(folder)) {
    if ((await peekBackupHeader(join(folder, name)))?.officeId === officeId) ours.push(name);
  }
  return ours;
}

/** This office's backups in a folder beyond the newest `keep` (the one just written counts). */
export async function beyondKeep(folder: string, keep: number, officeId: string, written: string): Promise<string[]> {
  const ours: string[] = [];
  for (const name of listBackups(folder)) {
    if (name !== written && (await peekBackupHeader(join(folder, name)))?.officeId === officeId) ours.push(name);
  }
  return ours.slice(Math.max(keep - 1, 0));
}

export function requireWritable(folder: string): void {
  try {
    accessSync(folder, fsConstants.W_OK);
  } catch {
    throw new AppError('IO_ERROR', 'Do folderu kopii zapasowych nie można zapisywać (tylko do odczytu albo brak uprawnień). Wybierz inny folder.');
  }
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
