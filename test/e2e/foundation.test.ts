/**
 * The foundation, end to end, as a head of an office meets it on the first day: set-up and the
 * recovery code, login, adding a family assistant, locking by hand and after idleness, unlocking,
 * a wrong password answered in Polish, and the audit trail that records it all. The built renderer runs in Chromium over the real
 * backend (see harness.ts); screenshots go to test-results/e2e/.
 *
 * Idle lock: the main process decides by its own clock (`clock`, a ManualClock). The test moves
 * that clock past the limit and waits for the renderer's status poll (every 15 s) to show the
 * lock screen, so the path a real idle PC takes is the one tested, without faking the page's timers.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEAD, OFFICE } from '../support/backend';
import { launchApp, type AppHandle } from './harness';

const ASSISTANT = { firstName: 'Ewa', lastName: 'Wiśniewska', login: 'asystent', password: 'Asystentka-2026!' };

/** The renderer polls app:status every 15 s; allow one full period and some slack. */
const STATUS_POLL_WAIT_MS = 25_000;

/** Where to look: the whole page or a part of it (a dialog). */
type Scope = Page | Locator;

const field = (scope: Scope, label: string) => scope.getByLabel(label, { exact: true });
const button = (scope: Scope, name: string) => scope.getByRole('button', { name, exact: true });
const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Menu główne' }).getByRole('button', { name, exact: true });
const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true });
/** The form-level alert of the auth screens (set-up, login, lock): inside <main>, not a toast. */
const formAlert = (page: Page) => page.getByRole('main').getByRole('alert');

