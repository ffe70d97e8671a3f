/**
 * The shell, end to end: the page Chromium shows comes from main.cjs's app:// handler with its
 * CSP, `window.asysta` from the built preload, and what a person types in the window stays out
 * of the shell's log.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/ipc';
import { HEAD, OFFICE } from '../support/backend';
import { launchApp, type AppHandle } from './harness';
import { button, field, heading, logIn } from './ui';

describe('the shell around the window', () => {
  let app: AppHandle;

  beforeAll(async () => {
    app = await launchApp({ prefix: 'shell' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('gives the page window.asysta with exactly the channels, and no Node', async () => {
    const seen = await app.page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const api = w['asysta'] as Record<string, unknown>;
      return {
        names: Object.keys(api),
        functions: Object.values(api).every((value) => typeof value === 'function'),
        frozen: Object.isFrozen(api),
        node: ['require', 'process', 'module', 'Buffer', 'ipcRenderer', 'electron'].filter((name) => name in w),
      };
    });
    expect(seen.names.sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(seen.functions).toBe(true);
    expect(seen.frozen).toBe(true);
    expect(seen.node).toEqual([]);
  });

  it('runs the page under the shell’s CSP: no inline script, no network, no frames', async () => {
    const { page } = app;
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      let fetched = 'sent';
      try {
        await fetch('https://example.com/');
      } catch {
        fetched = 'refused';
      }
      const frame = document.createElement('iframe');
      frame.src = 'https://example.com/';
      document.body.append(frame);
      await new Promise((resolve) => setTimeout(resolve, 300));
      frame.remove();
      script.remove();
      return { inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, fetched, violations };
    });
    expect(outcome.inlineRan).toBe(false);
    expect(outcome.fetched).toBe('refused');
    expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-elem', 'connect-src', 'frame-src']));
  });

  it('keeps what a person types out of the log', async () => {
    const { page } = app;
    await heading(page, 'Pierwsze uruchomienie').waitFor();
    await field(page, 'Nazwa ośrodka').fill(OFFICE.name);
    await field(page, 'Ulica i numer').fill(OFFICE.street);
    await field(page, 'Kod pocztowy').fill(OFFICE.postalCode);
    await field(page, 'Miejscowość').fill(OFFICE.city);
    await field(page, 'Gmina').fill(OFFICE.gmina);
    await field(page, 'Imię').fill(HEAD.firstName);
    await field(page, 'Nazwisko').fill(HEAD.lastName);
    await field(page, 'Login').fill(HEAD.login);
    await field(page, 'Hasło').fill(HEAD.password);
    await field(page, 'Powtórz hasło').fill(HEAD.password);
    await button(page, 'Utwórz bazę ośrodka').click();
    await page.getByTestId('recovery-code').waitFor();
    const code = ((await page.getByTestId('recovery-code').textContent()) ?? '').trim();
    await field(page, 'Zapisałem/zapisałam kod w bezpiecznym miejscu').check();
    await button(page, 'Przejdź do logowania').click();
    // A wrong password first (typed text on a path that is logged), then the right one.
    await heading(page, 'Logowanie').waitFor();
    await field(page, 'Login').fill(HEAD.login);
    await field(page, 'Hasło').fill(`${HEAD.password}-zle`);
    await button(page, 'Zaloguj').click();
    await page.getByRole('main').getByRole('alert').waitFor();
    // The growing delay after a failed attempt (1 s) is measured on the backend's clock.
    app.clock.advance(2_000);
    await logIn(page, HEAD.login, HEAD.password);
    await app.screenshot('po-zalogowaniu');

    const log = readFileSync(app.logFile, 'utf8');
    expect(log).toContain('setup:create: done');
    expect(log).toContain('session:login refused: WRONG_PASSWORD');
    expect(log).toContain('session:login: done');
    for (const typed of [OFFICE.name, OFFICE.street, HEAD.firstName, HEAD.lastName, HEAD.login, HEAD.password, code, code.replace(/ /g, '')]) {
      expect(log, typed).not.toContain(typed);
    }
  });
});
