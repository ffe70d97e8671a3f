/**
 * The swap of a restore (services/backup.ts), behind a journal in the data folder: the current
 * files are renamed aside (`*.przed-przywroceniem-<czas>`), the checked copies renamed in (the
 * database last: that rename is the commit). A crash in between is rolled back or forward at the
 * next start. Also here: what a full disk or a read-only folder at any step of a restore is
 * called in Polish, so that the kierownik knows what to do and that nothing was lost.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { officeClockParts } from '../clock';
import { AppError } from '../errors';
import { removeLeftovers } from './backup-rotation';
import { removeQuietly, replaceFile, syncDir } from './durable-files';

export const JOURNAL_FILE = 'asysta.przywracanie.json';
export const ASIDE_INFIX = '.przed-przywroceniem-';
/** Snapshots and restore files left by a crash; removed at the next start once they are old. */
const STALE_TEMP = /^asysta\.(kopia|przywracanie)-[0-9A-Za-z-]+\.(db|keys)\.tmp(-journal|-wal|-shm)?$/;
const STALE_AFTER_MS = 60 * 60_000;

const journalSchema = z.object({
  moves: z.array(z.object({ from: z.string(), to: z.string() })),
  installs: z.array(z.object({ from: z.string(), to: z.string() })),
});
type Journal = z.infer<typeof journalSchema>;

// ---- a full disk or a read-only folder ------------------------------------------------------

export type DiskProblem = 'full' | 'readonly';

/** A full disk or a folder that cannot be written, from Node (errno) or SQLite (through TypeORM), else null. */
export function diskProblem(error: unknown): DiskProblem | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return 'full';
    if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'readonly';
    if (typeof code === 'string' && (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM')) return 'readonly';
    const next = current as { driverError?: unknown; cause?: unknown };
    current = next.driverError ?? next.cause;
  }
  return null;
}

const NOTHING_RESTORED: Record<DiskProblem, string> = {
  full: 'Brak miejsca na dysku z danymi Asysty — nie przywrócono niczego, dane są takie jak przed próbą. Zwolnij miejsce i spróbuj ponownie.',
  readonly:
    'Folder danych Asysty jest tylko do odczytu albo brak do niego uprawnień — nie przywrócono niczego, dane są takie jak przed próbą. Sprawdź uprawnienia folderu (lub czy dysk nie jest zabezpieczony przed zapisem) i spróbuj ponownie.',
};

const CUT_SHORT: Record<DiskProblem, string> = {
  full: 'Brak miejsca na dysku z danymi Asysty — przywracania nie udało się ani dokończyć, ani cofnąć. Nic nie zostało utracone: dane sprzed przywracania są w folderze danych. Zwolnij miejsce i uruchom Asystę ponownie — program sam doprowadzi dane do porządku.',
  readonly:
    'Folder danych Asysty stał się tylko do odczytu — przywracania nie udało się ani dokończyć, ani cofnąć. Nic nie zostało utracone: dane sprzed przywracania są w folderze danych. Przywróć prawa zapisu do folderu i uruchom Asystę ponownie — program sam doprowadzi dane do porządku.',
};

/** A restore step's failure as the kierownik should read it: a disk problem named, anything else as it was. */
export function restoreFailure(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const problem = diskProblem(error);
  return problem ? new AppError('IO_ERROR', NOTHING_RESTORED[problem]) : error;
}

// ---- the journal ------------------------------------------------------------------------------

