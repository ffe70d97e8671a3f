/**
 * `npm run server -- init|start|stop|status|reset-password` as the office's IT help runs it: the
 * CLI as a program (tsx), Polish output, the line `Kod parowania: CODE`.
 */
import { spawn } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerOffice } from '../../../../electron/data/postgres/office';
import { serverRoles } from '../../../../electron/data/postgres/roles';
import { serverPaths, stopCluster, superuserConnection } from '../../../../electron/server/cluster';
import { connectVerified } from '../../../../electron/server/connect';
import { parsePairingCode } from '../../../../shared/pairing';
import { tempDir } from '../../../support/backend';
import { freePort } from '../../../support/postgres';

const ROOT = join(import.meta.dirname, '../../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const HEAD_PASSWORD = 'Kierownik-Ośrodka-Stare-2026!';
const NEW_PASSWORD = 'Nowe-Hasło-Kierownika-Jesień-77';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function server(args: string[], input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [join(ROOT, 'electron/server/cli.ts'), ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(input);
  });
}

function pairingLine(stdout: string): string {
  const match = /^Kod parowania: (\S+)$/m.exec(stdout);
  if (!match?.[1]) throw new Error(`no pairing line in:\n${stdout}`);
  return match[1];
}

let dir: string;
let port: number;
let init: Run;

beforeAll(async () => {
  const parent = tempDir('asysta-serwer-');
  // Open to the service account (asysta-pg when run as root), like /srv/asysta would be.
  chmodSync(parent, 0o711);
  dir = join(parent, 'serwer');
  port = await freePort();
  init = await server(['init', '--dir', dir, '--port', String(port), '--host', '127.0.0.1', '--listen', '127.0.0.1']);
  if (init.code !== 0) throw new Error(`init failed: ${init.stderr}\n${init.stdout}`);
});

afterAll(async () => {
  await stopCluster(dir).catch(() => undefined);
  rmSync(join(dir, '..'), { recursive: true, force: true });
});

