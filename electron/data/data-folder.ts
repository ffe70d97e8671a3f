/**
 * The office's data folder as a port: where the database and the slot file are, how the database
 * is opened, how the slot file is read and how a password opens a slot. Built once by the
 * composition root (app/composition.ts) and handed to the services that touch these files (keys,
 * backup, users, audit) instead of the whole backend.
 *
 * The folder also knows its mode (issue 18): "Ten komputer" (local: the encrypted file and its
 * slot file, asysta.keys.json) or "Serwer w biurze" (server: asysta.server.json, the office
 * server this PC joined — its address, the pinned CA and where the office's database is; no
 * secrets).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Database } from '../db/database';
import { DEFAULT_SCRYPT, burnScrypt, findUserSlot, openSlot, readKeyring, type Keyring, type ScryptParams } from '../db/keyring';
import { AppError } from '../errors';

export const DB_FILE = 'asysta.db';
export const KEYS_FILE = 'asysta.keys.json';
export const SERVER_FILE = 'asysta.server.json';

/** Where the office's data lives. */
export type FolderMode = 'local' | 'server';

/** The office server this PC joined: nothing secret (each person signs in with her own password). */
const serverLinkSchema = z.object({
  format: z.literal('asysta-server'),
  version: z.literal(1),
  host: z.string().min(1).max(255),
  port: z.number().int().min(1).max(65535),
  /** The pairing code's CA fingerprint (hex): the CA below was taken because its SHA-256 starts with it. */
  fingerprint: z.string().regex(/^[0-9a-f]{32,64}$/),
  /** The pinned CA certificate (PEM): every connection is verify-full against it alone. */
  ca: z.string().min(1).max(20_000).startsWith('-----BEGIN CERTIFICATE-----'),
  /** The office's database on the server, and the prefix of its login roles (data/postgres/roles.ts). */
  database: z.string().min(1).max(63),
  rolePrefix: z.string().regex(/^[a-z][a-z0-9_]{0,19}$/),
  /** Keys this PC's sign-in throttle file (services/throttle.ts), as the slot file's lookup salt does in local mode. */
  lookupSalt: z.string().regex(/^[A-Za-z0-9+/=]{16,64}$/),
});

export type ServerLink = Omit<z.infer<typeof serverLinkSchema>, 'format' | 'version'>;

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
  readonly serverFile: string;
  readonly scrypt: ScryptParams;
  readonly nativeBinding: string | undefined;
  readonly log: Log;

  constructor(options: DataFolderOptions) {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    this.dataDir = options.dataDir;
    this.dbFile = join(options.dataDir, DB_FILE);
    this.keysFile = join(options.dataDir, KEYS_FILE);
    this.serverFile = join(options.dataDir, SERVER_FILE);
    this.scrypt = options.scrypt ?? DEFAULT_SCRYPT;
    this.nativeBinding = options.nativeBinding;
    const log = options.log;
    this.log = (message, error) => log?.(message, error);
  }

  /** True once an office was set up or joined here (or a database or slot file was left here). */
  configured(): boolean {
    return existsSync(this.keysFile) || existsSync(this.dbFile) || existsSync(this.serverFile);
  }

  /** 'server' once this PC joined an office server, else 'local'. */
  mode(): FolderMode {
    return existsSync(this.serverFile) ? 'server' : 'local';
  }

  /** The office server this PC joined; null in local mode; a Polish refusal when the file is damaged. */
  readServer(): ServerLink | null {
    if (!existsSync(this.serverFile)) return null;
    let parsed: ReturnType<typeof serverLinkSchema.safeParse>;
    try {
      parsed = serverLinkSchema.safeParse(JSON.parse(readFileSync(this.serverFile, 'utf8')));
    } catch {
      parsed = serverLinkSchema.safeParse(null);
    }
    if (!parsed.success) {
      throw new AppError(
        'DB_CORRUPT',
        `Plik z ustawieniami serwera w biurze (${SERVER_FILE}) jest uszkodzony. Usuń go z folderu danych i połącz ten komputer z serwerem ponownie kodem parowania.`,
      );
    }
    const { format: _format, version: _version, ...link } = parsed.data;
    return link;
  }

  /** Joins this folder to an office server (written whole or not at all). */
  writeServer(link: ServerLink): void {
    const text = `${JSON.stringify(serverLinkSchema.parse({ format: 'asysta-server', version: 1, ...link }), null, 2)}\n`;
    const temporary = `${this.serverFile}.tmp`;
    try {
      writeFileSync(temporary, text, { mode: 0o600 });
      renameSync(temporary, this.serverFile);
    } catch (error) {
      rmSync(temporary, { force: true });
      this.log('Could not write the server file', error);
      throw new AppError('IO_ERROR', `Nie udało się zapisać ustawień serwera w folderze danych (${this.dataDir}). Sprawdź, czy dysk nie jest pełny i czy program może w nim zapisywać.`);
    }
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
