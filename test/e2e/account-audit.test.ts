/**
 * Issue 15, part A, through the real screens: the larger-text option of "Moje konto" chosen with
 * the keyboard, kept for the user's next session and applied to every screen at 1366×768; the
 * audit trail and a case's "Zmiany" tab in Polish, with names and case numbers instead of ids,
 * fitting 1366 px; after a failed submit the cursor stands in the first invalid field.
 * Screenshots: test-results/e2e/account-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/clock';
import { makePesel } from '../../shared/domain/pesel';
import { HEAD, OFFICE } from '../support/backend';
import { launchApp, type AppHandle } from './harness';
import { button, heading, invoker, logIn, logOut, nav, shot, tab } from './ui';

const WORKER = { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: 'Pracownik-2026!' };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** Nothing wider than the window: no horizontal scrolling of the page. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('text size, the audit trail in Polish, focus after a refusal', () => {
  let app: AppHandle;
  let caseNumber = '';
  const invoke = invoker(() => app);

  beforeAll(async () => {
    const warsawToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());
    app = await launchApp({ clock: new ManualClock(`${warsawToday}T12:00:00.000Z`), prefix: 'account' });
    await invoke('setup:create', { office: OFFICE, head: HEAD });
    await invoke('session:login', { login: HEAD.login, password: HEAD.password });
    await invoke('users:create', { ...WORKER, roles: ['social_worker'] });
    await invoke('session:logout', {});
    await invoke('session:login', { login: WORKER.login, password: WORKER.password });
    caseNumber = (
      await invoke('cases:create', {
        reportedOn: warsawToday,
        source: 'school',
        report: 'Syn często opuszcza lekcje.',
        urgent: false,
        family: { kind: 'family', street: 'ul. Polna 3', postalCode: '74-202', city: 'Bielice', rural: false },
        members: [{ relation: 'applicant', inHousehold: true, person: { pesel: makePesel('1991-04-17', 'F', 511), firstName: 'Małgorzata', lastName: 'Żółć', birthDate: '1991-04-17', sex: 'F' } }],
      })
    ).number;
    await invoke('session:logout', {});
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await app.page.reload();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('130 % text chosen with the keyboard, kept for the next session, on every screen at 1366×768', async () => {
    const { page } = app;
    try {
      await logIn(page, WORKER.login, WORKER.password);
      const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
      expect(await rootSize()).toBe('16px');
      await nav(page, 'Moje konto').click();
      await heading(page, 'Moje konto').waitFor();
      const sizes = page.getByRole('region', { name: 'Wielkość tekstu' });
      await sizes.getByRole('radio', { name: 'Zwykły (100 %)' }).focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect.poll(rootSize).toBe('20.8px');
      await shot(app, 'account-01-text-130');

      // Kept by the main process: the next session starts at 130 %; signed out, the size is back to normal.
      await logOut(page);
      expect(await rootSize()).toBe('16px');
      await logIn(page, WORKER.login, WORKER.password);
      await expect.poll(rootSize).toBe('20.8px');
      expect((await invoke('account:preferences', {})).textScale).toBe(130);

      // Every screen at 1366×768: no page wider than the window.
      await shot(app, 'account-02-tray-130');
      expect(await pageWidth(page)).toBeLessThanOrEqual(1366);
      await nav(page, /^Sprawy/).click();
      await button(page, caseNumber).click();
      await tab(page, 'Zmiany').click();
      const changes = page.getByRole('table');
      await changes.getByText('Przyjęcie zgłoszenia').first().waitFor();
      expect(await changes.innerText()).not.toMatch(UUID);
      expect(await changes.innerText()).not.toContain('case.create');
      await shot(app, 'account-03-case-changes-130');
      expect(await pageWidth(page)).toBeLessThanOrEqual(1366);
      await nav(page, 'Nowe zgłoszenie').click();
      await heading(page, 'Nowe zgłoszenie').waitFor();
      // An empty form refused: the cursor stands in the first field that says what is wrong.
      await button(page, 'Zarejestruj zgłoszenie').click();
      await page.getByText('Formularz zawiera błędy — popraw pola oznaczone na czerwono.').waitFor();
      // The first field on the screen that says what is wrong (the source of the report), not the first the form library knows.
      const firstInvalidFocused = () =>
        page.evaluate(() => {
          const first = document.querySelector('[aria-invalid="true"]');
          return first !== null && document.activeElement === first;
        });
      await expect.poll(firstInvalidFocused).toBe(true);
      expect(await page.getByRole('combobox', { name: 'Od kogo pochodzi informacja' }).evaluate((el) => el === document.activeElement)).toBe(true);
      await shot(app, 'account-04-intake-130');
      expect(await pageWidth(page)).toBeLessThanOrEqual(1366);
    } catch (error) {
      await app.screenshot('account-failure').catch(() => undefined);
      throw error;
    }
  }, 180_000);

  it('the kierownik reads the trail in Polish: actions, objects, names and case numbers, within 1366 px', async () => {
    const { page } = app;
    try {
      await logOut(page);
      await logIn(page, HEAD.login, HEAD.password);
      await nav(page, 'Dziennik zdarzeń').click();
      await heading(page, 'Dziennik zdarzeń').waitFor();
      const table = page.getByRole('table');
      await table.getByText('Przyjęcie zgłoszenia').first().waitFor();
      const text = await table.innerText();
      expect(text).toContain('Dodanie użytkownika');
      expect(text).toContain('Anna Nowak');
      expect(text).toContain(`sprawa ${caseNumber}`);
      expect(text).toContain('Zmiana ustawień konta (wielkość tekstu)');
      expect(text).toContain('Wielkość tekstu: 115 → 130');
      expect(text).not.toMatch(UUID);
      expect(text).not.toMatch(/\b(case|user|session)\.[a-z_]+\b/);
      await shot(app, 'account-05-audit');
      expect(await pageWidth(page)).toBeLessThanOrEqual(1366);
    } catch (error) {
      await app.screenshot('account-failure').catch(() => undefined);
      throw error;
    }
  }, 120_000);
});
