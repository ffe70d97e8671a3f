/**
 * Back-dating what happened on paper (issue 15, item 7): a request, a decision, a signed contract
 * or plan and a visit take the day they really happened, within bounds (not in the future, not
 * before the step they follow); the records keep that day and the audit marks the late entry.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HEAD, setUpOffice, testBackend, type TestBackend } from '../../../support/backend';
import { MANDATORY_SEGMENTS, PASSWORD, signIn, simpleIntake } from '../../../support/case-flow';

let t: TestBackend;
const ids: Record<string, string> = {};

beforeEach(async () => {
  t = testBackend();
  t.clock.set('2026-03-02T09:00:00.000Z');
  await setUpOffice(t);
  ids.anowak = (await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] })).id;
  ids.bw = (await t.call('users:create', { firstName: 'Bożena', lastName: 'Wiśniewska', login: 'bwisniewska', password: PASSWORD, roles: ['family_assistant'] })).id;
});
afterEach(async () => t.cleanup());

describe('paper steps recorded later', () => {
  it('request, decision and visit keep their real dates; the audit marks them as entered later; impossible dates are refused', async () => {
    await signIn(t, 'anowak');
    const { id: caseId } = await t.call('cases:create', simpleIntake(5, '2026-03-02'));
    const { interviewId } = await t.call('cases:startInterview', { caseId });
    t.clock.set('2026-03-05T09:00:00.000Z');
    await signIn(t, 'anowak');
    const saved = await t.call('interviews:save', { id: interviewId, expectedVersion: 1, conductedOn: '2026-03-04', place: '', segments: MANDATORY_SEGMENTS, documents: {}, income: { items: [] } });
    await t.call('interviews:complete', { id: interviewId, expectedVersion: saved.version });
    await t.call('analysis:save', { caseId, reasons: ['parenting_helplessness'], strengths: '', resources: '', conclusions: 'Asystent.', consentOn: '2026-03-04' });
    // Entered on 20 March, the request was made on paper on 6 March.
    t.clock.set('2026-03-20T09:00:00.000Z');
    await signIn(t, 'anowak');
    expect((await t.fail('requests:file', { caseId, justification: 'J.', filedOn: '2026-03-03' })).message).toBe('Data wniosku nie może być wcześniejsza niż data wywiadu (04.03.2026).');
    expect((await t.fail('requests:file', { caseId, justification: 'J.', filedOn: '2026-03-21' })).message).toBe('Data wniosku nie może być z przyszłości.');
    const request = await t.call('requests:file', { caseId, justification: 'J.', filedOn: '2026-03-06' });
    expect(request.filedOn).toBe('2026-03-06');
    await signIn(t, HEAD.login);
    expect((await t.fail('requests:decide', { requestId: request.id, decision: { kind: 'assign', assistantId: ids.bw! }, decidedOn: '2026-03-05' })).message).toContain('data wniosku (06.03.2026)');
    const decided = await t.call('requests:decide', { requestId: request.id, decision: { kind: 'assign', assistantId: ids.bw! }, decidedOn: '2026-03-09' });
    expect(decided.decidedOn).toBe('2026-03-09');
    const file = await t.call('cases:get', { id: caseId });
    expect(file.assistant?.since).toBe('2026-03-09');
    await signIn(t, 'bwisniewska');
    await t.call('visits:add', { caseId, visitedOn: '2026-03-10', place: 'Dom rodziny', participants: 'Matka', topics: 'Poznanie rodziny.', agreed: '' });
    expect((await t.fail('visits:add', { caseId, visitedOn: '2026-03-08', place: 'Dom', participants: 'Matka', topics: 'x', agreed: '' })).message).toContain('przydzielenie asystenta');

    await signIn(t, HEAD.login);
    const log = await t.call('cases:changeLog', { caseId });
    const details = (action: string) => log.find((e) => e.action === action)?.details;
    expect(details('request.create')).toMatchObject({ filedOn: '2026-03-06', enteredLater: true });
    expect(details('request.decide')).toMatchObject({ actOn: '2026-03-09', enteredLater: true });
    expect(details('visit.create')).toMatchObject({ actOn: '2026-03-10', enteredLater: true });
    // The entries themselves carry the day they were written.
    expect(log.find((e) => e.action === 'request.decide')?.at.slice(0, 10)).toBe('2026-03-20');
    // Today's acts are not marked.
    await signIn(t, 'bwisniewska');
    await t.call('visits:add', { caseId, visitedOn: '2026-03-20', place: 'Dom rodziny', participants: 'Matka', topics: 'Plan.', agreed: '' });
    await signIn(t, HEAD.login);
    const latest = (await t.call('cases:changeLog', { caseId })).filter((e) => e.action === 'visit.create');
    expect(latest.map((e) => e.details.enteredLater)).toEqual([false, true]);
  });
});
