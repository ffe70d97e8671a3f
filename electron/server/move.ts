/**
 * Moving a single-PC office ("Ten komputer": the encrypted SQLite data folder) onto a fresh office
 * server (issue 18, item 1), run on the server PC: `npm run server -- move --dir DIR --from DATA_DIR`.
 *
 * 1. The local side is opened with the kierownik's login and password (her key slot), without
 *    migrating and without writing; its schema must be this build's, its slot file intact and its
 *    audit chain sound (with the slot file's anchor) — else nothing is copied.
 * 2. In ONE PostgreSQL transaction as the cluster's superuser: every table in foreign-key order;
 *    the audit trail byte for byte (its insert trigger, which would give new numbers, times and
 *    hashes, is off for that table only: session_replication_role = replica around its insert),
 *    `audit.head` and the counters as they are; the derived rows (the tray's task and action
 *    rows, the search index) rebuilt by the server's own triggers. Every user gets her login
 *    role: the kierownik with the password she typed, the others with one-time passwords (the
 *    local key slots hold no password that could be carried over), switched-off accounts without
 *    LOGIN. The setup role loses LOGIN.
 * 3. Still inside that transaction it verifies: per table the row count and a content digest equal
 *    on both sides (derived tables included, so the server's triggers are checked against the
 *    embedded ones), and AuditService.verify over the copied chain with its head equal to the
 *    local head. Any difference rolls everything back.
 * 4. After the commit: the kierownik signs in to the server with her new login role and verifies
 *    the chain again; then the data folder is marked as moved (data/moved-marker.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { EntityManager } from 'typeorm';
import { DataFolder } from '../data/data-folder';
import { movedMarkerPath, movedMarkerText, officeMovedError, readMovedMarker } from '../data/moved-marker';
import { ServerDatabase } from '../data/postgres/server-database';
import { ident, literal, loginRole, scramVerifier, serverRoles, type ServerRoles } from '../data/postgres/roles';
import { execute, queryAll, queryArrays, queryOne, toNumber, truthy } from '../data/sql';
import { keyringIntact, TAMPERED_KEYS_MESSAGE } from '../db/keyring';
import { systemClock } from '../clock';
import { AppError } from '../errors';
import { AuditService } from '../services/audit';
import type { Role } from '../../shared/domain/roles';
import { clusterStatus, readConfig, superuserConnection } from './cluster';

/** Letters and digits that cannot be mistaken for each other when read aloud or retyped. */
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Local tables that are not copied: TypeORM's migration list and the FTS5 index (the server has its own). */
const NOT_COPIED = (table: string) => table === 'migrations' || table === 'case_search' || table.startsWith('case_search_') || table.startsWith('sqlite_');

/**
 * Rows the server derives itself (its triggers, like the embedded migrations' triggers): not
 * copied, but compared — so the server's rules are checked against the embedded ones. The
 * search index's own numbering (search_doc.id) differs by design and is left out.
 */
const DERIVED: Record<string, { exclude: readonly string[] }> = {
  search_doc: { exclude: ['id'] },
  signed_plan_task: { exclude: [] },
  running_contract_action: { exclude: [] },
  case_deadline: { exclude: [] },
};

/** Functions of the server's triggers that rest during the copy (see copyInTransaction). */
const RESTING_TRIGGER_FUNCTIONS = ['asysta.reindex_trigger()', 'asysta.family_key_case()', 'asysta.family_key_member()'];

/** Office lists the server's schema fills with defaults: the local office's own rows replace them. */
const SEEDED_ON_SERVER = new Set(['food_aid_threshold']);

/** Columns only the server has. */
const SERVER_ONLY_COLUMNS: Record<string, readonly string[]> = { user: ['db_role'] };

/** Rows per INSERT (PostgreSQL binds at most 65 535 parameters) and bytes per INSERT. */
const MAX_PARAMS = 30_000;
const MAX_BATCH_BYTES = 16 * 1024 * 1024;
const READ_PAGE = 2_000;

