/**
 * Nothing typed is silently changed (issue 15, part A), driven with the keyboard as a worker
 * types: hectares typed digit by digit in Polish and English ("2,5", "12,75", "0.99") are stored
 * as typed and shown back; a refused number, date or PESEL keeps its text and says why; Escape
 * in a date field inside a dialog closes only the calendar; "Wyczyść formularz" asks first, so
 * one Space on it deletes nothing. Screenshots: test-results/e2e/typed-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/clock';
import type { CaseSummary } from '../../shared/cases';
import { formatPolishDate } from '../../shared/domain/dates';
import { makePesel } from '../../shared/domain/pesel';
import { HEAD, OFFICE } from '../support/backend';
import { launchApp, type AppHandle } from './harness';
import { button, choose, confirmDialog, field, heading, invoker, logIn, nav, shot, tab } from './ui';

const WORKER = { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: 'Pracownik-2026!' };
const MOTHER = { pesel: makePesel('1991-04-17', 'F', 411), firstName: 'Jadwiga', lastName: 'Kowalczyk' };
const HECTARES = 'Gospodarstwo rolne (hektary przeliczeniowe)';

/** The case list, whichever shape `cases:list` answers with (a page of rows or the rows). */
function rowsOf(list: unknown): CaseSummary[] {
  if (Array.isArray(list)) return list as CaseSummary[];
  return (list as { rows: CaseSummary[] }).rows;
}

/** Clears a field with the keyboard and types into it key by key, as a person does. */
async function typeKeys(page: Page, label: string, text: string): Promise<void> {
  await field(page, label).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: 25 });
}

