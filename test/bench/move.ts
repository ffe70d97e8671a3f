/**
 * `npm run bench -- move`: the time to move the cached 10 000-family office of
 * `npm run bench -- search` (test/bench/search-tray.ts) from "Ten komputer" to a fresh office
 * server (electron/server/move.ts): a throwaway cluster on this machine (test/support/postgres.ts),
 * set up as `npm run server -- init` leaves it, then moveOffice — the copy in one transaction, the
 * per-table digests and the audit chain verified inside it, the kierownik's sign-in and a second
 * chain check after. Figures only.
 */
import { cpSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { DataFolder, DB_FILE } from '../../electron/data/data-folder';
import { migrateServer } from '../../electron/data/postgres/migrate';
import { openOfficeSetup } from '../../electron/data/postgres/office';
import { connectVerified } from '../../electron/server/connect';
import { moveOffice, type MoveResult } from '../../electron/server/move';
import { HEAD, tempDir } from '../support/office';
import { startTestServer, type TestServer } from '../support/postgres';
import { office } from './search-tray';

export interface MovedBenchOffice {
  /** A copy of the cached office's data folder (marked as moved after the move). */
  dataDir: string;
  server: TestServer;
  result: MoveResult;
  families: number;
  /** Opening the copy with this build (its migrations applied), in ms. */
  migrateMs: number;
  /** The database file's size, in MB. */
  sizeMb: number;
  /** The server database's size after the move, in MB. */
  serverMb: number;
  close(): Promise<void>;
}

/** The cached 10 000-family office, copied, brought to this build's schema and moved to a fresh server. */
export async function movedBenchOffice(log: (line: string) => void = () => undefined): Promise<MovedBenchOffice> {
  const { folder, cached } = await office();
  const dataDir = tempDir('asysta-bench-move-');
  cpSync(join(folder, 'data'), dataDir, { recursive: true });
  let server: TestServer | null = null;
  try {
    // The cache may predate this build's migrations: open it once as the app would (migrating it).
    const migrateStarted = performance.now();
    const data = new DataFolder({ dataDir });
    const key = await data.unwrapWithPassword(await data.readKeyring(), HEAD.login, HEAD.password);
    if (!key) throw new Error('the cached office does not open with the kierownik password');
    await (await data.openDatabase(key)).close();
    key.fill(0);
    const migrateMs = performance.now() - migrateStarted;

    server = await startTestServer();
    const admin: pg.Client = await connectVerified(server.superuser());
    try {
      await migrateServer(admin);
      await openOfficeSetup(admin);
    } finally {
      await admin.end();
    }
    const result = await moveOffice({ serverDir: server.dir, dataDir, login: HEAD.login, password: HEAD.password, log });
    const sizeQuery: pg.Client = await connectVerified(server.superuser());
    let serverMb = 0;
    try {
      const { rows } = await sizeQuery.query<{ bytes: string }>('SELECT pg_database_size(current_database())::text AS bytes');
      serverMb = Number(rows[0]!.bytes) / 1024 / 1024;
    } finally {
      await sizeQuery.end();
    }
    const running = server;
    return {
      dataDir,
      server: running,
      result,
      families: cached.report.families.length,
      migrateMs,
      sizeMb: statSync(join(dataDir, DB_FILE)).size / 1024 / 1024,
      serverMb,
      async close() {
        await running.teardown();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await server?.teardown();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

export async function benchMove(): Promise<void> {
  const moved = await movedBenchOffice((line) => console.log(line));
  try {
    const { result } = moved;
    const t = result.timings;
    const rows = result.tables.filter((x) => !x.derived).reduce((sum, x) => sum + x.rows, 0);
    const derived = result.tables.filter((x) => x.derived).reduce((sum, x) => sum + x.rows, 0);
    console.log(`\n== move to the office server: ${moved.families} families, database ${moved.sizeMb.toFixed(0)} MB (SQLCipher) → ${moved.serverMb.toFixed(0)} MB on PostgreSQL`);
    console.log(`  copied ${rows} rows in ${result.tables.filter((x) => !x.derived).length} tables; ${derived} derived rows rebuilt by the server's triggers and compared; audit chain ${result.auditHead.seq} entries`);
    console.log(`  checks before the copy (slot, schema, local audit chain, roles)  ${(t.checkMs / 1000).toFixed(1).padStart(7)} s`);
    console.log(`  copy (one transaction)                                          ${(t.copyMs / 1000).toFixed(1).padStart(7)} s`);
    console.log(`  verification inside the transaction (digests, audit verify)      ${(t.verifyMs / 1000).toFixed(1).padStart(7)} s`);
    console.log(`  whole move (incl. commit, ANALYZE, the kierownik's sign-in check) ${(t.totalMs / 1000).toFixed(1).padStart(7)} s`);
    console.log(`  (opening the cached copy with this build's migrations first: ${(moved.migrateMs / 1000).toFixed(1)} s, not part of the move)`);
    const largest = [...result.tables].sort((a, b) => b.rows - a.rows).slice(0, 6);
    console.log(`  largest tables: ${largest.map((x) => `${x.table} ${x.rows}`).join(', ')}`);
  } finally {
    await moved.close();
  }
}
