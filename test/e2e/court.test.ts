/**
 * A court's letter end to end (issue 7), in the built renderer with the real backend and the real
 * PDF worker: the assistant registers the letter on the case, drafts the opinia o rodzinie from
 * the prefilled sections and submits it; the kierownik finds it under "Sądy", approves it and
 * issues it as a numbered PDF (the letter is then answered); then she exports the case file for
 * the court into a folder (the native picker is a stub) and sees the files and their SHA-256.
 * Screenshots: test-results/court/.
 */
import { readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatPolishDate } from '../../shared/domain/dates';
import { ManualClock } from '../../electron/clock';
import { HEAD, OFFICE, tempDir } from '../support/backend';
import { MANDATORY_SEGMENTS, PASSWORD, simpleIntake } from '../support/case-flow';
import { launchApp, type AppHandle } from './harness';
import { button, field, heading, invoker, logIn as signIn, nav, shot as screenshot, tab, type Scope } from './ui';

const ASSISTANT = { firstName: 'Bożena', lastName: 'Wiśniewska', login: 'bwisniewska' };
const WORKER = { firstName: 'Anna', lastName: 'Nowak', login: 'anowak' };
const FONT_DIR = fileURLToPath(new URL('../../electron/pdf/fonts', import.meta.url));
const WORKER_PATH = fileURLToPath(new URL('../../electron/pdf/worker.ts', import.meta.url));

