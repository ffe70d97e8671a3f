/** The channels of working with the family (issue 5), bound to FamilyWorkService. */
import type { EntityManager } from 'typeorm';
import type { Backend, HandlersFor, ReadySession } from '../backend';
import { auditedWrite } from '../backend';
import type { Actor } from './cases';
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

export function familyWorkHandlers(backend: Backend, work: FamilyWorkService): HandlersFor<FamilyWorkChannel> {
  const write = <T,>(channel: FamilyWorkChannel, session: ReadySession | null, caseId: string | null, work: (m: EntityManager, a: Actor) => Promise<T>): Promise<T> =>
    auditedWrite(backend, channel, session, caseId, work);
  const done = async (promise: Promise<unknown>): Promise<null> => {
    await promise;
    return null;
  };

  return {
    'work:get': ({ caseId }, s) => write('work:get', s, caseId, (m, a) => work.overview(m, caseId, a)),
    'contracts:create': (input, s) => write('contracts:create', s, input.caseId, (m, a) => work.createContract(m, input, a)),
    'contracts:save': (input, s) => write('contracts:save', s, null, (m, a) => work.saveContract(m, input, a)),
    'contracts:event': (input, s) => write('contracts:event', s, null, (m, a) => work.contractEvent(m, input, a)),
    'plans:create': ({ caseId, content }, s) => write('plans:create', s, caseId, (m, a) => work.createPlan(m, caseId, content, a)),
    'plans:get': ({ id }, s) => write('plans:get', s, null, (m, a) => work.plan(m, id, a)),
    'plans:save': (input, s) => write('plans:save', s, null, (m, a) => work.savePlan(m, input, a)),
    'plans:sign': ({ id, signedOn }, s) => write('plans:sign', s, null, (m, a) => work.signPlan(m, id, signedOn, a)),
    'plans:approve': ({ id }, s) => write('plans:approve', s, null, (m, a) => work.approvePlan(m, id, a)),
    'plans:return': ({ id, reason }, s) => write('plans:return', s, null, (m, a) => work.returnPlan(m, id, reason, a)),
    'visits:add': (input, s) => done(write('visits:add', s, input.caseId, (m, a) => work.addVisit(m, input, a))),
    'visits:plan': (input, s) => done(write('visits:plan', s, input.caseId, (m, a) => work.planVisit(m, input, a))),
    'assessments:add': (input, s) => done(write('assessments:add', s, input.caseId, (m, a) => work.addAssessment(m, input, a))),
    'assessments:handOver': (input, s) => write('assessments:handOver', s, null, (m, a) => work.handOverAssessment(m, input, a)),
    'assessments:receive': ({ id }, s) => write('assessments:receive', s, null, (m, a) => work.receiveAssessment(m, id, a)),
    'closure:propose': (input, s) => done(write('closure:propose', s, input.caseId, (m, a) => work.proposeClosure(m, input, a))),
    'closure:decide': (input, s) => done(write('closure:decide', s, input.caseId, (m, a) => work.decideClosure(m, input, a))),
    'closure:endMonitoring': ({ caseId }, s) => done(write('closure:endMonitoring', s, caseId, (m, a) => work.endMonitoring(m, caseId, a))),
    'cases:close': ({ caseId, note, reason }, s) => done(write('cases:close', s, caseId, (m, a) => work.close(m, caseId, a, note, reason))),
  };
}
