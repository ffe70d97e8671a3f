/** Four eyes (issue 14, Low): nobody decides her own request, except the office's only member of staff, marked in the trail. */
import { afterEach, describe, expect, it } from 'vitest';
import { HEAD, setUpOffice, testBackend, type TestBackend } from '../../../support/backend';
import { PASSWORD, MANDATORY_SEGMENTS, simpleIntake } from '../../../support/case-flow';

let t: TestBackend;
afterEach(async () => t?.cleanup());

/** The kierownik, also a social worker, leads a case up to her own request. */
async function ownRequest(serial: number): Promise<string> {
  const { id } = await t.call('cases:create', simpleIntake(serial));
  const { interviewId } = await t.call('cases:startInterview', { caseId: id });
  const saved = await t.call('interviews:save', { id: interviewId, expectedVersion: 1, conductedOn: '2026-03-02', place: 'Dom rodziny', segments: MANDATORY_SEGMENTS, documents: {}, income: { items: [] } });
  await t.call('interviews:complete', { id: interviewId, expectedVersion: saved.version });
  await t.call('analysis:save', { caseId: id, reasons: ['parenting_helplessness'], strengths: 'Chęć współpracy.', resources: 'Babcia.', conclusions: 'Asystent.', consentOn: '2026-03-02' });
  return (await t.call('requests:file', { caseId: id, justification: 'Bezradność opiekuńczo-wychowawcza.' })).id;
}

describe('combined roles', () => {
  it('refuses deciding one’s own request where someone else could; allows and marks it for the only member of staff', async () => {
    t = testBackend();
    await setUpOffice(t);
    const me = (await t.call('users:list', {}))[0]!;
    await t.call('users:update', { id: me.id, firstName: me.firstName, lastName: me.lastName, roles: ['head', 'social_worker', 'family_assistant'], active: true });
    await t.call('session:logout', {});
    await t.call('session:login', { login: HEAD.login, password: HEAD.password });
    const alone = await ownRequest(3);
    await t.call('requests:decide', { requestId: alone, decision: { kind: 'assign', assistantId: me.id } });
    const [marked] = await t.call('audit:list', { action: 'request.decide' });
    expect(marked?.details).toMatchObject({ soleStaff: true });

    await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
    const second = await ownRequest(4);
    const refused = await t.fail('requests:decide', { requestId: second, decision: { kind: 'assign', assistantId: me.id } });
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('który sama złożyłaś') });
  });
});
