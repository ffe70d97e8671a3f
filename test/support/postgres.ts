/**
 * A throwaway PostgreSQL cluster for a test file: initdb in a temporary folder, a free port on
 * 127.0.0.1, TLS with its own CA, started as the service account (see electron/server/cluster.ts),
 * stopped and deleted by `teardown()`. Nothing assumes a server already running.
 *
 *   let server: TestServer;
 *   beforeAll(async () => { server = await startTestServer(); });
 *   afterAll(() => server?.teardown());
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv, initCluster, readConfig, serverPaths, SERVER_DATABASE, startCluster, stopCluster, superuserConnection, tool, writePort, type ConnectionInfo, type ServerConfig } from '../../electron/server/cluster';
import { createOfficeDatabase } from '../../electron/server/database';

export interface TestServer {
  /** The server folder (DIR of `npm run server -- … --dir DIR`). */
  dir: string;
  host: string;
  port: number;
  /** The pinned CA certificate (PEM). */
  ca: string;
  config: ServerConfig;
  /** The cluster superuser on `database` (default: the Asysta database). */
  superuser(database?: string): ConnectionInfo;
  /** Connection info for another role (same host, port, CA). */
  as(user: string, password: string, database?: string): ConnectionInfo;
  /** Milliseconds: initdb, start (figures for the report; no test asserts on them). */
  timings: { initMs: number; startMs: number };
  teardown(): Promise<void>;
}

/** A TCP port free on 127.0.0.1 at the moment of asking. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface TestServerOptions {
  /** Create the owner role and the Asysta database (default true). */
  database?: boolean;
  /** Hosts the server certificate names (default 127.0.0.1 and localhost). */
  hosts?: string[];
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'asysta-pg-'));
  const initStarted = performance.now();
  await initCluster({ dir, port: await freePort(), hosts: options.hosts ?? ['127.0.0.1', 'localhost'], listen: '127.0.0.1', label: 'test' });
  const initMs = performance.now() - initStarted;
  let config = readConfig(dir);
  // If the test process dies without teardown, do not leave a postgres behind.
  const dataDir = serverPaths(dir).dataDir;
  const owner = statSync(dataDir);
  const emergencyStop = (): void => {
    spawnSync(tool(config.binDir, 'pg_ctl'), ['stop', '--pgdata', dataDir, '--mode', 'immediate'], {
      env: childEnv(),
      stdio: 'ignore',
      ...(process.platform !== 'win32' ? { uid: owner.uid, gid: owner.gid } : {}),
    });
  };
  process.once('exit', emergencyStop);
  const startStarted = performance.now();
  try {
    // Test files run in parallel: another may take the port between freePort() and the start.
    for (let attempt = 1; ; attempt++) {
      try {
        await startCluster(dir);
        break;
      } catch (error) {
        if (attempt >= 4) throw error;
        writePort(dir, await freePort());
      }
    }
    if (options.database !== false) await createOfficeDatabase(dir);
  } catch (error) {
    emergencyStop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const startMs = performance.now() - startStarted;
  config = readConfig(dir);
  const port = config.port;
  const superuser = (database = SERVER_DATABASE): ConnectionInfo => superuserConnection(dir, database);
  const base = superuser();
  return {
    dir,
    host: base.host,
    port,
    ca: base.ca,
    config,
    superuser,
    as: (user, password, database = SERVER_DATABASE) => ({ ...base, user, password, database }),
    timings: { initMs, startMs },
    async teardown() {
      process.removeListener('exit', emergencyStop);
      try {
        await stopCluster(dir);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

