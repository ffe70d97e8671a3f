/**
 * Encrypted, self-verifying backups of the office server (`npm run server -- backup|restore`).
 *
 * The embedded mode's backup (electron/services/backup.ts) stores a SQLCipher snapshot that is
 * already encrypted under the office's master key; a PostgreSQL dump is plain text, and the server
 * has no master key (each person's password is a SCRAM verifier in the cluster). So the server's
 * backup has a format of its own, encrypted under a backup password typed at the server:
 *
 *   "ASYSTA-PGKOPIA" | u8 format version | u32 header length | header (JSON)
 *   | AES-256-GCM ciphertext of the payload | GCM tag (16) | SHA-256 of everything before (32)
 *
 *   header: createdAt, PostgreSQL version, database, scrypt parameters and salt, GCM nonce — no
 *   names, nothing a person typed. The GCM tag also covers the header (additional data).
 *   payload: u32 length | the cluster's roles (pg_dumpall --globals-only: every person's login
 *   role with its SCRAM verifier, the group roles, memberships) | u32 length | the database's own
 *   grants (who may connect) | pg_dump's custom-format archive.
 *
 * Self-verifying: after writing, the file is read back — its SHA-256, the GCM tag over the whole
 * payload, and pg_restore --list over the archive — before it is reported as done. A restore
 * checks the tag in a first pass before anything reaches the server.
 */
import { spawn } from 'node:child_process';
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt as scryptCallback, type ScryptOptions } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, fstatSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { z } from 'zod';
import { AppError } from '../errors';
import { childEnv, clientToolsDir, readConfig, serverPaths, SERVER_DATABASE, superuserConnection, tool, OWNER_ROLE } from './cluster';
import { withSuperuser } from './database';

export const SERVER_BACKUP_MAGIC = Buffer.from('ASYSTA-PGKOPIA', 'ascii');
export const SERVER_BACKUP_VERSION = 1;
export const SERVER_BACKUP_EXTENSION = '.aspg';
const PREFIX_BYTES = SERVER_BACKUP_MAGIC.length + 1 + 4;
const TAG_BYTES = 16;
const SUM_BYTES = 32;
const MAX_HEADER_BYTES = 16 * 1024;
const MAX_GLOBALS_BYTES = 64 * 1024 * 1024;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
/** The backup password's cost: as the key slots' (scrypt N=2^16, r=8). */
export const BACKUP_SCRYPT: ScryptParams = { N: 2 ** 16, r: 8, p: 1 };

const headerSchema = z
  .object({
    createdAt: z.string(),
    postgres: z.string(),
    database: z.string(),
    kdf: z.object({ name: z.literal('scrypt'), N: z.number().int().min(2 ** 10).max(2 ** 20), r: z.number().int().min(1).max(32), p: z.number().int().min(1).max(4), salt: z.string() }),
    nonce: z.string(),
  })
  .strict();
export type ServerBackupHeader = z.infer<typeof headerSchema>;

const NOT_A_BACKUP = 'Ten plik nie jest kopią zapasową serwera Asysty — nie przywrócono niczego.';
const DAMAGED = 'Kopia zapasowa serwera jest uszkodzona (suma kontrolna się nie zgadza) — nie przywrócono niczego.';
const WRONG_PASSWORD = 'Hasło kopii zapasowej jest nieprawidłowe albo kopia została zmieniona — nie przywrócono niczego.';

function deriveKey(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 16 * 1024 * 1024 };
  return new Promise((resolve, reject) => scryptCallback(password.normalize('NFC'), salt, 32, options, (error, key) => (error ? reject(error) : resolve(key))));
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

/** The environment for pg_dump / pg_dumpall / pg_restore / psql: the superuser over verify-full. */
function clientEnv(dir: string, database: string): NodeJS.ProcessEnv {
  const info = superuserConnection(dir, database);
  return {
    ...childEnv(),
    PGHOST: info.host,
    PGPORT: String(info.port),
    PGUSER: info.user,
    PGPASSWORD: info.password,
    PGDATABASE: database,
    PGSSLMODE: 'verify-full',
    PGSSLROOTCERT: serverPaths(dir).caCertFile,
    PGCONNECT_TIMEOUT: '10',
    PGAPPNAME: 'asysta-server-cli',
  };
}

