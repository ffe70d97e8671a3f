import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';

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

/**
 * Replaces a small file (a journal, a counter) all at once: written to `<file>.tmp` readable by
 * the owner only, flushed to disk, then renamed over the old one. A crash leaves the old file or
 * the new one, never half of either. Call syncDir on its folder to make the rename durable too.
 */
export function replaceFile(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  const fd = openSync(tmp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/** Removes files if they are there; a file that cannot be removed now is a leftover the next start removes. */
export function removeQuietly(...files: string[]): void {
  for (const file of files) {
    try {
      rmSync(file, { force: true });
    } catch {
      /* best effort: a leftover is removed at the next start */
    }
  }
}