describe('court: the opinion drafted, approved and issued; the case file exported', () => {
  let app: AppHandle;
  let today = '';
  let caseNumber = '';
  let step = 0;
  const exportFolder = tempDir('asysta-e2e-akta-');

  const invoke = invoker(() => app);

  /** Numbered screenshots, in the order of the story. */
  async function shot(name: string): Promise<void> {
    step += 1;
    await screenshot(app, `${String(step).padStart(2, '0')}-${name}`);
  }

  /** A date typed inside a dialog: no Escape, which would close the dialog rather than the calendar. */
  async function typeDate(scope: Scope, label: string, date: string): Promise<void> {
    const input = field(scope, label);
    await input.fill(formatPolishDate(date));
    await input.press('Tab');
  }

  const logIn = (login: string, password = PASSWORD) => signIn(app.page, login, password);

  async function openCase(): Promise<void> {
    const { page } = app;
    await nav(page, 'Sprawy').click();
    await page.getByRole('row').filter({ hasText: caseNumber }).getByRole('button').first().click();
    await tab(page, 'Sąd').click();
  }

  beforeAll(async () => {
    const warsawToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());
    today = warsawToday;
    app = await launchApp({
      clock: new ManualClock(`${warsawToday}T12:00:00.000Z`),
      screenshotDir: resolve('test-results/court'),
      pdf: { pdfWorkerPath: WORKER_PATH, fontDir: FONT_DIR },
      dialogs: { pickFolder: async () => exportFolder, pickFile: async () => null },
    });
    await invoke('setup:create', { office: OFFICE, head: HEAD });
    await invoke('session:login', { login: HEAD.login, password: HEAD.password });
    await invoke('users:create', { ...WORKER, password: PASSWORD, roles: ['social_worker'] });
    const assistant = await invoke('users:create', { ...ASSISTANT, password: PASSWORD, roles: ['family_assistant'] });
    await invoke('session:logout', {});
    await invoke('session:login', { login: WORKER.login, password: PASSWORD });
    const created = await invoke('cases:create', simpleIntake(41, today));
    caseNumber = created.number;
    const { interviewId } = await invoke('cases:startInterview', { caseId: created.id });
    const saved = await invoke('interviews:save', { id: interviewId, expectedVersion: 1, conductedOn: today, place: 'Dom rodziny', segments: MANDATORY_SEGMENTS, documents: {}, income: { items: [] } });
    await invoke('interviews:complete', { id: interviewId, expectedVersion: saved.version });
    await invoke('analysis:save', { caseId: created.id, reasons: ['parenting_helplessness'], strengths: 'Matka chętnie współpracuje ze szkołą.', resources: 'Wsparcie babci.', conclusions: 'Asystent.', consentOn: today });
    const request = await invoke('requests:file', { caseId: created.id, justification: 'Bezradność opiekuńczo-wychowawcza.' });
    await invoke('session:logout', {});
    await invoke('session:login', { login: HEAD.login, password: HEAD.password });
    await invoke('requests:decide', { requestId: request.id, decision: { kind: 'assign', assistantId: assistant.id } });
    await invoke('session:logout', {});
    await app.page.reload();
  });

  afterAll(async () => {
    await app?.close();
    rmSync(exportFolder, { recursive: true, force: true });
  });

  it('the assistant registers the letter and drafts the opinion; the kierownik approves and issues it, then exports the case file', async () => {
    const { page } = app;
    try {
      // The assistant: the court's letter on the case.
      await logIn(ASSISTANT.login);
      await openCase();
      await button(page, 'Zarejestruj pismo sądu').click();
      const dialog = page.getByRole('dialog', { name: 'Nowe pismo sądu' });
      await field(dialog, 'Sąd').fill('Sąd Rejonowy w Bielicach');
      await field(dialog, 'Wydział').fill('III Wydział Rodzinny i Nieletnich');
      await field(dialog, 'Sygnatura akt').fill('III Nsm 123/25');
      await typeDate(dialog, 'Termin odpowiedzi', addDays(today, 14));
      await shot('pismo-sadu');
      await button(dialog, 'Zarejestruj pismo').click();
      await dialog.waitFor({ state: 'hidden' });
      const row = page.getByRole('row').filter({ hasText: 'III Nsm 123/25' });
      await row.waitFor();
      expect(await row.textContent()).toContain('opinia i akta sprawy');
      await shot('zakladka-sad');

      // The opinion, prefilled from the case.
      await button(row, 'Opinia').click();
      await heading(page, 'Opinia o rodzinie dla sądu').waitFor();
      const composition = field(page, '1. Skład i historia rodziny');
      expect(await composition.inputValue()).toContain('Marta Kowalczyk41');
      expect(await field(page, '8. Mocne strony rodziny i zagrożenia').inputValue()).toContain('Matka chętnie współpracuje ze szkołą.');
      await field(page, '5. Relacje w rodzinie').fill('Matka i syn mają dobry kontakt; ojciec dziecka odwiedza syna co dwa tygodnie.');
      await field(page, '9. Wnioski').fill('Rodzina wymaga dalszego wsparcia asystenta rodziny; nie ma podstaw do ograniczenia władzy rodzicielskiej.');
      await shot('opinia-projekt');
      await button(page, 'Przekaż do zatwierdzenia').click();
      await page.getByLabel('Stan opinii').filter({ hasText: 'Do zatwierdzenia' }).waitFor();
      await page.getByText('Opinia czeka na zatwierdzenie przez kierownika.').waitFor();
      await shot('opinia-przekazana');

      // The kierownik: "Sądy", approve, issue.
      await logIn(HEAD.login, HEAD.password);
      await nav(page, 'Sądy').click();
      await heading(page, 'Pisma sądów').waitFor();
      const listed = page.getByRole('row').filter({ hasText: 'III Nsm 123/25' });
      await listed.waitFor();
      expect(await listed.textContent()).toContain('Opinia: do zatwierdzenia');
      await shot('sady-lista');
      await button(listed, 'Opinia').click();
      await button(page, 'Zatwierdź opinię').click();
      await page.getByLabel('Stan opinii').filter({ hasText: 'Zatwierdzona' }).waitFor();
      expect(await page.getByRole('region', { name: 'Treść opinii' }).textContent()).toContain('ojciec dziecka odwiedza syna co dwa tygodnie');
      await button(page, 'Wydaj opinię (PDF)').click();
      const issued = page.getByRole('status').filter({ hasText: 'Opinia wydana: nr 1/' });
      await issued.waitFor({ timeout: 30_000 });
      await page.getByLabel('Stan opinii').filter({ hasText: 'Wydana' }).waitFor();
      await shot('opinia-wydana');

      // The case file for the court, into the folder the (stub) picker gives.
      await button(page, 'Teczka sprawy').click();
      const caseRow = page.getByRole('row').filter({ hasText: 'III Nsm 123/25' });
      await caseRow.waitFor();
      expect(await caseRow.textContent()).toContain('Opinia: wydana');
      await button(caseRow, 'Akta dla sądu').click();
      const exportDialog = page.getByRole('dialog', { name: /Akta dla sądu/ });
      await button(exportDialog, 'Wybierz folder…').click();
      await exportDialog.getByText(exportFolder).waitFor();
      await exportDialog.getByLabel('Notatki').uncheck();
      await button(exportDialog, 'Zapisz akta').click();
      // While it runs: the step and a progress bar (5 parts, the bundle, the files).
      await exportDialog.getByRole('status').filter({ hasText: /Krok \d z 7: / }).waitFor({ timeout: 30_000 });
      await shot('akta-postep');
      const done = exportDialog.getByRole('status').filter({ hasText: 'Zapisano akta dla sądu' });
      await done.waitFor({ timeout: 60_000 });
      await shot('akta-zapisane');
      const files = readdirSync(exportFolder).sort();
      expect(files).toEqual([`Akta_III_Nsm_123-25_${today}.pdf`, `Akta_III_Nsm_123-25_${today}.zip`]);
      expect(await done.textContent()).toContain(files[0]!);
      expect(await exportDialog.getByRole('table', { name: 'Pliki i sumy SHA-256' }).textContent()).toContain('manifest.json');
      // Saving the files sends nothing: the letter stays open until the user says the answer went out.
      expect(await done.textContent()).toContain('Zapisanie akt niczego jeszcze nie wysyła');
      await button(exportDialog, 'Zamknij').click();
      await exportDialog.waitFor({ state: 'hidden' });
      expect(await caseRow.filter({ hasText: 'Wysłano' }).count()).toBe(0);
      await button(caseRow, 'Odpowiedź wysłana').click();
      const answerDialog = page.getByRole('dialog', { name: /^Odpowiedź wysłana/ });
      expect(await answerDialog.getByLabel(/^Data wysłania/).inputValue()).toBe(formatPolishDate(today));
      await button(answerDialog, 'Zapisz').click();
      await answerDialog.waitFor({ state: 'hidden' });
      await caseRow.filter({ hasText: `Wysłano ${formatPolishDate(today)}` }).waitFor();
      expect(await button(caseRow, 'Odpowiedź wysłana').count()).toBe(0);
    } catch (error) {
      await app.screenshot('failure').catch(() => undefined);
      throw error;
    }
  });
});