export interface MoveOptions {
  /** The server folder (`npm run server -- … --dir DIR`); the cluster runs. */
  serverDir: string;
  /** The office's data folder (asysta.db and asysta.keys.json). */
  dataDir: string;
  /** The kierownik's login and password (her key slot here; her login role's password on the server). */
  login: string;
  password: string;
  /** Progress lines (Polish, no personal data). */
  log?: (line: string) => void;
}

export interface TableCheck {
  table: string;
  rows: number;
  /** SHA-256 over the sorted hashes of the rows' values (the same on both sides). */
  digest: string;
  derived: boolean;
}

export interface MovedAccount {
  login: string;
  name: string;
  role: string;
  /** The one-time password to hand over; null for the kierownik (her own) and switched-off accounts. */
  password: string | null;
  active: boolean;
}

export interface MoveResult {
  server: { host: string; port: number };
  tables: TableCheck[];
  auditHead: { seq: number; hash: string };
  accounts: MovedAccount[];
  timings: { checkMs: number; copyMs: number; verifyMs: number; totalMs: number };
}

interface Column {
  name: string;
  /** The server's type (information_schema data_type): how a value is bound and compared. */
  type: string;
}

interface TablePlan {
  table: string;
  columns: Column[];
}

interface LocalUser {
  id: string;
  login: string;
  firstName: string;
  lastName: string;
  roles: Role[];
  active: boolean;
}

/** A readable one-time password: 4 groups of 5 from 55 characters (115 bits). */
export function oneTimePassword(): string {
  const bytes = randomBytes(40);
  let out = '';
  for (const byte of bytes) {
    // Rejection sampling keeps every character equally likely.
    if (byte >= 55 * 4) continue;
    out += PASSWORD_ALPHABET[byte % 55];
    if (out.length === 20) break;
  }
  if (out.length < 20) return oneTimePassword();
  return out.match(/.{5}/g)!.join('-');
}

/** A value as both engines give it, reduced to one form per server column type. */
function normalise(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'boolean') return truthy(value);
  if (type === 'bytea') return Buffer.isBuffer(value) ? `\\x${value.toString('hex')}` : value;
  if (type === 'integer' || type === 'bigint' || type === 'smallint' || type === 'double precision' || type === 'real' || type === 'numeric') return toNumber(value);
  if (type === 'text' || type.startsWith('character')) return typeof value === 'string' ? value : String(value);
  return value;
}

/** A value bound as the server's column expects it (SQLite keeps flags as 0/1). */
function bindable(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'boolean') return truthy(value);
  if (type === 'text' && typeof value !== 'string') return String(value);
  return value;
}

/** Collects the hashes of a table's rows; the digest does not depend on the rows' order. */
class Digest {
  private readonly hashes: Buffer[] = [];

  add(values: readonly unknown[], columns: readonly Column[]): void {
    const normal = values.map((v, i) => normalise(v, columns[i]!.type));
    this.hashes.push(createHash('sha256').update(JSON.stringify(normal), 'utf8').digest());
  }

  get rows(): number {
    return this.hashes.length;
  }

  finish(): string {
    this.hashes.sort(Buffer.compare);
    const hash = createHash('sha256');
    for (const h of this.hashes) hash.update(h);
    return hash.digest('hex');
  }
}

function sizeOf(value: unknown): number {
  if (Buffer.isBuffer(value)) return value.length;
  if (typeof value === 'string') return value.length * 2;
  return 8;
}

function quoteList(columns: readonly Column[]): string {
  return columns.map((c) => ident(c.name)).join(', ');
}

/** Tables in an order where every referenced table comes first (self-references aside). */
function foreignKeyOrder(tables: readonly string[], edges: readonly { child: string; parent: string }[]): string[] {
  const pending = new Set(tables);
  const order: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter((t) => !edges.some((e) => e.child === t && e.parent !== t && pending.has(e.parent))).sort();
    if (ready.length === 0) throw new Error(`Foreign keys form a cycle among: ${[...pending].join(', ')}`);
    for (const t of ready) {
      order.push(t);
      pending.delete(t);
    }
  }
  return order;
}

