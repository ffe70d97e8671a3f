/** The channels of court requests, the opinia o rodzinie and the case-file export (issue 7). */
import type { EntityManager } from 'typeorm';
import type { Backend, HandlersFor, ReadySession } from '../backend';
import { auditedWrite } from '../backend';
import { AppError } from '../errors';
import type { Actor } from './cases';
import { CourtService } from './court';
import { CourtExportService } from './court-export';
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

/** The fonts folder for the export's own pages; refuses in Polish when the app has none. */
export function requireFontDir(fontDir: string | undefined): () => string {
  return () => {
    if (!fontDir) throw new AppError('INVALID_STATE', 'Drukowanie dokumentów nie jest dostępne w tej wersji programu. Zgłoś to administratorowi.');
    return fontDir;
  };
}

export function courtHandlers(backend: Backend, documents: DocumentsService, fontDir: string | undefined): HandlersFor<CourtChannel> {
  const court = new CourtService(backend.clock, backend.audit, backend.cases);
  const exporter = new CourtExportService(backend, court, requireFontDir(fontDir));
  const write = <T,>(channel: CourtChannel, session: ReadySession | null, caseId: string | null, work: (m: EntityManager, a: Actor) => Promise<T>): Promise<T> =>
    auditedWrite(backend, channel, session, caseId, work);

  return {
    'court:create': (input, s) => write('court:create', s, input.caseId, (m, a) => court.create(m, input, a)),
    'court:list': (input, s) => write('court:list', s, input.caseId ?? null, (m, a) => court.list(m, input, a)),
    'court:answer': (input, s) => write('court:answer', s, null, (m, a) => court.answer(m, input, a)),
    'court:export': (input, s) => exporter.run(s, input),
    // Read from memory, no transaction: polled four times a second while the export runs.
    'court:exportProgress': ({ requestId }, s) => Promise.resolve(exporter.progress(s, requestId)),
    'opinions:get': ({ requestId }, s) => write('opinions:get', s, null, (m, a) => court.page(m, requestId, a)),
    'opinions:save': (input, s) => write('opinions:save', s, null, (m, a) => court.save(m, input, a)),
    'opinions:submit': ({ requestId }, s) => write('opinions:submit', s, null, (m, a) => court.submit(m, requestId, a)),
    'opinions:approve': ({ requestId }, s) => write('opinions:approve', s, null, (m, a) => court.approve(m, requestId, a)),
    'opinions:return': ({ requestId, reason }, s) => write('opinions:return', s, null, (m, a) => court.returnToDraft(m, requestId, reason, a)),
    'opinions:issue': ({ requestId }, s) => documents.issuing(() => write('opinions:issue', s, null, (m, a) => court.issue(m, requestId, a, documents))),
  };
}