interface Child {
  stdout: Readable;
  stdin: Writable;
  done: Promise<void>;
}

function start(file: string, args: string[], env: NodeJS.ProcessEnv, what: string): Child {
  const child = spawn(file, args, { env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
  const err: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  child.stdin.on('error', () => undefined);
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      // The programs' messages may quote data (a failing row); they go to the CLI's user, not a log.
      else reject(new AppError('INTERNAL', `${what} zakończył się błędem (kod ${code}):\n${Buffer.concat(err).toString('utf8').trim().slice(0, 2000)}`));
    });
  });
  return { stdout: child.stdout, stdin: child.stdin, done };
}

async function collect(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new AppError('INTERNAL', 'Zbyt duży wynik pg_dumpall.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export interface BackupResult {
  file: string;
  size: number;
  sha256: string;
  ms: number;
}

/** A dated file name: asysta-serwer-kopia-2026-03-02T0815.aspg. */
export function serverBackupFileName(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `asysta-serwer-kopia-${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}T${p(at.getHours())}${p(at.getMinutes())}${SERVER_BACKUP_EXTENSION}`;
}

/**
 * Writes a backup of the running server at `dir` to `target`, then checks it by reading it back.
 * The file appears under its name only once complete and checked (written aside, then renamed).
 */
export async function backupServer(dir: string, target: string, password: string, options: { kdf?: ScryptParams; now?: Date } = {}): Promise<BackupResult> {
  const started = performance.now();
  const config = readConfig(dir);
  const kdf = options.kdf ?? BACKUP_SCRYPT;
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const header: ServerBackupHeader = {
    createdAt: (options.now ?? new Date()).toISOString(),
    postgres: await serverVersion(dir),
    database: config.database,
    kdf: { name: 'scrypt', ...kdf, salt: salt.toString('base64') },
    nonce: nonce.toString('base64'),
  };
  const key = await deriveKey(password, salt, kdf);
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.concat([SERVER_BACKUP_MAGIC, Buffer.from([SERVER_BACKUP_VERSION]), u32(headerBytes.length), headerBytes]);

  const clients = await clientToolsDir(dir);
  const globals = await dumpGlobals(dir, clients);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(prefix);
    const sum = createHash('sha256');
    const out = createWriteStream(temp, { flags: 'wx', mode: 0o600 });
    const write = (chunk: Buffer): void => {
      sum.update(chunk);
      out.write(chunk);
    };
    write(prefix);
    const grants = Buffer.from(await databaseGrants(dir, config.database), 'utf8');
    write(cipher.update(Buffer.concat([u32(globals.length), globals, u32(grants.length), grants])));
    const dump = start(tool(clients, 'pg_dump'), ['--format=custom', '--compress=6', '--no-password', config.database], clientEnv(dir, config.database), 'pg_dump');
    await Promise.all([
      pipeline(
        dump.stdout,
        new Transform({
          transform(chunk: Buffer, _encoding, callback) {
            callback(null, cipher.update(chunk));
          },
          flush(callback) {
            const last = cipher.final();
            callback(null, Buffer.concat([last, cipher.getAuthTag()]));
          },
        }),
        new Writable({
          write(chunk: Buffer, _encoding, callback) {
            sum.update(chunk);
            if (out.write(chunk)) callback();
            else out.once('drain', () => callback());
          },
          final(callback) {
            out.end(sum.digest(), () => callback());
          },
        }),
      ),
      dump.done,
    ]);
    await new Promise<void>((resolve, reject) => {
      if (out.closed) resolve();
      out.once('close', resolve);
      out.once('error', reject);
    });
    // fsync before the rename: the backup is on disk when it is reported.
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    const checked = await verifyServerBackup(temp, password, clients);
    renameSync(temp, target);
    return { file: target, size: statSync(target).size, sha256: checked.sha256, ms: performance.now() - started };
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    key.fill(0);
  }
}

