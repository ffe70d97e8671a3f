/**
 * The document register in the case file (issue 6), through the UI: the social worker opens the
 * "Dokumenty" tab, issues the wniosek (the PDF is rendered by the real worker), sees it in the
 * register with its office number, opens it (the system viewer is a stub recording the file),
 * and issuing it again gives back the same document. Screenshots: test-results/e2e/documents-*.png.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/clock';
import { makePesel } from '../../shared/domain/pesel';
import { HEAD, OFFICE } from '../support/backend';
import { MANDATORY_SEGMENTS } from '../support/case-flow';
import { launchApp, type AppHandle } from './harness';
import { button, invoker, logIn, nav, tab } from './ui';

const WORKER = { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: 'Pracownik-2026!' };
const FONT_DIR = fileURLToPath(new URL('../../electron/pdf/fonts', import.meta.url));
const WORKER_PATH = fileURLToPath(new URL('../../electron/pdf/worker.ts', import.meta.url));

describe('documents in the case file', () => {
  let app: AppHandle;
  let caseNumber = '';
  const opened: { path: string; mode: string; sha256: string }[] = [];

  const invoke = invoker(() => app);

  beforeAll(async () => {
    const warsawToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());
    app = await launchApp({
      clock: new ManualClock(`${warsawToday}T12:00:00.000Z`),
      prefix: 'documents',
      pdf: { pdfWorkerPath: WORKER_PATH, fontDir: FONT_DIR },
      openFile: async (path, mode) => {
        opened.push({ path, mode, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') });
      },
    });
    await invoke('setup:create', { office: OFFICE, head: HEAD });
    await invoke('session:login', { login: HEAD.login, password: HEAD.password });
    await invoke('users:create', { ...WORKER, roles: ['social_worker'] });
    await invoke('session:logout', {});
    await invoke('session:login', { login: WORKER.login, password: WORKER.password });
    const today = app.clock.now().toISOString().slice(0, 10);
    const { id, number } = await invoke('cases:create', {
      reportedOn: today,
      source: 'school',
      report: 'Syn często opuszcza lekcje, matka nie odbiera telefonów ze szkoły.',
      urgent: false,
      family: { kind: 'family', street: 'ul. Źródlana 4 m. 2', postalCode: '74-202', city: 'Bielice', rural: false },
      members: [
        { relation: 'applicant', inHousehold: true, person: { pesel: makePesel('1991-04-17', 'F', 311), firstName: 'Małgorzata', lastName: 'Żółkowska', birthDate: '1991-04-17', sex: 'F' } },
        { relation: 'child', inHousehold: true, childWhereabouts: 'home', person: { pesel: makePesel('2015-09-03', 'M', 312), firstName: 'Kacper', lastName: 'Żółkowski', birthDate: '2015-09-03', sex: 'M' } },
      ],
    });
    caseNumber = number;
    const { interviewId } = await invoke('cases:startInterview', { caseId: id });
    const saved = await invoke('interviews:save', { id: interviewId, expectedVersion: 1, conductedOn: today, place: 'Dom rodziny', segments: MANDATORY_SEGMENTS, documents: {}, income: { items: [] } });
    await invoke('interviews:complete', { id: interviewId, expectedVersion: saved.version });
    await invoke('analysis:save', { caseId: id, reasons: ['parenting_helplessness'], strengths: 'Matka chce współpracować.', resources: 'Babcia mieszka obok.', conclusions: 'Potrzebne wsparcie asystenta rodziny.', consentOn: today });
    await invoke('requests:file', { caseId: id, justification: 'Bezradność w sprawach opiekuńczo-wychowawczych; syn opuszcza lekcje.' });
    await invoke('session:logout', {});
    await app.page.reload();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('issues the wniosek from the Dokumenty tab, lists it, opens it; issuing again gives the same document', async () => {
    const { page } = app;
    try {
      await logIn(page, WORKER.login, WORKER.password);
      await nav(page, /^Sprawy/).click();
      await button(page, caseNumber).click();
      await tab(page, 'Dokumenty').click();
      await page.getByText('W tej sprawie nie wydano jeszcze żadnego dokumentu.').waitFor();
      await app.screenshot('1-empty');

      const issue = page.getByRole('button', { name: /^Wydaj: Wniosek o przydzielenie asystenta rodziny/ });
      await issue.click();
      await page.getByText('Przygotowuję dokument…').waitFor();
      const register = page.getByRole('table', { name: 'Dokumenty sprawy' });
      await register.getByText('1/2026', { exact: false }).first().waitFor({ timeout: 60_000 });
      await page.getByText(/^Wydano dokument nr \d+\/\d{4}\.$/).waitFor();
      const row = register.getByRole('row').nth(1);
      expect(await row.innerText()).toContain('Wniosek o przydzielenie asystenta rodziny');
      expect(await row.innerText()).toContain('Anna Nowak');
      await app.screenshot('2-issued');

      await row.getByRole('button', { name: /^Otwórz dokument/ }).click();
      await page.getByText(/otwarto w przeglądarce plików PDF\.$/).waitFor();
      await row.getByRole('button', { name: /^Drukuj dokument/ }).click();
      await page.getByText(/wybierz w niej „Drukuj” \(Ctrl\+P\)\.$/).waitFor();
      expect(opened.map((entry) => entry.mode)).toEqual(['view', 'print']);
      const [listed] = await invoke('documents:list', { caseId: (await invoke('cases:list', {})).rows[0]?.id ?? '' });
      expect(opened[0]?.sha256).toBe(listed?.sha256);

      // Nothing changed: the same document comes back, not a new version.
      await issue.click();
      await page.getByText(/^Dane się nie zmieniły: to ten sam dokument nr/).waitFor({ timeout: 60_000 });
      expect(await register.getByRole('row').count()).toBe(2);
      await app.screenshot('3-reprint');
    } catch (error) {
      await app.screenshot('failure').catch(() => undefined);
      throw error;
    }
  }, 180_000);
});