/** Reads a local table page by page (rowid order), each row's values in `columns` order. */
async function* localRows(manager: EntityManager, table: string, columns: readonly Column[]): AsyncGenerator<unknown[][]> {
  let after = -Infinity;
  const sql = `SELECT rowid, ${quoteList(columns)} FROM ${ident(table)} WHERE rowid > ? ORDER BY rowid LIMIT ${READ_PAGE} -- move`;
  for (;;) {
    const page = await queryArrays(manager, sql, [after === -Infinity ? Number.MIN_SAFE_INTEGER : after]);
    if (page.length === 0) return;
    after = Number(page[page.length - 1]![0]);
    yield page.map((row) => row.slice(1));
    if (page.length < READ_PAGE) return;
  }
}

/** Reads a server table through a cursor (inside the move's transaction). */
async function* serverRows(manager: EntityManager, table: string, columns: readonly Column[]): AsyncGenerator<unknown[][]> {
  await execute(manager, `DECLARE move_rows NO SCROLL CURSOR FOR SELECT ${quoteList(columns)} FROM ${ident(table)}`);
  try {
    for (;;) {
      const page = await queryAll<Record<string, unknown>>(manager, `FETCH FORWARD ${READ_PAGE} FROM move_rows`);
      if (page.length === 0) return;
      yield page.map((row) => columns.map((c) => row[c.name]));
    }
  } finally {
    await execute(manager, 'CLOSE move_rows');
  }
}

async function insertBatch(manager: EntityManager, table: string, columns: readonly Column[], rows: readonly unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const marks = row.map((value, i) => {
      params.push(bindable(value, columns[i]!.type));
      return `$${params.length}`;
    });
    return `(${marks.join(', ')})`;
  });
  // PostgreSQL text with $n already: bound as it is.
  await execute(manager, pgOnly(`INSERT INTO ${ident(table)} (${quoteList(columns)}) VALUES ${tuples.join(', ')}`), params);
}

/** Copies one table: local pages in, server batches out; returns the local digest. */
async function copyTable(local: EntityManager, server: EntityManager, plan: TablePlan, extra?: (row: unknown[]) => unknown[], extraColumns: Column[] = []): Promise<Digest> {
  const digest = new Digest();
  const target = [...plan.columns, ...extraColumns];
  const perBatch = Math.max(1, Math.floor(MAX_PARAMS / target.length));
  let batch: unknown[][] = [];
  let bytes = 0;
  for await (const page of localRows(local, plan.table, plan.columns)) {
    for (const row of page) {
      digest.add(row, plan.columns);
      const out = extra ? [...row, ...extra(row)] : row;
      batch.push(out);
      bytes += out.reduce<number>((sum, v) => sum + sizeOf(v), 0);
      if (batch.length >= perBatch || bytes >= MAX_BATCH_BYTES) {
        await insertBatch(server, plan.table, target, batch);
        batch = [];
        bytes = 0;
      }
    }
  }
  await insertBatch(server, plan.table, target, batch);
  return digest;
}

async function localDigest(local: EntityManager, plan: TablePlan): Promise<Digest> {
  const digest = new Digest();
  for await (const page of localRows(local, plan.table, plan.columns)) for (const row of page) digest.add(row, plan.columns);
  return digest;
}

async function serverDigest(server: EntityManager, plan: TablePlan): Promise<Digest> {
  const digest = new Digest();
  for await (const page of serverRows(server, plan.table, plan.columns)) for (const row of page) digest.add(row, plan.columns);
  return digest;
}

/** Text for PostgreSQL only (already numbered, or no parameters): not rewritten, not cached. */
function pgOnly(postgres: string): { sqlite: string; postgres: string } {
  return { sqlite: '', postgres };
}

function failed(message: string): AppError {
  return new AppError('INVALID_STATE', `${message} Biura nie przeniesiono; niczego nie zmieniono ani na serwerze, ani na tym komputerze.`);
}

