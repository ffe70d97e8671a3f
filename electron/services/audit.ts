/**
 * The audit trail (art. 100 u.p.s., RODO art. 5(2) and 32): every change, sensitive read, print,
 * export, login and refusal, written in the same transaction as the change it describes.
 *
 * Entries are hash-chained: each one's hash covers its own fields and the previous entry's hash,
 * ids run 1, 2, 3… without gaps, and the head (last id and hash) is kept apart, so that an edited,
 * deleted, inserted or reordered row is found by `verify`, which names the first broken entry.
 * On the embedded database this service links and hashes each entry; on the office server the
 * database's insert trigger does (data/postgres/schema/0003-audit.ts), and `verify` checks
 * either chain the same way.
 */
import type { EntityManager } from 'typeorm';
import { auditActionLabel, auditEntityLabel } from '../../shared/audit-labels';
import type { AuditEntryView, AuditVerification } from '../../shared/ipc';
import type { Clock } from '../clock';
import { canonicalJson, entryHash, GENESIS_HASH } from '../data/audit-chain';
import { insertServerEntry, recentlyRecorded, REFERENCE_KINDS, referenceLabels, type ReferenceKind } from '../data/queries/audit';
import { dialectOf } from '../data/sql';
import { AuditEntity, SettingEntity, UserEntity, type AuditRow } from '../db/entities';
import { csvText } from './csv';

export { canonicalJson, entryHash, GENESIS_HASH };

const HEAD_KEY = 'audit.head';

export interface AuditInput {
  actorId: string | null;
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  caseId?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditFilter {
  actorId?: string | undefined;
  caseId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  beforeId?: number | undefined;
}

/** The fields that changed, as { field: { from, to } } — what "update" entries record. */
export function changedFields<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of fields) {
    if (canonicalJson(before[field]) !== canonicalJson(after[field])) changes[field] = { from: before[field] ?? null, to: after[field] ?? null };
  }
  return changes;
}

/** How long an open of the same record by the same user is not logged again. */
export const READ_LOG_WINDOW_MS = 30 * 60_000;

export class AuditService {
  constructor(private readonly clock: Clock) {}

  /** Appends one entry; call inside the transaction of the change it records. */
  async append(manager: EntityManager, input: AuditInput): Promise<AuditRow> {
    const fields = {
      actorId: input.actorId,
      action: input.action,
      entityType: input.entityType ?? null,
      entityId: input.entityId ?? null,
      caseId: input.caseId ?? null,
      details: canonicalJson(input.details ?? {}),
    };
    // The server's trigger numbers, times, links and hashes the entry, and keeps the head.
    if (dialectOf(manager) === 'postgres') return insertServerEntry(manager, fields);
    const last = await manager.getRepository(AuditEntity).find({ order: { id: 'DESC' }, take: 1 });
    const previous = last[0];
    const base: Omit<AuditRow, 'hash'> = {
      id: (previous?.id ?? 0) + 1,
      at: this.clock.now().toISOString(),
      ...fields,
      prevHash: previous?.hash ?? GENESIS_HASH,
    };
    const row: AuditRow = { ...base, hash: entryHash(base) };
    await manager.getRepository(AuditEntity).insert(row);
    await manager.getRepository(SettingEntity).save({
      key: HEAD_KEY,
      value: JSON.stringify({ id: row.id, hash: row.hash }),
      updatedAt: row.at,
      updatedBy: row.actorId,
    });
    return row;
  }

  /**
   * The chain's head: the last entry's number and hash (0 and the genesis hash when empty), as
   * kept beside the chain by every append — on the server the only way to know it, since a
   * worker sees only her own entries.
   */
  async head(manager: EntityManager): Promise<{ seq: number; hash: string }> {
    const head = await manager.getRepository(SettingEntity).findOneBy({ key: HEAD_KEY });
    if (!head) return { seq: 0, hash: GENESIS_HASH };
    const stored = JSON.parse(head.value) as { id: number; hash: string };
    return { seq: stored.id, hash: stored.hash };
  }

