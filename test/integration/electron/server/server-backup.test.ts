/**
 * `npm run server -- backup|restore` (electron/server/backup.ts): an encrypted, self-checking copy
 * of the database and the cluster's roles, restored into a fresh cluster.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../electron/errors';
import { backupServer, globalsForRestore, restoreServer, verifyServerBackup, type ScryptParams } from '../../../../electron/server/backup';
import { clientToolsDir } from '../../../../electron/server/cluster';
import { connectVerified } from '../../../../electron/server/connect';
import { tempDir } from '../../../support/backend';
import { startTestServer, type TestServer } from '../../../support/postgres';

const FAST: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };
const PASSWORD = 'Kopia-Serwera-Zielony-Kajak-42';
const PESEL = '85010112345';
const WORKER = { role: 'asysta_test.pracownik', password: 'Pracownik-Hasło-Długie-7' };

let source: TestServer;
let target: TestServer;
let folder: string;
let file: string;

async function rows(server: TestServer, sql: string): Promise<Record<string, unknown>[]> {
  const client = await connectVerified(server.superuser());
  try {
    return (await client.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  [source, target] = await Promise.all([startTestServer(), startTestServer()]);
  folder = tempDir('asysta-pg-kopie-');
  const admin = await connectVerified(source.superuser());
  try {
    await admin.query('CREATE TABLE family (id integer PRIMARY KEY, pesel text NOT NULL, name text NOT NULL)');
    await admin.query('INSERT INTO family VALUES (1, $1, $2)', [PESEL, 'Żółkiewska']);
    await admin.query(`CREATE ROLE "${WORKER.role}" LOGIN PASSWORD '${WORKER.password}'`);
    await admin.query(`GRANT SELECT ON family TO "${WORKER.role}"`);
    // Who may connect is the database's own setting (not in pg_dump's archive without --create).
    await admin.query('REVOKE ALL ON DATABASE asysta FROM PUBLIC');
    await admin.query(`GRANT CONNECT ON DATABASE asysta TO "${WORKER.role}"`);
    await admin.query(`CREATE ROLE "asysta_test.obcy" LOGIN PASSWORD '${WORKER.password}'`);
  } finally {
    await admin.end();
  }
  file = join(folder, 'kopia.aspg');
  await backupServer(source.dir, file, PASSWORD, { kdf: FAST });
});

afterAll(async () => {
  await Promise.all([source?.teardown(), target?.teardown()]);
});

describe('server backup', () => {
  it('is encrypted: neither the PESEL, the name nor the role verifier can be read from the file', () => {
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 14).toString('ascii')).toBe('ASYSTA-PGKOPIA');
    for (const secret of [PESEL, 'Żółkiewska', 'SCRAM-SHA-256$', 'pracownik']) expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);
  });

  it('checks itself: the password, a damaged byte, a file that is not a backup', async () => {
    await expect(verifyServerBackup(file, PASSWORD, await clientToolsDir(source.dir))).resolves.toMatchObject({ header: { database: 'asysta' } });
    expect((await failure(verifyServerBackup(file, 'Inne-Hasło-Długie-99'))).code).toBe('WRONG_PASSWORD');
    const damaged = join(folder, 'uszkodzona.aspg');
    const bytes = readFileSync(file);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0x40;
    writeFileSync(damaged, bytes);
    expect((await failure(verifyServerBackup(damaged, PASSWORD))).message).toMatch(/uszkodzona/);
    const other = join(folder, 'inny.aspg');
    writeFileSync(other, Buffer.alloc(4096, 7));
    expect((await failure(verifyServerBackup(other, PASSWORD))).message).toMatch(/nie jest kopią zapasową serwera/);
  });

  it('restores into a fresh cluster: the rows, and each role with its own password', async () => {
    const result = await restoreServer(target.dir, file, PASSWORD);
    expect(result.keptAs).toMatch(/^asysta_przed_przywroceniem_\d{14}$/);
    expect(await rows(target, 'SELECT id, pesel, name FROM family')).toEqual([{ id: 1, pesel: PESEL, name: 'Żółkiewska' }]);
    const worker = await connectVerified(target.as(WORKER.role, WORKER.password));
    try {
      expect((await worker.query('SELECT count(*)::int AS n FROM family')).rows).toEqual([{ n: 1 }]);
    } finally {
      await worker.end();
    }
    // The database's grants came back too: a role without CONNECT stays out.
    await expect(connectVerified(target.as('asysta_test.obcy', WORKER.password))).rejects.toThrow();
    expect(await rows(target, "SELECT has_database_privilege('public', 'asysta', 'CONNECT') AS open")).toEqual([{ open: false }]);
    // The target's own superuser keeps its password (the backup's is left out).
    expect(await rows(target, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    const databases = await rows(target, "SELECT datname FROM pg_database WHERE datname LIKE 'asysta%' ORDER BY datname");
    expect(databases.map((d) => d.datname)).toEqual(['asysta', result.keptAs]);
  });

  it('two restores within one second keep both previous databases, under different names', async () => {
    const now = new Date('2026-12-03T10:00:00.000Z');
    const first = await restoreServer(target.dir, file, PASSWORD, now);
    const second = await restoreServer(target.dir, file, PASSWORD, now);
    expect(first.keptAs).toBe('asysta_przed_przywroceniem_20261203100000');
    expect(second.keptAs).toBe('asysta_przed_przywroceniem_20261203100000_2');
    expect(await rows(target, 'SELECT count(*)::int AS n FROM family')).toEqual([{ n: 1 }]);
  });

  it('a restore that fails leaves the database as it was', async () => {
    const truncated = join(folder, 'ucieta.aspg');
    const whole = readFileSync(file);
    writeFileSync(truncated, whole.subarray(0, whole.length - 100));
    const error = await failure(restoreServer(target.dir, truncated, PASSWORD));
    expect(error.message).toMatch(/nie przywrócono niczego/);
    expect(await rows(target, 'SELECT count(*)::int AS n FROM family')).toEqual([{ n: 1 }]);
  });

  it('a restore that fails inside pg_restore puts the previous database back', async () => {
    // A pg_restore that lists (the check passes) but fails to restore, like a full disk would.
    const real = target.config.binDir;
    const fake = join(folder, 'bin');
    mkdirSync(fake, { mode: 0o755 });
    for (const name of ['pg_dump', 'pg_dumpall', 'psql']) writeFileSync(join(fake, name), `#!/bin/sh\nexec "${real}/${name}" "$@"\n`, { mode: 0o755 });
    writeFileSync(
      join(fake, 'pg_restore'),
      `#!/bin/sh\ncase " $* " in *" --list "*) exec "${real}/pg_restore" "$@";; esac\ncat >/dev/null\necho "pg_restore: error: could not extend file: No space left on device" >&2\nexit 1\n`,
      { mode: 0o755 },
    );
    const before = await rows(target, "SELECT datname FROM pg_database WHERE datname LIKE 'asysta%' ORDER BY datname");
    process.env.ASYSTA_PG_BIN = fake;
    try {
      const error = await failure(restoreServer(target.dir, file, PASSWORD));
      expect(error.message).toMatch(/pg_restore zakończył się błędem.*No space left on device/s);
    } finally {
      delete process.env.ASYSTA_PG_BIN;
    }
    expect(await rows(target, "SELECT datname FROM pg_database WHERE datname LIKE 'asysta%' ORDER BY datname")).toEqual(before);
    expect(await rows(target, 'SELECT count(*)::int AS n FROM family')).toEqual([{ n: 1 }]);
  });

  it("leaves the target's superuser out of the roles it applies and creates the others only when missing", () => {
    const sql = [
      'CREATE ROLE asysta_admin;',
      "ALTER ROLE asysta_admin WITH SUPERUSER LOGIN PASSWORD 'SCRAM-SHA-256$x';",
      'CREATE ROLE "asysta.anowak";',
      'ALTER ROLE "asysta.anowak" WITH LOGIN;',
      'GRANT asysta_kierownik TO "asysta.anowak" GRANTED BY asysta_admin;',
    ].join('\n');
    expect(globalsForRestore(sql, 'asysta_admin').split('\n')).toEqual([
      'DO $asysta$ BEGIN CREATE ROLE "asysta.anowak"; EXCEPTION WHEN duplicate_object THEN NULL; END $asysta$;',
      'ALTER ROLE "asysta.anowak" WITH LOGIN;',
      'GRANT asysta_kierownik TO "asysta.anowak" GRANTED BY asysta_admin;',
    ]);
  });
});