describe('npm run server', () => {
  it('init sets up and starts the server and prints the pairing code: host, port, the CA fingerprint', () => {
    const parsed = parsePairingCode(pairingLine(init.stdout));
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.host).toBe('127.0.0.1');
    expect(parsed.value.port).toBe(port);
    const ca = new X509Certificate(readFileSync(serverPaths(dir).caCertFile));
    expect(Buffer.from(parsed.value.fingerprint)).toEqual(createHash('sha256').update(ca.raw).digest().subarray(0, 16));
    expect(init.stdout).toMatch(/Serwer działa: port \d+, PostgreSQL 1\d/);
    expect(init.stdout).toMatch(/musi leżeć na zaszyfrowanym dysku \(BitLocker w Windows Pro, LUKS w Linuksie\)/);
  });

  it('status says running, the port, the version, the data folder and the encryption rule', async () => {
    const status = await server(['status', '--dir', dir]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^Stan: działa \(PID \d+\)$/m);
    expect(status.stdout).toContain(`Port: ${port}`);
    expect(status.stdout).toMatch(/^PostgreSQL: 1\d\.\d+$/m);
    expect(status.stdout).toContain(`Folder danych: ${serverPaths(dir).dataDir}`);
    expect(status.stdout).toMatch(/^Zaszyfrowany dysk: (tak|NIE|nie można ustalić)/m);
    expect(pairingLine(status.stdout)).toBe(pairingLine(init.stdout));
  });

  it('resets a kierownik’s password at the server, and only a kierownik’s', async () => {
    const setupCode = /Kod założenia biura[^:]*: (\S+)$/m.exec(init.stdout)?.[1];
    expect(setupCode).toBeTruthy();
    const base = superuserConnection(dir);
    const setup = await connectVerified({ ...base, user: serverRoles().setup, password: setupCode ?? '' });
    const office = { name: 'OPS Bielice', street: 'ul. Polna 1', postalCode: '00-001', city: 'Bielice', gmina: 'Bielice', place: '' };
    const { role } = await createServerOffice(setup, { office, head: { login: 'gzolkiewska', firstName: 'Grażyna', lastName: 'Żółkiewska' } }, HEAD_PASSWORD);
    await setup.end();

    const reset = await server(['reset-password', '--dir', dir, '--login', 'gzolkiewska'], `${NEW_PASSWORD}\n`);
    expect(reset.stderr).toBe('');
    expect(reset.stdout).toContain('Ustawiono nowe hasło konta gzolkiewska');
    const signedIn = await connectVerified({ ...base, user: role, password: NEW_PASSWORD });
    await signedIn.end();
    await expect(connectVerified({ ...base, user: role, password: HEAD_PASSWORD })).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    const admin = await connectVerified(base);
    const entries = await admin.query('SELECT actor_id, entity_id FROM audit_log WHERE action = $1', ['user.password_reset']);
    const head = await admin.query('SELECT id FROM "user" WHERE db_role = $1', [role]);
    await admin.end();
    expect(entries.rows).toEqual([{ actor_id: null, entity_id: head.rows[0]?.id }]);

    const weak = await server(['reset-password', '--dir', dir, '--login', 'gzolkiewska'], 'krotkie\n');
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/co najmniej 12 znaków/);
    const nobody = await server(['reset-password', '--dir', dir, '--login', 'nikt'], `${NEW_PASSWORD}\n`);
    expect(nobody.code).toBe(3);
    expect(nobody.stderr).toMatch(/nie ma konta „nikt”/);
  });

  it('refuses a second init in the same folder, a bad host and a wrong port, in Polish', async () => {
    const again = await server(['init', '--dir', dir]);
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/jest już serwer Asysty/);
    const host = await server(['init', '--dir', join(dir, '..', 'inny'), '--host', 'serwer ops']);
    expect(host.code).toBe(2);
    expect(host.stderr).toMatch(/nie jest adresem IPv4 ani nazwą komputera/);
    const wrongPort = await server(['stop', '--dir', dir, '--port', String(port === 65535 ? 65534 : port + 1)]);
    expect(wrongPort.code).toBe(2);
    expect(wrongPort.stderr).toMatch(/używa portu/);
  });

  it.runIf(process.getuid?.() === 0)('as root, refuses a folder the service account could not reach, naming it', async () => {
    const closed = join(dir, '..', 'zamkniety');
    mkdirSync(closed, { mode: 0o700 });
    const run = await server(['init', '--dir', join(closed, 'serwer')]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`nie może wejść do folderu ${closed}`);
  });

  it('renew-cert: a new server certificate from the same CA, the pairing code unchanged, connections still verified', async () => {
    const certFile = join(serverPaths(dir).dataDir, 'server.crt');
    const before = new X509Certificate(readFileSync(certFile)).serialNumber;
    const renew = await server(['renew-cert', '--dir', dir]);
    expect(renew.code).toBe(0);
    expect(renew.stdout).toMatch(/Nowy certyfikat serwera ważny do \d{4}-\d{2}-\d{2}, adresy: 127\.0\.0\.1\./);
    expect(pairingLine(renew.stdout)).toBe(pairingLine(init.stdout));
    expect(new X509Certificate(readFileSync(certFile)).serialNumber).not.toBe(before);
    // The server loads it on reload (asynchronously): the next connections get it, verified.
    const expected = new X509Certificate(readFileSync(certFile)).serialNumber.toUpperCase();
    for (let attempt = 0; ; attempt++) {
      const client = await connectVerified(superuserConnection(dir));
      const served = (client as unknown as { connection: { stream: TLSSocket } }).connection.stream.getPeerCertificate().serialNumber.toUpperCase();
      await client.end();
      if (served === expected) break;
      if (attempt > 40) throw new Error(`still serving ${served}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  it('stop, status, start: the server stops, says so, and starts with the same pairing code', async () => {
    const stop = await server(['stop', '--dir', dir, '--port', String(port)]);
    expect(stop.stdout).toContain('Serwer zatrzymany.');
    expect((await server(['status', '--dir', dir])).stdout).toMatch(/^Stan: zatrzymany$/m);
    const start = await server(['start', '--dir', dir, '--port', String(port)]);
    expect(start.code).toBe(0);
    expect(start.stdout).toMatch(/Serwer działa: port \d+/);
    expect(pairingLine(start.stdout)).toBe(pairingLine(init.stdout));
  });

  it('start runs the schema migration: a database newer than this Asysta is refused, naming both versions', async () => {
    const admin = await connectVerified(superuserConnection(dir));
    await admin.query("INSERT INTO asysta.schema_version (version, name) VALUES (99, 'z przyszłości')");
    await admin.end();
    const start = await server(['start', '--dir', dir]);
    expect(start.code).toBe(3);
    expect(start.stderr).toMatch(/Serwer ma nowszą wersję bazy \(99\) niż ten program \(\d+\)/);
  });
});