describe('typed input is kept as typed', () => {
  let app: AppHandle;
  let today = '';
  const invoke = invoker(() => app);

  beforeAll(async () => {
    const warsawToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());
    today = warsawToday;
    app = await launchApp({ clock: new ManualClock(`${warsawToday}T12:00:00.000Z`), prefix: 'typed' });
    await invoke('setup:create', { office: OFFICE, head: HEAD });
    await invoke('session:login', { login: HEAD.login, password: HEAD.password });
    await invoke('users:create', { ...WORKER, roles: ['social_worker'] });
    await invoke('session:logout', {});
    await app.page.reload();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('hectares, PESEL, dates and clearing the intake form, with the keyboard', async () => {
    const { page } = app;
    try {
      await logIn(page, WORKER.login, WORKER.password);
      await nav(page, 'Nowe zgłoszenie').click();
      await heading(page, 'Nowe zgłoszenie').waitFor();
      await field(page, 'Rodzina mieszka na wsi lub ma gospodarstwo rolne').check();

      // Digit by digit: every intermediate text ("2", "2,", "2,5") is kept, nothing is dropped.
      const hectares = field(page, HECTARES);
      await typeKeys(page, HECTARES, '2,5');
      expect(await hectares.inputValue()).toBe('2,5');
      await typeKeys(page, HECTARES, '0.99');
      await page.getByText('Odczytano: 0,99 ha').waitFor();
      await page.keyboard.press('Tab');
      expect(await hectares.inputValue()).toBe('0,99');
      // Two separators: refused with the reason, the text stays for the user to correct.
      await typeKeys(page, HECTARES, '1.010,5');
      await page.getByText('Wpisz liczbę z jednym przecinkiem dziesiętnym', { exact: false }).waitFor();
      await page.keyboard.press('Tab');
      expect(await hectares.inputValue()).toBe('1.010,5');
      await shot(app, 'typed-01-hectares-refused');
      await typeKeys(page, HECTARES, '12,75');
      await page.keyboard.press('Tab');
      expect(await hectares.inputValue()).toBe('12,75');

      // A refused date keeps its text and says why.
      await typeKeys(page, 'Data zgłoszenia', '31.02.2026');
      await page.keyboard.press('Tab');
      await page.getByText('Nie ma takiego dnia w kalendarzu: 31.02.2026.').waitFor();
      expect(await field(page, 'Data zgłoszenia').inputValue()).toBe('31.02.2026');
      await typeKeys(page, 'Data zgłoszenia', formatPolishDate(today));
      await page.keyboard.press('Tab');

      // PESEL: letters are not stripped but reported; a birth date in the future is refused with the reason.
      const mother = page.getByRole('group', { name: 'Osoba 1', exact: true });
      const pesel = field(mother, 'PESEL');
      await pesel.click();
      await page.keyboard.type('9104a', { delay: 25 });
      await mother.getByText('PESEL składa się z samych cyfr — usuń litery i inne znaki.').waitFor();
      expect(await pesel.inputValue()).toBe('9104a');
      await pesel.fill('');
      await pesel.click();
      await page.keyboard.type('01410111117', { delay: 25 });
      await mother.getByText('PESEL wskazuje datę urodzenia z przyszłości (01.01.2101) — sprawdź numer.').waitFor();
      expect(await mother.getByText('Numer poprawny').count()).toBe(0);
      await shot(app, 'typed-02-pesel-future');
      // A phone with letters is refused at once.
      await field(mother, 'Telefon').fill('600 abc');
      await mother.getByText('Telefon: wpisz same cyfry', { exact: false }).waitFor();

      // One Space on "Wyczyść formularz" only asks; a second Space answers "Anuluj"; nothing is lost.
      await field(page, 'Treść zgłoszenia').fill('Sąsiadka zgłasza, że dzieci zostają same w domu.');
      await button(page, 'Wyczyść formularz').focus();
      await page.keyboard.press('Space');
      const question = page.getByRole('dialog', { name: 'Wyczyścić formularz?' });
      await question.waitFor();
      await shot(app, 'typed-03-clear-asks');
      await page.keyboard.press('Space');
      await question.waitFor({ state: 'hidden' });
      expect(await field(page, 'Treść zgłoszenia').inputValue()).toBe('Sąsiadka zgłasza, że dzieci zostają same w domu.');
      expect(await hectares.inputValue()).toBe('12,75');

      // Fill in the rest and register: the office stores exactly 12,75 ha.
      await pesel.fill(MOTHER.pesel);
      await field(mother, 'Imię').fill(MOTHER.firstName);
      await field(mother, 'Nazwisko').fill(MOTHER.lastName);
      await field(mother, 'Telefon').fill('600 100 200');
      await choose(page, page, 'Od kogo pochodzi informacja', 'Policja');
      await field(page, 'Ulica i numer').fill('Zalesie 14');
      await field(page, 'Kod pocztowy').fill('74-202');
      await field(page, 'Miejscowość').fill('Zalesie');
      await button(page, 'Zarejestruj zgłoszenie').click();
      await page.getByText('Zarejestrowano sprawę').first().waitFor();
      const [summary] = rowsOf(await invoke('cases:list', {}));
      const file = await invoke('cases:get', { id: summary?.id ?? '' });
      expect(file.family.farmHectares).toBe(12.75);

      // Escape in the date field of a dialog closes the calendar only; what was typed stays.
      await tab(page, 'Chronologia').click();
      await button(page, 'Dodaj notatkę').click();
      const dialog = page.getByRole('dialog', { name: 'Nowy wpis w chronologii' });
      await field(dialog, 'Tytuł').fill('Rozmowa telefoniczna z pedagogiem');
      await field(dialog, 'Data').click();
      const calendar = page.getByTestId('kalendarz');
      await calendar.waitFor();
      await page.keyboard.press('Escape');
      await calendar.waitFor({ state: 'hidden' });
      await dialog.waitFor();
      expect(await field(dialog, 'Tytuł').inputValue()).toBe('Rozmowa telefoniczna z pedagogiem');
      await typeKeys(page, 'Data', '30.02.2026');
      await page.keyboard.press('Tab');
      await dialog.getByText('Nie ma takiego dnia w kalendarzu: 30.02.2026.').waitFor();
      expect(await field(dialog, 'Data').inputValue()).toBe('30.02.2026');
      await shot(app, 'typed-04-date-in-dialog');
      // The form is not sent with a refused date.
      await button(dialog, 'Dodaj wpis').click();
      await dialog.getByText('Nie ma takiego dnia w kalendarzu: 30.02.2026.').waitFor();
      expect((await invoke('cases:get', { id: summary?.id ?? '' })).events.filter((event) => event.title === 'Rozmowa telefoniczna z pedagogiem')).toHaveLength(0);
      // The confirmation of clearing: after "Wyczyść formularz" is confirmed the intake is empty.
      await page.keyboard.press('Escape');
      await nav(page, 'Nowe zgłoszenie').click();
      await field(page, 'Treść zgłoszenia').fill('Do usunięcia');
      await button(page, 'Wyczyść formularz').click();
      await confirmDialog(page, 'Wyczyść formularz');
      expect(await field(page, 'Treść zgłoszenia').inputValue()).toBe('');
    } catch (error) {
      await app.screenshot('typed-failure').catch(() => undefined);
      throw error;
    }
  }, 240_000);
});
