/**
 * Backups without blocking (issue 17): the database is held only while its snapshot is taken.
 * Writing the backup file and reading it back run beside other calls, so the scheduled backup
 * after a sign-in keeps the first screens waiting for the snapshot alone.
 */
import { promises } from 'node:fs';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../../../electron/db/database';
import { setUpOffice, tempDir, testBackend, type TestBackend } from '../../../support/backend';

let t: TestBackend | null = null;
let dir = '';
afterEach(async () => {
  vi.restoreAllMocks();
  await t?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('backup and the database lock', () => {
  it('writes and reads back the file without holding the database; a read asked meanwhile is answered first', async () => {
    t = testBackend();
    await setUpOffice(t);
    dir = tempDir('asysta-kopie-');
    const session = t.backend.readySession()!;

    // The session's database, watched: is its lock held at a given moment?
    let held = false;
    const watched = Object.create(session.db) as Database;
    const hold =
      <A extends unknown[], T>(run: (work: (...args: A) => Promise<T>) => Promise<T>) =>
      (work: (...args: A) => Promise<T>) =>
        run(async (...args: A) => {
          held = true;
          try {
            return await work(...args);
          } finally {
            held = false;
          }
        });
    watched.read = hold((work) => session.db.read(work)) as Database['read'];
    watched.write = hold((work) => session.db.write(work)) as Database['write'];

    let otherRead: Promise<void> | null = null;
    let otherReadDone = false;
    const opened: { file: string; held: boolean; otherReadDone: boolean }[] = [];
    const open = promises.open.bind(promises);
    vi.spyOn(promises, 'open').mockImplementation(async (...args: Parameters<typeof promises.open>) => {
      const file = String(args[0]);
      if (file.startsWith(dir)) {
        opened.push({ file, held, otherReadDone });
        // Someone opens a screen while the backup file is being written.
        otherRead ??= session.db.read(async () => {
          otherReadDone = true;
        });
      }
      return open(...args);
    });

    const result = await t.backend.backup.createBackup({ db: watched, masterKey: session.masterKey, actorId: session.user.id }, { folder: dir, keep: 5 }, 'manual');
    await otherRead;
    vi.restoreAllMocks();

    const written = opened.find((o) => o.file.endsWith('.tmp'));
    const readBack = opened.find((o) => o.file.endsWith(result.fileName));
    expect(written, 'the backup file is written').toBeDefined();
    expect(readBack, 'the backup file is read back').toBeDefined();
    expect(opened.filter((o) => o.held).map((o) => o.file)).toEqual([]);
    expect(readBack!.otherReadDone, 'the read asked while the file was written was answered before the read-back').toBe(true);
    // The backup is on record as before.
    const entries = await t.call('audit:list', { action: 'backup.create' });
    expect(entries.map((e) => e.details['fileName'])).toEqual([result.fileName]);
    expect((await t.call('backup:status', {})).lastFileName).toBe(result.fileName);
  });
});
