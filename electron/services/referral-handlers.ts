/**
 * The channels of food-aid and social-shop referrals (issue 19), bound to ReferralsService. Every
 * change, issue, cancellation and export is written to the audit trail in its own transaction;
 * a refusal for a record (an assistant's referral of another family, a case not hers) is audited too.
 */
import type { HandlersFor } from '../session/context';
import type { AuditService } from './audit';
import type { CasesService } from './cases';
import type { DocumentsService } from './documents';
import type { OfficeService } from './office';
import type { ReferralsService } from './referrals';

export type ReferralChannel =
  | 'referrals:config'
  | 'referrals:issue'
  | 'referrals:list'
  | 'referrals:cancel'
  | 'referrals:caseSources'
  | 'referrals:exportList'
  | 'referrals:monthly'
  | 'referrals:exportMonthly'
  | 'referrals:saveSettings'
  | 'referrals:saveSubprogramme'
  | 'referrals:savePartner'
  | 'referrals:addThreshold';

export function referralHandlers({ referrals, cases, office, audit, documents }: { referrals: ReferralsService; cases: CasesService; office: OfficeService; audit: AuditService; documents: DocumentsService }): HandlersFor<ReferralChannel> {

  return {
    'referrals:config': (_input, ctx) =>
      ctx.read(async (m) => ({
        thresholds: await referrals.thresholds(m),
        subprogrammes: await referrals.subprogrammes(m),
        partners: await referrals.partners(m),
        settings: await referrals.settings(m),
        today: cases.today(),
      })),
    'referrals:issue': (input, ctx) => documents.issuing(() => ctx.write(null, (m, a) => referrals.issue(m, input, a))),
    'referrals:list': (input, ctx) => ctx.read((m, a) => referrals.list(m, input, a)),
    'referrals:cancel': ({ id, reason }, ctx) => ctx.write(null, (m, a) => referrals.cancel(m, id, reason, a)),
    'referrals:caseSources': (input, ctx) => ctx.read((m, a) => referrals.caseSources(m, input, a)),
    'referrals:exportList': (input, ctx) => ctx.write(null, async (m, a) => referrals.exportList(m, input, a, (await office.get(m)).name)),
    'referrals:monthly': ({ from, to }, ctx) => ctx.read((m) => referrals.monthly(m, from, to)),
    'referrals:exportMonthly': ({ from, to, format }, ctx) =>
      ctx.write(null, async (m, a) => {
        const file = await referrals.monthlyFile(m, from, to, format, (await office.get(m)).name);
        await audit.append(m, { actorId: a.user.id, action: 'referral.export', entityType: 'referral_list', details: { list: 'monthly', from, to, format, rows: file.rows, fileName: file.fileName } });
        return file;
      }),
    'referrals:saveSettings': (input, ctx) => ctx.write(null, (m, a) => referrals.saveSettings(m, input, a)),
    'referrals:saveSubprogramme': (input, ctx) => ctx.write(null, (m, a) => referrals.saveSubprogramme(m, input, a)),
    'referrals:savePartner': (input, ctx) => ctx.write(null, (m, a) => referrals.savePartner(m, input, a)),
    'referrals:addThreshold': (input, ctx) => ctx.write(null, (m, a) => referrals.addThreshold(m, input, a)),
  };
}
