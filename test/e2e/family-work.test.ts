/**
 * Working with the family end to end (issue 5), in the built renderer with the real backend:
 * the social worker writes, signs and follows a kontrakt socjalny (its draft survives a lock); the
 * assistant writes and signs a plan pracy z rodziną (a goal without tasks is refused, tasks are
 * added from the keyboard), records two visits and an okresowa ocena (one dated before the
 * assignment is refused), and proposes ending the work; the kierownik approves it from the queue,
 * the assistant ends the monitoring and the kierownik closes the case. What each of them sees is
 * checked on the way.
 *
 * The office, its users and the case up to the assignment are prepared through the backend
 * (faster than clicking; the case process has its own test). Screenshots: test-results/family-work/.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeInput } from '../../shared/cases';
import { addDays, addMonths, formatPolishDate } from '../../shared/domain/dates';
import { makePesel } from '../../shared/domain/pesel';
import { ManualClock } from '../../electron/clock';
import { HEAD, OFFICE } from '../support/backend';
import { MANDATORY_SEGMENTS, PASSWORD, simpleIntake } from '../support/case-flow';
import { launchApp, type AppHandle } from './harness';
import { button, caseHeader, confirmDialog, field, heading, invoker, logIn as logInAs, logOut as logOutOf, nav, shot as screenshot, tab, typeDate as typeDateAsUser, type Scope } from './ui';

const WORKER = { firstName: 'Anna', lastName: 'Nowak', login: 'anowak' };
const ASSISTANT = { firstName: 'Bożena', lastName: 'Wiśniewska', login: 'bwisniewska' };
const FAMILY = { lastName: 'Wróblewska', firstName: 'Katarzyna', child: 'Oskar', childLastName: 'Wróblewski' };

const alertWith = (page: Page, text: string) => page.getByRole('alert').filter({ hasText: text });

describe('working with the family: kontrakt, plan, visits, assessment, closure', () => {
  let app: AppHandle;
  let today = '';
  let caseNumber = '';
  let socialWorkNumber = '';
  let step = 0;

  const invoke = invoker(() => app);

  /** NN-name.png, numbered in the order taken. */
  async function shot(name: string): Promise<void> {
    step += 1;
    await screenshot(app, `${String(step).padStart(2, '0')}-${name}`);
  }

  /** A date field, typed as the user does, from an ISO date. */
  const typeDate = (scope: Scope, label: string, date: string) => typeDateAsUser(scope, label, formatPolishDate(date));
  const logIn = (login: string, password = PASSWORD) => logInAs(app.page, login, password);
  const logOut = () => logOutOf(app.page);

  async function openCase(): Promise<void> {
    const { page } = app;
    await nav(page, 'Sprawy').click();
    await heading(page, 'Sprawy').waitFor();
    await page.getByRole('row').filter({ hasText: caseNumber }).getByRole('button').first().click();
    await heading(page, `${FAMILY.lastName} ${FAMILY.firstName}`).waitFor();
  }

  const status = caseHeader;

  beforeAll(async () => {
    const warsawToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());
    app = await launchApp({ clock: new ManualClock(`${warsawToday}T12:00:00.000Z`), screenshotDir: resolve('test-results/family-work') });
    today = warsawToday;
    await invoke('setup:create', { office: OFFICE, head: HEAD });
    await invoke('session:login', { login: HEAD.login, password: HEAD.password });
    await invoke('users:create', { ...WORKER, password: PASSWORD, roles: ['social_worker'] });
    const assistant = await invoke('users:create', { ...ASSISTANT, password: PASSWORD, roles: ['family_assistant'] });
    await invoke('session:logout', {});

    // The case up to the request, as the social worker; the kierownik assigns the assistant.
    await invoke('session:login', { login: WORKER.login, password: PASSWORD });
    const named: IntakeInput = {
      ...simpleIntake(77, today),
      members: [
        { relation: 'applicant', inHousehold: true, person: { pesel: makePesel('1990-05-12', 'F', 77), firstName: FAMILY.firstName, lastName: FAMILY.lastName, birthDate: '1990-05-12', sex: 'F' } },
        { relation: 'child', inHousehold: true, childWhereabouts: 'home', person: { pesel: makePesel('2016-02-01', 'M', 77), firstName: FAMILY.child, lastName: FAMILY.childLastName, birthDate: '2016-02-01', sex: 'M' } },
      ],
    };
    const created = await invoke('cases:create', named);
    caseNumber = created.number;
    const { interviewId } = await invoke('cases:startInterview', { caseId: created.id });
    const saved = await invoke('interviews:save', { id: interviewId, expectedVersion: 1, conductedOn: today, place: 'Dom rodziny', segments: MANDATORY_SEGMENTS, documents: {}, income: { items: [] } });
    await invoke('interviews:complete', { id: interviewId, expectedVersion: saved.version });
    await invoke('analysis:save', { caseId: created.id, reasons: ['parenting_helplessness'], strengths: 'Chęć współpracy.', resources: 'Babcia.', conclusions: 'Asystent.', consentOn: today });
    const request = await invoke('requests:file', { caseId: created.id, justification: 'Bezradność opiekuńczo-wychowawcza.' });
    await invoke('session:logout', {});
    await invoke('session:login', { login: HEAD.login, password: HEAD.password });
    await invoke('requests:decide', { requestId: request.id, decision: { kind: 'assign', assistantId: assistant.id } });
    // A second family, with social work only (no assistant): the kierownik closes it with her own reason.
    await invoke('session:logout', {});
    await invoke('session:login', { login: WORKER.login, password: PASSWORD });
    const other = await invoke('cases:create', simpleIntake(78, today));
    socialWorkNumber = other.number;
    const second = await invoke('cases:startInterview', { caseId: other.id });
    const otherSaved = await invoke('interviews:save', { id: second.interviewId, expectedVersion: 1, conductedOn: today, place: 'Dom', segments: MANDATORY_SEGMENTS, documents: {}, income: { items: [] } });
    await invoke('interviews:complete', { id: second.interviewId, expectedVersion: otherSaved.version });
    await invoke('cases:chooseSocialWork', { caseId: other.id });
    await invoke('session:logout', {});
    await app.page.reload();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('the social worker writes, signs and follows a kontrakt socjalny', async () => {
    try {
      await contract();
    } catch (error) {
      await app.screenshot('failure-contract').catch(() => undefined);
      throw error;
    }
  }, 240_000);

  it('the assistant plans, visits, assesses and proposes the end; the kierownik approves and closes', async () => {
    try {
      await familyWork();
    } catch (error) {
      await app.screenshot('failure-family-work').catch(() => undefined);
      throw error;
    }
  }, 300_000);

  it('the kierownik closes a case of social work only, giving the reason herself', async () => {
    const { page } = app;
    try {
      await logIn(HEAD.login, HEAD.password);
      await nav(page, 'Sprawy').click();
      await heading(page, 'Sprawy').waitFor();
      await page.getByRole('row').filter({ hasText: socialWorkNumber }).getByRole('button').first().click();
      await status(page).getByText('Praca socjalna').waitFor();
      // No assistant, no plan: the tabs of the work with the family are not there.
      expect(await tab(page, 'Praca z rodziną').count()).toBe(0);
      await button(page, 'Zamknij sprawę').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Inna przyczyna').check();
      await button(dialog, 'Zamknij sprawę').click();
      await alertWith(page, 'Nie zamknięto sprawy').getByText('nie opisano innej przyczyny zakończenia', { exact: false }).waitFor();
      await dialog.getByLabel('Zmiana miejsca zamieszkania rodziny').check();
      await field(dialog, 'Uwagi').fill('Rodzina przeprowadziła się do innej gminy.');
      await shot('head-close-social-work');
      await button(dialog, 'Zamknij sprawę').click();
      await dialog.waitFor({ state: 'hidden' });
      await status(page).getByText('Zamknięta', { exact: true }).waitFor();
      await logOut();
    } catch (error) {
      await app.screenshot('failure-social-work').catch(() => undefined);
      throw error;
    }
  }, 120_000);

  async function contract(): Promise<void> {
    const { page } = app;
    await logIn(WORKER.login);
    await openCase();
    await tab(page, 'Kontrakt').click();
    await page.getByText('W tej sprawie nie zawarto kontraktu socjalnego.').waitFor();
    await button(page, 'Nowy kontrakt socjalny').click();
    await heading(page, 'Nowy kontrakt socjalny').waitFor();

    await page.getByLabel('Wzór I A / II A — osoba lub rodzina w trudnej sytuacji życiowej').check();
    // The applicant is the default party; the period defaults to six months from today.
    expect(await page.getByLabel(new RegExp(`^${FAMILY.firstName} ${FAMILY.lastName}`)).isChecked()).toBe(true);
    expect(await field(page, 'Kontrakt obowiązuje do').inputValue()).toBe(formatPolishDate(addMonths(today, 6)));
    await field(page, 'Przyczyny trudnej sytuacji życiowej').fill('Utrata pracy, zadłużenie czynszowe, brak wsparcia rodziny.');

    // A lock before anything was saved: the typing waits in the encrypted draft and comes back.
    await button(page, 'Zablokuj').click();
    await heading(page, 'Sesja zablokowana').waitFor();
    await field(page, 'Hasło').fill(PASSWORD);
    await button(page, 'Odblokuj').click();
    await page.getByText('Przywrócono niezapisany szkic kontraktu.').waitFor();
    expect(await field(page, 'Przyczyny trudnej sytuacji życiowej').inputValue()).toBe('Utrata pracy, zadłużenie czynszowe, brak wsparcia rodziny.');
    expect(await page.getByLabel('Wzór I A / II A — osoba lub rodzina w trudnej sytuacji życiowej').isChecked()).toBe(true);

    await field(page, 'Możliwości').fill('Wykształcenie zawodowe (krawcowa), dobra relacja z synem.');
    await field(page, 'Ograniczenia').fill('Opieka nad synem po szkole, brak dojazdu do miasta.');
    await field(page, 'Cel główny').fill('Podjęcie zatrudnienia i spłata zadłużenia czynszowego.');
    await button(page, 'Dodaj cel szczegółowy').click();
    await field(page, 'Cel szczegółowy 1').fill('Rejestracja w powiatowym urzędzie pracy');
    await button(page, 'Dodaj działanie').click();
    const first = page.getByRole('group', { name: 'Działanie 1', exact: true });
    await field(first, 'Działanie').fill('Rejestracja w urzędzie pracy');
    await typeDate(first, 'Termin', addDays(today, 14));
    await button(page, 'Dodaj działanie').click();
    const second = page.getByRole('group', { name: 'Działanie 2', exact: true });
    await second.getByLabel('Strona').selectOption('worker');
    await field(second, 'Działanie').fill('Pomoc w zapisaniu syna do świetlicy');
    // Outside the contract's period: signing is refused with the backend's Polish message.
    await typeDate(second, 'Termin', addMonths(today, 8));
    await button(page, 'Podpisz kontrakt').click();
    const refused = alertWith(page, 'Nie podpisano kontraktu');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('Termin działania 2 („Pomoc w zapisaniu syna do świetlicy”) wykracza poza okres obowiązywania kontraktu.');
    // Saved as a draft meanwhile, with everything typed still in the form.
    await heading(page, 'Kontrakt socjalny').waitFor();
    expect(await field(page, 'Cel główny').inputValue()).toBe('Podjęcie zatrudnienia i spłata zadłużenia czynszowego.');
    await shot('contract-deadline-refused');

    await typeDate(page.getByRole('group', { name: 'Działanie 2', exact: true }), 'Termin', addMonths(today, 2));
    await button(page, 'Podpisz kontrakt').click();
    const content = page.getByRole('region', { name: 'Treść kontraktu' });
    await content.getByText('Podpisany', { exact: true }).waitFor();
    expect(await content.textContent()).toContain(`podpisany ${formatPolishDate(today)}`);
    // A signed contract is read, not edited.
    expect(await button(page, 'Zapisz projekt kontraktu').count()).toBe(0);
    await button(page, 'Rozpocznij realizację').click();
    await content.getByText('W realizacji', { exact: true }).waitFor();
    await page.getByLabel('Stan działania: Rejestracja w urzędzie pracy').selectOption('done');
    await page.getByText('Zmieniono stan działania').waitFor();
    await button(page, 'Odnotuj niedotrzymanie kontraktu').click();
    const dialog = page.getByRole('dialog');
    await field(dialog, 'Opis niedotrzymania kontraktu').fill('Nie zgłosiła się na umówione spotkanie w PUP.');
    await button(dialog, 'Odnotuj').click();
    await dialog.waitFor({ state: 'hidden' });
    await shot('contract-signed-in-progress');

    await button(page, 'Wróć do teczki sprawy').click();
    await tab(page, /^Chronologia/).click();
    await page.getByText('Podpisano kontrakt socjalny').first().waitFor();
    await page.getByText('Niedotrzymanie kontraktu socjalnego').first().waitFor();
    await tab(page, 'Kontrakt').click();
    await page.getByRole('row').filter({ hasText: 'Podjęcie zatrudnienia' }).getByText('W realizacji').waitFor();
    await shot('contract-list');
    await logOut();
  }

  async function familyWork(): Promise<void> {
    const { page } = app;

    // --- The assistant writes the plan --------------------------------------------------------------
    await logIn(ASSISTANT.login);
    await openCase();
    // The kontrakt is the social worker's: not shown to the assistant (art. 16 u.w.r.).
    expect(await tab(page, 'Kontrakt').count()).toBe(0);
    const summary = page.getByRole('region', { name: 'Praca z rodziną', exact: true });
    await summary.getByText(formatPolishDate(addMonths(today, 6))).waitFor();
    await shot('assistant-case-file');
    await button(page, 'Napisz plan pracy z rodziną').click();
    await heading(page, 'Plan pracy z rodziną — wersja 1').waitFor();
    await page.getByText('Plan nie ma jeszcze żadnego obszaru.', { exact: false }).waitFor();

    await button(page, 'Dodaj obszar').click();
    // The new area's name has the focus: typing goes straight into it.
    await page.keyboard.type('Opieka i wychowanie dzieci');
    const area = page.getByRole('group', { name: 'Obszar 1', exact: true });
    expect(await field(area, 'Obszar 1').inputValue()).toBe('Opieka i wychowanie dzieci');
    // A stray Space on "Usuń obszar" only asks, with "Anuluj" focused: a second Space keeps the area.
    await button(area, 'Usuń obszar').focus();
    await page.keyboard.press('Space');
    const question = page.getByRole('dialog', { name: 'Usunąć obszar 1?' });
    await question.waitFor();
    await page.keyboard.press('Space');
    await question.waitFor({ state: 'hidden' });
    expect(await field(area, 'Obszar 1').inputValue()).toBe('Opieka i wychowanie dzieci');
    const goal1 = page.getByRole('group', { name: 'Cel 1.1', exact: true });
    await field(goal1, 'Cel 1.1').fill('Regularne uczęszczanie syna do szkoły');
    const task1 = page.getByRole('group', { name: 'Zadanie 1.1.1', exact: true });
    await field(task1, 'Zadanie').fill('Codzienne odprowadzanie syna do szkoły');
    await field(task1, 'Spodziewany efekt').fill('Frekwencja powyżej 90%');
    await field(task1, 'Osoba odpowiedzialna').fill('Matka');
    await typeDate(task1, 'Termin', addMonths(today, 3));
    await field(task1, 'Zasoby').fill('Wsparcie babci');

    // A second goal left without tasks: the plan is saved, but signing is refused in Polish.
    await button(area, 'Dodaj cel w obszarze 1').click();
    await page.keyboard.type('Porządek w mieszkaniu');
    const goal2 = page.getByRole('group', { name: 'Cel 1.2', exact: true });
    await button(goal2, 'Usuń zadanie 1.2.1').click();
    await confirmDialog(page, 'Usuń zadanie');
    await goal2.getByText('Ten cel nie ma zadań.', { exact: false }).waitFor();
    await button(page, 'Podpisz plan').click();
    const refused = alertWith(page, 'Nie podpisano planu');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('Cel „Porządek w mieszkaniu” nie ma żadnego zadania.');
    expect(await field(goal1, 'Cel 1.1').inputValue()).toBe('Regularne uczęszczanie syna do szkoły');
    await shot('plan-goal-without-tasks');

    // Adding the task from the keyboard: Tab reaches the button, Enter adds it, the focus is in it.
    const addTask = button(goal2, 'Dodaj zadanie do celu 1.2');
    await addTask.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('areas.0.goals.1.tasks.0.description');
    await page.keyboard.type('Wspólne ustalenie tygodniowego planu sprzątania');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Czyste mieszkanie przy wizytach');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Matka i syn');
    const task2 = page.getByRole('group', { name: 'Zadanie 1.2.1', exact: true });
    expect(await field(task2, 'Osoba odpowiedzialna').inputValue()).toBe('Matka i syn');
    // Saved without its deadline, the task asks for one (not for a "correct" date).
    await button(page, 'Zapisz projekt').click();
    await task2.getByText('Podaj termin zadania.', { exact: true }).waitFor();
    await typeDate(task2, 'Termin', addMonths(today, 1));
    await task2.getByText('Podaj termin zadania.', { exact: true }).waitFor({ state: 'detached' });
    // Coordinated with the child's plan pomocy dziecku: the coordinator must be named before signing.
    await page.getByLabel(/^Plan skoordynowany z planem pomocy dziecku/).check();
    await button(page, 'Podpisz plan').click();
    await alertWith(page, 'Nie podpisano planu').getByText('wymaga wskazania koordynatora rodzinnej pieczy zastępczej', { exact: false }).waitFor();
    await field(page, 'Koordynator rodzinnej pieczy zastępczej').fill('Ewa Kamińska (PCPR)');
    await shot('plan-editor');
    // A lock in the middle of the work: the plan's draft brings the typing back.
    await button(page, 'Zablokuj').click();
    await heading(page, 'Sesja zablokowana').waitFor();
    await field(page, 'Hasło').fill(PASSWORD);
    await button(page, 'Odblokuj').click();
    await page.getByText('Przywrócono niezapisany szkic tego planu.', { exact: false }).waitFor();
    expect(await field(page, 'Koordynator rodzinnej pieczy zastępczej').inputValue()).toBe('Ewa Kamińska (PCPR)');

    await button(page, 'Podpisz plan').click();
    await page.getByText(`Plan podpisany ${formatPolishDate(today)}.`, { exact: false }).waitFor();
    // A signed version is read-only, with a new version as the way to change it.
    expect(await page.getByRole('main').getByRole('textbox').count()).toBe(0);
    await button(page, 'Nowa wersja').waitFor();
    const plan = page.getByRole('region', { name: 'Plan w wersji 1' });
    await plan.getByText('Codzienne odprowadzanie syna do szkoły').waitFor();
    await plan.getByText('Wspólne ustalenie tygodniowego planu sprzątania').waitFor();
    await plan.getByText('Ewa Kamińska (PCPR)').waitFor();
    await shot('plan-signed');

    // --- Visits ------------------------------------------------------------------------------------
    await button(page, 'Wróć do teczki sprawy').click();
    await status(page).getByText('Realizacja planu').waitFor();
    await tab(page, 'Wizyty').click();
    const visitForm = page.getByRole('form', { name: 'Nowa wizyta' });
    await field(visitForm, 'Miejsce').fill('Dom rodziny');
    await field(visitForm, 'Uczestnicy').fill('Matka, syn');
    await field(visitForm, 'Tematy rozmowy').fill('Organizacja poranków przed szkołą.');
    await field(visitForm, 'Ustalenia').fill('Budzik o 6:30, plecak pakowany wieczorem.');
    await button(visitForm, 'Zapisz wizytę').click();
    await page.getByRole('article', { name: `Wizyta ${formatPolishDate(today)}` }).first().getByText('Dom rodziny', { exact: false }).waitFor();
    // The form is empty again for the next visit.
    expect(await field(visitForm, 'Miejsce').inputValue()).toBe('');
    await field(visitForm, 'Miejsce').fill('Szkoła Podstawowa nr 2');
    await field(visitForm, 'Uczestnicy').fill('Matka, pedagog szkolny');
    await field(visitForm, 'Tematy rozmowy').fill('Frekwencja syna w ostatnim miesiącu.');
    await visitForm.getByLabel('Ważne zdarzenie — wyróżnij w chronologii sprawy').check();
    await button(visitForm, 'Zapisz wizytę').click();
    await page.getByRole('heading', { name: 'Dziennik wizyt (2)' }).waitFor();
    await shot('visits');
    await tab(page, /^Chronologia/).click();
    await page.getByText('Wizyta: Dom rodziny').waitFor();
    await page.getByText('Wizyta: Szkoła Podstawowa nr 2').waitFor();

    // --- The okresowa ocena --------------------------------------------------------------------------
    await tab(page, 'Praca z rodziną').click();
    await tab(page, 'Okresowe oceny').click();
    await page.getByRole('region', { name: 'Następna okresowa ocena' }).getByText(formatPolishDate(addMonths(today, 6))).waitFor();
    const assessment = page.getByRole('form', { name: 'Okresowa ocena sytuacji rodziny' });
    // The goals of the signed plan are offered, one row each.
    expect(await field(assessment.getByRole('group', { name: 'Cel 1', exact: true }), 'Cel').inputValue()).toBe('Regularne uczęszczanie syna do szkoły');
    await field(assessment.getByRole('group', { name: 'Cel 1', exact: true }), 'Stopień realizacji').selectOption('achieved');
    await field(assessment.getByRole('group', { name: 'Cel 1', exact: true }), 'Opis postępów i trudności').fill('Syn nie opuścił w tym czasie żadnego dnia.');
    await field(assessment.getByRole('group', { name: 'Cel 2', exact: true }), 'Stopień realizacji').selectOption('partly_achieved');
    await field(assessment.getByRole('group', { name: 'Cel 2', exact: true }), 'Opis postępów i trudności').fill('Plan sprzątania ustalony, realizowany.');
    await field(assessment, 'Zmiany w sytuacji rodziny').fill('Matka podjęła pracę na pół etatu.');
    await assessment.getByLabel('Kontynuować pracę z rodziną według planu').check();
    // Dated before the assignment: refused in Polish, the form keeps what was typed.
    await typeDate(assessment, 'Data oceny', addDays(today, -1));
    await button(assessment, 'Zapisz ocenę').click();
    const early = alertWith(page, 'Nie zapisano oceny');
    await early.waitFor();
    expect(await early.textContent()).toContain('Data oceny nie może być wcześniejsza niż przydzielenie asystenta rodziny.');
    expect(await field(assessment, 'Zmiany w sytuacji rodziny').inputValue()).toBe('Matka podjęła pracę na pół etatu.');
    await shot('assessment-before-assignment');
    await typeDate(assessment, 'Data oceny', today);
    await button(assessment, 'Zapisz ocenę').click();
    await page.getByRole('heading', { name: 'Zapisane oceny (1)' }).waitFor();
    const saved = page.getByRole('article', { name: `Ocena z ${formatPolishDate(today)}` });
    await saved.getByText('Rekomendacja: Kontynuować pracę z rodziną według planu').waitFor();
    await saved.getByRole('cell', { name: 'Osiągnięty częściowo' }).waitFor();
    await shot('assessment-saved');
    // Handed to the kierownik as a step of its own, on today's date.
    await button(saved.getByRole('form', { name: 'Przekaż ocenę kierownikowi' }), 'Przekaż kierownikowi').click();
    await saved.getByText('Przekazana kierownikowi', { exact: true }).waitFor();

    // --- Proposing the end ---------------------------------------------------------------------------
    await button(page, 'Zaproponuj zakończenie pracy z rodziną').click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Inna przyczyna').check();
    await button(dialog, 'Przekaż propozycję kierownikowi').click();
    await alertWith(page, 'Nie przekazano propozycji').getByText('nie opisano innej przyczyny zakończenia', { exact: false }).waitFor();
    await dialog.getByLabel('Osiągnięcie celów planu pracy z rodziną').check();
    await field(dialog, 'Uzasadnienie').fill('Syn chodzi regularnie do szkoły, matka pracuje; cele planu osiągnięte.');
    await button(dialog, 'Przekaż propozycję kierownikowi').click();
    await dialog.waitFor({ state: 'hidden' });
    await status(page).getByText('Zakończenie pracy z rodziną').waitFor();
    await summary.getByText('Osiągnięcie celów planu pracy z rodziną').waitFor();
    expect(await button(page, 'Rozpatrz propozycję zakończenia').count()).toBe(0);
    await shot('closure-proposed');
    await logOut();

    // --- The kierownik approves it, from the queue -----------------------------------------------------
    await logIn(HEAD.login, HEAD.password);
    // No request waits, the closure proposal does: the navbar counts it.
    await nav(page, /^Wnioski o asystenta, oczekujące: 1$/).click();
    const queue = page.getByRole('region', { name: 'Propozycje zakończenia pracy z rodziną' });
    await queue.getByRole('row').filter({ hasText: `${FAMILY.lastName} ${FAMILY.firstName}` }).waitFor();
    await shot('head-queue');
    await button(queue, caseNumber).click();
    await heading(page, `${FAMILY.lastName} ${FAMILY.firstName}`).waitFor();
    await summary.getByText('Syn chodzi regularnie do szkoły', { exact: false }).waitFor();
    // The kierownik reads the plan but does not write it.
    await tab(page, 'Praca z rodziną').click();
    await page.getByRole('region', { name: 'Plan w wersji 1' }).waitFor();
    expect(await button(page, 'Nowa wersja').count()).toBe(0);
    expect(await button(page, 'Zaproponuj zakończenie pracy z rodziną').count()).toBe(0);
    // The assessment the assistant handed over: the kierownik confirms she received it.
    await tab(page, 'Okresowe oceny').click();
    const handed = page.getByRole('article', { name: `Ocena z ${formatPolishDate(today)}` });
    await button(handed, 'Potwierdź przyjęcie oceny').click();
    await handed.getByText('Przyjęta przez kierownika', { exact: true }).waitFor();
    await shot('head-assessment-received');
    await tab(page, 'Plan pracy').click();
    await shot('head-case-file');
    // Every part of the case file is on one row of tabs, at 1366 px and at 1280 px.
    const tabRows = async () =>
      new Set(await page.getByRole('tablist', { name: 'Części teczki sprawy' }).getByRole('tab').evaluateAll((tabs) => tabs.map((t) => Math.round(t.getBoundingClientRect().top)))).size;
    expect(await tabRows()).toBe(1);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await tabRows()).toBe(1);
    await shot('head-case-file-1280');
    await page.setViewportSize({ width: 1366, height: 860 });
    await button(page, 'Rozpatrz propozycję zakończenia').click();
    dialog = page.getByRole('dialog');
    await dialog.getByText('Syn chodzi regularnie do szkoły', { exact: false }).waitFor();
    await dialog.getByLabel(/^Zatwierdzam zakończenie — rodzina pozostaje pod monitoringiem/).check();
    await page.waitForTimeout(300); // the radio's check animation, for the screenshot only
    await shot('head-decision');
    await button(dialog, 'Zapisz decyzję').click();
    await dialog.waitFor({ state: 'hidden' });
    await status(page).getByText('Monitoring', { exact: true }).waitFor();
    const monitoring = summary.getByText(/^do: \d\d\.\d\d\.\d{4}$/);
    await monitoring.waitFor();
    // Closing waits for the assistant to end the monitoring.
    expect(await button(page, 'Zamknij sprawę').isDisabled()).toBe(true);
    await page.getByText('Sprawę zamyka się, gdy asystent rodziny zakończy monitoring', { exact: false }).waitFor();
    await shot('head-monitoring');
    await logOut();

    // --- The assistant ends the monitoring; the kierownik closes the case ----------------------------------
    await logIn(ASSISTANT.login);
    await openCase();
    await button(page, 'Zakończ monitoring rodziny').click();
    dialog = page.getByRole('dialog');
    await button(dialog, 'Zakończ monitoring').click();
    await dialog.waitFor({ state: 'hidden' });
    await summary.getByText(`zakończony ${formatPolishDate(today)}`).waitFor();
    // Ended once: the step is not offered again; the kierownik has the next move.
    await page.getByText('Sprawę zamyka kierownik ośrodka.', { exact: false }).waitFor();
    expect(await button(page, 'Zakończ monitoring rodziny').count()).toBe(0);
    await shot('assistant-monitoring-ended');
    await logOut();

    await logIn(HEAD.login, HEAD.password);
    await openCase();
    await button(page, 'Zamknij sprawę').click();
    dialog = page.getByRole('dialog');
    await field(dialog, 'Uwagi').fill('Rodzina funkcjonuje samodzielnie.');
    await button(dialog, 'Zamknij sprawę').click();
    await dialog.waitFor({ state: 'hidden' });
    await status(page).getByText('Zamknięta', { exact: true }).waitFor();
    await tab(page, /^Chronologia/).click();
    await page.getByText('Sprawa zamknięta').first().waitFor();
    await page.getByText(/^Zatwierdzono zakończenie pracy z rodziną; monitoring do \d\d\.\d\d\.\d{4}$/).waitFor();
    // Every entry's kind in Polish, those of the work with the family too.
    for (const kind of ['Zakończenie pracy z rodziną', 'Okresowa ocena', 'Plan pracy z rodziną', 'Kontrakt socjalny']) {
      await page.getByRole('tabpanel').getByText(kind, { exact: true }).first().waitFor();
    }
    await shot('head-case-closed');
    await logOut();

    // The assistant's access ended with the assignment.
    await logIn(ASSISTANT.login);
    await nav(page, 'Sprawy').click();
    await heading(page, 'Sprawy').waitFor();
    expect(await page.getByRole('row').filter({ hasText: caseNumber }).count()).toBe(0);
  }
});
