import { spawn } from 'node:child_process';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateServer } from '../../../../electron/data/postgres/migrate';
import { openOfficeSetup } from '../../../../electron/data/postgres/office';
import { pairingCodeOf } from '../../../../electron/server/cli';
import { connectVerified } from '../../../../electron/server/connect';
import { INVALID_PAIRING_CODE } from '../../../../shared/pairing';
import { startTestServer, type TestServer } from '../../../support/postgres';

const PASSWORD = 'Bardzo-tajne-haslo-1';

let server: TestServer;
let admin: pg.Client;
let setupCode: string;
let pairing: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await connectVerified(server.superuser());
  await migrateServer(admin);
  setupCode = await openOfficeSetup(admin);
  pairing = pairingCodeOf(server.config);
}, 120_000);
afterAll(async () => {
  await admin?.end();
  await server?.teardown();
});

function cli(args: string[], stdin: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(stdin);
  });
}

describe('admin CLI with --server', { timeout: 180_000 }, () => {
  it('refuses a mistyped pairing code in Polish', async () => {
    const broken = pairing.slice(0, -1) + (pairing.endsWith('0') ? '1' : '0');
    const run = await cli(['verify', '--server', broken, '--login', 'kierowniczka'], `${PASSWORD}\n`);
    expect(run.code).toBe(2);
    expect(run.err).toContain(INVALID_PAIRING_CODE);
  });

  it('init creates the office on the server with the setup code, once', async () => {
    const wrong = await cli(['init', '--server', pairing, '--office', 'OPS w Zambrowie', '--login', 'kierowniczka'], `AAAAA-BBBBB-CCCCC-DDDDD\n${PASSWORD}\n`);
    expect(wrong.code).toBe(3);
    expect(wrong.err).toContain('Kod założenia biura jest nieprawidłowy');
    const run = await cli(['init', '--server', pairing, '--office', 'OPS w Zambrowie', '--login', 'kierowniczka', '--gmina', 'Zambrów'], `${setupCode.toLowerCase()}\n${PASSWORD}\n`);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('Utworzono ośrodek na serwerze 127.0.0.1');
    expect((await admin.query('SELECT name, gmina FROM office')).rows).toEqual([{ name: 'OPS w Zambrowie', gmina: 'Zambrów' }]);
    expect((await admin.query(`SELECT action FROM audit_log ORDER BY id`)).rows.map((r: { action: string }) => r.action)).toEqual(['user.create', 'office.create']);
    const again = await cli(['init', '--server', pairing, '--office', 'Inny', '--login', 'ktos'], `${setupCode}\n${PASSWORD}\n`);
    expect(again.code).toBe(3);
    expect((await admin.query('SELECT count(*)::int AS n FROM "user"')).rows).toEqual([{ n: 1 }]);
  });

  it('verify checks the server’s database and exits 0 when it is sound', async () => {
    const run = await cli(['verify', '--server', pairing, '--login', 'kierowniczka'], `${PASSWORD}\n`);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('✔ Połączenie z serwerem 127.0.0.1');
    expect(run.out).toContain('✔ Schemat bazy na serwerze jest aktualny');
    expect(run.out).toContain('✔ Dostęp do danych rodzin jest wymuszony w bazie');
    expect(run.out).toContain('✔ Dziennik zdarzeń jest spójny (sprawdzono wpisów: 2).');
  });

  it('verify refuses a wrong password in Polish', async () => {
    const run = await cli(['verify', '--server', pairing, '--login', 'kierowniczka'], 'Zupelnie-inne-haslo-9\n');
    expect(run.code).toBe(3);
    expect(run.err).toContain('Nieprawidłowy login lub hasło. Niczego nie zmieniono.');
  });

  it('verify reports a server schema of another version, naming both', async () => {
    await admin.query(`INSERT INTO asysta.schema_version (version, name) VALUES (99, 'z przyszłości')`);
    try {
      const run = await cli(['verify', '--server', pairing, '--login', 'kierowniczka'], `${PASSWORD}\n`);
      expect(run.code).toBe(4);
      expect(run.out).toMatch(/✘ Serwer ma nowszą wersję bazy \(99\) niż ten program \(\d+\)/);
    } finally {
      await admin.query('DELETE FROM asysta.schema_version WHERE version = 99');
    }
  });

  it('verify finds an audit entry changed behind the database’s back', async () => {
    await admin.query('BEGIN');
    await admin.query('SET LOCAL session_replication_role = replica');
    await admin.query(`UPDATE audit_log SET details = '{}' WHERE id = 2`);
    await admin.query('COMMIT');
    const run = await cli(['verify', '--server', pairing, '--login', 'kierowniczka'], `${PASSWORD}\n`);
    expect(run.code).toBe(4);
    expect(run.out).toContain('✘ Dziennik zdarzeń jest naruszony od wpisu nr 2');
  });
});
