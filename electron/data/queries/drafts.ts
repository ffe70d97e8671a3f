/**
 * Form drafts (issue 14): a person's drafts with their sizes, newest first, for the quota that
 * trims the oldest. One text for both engines (`key` is not reserved in either).
 */
import type { EntityManager } from 'typeorm';
import { queryAll, toNumber } from '../sql';

/** The user's drafts, newest first (the one just saved first among equals), with their length in characters. */
export async function draftSizes(m: EntityManager, userId: string, justSaved: string): Promise<{ key: string; chars: number }[]> {
  const rows = await queryAll<{ key: string; chars: unknown }>(m, 'SELECT key, length(data) AS chars FROM form_draft WHERE user_id = ? ORDER BY updated_at DESC, (key = ?) DESC', [userId, justSaved]);
  return rows.map((r) => ({ key: r.key, chars: toNumber(r.chars) }));
}
