/**
 * The channels of corrections and changes of the record (issue 15, part B): changes of the
 * family, of the people who lead a case, and hand-overs before a user is switched off.
 */
import type { HandlersFor } from '../session/context';
import type { CourtOrderService } from './court-order';
import type { FamilyChangesService } from './family-changes';
import { openCasesOf, type OpenCasesService } from './open-cases';
import { activeCasesOf } from '../data/queries/staff';
import type { StaffChangesService } from './staff-changes';

export type RecordsChannel = 'family:change' | 'cases:changeStaff' | 'cases:staffHistory' | 'users:activeCases' | 'users:handOver' | 'cases:openCasesOf' | 'cases:addReport' | 'cases:courtOrder';

export function recordsHandlers({ family, staff, open, courtOrders }: { family: FamilyChangesService; staff: StaffChangesService; open: OpenCasesService; courtOrders: CourtOrderService }): HandlersFor<RecordsChannel> {
  return {
    'family:change': async (input, ctx) => {
      await ctx.write(input.caseId, (m, a) => family.change(m, input, a));
      return null;
    },
    'cases:changeStaff': async (input, ctx) => {
      await ctx.write(input.caseId, (m, a) => staff.change(m, input, a));
      return null;
    },
    'cases:staffHistory': ({ caseId }, ctx) => ctx.read((m, a) => staff.history(m, caseId, a)),
    'users:activeCases': ({ id }, ctx) => ctx.read((m) => activeCasesOf(m, id)),
    'cases:openCasesOf': ({ personId }, ctx) => ctx.read((m, a) => openCasesOf(m, personId, a)),
    'cases:addReport': (input, ctx) => ctx.write(null, (m, a) => open.addReport(m, input, a)),
    'cases:courtOrder': async (input, ctx) => {
      await ctx.write(input.caseId, (m, a) => courtOrders.record(m, input, a));
      return null;
    },
    'users:handOver': async (input, ctx) => ({ moved: await ctx.write(null, (m, a) => staff.handOver(m, input, a)) }),
  };
}
