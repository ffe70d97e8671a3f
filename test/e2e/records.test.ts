/**
 * Records an office can trust (issue 15, part B), driven by the keyboard as a worker would: the
 * family changes after intake (a new address, a newborn, a child placed in foster care), the
 * kierownik hands the family to another assistant, a user who still leads cases cannot be
 * switched off until her cases are handed over, and the settings keep the statutory cap.
 *
 * The office, its users and one assigned case are set up through the backend; everything the
 * issue is about is typed on the screens. Screenshots: test-results/e2e/records-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatPolishDate } from '../../shared/domain/dates';
import { makePesel } from '../../shared/domain/pesel';
import { ManualClock } from '../../electron/clock';
import { HEAD } from '../support/backend';
import { launchApp, type AppHandle } from './harness';
import { button, choose, kowalczykReport, setUpOffice, field, heading, invoker, logIn, logOut, nav, shot, tab } from './ui';

const WORKER = { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: 'Pracownik-2026!' };
const WORKER2 = { firstName: 'Ewa', lastName: 'Lis', login: 'elis', password: 'Pracownik-2026!' };
const ASSISTANT = { firstName: 'Bożena', lastName: 'Wiśniewska', login: 'bwisniewska', password: 'Asystentka-2026!' };
const ASSISTANT2 = { firstName: 'Celina', lastName: 'Mazur', login: 'cmazur', password: 'Asystentka-2026!' };
const SEGMENTS = {
  'I.A': { familyComposition: 'Matka i syn.' },
  'I.H': { needs: 'Wsparcie w opiece nad dzieckiem.' },
  'I.I': { diagnosis: 'Trudności opiekuńczo-wychowawcze.', conclusions: 'Asystent rodziny.' },
  'I.J': { helpPlan: 'Asystent rodziny.' },
};

/** Focuses a field and types into it, as a person does (no fill). */
async function typeInto(page: Page, label: string, text: string, scope: Page | ReturnType<Page['getByRole']> = page): Promise<void> {
  const input = field(scope, label);
  await input.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

describe('records an office can trust', () => {
  let app: AppHandle;
  let caseId = '';
  let caseNumber = '';
  let today = '';
  let paperCaseId = '';
  let courtCaseId = '';
  const invoke = invoker(() => app);

  beforeAll(async () => {
    const warsawToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());
    app = await launchApp({ clock: new ManualClock(`${warsawToday}T12:00:00.000Z`) });
    today = warsawToday;
    const ids = await setUpOffice(invoke, [[WORKER, 'social_worker'], [WORKER2, 'social_worker'], [ASSISTANT, 'family_assistant'], [ASSISTANT2, 'family_assistant']] as const);
    await invoke('session:logout', {});
    await invoke('session:login', { login: WORKER.login, password: WORKER.password });
    const created = await invoke('cases:create', kowalczykReport(today, 21));
    caseId = created.id;
    caseNumber = created.number;
    const { interviewId } = await invoke('cases:startInterview', { caseId });
    const saved = await invoke('interviews:save', { id: interviewId, expectedVersion: 1, conductedOn: today, place: 'Dom rodziny', segments: SEGMENTS, documents: {}, income: { items: [] } });
    await invoke('interviews:complete', { id: interviewId, expectedVersion: saved.version });
    await invoke('analysis:save', { caseId, reasons: ['parenting_helplessness'], strengths: '', resources: '', conclusions: 'Asystent.', consentOn: today });
    const request = await invoke('requests:file', { caseId, justification: 'Trudności opiekuńczo-wychowawcze.' });
    await invoke('session:logout', {});
    await invoke('session:login', { login: HEAD.login, password: HEAD.password });
    await invoke('requests:decide', { requestId: request.id, decision: { kind: 'assign', assistantId: ids[ASSISTANT.login]! } });
    await invoke('session:logout', {});
    // A second family, whose request was made on paper days ago and is typed in today.
    await invoke('session:login', { login: WORKER2.login, password: WORKER2.password });
    const second = await invoke('cases:create', {
      reportedOn: addDays(today, -6),
      source: 'police',
      report: 'Interwencja domowa.',
      urgent: false,
      family: { kind: 'single', street: 'ul. Leśna 8', postalCode: '74-202', city: 'Bielice', rural: false },
      members: [{ relation: 'applicant', inHousehold: true, person: { pesel: makePesel('1985-01-20', 'F', 41), firstName: 'Irena', lastName: 'Zając', birthDate: '1985-01-20', sex: 'F' } }],
    });
    paperCaseId = second.id;
    const secondInterview = await invoke('cases:startInterview', { caseId: second.id });
    const secondSaved = await invoke('interviews:save', { id: secondInterview.interviewId, expectedVersion: 1, conductedOn: addDays(today, -5), place: 'Dom', segments: SEGMENTS, documents: {}, income: { items: [] } });
    await invoke('interviews:complete', { id: secondInterview.interviewId, expectedVersion: secondSaved.version });
    await invoke('analysis:save', { caseId: second.id, reasons: ['parenting_helplessness'], strengths: '', resources: '', conclusions: 'Asystent.', consentOn: addDays(today, -5) });
    // A third family: no consent, but a court obliged it to work with an assistant.
    const third = await invoke('cases:create', {
      reportedOn: addDays(today, -3),
      source: 'court',
      report: 'Postanowienie sądu rodzinnego.',
      urgent: false,
      family: { kind: 'single', street: 'ul. Krótka 2', postalCode: '74-202', city: 'Bielice', rural: false },
      members: [{ relation: 'applicant', inHousehold: true, person: { pesel: makePesel('1992-07-07', 'M', 51), firstName: 'Piotr', lastName: 'Wróbel', birthDate: '1992-07-07', sex: 'M' } }],
    });
    courtCaseId = third.id;
    const thirdInterview = await invoke('cases:startInterview', { caseId: third.id });
    const thirdSaved = await invoke('interviews:save', { id: thirdInterview.interviewId, expectedVersion: 1, conductedOn: addDays(today, -2), place: 'Dom', segments: SEGMENTS, documents: {}, income: { items: [] } });
    await invoke('interviews:complete', { id: thirdInterview.interviewId, expectedVersion: thirdSaved.version });
    await invoke('analysis:save', { caseId: third.id, reasons: ['parenting_helplessness'], strengths: '', resources: '', conclusions: 'Asystent z postanowienia.', consentOn: null });
    await invoke('session:logout', {});
    await app.page.reload();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  async function openCase(page: Page): Promise<void> {
    await nav(page, 'Sprawy').click();
    await page.getByRole('row').filter({ hasText: 'Kowalczyk Marta' }).getByRole('button').first().click();
    await heading(page, 'Kowalczyk Marta').waitFor();
  }

  async function familyChange(page: Page, kind: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>): Promise<void> {
    await button(page, 'Zgłoś zmianę w rodzinie').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Zmiana w rodzinie' });
    await dialog.waitFor();
    await field(dialog, 'Rodzaj zmiany').selectOption({ label: kind });
    await fill(dialog);
    await button(dialog, 'Zapisz zmianę').focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
  }

  it('the worker records a new address, a newborn and a child placed in foster care; the change register names her', async () => {
    const { page } = app;
    try {
      await logIn(page, WORKER.login, WORKER.password);
      await openCase(page);
      const date = formatPolishDate(today);

      await familyChange(page, 'Nowy adres rodziny', async (dialog) => {
        await typeInto(page, 'Data zmiany (kiedy to się stało)', date, dialog);
        await typeInto(page, 'Ulica i numer', 'ul. Nowa 5', dialog);
        await typeInto(page, 'Kod pocztowy', '74-200', dialog);
        await typeInto(page, 'Miejscowość', 'Pyrzyce', dialog);
      });
      await page.getByText('ul. Nowa 5').first().waitFor();
      await page.getByText(/^Wcześniej do .*ul\. Polna 3, 74-202 Bielice$/).waitFor();

      // A newborn: a PESEL with a wrong check digit is refused in the field, nothing is lost.
      const baby = makePesel(today, 'F', 31);
      const wrong = baby.slice(0, 10) + String((Number(baby[10]) + 1) % 10);
      const dialog = page.getByRole('dialog', { name: 'Zmiana w rodzinie' });
      await button(page, 'Zgłoś zmianę w rodzinie').focus();
      await page.keyboard.press('Enter');
      await field(dialog, 'Rodzaj zmiany').selectOption({ label: 'Nowa osoba w rodzinie (narodziny dziecka, nowy partner)' });
      await typeInto(page, 'Imię', 'Zosia', dialog);
      await typeInto(page, 'Nazwisko', 'Kowalczyk', dialog);
      await typeInto(page, 'PESEL', wrong, dialog);
      await typeInto(page, 'Data urodzenia', date, dialog);
      await field(dialog, 'Płeć').selectOption({ label: 'Kobieta' });
      await button(dialog, 'Zapisz zmianę').focus();
      await page.keyboard.press('Enter');
      await dialog.getByText('Nieprawidłowa cyfra kontrolna PESEL.').waitFor();
      // The focus went to the field in error; what was typed is kept.
      expect(await field(dialog, 'PESEL').evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await field(dialog, 'Imię').inputValue()).toBe('Zosia');
      await typeInto(page, 'PESEL', baby, dialog);
      await button(dialog, 'Zapisz zmianę').focus();
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('row').filter({ hasText: 'Zosia Kowalczyk' }).getByText(`W rodzinie od ${date}`).waitFor();

      await familyChange(page, 'Dziecko umieszczone w pieczy zastępczej', async (d) => {
        await field(d, 'Osoba').selectOption({ label: 'Jan Kowalczyk (Dziecko)' });
        await field(d, 'Gdzie dziecko zostało umieszczone').selectOption({ label: 'Rodzina zastępcza lub rodzinny dom dziecka' });
        await typeInto(page, 'Uwagi (np. sygnatura postanowienia sądu, skąd wiadomo)', 'Postanowienie SR w Pyrzycach, III Nsm 12/26.', d);
      });
      await page.getByRole('row').filter({ hasText: 'Jan Kowalczyk' }).getByText(`Rodzina zastępcza lub rodzinny dom dziecka: od ${date}`).waitFor();
      await shot(app, 'records-01-family-changed');

      // The change register: each change with its author.
      await tab(page, 'Zmiany').click();
      await page.getByText('Anna Nowak').first().waitFor();
      expect((await invoke('cases:changeLog', { caseId })).filter((e) => e.action.startsWith('family.')).map((e) => [e.action, e.actorName])).toEqual([
        ['family.child_placed', 'Anna Nowak'],
        ['family.member_joins', 'Anna Nowak'],
        ['family.address', 'Anna Nowak'],
      ]);
      // Search follows the new address.
      expect((await invoke('search:cases', { query: 'Pyrzyce' })).map((h) => h.caseId)).toEqual([caseId]);
      await logOut(page);
    } catch (error) {
      await app.screenshot('records-failure-1').catch(() => undefined);
      throw error;
    }
  }, 180_000);

  it('the kierownik hands the family to another assistant; the old one is refused being switched off until her cases are handed over', async () => {
    const { page } = app;
    try {
      await logIn(page, HEAD.login, HEAD.password);
      await openCase(page);
      const staff = page.getByRole('region', { name: 'Osoby prowadzące sprawę' });
      await button(staff, 'Zmień asystenta rodziny').focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Zmień asystenta rodziny' });
      await field(dialog, 'Nowy asystent rodziny').selectOption({ label: 'Celina Mazur (0 / 15 rodzin)' });
      await typeInto(page, 'Przyczyna zmiany', 'Długotrwałe zwolnienie lekarskie asystentki.', dialog);
      await button(dialog, 'Zapisz zmianę').focus();
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await staff.getByRole('row').filter({ hasText: 'Celina Mazur' }).getByText('nadal', { exact: false }).waitFor();
      await staff.getByRole('row').filter({ hasText: 'Bożena Wiśniewska' }).getByText('Długotrwałe zwolnienie lekarskie asystentki.').waitFor();
      await shot(app, 'records-02-assistant-changed');

      // The worker cannot be switched off while she leads the case: the refusal lists it.
      await nav(page, 'Użytkownicy').click();
      await button(page, `Edytuj: ${WORKER.firstName} ${WORKER.lastName}`).focus();
      await page.keyboard.press('Enter');
      const edit = page.getByRole('dialog');
      await edit.getByLabel('Konto aktywne').focus();
      await page.keyboard.press('Space');
      await button(edit, 'Zapisz zmiany').focus();
      await page.keyboard.press('Enter');
      await edit.getByText(caseNumber, { exact: false }).waitFor();
      await edit.getByText('Przekaż sprawy', { exact: false }).first().waitFor();
      await shot(app, 'records-03-switch-off-refused');
      await page.keyboard.press('Escape');
      await edit.waitFor({ state: 'detached' });

      // Hand-over, then switching off goes through.
      await button(page, `Przekaż sprawy: ${WORKER.firstName} ${WORKER.lastName}`).focus();
      await page.keyboard.press('Enter');
      const hand = page.getByRole('dialog', { name: `Przekaż sprawy: ${WORKER.firstName} ${WORKER.lastName}` });
      await hand.getByText(caseNumber, { exact: false }).waitFor();
      await field(hand, 'Pracownik socjalny, który przejmie sprawy').selectOption({ label: `${WORKER2.firstName} ${WORKER2.lastName}` });
      await typeInto(page, 'Przyczyna przekazania', 'Odejście z pracy.', hand);
      await button(hand, 'Przekaż sprawy').focus();
      await page.keyboard.press('Enter');
      await hand.waitFor({ state: 'detached' });
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await button(page, `Edytuj: ${WORKER.firstName} ${WORKER.lastName}`).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').getByLabel('Konto aktywne').focus();
      await page.keyboard.press('Space');
      await button(page.getByRole('dialog'), 'Zapisz zmiany').focus();
      await page.keyboard.press('Enter');
      await page.getByRole('row').filter({ hasText: WORKER.login }).getByText('Nie', { exact: true }).waitFor();
      expect((await invoke('cases:get', { id: caseId })).worker.name).toBe(`${WORKER2.firstName} ${WORKER2.lastName}`);
      expect((await invoke('users:list', {})).find((u) => u.login === WORKER.login)?.active).toBe(false);
    } catch (error) {
      await app.screenshot('records-failure-2').catch(() => undefined);
      throw error;
    }
  }, 180_000);

  it('a request made on paper days ago is typed in with its real date; a date before the wywiad is refused in the field', async () => {
    const { page } = app;
    try {
      await logOut(page);
      await logIn(page, WORKER2.login, WORKER2.password);
      await nav(page, 'Sprawy').click();
      await page.getByRole('row').filter({ hasText: 'Zając Irena' }).getByRole('button').first().click();
      await heading(page, 'Zając Irena').waitFor();
      await button(page, 'Złóż wniosek o asystenta rodziny').focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Wniosek o asystenta rodziny' });
      await typeInto(page, 'Uzasadnienie wniosku', 'Bezradność opiekuńczo-wychowawcza; wniosek złożony na papierze.', dialog);
      await typeInto(page, 'Data wniosku', formatPolishDate(addDays(today, -6)), dialog);
      await button(dialog, 'Złóż wniosek o asystenta rodziny').focus();
      await page.keyboard.press('Enter');
      await dialog.getByText(`Najwcześniej ${formatPolishDate(addDays(today, -5))}.`).waitFor();
      await typeInto(page, 'Data wniosku', formatPolishDate(addDays(today, -2)), dialog);
      await button(dialog, 'Złóż wniosek o asystenta rodziny').focus();
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await shot(app, 'records-05-paper-request');
      await logOut(page);
      await invoke('session:login', { login: HEAD.login, password: HEAD.password });
      const [request] = (await invoke('requests:queue', {})).filter((r) => r.caseId === paperCaseId);
      expect(request?.filedOn).toBe(addDays(today, -2));
      const entry = (await invoke('cases:changeLog', { caseId: paperCaseId })).find((e) => e.action === 'request.create');
      expect(entry?.details).toMatchObject({ filedOn: addDays(today, -2), enteredLater: true });
      await invoke('session:logout', {});
      await page.reload();
      await logIn(page, HEAD.login, HEAD.password);
    } catch (error) {
      await app.screenshot('records-failure-4').catch(() => undefined);
      throw error;
    }
  }, 120_000);

  it('a new report about a person with an open case goes to that case, not silently into a second one', async () => {
    const { page } = app;
    try {
      await logOut(page);
      await logIn(page, WORKER2.login, WORKER2.password);
      await nav(page, 'Nowe zgłoszenie').click();
      await heading(page, 'Nowe zgłoszenie').waitFor();
      await choose(page, page, 'Od kogo pochodzi informacja', 'Policja');
      await typeInto(page, 'Szczegóły źródła', 'KPP Pyrzyce');
      await typeInto(page, 'Treść zgłoszenia', 'Ponowna interwencja domowa, awantura w nocy.');
      const first = page.getByRole('group', { name: 'Osoba 1', exact: true });
      await typeInto(page, 'PESEL', makePesel('1985-01-20', 'F', 41), first);
      await page.keyboard.press('Tab');
      await button(first, /^Użyj tej osoby/).focus();
      await page.keyboard.press('Enter');
      const warning = page.getByRole('status').filter({ hasText: 'Osoba z tego zgłoszenia ma otwartą sprawę' });
      await warning.getByText(`prowadzi: ${WORKER2.firstName} ${WORKER2.lastName}`, { exact: false }).waitFor();
      await shot(app, 'records-06-open-case-warning');
      // A second case only if the box is ticked (the main process refuses otherwise: open-cases.test.ts).
      expect(await page.getByLabel('Mimo to zakładam drugą, osobną sprawę').isChecked()).toBe(false);
      await button(warning, 'Dołącz to zgłoszenie do tej sprawy').focus();
      await page.keyboard.press('Enter');
      await heading(page, 'Zając Irena').waitFor();
      await page.getByText('Ponowna interwencja domowa, awantura w nocy.').first().waitFor();
      const events = (await invoke('cases:get', { id: paperCaseId })).events.filter((e) => e.title.startsWith('Kolejne zgłoszenie'));
      expect(events.map((e) => e.body)).toEqual(['Ponowna interwencja domowa, awantura w nocy.']);
      await logOut(page);
      await logIn(page, HEAD.login, HEAD.password);
    } catch (error) {
      await app.screenshot('records-failure-5').catch(() => undefined);
      throw error;
    }
  }, 120_000);

  it('a family obliged by a court: the worker records the sygnatura and files the request without voluntary consent', async () => {
    const { page } = app;
    try {
      await logOut(page);
      await logIn(page, WORKER2.login, WORKER2.password);
      await nav(page, 'Sprawy').click();
      await page.getByRole('row').filter({ hasText: 'Wróbel Piotr' }).getByRole('button').first().click();
      await heading(page, 'Wróbel Piotr').waitFor();
      await page.getByText('brak zgody rodziny', { exact: false }).first().waitFor();
      await tab(page, 'Zgłoszenie i wniosek').click();
      const section = page.getByRole('region', { name: 'Zobowiązanie przez sąd' });
      await button(section, 'Odnotuj postanowienie sądu').focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Postanowienie sądu' });
      await typeInto(page, 'Sąd', 'Sąd Rejonowy w Pyrzycach, III Wydział Rodzinny i Nieletnich', dialog);
      await typeInto(page, 'Sygnatura akt', 'III Nsm 12/26', dialog);
      await typeInto(page, 'Data postanowienia', formatPolishDate(addDays(today, -3)), dialog);
      await button(dialog, 'Zapisz postanowienie').focus();
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await section.getByText('III Nsm 12/26').waitFor();
      await shot(app, 'records-07-court-order');
      await button(page, 'Złóż wniosek o asystenta rodziny').focus();
      await page.keyboard.press('Enter');
      const request = page.getByRole('dialog', { name: 'Wniosek o asystenta rodziny' });
      await typeInto(page, 'Uzasadnienie wniosku', 'Postanowienie sądu III Nsm 12/26.', request);
      await button(request, 'Złóż wniosek o asystenta rodziny').focus();
      await page.keyboard.press('Enter');
      await request.waitFor({ state: 'detached' });
      expect((await invoke('cases:get', { id: courtCaseId })).requests.map((r) => [r.kind, r.status])).toEqual([['court_obliged', 'pending']]);
      await logOut(page);
      await logIn(page, HEAD.login, HEAD.password);
      // The kierownik's "Moje zadania" lists the decisions waiting for her, this one among them.
      const courtCase = await invoke('cases:get', { id: courtCaseId });
      await page.getByRole('row').filter({ hasText: courtCase.number }).getByText('Decyzja o asystencie', { exact: true }).waitFor();
    } catch (error) {
      await app.screenshot('records-failure-6').catch(() => undefined);
      throw error;
    }
  }, 120_000);

  it('the assistant plans a visit; it is on her tray with its day and kind until she records it', async () => {
    const { page } = app;
    try {
      await logOut(page);
      await logIn(page, ASSISTANT2.login, ASSISTANT2.password);
      await openCase(page);
      await tab(page, 'Praca z rodziną').click();
      await tab(page, 'Wizyty').click();
      const plan = page.getByRole('form', { name: 'Zaplanuj wizytę' });
      await typeInto(page, 'Dzień wizyty', formatPolishDate(today), plan);
      await field(plan, 'Rodzaj').selectOption({ label: 'Spotkanie w innym miejscu (szkoła, poradnia, urząd)' });
      await typeInto(page, 'Miejsce wizyty', 'Szkoła Podstawowa w Pyrzycach', plan);
      await page.keyboard.press('Enter');
      const planned = page.getByRole('region', { name: 'Zaplanowane wizyty' });
      await planned.getByText('Szkoła Podstawowa w Pyrzycach', { exact: false }).waitFor();
      await nav(page, 'Pulpit').click();
      await page.getByRole('row').filter({ hasText: 'Wizyta: poza domem, Szkoła Podstawowa w Pyrzycach' }).waitFor();
      await shot(app, 'records-08-planned-visit-on-tray');
      await openCase(page);
      await tab(page, 'Praca z rodziną').click();
      await tab(page, 'Wizyty').click();
      await button(page, `Zapisz odbytą wizytę z ${formatPolishDate(today)}`).focus();
      await page.keyboard.press('Enter');
      const record = page.getByRole('form', { name: 'Nowa wizyta' });
      expect(await field(record, 'Miejsce').inputValue()).toBe('Szkoła Podstawowa w Pyrzycach');
      await typeInto(page, 'Uczestnicy', 'Matka, pedagog szkolny', record);
      await typeInto(page, 'Tematy rozmowy', 'Frekwencja syna.', record);
      await button(record, 'Zapisz wizytę').focus();
      await page.keyboard.press('Enter');
      await page.getByRole('article').filter({ hasText: 'Matka, pedagog szkolny' }).waitFor();
      expect((await invoke('work:get', { caseId })).plannedVisits).toEqual([]);
      await logOut(page);
      await logIn(page, HEAD.login, HEAD.password);
    } catch (error) {
      await app.screenshot('records-failure-7').catch(() => undefined);
      throw error;
    }
  }, 120_000);

  it('the settings keep the caseload limit at most 15 and show the wywiad terms as law, with their citation', async () => {
    const { page } = app;
    try {
      await nav(page, 'Ustawienia').click();
      await heading(page, 'Ustawienia').waitFor();
      await page.getByText('§ 3 rozporządzenia MRiPS z 8.04.2021', { exact: false }).waitFor();
      expect(await page.getByLabel(/^Termin wywiadu/).count()).toBe(0);
      await typeInto(page, 'Limit rodzin na asystenta', '16');
      await page.keyboard.press('Enter');
      await page.getByText('najwięcej 15', { exact: false }).first().waitFor();
      await shot(app, 'records-04-cap');
      expect((await invoke('app:status', {})).settings?.caseloadLimit).toBe(15);
      await logOut(page);
    } catch (error) {
      await app.screenshot('records-failure-3').catch(() => undefined);
      throw error;
    }
  }, 120_000);
});