/** The local office, opened with the kierownik's slot and checked; `work` runs in one transaction holding the file's write lock. */
async function withLocalOffice<T>(options: MoveOptions, work: (manager: EntityManager, anchor: { seq: number; hash: string } | null) => Promise<T>): Promise<T> {
  const marker = readMovedMarker(options.dataDir);
  if (marker) throw officeMovedError(marker);
  if (!existsSync(options.dataDir)) throw failed(`Nie ma folderu ${options.dataDir}.`);
  const folder = new DataFolder({ dataDir: options.dataDir });
  if (!folder.configured()) throw failed(`W folderze ${options.dataDir} nie ma danych Asysty.`);
  // The mark is written at the end: a folder it cannot be written to is refused now, not then.
  try {
    accessSync(options.dataDir, constants.W_OK);
  } catch {
    throw failed(`Do folderu ${options.dataDir} nie można zapisywać (potrzebny do oznaczenia danych jako przeniesionych).`);
  }
  const keyring = await folder.readKeyring();
  const masterKey = await folder.unwrapWithPassword(keyring, options.login, options.password);
  if (!masterKey) throw new AppError('WRONG_PASSWORD', 'Nieprawidłowy login lub hasło kierownika. Biura nie przeniesiono; niczego nie zmieniono.');
  let db;
  try {
    if (!keyringIntact(keyring, masterKey)) throw new AppError('DB_CORRUPT', TAMPERED_KEYS_MESSAGE);
    db = await folder.openDatabase(masterKey, { migrate: false });
  } finally {
    masterKey.fill(0);
  }
  try {
    if (await db.hasPendingMigrations()) {
      throw new AppError(
        'INVALID_STATE',
        'Dane na tym komputerze mają starszą wersję bazy niż ta Asysta. Zaloguj się najpierw w Asyście tej wersji na komputerze z danymi (baza zostanie uaktualniona), a potem przenieś biuro. Niczego nie zmieniono.',
      );
    }
    // One transaction: the copy is one consistent state of the office. It holds the file's write
    // lock (a write that changes nothing takes it) until the folder is marked as moved, so an
    // Asysta still open on this folder cannot write what the server would never get: it waits,
    // then fails. Nothing is written here.
    return await db.write(async (manager) => {
      await execute(manager, 'UPDATE setting SET key = key WHERE 0 = 1');
      return work(manager, keyring.anchor);
    });
  } finally {
    await db.close();
  }
}

function headOf(users: readonly LocalUser[], login: string): LocalUser {
  const user = users.find((u) => u.login === login);
  if (!user || !user.active || !user.roles.includes('head')) {
    throw new AppError('FORBIDDEN', 'Biuro na serwer przenosi kierownik ośrodka (jego aktywne konto). Niczego nie zmieniono.');
  }
  return user;
}

/** The role names of the server's database (its prefix is recorded at its creation). */
async function serverPrefix(server: EntityManager): Promise<ServerRoles> {
  const row = await queryOne<{ prefix: string }>(server, 'SELECT role_prefix AS prefix FROM asysta.server_info');
  return serverRoles(row?.prefix);
}

