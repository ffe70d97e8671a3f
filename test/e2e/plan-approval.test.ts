/**
 * The kierownik's approval of a plan pracy z rodziną where the office requires it (issue 16): the
 * signed plan is on her tray, she returns it with a reason (the assistant sees it on the draft),
 * then approves it; the plan is in force with the approval date and her name.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { PlanArea } from '../../shared/domain/familyWork';
import { formatPolishDate } from '../../shared/domain/dates';
import { ManualClock } from '../../electron/clock';
import { HEAD, OFFICE } from '../support/backend';
import { MANDATORY_SEGMENTS, PASSWORD, simpleIntake } from '../support/case-flow';
import { launchApp, type AppHandle } from './harness';
import { button, field, invoker, logIn as logInAs, logOut as logOutOf, nav, shot, tab } from './ui';

const ASSISTANT = { firstName: 'Bożena', lastName: 'Wiśniewska', login: 'bwisniewska' };

describe('plan pracy: the kierownik approves or returns a signed plan', () => {
  let app: AppHandle;
  let today = '';
  let caseId = '';
  const invoke = invoker(() => app);
  const logIn = (login: string, password = PASSWORD) => logInAs(app.page, login, password);

  beforeAll(async () => {
    today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());
    app = await launchApp({ clock: new ManualClock(`${today}T12:00:00.000Z`), screenshotDir: resolve('test-results/plan-approval') });
    await invoke('setup:create', { office: OFFICE, head: HEAD });
    await invoke('session:login', { login: HEAD.login, password: HEAD.password });
    await invoke('settings:update', { planApprovalRequired: true });
    await invoke('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
    const assistant = await invoke('users:create', { ...ASSISTANT, password: PASSWORD, roles: ['family_assistant'] });
    await invoke('session:logout', {});
    await invoke('session:login', { login: 'anowak', password: PASSWORD });
    const created = await invoke('cases:create', simpleIntake(91, today));
    caseId = created.id;
    const { interviewId } = await invoke('cases:startInterview', { caseId });
    const saved = await invoke('interviews:save', { id: interviewId, expectedVersion: 1, conductedOn: today, place: 'Dom rodziny', segments: MANDATORY_SEGMENTS, documents: {}, income: { items: [] } });
    await invoke('interviews:complete', { id: interviewId, expectedVersion: saved.version });
    await invoke('analysis:save', { caseId, reasons: ['parenting_helplessness'], strengths: 'Chęć współpracy.', resources: 'Babcia.', conclusions: 'Asystent.', consentOn: today });
    const request = await invoke('requests:file', { caseId, justification: 'Bezradność opiekuńczo-wychowawcza.' });
    await invoke('session:logout', {});
    await invoke('session:login', { login: HEAD.login, password: HEAD.password });
    await invoke('requests:decide', { requestId: request.id, decision: { kind: 'assign', assistantId: assistant.id } });
    await invoke('session:logout', {});
    await invoke('session:login', { login: ASSISTANT.login, password: PASSWORD });
    const areas: PlanArea[] = [{ name: 'Opieka nad dziećmi', goals: [{ name: 'Szkoła', tasks: [{ description: 'Odprowadzanie syna do szkoły', responsible: 'Matka', deadline: today, expectedEffect: 'Frekwencja powyżej 90 %', resources: '', status: 'planned' }] }] }];
    const plan = await invoke('plans:create', { caseId, content: { type: 'standard', coordinator: '', areas, diagnosis: '', shortTermGoals: '', longTermGoals: '', review: '' } });
    await invoke('plans:sign', { id: plan.id, signedOn: today });
    await invoke('session:logout', {});
    await app.page.reload();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('from the tray: returned with a reason, seen by the assistant, signed again, approved', async () => {
    const { page } = app;
    await logIn(HEAD.login, HEAD.password);
    // The tray item says what to do ("Zatwierdź albo zwróć plan") and opens the case's plan tab.
    await page.getByText('Zatwierdź albo zwróć plan', { exact: true }).first().waitFor();
    await button(page, 'Plan pracy z rodziną (wersja 1) do zatwierdzenia').first().click();
    await tab(page, 'Plan pracy').waitFor();
    await page.getByText('czeka na zatwierdzenie przez kierownika', { exact: false }).first().waitFor();
    await page.getByRole('button', { name: 'Otwórz wersję 1' }).click();
    const approval = page.getByRole('region', { name: 'Zatwierdzenie planu' });
    await approval.waitFor();
    await page.getByText('Do zatwierdzenia', { exact: true }).first().waitFor();
    await shot(app, '01-head-plan-to-approve');
    await field(approval, 'Powód zwrotu planu').fill('Brak terminu przeglądu planu.');
    await button(approval, 'Zwróć do poprawy').click();
    await approval.waitFor({ state: 'detached' });
    await logOutOf(page);

    await logIn(ASSISTANT.login);
    await nav(page, 'Sprawy').click();
    await page.getByRole('row').filter({ hasText: 'OPS.AR' }).getByRole('button').first().click();
    await tab(page, 'Praca z rodziną').click();
    await tab(page, 'Plan pracy').click();
    await page.getByRole('button', { name: 'Otwórz wersję 1' }).click();
    await page.getByText('Kierownik zwrócił plan do poprawy').waitFor();
    await page.getByText('Brak terminu przeglądu planu.').waitFor();
    await shot(app, '02-assistant-plan-returned');
    await field(page, 'Sposób i termin przeglądu planu').fill('Przegląd co 3 miesiące.');
    await button(page, 'Podpisz plan').click();
    await page.getByText('czeka na zatwierdzenie przez kierownika', { exact: false }).first().waitFor();
    await logOutOf(page);

    await logIn(HEAD.login, HEAD.password);
    await button(page, 'Plan pracy z rodziną (wersja 1) do zatwierdzenia').first().click();
    await page.getByRole('button', { name: 'Otwórz wersję 1' }).click();
    await button(page.getByRole('region', { name: 'Zatwierdzenie planu' }), 'Zatwierdź plan').click();
    await page.getByText(`zatwierdzony ${formatPolishDate(today)} (${HEAD.firstName} ${HEAD.lastName})`, { exact: false }).waitFor();
    await shot(app, '03-head-plan-approved');
  });
});
