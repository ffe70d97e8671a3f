/**
 * The office server as an OfficeDatabase (issue 18): TypeORM over PostgreSQL with every entity,
 * connected as the signed-in person's own login role over TLS with the pinned CA (verify-full,
 * server/connect.ts), so that the row-level policies (schema/0002-access.ts) decide what she sees
 * and writes, whatever the services ask.
 *
 * - `write`: one transaction (READ COMMITTED, the server's default) — committed whole or rolled
 *   back whole; a lock waited on longer than LOCK_TIMEOUT_MS, or a statement running longer than
 *   STATEMENT_TIMEOUT_MS, ends it.
 * - `read`: one read-only REPEATABLE READ transaction, so that a read of several queries sees one
 *   state of the data, and can write nothing.
 * - Failures the user can act on become AppErrors in Polish (`serverFailure`): the server down or
 *   the connection cut (SERVER_UNREACHABLE; nothing of the transaction is stored), a refused
 *   password (WRONG_PASSWORD), a certificate not of this office's CA (SERVER_CERT), another
 *   schema version (SERVER_VERSION), a row held by another PC's write or a unique key it took
 *   meanwhile (CONFLICT), a row the policies refuse (FORBIDDEN).
 */
import pg from 'pg';
import { DataSource, QueryRunnerProviderAlreadyReleasedError, type EntityManager } from 'typeorm';
import { entitiesFor } from '../../db/entities';
import { AppError } from '../../errors';
import type { ConnectionInfo } from '../../server/cluster';
import { clientConfig, connectionError } from '../../server/connect';
import type { OfficeDatabase } from '../office-database';
import { requireServerSchema } from './migrate';
import { serverRoles, type ServerRoles } from './roles';

/** How long a write waits for a row another PC's write holds before giving up (CONFLICT). */
export const LOCK_TIMEOUT_MS = 5_000;
/** The longest a single statement may run on the server. */
export const STATEMENT_TIMEOUT_MS = 30_000;
/** A transaction left open this long (a client gone quiet) is ended by the server. */
const IDLE_IN_TRANSACTION_MS = 60_000;
/** Connections one PC keeps to the server. */
const POOL_SIZE = 4;

export interface ServerDatabaseOptions {
  /** Role names' prefix (roles.ts): "asysta" on an office server; tests give each database its own. */
  rolePrefix?: string;
  /** The schema version expected (this build's by default); only tests pass another. */
  schemaVersion?: number;
}

type Where = Pick<ConnectionInfo, 'host' | 'port'>;

/** Node's socket errors that mean the server cannot be reached or the connection was lost. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ECONNABORTED']);
/** PostgreSQL's: the server shut down or restarting, or out of connections. */
const SERVER_GONE_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
const LOST_CONNECTION = /Connection terminated|connection timeout|timeout expired|Connection is not open|Client has encountered a connection error|read ECONNRESET|socket hang up/i;

function errorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The AppError a failure on the server means to the user, or null when it is none of the kinds
 * above (a programming error: passed on as it is).
 */
export function serverFailure(error: unknown, where: Where): AppError | null {
  if (error instanceof AppError) return error;
  const code = errorCode(error);
  const message = errorMessage(error);
  const server = `${where.host}:${where.port}`;
  // TypeORM lets go of a connection the server ended (its 'error' event): the transaction's next query finds it released.
  const released = error instanceof QueryRunnerProviderAlreadyReleasedError;
  if (released || NETWORK_CODES.has(code) || SERVER_GONE_CODES.has(code) || code.startsWith('08') || LOST_CONNECTION.test(message)) {
    return new AppError(
      'SERVER_UNREACHABLE',
      `Brak połączenia z serwerem Asysty (${server}). Nic nie zostało zapisane na serwerze. Sprawdź, czy komputer z serwerem jest włączony i czy działa sieć, a potem spróbuj ponownie.`,
    );
  }
  if (code === '57014') {
    return new AppError('SERVER_UNREACHABLE', `Serwer Asysty (${server}) nie odpowiedział w wyznaczonym czasie. Operację przerwano i nic nie zostało zapisane; spróbuj ponownie.`);
  }
  if (code === '28P01' || code === '28000') return new AppError('WRONG_PASSWORD', 'Nieprawidłowy login lub hasło do serwera Asysty.');
  if (code === '55P03' || code === '40P01' || code === '40001') {
    return new AppError('CONFLICT', 'Te same dane zapisuje właśnie ktoś na innym komputerze. Nic nie zostało zapisane; spróbuj ponownie za chwilę.');
  }
  // A unique key taken meanwhile by another PC's write (the services check before they write,
  // and on the embedded file nothing can come between).
  if (code === '23505') {
    return new AppError('CONFLICT', 'Te same dane zapisał przed chwilą ktoś na innym komputerze. Nic nie zostało zapisane; odśwież widok i spróbuj ponownie.');
  }
  if (code === '42501') return new AppError('FORBIDDEN', 'Nie masz dostępu do tych danych.');
  if (/certificate|self[- ]signed|unable to (get|verify)|CERT_|ERR_TLS|SSL/i.test(`${code} ${message}`)) {
    const refused = connectionError(error, where);
    return new AppError('SERVER_CERT', refused.message);
  }
  return null;
}

