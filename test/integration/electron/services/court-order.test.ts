/**
 * Court-obliged families (issue 15, item 12; art. 109 § 2 pkt 1 k.r.o.): the case carries the
 * court's sygnatura, the request needs no voluntary consent and is of its own kind, and the
 * statistics count such families apart.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HEAD, setUpOffice, testBackend, type TestBackend } from '../../../support/backend';
import { MANDATORY_SEGMENTS, PASSWORD, signIn, simpleIntake } from '../../../support/case-flow';

let t: TestBackend;

beforeEach(async () => {
  t = testBackend();
  t.clock.set('2026-03-02T09:00:00.000Z');
  await setUpOffice(t);
  await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
  await t.call('users:create', { firstName: 'Bożena', lastName: 'Wiśniewska', login: 'bwisniewska', password: PASSWORD, roles: ['family_assistant'] });
});
afterEach(async () => t.cleanup());

describe('a family obliged by a court to work with an assistant', () => {
  it('files the request without consent, carries the sygnatura, and is counted apart', async () => {
    await signIn(t, 'anowak');
    const { id: caseId } = await t.call('cases:create', { ...simpleIntake(6), source: 'court' });
    const { interviewId } = await t.call('cases:startInterview', { caseId });
    const saved = await t.call('interviews:save', { id: interviewId, expectedVersion: 1, conductedOn: '2026-03-02', place: '', segments: MANDATORY_SEGMENTS, documents: {}, income: { items: [] } });
    await t.call('interviews:complete', { id: interviewId, expectedVersion: saved.version });
    await t.call('analysis:save', { caseId, reasons: ['parenting_helplessness'], strengths: '', resources: '', conclusions: 'Asystent z postanowienia sądu.', consentOn: null });
    // No consent, no order: refused.
    expect((await t.fail('requests:file', { caseId, justification: 'J.' })).message).toContain('brak zgody rodziny');
    expect((await t.fail('cases:courtOrder', { caseId, court: 'Sąd Rejonowy w Pyrzycach', reference: 'III Nsm 12/26', orderedOn: '2026-03-03' })).message).toContain('z przyszłości');
    await t.call('cases:courtOrder', { caseId, court: 'Sąd Rejonowy w Pyrzycach', reference: 'III Nsm 12/26', orderedOn: '2026-02-20' });
    const file = await t.call('cases:get', { id: caseId });
    expect(file.courtOrder).toEqual({ court: 'Sąd Rejonowy w Pyrzycach', reference: 'III Nsm 12/26', orderedOn: '2026-02-20' });
    expect(file.actions.find((a) => a.action === 'request_assistant')?.enabled).toBe(true);
    expect(file.events.find((e) => e.kind === 'court')?.title).toContain('III Nsm 12/26');
    const request = await t.call('requests:file', { caseId, justification: 'Postanowienie sądu.' });
    expect(request.kind).toBe('court_obliged');

    await signIn(t, HEAD.login);
    const assistant = (await t.call('users:list', {})).find((u) => u.login === 'bwisniewska')!;
    await t.call('requests:decide', { requestId: request.id, decision: { kind: 'assign', assistantId: assistant.id } });
    const stats = await t.call('stats:get', { from: '2026-03-01', to: '2026-03-31' });
    expect(stats.families).toMatchObject({ withAssistant: 1, courtObliged: 1 });
    // A voluntary family with an assistant is not counted as court-obliged.
    await signIn(t, 'anowak');
    const { id: other } = await t.call('cases:create', simpleIntake(7));
    const i2 = await t.call('cases:startInterview', { caseId: other });
    const s2 = await t.call('interviews:save', { id: i2.interviewId, expectedVersion: 1, conductedOn: '2026-03-02', place: '', segments: MANDATORY_SEGMENTS, documents: {}, income: { items: [] } });
    await t.call('interviews:complete', { id: i2.interviewId, expectedVersion: s2.version });
    await t.call('analysis:save', { caseId: other, reasons: ['poverty'], strengths: '', resources: '', conclusions: '', consentOn: '2026-03-02' });
    const r2 = await t.call('requests:file', { caseId: other, justification: 'Zgoda rodziny.' });
    expect(r2.kind).toBe('voluntary');
    await signIn(t, HEAD.login);
    await t.call('requests:decide', { requestId: r2.id, decision: { kind: 'assign', assistantId: assistant.id } });
    expect((await t.call('stats:get', { from: '2026-03-01', to: '2026-03-31' })).families).toMatchObject({ withAssistant: 2, courtObliged: 1 });
  });
});
