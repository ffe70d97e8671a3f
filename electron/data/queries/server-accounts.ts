/**
 * The office server's accounts (issue 18, item 3): each Asysta user is a PostgreSQL login role,
 * managed only through the functions of schema/0002-access.ts, which check who calls them (the
 * kierownik, or the person herself) in the database. Passwords reach them only as SCRAM
 * verifiers made on the client (postgres/roles.ts scramVerifier). PostgreSQL only: on the
 * embedded file the accounts are key slots (db/keyring.ts).
 */
import type { EntityManager } from 'typeorm';
import { dialectOf, execute, queryOne } from '../sql';

/** The text of a statement that exists only on the server; refused on the embedded file (a programming error). */
function onServer(manager: EntityManager, sql: string): string {
  if (dialectOf(manager) !== 'postgres') throw new Error('Server accounts exist only on PostgreSQL');
  return sql;
}

/** The signed-in person's user id: the active user whose login role she connected as; null when none (switched off). */
export async function signedInUserId(manager: EntityManager): Promise<string | null> {
  const row = await queryOne<{ id: string | null }>(manager, onServer(manager, 'SELECT asysta.app_user_id() AS id'));
  return row?.id ?? null;
}

/** Creates a new user's login role with her first password; returns the role's name. */
export async function provisionLogin(manager: EntityManager, userId: string, verifier: string): Promise<string> {
  const row = await queryOne<{ role: string }>(manager, onServer(manager, 'SELECT asysta.provision_login(?, ?) AS role'), [userId, verifier]);
  if (!row) throw new Error('provision_login returned no role');
  return row.role;
}

/** The kierownik sets another person's password. */
export async function setPassword(manager: EntityManager, userId: string, verifier: string): Promise<void> {
  await execute(manager, onServer(manager, 'SELECT asysta.set_password(?, ?)'), [userId, verifier]);
}

/** The signed-in person changes her own password. */
export async function changeOwnPassword(manager: EntityManager, verifier: string): Promise<void> {
  await execute(manager, onServer(manager, 'SELECT asysta.change_own_password(?)'), [verifier]);
}
