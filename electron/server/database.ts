/**
 * The Asysta database inside the cluster: its owner role and the database itself, made by the
 * cluster superuser. What goes inside (schema, roles per person, RLS, the audit trigger) belongs to
 * electron/data/postgres/.
 */
import pg from 'pg';
import { OWNER_ROLE, SERVER_DATABASE, superuserConnection } from './cluster';
import { connectVerified } from './connect';

/** Runs `work` with a superuser client (verify-full over 127.0.0.1), closing it after. */
export async function withSuperuser<T>(dir: string, database: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connectVerified(superuserConnection(dir, database));
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the owner role and the Asysta database when missing. Returns whether it was created now. */
export async function createOfficeDatabase(dir: string, database = SERVER_DATABASE): Promise<boolean> {
  return withSuperuser(dir, 'postgres', async (client) => {
    const role = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [OWNER_ROLE]);
    if (role.rowCount === 0) await client.query(`CREATE ROLE ${pg.escapeIdentifier(OWNER_ROLE)} NOLOGIN`);
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount !== 0) return false;
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)} OWNER ${pg.escapeIdentifier(OWNER_ROLE)} ENCODING 'UTF8' TEMPLATE template0`);
    return true;
  });
}
