/**
 * Statutory sections with an input for everything printed (issue 16, item 2): the plan's diagnosis
 * (prefilled from the analysis, editable), short- and long-term goals and review are entered in the
 * plan and printed; a kontrakt without its main goal is not issued.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanArea } from '../../../../shared/domain/familyWork';
import { HEAD, setUpOffice, testBackend, type TestBackend } from '../../../support/backend';
import { caseWithRequest, PASSWORD, signIn } from '../../../support/case-flow';
import { FONT_DIR, WORKER_PATH, readPdf } from '../pdf/pdf-helpers';

let t: TestBackend;
afterEach(async () => t?.cleanup());

const oneLine = (text: string): string => text.replace(/\s+/g, ' ');
const AREAS: PlanArea[] = [
  { name: 'Opieka nad dziećmi', goals: [{ name: 'Szkoła', tasks: [{ description: 'Odprowadzanie syna do szkoły', responsible: 'Matka', deadline: '2026-06-30', expectedEffect: 'Frekwencja powyżej 90 %', resources: '', status: 'planned' }] }] },
];

async function office(): Promise<{ caseId: string; requestId: string }> {
  t = testBackend(undefined, { pdfWorkerPath: WORKER_PATH, fontDir: FONT_DIR });
  await setUpOffice(t);
  await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
  await t.call('users:create', { firstName: 'Bożena', lastName: 'Wiśniewska', login: 'bwisniewska', password: PASSWORD, roles: ['family_assistant'] });
  return caseWithRequest(t, 'anowak', 1);
}

async function text(caseId: string, kind: 'family-work-plan' | 'social-contract', subjectId: string): Promise<string> {
  const issued = await t.call('documents:issue', { caseId, kind, subjectId });
  const file = await t.call('documents:get', { documentId: issued.document.id });
  return oneLine((await readPdf(new Uint8Array(Buffer.from(file.bytes, 'base64')))).text);
}

describe('statutory sections', () => {
  it('plan: the diagnosis starts from the analysis, is edited with the goals and the review, and all are printed', async () => {
    const { caseId, requestId } = await office();
    await signIn(t, HEAD.login);
    const assistantId = (await t.call('assistants:caseloads', {})).find((a) => a.name === 'Bożena Wiśniewska')?.assistantId ?? '';
    await t.call('requests:decide', { requestId, decision: { kind: 'assign', assistantId } });
    await signIn(t, 'bwisniewska');
    const plan = await t.call('plans:create', { caseId, content: null });
    // caseWithRequest's analysis: conclusions "Asystent.", strengths "Chęć współpracy.", resources "Babcia."
    expect(plan.diagnosis).toBe('Trudności: Asystent.\n\nMocne strony: Chęć współpracy.\n\nZasoby: Babcia.');
    const saved = await t.call('plans:save', {
      id: plan.id,
      expectedVersion: plan.version,
      type: 'standard',
      coordinator: '',
      areas: AREAS,
      diagnosis: 'Mocne strony: chęć współpracy matki. Trudności: absencja szkolna syna.',
      shortTermGoals: 'Syn chodzi do szkoły codziennie.',
      longTermGoals: 'Rodzina samodzielnie prowadzi gospodarstwo domowe.',
      review: 'Przegląd co 3 miesiące, najbliższy do 30.06.2026 r.',
    });
    expect(saved).toMatchObject({ shortTermGoals: 'Syn chodzi do szkoły codziennie.', review: 'Przegląd co 3 miesiące, najbliższy do 30.06.2026 r.' });
    await t.call('plans:sign', { id: plan.id, signedOn: '2026-03-02' });
    const printed = await text(caseId, 'family-work-plan', plan.id);
    expect(printed).toContain('3. Diagnoza sytuacji rodziny (zasoby i trudności) Mocne strony: chęć współpracy matki.');
    expect(printed).toContain('4. Cele krótkoterminowe Syn chodzi do szkoły codziennie.');
    expect(printed).toContain('5. Cele długoterminowe Rodzina samodzielnie prowadzi gospodarstwo domowe.');
    expect(printed).toContain('7. Sposób i termin przeglądu planu Przegląd co 3 miesiące, najbliższy do 30.06.2026 r.');
    // A revision starts as a copy of the signed plan, texts included.
    const revision = await t.call('plans:create', { caseId, content: null });
    expect(revision).toMatchObject({ number: 2, shortTermGoals: 'Syn chodzi do szkoły codziennie.', review: 'Przegląd co 3 miesiące, najbliższy do 30.06.2026 r.' });
  });

  it('kontrakt: not issued without its main goal, with a Polish reason, and nothing is stored', async () => {
    const { caseId } = await office();
    const clientId = (await t.call('cases:get', { id: caseId })).family.members[0]?.person.id ?? '';
    const contract = await t.call('contracts:create', { caseId, variant: 'A', clientIds: [clientId], causes: 'Bezrobocie.', possibilities: '', limitations: '', mainGoal: '', partialGoals: [], actions: [], periodFrom: '2026-03-02', periodTo: '2026-08-31' });
    const refused = await t.fail('documents:issue', { caseId, kind: 'social-contract', subjectId: contract.id });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toContain('Kontrakt socjalny musi określać cel główny');
    expect(await t.call('documents:list', { caseId })).toEqual([]);
  });
});
