/**
 * One projection of an audit entry per viewer (issue 14, Medium 5): the case's change register
 * (`cases:changeLog`) shows each person only what the screens show her.
 *
 * - Full access (the kierownik, the social worker leading the case): every entry as recorded.
 * - The family assistant (art. 16 u.w.r.): nothing of the kontrakt socjalny (its entries, its
 *   documents, its case events — the screens hide the contract from her entirely), and of an
 *   interview only the segments she may read.
 * - No access: nothing.
 */
import type { CaseAccess } from '../../shared/domain/roles';
import { INTERVIEW_FORMS } from '../../shared/domain/interviewForm';
import { HIDDEN_FROM_ASSISTANT } from '../../shared/documents';
import type { AuditEntryView } from '../../shared/ipc';

const READABLE_SEGMENTS = new Set(Object.values(INTERVIEW_FORMS).flatMap((form) => form.segments.filter((s) => s.assistantMayRead).map((s) => s.code)));

function isContract(entry: AuditEntryView): boolean {
  const d = entry.details;
  return (
    entry.entityType === 'contract' ||
    entry.action.startsWith('contract.') ||
    d['kind'] === 'contract' ||
    d['refType'] === 'contract' ||
    (entry.entityType === 'document' && typeof d['kind'] === 'string' && (HIDDEN_FROM_ASSISTANT as readonly string[]).includes(d['kind']))
  );
}

/** The entry as this viewer may see it, or null when she may not see it at all. */
export function projectAuditEntry(entry: AuditEntryView, access: CaseAccess): AuditEntryView | null {
  if (access === 'full') return entry;
  if (access === 'none') return null;
  if (isContract(entry)) return null;
  const segments = entry.details['changedSegments'];
  if (entry.entityType === 'interview' && Array.isArray(segments)) {
    return { ...entry, details: { ...entry.details, changedSegments: segments.filter((code) => typeof code === 'string' && READABLE_SEGMENTS.has(code)) } };
  }
  return entry;
}

export function projectAuditEntries(entries: readonly AuditEntryView[], access: CaseAccess): AuditEntryView[] {
  return entries.flatMap((entry) => {
    const shown = projectAuditEntry(entry, access);
    return shown ? [shown] : [];
  });
}
