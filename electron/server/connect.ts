/**
 * Connecting to the office server: always TLS with the pinned CA and the host checked against the
 * server certificate (libpq's sslmode=verify-full). A certificate that does not chain to the
 * pinned CA, names another host or has expired is refused; there is no fallback without TLS.
 *
 * `fetchPinnedCa` is the pairing step: a PC that has only the pairing code (host, port, CA
 * fingerprint) takes the CA certificate from the server's own TLS handshake and keeps it only if
 * its SHA-256 matches the fingerprint of the code.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { Socket, isIP } from 'node:net';
import { checkServerIdentity, connect as tlsConnect, type DetailedPeerCertificate, type PeerCertificate } from 'node:tls';
import pg from 'pg';
import { AppError } from '../errors';
import type { ConnectionInfo } from './cluster';

/** node-postgres settings for verify-full against `info.ca`. */
export function clientConfig(info: ConnectionInfo, connectionTimeoutMillis = 10_000): pg.ClientConfig {
  return {
    host: info.host,
    port: info.port,
    database: info.database,
    user: info.user,
    password: info.password,
    connectionTimeoutMillis,
    ssl: {
      ca: info.ca,
      rejectUnauthorized: true,
      // verify-full: the certificate must name the host this PC dialled (a DNS name or an IP).
      checkServerIdentity: (_servername: string, cert: PeerCertificate) => checkServerIdentity(info.host, cert),
    },
  };
}

/** A connected client (verify-full), or an AppError with a Polish message. */
export async function connectVerified(info: ConnectionInfo): Promise<pg.Client> {
  const client = new pg.Client(clientConfig(info));
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw connectionError(error, info);
  }
}

/** A Polish message for why a connection to the server failed. */
export function connectionError(error: unknown, where: Pick<ConnectionInfo, 'host' | 'port'>): AppError {
  const server = `${where.host}:${where.port}`;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ECONNREFUSED' || code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENOTFOUND' || /timeout/i.test(message)) {
    return new AppError('SERVER_UNREACHABLE', `Serwer Asysty (${server}) nie odpowiada. Sprawdź, czy komputer z serwerem jest włączony i czy serwer działa.`);
  }
  if (/does not support SSL/i.test(message)) {
    return new AppError('SERVER_CERT', `Serwer pod adresem ${server} nie przyjmuje połączeń szyfrowanych — to nie jest serwer Asysty. Połączenie odrzucone.`);
  }
  if (code === 'CERT_HAS_EXPIRED') {
    return new AppError('SERVER_CERT', `Certyfikat serwera Asysty (${server}) wygasł — połączenie odrzucone. Poproś osobę, która prowadzi serwer, o odnowienie certyfikatu (npm run server -- renew-cert).`);
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new AppError('SERVER_CERT', `Certyfikat serwera nie obejmuje adresu ${where.host} — połączenie odrzucone. Użyj adresu z kodu parowania.`);
  }
  if (/certificate|self[- ]signed|unable to (get|verify)|CERT_|SSL|TLS/i.test(code + ' ' + message)) {
    return new AppError(
      'SERVER_CERT',
      `Certyfikat serwera Asysty (${server}) nie pochodzi od serwera tego biura (mógł zostać podmieniony) — połączenie odrzucone. Sprawdź kod parowania z osobą, która prowadzi serwer.`,
    );
  }
  if (code === '28P01' || code === '28000') {
    return new AppError('WRONG_PASSWORD', 'Nieprawidłowy login lub hasło do serwera Asysty.');
  }
  return new AppError('INTERNAL', `Nie udało się połączyć z serwerem Asysty (${server}).`);
}

const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

/**
 * The CA certificate (PEM) of the server at host:port whose SHA-256 fingerprint starts with
 * `fingerprint` (the pairing code carries its first 16 bytes). Refused when no certificate of the
 * chain the server presents matches.
 */
export function fetchPinnedCa(host: string, port: number, fingerprint: Uint8Array, timeoutMs = 10_000): Promise<string> {
  const server = `${host}:${port}`;
  return new Promise((resolvePromise, reject) => {
    const socket = new Socket();
    let settled = false;
    const finish = (error: AppError | null, pem?: string): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      if (error) reject(error);
      else resolvePromise(pem ?? '');
    };
    socket.setTimeout(timeoutMs, () => finish(connectionError(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }), { host, port })));
    socket.once('error', (error) => finish(connectionError(error, { host, port })));
    socket.connect(port, host, () => socket.write(SSL_REQUEST));
    socket.once('data', (answer: Buffer) => {
      if (answer[0] !== 0x53 /* 'S' */) {
        finish(new AppError('SERVER_CERT', `Serwer pod adresem ${server} nie przyjmuje połączeń szyfrowanych — to nie jest serwer Asysty. Połączenie odrzucone.`));
        return;
      }
      // Only to read the chain: nothing is sent over this connection, and the CA is kept only
      // when its fingerprint matches the pairing code.
      const secure = tlsConnect({ socket, rejectUnauthorized: false, ...(isIP(host) ? {} : { servername: host }) });
      secure.once('error', (error) => finish(connectionError(error, { host, port })));
      secure.once('secureConnect', () => {
        const match = chain(secure.getPeerCertificate(true)).find((cert) => startsWith(createHash('sha256').update(cert.raw).digest(), fingerprint));
        secure.destroy();
        if (!match) {
          finish(
            new AppError(
              'SERVER_CERT',
              `Serwer pod adresem ${server} przedstawił certyfikat, który nie zgadza się z kodem parowania (mógł zostać podmieniony) — połączenie odrzucone.`,
            ),
          );
          return;
        }
        const ca = new X509Certificate(match.raw);
        if (!ca.ca) {
          finish(new AppError('SERVER_CERT', `Kod parowania wskazuje certyfikat, który nie jest certyfikatem CA serwera — połączenie odrzucone.`));
          return;
        }
        finish(null, ca.toString());
      });
    });
  });
}

function chain(leaf: DetailedPeerCertificate): DetailedPeerCertificate[] {
  const certs: DetailedPeerCertificate[] = [];
  let cert: DetailedPeerCertificate | undefined = leaf;
  while (cert && cert.raw && !certs.includes(cert) && certs.length < 8) {
    certs.push(cert);
    cert = cert.issuerCertificate === cert ? undefined : cert.issuerCertificate;
  }
  return certs;
}

function startsWith(digest: Buffer, prefix: Uint8Array): boolean {
  return prefix.length >= 16 && prefix.length <= digest.length && digest.subarray(0, prefix.length).equals(prefix);
}
