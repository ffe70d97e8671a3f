/**
 * The audit chain's hashing, shared by both engines: the embedded AuditService computes it in
 * TypeScript, the office server's trigger in SQL (electron/data/postgres/schema/0003-audit.ts),
 * and one verifier checks either. An entry's hash is the SHA-256 of the canonical JSON array
 * [id, at, actorId, action, entityType, entityId, caseId, details, prevHash].
 */
import { createHash } from 'node:crypto';
import type { AuditRow } from '../db/entities';
import { canonicalJson } from './canonical-json';

export { canonicalJson };

export const GENESIS_HASH = '0'.repeat(64);

/** The text an entry's hash is taken over. */
export function entryCanonicalForm(row: Omit<AuditRow, 'hash'>): string {
  return canonicalJson([row.id, row.at, row.actorId, row.action, row.entityType, row.entityId, row.caseId, row.details, row.prevHash]);
}

export function entryHash(row: Omit<AuditRow, 'hash'>): string {
  return createHash('sha256').update(entryCanonicalForm(row), 'utf8').digest('hex');
}
