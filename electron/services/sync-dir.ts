import { closeSync, fsyncSync, openSync } from 'node:fs';

/**
 * Makes the renames in a folder durable (fsync of the directory). Best effort: directories cannot
 * be opened on Windows, where NTFS journals the renames itself.
 */
export function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* best effort (see above) */
  }
}