async function serverVersion(dir: string): Promise<string> {
  return withSuperuser(dir, 'postgres', async (client) => (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '');
}

/**
 * The database's own privileges (who may connect), as statements: pg_dump without --create leaves
 * them out, and a restored database would otherwise be open to every role (PUBLIC's defaults).
 */
export async function databaseGrants(dir: string, database: string): Promise<string> {
  return withSuperuser(dir, 'postgres', async (client) => {
    const result = await client.query<{ grantee: string | null; privilege: string }>(
      `SELECT r.rolname AS grantee, a.privilege_type AS privilege
         FROM pg_database d
         CROSS JOIN LATERAL aclexplode(COALESCE(d.datacl, acldefault('d', d.datdba))) a
         LEFT JOIN pg_roles r ON r.oid = a.grantee
        WHERE d.datname = $1 AND a.grantee <> d.datdba
        ORDER BY 1 NULLS FIRST, 2`,
      [database],
    );
    const name = pg.escapeIdentifier(database);
    return [
      `REVOKE ALL ON DATABASE ${name} FROM PUBLIC;`,
      ...result.rows.map((row) => `GRANT ${row.privilege} ON DATABASE ${name} TO ${row.grantee === null ? 'PUBLIC' : pg.escapeIdentifier(row.grantee)};`),
    ].join('\n');
  });
}

async function dumpGlobals(dir: string, clients: string): Promise<Buffer> {
  const child = start(tool(clients, 'pg_dumpall'), ['--globals-only', '--no-password', '--no-tablespaces'], clientEnv(dir, 'postgres'), 'pg_dumpall');
  const [out] = await Promise.all([collect(child.stdout, MAX_GLOBALS_BYTES), child.done]);
  return out;
}

interface Layout {
  header: ServerBackupHeader;
  prefix: Buffer;
  cipherStart: number;
  cipherEnd: number;
  size: number;
}

function readLayout(file: string): Layout {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const fixed = Buffer.alloc(PREFIX_BYTES);
    if (size < PREFIX_BYTES + TAG_BYTES + SUM_BYTES || readSync(fd, fixed, 0, PREFIX_BYTES, 0) !== PREFIX_BYTES) throw new AppError('VALIDATION', NOT_A_BACKUP);
    if (!fixed.subarray(0, SERVER_BACKUP_MAGIC.length).equals(SERVER_BACKUP_MAGIC)) throw new AppError('VALIDATION', NOT_A_BACKUP);
    if (fixed[SERVER_BACKUP_MAGIC.length] !== SERVER_BACKUP_VERSION) {
      throw new AppError('DB_NEWER', 'Ta kopia zapasowa serwera pochodzi z nowszej wersji Asysty — zaktualizuj Asystę, aby ją przywrócić.');
    }
    const headerLength = fixed.readUInt32BE(SERVER_BACKUP_MAGIC.length + 1);
    if (headerLength > MAX_HEADER_BYTES || PREFIX_BYTES + headerLength + TAG_BYTES + SUM_BYTES > size) throw new AppError('DB_CORRUPT', DAMAGED);
    const headerBytes = Buffer.alloc(headerLength);
    readSync(fd, headerBytes, 0, headerLength, PREFIX_BYTES);
    let parsed: unknown;
    try {
      parsed = JSON.parse(headerBytes.toString('utf8'));
    } catch {
      throw new AppError('DB_CORRUPT', DAMAGED);
    }
    const header = headerSchema.safeParse(parsed);
    if (!header.success) throw new AppError('DB_CORRUPT', DAMAGED);
    const cipherStart = PREFIX_BYTES + headerLength;
    return { header: header.data, prefix: Buffer.concat([fixed, headerBytes]), cipherStart, cipherEnd: size - SUM_BYTES - TAG_BYTES, size };
  } finally {
    closeSync(fd);
  }
}