describe('foundation: first run, users, lock and idle lock', () => {
  let app: AppHandle;

  beforeAll(async () => {
    app = await launchApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('takes a new office from set-up to a locked and unlocked session', async () => {
    const { page, clock } = app;

    // --- First run: the office and the head's account -------------------------------------
    await heading(page, 'Pierwsze uruchomienie').waitFor();
    await app.screenshot('01-setup');
    await field(page, 'Nazwa ośrodka').fill(OFFICE.name);
    await field(page, 'Ulica i numer').fill(OFFICE.street);
    await field(page, 'Kod pocztowy').fill(OFFICE.postalCode);
    await field(page, 'Miejscowość').fill(OFFICE.city);
    await field(page, 'Gmina').fill(OFFICE.gmina);
    await field(page, 'Imię').fill(HEAD.firstName);
    await field(page, 'Nazwisko').fill(HEAD.lastName);
    await field(page, 'Login').fill(HEAD.login);
    await field(page, 'Hasło').fill(HEAD.password);
    // The repeat is checked in the form: a mismatch never reaches the backend.
    await field(page, 'Powtórz hasło').fill(`${HEAD.password}x`);
    await button(page, 'Utwórz bazę ośrodka').click();
    await page.getByText('Hasła nie są takie same.').waitFor();
    await field(page, 'Powtórz hasło').fill(HEAD.password);
    await field(page, 'Powtórz hasło').press('Enter');

    // --- The recovery code: shown once, in groups, confirmed before going on -----------------
    const code = page.getByTestId('recovery-code');
    await code.waitFor();
    const codeText = ((await code.textContent()) ?? '').trim();
    expect(codeText).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    await app.screenshot('02-recovery-code');
    const toLogin = button(page, 'Przejdź do logowania');
    expect(await toLogin.isDisabled()).toBe(true);
    await field(page, 'Zapisałem/zapisałam kod w bezpiecznym miejscu').check();
    expect(await toLogin.isEnabled()).toBe(true);
    await toLogin.click();

    // --- Login as the head --------------------------------------------------------------------
    await heading(page, 'Logowanie').waitFor();
    await app.screenshot('03-login');
    await field(page, 'Login').fill(HEAD.login);
    await field(page, 'Hasło').fill(HEAD.password);
    await button(page, 'Zaloguj').click();
    await nav(page, 'Pulpit').waitFor();
    await page.getByRole('banner').getByText(OFFICE.name).waitFor();
    await app.screenshot('04-home');

    // --- Add a family assistant -------------------------------------------------------------
    await nav(page, 'Użytkownicy').click();
    await heading(page, 'Użytkownicy').waitFor();
    await button(page, 'Dodaj użytkownika').click();
    const dialog = page.getByRole('dialog');
    await field(dialog, 'Imię').fill(ASSISTANT.firstName);
    await field(dialog, 'Nazwisko').fill(ASSISTANT.lastName);
    await field(dialog, 'Login').fill(ASSISTANT.login);
    await field(dialog, 'Asystent rodziny').check();
    await field(dialog, 'Hasło początkowe').fill(ASSISTANT.password);
    await field(dialog, 'Powtórz hasło').fill(ASSISTANT.password);
    await app.screenshot('05-add-user');
    await button(dialog, 'Utwórz konto').click();
    const row = page.getByRole('row').filter({ hasText: `${ASSISTANT.firstName} ${ASSISTANT.lastName}` });
    await row.waitFor();
    expect(await row.textContent()).toContain('Asystent rodziny');
    expect(await row.textContent()).toContain(ASSISTANT.login);
    await app.screenshot('06-users');

    // --- Lock by hand, unlock -----------------------------------------------------------------
    await button(page, 'Zablokuj').click();
    await heading(page, 'Sesja zablokowana').waitFor();
    expect(await page.getByRole('main').textContent()).toContain(`${HEAD.firstName} ${HEAD.lastName}`);
    await app.screenshot('07-locked');
    await field(page, 'Hasło').fill(HEAD.password);
    await button(page, 'Odblokuj').click();
    // Back where the head was before locking.
    await heading(page, 'Użytkownicy').waitFor();

    // --- Idle lock after 1 minute -------------------------------------------------------------
    await nav(page, 'Ustawienia').click();
    await heading(page, 'Ustawienia').waitFor();
    await field(page, 'Blokada po bezczynności (minuty)').fill('1');
    await button(page, 'Zapisz ustawienia').click();
    await page.getByText('Zapisano ustawienia').first().waitFor();
    await app.screenshot('08-settings-idle-1-min');
    clock.advance(61_000);
    await heading(page, 'Sesja zablokowana').waitFor({ timeout: STATUS_POLL_WAIT_MS });
    await app.screenshot('09-idle-locked');

    // --- A wrong password is refused in Polish; the right one unlocks ---------------------------
    await field(page, 'Hasło').fill('to-nie-jest-moje-haslo');
    await button(page, 'Odblokuj').click();
    await formAlert(page).waitFor();
    const refusal = (await formAlert(page).textContent()) ?? '';
    expect(refusal).toContain('Nieprawidłowy login lub hasło.');
    await app.screenshot('10-wrong-password');
    // A failed attempt delays the next one (by the main process's clock, which the test holds).
    clock.advance(2_000);
    await field(page, 'Hasło').fill(HEAD.password);
    await button(page, 'Odblokuj').click();
    await heading(page, 'Ustawienia').waitFor();
    await app.screenshot('11-unlocked');

    // --- The audit trail records all of it, verifies, and exports -----------------------------
    await nav(page, 'Dziennik zdarzeń').click();
    await heading(page, 'Dziennik zdarzeń').waitFor();
    for (const event of ['Utworzenie ośrodka', 'Dodanie użytkownika', 'Blokada', 'Nieudane odblokowanie', 'Zmiana ustawień']) {
      await page.getByRole('cell', { name: event, exact: true }).first().waitFor();
    }
    await button(page, 'Sprawdź spójność dziennika').click();
    await page.getByText('Dziennik jest spójny').waitFor();
    const download = page.waitForEvent('download');
    await button(page, 'Eksportuj do CSV').click();
    expect((await download).suggestedFilename()).toMatch(/\.csv$/);
    await app.screenshot('12-audit');

    // --- Log out; the assistant sees only what her role allows --------------------------------
    await button(page, 'Wyloguj').click();
    await heading(page, 'Logowanie').waitFor();
    await field(page, 'Login').fill(ASSISTANT.login);
    await field(page, 'Hasło').fill(ASSISTANT.password);
    await button(page, 'Zaloguj').click();
    await nav(page, 'Pulpit').waitFor();
    await nav(page, 'Moje konto').waitFor();
    for (const hidden of ['Użytkownicy', 'Dziennik zdarzeń', 'Ustawienia']) {
      expect(await nav(page, hidden).count()).toBe(0);
    }
    await app.screenshot('13-assistant-home');
  }, 180_000);
});
