/**
 * The audit trail as the head reads it: the Polish names of shared/audit-labels.ts, values in
 * Polish, ids as the names, case numbers and document numbers the main process resolved (refs).
 */
import { auditFieldLabel, auditValueLabel } from '../../../shared/audit-labels';
import { formatPolishDate, isValidIsoDate } from '../../../shared/domain/dates';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/domain/roles';
import { formatDateTime } from '../../lib/format';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How an entry's values are read: which record it is about, and what its ids stand for. */
export interface ValueContext {
  entityType: string | null;
  refs: Readonly<Record<string, string>>;
}

const NO_CONTEXT: ValueContext = { entityType: null, refs: {} };

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A value from `details` under its field's name, as a short Polish text. */
export function formatFieldValue(field: string, value: unknown, context: ValueContext = NO_CONTEXT): string {
  if (typeof value === 'string') {
    const coded = auditValueLabel(context.entityType, field, value);
    if (coded !== null) return coded;
  }
  return formatValue(value, context);
}

/** A value from `details` as a short Polish text; an id as what it stands for. */
export function formatValue(value: unknown, context: ValueContext = NO_CONTEXT): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'tak' : 'nie';
  if (isRole(value)) return ROLE_LABELS[value];
  if (typeof value === 'string') {
    if (UUID.test(value)) return context.refs[value] ?? 'rekord usunięty lub spoza dziennika';
    const coded = auditValueLabel(context.entityType, '', value);
    if (coded !== null) return coded;
    if (ISO_DATE_TIME.test(value)) return formatDateTime(value);
    if (isValidIsoDate(value)) return formatPolishDate(value);
    return value;
  }
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((item) => formatValue(item, context)).join(', ');
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '—';
    return entries.map(([key, inner]) => `${auditFieldLabel(key)}: ${formatFieldValue(key, inner, context)}`).join('; ');
  }
  return String(value);
}
