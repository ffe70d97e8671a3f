/**
 * Opens the office database: a whole-file encrypted SQLite (SQLCipher v4 format through
 * better-sqlite3-multiple-ciphers) keyed with the raw master key, WAL, foreign keys, migrations
 * run at open, and a database written by a newer Asysta refused before anything is changed.
 */
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { DataSource, type EntityManager } from 'typeorm';
import type { OfficeDatabase } from '../data/office-database';
import { AppError } from '../errors';
import { ENTITIES } from './entities';

/** The page cache of an open database, in KiB (issue 17: lists at the 100 000-person scale; RSS stays under 250 MB). */
const CACHE_KIB = 32 * 1024;
import { MIGRATIONS } from './migrations';

export interface OpenOptions {
  file: string;
  masterKey: Buffer;
  /** Path of a native binding built for the running runtime (Electron in development). */
  nativeBinding?: string;
  /** Only for measuring what encryption costs (bench): never used by the app. */
  unencrypted?: boolean;
  /** false: open as it is, without migrating (verify must change nothing). */
  migrate?: boolean;
  /** The migrations this build knows; only tests pass fewer, to build an older schema. */
  migrations?: typeof MIGRATIONS;
  /** Told the names of the migrations this opening applied (for the app's log). */
  onMigrated?: (names: string[]) => void;
}

interface RawDb {
  pragma(source: string, options?: { simple?: boolean }): unknown;
  key(key: Buffer): unknown;
  rekey(key: Buffer): unknown;
  prepare(source: string): { get(): unknown; all(): unknown[] };
}

const MIGRATIONS_TABLE = 'migrations';

/** Serialises writes: one connection, one transaction at a time, each with its audit entry. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/** `x'<hex>'` as bytes, built without a JS string of the key (the Buffer is wiped after use). */
export function keyLiteral(masterKey: Buffer): Buffer {
  const digits = Buffer.from('0123456789abcdef', 'latin1');
  const out = Buffer.alloc(masterKey.length * 2 + 3);
  out[0] = 0x78; // x
  out[1] = 0x27; // '
  masterKey.forEach((byte, i) => {
    out[2 + 2 * i] = digits[byte >> 4] ?? 0;
    out[3 + 2 * i] = digits[byte & 15] ?? 0;
  });
  out[out.length - 1] = 0x27;
  return out;
}

/** The embedded file behind an office database; refused on the office server, which has no file on this PC. */
export function localDatabase(db: OfficeDatabase): Database {
  if (db instanceof Database) return db;
  throw new AppError('INVALID_STATE', 'Ta operacja dotyczy bazy na tym komputerze; ośrodek pracuje na serwerze w biurze.');
}

export class Database implements OfficeDatabase {
  readonly dialect = 'sqlite' as const;
  private readonly mutex = new Mutex();

  private constructor(
    private source: DataSource,
    private readonly options: OpenOptions,
  ) {}

  get dataSource(): DataSource {
    return this.source;
  }

  static async open(options: OpenOptions): Promise<Database> {
    const dataSource = await Database.connect(options);
    return new Database(dataSource, { ...options, masterKey: Buffer.alloc(0) });
  }

  private static async connect(options: OpenOptions): Promise<DataSource> {
    const dataSource = new DataSource({
      type: 'better-sqlite3',
      database: options.file,
      driver: Sqlite,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      entities: ENTITIES,
      migrations: options.migrations ?? MIGRATIONS,
      migrationsTableName: MIGRATIONS_TABLE,
      migrationsRun: false,
      synchronize: false,
      enableWAL: true,
      logging: false,
      prepareDatabase: (db: RawDb) => {
        if (!options.unencrypted) {
          db.pragma(`cipher='sqlcipher'`);
          db.pragma('legacy=4');
          const literal = keyLiteral(options.masterKey);
          try {
            db.key(literal);
          } finally {
            literal.fill(0);
          }
        }
        // The first read proves the key: a wrong key or a foreign file fails here.
        try {
          db.prepare('SELECT count(*) FROM sqlite_master').get();
        } catch {
          throw new AppError(
            'DB_FOREIGN',
            'Plik bazy danych nie jest bazą tego ośrodka albo jest uszkodzony. Przywróć dane z kopii zapasowej.',
          );
        }
        db.pragma('synchronous = FULL');
        db.pragma('busy_timeout = 5000');
        // Decrypted pages kept in memory (32 MB, SQLite's default is 2 MB): every page read again from
        // the file is decrypted again, and a 30 000-family office's lists and tray read the same pages.
        db.pragma(`cache_size = -${CACHE_KIB}`);
      },
    });
    try {
      await dataSource.initialize();
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('DB_CORRUPT', 'Nie można otworzyć bazy danych Asysty. Przywróć dane z kopii zapasowej.');
    }
    try {
      await refuseNewer(dataSource, (options.migrations ?? MIGRATIONS).map((m) => new m().name));
      if (options.migrate !== false) {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        if (applied.length > 0) options.onMigrated?.(applied.map((migration) => migration.name));
      }
    } catch (error) {
      await dataSource.destroy();
      throw error;
    }
    return dataSource;
  }

