/** The office's own data and its settings (key–value, JSON values, each change audited). */
import type { EntityManager } from 'typeorm';
import type { OfficeInfo, Settings } from '../../shared/ipc';
import { settingsSchema } from '../../shared/schemas';
import type { Clock } from '../clock';
import { OfficeEntity, SettingEntity, type OfficeRow } from '../db/entities';
import { AppError } from '../errors';
import { changedFields, type AuditService } from './audit';

export const DEFAULT_SETTINGS: Settings = {
  idleLockMinutes: 10,
  caseloadLimit: 15,
  decisionWorkingDays: 7,
  monitoringMonths: 3,
  planApprovalRequired: false,
  caseNumberPrefix: 'OPS.AR',
  backupDir: null,
  backupKeep: 10,
  backupEveryHours: 24,
};

const OFFICE_FIELDS = ['name', 'street', 'postalCode', 'city', 'gmina', 'place'] as const;
const SETTING_PREFIX = 'settings.';

function toInfo(row: OfficeRow): OfficeInfo {
  return { name: row.name, street: row.street, postalCode: row.postalCode, city: row.city, gmina: row.gmina, place: row.place ?? '' };
}

export class OfficeService {
  constructor(
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async create(manager: EntityManager, office: OfficeInfo, actorId: string | null): Promise<void> {
    const now = this.clock.now().toISOString();
    await manager.getRepository(OfficeEntity).insert({ id: 1, ...office, createdAt: now, createdBy: actorId, updatedAt: now, updatedBy: actorId, version: 1 });
    await this.audit.append(manager, { actorId, action: 'office.create', entityType: 'office', entityId: '1', details: { ...office } });
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
      await manager.getRepository(SettingEntity).insert({ key: SETTING_PREFIX + key, value: JSON.stringify(value), updatedAt: now, updatedBy: actorId });
    }
  }

  async get(manager: EntityManager): Promise<OfficeInfo> {
    const row = await manager.getRepository(OfficeEntity).findOneBy({ id: 1 });
    if (!row) throw new AppError('DB_CORRUPT', 'W bazie brakuje danych ośrodka. Przywróć dane z kopii zapasowej.');
    return toInfo(row);
  }

  async update(manager: EntityManager, office: OfficeInfo, actorId: string): Promise<OfficeInfo> {
    const repo = manager.getRepository(OfficeEntity);
    const before = await repo.findOneBy({ id: 1 });
    if (!before) throw new AppError('DB_CORRUPT', 'W bazie brakuje danych ośrodka. Przywróć dane z kopii zapasowej.');
    const after: OfficeRow = { ...before, ...office, updatedAt: this.clock.now().toISOString(), updatedBy: actorId };
    const changes = changedFields(before, after, OFFICE_FIELDS);
    if (Object.keys(changes).length === 0) return toInfo(before);
    await repo.save(after);
    await this.audit.append(manager, { actorId, action: 'office.update', entityType: 'office', entityId: '1', details: { changes } });
    return toInfo(after);
  }

  async settings(manager: EntityManager): Promise<Settings> {
    const rows = await manager.getRepository(SettingEntity).find();
    const stored = new Map(rows.map((r) => [r.key, r.value]));
    const values: Record<string, unknown> = {};
    for (const key of Object.keys(DEFAULT_SETTINGS)) {
      const raw = stored.get(SETTING_PREFIX + key);
      if (raw !== undefined) values[key] = JSON.parse(raw) as unknown;
    }
    // A value that no longer passes the schema falls back to its default rather than breaking the app.
    const valid = Object.fromEntries(
      Object.entries(values).filter(([key, value]) => settingsSchema.shape[key as keyof Settings].safeParse(value).success),
    ) as Partial<Settings>;
    return { ...DEFAULT_SETTINGS, ...valid };
  }

  async updateSettings(manager: EntityManager, change: Partial<Settings>, actorId: string): Promise<Settings> {
    const before = await this.settings(manager);
    const next: Settings = { ...before, ...change };
    const changes = changedFields(before, next, Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]);
    if (Object.keys(changes).length === 0) return before;
    const now = this.clock.now().toISOString();
    for (const key of Object.keys(changes)) {
      await manager.getRepository(SettingEntity).save({ key: SETTING_PREFIX + key, value: JSON.stringify(next[key as keyof Settings]), updatedAt: now, updatedBy: actorId });
    }
    await this.audit.append(manager, { actorId, action: 'settings.update', entityType: 'settings', details: { changes } });
    return next;
  }
}
