/**
 * Issue 15, items 6 and 13, driven by the keyboard as a worker would: the social worker takes the
 * oświadczenie o stanie majątkowym in the wywiad, opens the summary before "Zakończ wywiad" (what
 * will be locked, the income test, what is missing), goes back with Escape, confirms with Enter and
 * prints the completed wywiad; the kierownik hands the family to another assistant, chooses to give
 * the reason, and prints the family's letter from the case screen. The system PDF viewer is a stub
 * recording the files; their text is read back. Screenshots: test-results/e2e/letters-*.png.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/clock';
import { mondayOf, weekdayName } from '../../shared/calendar';
import { addDays, formatPolishDate } from '../../shared/domain/dates';
import { formatDateLong } from '../../shared/polish';
import { HEAD } from '../support/backend';
import { MANDATORY_SEGMENTS } from '../support/case-flow';
import { readPdf } from '../integration/electron/pdf/pdf-helpers';
import { launchApp, type AppHandle } from './harness';
import { button, field, kowalczykReport, setUpOffice, heading, invoker, logIn, logOut, nav, region, shot, tab } from './ui';

const WORKER = { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: 'Pracownik-2026!' };
const ASSISTANT = { firstName: 'Bożena', lastName: 'Wiśniewska', login: 'bwisniewska', password: 'Asystentka-2026!' };
const ASSISTANT2 = { firstName: 'Celina', lastName: 'Mazur', login: 'cmazur', password: 'Asystentka-2026!' };
const FONT_DIR = fileURLToPath(new URL('../../electron/pdf/fonts', import.meta.url));
const WORKER_PATH = fileURLToPath(new URL('../../electron/pdf/worker.ts', import.meta.url));

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

/** Tabs to an element as a keyboard user does, then presses a key on it. */
async function press(page: Page, target: ReturnType<Page['getByRole']>, key: string): Promise<void> {
  await target.focus();
  await page.keyboard.press(key);
}

