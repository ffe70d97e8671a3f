/**
 * The case process end to end (issue 4), as the people of an office meet it: a social worker
 * records a report about a family (with a duplicate hint for a person already in the records),
 * conducts the interview with the live income test (and meets a conflicting save), analyses
 * the situation and files a request for an assistant; the kierownik assigns an assistant from
 * the queue, seeing the caseloads; the assistant then sees the family, and only that family.
 *
 * The office, its users and one earlier case are set up through the backend directly (faster
 * than clicking); everything the issue is about is done through the UI. Screenshots go to
 * test-results/e2e/case-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeInput } from '../../shared/cases';
import { formatPolishDate } from '../../shared/domain/dates';
import { makePesel } from '../../shared/domain/pesel';
import { ManualClock } from '../../electron/clock';
import { HEAD, OFFICE } from '../support/backend';
import { launchApp, type AppHandle } from './harness';
import { button, caseHeader, choose, field, heading, invoker, logIn, logOut, nav, shot, typeDate } from './ui';

const WORKER = { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: 'Pracownik-2026!' };
const ASSISTANT = { firstName: 'Bożena', lastName: 'Wiśniewska', login: 'bwisniewska', password: 'Asystentka-2026!' };

const MOTHER = { pesel: makePesel('1991-04-17', 'F', 211), firstName: 'Małgorzata', lastName: 'Żółć', born: '17.04.1991' };
const CHILD = { pesel: makePesel('2015-09-03', 'M', 42), firstName: 'Kacper', lastName: 'Żółć' };
const PARTNER = { firstName: 'Ołeksandr', lastName: 'Szewczenko', born: '30.01.1988', passport: 'FX1234567' };
/** Already in the records, from an earlier case: the intake must offer her instead of a duplicate. */
const GRANDMOTHER = { pesel: makePesel('1962-11-05', 'F', 7), firstName: 'Halina', lastName: 'Żółć', birthDate: '1962-11-05' };

const person = (page: Page, n: number) => page.getByRole('group', { name: `Osoba ${n}`, exact: true });
/** Text as a person reads it: formatZl's non-breaking spaces as plain ones. */
const plain = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');

