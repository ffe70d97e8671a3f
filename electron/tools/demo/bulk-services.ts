/** Bulk versions of two services, for the seeder's long transactions. */
import type { EntityManager } from 'typeorm';
import { type Clock } from '../../clock';
import { type AuditRow } from '../../db/entities';
import { AuditService, canonicalJson, entryHash, GENESIS_HASH, type AuditInput } from '../../services/audit';
import { CasesService } from '../../services/cases';
import { prepared } from '../../data/raw-sql';

/**
 * Appends exactly the rows AuditService.append writes (same fields, canonical JSON, hash chain),
 * through one prepared statement and with the last id and hash kept in memory. It leaves the
 * chain's stored head to the real AuditService: the seeder ends every batch with a real `append`
 * ("demo.seed"), which links to these rows and moves the head. `audit.verify` checks the result.
 */
export class BulkAudit extends AuditService {
  private last: { id: number; hash: string } | null = null;

  constructor(private readonly at: Clock) {
    super(at);
  }

  /** Forget the cached chain end (a new transaction). */
  reset(): void {
    this.last = null;
  }

  override async append(m: EntityManager, input: AuditInput): Promise<AuditRow> {
    this.last ??= (prepared(m, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined) ?? { id: 0, hash: GENESIS_HASH };
    const base: Omit<AuditRow, 'hash'> = {
      id: this.last.id + 1,
      at: this.at.now().toISOString(),
      actorId: input.actorId,
      action: input.action,
      entityType: input.entityType ?? null,
      entityId: input.entityId ?? null,
      caseId: input.caseId ?? null,
      details: canonicalJson(input.details ?? {}),
      prevHash: this.last.hash,
    };
    const row: AuditRow = { ...base, hash: entryHash(base) };
    prepared(m, 'INSERT INTO audit_log (id, at, actor_id, action, entity_type, entity_id, case_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      row.id,
      row.at,
      row.actorId,
      row.action,
      row.entityType,
      row.entityId,
      row.caseId,
      row.details,
      row.prevHash,
      row.hash,
    );
    this.last = { id: row.id, hash: row.hash };
    return row;
  }
}

/** The staff do not change while seeding: their names are read once. */
export class BulkCases extends CasesService {
  private names: Map<string, string> | null = null;

  override async userNames(m: EntityManager): Promise<Map<string, string>> {
    this.names ??= await super.userNames(m);
    return this.names;
  }
}
