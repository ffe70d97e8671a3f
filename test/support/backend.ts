/**
 * Builds a real backend over a real database, on either engine (issue 18):
 * - 'local' ("Ten komputer"): the encrypted SQLite file in a temporary folder;
 * - 'postgres' ("Serwer w biurze"): a database of its own, with a role prefix of its own (roles
 *   are cluster-wide), on one throwaway PostgreSQL cluster per test file — started on the first
 *   postgres backend, torn down after the file (test/support/postgres.ts). The backend joins it
 *   as a PC does: with the pairing code, the one-time setup code and the person's own passwords.
 *
 * The engine defaults to the environment's ASYSTA_ENGINE ('local' without it); `describeEngines`
 * runs a suite on both.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect } from 'vitest';
import type pg from 'pg';
import { createBackend, type Backend, type BackendOptions } from '../../electron/backend';
import { ManualClock } from '../../electron/clock';
import { migrateServer } from '../../electron/data/postgres/migrate';
import { openOfficeSetup } from '../../electron/data/postgres/office';
import { ident } from '../../electron/data/postgres/roles';
import { connectVerified } from '../../electron/server/connect';
import type { ServerDatabaseName } from '../../electron/server/join';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc';
import { formatPairingCode } from '../../shared/pairing';
import type { AppErrorShape, Result } from '../../shared/result';
import { FAST_SCRYPT, HEAD, OFFICE, tempDir } from './office';
import { startTestServer, type TestServer } from './postgres';

export { FAST_SCRYPT, HEAD, OFFICE, tempDir } from './office';

export type Engine = 'local' | 'postgres';
export const ENGINES: readonly Engine[] = ['local', 'postgres'];

/** The engine of the environment: ASYSTA_ENGINE=postgres runs the suite on the office server. */
export function defaultEngine(): Engine {
  const value = process.env['ASYSTA_ENGINE'];
  if (value === undefined || value === '' || value === 'local') return 'local';
  if (value === 'postgres') return 'postgres';
  throw new Error(`ASYSTA_ENGINE must be 'local' or 'postgres', not '${value}'`);
}

/** Runs the suite once per engine; `fn` gets the engine to pass to testBackend. */
export function describeEngines(name: string, fn: (engine: Engine) => void): void {
  for (const engine of ENGINES) describe(`${name} [${engine}]`, () => fn(engine));
}

/** The office database of a postgres backend: what the kierownik gets from the server's operator. */
export interface TestServerOffice {
  server: TestServer;
  database: string;
  rolePrefix: string;
  /** The pairing code of the cluster (host, port, CA fingerprint). */
  pairingCode: string;
  /** The one-time setup code of this backend's database. */
  setupCode: string;
  /** A superuser connection to this backend's database (for tests that look behind the app). */
  admin(): Promise<pg.Client>;
}

export interface TestBackend {
  backend: Backend;
  dataDir: string;
  clock: ManualClock;
  /** Absent: 'local' (a backend built elsewhere, such as the e2e app's, wrapped for the helpers). */
  engine?: Engine;
  /** The backend's office database on the server (postgres backends only). */
  serverOffice?: () => Promise<TestServerOffice>;
  /** Its database and role prefix on the server (postgres backends only). */
  serverDatabase?: ServerDatabaseName;
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  fail<C extends Channel>(channel: C, input: ChannelInput<C> | unknown): Promise<AppErrorShape>;
  cleanup(): Promise<void>;
}

export type TestBackendOptions = Partial<Omit<BackendOptions, 'dataDir' | 'clock' | 'serverDatabase'>> & {
  engine?: Engine;
  /**
   * Another PC of the same office (postgres): this backend uses `sameOfficeAs`'s database on
   * the server; it joins with the same pairing code.
   */
  sameOfficeAs?: TestBackend;
};

let cluster: Promise<TestServer> | null = null;
let backends = 0;

/** The test file's cluster, started on first use. */
function testCluster(): Promise<TestServer> {
  cluster ??= startTestServer({ database: false });
  return cluster;
}

