/** User accounts and their roles. Passwords are never stored: each opens the user's key slot. */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Role } from '../../shared/domain/roles';
import type { SessionUser, UserSummary } from '../../shared/ipc';
import type { Clock } from '../clock';
import { UserEntity, type UserRow } from '../db/entities';
import { AppError } from '../errors';
import { changedFields, type AuditService } from './audit';
import { refuseWhileLeading } from './staff-changes';

export interface NewUser {
  login: string;
  firstName: string;
  lastName: string;
  roles: Role[];
}

export interface UserChange {
  id: string;
  firstName: string;
  lastName: string;
  roles: Role[];
  active: boolean;
  /** Unchanged when absent; '' clears it. */
  officePhone?: string | undefined;
}

export function toSessionUser(row: UserRow): SessionUser {
  return { id: row.id, login: row.login, firstName: row.firstName, lastName: row.lastName, roles: [...row.roles] };
}

function toSummary(row: UserRow): UserSummary {
  return { ...toSessionUser(row), active: row.active, createdAt: row.createdAt, officePhone: row.officePhone ?? '' };
}

export class UsersService {
  constructor(
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async list(manager: EntityManager): Promise<UserSummary[]> {
    const rows = await manager.getRepository(UserEntity).find({ order: { lastName: 'ASC', firstName: 'ASC' } });
    return rows.map(toSummary);
  }

  async byLogin(manager: EntityManager, login: string): Promise<UserRow | null> {
    return manager.getRepository(UserEntity).findOneBy({ login });
  }

  async byId(manager: EntityManager, id: string): Promise<UserRow> {
    const row = await manager.getRepository(UserEntity).findOneBy({ id });
    if (!row) throw new AppError('NOT_FOUND', 'Nie znaleziono takiego użytkownika.');
    return row;
  }

  async create(manager: EntityManager, input: NewUser, actorId: string | null): Promise<UserSummary> {
    const repo = manager.getRepository(UserEntity);
    if (await repo.existsBy({ login: input.login })) {
      throw new AppError('CONFLICT', `Login „${input.login}” jest już zajęty. Wybierz inny.`, { login: 'Ten login jest już zajęty.' });
    }
    const now = this.clock.now().toISOString();
    const id = randomUUID();
    const row: UserRow = { id, ...input, active: true, createdAt: now, createdBy: actorId ?? null, updatedAt: now, updatedBy: actorId ?? null, version: 1 };
    await repo.insert(row);
    await this.audit.append(manager, {
      actorId: actorId ?? id,
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      details: { login: input.login, firstName: input.firstName, lastName: input.lastName, roles: input.roles },
    });
    return toSummary(row);
  }

  async update(manager: EntityManager, change: UserChange, actorId: string): Promise<{ user: UserSummary; deactivated: boolean }> {
    const repo = manager.getRepository(UserEntity);
    const before = await this.byId(manager, change.id);
    if (change.id === actorId && !change.active) {
      throw new AppError('CONFLICT', 'Nie możesz wyłączyć własnego konta.');
    }
    const losesHead = before.active && before.roles.includes('head') && (!change.active || !change.roles.includes('head'));
    if (losesHead) {
      const heads = (await repo.findBy({ active: true })).filter((u) => u.roles.includes('head') && u.id !== change.id);
      if (heads.length === 0) throw new AppError('CONFLICT', 'W ośrodku musi zostać co najmniej jeden aktywny kierownik.');
    }
    // Cases never fall between people: whoever still leads cases keeps her account and role until they are handed over.
    const switchesOff = before.active && !change.active;
    const drops = (role: Role) => before.roles.includes(role) && !change.roles.includes(role);
    await refuseWhileLeading(manager, change.id, `${before.firstName} ${before.lastName}`, {
      worker: switchesOff || drops('social_worker'),
      assistant: switchesOff || drops('family_assistant'),
    });
    const { officePhone, ...rest } = change;
    const after: UserRow = { ...before, ...rest, ...(officePhone === undefined ? {} : { officePhone: officePhone.trim() || null }), updatedAt: this.clock.now().toISOString(), updatedBy: actorId };
    const changes = changedFields(before, after, ['firstName', 'lastName', 'roles', 'active', 'officePhone']);
    if (Object.keys(changes).length > 0) {
      await repo.save(after);
      await this.audit.append(manager, { actorId, action: 'user.update', entityType: 'user', entityId: change.id, details: { changes } });
    }
    return { user: toSummary(after), deactivated: before.active && !after.active };
  }
}
