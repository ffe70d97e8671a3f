/**
 * The office server's schema: creating and upgrading it (as the cluster's superuser, on the
 * server PC), and the check every client makes before working in it — a client whose schema
 * version differs from the server's is refused with both versions named.
 */
import type { ClientBase } from 'pg';
import { AppError } from '../../errors';
import { ident, literal, serverRoles, type ServerRoles } from './roles';
import { SERVER_SCHEMA, SERVER_SCHEMA_VERSION } from './schema';
import type { ServerSchemaStep } from './schema/step';

/** Serialises two migrations of one database (both would otherwise race on the version table). */
const MIGRATION_LOCK = 0x4d696772; // "Migr"

export interface MigrateOptions {
  /** Role names' prefix (roles.ts); "asysta" on an office server. */
  prefix?: string;
  /** Only tests pass fewer steps, to build an older schema. */
  steps?: readonly ServerSchemaStep[];
}

async function bootstrap(admin: ClientBase, r: ServerRoles): Promise<void> {
  await admin.query(`DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal(r.owner)}) THEN CREATE ROLE ${ident(r.owner)} NOLOGIN; END IF;
  END $$`);
  await admin.query(`ALTER ROLE ${ident(r.owner)} NOLOGIN CREATEROLE BYPASSRLS`);
  await admin.query(`CREATE SCHEMA IF NOT EXISTS asysta AUTHORIZATION ${ident(r.owner)}`);
  // Functions are executable only where a step grants it (PostgreSQL's default is PUBLIC).
  await admin.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(r.owner)} REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC`);
  await admin.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
  await admin.query(`GRANT USAGE, CREATE ON SCHEMA public TO ${ident(r.owner)}`);
  await admin.query(`CREATE TABLE IF NOT EXISTS asysta.schema_version (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  await admin.query(`ALTER TABLE asysta.schema_version OWNER TO ${ident(r.owner)}`);
  await admin.query(`CREATE TABLE IF NOT EXISTS asysta.server_info (
    id integer PRIMARY KEY CHECK (id = 1),
    role_prefix text NOT NULL
  )`);
  await admin.query(`ALTER TABLE asysta.server_info OWNER TO ${ident(r.owner)}`);
  const existing = await admin.query<{ role_prefix: string }>('SELECT role_prefix FROM asysta.server_info');
  const stored = existing.rows[0]?.role_prefix;
  if (stored && stored !== r.prefix) throw new Error(`This database's roles are prefixed "${stored}", not "${r.prefix}".`);
  if (!stored) await admin.query('INSERT INTO asysta.server_info (id, role_prefix) VALUES (1, $1)', [r.prefix]);
}

/**
 * Brings the database to this build's schema, each step in its own transaction (a failed step
 * leaves the previous version whole). Connect as the cluster's superuser. Refuses a database
 * newer than this build. Returns the names of the steps it applied.
 */
export async function migrateServer(admin: ClientBase, options: MigrateOptions = {}): Promise<string[]> {
  const steps = options.steps ?? SERVER_SCHEMA;
  const r = serverRoles(options.prefix);
  const applied: string[] = [];
  await admin.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await bootstrap(admin, r);
    const current = await schemaVersion(admin);
    if (current > steps.length) throw versionMismatch(steps.length, current);
    for (const step of steps.slice(current)) {
      await admin.query('BEGIN');
      try {
        if (step.asSuperuser) await admin.query(step.asSuperuser(r));
        await admin.query(`SET LOCAL ROLE ${ident(r.owner)}`);
        await admin.query('SET LOCAL search_path = public, asysta');
        await admin.query(step.sql(r));
        await admin.query('INSERT INTO asysta.schema_version (version, name) VALUES ($1, $2)', [step.version, step.name]);
        await admin.query('COMMIT');
      } catch (error) {
        await admin.query('ROLLBACK');
        throw error;
      }
      applied.push(step.name);
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
  return applied;
}

/** The server's schema version (0: none yet). Readable by every Asysta role. */
export async function schemaVersion(client: ClientBase): Promise<number> {
  const exists = await client.query<{ present: boolean }>(`SELECT to_regclass('asysta.schema_version') IS NOT NULL AS present`);
  if (!exists.rows[0]?.present) return 0;
  const result = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM asysta.schema_version');
  return result.rows[0]?.version ?? 0;
}

function versionMismatch(client: number, server: number): AppError {
  return new AppError(
    'SERVER_VERSION',
    server > client
      ? `Serwer ma nowszą wersję bazy (${server}) niż ten program (${client}). Zaktualizuj Asystę na tym komputerze.`
      : `Serwer ma starszą wersję bazy (${server}) niż ten program (${client}). Najpierw trzeba zaktualizować Asystę na serwerze.`,
  );
}

/** Refuses to work with a server whose schema is not this build's, naming both versions. */
export async function requireServerSchema(client: ClientBase, expected = SERVER_SCHEMA_VERSION): Promise<void> {
  const server = await schemaVersion(client);
  if (server !== expected) throw versionMismatch(expected, server);
}
