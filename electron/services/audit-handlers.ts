/** The audit trail (audit:*): the list, the chain's check against its anchor, the CSV export. */
import type { Clock } from '../clock';
import type { DataFolder } from '../data/data-folder';
import type { HandlersFor } from '../session/context';
import { auditCsv, type AuditService } from './audit';

export type AuditChannel = 'audit:list' | 'audit:verify' | 'audit:exportCsv';

export function auditHandlers({ audit, folder, clock }: { audit: AuditService; folder: DataFolder; clock: Clock }): HandlersFor<AuditChannel> {
  return {
    'audit:list': (filter, ctx) => ctx.read((m) => audit.list(m, filter)),

    'audit:verify': async (_input, ctx) => {
      const s = ctx.ready();
      // The slot file anchors the chain's length on this PC; the server's chain has no such file (its trigger alone appends).
      const anchor = s.db.dialect === 'sqlite' ? (await folder.readKeyring()).anchor : null;
      const result = await s.db.read((m) => audit.verify(m, anchor));
      await s.db.write((m) => audit.append(m, { actorId: s.user.id, action: 'audit.verify', details: { ok: result.ok, checked: result.checked, firstBrokenId: result.firstBrokenId } }));
      return result;
    },

    'audit:exportCsv': async (filter, ctx) => {
      const s = ctx.ready();
      const entries = await s.db.read((m) => audit.list(m, filter));
      await s.db.write((m) => audit.append(m, { actorId: s.user.id, action: 'audit.export', details: { filter, rows: entries.length } }));
      const day = clock.now().toISOString().slice(0, 10);
      return { fileName: `dziennik-zdarzen-${day}.csv`, csv: auditCsv(entries) };
    },
  };
}
