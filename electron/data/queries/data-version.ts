/**
 * The data's version (issue 18, item 5): the head of the audit chain. Every change of the office's
 * data appends an audit entry in its own transaction, and the entry moves the head (kept in the
 * `setting` row `audit.head`: by AuditService on SQLite, by the audit trigger on PostgreSQL, where
 * every role may read it). Another PC that sees a different version knows something changed and
 * reads again; the version says nothing about what changed, so it carries no personal data.
 */
import type { EntityManager } from 'typeorm';
import { queryOne } from '../sql';

const AUDIT_HEAD_KEY = 'audit.head';

/** The version before the first audited write. */
export const EMPTY_DATA_VERSION = '0';

/** An opaque text: equal while nothing was written, different after any audited write. */
export async function dataVersion(manager: EntityManager): Promise<string> {
  const row = await queryOne<{ value: string }>(manager, 'SELECT value FROM setting WHERE key = ?', [AUDIT_HEAD_KEY]);
  if (!row) return EMPTY_DATA_VERSION;
  const head = JSON.parse(row.value) as { id?: unknown; hash?: unknown };
  if (typeof head.id !== 'number' || typeof head.hash !== 'string') return EMPTY_DATA_VERSION;
  return `${head.id}:${head.hash}`;
}
