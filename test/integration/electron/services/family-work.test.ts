import { afterEach, expect, it } from 'vitest';
import type { PlanArea } from '../../../../shared/domain/familyWork';
import { describeEngines, HEAD, setUpOffice, testBackend, type Engine, type TestBackend } from '../../../support/backend';
import { caseWithRequest, MANDATORY_SEGMENTS, PASSWORD, signIn, simpleIntake } from '../../../support/case-flow';

let t: TestBackend;
afterEach(async () => t?.cleanup());

const AREAS: PlanArea[] = [
  {
    name: 'Opieka nad dziećmi',
    goals: [
      {
        name: 'Regularne uczęszczanie syna do szkoły',
        tasks: [
          { description: 'Codzienne odprowadzanie syna do szkoły', responsible: 'Matka', deadline: '2026-06-30', expectedEffect: 'Frekwencja powyżej 90%', resources: 'Wsparcie babci', status: 'planned' },
          { description: 'Spotkanie z pedagogiem szkolnym', responsible: 'Asystent rodziny', deadline: '2026-03-31', expectedEffect: 'Wspólny plan z pedagogiem', resources: '', status: 'planned' },
        ],
      },
    ],
  },
];

async function assignedCase(engine: Engine): Promise<{ caseId: string; ids: Record<string, string> }> {
  t = testBackend(undefined, { engine });
  await setUpOffice(t);
  const worker = await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
  const assistant = await t.call('users:create', { firstName: 'Bożena', lastName: 'Wiśniewska', login: 'bwisniewska', password: PASSWORD, roles: ['family_assistant'] });
  const { caseId, requestId } = await caseWithRequest(t, 'anowak', 1);
  await signIn(t, HEAD.login);
  await t.call('requests:decide', { requestId, decision: { kind: 'assign', assistantId: assistant.id } });
  return { caseId, ids: { worker: worker.id, assistant: assistant.id } };
}

