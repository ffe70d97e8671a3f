/** The channels of working with the family (issue 5), bound to FamilyWorkService. */
import type { HandlersFor } from '../session/context';
import type { FamilyWorkService } from './family-work';

export type FamilyWorkChannel =
  | 'work:get'
  | 'contracts:create'
  | 'contracts:save'
  | 'contracts:event'
  | 'plans:create'
  | 'plans:get'
  | 'plans:save'
  | 'plans:sign'
  | 'plans:approve'
  | 'plans:return'
  | 'visits:add'
  | 'visits:plan'
  | 'assessments:add'
  | 'assessments:handOver'
  | 'assessments:receive'
  | 'closure:propose'
  | 'closure:decide'
  | 'closure:endMonitoring'
  | 'cases:close';

export function familyWorkHandlers(work: FamilyWorkService): HandlersFor<FamilyWorkChannel> {
  const done = async (promise: Promise<unknown>): Promise<null> => {
    await promise;
    return null;
  };

  return {
    'work:get': ({ caseId }, ctx) => ctx.write(caseId, (m, a) => work.overview(m, caseId, a)),
    'contracts:create': (input, ctx) => ctx.write(input.caseId, (m, a) => work.createContract(m, input, a)),
    'contracts:save': (input, ctx) => ctx.write(null, (m, a) => work.saveContract(m, input, a)),
    'contracts:event': (input, ctx) => ctx.write(null, (m, a) => work.contractEvent(m, input, a)),
    'plans:create': ({ caseId, content }, ctx) => ctx.write(caseId, (m, a) => work.createPlan(m, caseId, content, a)),
    'plans:get': ({ id }, ctx) => ctx.write(null, (m, a) => work.plan(m, id, a)),
    'plans:save': (input, ctx) => ctx.write(null, (m, a) => work.savePlan(m, input, a)),
    'plans:sign': ({ id, signedOn }, ctx) => ctx.write(null, (m, a) => work.signPlan(m, id, signedOn, a)),
    'plans:approve': ({ id }, ctx) => ctx.write(null, (m, a) => work.approvePlan(m, id, a)),
    'plans:return': ({ id, reason }, ctx) => ctx.write(null, (m, a) => work.returnPlan(m, id, reason, a)),
    'visits:add': (input, ctx) => done(ctx.write(input.caseId, (m, a) => work.addVisit(m, input, a))),
    'visits:plan': (input, ctx) => done(ctx.write(input.caseId, (m, a) => work.planVisit(m, input, a))),
    'assessments:add': (input, ctx) => done(ctx.write(input.caseId, (m, a) => work.addAssessment(m, input, a))),
    'assessments:handOver': (input, ctx) => ctx.write(null, (m, a) => work.handOverAssessment(m, input, a)),
    'assessments:receive': ({ id }, ctx) => ctx.write(null, (m, a) => work.receiveAssessment(m, id, a)),
    'closure:propose': (input, ctx) => done(ctx.write(input.caseId, (m, a) => work.proposeClosure(m, input, a))),
    'closure:decide': (input, ctx) => done(ctx.write(input.caseId, (m, a) => work.decideClosure(m, input, a))),
    'closure:endMonitoring': ({ caseId }, ctx) => done(ctx.write(caseId, (m, a) => work.endMonitoring(m, caseId, a))),
    'cases:close': ({ caseId, note, reason }, ctx) => done(ctx.write(caseId, (m, a) => work.close(m, caseId, a, note, reason))),
  };
}
