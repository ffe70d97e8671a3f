/**
 * Issue 16: each goal's degree of achievement in the okresowa ocena; the assessment's handover to
 * the kierownik as audited steps (recorded → handed over → received); the kierownik's optional
 * approval of a signed plan (an office setting), with the date and person printed.
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
  {
    name: 'Opieka nad dziećmi',
    goals: [
      { name: 'Regularne uczęszczanie syna do szkoły', tasks: [{ description: 'Odprowadzanie syna do szkoły', responsible: 'Matka', deadline: '2026-06-30', expectedEffect: 'Frekwencja powyżej 90 %', resources: '', status: 'planned' }] },
      { name: 'Porządek w mieszkaniu', tasks: [{ description: 'Plan sprzątania', responsible: 'Matka', deadline: '2026-05-31', expectedEffect: 'Czyste mieszkanie', resources: '', status: 'planned' }] },
    ],
  },
];

async function assigned(): Promise<{ caseId: string }> {
  t = testBackend(undefined, { pdfWorkerPath: WORKER_PATH, fontDir: FONT_DIR });
  await setUpOffice(t);
  await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
  const assistant = await t.call('users:create', { firstName: 'Bożena', lastName: 'Wiśniewska', login: 'bwisniewska', password: PASSWORD, roles: ['family_assistant'] });
  const { caseId, requestId } = await caseWithRequest(t, 'anowak', 1);
  await signIn(t, HEAD.login);
  await t.call('requests:decide', { requestId, decision: { kind: 'assign', assistantId: assistant.id } });
  return { caseId };
}

async function printed(caseId: string, kind: 'family-work-plan' | 'periodic-assessment', subjectId: string): Promise<string> {
  const issued = await t.call('documents:issue', { caseId, kind, subjectId });
  const file = await t.call('documents:get', { documentId: issued.document.id });
  return oneLine((await readPdf(new Uint8Array(Buffer.from(file.bytes, 'base64')))).text);
}

/** The kinds on the signed-in user's own tray ("Moje zadania"). */
async function myTray(): Promise<{ kind: string; label: string; dueDate: string }[]> {
  return (await t.call('tray:get', {})).mine.groups.flatMap((group) => group.items);
}

async function actions(action: string): Promise<Record<string, unknown>[]> {
  await signIn(t, HEAD.login);
  return (await t.call('audit:list', { action })).map((entry) => entry.details);
}

