/**
 * Setting up an office on the server: the one-time setup code (made on the server PC by the
 * cluster's superuser) and the office's first transaction (made from any PC with that code):
 * the office row (settings stay at their defaults until changed), the kierownik with her login role, and their audit
 * entries — all in asysta.create_office, so that either all of it exists or none.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { ClientBase } from 'pg';
import type { OfficeInfo } from '../../../shared/ipc';
import { canonicalJson } from '../audit-chain';
import { ident, literal, scramVerifier, serverRoles } from './roles';

/** Letters and digits that cannot be mistaken for each other when read aloud or retyped. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * Opens the office's setup for the first kierownik: the setup role may log in with the code
 * returned (printed once by `npm run server -- init`) until the office is created. Run as the
 * cluster's superuser after migrateServer.
 */
export async function openOfficeSetup(admin: ClientBase, prefix?: string): Promise<string> {
  const r = serverRoles(prefix);
  const bytes = randomBytes(20);
  const code = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  const grouped = code.match(/.{5}/g)!.join('-');
  await admin.query(`ALTER ROLE ${ident(r.setup)} LOGIN PASSWORD ${literal(scramVerifier(grouped))}`);
  return grouped;
}

/** The setup code as typed: upper case, groups of five joined by dashes. */
export function normaliseSetupCode(typed: string): string {
  const letters = typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return letters.match(/.{1,5}/g)?.join('-') ?? '';
}

export interface NewServerOffice {
  office: OfficeInfo;
  head: { login: string; firstName: string; lastName: string };
}

/**
 * Creates the office (connected as the setup role). Returns the kierownik's user id and login
 * role. The password is sent as a SCRAM verifier only.
 */
export async function createServerOffice(setup: ClientBase, input: NewServerOffice, password: string): Promise<{ userId: string; role: string }> {
  const userId = randomUUID();
  const head = { id: userId, ...input.head };
  // The same entries as the embedded setup (UsersService.create, OfficeService.create).
  const entries = [
    {
      action: 'user.create',
      entity_type: 'user',
      entity_id: userId,
      details: canonicalJson({ login: head.login, firstName: head.firstName, lastName: head.lastName, roles: ['head'] }),
    },
    { action: 'office.create', entity_type: 'office', entity_id: '1', details: canonicalJson({ ...input.office }) },
  ];
  const result = await setup.query<{ role: string }>('SELECT asysta.create_office($1::jsonb, $2::jsonb, $3::jsonb, $4) AS role', [
    JSON.stringify(input.office),
    JSON.stringify(head),
    JSON.stringify(entries),
    scramVerifier(password),
  ]);
  return { userId, role: result.rows[0]!.role };
}
