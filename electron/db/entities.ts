/**
 * Entities as TypeORM EntitySchemas (no decorators, so the same code runs under Vite, tsx and
 * Vitest). Every column names its type; the schema itself is created by the migrations.
 */
import { EntitySchema } from 'typeorm';
import type { Role } from '../../shared/domain/roles';

/** Columns every record carries (domain.md §11): who and when, plus an optimistic-lock version. */
export interface Tracked {
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
  version: number;
}

const trackedColumns = {
  createdAt: { name: 'created_at', type: 'text' },
  createdBy: { name: 'created_by', type: 'text', nullable: true },
  updatedAt: { name: 'updated_at', type: 'text' },
  updatedBy: { name: 'updated_by', type: 'text', nullable: true },
  version: { type: 'integer', version: true },
} as const;

export interface OfficeRow extends Tracked {
  id: number;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  gmina: string;
}

export const OfficeEntity = new EntitySchema<OfficeRow>({
  name: 'Office',
  tableName: 'office',
  columns: {
    id: { type: 'integer', primary: true },
    name: { type: 'text' },
    street: { type: 'text' },
    postalCode: { name: 'postal_code', type: 'text' },
    city: { type: 'text' },
    gmina: { type: 'text' },
    ...trackedColumns,
  },
});

export interface SettingRow {
  key: string;
  value: string;
  updatedAt: string;
  updatedBy: string | null;
}

export const SettingEntity = new EntitySchema<SettingRow>({
  name: 'Setting',
  tableName: 'setting',
  columns: {
    key: { type: 'text', primary: true },
    value: { type: 'text' },
    updatedAt: { name: 'updated_at', type: 'text' },
    updatedBy: { name: 'updated_by', type: 'text', nullable: true },
  },
});

export interface UserRow extends Tracked {
  id: string;
  login: string;
  firstName: string;
  lastName: string;
  roles: Role[];
  active: boolean;
}

export const UserEntity = new EntitySchema<UserRow>({
  name: 'User',
  tableName: 'user',
  columns: {
    id: { type: 'text', primary: true },
    login: { type: 'text', unique: true },
    firstName: { name: 'first_name', type: 'text' },
    lastName: { name: 'last_name', type: 'text' },
    roles: { type: 'simple-json' },
    active: { type: 'boolean' },
    ...trackedColumns,
  },
});

export interface AuditRow {
  id: number;
  at: string;
  actorId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  caseId: string | null;
  details: string;
  prevHash: string;
  hash: string;
}

export const AuditEntity = new EntitySchema<AuditRow>({
  name: 'AuditEntry',
  tableName: 'audit_log',
  columns: {
    id: { type: 'integer', primary: true },
    at: { type: 'text' },
    actorId: { name: 'actor_id', type: 'text', nullable: true },
    action: { type: 'text' },
    entityType: { name: 'entity_type', type: 'text', nullable: true },
    entityId: { name: 'entity_id', type: 'text', nullable: true },
    caseId: { name: 'case_id', type: 'text', nullable: true },
    details: { type: 'text' },
    prevHash: { name: 'prev_hash', type: 'text' },
    hash: { type: 'text' },
  },
});

export const ENTITIES = [OfficeEntity, SettingEntity, UserEntity, AuditEntity];