describe('okresowa ocena: each goal’s degree and the handover to the kierownik', () => {
  it('records a degree for every goal, refuses a goal without one, and prints area, degree and comment', async () => {
    const { caseId } = await assigned();
    await signIn(t, 'bwisniewska');
    const plan = await t.call('plans:create', { caseId, content: { type: 'standard', coordinator: '', areas: AREAS } });
    await t.call('plans:sign', { id: plan.id, signedOn: '2026-03-02' });
    const base = { caseId, assessedOn: '2026-03-02', periodFrom: '2026-03-02', periodTo: '2026-03-02', changes: '', recommendation: 'continue' as const };
    const missing = await t.fail('assessments:add', { ...base, progress: [{ goal: 'Porządek w mieszkaniu', progress: 'Bez zmian' }] });
    expect(missing.code).toBe('VALIDATION');
    expect(missing.message).toContain('Wybierz stopień realizacji celu.');
    expect((await t.call('work:get', { caseId })).assessments).toEqual([]);

    await t.call('assessments:add', {
      ...base,
      progress: [
        { area: 'Opieka nad dziećmi', goal: 'Regularne uczęszczanie syna do szkoły', achievement: 'achieved', progress: 'Frekwencja 96 %.' },
        { area: 'Opieka nad dziećmi', goal: 'Porządek w mieszkaniu', achievement: 'not_achieved', progress: '' },
      ],
    });
    const [assessment] = (await t.call('work:get', { caseId })).assessments;
    expect(assessment?.progress).toEqual([
      { area: 'Opieka nad dziećmi', goal: 'Regularne uczęszczanie syna do szkoły', achievement: 'achieved', progress: 'Frekwencja 96 %.' },
      { area: 'Opieka nad dziećmi', goal: 'Porządek w mieszkaniu', achievement: 'not_achieved', progress: '' },
    ]);
    const text = await printed(caseId, 'periodic-assessment', assessment?.id ?? '');
    expect(text).toContain('Opieka nad dziećmi Regularne uczęszczanie syna do szkoły osiągnięty Frekwencja 96 %.');
    expect(text).toContain('Porządek w mieszkaniu nieosiągnięty');
  });

  it('hands over once (dated, audited), the kierownik receives once; the PDF prints both; nobody else may take either step', async () => {
    const { caseId } = await assigned();
    await signIn(t, 'bwisniewska');
    const plan = await t.call('plans:create', { caseId, content: { type: 'standard', coordinator: '', areas: AREAS } });
    await t.call('plans:sign', { id: plan.id, signedOn: '2026-03-02' });
    await t.call('assessments:add', { caseId, assessedOn: '2026-03-02', periodFrom: '2026-03-02', periodTo: '2026-03-02', progress: [{ goal: 'Porządek w mieszkaniu', achievement: 'partly_achieved', progress: 'Plan sprzątania ustalony.' }], changes: '', recommendation: 'continue' });
    const id = (await t.call('work:get', { caseId })).assessments[0]?.id ?? '';
    expect((await t.call('work:get', { caseId })).assessments[0]).toMatchObject({ handoverStatus: 'recorded', handedOn: null, receivedOn: null });
    expect(await printed(caseId, 'periodic-assessment', id)).toContain('8. Przekazanie oceny kierownikowi ośrodka Data przekazania: ocena nie została jeszcze przekazana');

    // The kierownik cannot receive what was not handed over.
    await signIn(t, HEAD.login);
    expect((await t.fail('assessments:receive', { id })).message).toBe('Asystent rodziny nie przekazał jeszcze tej oceny kierownikowi.');
    await signIn(t, 'anowak');
    expect((await t.fail('assessments:handOver', { id, handedOn: '2026-03-02' })).code).toBe('FORBIDDEN');

    await signIn(t, 'bwisniewska');
    expect((await t.fail('assessments:handOver', { id, handedOn: '2026-03-03' })).message).toContain('nie może być z przyszłości');
    t.clock.set('2026-03-04T09:00:00.000Z');
    await signIn(t, 'bwisniewska');
    const handed = await t.call('assessments:handOver', { id, handedOn: '2026-03-03' });
    expect(handed).toMatchObject({ handoverStatus: 'handed_over', handedOn: '2026-03-03', handedByName: 'Bożena Wiśniewska' });
    expect((await t.fail('assessments:handOver', { id, handedOn: '2026-03-04' })).code).toBe('INVALID_STATE');
    expect((await t.fail('assessments:receive', { id })).code).toBe('FORBIDDEN');

    await signIn(t, HEAD.login);
    // On the kierownik's tray until she receives it, within the office's 7 working days.
    expect((await myTray()).filter((item) => item.kind === 'assessment_receipt')).toEqual([expect.objectContaining({ label: 'Okresowa ocena do przyjęcia — sprawa OPS.AR.1.2026', dueDate: '2026-03-12' })]);
    const received = await t.call('assessments:receive', { id });
    expect((await myTray()).some((item) => item.kind === 'assessment_receipt')).toBe(false);
    expect(received).toMatchObject({ handoverStatus: 'received', receivedOn: '2026-03-04', receivedByName: 'Grażyna Żółkiewska' });
    expect((await t.fail('assessments:receive', { id })).code).toBe('INVALID_STATE');

    const text = await printed(caseId, 'periodic-assessment', id);
    expect(text).toContain('Data przekazania: 3 marca 2026 r.');
    expect(text).toContain('Przyjęcie przez kierownika: 4 marca 2026 r. – Grażyna Żółkiewska, Kierownik Ośrodka');
    // A paper handover entered a day later is marked so in the audit trail.
    expect(await actions('assessment.hand_over')).toEqual([{ from: 'recorded', to: 'handed_over', handedOn: '2026-03-03', actOn: '2026-03-03', enteredLater: true }]);
    expect(await actions('assessment.receive')).toEqual([{ from: 'handed_over', to: 'received' }]);
  });
});