  /**
   * Runs `work` with the write lock held and no transaction open: nothing else reads or writes
   * meanwhile. `work` may replace the file; it returns the key to reopen with (null: unchanged),
   * and calls, when it must, `closeFile()` before touching the file.
   */
  async replaceFile(work: (manager: EntityManager, closeFile: () => Promise<void>) => Promise<Buffer | null>): Promise<void> {
    await this.mutex.run(async () => {
      let closed = false;
      const closeFile = async (): Promise<void> => {
        if (closed) return;
        await this.source.query('PRAGMA wal_checkpoint(TRUNCATE)');
        await this.source.destroy();
        closed = true;
      };
      const newKey = await work(this.source.manager, closeFile);
      if (closed) {
        if (!newKey) throw new Error('replaceFile: the file was closed but no key to reopen it was given');
        this.source = await Database.connect({ ...this.options, masterKey: newKey, migrate: false });
      }
    });
  }

  /**
   * Changes a closed file's key (SQLCipher rekey: every page rewritten). Used on a private copy,
   * never on the live file, so that a crash midway leaves the live database as it was.
   */
  static rekeyFile(file: string, oldKey: Buffer, newKey: Buffer, nativeBinding?: string): void {
    const db = new Sqlite(file, nativeBinding ? { nativeBinding } : {}) as unknown as RawDb & { close(): void };
    const oldLiteral = keyLiteral(oldKey);
    const newLiteral = keyLiteral(newKey);
    try {
      db.pragma(`cipher='sqlcipher'`);
      db.pragma('legacy=4');
      db.key(oldLiteral);
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      // SQLite3 Multiple Ciphers cannot rekey in WAL mode: the copy leaves it for the rewrite.
      db.pragma('journal_mode = DELETE');
      db.rekey(newLiteral);
      db.pragma('journal_mode = WAL');
    } finally {
      oldLiteral.fill(0);
      newLiteral.fill(0);
      db.close();
    }
  }

  /** One transaction; the callback writes the record and its audit entry through the same manager. */
  write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.mutex.run(() => this.dataSource.transaction(work));
  }

  /** Reads wait for a running write, so they never see half of one. */
  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.mutex.run(() => work(this.dataSource.manager));
  }

  async integrityCheck(): Promise<string[]> {
    const rows = (await this.dataSource.query('PRAGMA integrity_check')) as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
  }

  async hasPendingMigrations(): Promise<boolean> {
    return this.dataSource.showMigrations();
  }

  async appliedMigrations(): Promise<string[]> {
    const rows = (await this.dataSource.query(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`)) as { name: string }[];
    return rows.map((r) => r.name);
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) {
      await this.mutex.run(async () => {
        // Fold the WAL back so that the folder holds one file at rest.
        await this.source.query('PRAGMA wal_checkpoint(TRUNCATE)');
        await this.source.destroy();
      });
    }
  }
}

async function refuseNewer(dataSource: DataSource, known: string[]): Promise<void> {
  const exists = (await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`, [MIGRATIONS_TABLE])) as unknown[];
  if (exists.length === 0) return;
  const rows = (await dataSource.query(`SELECT name FROM ${MIGRATIONS_TABLE}`)) as { name: string }[];
  const unknown = rows.map((r) => r.name).filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new AppError(
      'DB_NEWER',
      'Baza danych została zapisana przez nowszą wersję Asysty. Zainstaluj najnowszą wersję programu; ta wersja nie zmieni bazy.',
    );
  }
}
