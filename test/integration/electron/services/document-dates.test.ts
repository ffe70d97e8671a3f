/**
 * Documents carry the dates of their acts, not of printing (issue 16, item 1): the wniosek its
 * filing, the assignment letter the kierownik's decision, the kontrakt and the plan their signing,
 * the assessment its day — each compared with the act's date as the database holds it, printed as
 * "<miejscowość>, dnia 2 marca 2026 r.". The register keeps the issue date. A past document
 * re-issued after later facts were recorded stays as it was (a reprint, same bytes).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanArea } from '../../../../shared/domain/familyWork';
import { formatDateLong } from '../../../../shared/polish';
import { HEAD, OFFICE, setUpOffice, testBackend, type TestBackend } from '../../../support/backend';
import { caseWithRequest, PASSWORD, signIn } from '../../../support/case-flow';
import { FONT_DIR, WORKER_PATH, readPdf } from '../pdf/pdf-helpers';

let t: TestBackend;
afterEach(async () => t?.cleanup());

const oneLine = (text: string): string => text.replace(/\s+/g, ' ');
/** "2 marca 2026 r." as pdfjs gives it back (non-breaking spaces read as spaces). */
const long = (date: string): string => oneLine(formatDateLong(date));

const AREAS: PlanArea[] = [
  {
    name: 'Opieka nad dziećmi',
    goals: [{ name: 'Regularne uczęszczanie syna do szkoły', tasks: [{ description: 'Odprowadzanie syna do szkoły', responsible: 'Matka', deadline: '2026-06-30', expectedEffect: 'Frekwencja powyżej 90 %', resources: '', status: 'planned' }] }],
  },
];

/** Days later: the idle session has locked itself meanwhile; the signed-in person unlocks it. */
async function daysLater(days: number, password = PASSWORD): Promise<void> {
  t.clock.advance(days * 24 * 3600_000);
  await t.backend.lockIfIdle();
  await t.call('session:unlock', { password });
}

async function printed(caseId: string, kind: 'assistant-request' | 'assistant-assignment' | 'social-contract' | 'family-work-plan' | 'periodic-assessment', subjectId: string) {
  const issued = await t.call('documents:issue', { caseId, kind, subjectId });
  const file = await t.call('documents:get', { documentId: issued.document.id });
  const text = oneLine((await readPdf(new Uint8Array(Buffer.from(file.bytes, 'base64')))).text);
  return { issued, text };
}

