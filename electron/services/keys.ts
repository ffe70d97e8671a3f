/**
 * Changing the office's master key (issue 14): a new random key for the database, every remaining
 * key slot sealed to it again (no password needed, see db/keyring.ts), the old key kept in the
 * key history under the new one, so the office's own older backups stay restorable.
 *
 * Crash safety: the live database and slot file are never changed in place. The change is made in
 * private copies beside them — a `VACUUM INTO` snapshot that receives the change and its audit
 * entries and is then re-keyed, and a new slot file — and both are swapped in behind a journal:
 *
 *   1. copies written and synced            (a crash: the copies are removed at the next start)
 *   2. journal written and synced           ← the commit point
 *   3. database renamed in, then slot file  (a crash: the next start finishes the renames)
 *   4. journal removed
 *
 * So a kill at any moment leaves either the old key (with the old slot file) or the new key (with
 * the new one) working, never neither, and the change with its audit entry is in both or neither.
 *
 * Progress is measured in bytes of the database written (each byte twice: the snapshot, then its
 * re-key) and read by the window through backup:rekeyProgress (progress()). The re-key runs in a
 * worker thread (key-copy.ts), measured as it goes, the window answered meanwhile; the snapshot
 * (VACUUM INTO, on the held live connection) is counted when it is done.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import type { RekeyProgress } from '../../shared/backup';
import type { Clock } from '../clock';
import type { DataFolder } from '../data/data-folder';
import { localDatabase, type Database } from '../db/database';
import { keyIdOf, newMasterKey, rekeyed, withAnchor, writeKeyring, type Keyring } from '../db/keyring';
import { AppError } from '../errors';
import { rekeyCopy, type KeyCopyError } from './key-copy';
import type { ReadySession } from '../session/context';
import type { AuditService } from './audit';
import { removeQuietly, replaceFile, syncDir } from './durable-files';

export const KEY_JOURNAL_FILE = 'asysta.zmiana-klucza.json';
const TEMP_PATTERN = /^asysta\.klucz-[0-9a-f]{16}\.(db|keys)\.tmp(-journal|-wal|-shm)?$/;

export type KeyChangeReason = 'user_off' | 'password_reset' | 'password_change' | 'recovery_code' | 'recovery' | 'manual';

export interface KeyChange {
  reason: KeyChangeReason;
  actorId: string | null;
  /** The database side of the change (rows and their audit entries), written in the new copy. */
  write?: (manager: EntityManager) => Promise<void>;
  /** The slot file's side (slots added or removed) under the old key; every slot is re-sealed after. */
  slots?: (keyring: Keyring, oldKey: Buffer) => Promise<Keyring>;
}

const journalSchema = z.object({ db: z.string().regex(TEMP_PATTERN), keys: z.string().regex(TEMP_PATTERN) });

/**
 * At start-up, before anything opens the database: a key change that reached its commit point is
 * finished; copies of one that did not are removed.
 */
export function recoverInterruptedKeyChange(dataDir: string, dbFile: string, keysFile: string): void {
  const journalFile = join(dataDir, KEY_JOURNAL_FILE);
  if (existsSync(journalFile)) {
    const journal = readJournal(journalFile);
    if (journal) finishSwap(dataDir, journal, dbFile, keysFile);
    else removeQuietly(journalFile);
  }
  for (const name of readdirSync(dataDir)) {
    if (TEMP_PATTERN.test(name)) removeQuietly(join(dataDir, name));
  }
}