  /**
   * Records that a user opened a record (a case file, an interview) — once per user and record in
   * READ_LOG_WINDOW_MS, so that switching tabs or refreshing does not bury the trail in repeats.
   */
  async appendRead(manager: EntityManager, input: AuditInput & { entityId: string }): Promise<void> {
    if (!(await recentlyRecorded(manager, this.clock.now(), READ_LOG_WINDOW_MS, input.actorId, input.action, input.entityId))) await this.append(manager, input);
  }

  async list(manager: EntityManager, filter: AuditFilter): Promise<AuditEntryView[]> {
    const qb = manager.getRepository(AuditEntity).createQueryBuilder('a').orderBy('a.id', 'DESC').take(filter.limit);
    if (filter.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.caseId) qb.andWhere('a.case_id = :caseId', { caseId: filter.caseId });
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    if (filter.from) qb.andWhere('a.at >= :from', { from: `${filter.from}T00:00:00.000Z` });
    if (filter.to) qb.andWhere('a.at <= :to', { to: `${filter.to}T23:59:59.999Z` });
    if (filter.beforeId) qb.andWhere('a.id < :beforeId', { beforeId: filter.beforeId });
    const rows = await qb.getMany();
    const names = await this.userNames(manager);
    const details = rows.map((row) => JSON.parse(row.details) as Record<string, unknown>);
    const refs = await resolveRefs(manager, [...rows.flatMap((row) => [row.entityId, row.caseId]), ...details.flatMap(uuidsIn)], names);
    const refsOf = (row: AuditRow, i: number) => {
      const own: Record<string, string> = {};
      for (const id of [row.entityId, row.caseId, ...uuidsIn(details[i])]) {
        const label = id ? refs.get(id) : undefined;
        if (id && label) own[id] = label;
      }
      return own;
    };
    return rows.map((row, i) => ({
      id: row.id,
      at: row.at,
      actorId: row.actorId,
      actorName: row.actorId ? (names.get(row.actorId) ?? null) : null,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      caseId: row.caseId,
      details: details[i] ?? {},
      refs: refsOf(row, i),
    }));
  }

  /**
   * Checks the chain against its anchor outside the database (the slot file, db/keyring.ts): the
   * entry the anchor names must be there with the same hash. Run at sign-in before anything is
   * appended, so that entries removed while the app was closed cannot be covered by new ones.
   * Returns null when it holds, else the first missing entry's number.
   */
  async anchorBroken(manager: EntityManager, anchor: { seq: number; hash: string } | null): Promise<number | null> {
    if (!anchor || anchor.seq === 0) return null;
    const row = await manager.getRepository(AuditEntity).findOneBy({ id: anchor.seq });
    if (row?.hash === anchor.hash) return null;
    if (row) return anchor.seq;
    const last = await manager.getRepository(AuditEntity).find({ order: { id: 'DESC' }, take: 1 });
    return (last[0]?.id ?? 0) + 1;
  }