describe('dates printed on documents', () => {
  it('are the dates of the acts in the database, in the header with the office place; the issue date stays in the register', async () => {
    t = testBackend(undefined, { pdfWorkerPath: WORKER_PATH, fontDir: FONT_DIR });
    await setUpOffice(t);
    await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
    await t.call('users:create', { firstName: 'Bożena', lastName: 'Wiśniewska', login: 'bwisniewska', password: PASSWORD, roles: ['family_assistant'] });
    const { caseId, requestId } = await caseWithRequest(t, 'anowak', 1);
    const place = 'Bielice'; // the office's place (test/support/backend.ts setUpOffice)

    // The kierownik decides three days after the filing.
    await daysLater(3);
    await signIn(t, HEAD.login);
    const assistantId = (await t.call('assistants:caseloads', {})).find((a) => a.name === 'Bożena Wiśniewska')?.assistantId ?? '';
    await t.call('users:update', { id: assistantId, firstName: 'Bożena', lastName: 'Wiśniewska', roles: ['family_assistant'], active: true, officePhone: '32 555 01 23' });
    await t.call('requests:decide', { requestId, decision: { kind: 'assign', assistantId } });

    // The worker concludes a kontrakt, signed the day before it is entered.
    await daysLater(2, HEAD.password);
    await signIn(t, 'anowak');
    const clientId = (await t.call('cases:get', { id: caseId })).family.members[0]?.person.id ?? '';
    const contract = await t.call('contracts:create', {
      caseId,
      variant: 'A',
      clientIds: [clientId],
      causes: 'Bezrobocie matki.',
      possibilities: 'Wykształcenie średnie.',
      limitations: 'Brak opieki nad synem.',
      mainGoal: 'Podjęcie zatrudnienia przez matkę.',
      partialGoals: [],
      actions: [{ party: 'client', description: 'Rejestracja w PUP', deadline: '2026-04-15' }],
      periodFrom: '2026-03-06',
      periodTo: '2026-08-31',
    });
    await t.call('contracts:event', { id: contract.id, event: 'sign', signedOn: '2026-03-06' });

    // The assistant signs plan v1, assesses the family.
    await signIn(t, 'bwisniewska');
    const plan = await t.call('plans:create', { caseId, content: { type: 'standard', coordinator: '', areas: AREAS } });
    await t.call('plans:sign', { id: plan.id, signedOn: '2026-03-06' });
    await t.call('assessments:add', { caseId, assessedOn: '2026-03-07', periodFrom: '2026-03-06', periodTo: '2026-03-07', progress: [{ goal: 'Regularne uczęszczanie syna do szkoły', achievement: 'partly_achieved', progress: 'Frekwencja 95 %' }], changes: '', recommendation: 'continue' });

    // Everything is printed days later.
    await daysLater(5);
    const today = '2026-03-12';
    await signIn(t, 'anowak');
    const file = await t.call('cases:get', { id: caseId });
    const work = await t.call('work:get', { caseId });
    const request = file.requests.find((r) => r.id === requestId);
    if (!request?.decidedOn) throw new Error('the request was decided');
    const signedContract = work.contracts.find((c) => c.id === contract.id);
    const signedPlan = work.plans.find((p) => p.id === plan.id);
    const assessment = work.assessments[0];
    if (!signedContract?.signedOn || !signedPlan?.signedOn || !assessment) throw new Error('acts recorded');

    const wniosek = await printed(caseId, 'assistant-request', requestId);
    expect(wniosek.text).toContain(`${place}, dnia ${long(request.filedOn)}`);
    expect(wniosek.issued.document.issuedOn).toBe(today);
    const kontrakt = await printed(caseId, 'social-contract', contract.id);
    expect(kontrakt.text).toContain(`${place}, dnia ${long(signedContract.signedOn)}`);
    expect(kontrakt.text).toContain(`zawarty w dniu ${long(signedContract.signedOn)}`);
    // At each signature (pdfjs splits "Bielice" and "," into two runs).
    expect(kontrakt.text.replace(/ /g, '').match(/Bielice,dnia06\.03\.2026/g)).toHaveLength(4);

    await signIn(t, HEAD.login);
    const letter = await printed(caseId, 'assistant-assignment', requestId);
    expect(letter.text).toContain(`${place}, dnia ${long(request.decidedOn)}`);
    // The assistant's office phone, from her user record.
    expect(letter.text).toContain('Telefon służbowy: 32 555 01 23');
    // The family the decision concerns is addressed first.
    expect(letter.text).toMatch(/Otrzymują: 1\. Rodzina Kowalczyk1, ul\. Polna 3/);

    await signIn(t, 'bwisniewska');
    const planDoc = await printed(caseId, 'family-work-plan', plan.id);
    expect(planDoc.text).toContain(`${place}, dnia ${long(signedPlan.signedOn)}`);
    const assessmentDoc = await printed(caseId, 'periodic-assessment', assessment.id);
    expect(assessmentDoc.text).toContain(`${place}, dnia ${long(assessment.assessedOn)}`);

    // The day of printing is nowhere in the text of any of them.
    for (const document of [wniosek, kontrakt, letter, planDoc, assessmentDoc]) {
      expect(document.text).not.toContain(long(today));
      expect(document.text).not.toContain('12.03.2026');
    }

    // A later plan version is signed: re-issuing v1 pulls nothing from it (the same bytes).
    await daysLater(1);
    const v2 = await t.call('plans:create', { caseId, content: { type: 'standard', coordinator: '', areas: AREAS } });
    await t.call('plans:sign', { id: v2.id, signedOn: '2026-03-13' });
    const again = await t.call('documents:issue', { caseId, kind: 'family-work-plan', subjectId: plan.id });
    expect(again.reprint).toBe(true);
    expect(again.document.id).toBe(planDoc.issued.document.id);
  });

  it('leaves the date to be written by hand on a draft printed to be signed', async () => {
    t = testBackend(undefined, { pdfWorkerPath: WORKER_PATH, fontDir: FONT_DIR });
    await setUpOffice(t);
    await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
    const { caseId } = await caseWithRequest(t, 'anowak', 1);
    const clientId = (await t.call('cases:get', { id: caseId })).family.members[0]?.person.id ?? '';
    const contract = await t.call('contracts:create', {
      caseId,
      variant: 'A',
      clientIds: [clientId],
      causes: 'Bezrobocie matki.',
      possibilities: 'Wykształcenie średnie.',
      limitations: 'Brak opieki nad synem.',
      mainGoal: 'Podjęcie zatrudnienia przez matkę.',
      partialGoals: [],
      actions: [],
      periodFrom: '2026-03-06',
      periodTo: '2026-08-31',
    });
    const draft = await printed(caseId, 'social-contract', contract.id);
    expect(draft.text).toContain('Bielice, dnia ....................');
    // The place in the date line is the office's setting (the city of its address when empty).
    await signIn(t, HEAD.login);
    await t.call('office:update', { ...OFFICE, place: 'Stare Bielice' });
    await signIn(t, 'anowak');
    await t.call('contracts:save', { id: contract.id, expectedVersion: contract.version, variant: 'A', clientIds: [clientId], causes: 'Bezrobocie matki.', possibilities: 'Wykształcenie średnie.', limitations: 'Brak opieki nad synem.', mainGoal: 'Podjęcie zatrudnienia.', partialGoals: [], actions: [], periodFrom: '2026-03-06', periodTo: '2026-08-31' });
    expect((await printed(caseId, 'social-contract', contract.id)).text).toContain('Stare Bielice, dnia ....................');
    expect(draft.text).toContain('zawarty w dniu .................... pomiędzy');
    expect(draft.text).not.toContain(long('2026-03-02'));
  });
});
