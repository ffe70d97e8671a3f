/**
 * The channels of food-aid and social-shop referrals (issue 19), bound to ReferralsService. Every
 * change, issue, cancellation and export is written to the audit trail in its own transaction;
 * a refusal for a record (an assistant's referral of another family, a case not hers) is audited too.
 */
import type { EntityManager } from 'typeorm';
import type { Backend, HandlersFor, ReadySession } from '../backend';
import { auditedWrite, requireReady } from '../backend';
import type { Actor } from './cases';
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

export function referralHandlers(backend: Backend, referrals: ReferralsService): HandlersFor<ReferralChannel> {
  const write = <T,>(channel: ReferralChannel, session: ReadySession | null, work: (m: EntityManager, a: Actor) => Promise<T>): Promise<T> =>
    auditedWrite(backend, channel, session, null, work);
  const actor = (s: ReadySession): Actor => ({ user: s.user, settings: s.settings });

  return {
    'referrals:config': (_input, session) =>
      requireReady(session).db.read(async (m) => ({
        thresholds: await referrals.thresholds(m),
        subprogrammes: await referrals.subprogrammes(m),
        partners: await referrals.partners(m),
        settings: await referrals.settings(m),
        today: backend.cases.today(),
      })),
    'referrals:issue': (input, s) => backend.documents.issuing(() => write('referrals:issue', s, (m, a) => referrals.issue(m, input, a))),
    'referrals:list': (input, session) => {
      const s = requireReady(session);
      return s.db.read((m) => referrals.list(m, input, actor(s)));
    },
    'referrals:cancel': ({ id, reason }, s) => write('referrals:cancel', s, (m, a) => referrals.cancel(m, id, reason, a)),
    'referrals:caseSources': (_input, session) => {
      const s = requireReady(session);
      return s.db.read((m) => referrals.caseSources(m, actor(s)));
    },
    'referrals:exportList': (input, s) => write('referrals:exportList', s, async (m, a) => referrals.exportList(m, input, a, (await backend.office.get(m)).name)),
    'referrals:monthly': ({ from, to }, session) => requireReady(session).db.read(async (m) => referrals.monthly(m, from, to)),
    'referrals:exportMonthly': ({ from, to, format }, session) =>
      write('referrals:exportMonthly', session, async (m, a) => {
        const file = referrals.monthlyFile(m, from, to, format, (await backend.office.get(m)).name);
        await backend.audit.append(m, { actorId: a.user.id, action: 'referral.export', entityType: 'referral_list', details: { list: 'monthly', from, to, format, rows: file.rows, fileName: file.fileName } });
        return file;
      }),
    'referrals:saveSettings': (input, s) => write('referrals:saveSettings', s, (m, a) => referrals.saveSettings(m, input, a)),
    'referrals:saveSubprogramme': (input, s) => write('referrals:saveSubprogramme', s, (m, a) => referrals.saveSubprogramme(m, input, a)),
    'referrals:savePartner': (input, s) => write('referrals:savePartner', s, (m, a) => referrals.savePartner(m, input, a)),
    'referrals:addThreshold': (input, s) => write('referrals:addThreshold', s, (m, a) => referrals.addThreshold(m, input, a)),
  };
}
