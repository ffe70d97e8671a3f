/**
 * An office on a throwaway server (test/support/postgres.ts) for the database-side tests: the
 * schema migrated, the office created through its setup code, and people with their own login
 * roles, each connecting with her own password over verify-full as the app (or psql) would.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Role } from '../../shared/domain/roles';
import { connectVerified } from '../../electron/server/connect';
import { migrateServer } from '../../electron/data/postgres/migrate';
import { createServerOffice, openOfficeSetup } from '../../electron/data/postgres/office';
import { loginRole, scramVerifier, serverRoles } from '../../electron/data/postgres/roles';
import { startTestServer, type TestServer } from './postgres';

export const PASSWORD = 'Kierownik-Ośrodka-2026!';

export interface Person {
  id: string;
  login: string;
  role: string;
  password: string;
  client: pg.Client;
}

export interface ServerOffice {
  server: TestServer;
  admin: pg.Client;
  head: Person;
  /** Adds a person (as the kierownik) and connects as her. */
  addPerson(login: string, roles: Role[], password?: string): Promise<Person>;
  connect(role: string, password: string): Promise<pg.Client>;
  close(): Promise<void>;
}

export async function startServerOffice(): Promise<ServerOffice> {
  const server = await startTestServer();
  const clients: pg.Client[] = [];
  const connect = async (user: string, password: string): Promise<pg.Client> => {
    const client = await connectVerified(server.as(user, password));
    // A connection the server ends (a test stops it) fails its next query; the event is not a crash.
    client.on('error', () => undefined);
    clients.push(client);
    return client;
  };
  const admin = await connectVerified(server.superuser());
  admin.on('error', () => undefined);
  clients.push(admin);
  await migrateServer(admin);
  const code = await openOfficeSetup(admin);
  const setup = await connect(serverRoles().setup, code);
  const office = { name: 'OPS Bielice', street: 'ul. Polna 1', postalCode: '00-001', city: 'Bielice', gmina: 'Bielice', place: '' };
  const created = await createServerOffice(setup, { office, head: { login: 'kierownik', firstName: 'Ewa', lastName: 'Kierownik' } }, PASSWORD);
  const head: Person = { id: created.userId, login: 'kierownik', role: created.role, password: PASSWORD, client: await connect(created.role, PASSWORD) };
  return {
    server,
    admin,
    head,
    connect,
    async addPerson(login, roles, password = `${login}-Hasło-Długie-1`) {
      const id = randomUUID();
      const now = new Date().toISOString();
      await head.client.query(
        `INSERT INTO "user" (id, login, first_name, last_name, roles, active, created_at, created_by, updated_at, updated_by, version)
         VALUES ($1, $2, $3, $4, $5, true, $6, $7, $6, $7, 1)`,
        [id, login, login, 'Testowa', JSON.stringify(roles), now, head.id],
      );
      const role = (await head.client.query<{ role: string }>('SELECT asysta.provision_login($1, $2) AS role', [id, scramVerifier(password)])).rows[0]!.role;
      if (role !== loginRole(serverRoles(), login)) throw new Error(`unexpected role ${role}`);
      return { id, login, role, password, client: await connect(role, password) };
    },
    async close() {
      for (const client of clients) await client.end().catch(() => undefined);
      await server.teardown();
    },
  };
}