describe('the wywiad summary and the family letter', () => {
  let app: AppHandle;
  let caseId = '';
  let today = '';
  const opened: { path: string; mode: string; bytes: Buffer }[] = [];
  const invoke = invoker(() => app);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());
    app = await launchApp({
      clock: new ManualClock(`${today}T12:00:00.000Z`),
      prefix: 'letters',
      pdf: { pdfWorkerPath: WORKER_PATH, fontDir: FONT_DIR },
      openFile: async (path, mode) => {
        opened.push({ path, mode, bytes: readFileSync(path) });
      },
    });
    Object.assign(ids, await setUpOffice(invoke, [[WORKER, 'social_worker'], [ASSISTANT, 'family_assistant'], [ASSISTANT2, 'family_assistant']] as const));
    await invoke('users:update', { id: ids[ASSISTANT2.login] ?? '', firstName: ASSISTANT2.firstName, lastName: ASSISTANT2.lastName, roles: ['family_assistant'], active: true, officePhone: '91 555 20 20' });
    await invoke('session:logout', {});
    await invoke('session:login', { login: WORKER.login, password: WORKER.password });
    const created = await invoke('cases:create', kowalczykReport(today, 61));
    caseId = created.id;
    const { interviewId } = await invoke('cases:startInterview', { caseId });
    const marta = (await invoke('cases:get', { id: caseId })).family.members[0]?.person.id ?? '';
    // The questionnaire is typed elsewhere (case-process e2e); here: the statement and the completion.
    await invoke('interviews:save', {
      id: interviewId,
      expectedVersion: 1,
      conductedOn: today,
      place: 'Dom rodziny',
      segments: MANDATORY_SEGMENTS,
      documents: { [marta]: { id: 'received', salary: 'missing' } },
      income: { items: [{ personId: marta, source: 'employment', grossGr: 150_000, taxGr: 0, contributionsGr: 0, alimonyPaidGr: 0 }] },
    });
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

  it('the worker takes the oświadczenie, reviews the summary, completes the wywiad with the keyboard and prints it', async () => {
    const { page } = app;
    try {
      await logIn(page, WORKER.login, WORKER.password);
      await openCase(page);
      await press(page, button(page, 'Otwórz wywiad środowiskowy'), 'Enter');
      await heading(page, 'Wywiad środowiskowy').waitFor();

      // The statement: a checkbox toggled with Space, the declarant chosen, the flat described.
      const statement = region(page, 'Oświadczenie o stanie majątkowym');
      await press(page, statement.getByLabel('Osoba złożyła oświadczenie o stanie majątkowym'), 'Space');
      await field(statement, 'Oświadczenie składa').focus();
      await field(statement, 'Oświadczenie składa').selectOption({ label: 'Marta Kowalczyk' });
      await field(statement, 'Data podpisania oświadczenia').focus();
      await page.keyboard.type(formatPolishDate(today));
      await page.keyboard.press('Tab');
      await field(statement, 'Mieszkanie lub dom').focus();
      await page.keyboard.type('Mieszkanie komunalne, najem, 48 m².');
      await shot(app, 'letters-01-statement');

      // "Zakończ wywiad": saved first, then the summary of what the server has.
      await press(page, button(page, 'Zakończ wywiad'), 'Enter');
      const summary = page.getByRole('dialog', { name: 'Zakończyć wywiad środowiskowy?' });
      await summary.waitFor();
      const text = oneLine((await summary.textContent()) ?? '');
      expect(text).toMatch(/Dochód na osobę: 750,00\szł, to [\d,]+\s% kryterium/);
      expect(text).toContain('Po zakończeniu nie będzie można zmieniać');
      expect(text).toContain('oświadczenie o stanie majątkowym');
      expect(text).toContain('Brakujące dokumenty (Marta Kowalczyk): Zaświadczenie lub oświadczenie o wynagrodzeniu.');
      // The confirming button has the focus; Escape goes back and nothing is completed.
      expect(await button(summary, 'Zakończ wywiad').evaluate((element) => element === document.activeElement)).toBe(true);
      await shot(app, 'letters-02-summary');
      await page.keyboard.press('Escape');
      await summary.waitFor({ state: 'detached' });
      expect((await invoke('cases:get', { id: caseId })).interviews[0]?.status).toBe('draft');

      await press(page, button(page, 'Zakończ wywiad'), 'Enter');
      await button(summary, 'Zakończ wywiad').waitFor();
      await page.keyboard.press('Enter');
      await page.getByText('Wywiad środowiskowy zakończony').first().waitFor();
      expect((await invoke('cases:get', { id: caseId })).interviews[0]?.status).toBe('completed');

      // The completed wywiad is printed through the register, dated with its completion.
      await tab(page, 'Wywiady').click();
      await press(page, page.getByRole('row').filter({ hasText: 'Rodzinny wywiad środowiskowy' }).getByRole('button', { name: 'Otwórz' }), 'Enter');
      await press(page, button(page, 'Drukuj wywiad'), 'Enter');
      await expect.poll(() => opened.length, { timeout: 60_000 }).toBe(1);
      const record = opened.at(-1);
      expect(record?.mode).toBe('print');
      const recordText = oneLine((await readPdf(new Uint8Array(record?.bytes ?? Buffer.alloc(0)))).text);
      expect(recordText).toContain('RODZINNY WYWIAD ŚRODOWISKOWY');
      expect(recordText).toContain(`dnia ${oneLine(formatDateLong(today))}`);
      await press(page, button(page, 'Drukuj oświadczenie o stanie majątkowym'), 'Enter');
      await expect.poll(() => opened.length, { timeout: 60_000 }).toBe(2);
      const statementText = oneLine((await readPdf(new Uint8Array(opened[1]?.bytes ?? Buffer.alloc(0)))).text);
      expect(statementText).toContain('OŚWIADCZENIE O STANIE MAJĄTKOWYM');
      expect(statementText).toContain('Mieszkanie komunalne, najem, 48 m².');
      await shot(app, 'letters-03-printed');
      await logOut(page);
    } catch (error) {
      await app.screenshot('letters-failure').catch(() => undefined);
      throw error;
    }
  }, 180_000);

  it('the kierownik changes the assistant, gives the reason, and prints the family letter from the case screen', async () => {
    const { page } = app;
    try {
      // The request and the first assignment are made elsewhere (documents and records e2e).
      await invoke('session:login', { login: WORKER.login, password: WORKER.password });
      await invoke('analysis:save', { caseId, reasons: ['parenting_helplessness'], strengths: '', resources: '', conclusions: 'Asystent.', consentOn: today });
      const request = await invoke('requests:file', { caseId, justification: 'Trudności opiekuńczo-wychowawcze.' });
      await invoke('session:logout', {});
      await invoke('session:login', { login: HEAD.login, password: HEAD.password });
      await invoke('requests:decide', { requestId: request.id, decision: { kind: 'assign', assistantId: ids[ASSISTANT.login] ?? '' } });
      await invoke('session:logout', {});
      await page.reload();

      await logIn(page, HEAD.login, HEAD.password);
      await openCase(page);
      const staff = region(page, 'Osoby prowadzące sprawę');
      await staff.scrollIntoViewIfNeeded();
      await press(page, button(staff, 'Zmień asystenta rodziny'), 'Enter');
      const dialog = page.getByRole('dialog', { name: 'Zmień asystenta rodziny' });
      await field(dialog, 'Nowy asystent rodziny').focus();
      await field(dialog, 'Nowy asystent rodziny').selectOption({ label: 'Celina Mazur (0 / 15 rodzin)' });
      await field(dialog, 'Przyczyna zmiany').focus();
      await page.keyboard.type('Długotrwałe zwolnienie lekarskie dotychczasowej asystentki.');
      await press(page, dialog.getByLabel('Podaj przyczynę zmiany w piśmie do rodziny'), 'Space');
      await press(page, button(dialog, 'Zapisz zmianę'), 'Enter');
      await dialog.waitFor({ state: 'detached' });

      const letterButton = button(staff, `Drukuj pismo do rodziny o zmianie: Celina Mazur od ${formatPolishDate(today)}`);
      await press(page, letterButton, 'Enter');
      await expect.poll(() => opened.length, { timeout: 60_000 }).toBe(3);
      await staff.getByRole('status').filter({ hasText: 'wybierz w niej „Drukuj”' }).waitFor();
      await shot(app, 'letters-04-letter');
      const letter = opened.at(-1);
      expect(letter?.mode).toBe('print');
      const text = oneLine((await readPdf(new Uint8Array(letter?.bytes ?? Buffer.alloc(0)))).text);
      expect(text).toContain('ZMIANA ASYSTENTA RODZINY');
      expect(text).toContain(`dnia ${oneLine(formatDateLong(today))}`);
      expect(text).toMatch(/Rodzina Kowalczyk ul\. Polna 3 74-202 Bielice/);
      expect(text).toContain('Imię i nazwisko: Celina Mazur');
      expect(text).toContain('Telefon służbowy: 91 555 20 20');
      expect(text).toContain('Dotychczasowy asystent rodziny: Bożena Wiśniewska');
      expect(text).toContain('Długotrwałe zwolnienie lekarskie dotychczasowej asystentki.');
      // The register of the case lists it.
      await tab(page, 'Dokumenty').click();
      await page.getByRole('table', { name: 'Dokumenty sprawy' }).getByText('Pismo do rodziny o zmianie asystenta lub pracownika socjalnego').waitFor();
    } catch (error) {
      await app.screenshot('letters-failure').catch(() => undefined);
      throw error;
    }
  }, 180_000);

  it('the new assistant sees her planned visit in the calendar week and moves between weeks with the keyboard', async () => {
    const { page } = app;
    try {
      await logOut(page);
      await invoke('session:login', { login: ASSISTANT2.login, password: ASSISTANT2.password });
      await invoke('visits:plan', { caseId, plannedOn: today, kind: 'home', place: 'Dom rodziny' });
      await invoke('session:logout', {});
      await page.reload();
      await logIn(page, ASSISTANT2.login, ASSISTANT2.password);
      await press(page, nav(page, 'Kalendarz'), 'Enter');
      await heading(page, 'Kalendarz').waitFor();
      const monday = mondayOf(today);
      const week = page.getByRole('region', { name: new RegExp(`^Tydzień ${oneLine(formatDateLong(monday)).replace(/ \d{4} r\.$/, '')}`) });
      await week.waitFor();
      const day = week.getByRole('region', { name: `${weekdayName(today)}, ${oneLine(formatDateLong(today)).replace(/ \d{4} r\.$/, '')}` });
      const visit = day.getByRole('button', { name: /^Wizyta: w domu rodziny, Dom rodziny — sprawa / });
      await visit.waitFor();
      await shot(app, 'letters-05-calendar');
      // Page Down: the next week (the visit is not there); Page Up: back.
      await visit.focus();
      await page.keyboard.press('PageDown');
      await page.getByRole('region', { name: new RegExp(`^Tydzień ${oneLine(formatDateLong(addDays(monday, 7))).replace(/ \d{4} r\.$/, '')}`) }).waitFor();
      expect(await page.getByRole('button', { name: /^Wizyta: w domu rodziny/ }).count()).toBe(0);
      await button(page, 'Poprzedni tydzień').focus();
      await page.keyboard.press('Enter');
      await visit.waitFor();
      // Enter on the visit opens the family's visits.
      await press(page, visit, 'Enter');
      await heading(page, 'Kowalczyk Marta').waitFor();
    } catch (error) {
      await app.screenshot('letters-failure').catch(() => undefined);
      throw error;
    }
  }, 120_000);
});
