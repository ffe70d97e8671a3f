/**
 * The channels of the case process (issue 4), bound to CasesService. A refusal for a record the
 * user may not see is written to the audit trail in a transaction of its own (the refused one
 * is rolled back), then answered with the Polish message.
 */
import type { EntityManager } from 'typeorm';
import type { Backend, HandlersFor, ReadySession } from '../backend';
import { auditedWrite, requireReady } from '../backend';
import { FormDraftEntity } from '../db/entities';
import type { CasesService} from './cases';
import { type Actor } from './cases';
import { projectAuditEntries } from './audit-projection';
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

export function caseHandlers(backend: Backend, cases: CasesService): HandlersFor<CaseChannel> {
  const actor = (s: ReadySession): Actor => ({ user: s.user, settings: s.settings });

  const write = <T,>(channel: CaseChannel, session: ReadySession | null, caseId: string | null, work: (m: EntityManager, a: Actor) => Promise<T>): Promise<T> =>
    auditedWrite(backend, channel, session, caseId, work);

  return {
    'cases:create': (input, session) => write('cases:create', session, null, (m, a) => cases.create(m, input, a)),
    'cases:list': (input, session) => requireReady(session).db.read(async (m) => listCases(m, actor(requireReady(session)), input)),
    'cases:get': ({ id }, session) => write('cases:get', session, id, (m, a) => cases.file(m, id, a)),
    'cases:findDuplicates': (input, session) => write('cases:findDuplicates', session, null, (m, a) => cases.findDuplicates(m, input, a)),
    'cases:startInterview': ({ caseId }, session) => write('cases:startInterview', session, caseId, (m, a) => cases.startInterview(m, caseId, a)),
    'cases:chooseSocialWork': async ({ caseId }, session) => {
      await write('cases:chooseSocialWork', session, caseId, (m, a) => cases.chooseSocialWork(m, caseId, a));
      return null;
    },
    'cases:addNote': (input, session) => write('cases:addNote', session, input.caseId, (m, a) => cases.addNote(m, input, a)),
    'cases:setSignificant': async ({ eventId, significant }, session) => {
      await write('cases:setSignificant', session, null, (m, a) => cases.setSignificant(m, eventId, significant, a));
      return null;
    },
    'cases:changeLog': ({ caseId }, session) =>
      write('cases:changeLog', session, caseId, async (m, a) => {
        const kase = await cases.load(m, caseId, a);
        // What the screens show this viewer, and nothing more (services/audit-projection.ts).
        return projectAuditEntries(await backend.audit.list(m, { caseId, limit: 1000 }), kase.access);
      }),
    'interviews:get': ({ id }, session) => write('interviews:get', session, null, (m, a) => cases.interview(m, id, a)),
    'interviews:save': (input, session) => write('interviews:save', session, null, (m, a) => cases.saveInterview(m, input, a)),
    'interviews:startUpdate': ({ caseId }, session) => write('interviews:startUpdate', session, caseId, (m, a) => cases.startInterviewUpdate(m, caseId, a)),
    'interviews:complete': ({ id, expectedVersion }, session) => write('interviews:complete', session, null, (m, a) => cases.completeInterview(m, id, expectedVersion, a)),
    'analysis:save': async (input, session) => {
      await write('analysis:save', session, input.caseId, (m, a) => cases.saveAnalysis(m, input, a));
      return null;
    },
    'requests:file': ({ caseId, justification, filedOn }, session) => write('requests:file', session, caseId, (m, a) => cases.fileRequest(m, caseId, justification, a, filedOn)),
    'requests:queue': (_input, session) => requireReady(session).db.read((m) => cases.queue(m)),
    'requests:decide': ({ requestId, decision, decidedOn }, session) => write('requests:decide', session, null, (m, a) => cases.decide(m, requestId, decision, a, decidedOn)),
    'assistants:caseloads': (_input, session) => requireReady(session).db.read((m) => cases.caseloads(m, actor(requireReady(session)))),

    'drafts:get': ({ key }, session) => {
      const s = requireReady(session);
      return s.db.read(async (m) => {
        const row = await m.getRepository(FormDraftEntity).findOneBy({ userId: s.user.id, key });
        return row ? { data: row.data, updatedAt: row.updatedAt } : null;
      });
    },
    'drafts:save': async ({ key, data }, session) => {
      const s = requireReady(session);
      await s.db.write(async (m) => {
        await m.getRepository(FormDraftEntity).save({ userId: s.user.id, key, data, updatedAt: backend.clock.now().toISOString() });
        await trimDrafts(m, s.user.id, key);
      });
      return null;
    },
    'drafts:delete': async ({ key }, session) => {
      const s = requireReady(session);
      await s.db.write((m) => m.getRepository(FormDraftEntity).delete({ userId: s.user.id, key }));
      return null;
    },
  };
}

/** Drafts are a convenience: each person keeps at most this many, and this much text, the oldest going first (issue 14). */
export const DRAFT_QUOTA = { count: 20, chars: 3_000_000 } as const;

async function trimDrafts(m: EntityManager, userId: string, justSaved: string): Promise<void> {
  const rows = (await m.query(`SELECT key, length(data) AS chars FROM form_draft WHERE user_id = ? ORDER BY updated_at DESC, key = ? DESC`, [userId, justSaved])) as { key: string; chars: number }[];
  let chars = 0;
  const doomed: string[] = [];
  rows.forEach((row, index) => {
    chars += row.chars;
    if (row.key !== justSaved && (index >= DRAFT_QUOTA.count || chars > DRAFT_QUOTA.chars)) doomed.push(row.key);
  });
  for (const key of doomed) await m.getRepository(FormDraftEntity).delete({ userId, key });
}