async function fileSum(file: string, size: number): Promise<{ computed: Buffer; stored: Buffer }> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file, { start: 0, end: size - SUM_BYTES - 1 }), new Writable({ write: (chunk: Buffer, _e, cb) => (hash.update(chunk), cb()) }));
  const stored = Buffer.alloc(SUM_BYTES);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, stored, 0, SUM_BYTES, size - SUM_BYTES);
  } finally {
    closeSync(fd);
  }
  return { computed: hash.digest(), stored };
}

/** The parts of the payload before pg_dump's archive: the cluster's roles, then the database's own grants. */
interface Prelude {
  globals: Buffer;
  database: Buffer;
}
const PRELUDE_SECTIONS = 2;

/**
 * Decrypts the payload: returns its prelude and streams the archive into `archive`. The GCM tag
 * is checked at the end: a caller that must not act on unchecked data makes a checking pass first.
 */
async function decrypt(file: string, layout: Layout, key: Buffer, archive: Writable): Promise<Prelude> {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(layout.header.nonce, 'base64'));
  decipher.setAAD(layout.prefix);
  const tag = Buffer.alloc(TAG_BYTES);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, tag, 0, TAG_BYTES, layout.cipherEnd);
  } finally {
    closeSync(fd);
  }
  decipher.setAuthTag(tag);
  let head = Buffer.alloc(0);
  const sections: Buffer[] = [];
  await pipeline(
    createReadStream(file, { start: layout.cipherStart, end: layout.cipherEnd - 1 }),
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        let plain = decipher.update(chunk);
        while (sections.length < PRELUDE_SECTIONS) {
          head = Buffer.concat([head, plain]);
          plain = Buffer.alloc(0);
          if (head.length < 4) return callback();
          const length = head.readUInt32BE(0);
          if (length > MAX_GLOBALS_BYTES) return callback(new AppError('WRONG_PASSWORD', WRONG_PASSWORD));
          if (head.length < 4 + length) return callback();
          sections.push(head.subarray(4, 4 + length));
          head = head.subarray(4 + length);
          if (sections.length === PRELUDE_SECTIONS) plain = head;
        }
        callback(null, plain);
      },
      flush(callback) {
        try {
          const last = decipher.final();
          callback(null, last);
        } catch {
          callback(new AppError('WRONG_PASSWORD', WRONG_PASSWORD));
        }
      },
    }),
    archive,
  );
  const [globals, database] = sections;
  if (!globals || !database) throw new AppError('WRONG_PASSWORD', WRONG_PASSWORD);
  return { globals, database };
}

function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, callback) => callback() });
}

export interface VerifiedBackup {
  header: ServerBackupHeader;
  sha256: string;
}

/** Checks a backup whole: the file's sum, the password, the GCM tag, and (with `clients`, pg_restore's folder) pg_restore --list. */
export async function verifyServerBackup(file: string, password: string, clients?: string): Promise<VerifiedBackup> {
  const layout = readLayout(file);
  const sum = await fileSum(file, layout.size);
  if (!sum.computed.equals(sum.stored)) throw new AppError('DB_CORRUPT', DAMAGED);
  const key = await deriveKey(password, Buffer.from(layout.header.kdf.salt, 'base64'), layout.header.kdf);
  try {
    if (clients) {
      const list = start(tool(clients, 'pg_restore'), ['--list'], childEnv(), 'pg_restore --list');
      list.stdout.resume();
      await Promise.all([decrypt(file, layout, key, list.stdin), list.done]);
    } else {
      await decrypt(file, layout, key, discard());
    }
  } finally {
    key.fill(0);
  }
  return { header: layout.header, sha256: sum.computed.toString('hex') };
}

/**
 * The roles of the backup for this cluster: its own superuser left as it is (its password is this
 * server's), every other role created when missing and then given the backup's attributes,
 * password verifier and memberships.
 */