describeEngines('working with the family', (engine) => {
  it('plan → visits → assessment → closure → monitoring → closed; the assistant loses access at the end', async () => {
    const { caseId } = await assignedCase(engine);
    await signIn(t, 'bwisniewska');
    let plan = await t.call('plans:create', { caseId, content: null });
    expect(plan).toMatchObject({ number: 1, status: 'draft' });
    expect((await t.call('cases:get', { id: caseId })).status).toBe('PLAN');

    // A goal without tasks cannot be signed.
    plan = await t.call('plans:save', { id: plan.id, expectedVersion: plan.version, type: 'standard', coordinator: '', areas: [{ name: 'Dom', goals: [{ name: 'Porządek', tasks: [] }] }] });
    expect(await t.fail('plans:sign', { id: plan.id, signedOn: '2026-03-02' })).toMatchObject({ code: 'VALIDATION', message: 'Nie można podpisać planu: Cel „Porządek” nie ma żadnego zadania.' });
    plan = await t.call('plans:save', { id: plan.id, expectedVersion: plan.version, type: 'standard', coordinator: '', areas: AREAS });
    plan = await t.call('plans:sign', { id: plan.id, signedOn: '2026-03-02' });
    expect(plan.status).toBe('signed');
    expect((await t.call('cases:get', { id: caseId })).status).toBe('IN_PROGRESS');
    // A signed plan is never edited: it is superseded by a new version.
    expect((await t.fail('plans:save', { id: plan.id, expectedVersion: plan.version, type: 'standard', coordinator: '', areas: [] })).message).toContain('utwórz nową wersję');

    await t.call('visits:add', { caseId, visitedOn: '2026-03-02', place: 'Dom rodziny', participants: 'Matka, syn', topics: 'Organizacja poranków', agreed: 'Budzik 6:30', significant: false });
    await t.call('visits:add', { caseId, visitedOn: '2026-03-02', place: 'Szkoła', participants: 'Matka, pedagog', topics: 'Frekwencja', agreed: '', significant: true });
    expect((await t.fail('visits:add', { caseId, visitedOn: '2026-04-01', place: 'Dom', participants: 'Matka', topics: 'X', agreed: '' })).message).toBe('Data wizyty nie może być z przyszłości.');

    expect((await t.fail('assessments:add', { caseId, assessedOn: '2026-02-01', periodFrom: '2026-01-01', periodTo: '2026-02-01', progress: [], changes: '', recommendation: 'continue' })).message).toBe(
      'Data oceny nie może być wcześniejsza niż przydzielenie asystenta rodziny.',
    );
    await t.call('assessments:add', { caseId, assessedOn: '2026-03-02', periodFrom: '2026-03-02', periodTo: '2026-03-02', progress: [{ goal: 'Regularne uczęszczanie syna do szkoły', achievement: 'partly_achieved', progress: 'Frekwencja 95%' }], changes: 'Matka podjęła pracę.', recommendation: 'continue' });
    let work = await t.call('work:get', { caseId });
    expect(work.visits).toHaveLength(2);
    expect(work.assessments).toHaveLength(1);
    expect(work.nextAssessmentDue).toBe('2026-09-02');
    expect(work.contracts).toEqual([]); // the kontrakt is the worker's: not shown to the assistant

    // A revision: a new draft copies the signed plan; signing it supersedes the old one.
    const revision = await t.call('plans:create', { caseId, content: null });
    expect(revision).toMatchObject({ number: 2, status: 'draft', areas: AREAS });
    await t.call('plans:sign', { id: revision.id, signedOn: '2026-03-02' });
    work = await t.call('work:get', { caseId });
    expect(work.plans.map((p) => [p.number, p.status])).toEqual([
      [2, 'signed'],
      [1, 'superseded'],
    ]);

    expect((await t.fail('closure:propose', { caseId, reason: 'other', note: '' })).message).toBe('Nie można zaproponować zakończenia pracy z rodziną: nie opisano innej przyczyny zakończenia.');
    await t.call('closure:propose', { caseId, reason: 'goals_met', note: 'Cele planu osiągnięte.' });
    // The kierownik decides on what the assistant wrote: reason, justification and date are in the view.
    expect(await t.call('work:get', { caseId })).toMatchObject({ closureReason: 'goals_met', closureNote: 'Cele planu osiągnięte.', closureProposedOn: '2026-03-02', monitoringEndedOn: null });
    expect((await t.fail('closure:decide', { caseId, decision: 'monitor', note: '' })).code).toBe('FORBIDDEN');

    await signIn(t, HEAD.login);
    await t.call('closure:decide', { caseId, decision: 'monitor', note: '' });
    work = await t.call('work:get', { caseId });
    expect(work.monitoringUntil).toBe('2026-06-02');
    // The chronology is read by people (and quoted in court opinions): Polish dates.
    expect((await t.call('cases:get', { id: caseId })).events.map((e) => e.title)).toContain('Zatwierdzono zakończenie pracy z rodziną; monitoring do 02.06.2026');
    expect((await t.fail('cases:close', { caseId, note: '' })).message).toBe('Nie można zamknąć sprawy: monitoring nie został zakończony.');

    await signIn(t, 'bwisniewska');
    await t.call('closure:endMonitoring', { caseId });
    expect((await t.call('work:get', { caseId })).monitoringEndedOn).toBe('2026-03-02');
    expect((await t.fail('closure:endMonitoring', { caseId })).message).toBe('Monitoring tej rodziny został już zakończony (02.03.2026).');
    await signIn(t, HEAD.login);
    await t.call('cases:close', { caseId, note: 'Rodzina funkcjonuje samodzielnie.' });
    const file = await t.call('cases:get', { id: caseId });
    expect(file.status).toBe('CLOSED');
    expect(file.assistant).toBeNull();

    // Access by the assistant ends with the assignment.
    await signIn(t, 'bwisniewska');
    expect((await t.call('cases:list', {})).rows).toEqual([]);
    expect((await t.fail('cases:get', { id: caseId })).code).toBe('FORBIDDEN');
  });

  it('kontrakt socjalny: draft → signed → in progress → assessed; deadlines within the period; a breach is recorded', async () => {
    const { caseId } = await assignedCase(engine);
    await signIn(t, 'anowak');
    const file = await t.call('cases:get', { id: caseId });
    const mother = file.family.members[0]!.person.id;
    const content = {
      variant: 'A' as const,
      clientIds: [mother],
      causes: 'Bezrobocie, brak wsparcia rodziny.',
      possibilities: 'Wykształcenie zawodowe.',
      limitations: 'Opieka nad dzieckiem.',
      mainGoal: 'Podjęcie zatrudnienia.',
      partialGoals: ['Rejestracja w PUP', 'Zapisanie syna na świetlicę'],
      actions: [
        { party: 'client' as const, description: 'Rejestracja w urzędzie pracy', deadline: '2026-04-30' },
        { party: 'worker' as const, description: 'Pomoc w znalezieniu miejsca na świetlicy', deadline: '2026-12-31' },
      ],
      periodFrom: '2026-03-02',
      periodTo: '2026-08-31',
    };
    let contract = await t.call('contracts:create', { caseId, ...content });
    expect(await t.fail('contracts:event', { id: contract.id, event: 'sign', signedOn: '2026-03-02' })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('Termin działania 2 („Pomoc w znalezieniu miejsca na świetlicy”) wykracza poza okres obowiązywania kontraktu.'),
    });
    contract = await t.call('contracts:save', { id: contract.id, expectedVersion: contract.version, ...content, actions: content.actions.map((a) => ({ ...a, deadline: '2026-06-30' })) });
    contract = await t.call('contracts:event', { id: contract.id, event: 'sign', signedOn: '2026-03-02' });
    expect(contract).toMatchObject({ status: 'signed', signedOn: '2026-03-02' });
    expect((await t.fail('contracts:save', { id: contract.id, expectedVersion: contract.version, ...content })).code).toBe('INVALID_STATE');
    contract = await t.call('contracts:event', { id: contract.id, event: 'start' });
    // The kontrakt and the aktualizacja wywiadu are the worker's: their terms are in her case header, not in the assistant's.
    const kinds = (deadlines: { kind: string }[]) => deadlines.map((d) => d.kind);
    expect(kinds((await t.call('cases:get', { id: caseId })).deadlines)).toEqual(expect.arrayContaining(['contract_action', 'interview_update', 'assessment']));
    await signIn(t, 'bwisniewska');
    const seen = kinds((await t.call('cases:get', { id: caseId })).deadlines);
    expect(seen).toContain('assessment');
    expect(seen).not.toContain('contract_action');
    expect(seen).not.toContain('interview_update');
    expect((await t.call('cases:list', {})).rows.map((c) => c.nextDeadline?.kind)).toEqual(['assessment']);
    await signIn(t, 'anowak');
    await t.call('contracts:event', { id: contract.id, event: 'breach', occurredOn: '2026-03-02', note: 'Nie zgłosiła się do PUP w umówionym terminie.' });
    contract = await t.call('contracts:event', { id: contract.id, event: 'action_status', actionId: contract.actions[0]!.id, status: 'done' });
    contract = await t.call('contracts:event', { id: contract.id, event: 'assess', outcome: 'partly_met', note: 'Zarejestrowana, bez pracy.' });
    expect(contract).toMatchObject({ status: 'assessed', outcome: 'partly_met' });
    expect((await t.fail('contracts:event', { id: contract.id, event: 'terminate', terminatedOn: '2026-03-02', reason: 'x' })).message).toBe('Nie można rozwiązać kontraktu, gdy ma stan „Oceniony”.');
    const events = (await t.call('cases:get', { id: caseId })).events.filter((e) => e.kind === 'contract');
    expect(events.map((e) => e.title)).toEqual(expect.arrayContaining(['Podpisano kontrakt socjalny', 'Niedotrzymanie kontraktu socjalnego', 'Oceniono realizację kontraktu socjalnego']));
    // The assistant does not conclude contracts.
    await signIn(t, 'bwisniewska');
    expect((await t.fail('contracts:create', { caseId, ...content })).message).toBe('Nie masz uprawnień do zawierania kontraktów socjalnych.');
  });

  it('closes a case of social work only with the kierownik’s own reason', async () => {
    t = testBackend(undefined, { engine });
    await setUpOffice(t);
    await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
    await signIn(t, 'anowak');
    const { id } = await t.call('cases:create', simpleIntake(8));
    const { interviewId } = await t.call('cases:startInterview', { caseId: id });
    const saved = await t.call('interviews:save', { id: interviewId, expectedVersion: 1, conductedOn: '2026-03-02', place: 'Dom', segments: MANDATORY_SEGMENTS, documents: {}, income: { items: [] } });
    await t.call('interviews:complete', { id: interviewId, expectedVersion: saved.version });
    await t.call('cases:chooseSocialWork', { caseId: id });
    await signIn(t, HEAD.login);
    expect((await t.fail('cases:close', { caseId: id, note: '' })).message).toBe('Nie można zamknąć sprawy: nie wybrano przyczyny zakończenia.');
    expect((await t.fail('cases:close', { caseId: id, note: ' ', reason: 'other' })).message).toContain('nie opisano innej przyczyny');
    await t.call('cases:close', { caseId: id, note: 'Rodzina wyprowadziła się z gminy.', reason: 'moved_away' });
    expect((await t.call('cases:get', { id })).status).toBe('CLOSED');
  });

  it('a plan, kontrakt, assessment or wywiad of a case the user may not open, asked for by its id: "not yours" (audited), as for the case', async () => {
    const { caseId } = await assignedCase(engine);
    await t.call('users:create', { firstName: 'Celina', lastName: 'Malec', login: 'cmalec', password: PASSWORD, roles: ['social_worker'] });
    await t.call('users:create', { firstName: 'Dorota', lastName: 'Nowicka', login: 'dnowicka', password: PASSWORD, roles: ['family_assistant'] });
    await signIn(t, 'bwisniewska');
    let plan = await t.call('plans:create', { caseId, content: null });
    plan = await t.call('plans:save', { id: plan.id, expectedVersion: plan.version, type: 'standard', coordinator: '', areas: AREAS });
    plan = await t.call('plans:sign', { id: plan.id, signedOn: '2026-03-02' });
    await t.call('assessments:add', { caseId, assessedOn: '2026-03-02', periodFrom: '2026-03-02', periodTo: '2026-03-02', progress: [], changes: 'Bez zmian.', recommendation: 'continue' });
    const assessmentId = (await t.call('work:get', { caseId })).assessments[0]!.id;
    await signIn(t, 'anowak');
    const file = await t.call('cases:get', { id: caseId });
    const interviewId = file.interviews[0]!.id;
    const content = { variant: 'A' as const, clientIds: [file.family.members[0]!.person.id], causes: 'Brak pracy.', possibilities: '', limitations: '', mainGoal: 'Praca', partialGoals: [], actions: [], periodFrom: '2026-03-02', periodTo: '2026-06-30' };
    const contract = await t.call('contracts:create', { caseId, ...content });

    await signIn(t, 'cmalec');
    expect(await t.fail('plans:get', { id: plan.id })).toMatchObject({ code: 'FORBIDDEN', message: 'Nie masz uprawnień do tej sprawy.' });
    expect(await t.fail('interviews:get', { id: interviewId })).toMatchObject({ code: 'FORBIDDEN', message: 'Nie masz uprawnień do tej sprawy.' });
    expect(await t.fail('contracts:save', { id: contract.id, expectedVersion: contract.version, ...content })).toMatchObject({ code: 'FORBIDDEN', message: 'Nie masz uprawnień do tej sprawy.' });
    // An id that is nobody's is still "not found".
    expect(await t.fail('plans:get', { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ code: 'NOT_FOUND' });
    await signIn(t, 'dnowicka');
    expect(await t.fail('assessments:handOver', { id: assessmentId, handedOn: '2026-03-02' })).toMatchObject({ code: 'FORBIDDEN', message: 'Nie masz uprawnień do tej sprawy.' });

    await signIn(t, HEAD.login);
    const denied = await t.call('audit:list', { action: 'access.denied' });
    expect(denied.map((e) => e.details['channel']).sort()).toEqual(['assessments:handOver', 'contracts:save', 'interviews:get', 'plans:get']);
  });
});
