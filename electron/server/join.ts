/**
 * Joining the office server from a PC ("Serwer w biurze", issue 18), shared by the app's first run
 * (app/session-manager.ts: setup:joinServer, setup:createOnServer) and the admin CLI
 * (cli-server.ts: `cli init --server KOD`):
 * - `pairServer`: the pairing code checked (shared/pairing.ts) and the server's CA taken from its
 *   TLS handshake only when its SHA-256 matches the code's fingerprint;
 * - `createOfficeOnServer`: the office's first transaction, made with the server's one-time setup
 *   code (data/postgres/office.ts createServerOffice), then one sign-in with the new account.
 * Every connection is verify-full against the pinned CA; nothing falls back to a plain one.
 */
import type pg from 'pg';
import { parsePairingCode } from '../../shared/pairing';
import { requireServerSchema } from '../data/postgres/migrate';
import { createServerOffice, normaliseSetupCode, type NewServerOffice } from '../data/postgres/office';
import { serverRoles } from '../data/postgres/roles';
import { AppError } from '../errors';
import { type ConnectionInfo } from './cluster';
import { connectVerified, fetchPinnedCa } from './connect';

/** The server of a pairing code, with its CA pinned. */
export interface PairedServer {
  host: string;
  port: number;
  /** The code's CA fingerprint (hex). */
  fingerprint: string;
  /** The CA certificate (PEM) whose SHA-256 starts with the fingerprint. */
  ca: string;
}

/** Where the office's database is on the server: its name and the prefix of its roles. */
export interface ServerDatabaseName {
  database: string;
  rolePrefix: string;
}

/**
 * Checks the code and takes the server's CA. Refuses in Polish: a wrong or garbled code
 * (PAIRING_INVALID), nothing answering (SERVER_UNREACHABLE), a certificate that does not match
 * the code (SERVER_CERT).
 */
export async function pairServer(code: string): Promise<PairedServer> {
  const parsed = parsePairingCode(code);
  if (!parsed.ok) throw new AppError('PAIRING_INVALID', parsed.error.message);
  const { host, port, fingerprint } = parsed.value;
  const ca = await fetchPinnedCa(host, port, fingerprint);
  return { host, port, fingerprint: Buffer.from(fingerprint).toString('hex'), ca };
}

/** Runs `work` with one verified connection, closing it after. */
export async function withServerClient<T>(info: ConnectionInfo, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connectVerified(info);
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const WRONG_SETUP_CODE = 'Kod założenia biura jest nieprawidłowy albo biuro na tym serwerze zostało już założone. Niczego nie zmieniono.';

/**
 * Creates the office on the server with the one-time setup code (as the setup role): the office,
 * the kierownik and her login role, with her password sent as a SCRAM verifier only. Checks the
 * server's schema version first (SERVER_VERSION names both). Then signs in once with the new
 * account, so that a PC is never left joined to an office its kierownik cannot open.
 */
export async function createOfficeOnServer(
  server: Omit<ConnectionInfo, 'user' | 'password'>,
  names: Pick<ServerDatabaseName, 'rolePrefix'>,
  setupCode: string,
  input: NewServerOffice,
  password: string,
): Promise<{ userId: string; role: string }> {
  const roles = serverRoles(names.rolePrefix);
  let created: { userId: string; role: string };
  try {
    created = await withServerClient({ ...server, user: roles.setup, password: normaliseSetupCode(setupCode) }, async (setup) => {
      await requireServerSchema(setup);
      return createServerOffice(setup, input, password);
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'WRONG_PASSWORD') throw new AppError('WRONG_PASSWORD', WRONG_SETUP_CODE);
    throw officeCreationError(error);
  }
  await withServerClient({ ...server, user: created.role, password }, async () => undefined);
  return created;
}

/** A database refusal of the office's creation, in Polish (an office already there, a login taken). */
function officeCreationError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (code === '42710' && error instanceof Error) return new AppError('CONFLICT', error.message);
  return error;
}