afterAll(async () => {
  const started = cluster;
  cluster = null;
  if (started) await (await started).teardown();
});

/** A database and a role prefix of their own on the file's cluster, migrated, with the office's setup open. */
async function createServerOffice(database: string, rolePrefix: string): Promise<TestServerOffice> {
  const server = await testCluster();
  const admin = await connectVerified(server.superuser('postgres'));
  try {
    await admin.query(`CREATE DATABASE ${ident(database)} ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  const owner = await connectVerified(server.superuser(database));
  let setupCode: string;
  try {
    await migrateServer(owner, { prefix: rolePrefix });
    setupCode = await openOfficeSetup(owner, rolePrefix);
  } finally {
    await owner.end();
  }
  const pairingCode = formatPairingCode({ host: server.host, port: server.port, fingerprint: Buffer.from(server.config.caFingerprint, 'hex') });
  return { server, database, rolePrefix, pairingCode, setupCode, admin: () => connectVerified(server.superuser(database)) };
}

/** `options`: extra backend options (e.g. the PDF worker for the document register) and the engine. */
export function testBackend(dataDir = tempDir(), options: TestBackendOptions = {}): TestBackend {
  const { engine = options.sameOfficeAs ? 'postgres' : defaultEngine(), sameOfficeAs, ...rest } = options;
  const clock = new ManualClock('2026-03-02T08:00:00.000Z');
  let office: Promise<TestServerOffice> | null = null;
  let serverDatabase: ServerDatabaseName | undefined;
  if (sameOfficeAs) {
    if (!sameOfficeAs.serverOffice || !sameOfficeAs.serverDatabase) throw new Error('sameOfficeAs needs a postgres backend');
    serverDatabase = sameOfficeAs.serverDatabase;
    office = sameOfficeAs.serverOffice();
  } else if (engine === 'postgres') {
    backends += 1;
    const rolePrefix = `b${backends}`;
    serverDatabase = { database: `asysta_${rolePrefix}`, rolePrefix };
    office = createServerOffice(serverDatabase.database, rolePrefix);
    // Awaited by the first call; never an unhandled rejection in between.
    office.catch(() => undefined);
  }
  const backend = createBackend({ dataDir, clock, scrypt: FAST_SCRYPT, idleCheckMs: 0, ...rest, ...(serverDatabase ? { serverDatabase } : {}) });
  const prepared = async (): Promise<void> => {
    await office;
  };
  return {
    backend,
    dataDir,
    clock,
    engine,
    ...(office && serverDatabase ? { serverOffice: () => office, serverDatabase } : {}),
    async call(channel, input) {
      await prepared();
      const result = (await backend.invoke(channel, input)) as Result<ChannelOutput<typeof channel>>;
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    async fail(channel, input) {
      await prepared();
      const result = await backend.invoke(channel, input);
      expect(result.ok, `${channel} should have been refused`).toBe(false);
      return (result as { ok: false; error: AppErrorShape }).error;
    },
    async cleanup() {
      await backend.close();
      rmSync(dataDir, { recursive: true, force: true });
      // The backend's database and roles go with the file's cluster (afterAll): dropping each costs a second.
    },
  };
}

/**
 * First run + login as the kierownik; returns the recovery code ('' on the server, which has
 * none). On the server the office is created as a PC does it: the pairing code, the setup code.
 */
export async function setUpOffice(t: TestBackend): Promise<string> {
  let recoveryCode = '';
  if (t.engine === 'postgres') {
    if (!t.serverOffice) throw new Error('a postgres backend without its server office');
    const { pairingCode, setupCode } = await t.serverOffice();
    await t.call('setup:createOnServer', { pairingCode, setupCode, office: OFFICE, head: HEAD });
  } else {
    ({ recoveryCode } = await t.call('setup:create', { office: OFFICE, head: HEAD }));
  }
  await t.call('session:login', { login: HEAD.login, password: HEAD.password });
  return recoveryCode;
}
