/** The channels of court requests, the opinia o rodzinie and the case-file export (issue 7). */
import type { HandlersFor } from '../session/context';
import type { CourtService } from './court';
import type { CourtExportService } from './court-export';
import type { DocumentsService } from './documents';

export type CourtChannel =
  | 'court:create'
  | 'court:list'
  | 'court:answer'
  | 'court:export'
  | 'court:exportProgress'
  | 'opinions:get'
  | 'opinions:save'
  | 'opinions:submit'
  | 'opinions:approve'
  | 'opinions:return'
  | 'opinions:issue';

export function courtHandlers({ court, exporter, documents }: { court: CourtService; exporter: CourtExportService; documents: DocumentsService }): HandlersFor<CourtChannel> {

  return {
    'court:create': (input, ctx) => ctx.write(input.caseId, (m, a) => court.create(m, input, a)),
    'court:list': (input, ctx) => ctx.write(input.caseId ?? null, (m, a) => court.list(m, input, a)),
    'court:answer': (input, ctx) => ctx.write(null, (m, a) => court.answer(m, input, a)),
    'court:export': (input, ctx) => exporter.run(ctx, input),
    // Read from memory, no transaction: polled four times a second while the export runs.
    'court:exportProgress': ({ requestId }, ctx) => Promise.resolve(exporter.progress(ctx.session, requestId)),
    'opinions:get': ({ requestId }, ctx) => ctx.write(null, (m, a) => court.page(m, requestId, a)),
    'opinions:save': (input, ctx) => ctx.write(null, (m, a) => court.save(m, input, a)),
    'opinions:submit': ({ requestId }, ctx) => ctx.write(null, (m, a) => court.submit(m, requestId, a)),
    'opinions:approve': ({ requestId }, ctx) => ctx.write(null, (m, a) => court.approve(m, requestId, a)),
    'opinions:return': ({ requestId, reason }, ctx) => ctx.write(null, (m, a) => court.returnToDraft(m, requestId, reason, a)),
    'opinions:issue': ({ requestId }, ctx) => documents.issuing(() => ctx.write(null, (m, a) => court.issue(m, requestId, a, documents))),
  };
}
