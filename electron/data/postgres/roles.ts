/**
 * The office server's PostgreSQL roles (docs/office-server.md, "Baza danych na serwerze"):
 * - `<prefix>_owner` owns the schema (no login; BYPASSRLS so that the access functions it owns
 *   see every row, CREATEROLE so that user management can create login roles);
 * - one group role per Asysta role (shared/domain/roles.ts): kierownik, pracownik socjalny,
 *   asystent rodziny — the grants and the row-level policies name these;
 * - each Asysta user a LOGIN role `<prefix>.<login>` with a SCRAM-SHA-256 verifier, member of the
 *   groups of her roles; `user.db_role` maps the app's user to it;
 * - `<prefix>_setup`: logs in only until the office exists, to create it (asysta.create_office).
 * The prefix is "asysta" on an office server; tests give each database a prefix of its own,
 * because roles belong to the whole cluster while tables belong to one database.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { ROLES, type Role } from '../../../shared/domain/roles';

export const DEFAULT_ROLE_PREFIX = 'asysta';

export interface ServerRoles {
  prefix: string;
  owner: string;
  setup: string;
  groups: Record<Role, string>;
}

const GROUP_SUFFIX: Record<Role, string> = {
  head: 'kierownik',
  social_worker: 'pracownik_socjalny',
  family_assistant: 'asystent_rodziny',
};

const PREFIX = /^[a-z][a-z0-9_]{0,19}$/;

export function serverRoles(prefix: string = DEFAULT_ROLE_PREFIX): ServerRoles {
  if (!PREFIX.test(prefix)) throw new Error(`Invalid role prefix: ${prefix}`);
  const groups = Object.fromEntries(ROLES.map((role) => [role, `${prefix}_${GROUP_SUFFIX[role]}`])) as Record<Role, string>;
  return { prefix, owner: `${prefix}_owner`, setup: `${prefix}_setup`, groups };
}

/** The login role of an Asysta login ("anowak" → "asysta.anowak"): what psql's -U takes. */
export function loginRole(roles: ServerRoles, login: string): string {
  return `${roles.prefix}.${login}`;
}

/** A SQL string literal (for DDL, which takes no parameters). */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A SQL identifier, quoted. */
export function ident(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/**
 * SASLprep as libpq and node-postgres apply it before hashing (RFC 4013's mapping and NFKC; the
 * prohibition checks are skipped by both), so that a verifier made here matches either client.
 */
function saslPrep(password: string): string {
  let mapped = '';
  for (const char of password) {
    const code = char.codePointAt(0) ?? 0;
    if (NON_ASCII_SPACE.has(code) || (code >= 0x2000 && code <= 0x200b)) mapped += ' ';
    else if (!MAPPED_TO_NOTHING.has(code) && !(code >= 0xfe00 && code <= 0xfe0f) && !(code >= 0x180b && code <= 0x180d)) mapped += char;
  }
  return mapped.normalize('NFKC');
}

/** RFC 3454 table C.1.2 (besides U+2000–U+200B). */
const NON_ASCII_SPACE = new Set([0x00a0, 0x1680, 0x202f, 0x205f, 0x3000]);
/** RFC 3454 table B.1 (besides the variation selectors and U+180B–U+180D). */
const MAPPED_TO_NOTHING = new Set([0x00ad, 0x034f, 0x1806, 0x200c, 0x200d, 0x2060, 0xfeff]);

export const SCRAM_ITERATIONS = 4096;

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for a password (RFC 5802/7677). Made on the
 * client, so the password itself never reaches the server, its statement log or its memory.
 */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16), iterations = SCRAM_ITERATIONS): string {
  const salted = pbkdf2Sync(Buffer.from(saslPrep(password), 'utf8'), salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  salted.fill(0);
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
