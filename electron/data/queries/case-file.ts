/**
 * The case file's SQL (issue 17): the names of the staff one case file shows, read by their ids
 * instead of the office's whole staff (hundreds of accounts in a large office) on every opening.
 */
import type { EntityManager } from 'typeorm';
import { queryAll } from '../sql';

/** "First Last" by user id, for these ids only (unknown ids are left out). */
export async function userNamesOf(m: EntityManager, ids: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await queryAll<{ id: string; name: string }>(
    m,
    { sqlite: `SELECT u.id, u.first_name || ' ' || u.last_name AS name FROM user u WHERE u.id IN (SELECT value FROM json_each(?))`, postgres: `SELECT u.id, u.first_name || ' ' || u.last_name AS name FROM "user" u WHERE u.id IN (SELECT jsonb_array_elements_text($1::jsonb))` },
    [JSON.stringify(wanted)],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