  /**
   * Walks the whole chain in id order (in pages, to keep memory flat) and names the first broken
   * entry. With the anchor from the slot file, an emptied or shortened log fails too, and so does
   * one found cut at a sign-in ('audit.anchor_broken', recorded then).
   */
  async verify(manager: EntityManager, anchor: { seq: number; hash: string } | null = null): Promise<AuditVerification> {
    const repo = manager.getRepository(AuditEntity);
    let expectedId = 1;
    let prevHash = GENESIS_HASH;
    let checked = 0;
    const pageSize = 5000;
    for (;;) {
      const page = await repo.createQueryBuilder('a').where('a.id >= :from', { from: expectedId }).orderBy('a.id', 'ASC').take(pageSize).getMany();
      // Rows below the expected id cannot exist in a sound chain (ids are unique and start at 1).
      for (const row of page) {
        const { hash, ...rest } = row;
        const problem =
          row.id !== expectedId
            ? `brakuje wpisu nr ${expectedId} (usunięty?)`
            : row.prevHash !== prevHash
              ? 'wpis nie łączy się z poprzednim (usunięty, wstawiony lub przestawiony wpis)'
              : entryHash(rest) !== hash
                ? 'treść wpisu została zmieniona'
                : null;
        if (problem) return broken(checked, row.id, `Dziennik zdarzeń jest naruszony od wpisu nr ${row.id}: ${problem}.`);
        prevHash = hash;
        expectedId += 1;
        checked += 1;
      }
      if (page.length < pageSize) break;
    }
    const head = await manager.getRepository(SettingEntity).findOneBy({ key: HEAD_KEY });
    if (checked > 0 || head) {
      const stored = head ? (JSON.parse(head.value) as { id: number; hash: string }) : null;
      if (!stored || stored.id !== checked || stored.hash !== prevHash) {
        const firstMissing = checked + 1;
        return broken(checked, firstMissing, `Dziennik zdarzeń jest naruszony: brakuje wpisów od nr ${firstMissing} (ostatnie wpisy usunięte).`);
      }
    }
    const cut = await manager.getRepository(AuditEntity).findOne({ where: { action: 'audit.anchor_broken' }, order: { id: 'ASC' } });
    if (cut) {
      const first = Number((JSON.parse(cut.details) as { firstMissing?: unknown }).firstMissing ?? cut.id);
      return broken(checked, first, `Dziennik zdarzeń był naruszony: przy logowaniu (wpis nr ${cut.id}) brakowało wpisów od nr ${first}.`);
    }
    const missing = await this.anchorBroken(manager, anchor);
    if (missing !== null) {
      return broken(checked, missing, `Dziennik zdarzeń jest naruszony: brakuje wpisów od nr ${missing} (usunięte, gdy program był zamknięty).`);
    }
    return { ok: true, checked, firstBrokenId: null, message: `Dziennik zdarzeń jest spójny (sprawdzono wpisów: ${checked}).` };
  }

  private async userNames(manager: EntityManager): Promise<Map<string, string>> {
    const users = await manager.getRepository(UserEntity).find({ select: { id: true, firstName: true, lastName: true } });
    return new Map(users.map((u) => [u.id, `${u.firstName} ${u.lastName}`]));
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id (UUID) in an entry's details, at any depth. */
function uuidsIn(value: unknown): string[] {
  if (typeof value === 'string') return UUID.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(uuidsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(uuidsIn);
  return [];
}

/**
 * What the ids in a page of entries stand for, in words a head reads: people by name, a case by
 * its number, an issued document by its number, a court's letter by its sygnatura.
 */
async function resolveRefs(manager: EntityManager, ids: readonly (string | null)[], users: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string' && UUID.test(id)))];
  const refs = new Map<string, string>();
  for (const id of wanted) {
    const user = users.get(id);
    if (user) refs.set(id, user);
  }
  const rest = wanted.filter((id) => !refs.has(id));
  const labels: Record<ReferenceKind, (text: string | null) => string> = {
    person: (name) => `${name}`,
    member: (name) => `${name}`,
    case: (number) => `sprawa ${number}`,
    document: (number) => `dokument nr ${number}`,
    courtRequest: (reference) => `pismo sądu, sygn. ${reference}`,
  };
  for (let start = 0; start < rest.length; start += 500) {
    const chunk = rest.slice(start, start + 500);
    for (const kind of REFERENCE_KINDS) {
      for (const row of await referenceLabels(manager, kind, chunk)) if (!refs.has(row.id)) refs.set(row.id, labels[kind](row.label));
    }
  }
  return refs;
}

function broken(checked: number, id: number, message: string): AuditVerification {
  return { ok: false, checked, firstBrokenId: id, message };
}

const CSV_HEADERS = ['Nr', 'Czas (UTC)', 'Użytkownik', 'Zdarzenie', 'Kod zdarzenia', 'Rodzaj obiektu', 'Obiekt', 'Sprawa', 'Szczegóły'];

/** The audit trail as CSV (./csv.ts: BOM, semicolons, CRLF, formulas neutralised). */
export function auditCsv(entries: AuditEntryView[]): string {
  const rows = entries.map((e) => [
    e.id,
    e.at,
    e.actorName ?? e.actorId ?? '',
    auditActionLabel(e.action),
    e.action,
    e.entityType ? auditEntityLabel(e.entityType) : '',
    e.entityId ? (e.refs[e.entityId] ?? e.entityId) : '',
    e.caseId ? (e.refs[e.caseId] ?? e.caseId) : '',
    canonicalJson(e.details),
  ]);
  return csvText([CSV_HEADERS, ...rows]);
}
