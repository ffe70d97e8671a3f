import dayjs from 'dayjs';
import type { Role } from '../../shared/domain/roles';
import { ROLE_LABELS } from '../../shared/domain/roles';

/** 22.11.2025, 14:05 — the form Polish offices write by hand. */
export function formatDateTime(iso: string): string {
  const value = dayjs(iso);
  return value.isValid() ? value.format('DD.MM.YYYY, HH:mm') : iso;
}

/** The day of an instant (a timestamp such as createdAt) on this computer; calendar dates use formatPolishDate. */
export function formatDate(iso: string): string {
  const value = dayjs(iso);
  return value.isValid() ? value.format('DD.MM.YYYY') : iso;
}

export function roleLabels(roles: readonly Role[]): string {
  return roles.map((role) => ROLE_LABELS[role]).join(', ');
}

export function fullName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`;
}