describe('plan pracy: the kierownik’s approval where the office requires it', () => {
  it('off (the default): signing puts the plan in force, and no approval block is printed', async () => {
    const { caseId } = await assigned();
    expect((await t.call('app:status', {})).settings?.planApprovalRequired).toBe(false);
    await signIn(t, 'bwisniewska');
    const plan = await t.call('plans:create', { caseId, content: { type: 'standard', coordinator: '', areas: AREAS } });
    expect((await t.call('plans:sign', { id: plan.id, signedOn: '2026-03-02' })).status).toBe('signed');
    expect(await printed(caseId, 'family-work-plan', plan.id)).not.toContain('Zatwierdzam');
  });

  it('on: a signed plan waits "do zatwierdzenia"; returned with a reason it is a draft again; approved it is in force, dated and signed by the kierownik', async () => {
    const { caseId } = await assigned();
    await t.call('settings:update', { planApprovalRequired: true });
    await signIn(t, 'bwisniewska');
    const plan = await t.call('plans:create', { caseId, content: { type: 'standard', coordinator: '', areas: AREAS } });
    const waiting = await t.call('plans:sign', { id: plan.id, signedOn: '2026-03-02' });
    expect(waiting).toMatchObject({ status: 'awaiting_approval', signedOn: '2026-03-02', approvedOn: null });
    expect((await t.call('cases:get', { id: caseId })).status).toBe('PLAN');
    expect((await t.fail('plans:create', { caseId, content: null })).message).toContain('czeka na zatwierdzenie');
    expect((await t.fail('plans:save', { id: plan.id, expectedVersion: waiting.version, type: 'standard', coordinator: '', areas: AREAS })).code).toBe('INVALID_STATE');
    // Printed while it waits: the approval block has blanks for the kierownik's hand.
    expect(await printed(caseId, 'family-work-plan', plan.id)).toContain('Zatwierdzam');
    expect((await t.fail('plans:approve', { id: plan.id })).code).toBe('FORBIDDEN');

    await signIn(t, HEAD.login);
    expect((await myTray()).filter((item) => item.kind === 'plan_approval').map((item) => item.label)).toEqual(['Plan pracy z rodziną (wersja 1) do zatwierdzenia — sprawa OPS.AR.1.2026']);
    expect((await t.fail('plans:return', { id: plan.id, reason: '' })).code).toBe('VALIDATION');
    const returned = await t.call('plans:return', { id: plan.id, reason: 'Brak terminu przeglądu planu.' });
    expect(returned).toMatchObject({ status: 'draft', signedOn: null, returnedReason: 'Brak terminu przeglądu planu.' });
    expect((await t.fail('plans:approve', { id: plan.id })).message).toBe('Plan w wersji 1 nie czeka na zatwierdzenie (stan: projekt).');

    await signIn(t, 'bwisniewska');
    const again = await t.call('plans:save', { id: plan.id, expectedVersion: returned.version, type: 'standard', coordinator: '', areas: AREAS, review: 'Przegląd co 3 miesiące.' });
    expect((await t.call('plans:sign', { id: again.id, signedOn: '2026-03-02' })).returnedReason).toBeNull();

    t.clock.set('2026-03-05T09:00:00.000Z');
    await signIn(t, HEAD.login);
    const approved = await t.call('plans:approve', { id: plan.id });
    expect((await myTray()).some((item) => item.kind === 'plan_approval')).toBe(false);
    expect(approved).toMatchObject({ status: 'signed', approvedOn: '2026-03-05', approvedByName: 'Grażyna Żółkiewska' });
    expect((await t.call('cases:get', { id: caseId })).status).toBe('IN_PROGRESS');
    const text = await printed(caseId, 'family-work-plan', plan.id);
    expect(text).toMatch(/Zatwierdzam Bielice, dnia 05\.03\.2026 .*Grażyna Żółkiewska Kierownik Ośrodka/);
    expect(await actions('plan.return')).toEqual([{ number: 1, reason: 'Brak terminu przeglądu planu.' }]);
    expect(await actions('plan.approve')).toEqual([{ number: 1, supersedes: null }]);
  });
});