function rethrow(error: unknown, where: Where): never {
  const failure = serverFailure(error, where);
  if (!failure) throw error;
  // The driver's own error stays attached for the log (never shown to the user).
  if (failure !== error) failure.cause = error;
  throw failure;
}

/**
 * TypeORM writes `INSERT … RETURNING "version"` (and UPDATE … RETURNING) on PostgreSQL to learn
 * the columns the database fills. Under row-level security a RETURNING row must also pass the
 * table's SELECT policy, which a row does not yet pass in the middle of its transaction: a new
 * family becomes the worker's only once its case is inserted, a case handed to another worker is
 * no longer hers. Told that the engine has no RETURNING, TypeORM does what it does on SQLite:
 * it writes, then reads back what it may see.
 */
function withoutReturning(source: DataSource): void {
  const driver = source.driver as { isReturningSqlSupported: (kind: 'insert' | 'update' | 'delete') => boolean };
  driver.isReturningSqlSupported = () => false;
}

export class ServerDatabase implements OfficeDatabase {
  readonly dialect = 'postgres' as const;

  private constructor(
    private readonly source: DataSource,
    private readonly where: Where,
    /** The roles of this office's database (user management creates login roles in its groups). */
    readonly roles: ServerRoles,
  ) {}

  /**
   * Connects as `info.user` (the signed-in person's login role), checks the schema version and
   * opens the pool. Refuses in Polish: the server down, the password, the certificate, the version.
   */
  static async open(info: ConnectionInfo, options: ServerDatabaseOptions = {}): Promise<ServerDatabase> {
    const roles = serverRoles(options.rolePrefix);
    const config = clientConfig(info);
    // One plain connection first: it proves the password and the certificate, and reads the
    // schema version, before a pool is built on them.
    const probe = new pg.Client(config);
    try {
      await probe.connect();
      await requireServerSchema(probe, options.schemaVersion);
    } catch (error) {
      rethrow(error, info);
    } finally {
      await probe.end().catch(() => undefined);
    }
    const source = new DataSource({
      type: 'postgres',
      driver: pg,
      host: info.host,
      port: info.port,
      database: info.database,
      username: info.user,
      password: info.password,
      // node-postgres's own settings for each pooled connection: verify-full as every other
      // connection to the server, and the server-side limits, sent at connect (no round trip).
      extra: {
        ssl: config.ssl,
        keepAlive: true,
        lock_timeout: LOCK_TIMEOUT_MS,
        statement_timeout: STATEMENT_TIMEOUT_MS,
        idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
        // A cut that sends no reset (a cable pulled) is noticed on the client too.
        query_timeout: STATEMENT_TIMEOUT_MS + 5_000,
        application_name: 'Asysta',
      },
      connectTimeoutMS: 10_000,
      entities: entitiesFor('postgres'),
      synchronize: false,
      migrationsRun: false,
      logging: false,
      poolSize: POOL_SIZE,
    });
    withoutReturning(source);
    try {
      await source.initialize();
    } catch (error) {
      rethrow(error, info);
    }
    return new ServerDatabase(source, { host: info.host, port: info.port }, roles);
  }

  async write<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      // READ COMMITTED is the server's default level: one START less per write.
      return await this.source.transaction(work);
    } catch (error) {
      rethrow(error, this.where);
    }
  }

  async read<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      // One statement sets both (TypeORM's own isolation argument would cost a round trip more).
      return await this.source.transaction(async (m) => {
        await m.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        return work(m);
      });
    } catch (error) {
      rethrow(error, this.where);
    }
  }

  async close(): Promise<void> {
    if (this.source.isInitialized) await this.source.destroy();
  }
}