export function globalsForRestore(sql: string, superuser: string): string {
  const out: string[] = [];
  const own = new RegExp(`^(CREATE|ALTER) ROLE ${superuser.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ ;]`);
  for (const line of sql.split('\n')) {
    if (own.test(line)) continue;
    const create = /^CREATE ROLE (.+);$/.exec(line);
    if (create) out.push(`DO $asysta$ BEGIN CREATE ROLE ${create[1]}; EXCEPTION WHEN duplicate_object THEN NULL; END $asysta$;`);
    else out.push(line);
  }
  return out.join('\n');
}

export interface RestoreResult {
  createdAt: string;
  /** The database the replaced data was renamed to (kept until removed by hand), or null. */
  keptAs: string | null;
  ms: number;
}

/**
 * Restores a backup into the running server at `dir`: checks it whole first, then applies the
 * roles, renames the present database aside (kept, named in the result), and restores the
 * archive into a new one in a single transaction. A failure puts the old database back.
 */
export async function restoreServer(dir: string, file: string, password: string, now = new Date()): Promise<RestoreResult> {
  const started = performance.now();
  const config = readConfig(dir);
  const clients = await clientToolsDir(dir);
  const checked = await verifyServerBackup(file, password, clients);
  const layout = readLayout(file);
  const key = await deriveKey(password, Buffer.from(layout.header.kdf.salt, 'base64'), layout.header.kdf);
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  // Two restores within one second must not collide on the name of the copy kept aside.
  let aside = `${SERVER_DATABASE}_przed_przywroceniem_${stamp}`;
  const database = config.database;
  let keptAs: string | null = null;
  try {
    // The roles first (they are the cluster's, not the database's).
    const prelude = await decrypt(file, layout, key, discard());
    const psql = start(
      tool(clients, 'psql'),
      ['--no-psqlrc', '--quiet', '--no-password', '--set', 'ON_ERROR_STOP=1', '--single-transaction', '--file', '-'],
      clientEnv(dir, 'postgres'),
      'psql (role)',
    );
    psql.stdout.resume();
    psql.stdin.end(globalsForRestore(prelude.globals.toString('utf8'), config.superuser));
    await psql.done;

    await withSuperuser(dir, 'postgres', async (client) => {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (exists.rowCount !== 0) {
        await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
        const base = aside;
        for (let n = 2; (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [aside])).rowCount !== 0; n += 1) aside = `${base}_${n}`;
        await client.query(`ALTER DATABASE ${pg.escapeIdentifier(database)} RENAME TO ${pg.escapeIdentifier(aside)}`);
        keptAs = aside;
      }
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)} OWNER ${pg.escapeIdentifier(OWNER_ROLE)} ENCODING 'UTF8' TEMPLATE template0`);
      // Closed until restored; then it gets the backup's own grants.
      await client.query(`REVOKE ALL ON DATABASE ${pg.escapeIdentifier(database)} FROM PUBLIC`);
    });
    try {
      // --disable-triggers: the rows come back as they were (the audit trigger does not re-chain them).
      const restore = start(
        tool(clients, 'pg_restore'),
        ['--dbname', database, '--no-password', '--exit-on-error', '--single-transaction', '--disable-triggers'],
        clientEnv(dir, database),
        'pg_restore',
      );
      restore.stdout.resume();
      // pg_restore's own message first: a broken pipe is only its consequence.
      const [fed, restored] = await Promise.allSettled([decrypt(file, layout, key, restore.stdin), restore.done]);
      if (restored.status === 'rejected') throw restored.reason;
      if (fed.status === 'rejected') throw fed.reason;
      await withSuperuser(dir, 'postgres', (client) => client.query(prelude.database.toString('utf8')));
    } catch (error) {
      await withSuperuser(dir, 'postgres', async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
        if (keptAs) await client.query(`ALTER DATABASE ${pg.escapeIdentifier(keptAs)} RENAME TO ${pg.escapeIdentifier(database)}`);
      });
      keptAs = null;
      throw error;
    }
  } finally {
    key.fill(0);
  }
  return { createdAt: checked.header.createdAt, keptAs, ms: performance.now() - started };
}
