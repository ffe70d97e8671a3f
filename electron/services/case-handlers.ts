/**
 * The channels of the case process (issue 4), bound to CasesService. A refusal for a record the
 * user may not see is written to the audit trail in a transaction of its own (the refused one
 * is rolled back), then answered with the Polish message.
 */
import type { EntityManager } from 'typeorm';
import type { Clock } from '../clock';
import { draftSizes } from '../data/queries/drafts';
import { FormDraftEntity } from '../db/entities';
import type { HandlersFor } from '../session/context';
import type { AuditService } from './audit';
import { projectAuditEntries } from './audit-projection';
import type { CasesService } from './cases';
import { listCases } from './case-list';

export type CaseChannel =
  | 'cases:create'
  | 'cases:list'
  | 'cases:get'
  | 'cases:findDuplicates'
  | 'cases:startInterview'
  | 'cases:chooseSocialWork'
  | 'cases:addNote'
  | 'cases:setSignificant'
  | 'cases:changeLog'
  | 'interviews:get'
  | 'interviews:save'
  | 'interviews:complete'
  | 'interviews:startUpdate'
  | 'analysis:save'
  | 'requests:file'
  | 'requests:queue'
  | 'requests:decide'
  | 'assistants:caseloads'
  | 'drafts:get'
  | 'drafts:save'
  | 'drafts:delete';

export function caseHandlers({ cases, audit, clock }: { cases: CasesService; audit: AuditService; clock: Clock }): HandlersFor<CaseChannel> {

  return {
    'cases:create': (input, ctx) => ctx.write(null, (m, a) => cases.create(m, input, a)),
    'cases:list': (input, ctx) => ctx.read(async (m, a) => listCases(m, a, input)),
    'cases:get': ({ id }, ctx) => ctx.write(id, (m, a) => cases.file(m, id, a)),
    'cases:findDuplicates': (input, ctx) => ctx.write(null, (m, a) => cases.findDuplicates(m, input, a)),
    'cases:startInterview': ({ caseId }, ctx) => ctx.write(caseId, (m, a) => cases.startInterview(m, caseId, a)),
    'cases:chooseSocialWork': async ({ caseId }, ctx) => {
      await ctx.write(caseId, (m, a) => cases.chooseSocialWork(m, caseId, a));
      return null;
    },
    'cases:addNote': (input, ctx) => ctx.write(input.caseId, (m, a) => cases.addNote(m, input, a)),
    'cases:setSignificant': async ({ eventId, significant }, ctx) => {
      await ctx.write(null, (m, a) => cases.setSignificant(m, eventId, significant, a));
      return null;
    },
    'cases:changeLog': ({ caseId }, ctx) =>
      ctx.write(caseId, async (m, a) => {
        const kase = await cases.load(m, caseId, a);
        // What the screens show this viewer, and nothing more (services/audit-projection.ts).
        return projectAuditEntries(await audit.list(m, { caseId, limit: 1000 }), kase.access);
      }),
    'interviews:get': ({ id }, ctx) => ctx.write(null, (m, a) => cases.interview(m, id, a)),
    'interviews:save': (input, ctx) => ctx.write(null, (m, a) => cases.saveInterview(m, input, a)),
    'interviews:startUpdate': ({ caseId }, ctx) => ctx.write(caseId, (m, a) => cases.startInterviewUpdate(m, caseId, a)),
    'interviews:complete': ({ id, expectedVersion }, ctx) => ctx.write(null, (m, a) => cases.completeInterview(m, id, expectedVersion, a)),
    'analysis:save': async (input, ctx) => {
      await ctx.write(input.caseId, (m, a) => cases.saveAnalysis(m, input, a));
      return null;
    },
    'requests:file': ({ caseId, justification, filedOn }, ctx) => ctx.write(caseId, (m, a) => cases.fileRequest(m, caseId, justification, a, filedOn)),
    'requests:queue': (_input, ctx) => ctx.read((m) => cases.queue(m)),
    'requests:decide': ({ requestId, decision, decidedOn }, ctx) => ctx.write(null, (m, a) => cases.decide(m, requestId, decision, a, decidedOn)),
    'assistants:caseloads': (_input, ctx) => ctx.read((m, a) => cases.caseloads(m, a)),

    'drafts:get': ({ key }, ctx) =>
      ctx.read(async (m, a) => {
        const row = await m.getRepository(FormDraftEntity).findOneBy({ userId: a.user.id, key });
        return row ? { data: row.data, updatedAt: row.updatedAt } : null;
      }),
    'drafts:save': async ({ key, data }, ctx) => {
      await ctx.write(null, async (m, a) => {
        await m.getRepository(FormDraftEntity).save({ userId: a.user.id, key, data, updatedAt: clock.now().toISOString() });
        await trimDrafts(m, a.user.id, key);
      });
      return null;
    },
    'drafts:delete': async ({ key }, ctx) => {
      await ctx.write(null, (m, a) => m.getRepository(FormDraftEntity).delete({ userId: a.user.id, key }));
      return null;
    },
  };
}

/** Drafts are a convenience: each person keeps at most this many, and this much text, the oldest going first (issue 14). */
export const DRAFT_QUOTA = { count: 20, chars: 3_000_000 } as const;

async function trimDrafts(m: EntityManager, userId: string, justSaved: string): Promise<void> {
  const rows = await draftSizes(m, userId, justSaved);
  let chars = 0;
  const doomed: string[] = [];
  rows.forEach((row, index) => {
    chars += row.chars;
    if (row.key !== justSaved && (index >= DRAFT_QUOTA.count || chars > DRAFT_QUOTA.chars)) doomed.push(row.key);
  });
  for (const key of doomed) await m.getRepository(FormDraftEntity).delete({ userId, key });
}