/** Moves the office; see the file's comment. Throws an AppError (Polish) when refused: nothing changed then. */
export async function moveOffice(options: MoveOptions): Promise<MoveResult> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const config = readConfig(options.serverDir);
  if (!(await clusterStatus(options.serverDir)).running) {
    throw new AppError('SERVER_UNREACHABLE', `Serwer nie działa — uruchom go: npm run server -- start --dir ${options.serverDir}. Niczego nie zmieniono.`);
  }
  const audit = new AuditService(systemClock);
  const server = { host: config.hosts[0] ?? '127.0.0.1', port: config.port };
  let timings = { checkMs: 0, copyMs: 0, verifyMs: 0 };
  const moved = await withLocalOffice(options, async (local, anchor) => {
    const users = (
      await queryAll<{ id: string; login: string; firstName: string; lastName: string; roles: string; active: unknown }>(
        local,
        'SELECT id, login, first_name AS "firstName", last_name AS "lastName", roles, active FROM "user"',
      )
    ).map((u): LocalUser => ({ ...u, roles: JSON.parse(u.roles) as Role[], active: truthy(u.active) }));
    const head = headOf(users, options.login);
    log('Sprawdzam dziennik zdarzeń na tym komputerze…');
    const chain = await audit.verify(local, anchor);
    if (!chain.ok) throw failed(`Dziennik zdarzeń na tym komputerze jest naruszony: ${chain.message}`);
    const localHead = await audit.head(local);

    // As the cluster's superuser (the server checks its schema version first): the login roles
    // are made here, and the audit trail's insert trigger can be set aside for the copy.
    const admin = await ServerDatabase.open(superuserConnection(options.serverDir, config.database));
    let copied: Copied;
    try {
      copied = await copyAndVerify(local, admin, { users, head, headPassword: options.password, localHead, chainChecked: chain.checked, log, started, setTimings: (t) => (timings = t) });
    } finally {
      await admin.close();
    }

    // The kierownik's own login role works and sees the same chain (row-level security on).
    const asHead = await ServerDatabase.open({ ...superuserConnection(options.serverDir, config.database), user: copied.headRole, password: options.password });
    try {
      const seen = await asHead.read(async (m) => ({ chain: await audit.verify(m), head: await audit.head(m) }));
      if (!seen.chain.ok || seen.head.hash !== copied.auditHead.hash || seen.head.seq !== copied.auditHead.seq) {
        throw new AppError('INTERNAL', `Po przeniesieniu kierownik widzi na serwerze inny dziennik zdarzeń (${seen.chain.message}). Folder danych na tym komputerze nie został oznaczony jako przeniesiony.`);
      }
    } finally {
      await asHead.close();
    }

    // The old folder: marked as moved (written aside, then renamed into place) while its write
    // lock is still held.
    const marker = movedMarkerPath(options.dataDir);
    const text = movedMarkerText({ format: 'asysta-moved', version: 1, movedAt: new Date().toISOString(), server, auditHead: copied.auditHead });
    writeFileSync(`${marker}.tmp`, text, { mode: 0o600 });
    try {
      renameSync(`${marker}.tmp`, marker);
    } finally {
      rmSync(`${marker}.tmp`, { force: true });
    }
    return copied;
  });

  return { server, tables: moved.tables, auditHead: moved.auditHead, accounts: moved.accounts, timings: { ...timings, totalMs: performance.now() - started } };
}

interface CopyContext {
  users: LocalUser[];
  head: LocalUser;
  headPassword: string;
  localHead: { seq: number; hash: string };
  chainChecked: number;
  log: (line: string) => void;
  started: number;
  setTimings: (t: { checkMs: number; copyMs: number; verifyMs: number }) => void;
}

interface Copied {
  tables: TableCheck[];
  auditHead: { seq: number; hash: string };
  accounts: MovedAccount[];
  headRole: string;
  timings: { checkMs: number; copyMs: number; verifyMs: number };
}

async function copyAndVerify(local: EntityManager, admin: ServerDatabase, ctx: CopyContext): Promise<Copied> {
  // A maintenance transaction: the app's per-statement limit (for a PC's requests) does not apply;
  // indexing a large office's cases is one statement.
  const copied = await admin.write(async (server) => {
    await execute(server, 'SET LOCAL statement_timeout = 0');
    return copyInTransaction(local, server, ctx);
  });
  ctx.setTimings(copied.timings);
  // Fresh statistics for the planner (the tables came in one go).
  await admin.write(async (server) => {
    await execute(server, 'SET LOCAL statement_timeout = 0');
    await execute(server, 'ANALYZE');
  });
  return copied;
}