describe('the case process: from the report to an assigned family assistant', () => {
  let app: AppHandle;
  let otherCaseId = '';

  const invoke = invoker(() => app);

  beforeAll(async () => {
    // The backend takes "today" from its clock in UTC, the page from Warsaw's calendar: start the
    // clock at noon of Warsaw's today, so that both agree on the date even just after midnight.
    const warsawToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());
    app = await launchApp({ clock: new ManualClock(`${warsawToday}T12:00:00.000Z`) });
    await invoke('setup:create', { office: OFFICE, head: HEAD });
    await invoke('session:login', { login: HEAD.login, password: HEAD.password });
    const worker = await invoke('users:create', { ...WORKER, roles: ['social_worker'] });
    await invoke('users:create', { ...ASSISTANT, roles: ['family_assistant'] });
    // An earlier case of another family, led by the same worker; the assistant is never assigned to it.
    const today = app.clock.now().toISOString().slice(0, 10);
    const earlier: IntakeInput = {
      reportedOn: today,
      source: 'police',
      report: 'Interwencja domowa, w mieszkaniu dzieci bez opieki.',
      urgent: true,
      family: { kind: 'family', street: 'ul. Leśna 8', postalCode: '74-202', city: 'Bielice', rural: false },
      members: [
        { relation: 'applicant', inHousehold: true, person: { pesel: GRANDMOTHER.pesel, firstName: GRANDMOTHER.firstName, lastName: GRANDMOTHER.lastName, birthDate: GRANDMOTHER.birthDate, sex: 'F' } },
      ],
      workerId: worker.id,
    };
    otherCaseId = (await invoke('cases:create', earlier)).id;
    await invoke('session:logout', {});
    await app.page.reload();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('walks one family from the report to the assistant, through the UI', async () => {
    try {
      await walkThrough();
    } catch (error) {
      // Where it stopped, for whoever reads the failure.
      await app.screenshot('case-failure').catch(() => undefined);
      throw error;
    }
  }, 300_000);

  async function walkThrough(): Promise<void> {
    const { page } = app;

    // --- The social worker records the report ------------------------------------------------
    await logIn(page, WORKER.login, WORKER.password);
    await nav(page, 'Nowe zgłoszenie').click();
    await heading(page, 'Nowe zgłoszenie').waitFor();
    // An empty form is answered field by field, in Polish, before anything is sent.
    await button(page, 'Zarejestruj zgłoszenie').click();
    await page.getByText('Formularz zawiera błędy — popraw pola oznaczone na czerwono.').waitFor();
    for (const message of ['Wybierz, od kogo pochodzi informacja.', 'Kod pocztowy ma postać 00-000.', 'Wpisz numer PESEL albo zaznacz „Osoba bez numeru PESEL”.']) {
      await page.getByText(message).waitFor();
    }
    await shot(app, 'case-00-intake-errors');
    await choose(page, page, 'Od kogo pochodzi informacja', 'Szkoła lub przedszkole');
    await field(page, 'Szczegóły źródła').fill('Szkoła Podstawowa w Bielicach, pedagog');
    await field(page, 'Treść zgłoszenia').fill('Syn często opuszcza zajęcia i przychodzi głodny. Matka nie odbiera telefonów ze szkoły.');

    // The draft survives leaving the screen (and so a lock or a crash).
    await page.waitForTimeout(1_600);
    await nav(page, 'Sprawy').click();
    await heading(page, 'Sprawy').waitFor();
    await nav(page, 'Nowe zgłoszenie').click();
    await page.getByText('Przywrócono niezapisany szkic z').waitFor();
    expect(await field(page, 'Treść zgłoszenia').inputValue()).toContain('Syn często opuszcza zajęcia');
    await shot(app, 'case-01-intake-draft-restored');

    await field(page, 'Ulica i numer').fill('ul. Polna 3');
    await field(page, 'Kod pocztowy').fill('74202');
    await field(page, 'Miejscowość').fill('Bielice');
    expect(await field(page, 'Kod pocztowy').inputValue()).toBe('74-202');
    await field(page, 'Rodzina mieszka na wsi lub ma gospodarstwo rolne').check();
    await field(page, 'Gospodarstwo rolne (hektary przeliczeniowe)').fill('2,5');
    await field(page, 'Warunki mieszkaniowe').fill('Dom jednorodzinny, 2 pokoje, ogrzewanie piecowe.');

    // Person 1: the mother, with PESEL: a wrong one is answered at once, a right one fills the birth date.
    const mother = person(page, 1);
    await field(mother, 'PESEL').fill(`${MOTHER.pesel.slice(0, 10)}${(Number(MOTHER.pesel[10]) + 1) % 10}`);
    await mother.getByText('Nieprawidłowa cyfra kontrolna PESEL.').waitFor();
    await field(mother, 'PESEL').fill(MOTHER.pesel);
    await mother.getByText(`Numer poprawny: ur. ${MOTHER.born}, kobieta.`).waitFor();
    expect(await field(mother, 'Data urodzenia').inputValue()).toBe(MOTHER.born);
    await field(mother, 'Imię').fill(MOTHER.firstName);
    await field(mother, 'Nazwisko').fill(MOTHER.lastName);
    await field(mother, 'Telefon').fill('600 100 200');

    // Person 2: the child.
    await button(page, 'Dodaj osobę').click();
    const child = person(page, 2);
    await choose(page, child, 'Kim jest w rodzinie', 'Dziecko');
    expect(await child.getByRole('combobox', { name: 'Gdzie przebywa dziecko' }).inputValue()).toBe('W domu rodzinnym');
    await field(child, 'PESEL').fill(CHILD.pesel);
    await field(child, 'Imię').fill(CHILD.firstName);
    await field(child, 'Nazwisko').fill(CHILD.lastName);

    // Person 3: the mother's partner, without PESEL: a passport instead.
    await button(page, 'Dodaj osobę').click();
    const partner = person(page, 3);
    await choose(page, partner, 'Kim jest w rodzinie', 'Partner / partnerka');
    await field(partner, 'Osoba bez numeru PESEL').check();
    await choose(page, partner, 'Rodzaj dokumentu', 'Paszport');
    await field(partner, 'Numer dokumentu').fill(PARTNER.passport);
    await field(partner, 'Imię').fill(PARTNER.firstName);
    await field(partner, 'Nazwisko').fill(PARTNER.lastName);
    await typeDate(partner, 'Data urodzenia', PARTNER.born);
    await field(partner, 'Mężczyzna').check();
    await field(partner, 'Obywatelstwo').fill('ukraińskie');

    // Person 4: the grandmother, already in the records: the hint offers her instead of a new person.
    await button(page, 'Dodaj osobę').click();
    const grandmother = person(page, 4);
    await choose(page, grandmother, 'Kim jest w rodzinie', 'Dziadek / babcia');
    await field(grandmother, 'Prowadzi wspólne gospodarstwo domowe').uncheck();
    await field(grandmother, 'PESEL').fill(GRANDMOTHER.pesel);
    await field(grandmother, 'PESEL').press('Tab');
    const hint = grandmother.getByText(
      `Ta osoba jest już w bazie: ${GRANDMOTHER.firstName} ${GRANDMOTHER.lastName}, ur. ${formatPolishDate(GRANDMOTHER.birthDate)}, PESEL …${GRANDMOTHER.pesel.slice(-4)}`,
    );
    await hint.waitFor();
    await hint.scrollIntoViewIfNeeded();
    await shot(app, 'case-02-intake-duplicate-hint');
    await button(grandmother, /^Użyj tej osoby/).click();
    await grandmother.getByText('Osoba z bazy ośrodka').waitFor();
    await shot(app, 'case-03-intake-filled');
    // The grandmother's earlier case is open: not a second case silently (issue 15, item 8).
    await page.getByRole('status').filter({ hasText: 'Osoba z tego zgłoszenia ma otwartą sprawę' }).getByText(`prowadzi: ${WORKER.firstName} ${WORKER.lastName}`, { exact: false }).waitFor();
    await page.getByLabel('Mimo to zakładam drugą, osobną sprawę').check();

    await button(page, 'Zarejestruj zgłoszenie').click();
    await heading(page, `${MOTHER.lastName} ${MOTHER.firstName}`).waitFor();
    await page.getByText('Zarejestrowano sprawę').first().waitFor();
    const caseId = (await invoke('cases:list', {})).rows.find((c) => c.familyName === `${MOTHER.lastName} ${MOTHER.firstName}`)?.id ?? '';
    expect(caseId).not.toBe('');
    const header = caseHeader(page);
    expect(await page.getByText('Termin wywiadu środowiskowego').first().isVisible()).toBe(true);
    expect(await header.textContent()).toContain(`${WORKER.firstName} ${WORKER.lastName}`);
    // The draft is gone once the case exists.
    expect(await invoke('drafts:get', { key: 'intake:new' })).toBeNull();
    const members = page.getByRole('tabpanel');
    for (const text of [MOTHER.pesel, CHILD.pesel, `Paszport ${PARTNER.passport}`, GRANDMOTHER.pesel]) {
      await members.getByText(text).waitFor();
    }
    await shot(app, 'case-04-case-file');

    // --- The interview -------------------------------------------------------------------------
    await button(page, 'Rozpocznij wywiad').click();
    await heading(page, 'Wywiad środowiskowy').waitFor();
    const missingPanel = page.getByText('Do zakończenia wywiadu brakuje:');
    await missingPanel.waitFor();
    await typeDate(page, 'Data wywiadu', formatPolishDate(app.clock.now().toISOString().slice(0, 10)));
    await field(page, 'Miejsce wywiadu').fill('Mieszkanie rodziny');
    await field(page, 'Skład rodziny i wspólne gospodarstwo domowe — opis').fill('Matka, syn (10 lat), partner matki. Babcia mieszka osobno.');
    // Completing with parts missing: the summary names them and offers only going back (Escape).
    await button(page, 'Zakończ wywiad').click();
    const summary = page.getByRole('dialog', { name: 'Zakończyć wywiad środowiskowy?' });
    const refusal = summary.getByRole('alert').filter({ hasText: 'Nie można jeszcze zakończyć' });
    await refusal.waitFor();
    for (const code of ['I.H', 'I.I', 'I.J']) expect(await refusal.textContent()).toContain(`Nie wypełniono obowiązkowej części ${code}`);
    expect(await button(summary, 'Zakończ wywiad').count()).toBe(0);
    await shot(app, 'case-05-interview-refused');
    await page.keyboard.press('Escape');
    await summary.waitFor({ state: 'detached' });

    await field(page, 'Potrzeby i oczekiwania zgłaszane przez osobę lub rodzinę').fill('Pomoc w organizacji opieki nad synem i w kontaktach ze szkołą.');
    await field(page, 'Ocena sytuacji (diagnoza)').fill('Bezradność w sprawach opiekuńczo-wychowawczych; matka chce współpracować.');
    await field(page, 'Wnioski').fill('Wskazane wsparcie asystenta rodziny.');
    await field(page, 'Planowana pomoc i działania').fill('Wniosek o asystenta rodziny, kontakt z pedagogiem szkolnym.');
    await page.getByText('Obowiązkowe części wypełnione').waitFor();

    // Locking at once, before any autosave: the typing waits in the encrypted draft and comes back.
    await field(page, 'Wykształcenie i zawód członków rodziny').fill('Matka: wykształcenie zawodowe, sprzedawczyni.');
    await button(page, 'Zablokuj').click();
    await heading(page, 'Sesja zablokowana').waitFor();
    await field(page, 'Hasło').fill(WORKER.password);
    await button(page, 'Odblokuj').click();
    await page.getByText('Przywrócono niezapisane zmiany z').waitFor();
    expect(await field(page, 'Wykształcenie i zawód członków rodziny').inputValue()).toBe('Matka: wykształcenie zawodowe, sprzedawczyni.');
    expect(await field(page, 'Planowana pomoc i działania').inputValue()).toContain('Wniosek o asystenta rodziny');

    // Documents: the mother's ID card was shown.
    await button(page, new RegExp(`^${MOTHER.firstName} ${MOTHER.lastName}`)).click();
    await page.getByRole('radiogroup', { name: 'Dowód osobisty lub inny dokument tożsamości' }).first().getByLabel('Dostarczono').check();

    // Income: the mother's pay, and 800+ which is not counted; the farm of 2.5 ha is.
    await button(page, 'Dodaj dochód').click();
    const pay = page.getByRole('group', { name: 'Dochód 1', exact: true });
    await choose(page, pay, 'Źródło dochodu', 'Wynagrodzenie ze stosunku pracy');
    await field(pay, 'Kwota brutto').fill('3000');
    await field(pay, 'Podatek dochodowy').fill('200');
    await field(pay, 'Składki na ubezpieczenia').fill('400');
    await field(pay, 'Składki na ubezpieczenia').press('Tab');
    // What was read is shown back in full: grosze and grouped thousands.
    expect(await field(pay, 'Kwota brutto').inputValue()).toBe('3 000,00');
    await button(page, 'Dodaj dochód').click();
    const benefit = page.getByRole('group', { name: 'Dochód 2', exact: true });
    await choose(page, benefit, 'Źródło dochodu', 'Świadczenie wychowawcze (800+)');
    await field(benefit, 'Kwota brutto').fill('800');
    const result = page.getByRole('region', { name: 'Wynik testu dochodowego' });
    // (3000 − 200 − 400) + 2.5 ha × 459 zł = 3547.50 zł for 3 persons in the household.
    await result.getByText('Przekracza kryterium dochodowe').waitFor();
    const resultText = plain(await result.textContent());
    expect(resultText).toContain('1 182,50 zł');
    expect(resultText).toContain('823,00 zł');
    expect(resultText).toContain('143,68 %');
    expect(resultText).toContain('2 180,95 zł');
    expect(resultText).toContain('Świadczenie wychowawcze nie wlicza się do dochodu');
    expect(resultText).toContain('2,5 ha × 459,00 zł = 1 147,50 zł');
    await result.scrollIntoViewIfNeeded();
    await shot(app, 'case-06-interview-income');

    await button(page, 'Zapisz szkic').click();
    await page.getByText(/^Zapisano o /).waitFor();

    // Someone else saves the same interview meanwhile: the next save is a conflict, nothing is overwritten.
    const interviewId = (await invoke('cases:get', { id: caseId })).interviews[0]?.id ?? '';
    const theirs = await invoke('interviews:get', { id: interviewId });
    await invoke('interviews:save', {
      id: interviewId,
      expectedVersion: theirs.version,
      conductedOn: theirs.conductedOn,
      place: 'Siedziba ośrodka',
      segments: theirs.segments,
      documents: theirs.documents,
      income: theirs.income,
    });
    await field(page, 'Miejsce wywiadu').fill('Mieszkanie rodziny, ul. Polna 3');
    await button(page, 'Zapisz szkic').click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Ktoś inny zapisał ten wywiad w międzyczasie' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Twoje zmiany nie zostały zapisane');
    await shot(app, 'case-07-interview-conflict');
    await button(conflict, 'Zachowaj moją wersję').click();
    await conflict.waitFor({ state: 'detached' });
    expect((await invoke('interviews:get', { id: interviewId })).place).toBe('Mieszkanie rodziny, ul. Polna 3');

    // The summary shows the income result as saved; Enter confirms.
    await button(page, 'Zakończ wywiad').click();
    const confirm = page.getByRole('dialog', { name: 'Zakończyć wywiad środowiskowy?' });
    await confirm.getByText('przekracza kryterium dochodowe', { exact: false }).waitFor();
    expect(await button(confirm, 'Zakończ wywiad').evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText('Wywiad środowiskowy zakończony').first().waitFor();
    await caseHeader(page).getByText('Analiza sytuacji rodziny').waitFor();
    // The wywiad is done: its term is no longer one to watch in the header.
    expect(await caseHeader(page).getByText('Termin wywiadu środowiskowego').count()).toBe(0);

    // --- Analysis and the request -----------------------------------------------------------------
    await button(page, 'Analiza sytuacji rodziny').click();
    await heading(page, 'Analiza sytuacji rodziny').waitFor();
    // Without the family's consent the request cannot be filed, and the screen says why.
    await page.getByText('Nie można złożyć wniosku o asystenta: brak zgody rodziny (ani postanowienia sądu zobowiązującego rodzinę do pracy z asystentem).').first().waitFor();
    await page.getByRole('combobox', { name: 'Przesłanki pomocy (art. 7 ustawy o pomocy społecznej)' }).click();
    await page.getByRole('option', { name: 'Bezradność w sprawach opiekuńczo-wychowawczych i prowadzenia gospodarstwa domowego' }).click();
    await page.keyboard.press('Escape');
    await field(page, 'Mocne strony rodziny').fill('Matka chce współpracować, syn jest związany z rodziną.');
    await field(page, 'Zasoby rodziny i otoczenia').fill('Babcia mieszka w pobliżu; pedagog szkolny.');
    await field(page, 'Wnioski z analizy').fill('Rodzina potrzebuje wsparcia asystenta rodziny.');
    await typeDate(page, 'Data zgody rodziny na współpracę z asystentem rodziny', formatPolishDate(app.clock.now().toISOString().slice(0, 10)));
    await button(page, 'Zapisz analizę').click();
    await page.getByText('Zapisano analizę sytuacji rodziny').first().waitFor();
    await page.getByText('Nie można złożyć wniosku o asystenta: brak zgody rodziny (ani postanowienia sądu zobowiązującego rodzinę do pracy z asystentem).').waitFor({ state: 'detached' });
    await field(page, 'Uzasadnienie wniosku').fill('Bezradność w sprawach opiekuńczo-wychowawczych; rodzina wyraziła zgodę na współpracę z asystentem.');
    await shot(app, 'case-08-analysis');
    await button(page, 'Złóż wniosek o asystenta rodziny').click();
    await caseHeader(page).getByText('Wniosek o asystenta rodziny').waitFor();
    await page.getByText('Wniosek o asystenta rodziny czeka na decyzję kierownika ośrodka.').waitFor();
    await shot(app, 'case-09-request-filed');
    // The report, the analysis and the request: one tab of the case file, with a section each.
    await page.getByRole('tab', { name: 'Zgłoszenie i wniosek', exact: true }).click();
    await page.getByRole('tab', { name: 'Wnioski o asystenta', exact: true }).click();
    await page.getByRole('tabpanel').getByText('rodzina wyraziła zgodę na współpracę z asystentem', { exact: false }).waitFor();
    await page.getByRole('tab', { name: 'Analiza sytuacji rodziny', exact: true }).click();
    await page.getByRole('tabpanel').getByText('Babcia mieszka w pobliżu; pedagog szkolny.').waitFor();
    await shot(app, 'case-09b-report-and-request-tab');

    // The chronology: a note of a visit, marked as significant for a court's opinion; and the case's register.
    await page.getByRole('tab', { name: /^Chronologia/ }).click();
    await button(page, 'Dodaj notatkę').click();
    const note = page.getByRole('dialog');
    await field(note, 'Wizyta').check();
    await field(note, 'Tytuł').fill('Wizyta w domu rodziny');
    await field(note, 'Opis').fill('Matka obecna, syn w szkole. Uzgodniono kontakt z pedagogiem.');
    await button(note, 'Dodaj wpis').click();
    const visit = page.getByRole('listitem').filter({ hasText: 'Wizyta w domu rodziny' });
    await visit.waitFor();
    await button(visit, 'Istotne dla opinii sądowej').click();
    await expect.poll(() => button(visit, 'Istotne dla opinii sądowej').getAttribute('aria-pressed')).toBe('true');
    await field(page, 'Pokaż tylko wpisy istotne dla opinii sądowej').check();
    await visit.waitFor();
    await shot(app, 'case-10-chronology');
    await page.getByRole('tab', { name: 'Zmiany', exact: true }).click();
    for (const event of ['Przyjęcie zgłoszenia', 'Zakończenie wywiadu', 'Wniosek o asystenta rodziny', 'Wpis w chronologii']) {
      await page.getByRole('tabpanel').getByText(event, { exact: true }).first().waitFor();
    }
    await shot(app, 'case-11-change-register');
    await logOut(page);

    // --- The kierownik decides ---------------------------------------------------------------------
    await logIn(page, HEAD.login, HEAD.password);
    // A kierownik who is not a social worker gives a new report to one.
    await nav(page, 'Nowe zgłoszenie').click();
    await page.getByRole('combobox', { name: 'Pracownik socjalny prowadzący sprawę' }).click();
    await page.getByRole('option', { name: `${WORKER.firstName} ${WORKER.lastName}`, exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await nav(page, /^Wnioski o asystenta, oczekujące: 1$/).click();
    await heading(page, 'Wnioski o asystenta rodziny').waitFor();
    await page.getByRole('row').filter({ hasText: `${MOTHER.lastName} ${MOTHER.firstName}` }).waitFor();
    await shot(app, 'case-12-queue');
    await button(page, /^Zdecyduj/).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('0 / 15 rodzin').waitFor();
    const chosen = dialog.getByLabel(new RegExp(`^${ASSISTANT.firstName} ${ASSISTANT.lastName}`));
    await chosen.check();
    expect(await chosen.isChecked()).toBe(true);
    await page.waitForTimeout(300); // the radio's check animation, for the screenshot only
    await shot(app, 'case-13-decision');
    await button(dialog, 'Zapisz decyzję').click();
    await page.getByText('Żaden wniosek nie czeka na decyzję.').waitFor();
    await page.getByText(`${ASSISTANT.firstName} ${ASSISTANT.lastName}: 1 / 15 rodzin`).waitFor();
    await nav(page, 'Wnioski o asystenta').waitFor();
    await shot(app, 'case-14-queue-done');
    await logOut(page);

    // --- The assistant sees the family, and only it -------------------------------------------------
    await logIn(page, ASSISTANT.login, ASSISTANT.password);
    expect(await nav(page, 'Nowe zgłoszenie').count()).toBe(0);
    await nav(page, 'Sprawy').click();
    await heading(page, 'Sprawy').waitFor();
    const rows = page.getByRole('row').filter({ hasText: 'Bielice' });
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(`${MOTHER.lastName} ${MOTHER.firstName}`);
    await shot(app, 'case-15-assistant-cases');
    await rows.first().getByRole('button').first().click();
    await heading(page, `${MOTHER.lastName} ${MOTHER.firstName}`).waitFor();
    await page.getByText('Niektóre części wywiadu środowiskowego, np. sytuacja zdrowotna, są dla Ciebie ukryte.').first().waitFor();
    expect(await caseHeader(page).textContent()).toContain(`${ASSISTANT.firstName} ${ASSISTANT.lastName}`);
    await shot(app, 'case-16-assistant-file');

    // The interview, read-only and without the parts art. 16 u.w.r. does not give her (health, other).
    await page.getByRole('tab', { name: 'Wywiady' }).click();
    await button(page.getByRole('tabpanel'), 'Otwórz').click();
    await heading(page, 'Wywiad środowiskowy').waitFor();
    await page.getByText('Wywiad zakończony', { exact: true }).waitFor();
    expect(await page.getByText('Sytuacja zdrowotna', { exact: true }).count()).toBe(0);
    // Read as text, not as greyed-out inputs.
    await page.getByText('Wniosek o asystenta rodziny, kontakt z pedagogiem szkolnym.').waitFor();
    expect(await page.getByRole('main').getByRole('textbox').count()).toBe(0);
    expect(await button(page, 'Zapisz szkic').count()).toBe(0);
    await page.getByRole('region', { name: 'Wynik testu dochodowego' }).getByText('Przekracza kryterium dochodowe').waitFor();
    await shot(app, 'case-17-assistant-interview');

    // Another family's case, asked for by its id straight through the bridge: refused by the main process.
    const answer = await page.evaluate((id) => window.asysta['cases:get']({ id }), otherCaseId);
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Nie masz uprawnień do tej sprawy.' } });
    await logOut(page);

    // --- While aid continues, the worker updates the wywiad (Part IV) from its last answers --------
    await logIn(page, WORKER.login, WORKER.password);
    await nav(page, 'Sprawy').click();
    await page.getByRole('row').filter({ hasText: `${MOTHER.lastName} ${MOTHER.firstName}` }).getByRole('button').first().click();
    await heading(page, `${MOTHER.lastName} ${MOTHER.firstName}`).waitFor();
    await page.getByRole('tab', { name: 'Wywiady' }).click();
    await page.getByText(/^Następna aktualizacja wywiadu: do /).waitFor();
    await button(page, 'Rozpocznij aktualizację wywiadu').click();
    await heading(page, 'Aktualizacja wywiadu środowiskowego').waitFor();
    expect(await field(page, 'Planowana pomoc i działania').inputValue()).toBe('Wniosek o asystenta rodziny, kontakt z pedagogiem szkolnym.');
    await typeDate(page, 'Data wywiadu', formatPolishDate(app.clock.now().toISOString().slice(0, 10)));
    await button(page, 'Zakończ aktualizację').click();
    const updateSummary = page.getByRole('dialog', { name: 'Zakończyć aktualizację wywiadu?' });
    await updateSummary.getByRole('alert').filter({ hasText: 'Nie opisano w części IV' }).waitFor();
    await page.keyboard.press('Escape');
    await updateSummary.waitFor({ state: 'detached' });
    await field(page, 'Zmiany w sytuacji osoby lub rodziny').fill('Rodzina otrzymała asystenta; syn chodzi do szkoły regularnie.');
    await shot(app, 'case-17u-interview-update');
    await button(page, 'Zakończ aktualizację').click();
    await button(updateSummary, 'Zakończ aktualizację').waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Aktualizacja wywiadu zakończona').first().waitFor();
    await page.getByRole('row').filter({ hasText: 'Aktualizacja wywiadu' }).getByText('Zakończony').waitFor();
  }

  it('returns a request with a reason, and gives a minor parent an assistant straight after the interview', async () => {
    try {
      await returnAndAssignMinorParent();
    } catch (error) {
      await app.screenshot('case-failure').catch(() => undefined);
      throw error;
    }
  }, 180_000);

  async function returnAndAssignMinorParent(): Promise<void> {
    const { page } = app;
    const today = app.clock.now().toISOString().slice(0, 10);
    const segments = {
      'I.A': { familyComposition: 'Matka i córka.' },
      'I.H': { needs: 'Wsparcie w opiece nad dzieckiem.' },
      'I.I': { diagnosis: 'Trudności opiekuńczo-wychowawcze.', conclusions: 'Asystent rodziny.' },
      'I.J': { helpPlan: 'Asystent rodziny.' },
    };
    const intake = (lastName: string, firstName: string, birthDate: string, serial: number, minorParent: boolean): IntakeInput => ({
      reportedOn: today,
      source: minorParent ? 'court' : 'school',
      report: minorParent ? 'Małoletnia matka opuszcza młodzieżowy ośrodek wychowawczy.' : 'Córka opuszcza zajęcia.',
      urgent: false,
      minorParent,
      family: { kind: 'family', street: 'ul. Łąkowa 1', postalCode: '74-202', city: 'Bielice', rural: false },
      members: [{ relation: 'applicant', inHousehold: true, person: { pesel: makePesel(birthDate, 'F', serial), firstName, lastName, birthDate, sex: 'F' } }],
    });
    async function throughInterview(input: IntakeInput): Promise<string> {
      const { id } = await invoke('cases:create', input);
      const { interviewId } = await invoke('cases:startInterview', { caseId: id });
      const saved = await invoke('interviews:save', { id: interviewId, expectedVersion: 1, conductedOn: today, place: 'Dom rodziny', segments, documents: {}, income: { items: [] } });
      await invoke('interviews:complete', { id: interviewId, expectedVersion: saved.version });
      return id;
    }

    // The worker's part through the backend: one request for an assistant, one minor parent after the interview.
    await invoke('session:logout', {});
    await invoke('session:login', { login: WORKER.login, password: WORKER.password });
    const returnedCase = await throughInterview(intake('Kowalczyk', 'Ewa', '1985-03-03', 31, false));
    await invoke('analysis:save', { caseId: returnedCase, reasons: ['parenting_helplessness'], strengths: '', resources: '', conclusions: 'Asystent.', consentOn: today });
    await invoke('requests:file', { caseId: returnedCase, justification: 'Trudności opiekuńczo-wychowawcze.' });
    const minorCase = await throughInterview(intake('Mała', 'Julia', '2009-06-01', 5, true));
    await invoke('session:logout', {});
    await page.reload();

    // The kierownik returns the request, with a reason the worker will see.
    await logIn(page, HEAD.login, HEAD.password);
    await nav(page, /^Wnioski o asystenta/).click();
    await page.getByRole('row').filter({ hasText: 'Kowalczyk Ewa' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Kowalczyk Ewa' }).getByRole('button', { name: /^Zdecyduj/ }).click();
    const dialog = page.getByRole('dialog');
    await field(dialog, 'Zwracam wniosek pracownikowi socjalnemu').check();
    await button(dialog, 'Zapisz decyzję').click();
    await dialog.getByText('Uzasadnienie zwrotu: pole jest wymagane.').waitFor();
    await field(dialog, 'Uzasadnienie zwrotu').fill('Proszę uzupełnić analizę o zasoby rodziny i otoczenia.');
    await button(dialog, 'Zapisz decyzję').click();
    await dialog.waitFor({ state: 'detached' });

    // The minor parent: the wywiad's completion put her in the kierownik's queue (art. 11 u.w.r.);
    // the kierownik assigns an assistant and cannot return the case or refer it elsewhere.
    const minorRow = page.getByRole('row').filter({ hasText: 'Mała Julia' });
    await minorRow.getByText('przydział obowiązkowy', { exact: false }).waitFor();
    await minorRow.getByRole('button', { name: /^Zdecyduj/ }).click();
    const assign = page.getByRole('dialog');
    await assign.getByText(/\d+ \/ 15 rodzin/).first().waitFor();
    expect(await assign.getByLabel('Zwracam wniosek pracownikowi socjalnemu').count()).toBe(0);
    expect(await assign.getByLabel(/^Przekazuję do jednostki gminy/).count()).toBe(0);
    await assign.getByText('Przydział jest obowiązkowy', { exact: false }).waitFor();
    await assign.getByLabel(new RegExp(`^${ASSISTANT.firstName} ${ASSISTANT.lastName}`)).check();
    await page.waitForTimeout(300); // the radio's check animation, for the screenshot only
    await shot(app, 'case-18-minor-parent-assign');
    await button(assign, 'Zapisz decyzję').click();
    await page.getByText('Żaden wniosek nie czeka na decyzję.').waitFor();
    expect((await invoke('cases:get', { id: minorCase })).status).toBe('ASSISTANT_ASSIGNED');
    await logOut(page);

    // The worker sees why the request came back, where she improves the analysis: first on her tray, with a term.
    await logIn(page, WORKER.login, WORKER.password);
    await page.getByText('Wniosek zwrócony: Proszę uzupełnić analizę o zasoby rodziny i otoczenia.', { exact: false }).first().waitFor();
    await shot(app, 'case-18b-returned-request-on-tray');
    await nav(page, 'Sprawy').click();
    await page.getByRole('row').filter({ hasText: 'Kowalczyk Ewa' }).getByRole('button').first().click();
    await button(page, 'Analiza sytuacji rodziny').click();
    await page.getByText('Proszę uzupełnić analizę o zasoby rodziny i otoczenia.').waitFor();
    await page.getByText('Kierownik zwrócił wniosek o asystenta', { exact: false }).waitFor();
    expect((await invoke('cases:get', { id: returnedCase })).status).toBe('ANALYSIS');
    await shot(app, 'case-19-returned-request');
  }
});
