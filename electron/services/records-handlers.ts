/**
 * The channels of corrections and changes of the record (issue 15, part B): changes of the
 * family, of the people who lead a case, and hand-overs before a user is switched off.
 */
import type { EntityManager } from 'typeorm';
import type { Backend, HandlersFor, ReadySession } from '../backend';
import { auditedWrite, requireReady } from '../backend';
import type { Actor } from './cases';
import type { CourtOrderService } from './court-order';
import type { FamilyChangesService } from './family-changes';
import { openCasesOf, type OpenCasesService } from './open-cases';
import { activeCasesOf, type StaffChangesService } from './staff-changes';

export type RecordsChannel = 'family:change' | 'cases:changeStaff' | 'cases:staffHistory' | 'users:activeCases' | 'users:handOver' | 'cases:openCasesOf' | 'cases:addReport' | 'cases:courtOrder';

export function recordsHandlers(backend: Backend, family: FamilyChangesService, staff: StaffChangesService, open: OpenCasesService, courtOrders: CourtOrderService): HandlersFor<RecordsChannel> {
  const write = <T,>(channel: RecordsChannel, session: ReadySession | null, caseId: string | null, work: (m: EntityManager, a: Actor) => Promise<T>): Promise<T> =>
    auditedWrite(backend, channel, session, caseId, work);
  return {
    'family:change': async (input, session) => {
      await write('family:change', session, input.caseId, (m, a) => family.change(m, input, a));
      return null;
    },
    'cases:changeStaff': async (input, session) => {
      await write('cases:changeStaff', session, input.caseId, (m, a) => staff.change(m, input, a));
      return null;
    },
    'cases:staffHistory': ({ caseId }, session) => {
      const s = requireReady(session);
      return s.db.read((m) => staff.history(m, caseId, { user: s.user, settings: s.settings }));
    },
    'users:activeCases': ({ id }, session) => requireReady(session).db.read(async (m) => activeCasesOf(m, id)),
    'cases:openCasesOf': ({ personId }, session) => {
      const s = requireReady(session);
      return s.db.read(async (m) => openCasesOf(m, personId, { user: s.user, settings: s.settings }));
    },
    'cases:addReport': (input, session) => write('cases:addReport', session, null, (m, a) => open.addReport(m, input, a)),
    'cases:courtOrder': async (input, session) => {
      await write('cases:courtOrder', session, input.caseId, (m, a) => courtOrders.record(m, input, a));
      return null;
    },
    'users:handOver': async (input, session) => ({ moved: await write('users:handOver', session, null, (m, a) => staff.handOver(m, input, a)) }),
  };
}