function readJournal(file: string): z.infer<typeof journalSchema> | null {
  try {
    const parsed = journalSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function finishSwap(dataDir: string, journal: z.infer<typeof journalSchema>, dbFile: string, keysFile: string): void {
  const db = join(dataDir, journal.db);
  const keys = join(dataDir, journal.keys);
  if (existsSync(db)) {
    // The old database's WAL must not be applied to the new file (the copy already holds it all).
    removeQuietly(`${dbFile}-wal`, `${dbFile}-shm`);
    renameSync(db, dbFile);
  }
  if (existsSync(keys)) renameSync(keys, keysFile);
  syncDir(dataDir);
  removeQuietly(join(dataDir, KEY_JOURNAL_FILE));
  syncDir(dataDir);
}

function writeJournal(file: string, journal: z.infer<typeof journalSchema>): void {
  replaceFile(file, JSON.stringify(journal));
}

export class KeyService {
  private current: RekeyProgress | null = null;

  /** The key change in progress, or the last one (done); null before any in this run of the app. */
  progress(): RekeyProgress | null {
    return this.current && { ...this.current };
  }

  constructor(private readonly ports: { folder: DataFolder; clock: Clock; audit: AuditService }) {}

  /**
   * Makes a change under a new master key and puts the new key into the session's own key
   * buffer, so that everything holding it (a queued backup) uses the new key.
   */
  async changeFor(session: ReadySession, change: KeyChange): Promise<void> {
    const newKey = await this.change(localDatabase(session.db), session.masterKey, change);
    newKey.copy(session.masterKey);
    newKey.fill(0);
  }

  /**
   * Anchors the audit chain's head outside the database: in the slot file, under its HMAC (at every
   * lock, sign-out and backup). The next sign-in checks it before appending anything.
   */
  async anchor(manager: EntityManager, masterKey: Buffer): Promise<void> {
    const { folder, clock, audit } = this.ports;
    const head = await audit.head(manager);
    const keyring = await folder.readKeyring();
    await writeKeyring(folder.keysFile, withAnchor(keyring, { ...head, at: clock.now().toISOString() }, masterKey));
  }

  /**
   * Makes `change` under a new master key, with the live database `db` held exclusively, and
   * reopens `db` on the new key, which it returns; `oldKey` is left to the caller to wipe.
   */
  async change(db: Database, oldKey: Buffer, change: KeyChange): Promise<Buffer> {
    const { folder, clock, audit } = this.ports;
    const dataDir = folder.dataDir;
    const newKey = newMasterKey();
    const started = performance.now();
    this.current = { percent: 0, done: false };
    try {
      await db.replaceFile(async (manager, closeFile) => {
        const op = randomBytes(8).toString('hex');
        const snapshot = join(dataDir, `asysta.klucz-${op}.db.tmp`);
        const keysTmp = join(dataDir, `asysta.klucz-${op}.keys.tmp`);
        try {
          // 0–95 %: the snapshot and its re-key, a byte each, measured; the rest: the slots and the swap.
          await manager.query('VACUUM INTO ?', [snapshot]);
          this.report(95 / 2);
          const copy = await folder.openDatabase(oldKey, { file: snapshot, migrate: false });
          let anchor: { seq: number; hash: string };
          try {
            anchor = await copy.write(async (m) => {
              await change.write?.(m);
              await audit.append(m, { actorId: change.actorId, action: 'keys.rekey', details: { reason: change.reason, keyId: keyIdOf(newKey) } });
              return audit.head(m);
            });
          } finally {
            await copy.close();
          }
          await rekeyCopy({ snapshot, oldKey, newKey, nativeBinding: folder.nativeBinding, onProgress: (p) => this.report(95 / 2 + (95 / 2) * (p.doneBytes / p.totalBytes)) });
          let keyring = await folder.readKeyring();
          if (change.slots) keyring = await change.slots(keyring, oldKey);
          keyring = withAnchor(rekeyed(keyring, oldKey, newKey), { ...anchor, at: clock.now().toISOString() }, newKey);
          await writeKeyring(keysTmp, keyring);
          syncDir(dataDir);
        } catch (error) {
          removeQuietly(snapshot, `${snapshot}-wal`, `${snapshot}-shm`, `${snapshot}-journal`, keysTmp);
          if (error instanceof AppError) throw error;
          const code = (error as NodeJS.ErrnoException | KeyCopyError | null)?.code;
          if (code === 'ENOSPC' || code === 'SQLITE_FULL') throw new AppError('IO_ERROR', 'Brak miejsca na dysku z danymi Asysty — klucz bazy nie został zmieniony. Zwolnij miejsce i spróbuj ponownie.');
          throw error;
        }
        // The commit point: from here the next start finishes the swap if this one does not.
        writeJournal(join(dataDir, KEY_JOURNAL_FILE), { db: basename(snapshot), keys: basename(keysTmp) });
        syncDir(dataDir);
        await closeFile();
        finishSwap(dataDir, { db: basename(snapshot), keys: basename(keysTmp) }, folder.dbFile, folder.keysFile);
        return newKey;
      });
    } catch (error) {
      newKey.fill(0);
      this.current = null;
      throw error;
    }
    this.lastDurationMs = Math.round(performance.now() - started);
    this.report(100, true);
    return newKey;
  }

  private report(percent: number, done = false): void {
    const previous = this.current && !this.current.done ? this.current.percent : 0;
    this.current = { percent: Math.min(100, Math.max(previous, Math.floor(percent))), done };
  }

  /** How long the last key change took (ms), for the bench. */
  lastDurationMs = 0;
}

