/**
 * The office's data folder as a port: where the database and the slot file are, how the database
 * is opened, how the slot file is read and how a password opens a slot. Built once by the
 * composition root (app/composition.ts) and handed to the services that touch these files (keys,
 * backup, users, audit) instead of the whole backend.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '../db/database';
import { DEFAULT_SCRYPT, burnScrypt, findUserSlot, openSlot, readKeyring, type Keyring, type ScryptParams } from '../db/keyring';
import { AppError } from '../errors';

export const DB_FILE = 'asysta.db';
export const KEYS_FILE = 'asysta.keys.json';

/**
 * The app's log (never the renderer): events as a fixed text alone (migrations applied, restore
 * steps), failures with their error. Never a name, an input or anything a person typed.
 */
export type Log = (message: string, error?: unknown) => void;

export interface DataFolderOptions {
  dataDir: string;
  /** Cost of the password KDF; tests lower it, the app keeps the default. */
  scrypt?: ScryptParams;
  /** A better-sqlite3 binding built for the running runtime (Electron in development). */
  nativeBinding?: string;
  log?: Log;
}

export class DataFolder {
  readonly dataDir: string;
  readonly dbFile: string;
  readonly keysFile: string;
  readonly scrypt: ScryptParams;
  readonly nativeBinding: string | undefined;
  readonly log: Log;

  constructor(options: DataFolderOptions) {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    this.dataDir = options.dataDir;
    this.dbFile = join(options.dataDir, DB_FILE);
    this.keysFile = join(options.dataDir, KEYS_FILE);
    this.scrypt = options.scrypt ?? DEFAULT_SCRYPT;
    this.nativeBinding = options.nativeBinding;
    const log = options.log;
    this.log = (message, error) => log?.(message, error);
  }

  /** True once an office was set up here (or a database or slot file was left here). */
  configured(): boolean {
    return existsSync(this.keysFile) || existsSync(this.dbFile);
  }

  /** Opens the database with the master key (also for the CLI and tools that act outside a session). */
  openDatabase(masterKey: Buffer, options: { migrate?: boolean; file?: string } = {}): Promise<Database> {
    return Database.open({
      file: options.file ?? this.dbFile,
      masterKey,
      nativeBinding: this.nativeBinding,
      migrate: options.migrate,
      onMigrated: (names) => this.log(`Migrations applied: ${names.join(', ')}`),
    });
  }

  /** The slot file; a Polish refusal when it is missing. */
  async readKeyring(): Promise<Keyring> {
    const keyring = await readKeyring(this.keysFile);
    if (!keyring) {
      throw new AppError(
        'DB_MISSING',
        existsSync(this.dbFile)
          ? 'Brakuje pliku kluczy Asysty (asysta.keys.json) w folderze danych. Przywróć dane z kopii zapasowej.'
          : 'W tym folderze nie ma danych Asysty. Sprawdź folder danych albo skonfiguruj program od nowa.',
      );
    }
    return keyring;
  }

  /** Opens the master key with a login and password; null when they do not match (at the same scrypt cost). */
  async unwrapWithPassword(keyring: Keyring, login: string, password: string): Promise<Buffer | null> {
    const slot = findUserSlot(keyring, login);
    if (!slot) {
      await burnScrypt(password, this.scrypt);
      return null;
    }
    return openSlot(keyring, slot, password);
  }
}
