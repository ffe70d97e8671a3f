/**
 * Statutory sections with an input for everything printed (issue 16, item 2): the plan's diagnosis
 * (prefilled from the analysis, editable), short- and long-term goals and review are entered in the
 * plan and printed; a kontrakt without its main goal is not issued.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanArea } from '../../../../shared/domain/familyWork';
import { HEAD, setUpOffice, testBackend, type TestBackend } from '../../../support/backend';
import { caseWithRequest, MANDATORY_SEGMENTS, PASSWORD, signIn, simpleIntake } from '../../../support/case-flow';
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

async function text(caseId: string, kind: 'family-work-plan' | 'social-contract' | 'assistant-request', subjectId: string): Promise<string> {
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

  it('opinia: the court’s address and the date of its letter, each member with a child’s placement, sources prefilled, and no kontrakt event in the assistant’s draft', async () => {
    const { caseId, requestId } = await office();
    // A kontrakt the worker concluded: the assistant may not read it, nor its events.
    const clientId = (await t.call('cases:get', { id: caseId })).family.members[0]?.person.id ?? '';
    const contract = await t.call('contracts:create', { caseId, variant: 'A', clientIds: [clientId], causes: 'Bezrobocie.', possibilities: '', limitations: '', mainGoal: 'Tajny cel kontraktu', partialGoals: [], actions: [{ party: 'client', description: 'Rejestracja w PUP', deadline: '2026-04-15' }], periodFrom: '2026-03-02', periodTo: '2026-08-31' });
    await t.call('contracts:event', { id: contract.id, event: 'sign', signedOn: '2026-03-02' });
    await signIn(t, HEAD.login);
    const assistantId = (await t.call('assistants:caseloads', {})).find((a) => a.name === 'Bożena Wiśniewska')?.assistantId ?? '';
    await t.call('requests:decide', { requestId, decision: { kind: 'assign', assistantId } });
    await signIn(t, 'bwisniewska');
    await t.call('visits:add', { caseId, visitedOn: '2026-03-02', place: 'Dom rodziny', participants: 'Matka', topics: 'Plan dnia', agreed: '', significant: false });
    expect((await t.fail('court:create', { caseId, court: 'Sąd Rejonowy w Bielicach', division: 'III Wydział Rodzinny i Nieletnich', caseReference: 'III Nsm 9/26', letterOn: '2026-03-03', receivedOn: '2026-03-02', asks: 'opinion', deadline: '2026-03-20' })).message).toBe('Data pisma sądu nie może być późniejsza niż data jego wpływu.');
    const request = await t.call('court:create', { caseId, court: 'Sąd Rejonowy w Bielicach', division: 'III Wydział Rodzinny i Nieletnich', courtAddress: 'ul. Sądowa 1, 74-202 Bielice', caseReference: 'III Nsm 9/26', letterOn: '2026-02-26', receivedOn: '2026-03-02', asks: 'opinion', deadline: '2026-03-20' });
    const page = await t.call('opinions:get', { requestId: request.id });
    const draft = Object.values(page.prefill).join('\n');
    expect(draft).not.toContain('Tajny cel kontraktu');
    expect(draft).not.toContain('kontrakt');
    expect(page.prefill.sources).toContain('wizyty asystenta rodziny w środowisku: 1\u00a0wizyta (02.03.2026)');
    await t.call('opinions:save', { requestId: request.id, expectedVersion: 0, sections: { ...page.prefill, conclusions: 'Wskazana dalsza praca asystenta.' } });
    await t.call('opinions:submit', { requestId: request.id });
    await signIn(t, HEAD.login);
    await t.call('opinions:approve', { requestId: request.id });
    const issued = await t.call('opinions:issue', { requestId: request.id });
    const file = await t.call('documents:get', { documentId: issued.documentId });
    const printed = oneLine((await readPdf(new Uint8Array(Buffer.from(file.bytes, 'base64')))).text);
    expect(printed).toContain('ul. Sądowa 1, 74-202 Bielice');
    expect(printed).toContain('dotyczy: pisma Sądu z dnia 26 lutego 2026 r. w sprawie opinii o rodzinie');
    expect(printed).toContain('Źródła informacji (wizyty, instytucje, dokumenty)');
    expect(printed).not.toContain('Rodzina Kowalczyk1, zamieszkałej');
  });

  it('okresowa ocena: cooperation, the children, the visits of the period by place, conclusions and the day it was handed to the kierownik', async () => {
    const { caseId, requestId } = await office();
    await signIn(t, HEAD.login);
    const assistantId = (await t.call('assistants:caseloads', {})).find((a) => a.name === 'Bożena Wiśniewska')?.assistantId ?? '';
    await t.call('requests:decide', { requestId, decision: { kind: 'assign', assistantId } });
    await signIn(t, 'bwisniewska');
    const plan = await t.call('plans:create', { caseId, content: { type: 'standard', coordinator: '', areas: AREAS } });
    await t.call('plans:sign', { id: plan.id, signedOn: '2026-03-02' });
    await t.call('visits:add', { caseId, visitedOn: '2026-03-02', place: 'dom rodziny', participants: 'Matka', topics: 'Plan dnia', agreed: '', significant: false });
    const input = { caseId, assessedOn: '2026-03-02', periodFrom: '2026-03-02', periodTo: '2026-03-02', progress: [{ area: 'Opieka nad dziećmi', goal: 'Szkoła', achievement: 'achieved' as const, progress: 'Frekwencja 95 %' }], changes: '', cooperation: 'Rodzina dotrzymuje ustaleń.', childrenSituation: 'Syn chodzi do szkoły codziennie.', recommendation: 'continue' as const, conclusions: 'Praca przynosi efekty; wskazana kontynuacja.' };
    await t.call('assessments:add', input);
    const recorded = (await t.call('work:get', { caseId })).assessments[0];
    expect((await t.fail('assessments:handOver', { id: recorded?.id ?? '', handedOn: '2026-03-01' })).message).toBe('Data przekazania oceny kierownikowi nie może być wcześniejsza niż data oceny (02.03.2026).');
    await t.call('assessments:handOver', { id: recorded?.id ?? '', handedOn: '2026-03-02' });
    const assessment = (await t.call('work:get', { caseId })).assessments[0];
    expect(assessment).toMatchObject({ cooperation: 'Rodzina dotrzymuje ustaleń.', handedOn: '2026-03-02', handoverStatus: 'handed_over', conclusions: 'Praca przynosi efekty; wskazana kontynuacja.' });
    const issued = await t.call('documents:issue', { caseId, kind: 'periodic-assessment', subjectId: assessment?.id ?? '' });
    const file = await t.call('documents:get', { documentId: issued.document.id });
    const printed = oneLine((await readPdf(new Uint8Array(Buffer.from(file.bytes, 'base64')))).text);
    expect(printed).toContain('4. Współpraca rodziny z asystentem rodziny Rodzina dotrzymuje ustaleń.');
    expect(printed).toContain('5. Sytuacja dzieci Syn chodzi do szkoły codziennie.');
    expect(printed).toContain('Liczba wizyt: 1; miejsca: dom rodziny (1).');
    expect(printed).toContain('Praca przynosi efekty; wskazana kontynuacja.');
    expect(printed).toContain('8. Przekazanie oceny kierownikowi ośrodka Data przekazania: 2 marca 2026 r.');
  });

  it('kontrakt wariant B: the labour-market part is entered and printed (education, PUP registration, why unemployed, profile)', async () => {
    const { caseId } = await office();
    const clientId = (await t.call('cases:get', { id: caseId })).family.members[0]?.person.id ?? '';
    const labourMarket = { education: 'średnie ogólnokształcące', pupRegistration: 'bezrobotna bez prawa do zasiłku od 12.01.2026', unemploymentReason: 'opieka nad dzieckiem do 2025 r.', profile: 'kurs zawodowy' };
    const contract = await t.call('contracts:create', { caseId, variant: 'B', clientIds: [clientId], causes: 'Bezrobocie.', possibilities: '', limitations: '', mainGoal: 'Podjęcie pracy.', partialGoals: [], actions: [{ party: 'client', description: 'Rejestracja w PUP', deadline: '2026-04-15' }], periodFrom: '2026-03-02', periodTo: '2026-08-31', labourMarket });
    expect(contract.labourMarket).toEqual(labourMarket);
    const printed = await text(caseId, 'social-contract', contract.id);
    expect(printed).toContain('Rejestracja w powiatowym urzędzie pracy: bezrobotna bez prawa do zasiłku od 12.01.2026');
    expect(printed).toContain('Przyczyny pozostawania bez pracy: opieka nad dzieckiem do 2025 r.');
    expect(printed).toContain('kurs zawodowy');
    // A recorded breach is printed with its date.
    await t.call('contracts:event', { id: contract.id, event: 'sign', signedOn: '2026-03-02' });
    await t.call('contracts:event', { id: contract.id, event: 'breach', occurredOn: '2026-03-02', note: 'Nie stawiła się w PUP.' });
    expect(await text(caseId, 'social-contract', contract.id)).toContain('Niedotrzymanie postanowień kontraktu – 02.03.2026: Nie stawiła się w PUP.');
  });

  it('wniosek: the consent as recorded by person and date (nobody else listed), earlier help, the children\u2019s legal situation, strengths under strengths', async () => {
    t = testBackend(undefined, { pdfWorkerPath: WORKER_PATH, fontDir: FONT_DIR });
    await setUpOffice(t);
    await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
    await signIn(t, 'anowak');
    const { id: caseId } = await t.call('cases:create', simpleIntake(1));
    const { interviewId } = await t.call('cases:startInterview', { caseId });
    const saved = await t.call('interviews:save', { id: interviewId, expectedVersion: 1, conductedOn: '2026-03-02', place: 'Dom rodziny', segments: MANDATORY_SEGMENTS, documents: {}, income: { items: [] } });
    await t.call('interviews:complete', { id: interviewId, expectedVersion: saved.version });
    const members = (await t.call('cases:get', { id: caseId })).family.members;
    const [first, ...others] = members;
    if (!first) throw new Error('a member');
    await t.call('analysis:save', {
      caseId,
      reasons: ['parenting_helplessness'],
      strengths: 'Chęć współpracy.',
      resources: 'Babcia.',
      conclusions: 'Trudności w organizacji dnia.',
      consentOn: '2026-03-02',
      consentPersons: [{ personId: first.person.id, givenOn: '2026-03-02' }, ...others.map((member) => ({ personId: member.person.id, givenOn: null }))],
      earlierHelp: 'Zasiłek okresowy od 2025 r.',
      childrenLegal: 'Rodzice mają pełnię władzy rodzicielskiej.',
    });
    const request = await t.call('requests:file', { caseId, justification: 'Bezradność opiekuńczo-wychowawcza.' });
    const printed = oneLine(await text(caseId, 'assistant-request', request.id));
    expect(printed).toContain(`Zgoda na współpracę z asystentem rodziny, wyrażona przez: – ${first.person.firstName} ${first.person.lastName} – w dniu 2 marca 2026 r.`);
    for (const member of others) expect(printed).not.toContain(`${member.person.firstName} ${member.person.lastName} – w dniu`);
    expect(printed).toContain('4. Trudności w wypełnianiu funkcji opiekuńczo-wychowawczych Trudności w organizacji dnia.');
    expect(printed).toContain('5. Mocne strony i zasoby rodziny Chęć współpracy.');
    expect(printed).toContain('6. Dotychczasowa pomoc i instytucje zaangażowane Zasiłek okresowy od 2025 r.');
    expect(printed).toContain('7. Sytuacja prawna dzieci Rodzice mają pełnię władzy rodzicielskiej.');
  });
});
