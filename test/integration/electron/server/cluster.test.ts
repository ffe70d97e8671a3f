/**
 * The office server's cluster (electron/server/cluster.ts, connect.ts) on a throwaway PostgreSQL:
 * TLS with the pinned CA only (verify-full), SCRAM only, no connection without TLS, a replaced,
 * foreign or expired certificate refused, pairing by code, logs without personal data.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hbaRules, installServerCertificate, serverPaths } from '../../../../electron/server/cluster';
import { connectVerified, fetchPinnedCa } from '../../../../electron/server/connect';
import { certificateFingerprint, createCertificateAuthority, issueServerCertificate } from '../../../../electron/server/tls';
import { AppError } from '../../../../electron/errors';
import { pairingCodeOf } from '../../../../electron/server/cli';
import { parsePairingCode } from '../../../../shared/pairing';
import { freePort, startTestServer, type TestServer } from '../../../support/postgres';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.teardown());

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = await connectVerified(server.superuser());
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('office server cluster', () => {
  it('runs with TLS on, SCRAM-SHA-256 for passwords, and a pg_hba that has only hostssl lines', async () => {
    const rows = await query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name IN ('ssl', 'password_encryption', 'log_statement', 'log_min_error_statement', 'log_min_messages', 'unix_socket_directories')`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.name, r.setting]))).toEqual({
      ssl: 'on',
      password_encryption: 'scram-sha-256',
      log_statement: 'none',
      log_min_error_statement: 'panic',
      log_min_messages: 'log',
      unix_socket_directories: '',
    });
    const hba = await query<{ type: string; auth_method: string; user_name: string[] }>('SELECT type, auth_method, user_name FROM pg_hba_file_rules');
    expect(hba.length).toBeGreaterThan(0);
    for (const rule of hba) expect(rule.type).toBe('hostssl');
    expect(new Set(hba.map((r) => r.auth_method))).toEqual(new Set(['scram-sha-256', 'reject']));
    expect(readFileSync(join(serverPaths(server.dir).dataDir, 'pg_hba.conf'), 'utf8')).toBe(hbaRules());
    const ssl = await query<{ ssl: boolean; version: string }>('SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
    expect(ssl[0]?.ssl).toBe(true);
  });

  it('refuses a connection without TLS (pg_hba has no line for it)', async () => {
    const plain = new pg.Client({ host: server.host, port: server.port, database: 'asysta', user: server.superuser().user, password: server.superuser().password, ssl: false });
    const error = await plain.connect().then(
      () => null,
      (e: unknown) => e as { code?: string; message: string },
    );
    await plain.end().catch(() => undefined);
    expect(error?.code).toBe('28000');
    expect(error?.message).toMatch(/no encryption/);
  });

  it('refuses a server whose certificate does not chain to the pinned CA', async () => {
    const foreign = createCertificateAuthority('obcy');
    const error = await refusal(connectVerified({ ...server.superuser(), ca: foreign.certPem }));
    expect(error.code).toBe('SERVER_CERT');
    expect(error.message).toMatch(/nie pochodzi od serwera tego biura.*odrzucone/);
  });

  it('refuses a wrong password with its own message', async () => {
    const error = await refusal(connectVerified({ ...server.superuser(), password: 'nie-to-haslo' }));
    expect(error.code).toBe('WRONG_PASSWORD');
  });

  it('says the server is down when nothing listens', async () => {
    const error = await refusal(connectVerified({ ...server.superuser(), port: await freePort() }));
    expect(error.code).toBe('SERVER_UNREACHABLE');
    expect(error.message).toMatch(/nie odpowiada/);
  });

  it('pairs by code: the CA is taken from the handshake only when its fingerprint matches', async () => {
    const code = pairingCodeOf(server.config);
    const parsed = parsePairingCode(code);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value).toMatchObject({ host: '127.0.0.1', port: server.port });
    const ca = await fetchPinnedCa(parsed.value.host, parsed.value.port, parsed.value.fingerprint);
    expect(Buffer.from(certificateFingerprint(ca)).toString('hex')).toBe(server.config.caFingerprint);
    const client = await connectVerified({ ...server.superuser(), ca });
    await client.end();

    const wrong = Uint8Array.from(parsed.value.fingerprint);
    wrong[0] = (wrong[0] ?? 0) ^ 1;
    const error = await refusal(fetchPinnedCa(parsed.value.host, parsed.value.port, wrong));
    expect(error.code).toBe('SERVER_CERT');
    expect(error.message).toMatch(/nie zgadza się z kodem parowania/);
  });

  it('refuses a replaced certificate: another CA, another host, expired — and accepts the proper one back', async () => {
    const paths = serverPaths(server.dir);
    const ca = { certPem: server.ca, keyPem: readFileSync(paths.caKeyFile, 'utf8') };
    const original = { certPem: readFileSync(join(paths.dataDir, 'server.crt'), 'utf8'), keyPem: readFileSync(join(paths.dataDir, 'server.key'), 'utf8') };
    const expectRefused = async (pattern: RegExp): Promise<void> => {
      // The server loads the new certificate on reload (asynchronously): wait for it.
      for (let attempt = 0; ; attempt++) {
        const outcome = await connectVerified(server.superuser()).then(
          async (client) => (await client.end(), null),
          (e: unknown) => e as AppError,
        );
        if (outcome && pattern.test(outcome.message)) return;
        if (attempt > 40) throw new Error(`not refused as expected: ${outcome?.message ?? 'connected'}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    try {
      await installServerCertificate(server.dir, issueServerCertificate(createCertificateAuthority('podstawiony'), ['127.0.0.1']));
      await expectRefused(/nie pochodzi od serwera tego biura/);
      await installServerCertificate(server.dir, issueServerCertificate(ca, ['serwer-innego-biura.local']));
      await expectRefused(/nie obejmuje adresu 127\.0\.0\.1/);
      const elevenYearsAgo = new Date(Date.now() - 11 * 365 * 86_400_000);
      await installServerCertificate(server.dir, issueServerCertificate(ca, ['127.0.0.1'], elevenYearsAgo));
      await expectRefused(/wygasł/);
    } finally {
      await installServerCertificate(server.dir, original);
    }
    for (let attempt = 0; ; attempt++) {
      const ok = await connectVerified(server.superuser()).then(
        async (client) => (await client.end(), true),
        () => false,
      );
      if (ok) break;
      if (attempt > 40) throw new Error('the original certificate was not taken back');
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  it('keeps personal data out of the server log: a failing statement with a PESEL parameter leaves no trace', async () => {
    const pesel = '85010112345';
    const logText = (): string => {
      const dir = serverPaths(server.dir).logDir;
      return readdirSync(dir)
        .map((name) => readFileSync(join(dir, name), 'utf8'))
        .join('\n');
    };
    const client = await connectVerified(server.superuser());
    try {
      await expect(client.query('SELECT $1::date', [pesel])).rejects.toThrow(/85010112345/);
      await client.query('CREATE TEMP TABLE person (pesel text PRIMARY KEY)');
      await client.query('INSERT INTO person VALUES ($1)', [pesel]);
      await expect(client.query('INSERT INTO person VALUES ($1)', [pesel])).rejects.toThrow(/duplicate key/);
      await expect(client.query(`SELECT * FROM missing_table WHERE pesel = '${pesel}'`)).rejects.toThrow(/does not exist/);
      // Control: with the level lowered in this session only, the same error does reach the log,
      // so the search below would find the PESEL if the settings let it through.
      const marker = '99123112345';
      await client.query("SET log_min_messages = 'error'");
      await expect(client.query('SELECT $1::date', [marker])).rejects.toThrow();
      await client.query('RESET log_min_messages');
      for (let attempt = 0; !logText().includes(marker); attempt++) {
        if (attempt > 50) throw new Error('the control error never reached the log');
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await client.end();
    }
    const text = logText();
    expect(text).toMatch(/database system is ready to accept connections/);
    expect(text).not.toContain(pesel);
  });
});