async function copyInTransaction(local: EntityManager, server: EntityManager, ctx: CopyContext): Promise<Copied> {
  const roles = await serverPrefix(server);
  // An office already there (moved or created): refused.
  for (const table of ['office', 'user', 'audit_log', 'case_file', 'person']) {
    const found = await queryOne(server, `SELECT 1 AS x FROM ${ident(table)} LIMIT 1`);
    if (found) throw failed('Na tym serwerze jest już ośrodek (założony albo przeniesiony wcześniej). Przenieść można tylko do nowego serwera.');
  }

  // What to copy: the local tables, each column present on the server.
  const localTables = (await queryAll<{ name: string }>(local, `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)).map((r) => r.name).filter((t) => !NOT_COPIED(t));
  const serverColumns = await queryAll<{ table: string; column: string; type: string }>(
    server,
    `SELECT table_name AS "table", column_name AS "column", data_type AS "type" FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  const plans = new Map<string, TablePlan>();
  for (const table of localTables) {
    const onServer = serverColumns.filter((c) => c.table === table);
    if (onServer.length === 0) throw failed(`Serwer nie ma tabeli „${table}”, którą mają dane na tym komputerze — wersje Asysty na serwerze i przy danych się różnią.`);
    const names = (await queryAll<{ name: string }>(local, `SELECT name FROM pragma_table_info(?) ORDER BY cid`, [table])).map((r) => r.name);
    const columns: Column[] = [];
    for (const name of names) {
      const column = onServer.find((c) => c.column === name);
      if (!column) throw failed(`Serwer nie ma kolumny „${table}.${name}”, którą mają dane na tym komputerze — wersje Asysty na serwerze i przy danych się różnią.`);
      columns.push({ name, type: column.type });
    }
    const missing = onServer.filter((c) => !names.includes(c.column) && !(SERVER_ONLY_COLUMNS[table] ?? []).includes(c.column) && !(table === 'search_doc'));
    if (missing.length > 0) throw failed(`Dane na tym komputerze nie mają kolumn ${missing.map((c) => `„${table}.${c.column}”`).join(', ')}, które ma serwer — wersje Asysty się różnią.`);
    plans.set(table, { table, columns });
  }
  const copied = localTables.filter((t) => !(t in DERIVED));
  const fks = await queryAll<{ child: string; parent: string }>(
    server,
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
  );
  const unquote = (name: string) => name.replace(/^"|"$/g, '');
  const order = foreignKeyOrder(
    copied,
    fks.map((e) => ({ child: unquote(e.child), parent: unquote(e.parent) })),
  );

  // Login roles: free names first (roles belong to the whole cluster).
  const accounts: MovedAccount[] = [];
  const dbRoleOf = new Map<string, string>();
  for (const user of ctx.users) {
    const role = loginRole(roles, user.login);
    if (await queryOne(server, 'SELECT 1 AS x FROM pg_roles WHERE rolname = ?', [role])) {
      throw failed(`Na serwerze jest już konto bazy „${role}”.`);
    }
    const isHead = user.id === ctx.head.id;
    const password = isHead || !user.active ? null : oneTimePassword();
    const verifier = isHead ? scramVerifier(ctx.headPassword) : password ? scramVerifier(password) : null;
    await execute(server, pgOnly(`CREATE ROLE ${ident(role)} ${verifier ? `LOGIN PASSWORD ${literal(verifier)}` : 'NOLOGIN'}`));
    dbRoleOf.set(user.id, role);
    accounts.push({ login: user.login, name: `${user.firstName} ${user.lastName}`, role, password, active: user.active });
  }
  const checkMs = performance.now() - ctx.started;

  // The copy.
  const copyStarted = performance.now();
  const tables: TableCheck[] = [];
  const localDigests = new Map<string, Digest>();
  // Triggers that keep values derived per row rest during the copy: the search index's (it
  // would rebuild a case's entry for each member as it arrives; every case is indexed once after
  // the copy) and case_file.family_key's (its copied value stays; the digests compare it).
  const resting = await queryAll<{ table: string; trigger: string; fn: string }>(
    server,
    pgOnly(`SELECT t.tgrelid::regclass::text AS "table", t.tgname AS "trigger", t.tgfoid::regproc::text AS fn FROM pg_trigger t
      WHERE NOT t.tgisinternal AND t.tgfoid IN (SELECT to_regprocedure(f) FROM unnest($1::text[]) f)`),
    [RESTING_TRIGGER_FUNCTIONS],
  );
  for (const t of resting) await execute(server, pgOnly(`ALTER TABLE ${t.table} DISABLE TRIGGER ${ident(t.trigger)}`));
  for (const table of order) {
    const plan = plans.get(table)!;
    const tableStarted = performance.now();
    if (SEEDED_ON_SERVER.has(table)) await execute(server, `DELETE FROM ${ident(table)}`);
    let digest: Digest;
    if (table === 'audit_log') {
      // The chain as it is: the insert trigger would number, time and hash the entries anew.
      await execute(server, 'SET LOCAL session_replication_role = replica');
      digest = await copyTable(local, server, plan);
      await execute(server, 'SET LOCAL session_replication_role = origin');
    } else if (table === 'user') {
      const idAt = plan.columns.findIndex((c) => c.name === 'id');
      digest = await copyTable(local, server, plan, (row) => [dbRoleOf.get(String(row[idAt])) ?? null], [{ name: 'db_role', type: 'text' }]);
    } else {
      digest = await copyTable(local, server, plan);
    }
    localDigests.set(table, digest);
    ctx.log(`  ${table}: ${digest.rows} wierszy, ${((performance.now() - tableStarted) / 1000).toFixed(1)} s`);
  }
  if (resting.some((t) => t.fn === 'asysta.reindex_trigger')) {
    const indexStarted = performance.now();
    await execute(server, 'SELECT asysta.reindex_case(c.id) FROM case_file c');
    ctx.log(`  indeks wyszukiwania: ${((performance.now() - indexStarted) / 1000).toFixed(1)} s`);
  }
  for (const t of resting) await execute(server, pgOnly(`ALTER TABLE ${t.table} ENABLE TRIGGER ${ident(t.trigger)}`));
  // The office now exists: the one-time setup code no longer opens anything.
  await execute(server, pgOnly(`ALTER ROLE ${ident(roles.setup)} NOLOGIN`));
  const copyMs = performance.now() - copyStarted;

  // Verification, still inside the transaction.
  const verifyStarted = performance.now();
  ctx.log('Sprawdzam kopię na serwerze…');
  const differences: string[] = [];
  for (const table of [...order, ...localTables.filter((t) => t in DERIVED)]) {
    const full = plans.get(table)!;
    const derived = DERIVED[table];
    const plan = derived ? { table, columns: full.columns.filter((c) => !derived.exclude.includes(c.name)) } : full;
    const mine = localDigests.get(table) ?? (await localDigest(local, plan));
    const theirs = await serverDigest(server, plan);
    const localSum = mine.finish();
    const serverSum = theirs.finish();
    if (mine.rows !== theirs.rows || localSum !== serverSum) differences.push(`${table} (wierszy: ${mine.rows} tutaj, ${theirs.rows} na serwerze)`);
    tables.push({ table, rows: mine.rows, digest: localSum, derived: Boolean(derived) });
  }
  if (differences.length > 0) throw failed(`Kopia na serwerze różni się od danych na tym komputerze: ${differences.join(', ')}.`);
  const audit = new AuditService(systemClock);
  const chain = await audit.verify(server);
  const serverHead = await audit.head(server);
  if (!chain.ok || chain.checked !== ctx.chainChecked || serverHead.hash !== ctx.localHead.hash || serverHead.seq !== ctx.localHead.seq) {
    throw failed(`Dziennik zdarzeń na serwerze nie zgadza się z dziennikiem na tym komputerze (${chain.message}).`);
  }
  const verifyMs = performance.now() - verifyStarted;
  return { tables, auditHead: serverHead, accounts, headRole: dbRoleOf.get(ctx.head.id)!, timings: { checkMs, copyMs, verifyMs } };
}