export class RestoreJournal {
  constructor(
    private readonly dataDir: string,
    private readonly dbFile: string,
    private readonly keysFile: string,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  /** A stamp for this restore's names that no earlier restore in the folder used. */
  freeStamp(now: Date): string {
    const t = officeClockParts(now);
    const base = `${t.year}-${t.month}-${t.day}T${t.hour}${t.minute}${t.second}`;
    for (let n = 1; ; n += 1) {
      const stamp = n === 1 ? base : `${base}-${n}`;
      const taken = readdirSync(this.dataDir).some((name) => name.endsWith(`${ASIDE_INFIX}${stamp}`) || name.includes(`przywracanie-${stamp}.`));
      if (!taken) return stamp;
    }
  }

  /**
   * Current files aside, the checked copies in, the database last. Renames are synchronous, so no
   * other call runs in between. On a failure everything is put back and nothing is restored.
   */
  swapIn(tmpDb: string, tmpKeys: string, stamp: string): void {
    const db = this.dbFile;
    const keys = this.keysFile;
    const moves = [db, `${db}-wal`, `${db}-shm`, keys].filter((f) => existsSync(f)).map((f) => ({ from: basename(f), to: `${basename(f)}${ASIDE_INFIX}${stamp}` }));
    const installs = [
      { from: basename(tmpKeys), to: basename(keys) },
      { from: basename(tmpDb), to: basename(db) },
    ];
    const journal: Journal = { moves, installs };
    try {
      replaceFile(this.file, JSON.stringify(journal));
      syncDir(this.dataDir);
    } catch (error) {
      removeQuietly(this.file, `${this.file}.tmp`);
      throw restoreFailure(error);
    }
    try {
      for (const step of [...moves, ...installs]) renameSync(join(this.dataDir, step.from), join(this.dataDir, step.to));
    } catch (error) {
      this.rollBackOrStop(journal, error);
      const problem = diskProblem(error);
      throw problem
        ? new AppError('IO_ERROR', NOTHING_RESTORED[problem])
        : new AppError('IO_ERROR', 'Nie udało się podmienić plików w folderze danych (plik zajęty przez inny program?) — nie przywrócono niczego.');
    }
    syncDir(this.dataDir);
  }

  /**
   * After the swap: `check` the database in place, then drop the journal and the copies aside from
   * earlier restores (this one's stay: the data as it was, in case the restore was a mistake).
   * When the check fails the previous data is put back.
   */
  async confirm(check: () => Promise<unknown>): Promise<void> {
    const journal = this.read();
    if (!journal) return;
    try {
      await check();
    } catch (error) {
      this.rollBackOrStop(journal, error);
      this.log('Restore: check in place failed, the previous data put back', error);
      throw restoreFailure(error);
    }
    this.log('Restore: checked in place, done');
    const kept = new Set(journal.moves.map((m) => m.to));
    for (const name of readdirSync(this.dataDir)) {
      if (name.includes(ASIDE_INFIX) && !kept.has(name)) removeQuietly(join(this.dataDir, name));
    }
    // Should this fail, the next start finds the journal of a committed swap and only removes it.
    removeQuietly(this.file);
    syncDir(this.dataDir);
  }

  /**
   * At start-up: a restore cut short by a crash is finished (the database was already swapped in;
   * the old files stay aside, unchecked) or rolled back (it was not). Old snapshots are removed.
   */
  recoverInterrupted(): void {
    const journal = this.read();
    if (journal) {
      const dbInstall = journal.installs[journal.installs.length - 1];
      const committed = dbInstall !== undefined && !existsSync(join(this.dataDir, dbInstall.from)) && existsSync(join(this.dataDir, dbInstall.to));
      if (committed) {
        for (const install of journal.installs) {
          if (existsSync(join(this.dataDir, install.from))) renameSync(join(this.dataDir, install.from), join(this.dataDir, install.to));
        }
        removeQuietly(this.file);
        this.log('Restore: finished a restore cut short at the last start');
      } else {
        this.rollBack(journal);
        this.log('Restore: rolled back a restore cut short at the last start');
      }
    }
    removeLeftovers(this.dataDir);
    const now = Date.now();
    for (const name of readdirSync(this.dataDir)) {
      if (!STALE_TEMP.test(name)) continue;
      const file = join(this.dataDir, name);
      try {
        if (now - statSync(file).mtimeMs > STALE_AFTER_MS) rmSync(file, { force: true });
      } catch {
        /* gone already */
      }
    }
  }

  private get file(): string {
    return join(this.dataDir, JOURNAL_FILE);
  }

  private read(): Journal | null {
    if (!existsSync(this.file)) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(this.file, 'utf8')) as unknown;
    } catch {
      parsed = null;
    }
    const journal = journalSchema.safeParse(parsed);
    return journal.success ? journal.data : null;
  }

  /** Puts the previous files back; when even that fails (the disk), says so — the journal stays for the next start. */
  private rollBackOrStop(journal: Journal, cause: unknown): void {
    try {
      this.rollBack(journal);
    } catch (error) {
      this.log('Restore: could not put the previous data back; the journal stays for the next start', error);
      throw new AppError('IO_ERROR', CUT_SHORT[diskProblem(error) ?? diskProblem(cause) ?? 'readonly']);
    }
  }

  private rollBack(journal: Journal): void {
    const at = (name: string) => join(this.dataDir, name);
    for (const install of journal.installs) {
      const replaced = journal.moves.some((m) => m.from === install.to);
      if (!existsSync(at(install.from)) && !replaced) removeQuietly(at(install.to));
      removeQuietly(at(install.from));
    }
    removeQuietly(at(`${basename(this.dbFile)}-wal`), at(`${basename(this.dbFile)}-shm`));
    for (const move of journal.moves) if (existsSync(at(move.to))) renameSync(at(move.to), at(move.from));
    removeQuietly(this.file);
    syncDir(this.dataDir);
  }
}
