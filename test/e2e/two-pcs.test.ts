/**
 * Two PCs on one office server (issue 18): each its own built main process and Chromium window,
 * both joined to one throwaway server (test/support/postgres.ts). A social worker files a request
 * for a family assistant on PC 1; the kierownik decides it on PC 2 while the worker has the case
 * open, and PC 1 shows the decision within seconds, unasked (app:dataVersion polling); then both
 * edit the same wywiad update, and the later save gets the CONFLICT choice ("Zachowaj moją
 * wersję" / "Wczytaj najnowszą wersję"), never a silent overwrite; last, the server stops while
 * the worker saves, and her change waits on PC 1 until the server is back.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateServer } from '../../electron/data/postgres/migrate';
import { openOfficeSetup } from '../../electron/data/postgres/office';
import { startCluster, stopCluster } from '../../electron/server/cluster';
import { connectVerified } from '../../electron/server/connect';
import { formatPairingCode } from '../../shared/pairing';
import { HEAD, OFFICE } from '../support/backend';
import { startTestServer, type TestServer } from '../support/postgres';
import { launchApp, SCREENSHOT_DIR, type AppHandle } from './harness';
import { button, caseHeader, field, heading, invoker, kowalczykReport, logIn, nav, shot, tab, type Invoke } from './ui';

const SCREENSHOTS = `${SCREENSHOT_DIR}/two-pcs`;
const WORKER = { login: 'b.socjalna', firstName: 'Beata', lastName: 'Socjalna', password: 'Socjalna-Beata-2026!' };
const ASSISTANT = { login: 'a.asystent', firstName: 'Anna', lastName: 'Asystent', password: 'Asystent-Anna-2026!' };
/** How long a change on one PC may take to show on the other: the poll is 3 s. */
const SEEN_WITHIN_MS = 10_000;

describe('two PCs on one office server', () => {
  let server: TestServer;
  let pc1: AppHandle | undefined;
  let pc2: AppHandle | undefined;
  let invoke1: Invoke;
  let invoke2: Invoke;
  let caseId = '';

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await connectVerified(server.superuser());
    let setupCode: string;
    try {
      await migrateServer(admin);
      setupCode = await openOfficeSetup(admin);
    } finally {
      await admin.end();
    }
    const pairingCode = formatPairingCode({ host: server.host, port: server.port, fingerprint: Buffer.from(server.config.caFingerprint, 'hex') });
    pc1 = await launchApp({ screenshotDir: SCREENSHOTS, prefix: 'pc1' });
    pc2 = await launchApp({ screenshotDir: SCREENSHOTS, prefix: 'pc2' });
    invoke1 = invoker(() => pc1!);
    invoke2 = invoker(() => pc2!);
    // The first run of each PC (clicked through in server-join.test.ts): PC 1 sets up the office, PC 2 joins.
    await invoke1('setup:createOnServer', { pairingCode, setupCode, office: OFFICE, head: HEAD });
    await invoke1('session:login', { login: HEAD.login, password: HEAD.password });
    await invoke1('users:create', { ...WORKER, roles: ['social_worker'] });
    await invoke1('users:create', { ...ASSISTANT, roles: ['family_assistant'] });
    await invoke1('session:logout', {});
    await invoke2('setup:joinServer', { pairingCode });
    for (const pc of [pc1, pc2]) {
      await pc.page.reload();
      await heading(pc.page, 'Logowanie').waitFor();
    }
  }, 180_000);

  afterAll(async () => {
    await pc1?.close();
    await pc2?.close();
    await server?.teardown();
  });

  async function openCase(page: Page): Promise<void> {
    await nav(page, 'Sprawy').click();
    await page.getByRole('row').filter({ hasText: 'Kowalczyk Marta' }).getByRole('button').first().click();
    await heading(page, 'Kowalczyk Marta').waitFor();
  }

  it('the worker files a request on PC 1; the kierownik decides it on PC 2; PC 1 sees the decision unasked', async () => {
    const worker = pc1!.page;
    const head = pc2!.page;
    await logIn(worker, WORKER.login, WORKER.password);
    // The case up to its analysis, through PC 1's backend (the screens are the subject of case-process.test.ts).
    const today = new Date().toISOString().slice(0, 10);
    caseId = (await invoke1('cases:create', kowalczykReport(today, 41))).id;
    const { interviewId } = await invoke1('cases:startInterview', { caseId });
    const segments = {
      'I.A': { familyComposition: 'Matka i syn.' },
      'I.H': { needs: 'Wsparcie w opiece nad dzieckiem.' },
      'I.I': { diagnosis: 'Trudności opiekuńczo-wychowawcze.', conclusions: 'Asystent rodziny.' },
      'I.J': { helpPlan: 'Asystent rodziny.' },
    };
    const saved = await invoke1('interviews:save', { id: interviewId, expectedVersion: 1, conductedOn: today, place: 'Dom rodziny', segments, documents: {}, income: { items: [] } });
    await invoke1('interviews:complete', { id: interviewId, expectedVersion: saved.version });
    await invoke1('analysis:save', { caseId, reasons: ['parenting_helplessness'], strengths: 'Matka chce współpracować.', resources: '', conclusions: 'Asystent rodziny.', consentOn: today });

    // PC 1: the worker files the request on the analysis screen.
    await openCase(worker);
    await button(worker, 'Analiza sytuacji rodziny').click();
    await heading(worker, 'Analiza sytuacji rodziny').waitFor();
    await field(worker, 'Uzasadnienie wniosku').fill('Bezradność w sprawach opiekuńczo-wychowawczych; rodzina zgodziła się na asystenta.');
    await button(worker, 'Złóż wniosek o asystenta rodziny').click();
    await worker.getByText('Wniosek o asystenta rodziny czeka na decyzję kierownika ośrodka.').waitFor();
    await caseHeader(worker).getByText('Wniosek o asystenta rodziny').waitFor();
    await shot(pc1!, '01-wniosek-zlozony');

    // PC 2: the kierownik decides it, while PC 1 stays on the case.
    await logIn(head, HEAD.login, HEAD.password);
    await nav(head, /^Wnioski o asystenta, oczekujące: 1$/).click();
    await heading(head, 'Wnioski o asystenta rodziny').waitFor();
    await head.getByRole('row').filter({ hasText: 'Kowalczyk Marta' }).waitFor();
    await button(head, /^Zdecyduj/).click();
    const dialog = head.getByRole('dialog');
    await dialog.getByLabel(new RegExp(`^${ASSISTANT.firstName} ${ASSISTANT.lastName}`)).check();
    await button(dialog, 'Zapisz decyzję').click();
    await head.getByText('Żaden wniosek nie czeka na decyzję.').waitFor();
    const decidedAt = Date.now();
    await shot(pc2!, '01-decyzja');

    // PC 1, unasked: the case's header shows the decision within seconds.
    await caseHeader(worker).getByText('Asystent rodziny przydzielony').waitFor({ timeout: SEEN_WITHIN_MS });
    const seenAfterMs = Date.now() - decidedAt;
    console.log(`two PCs: the decision made on PC 2 showed on PC 1 after ${seenAfterMs} ms`);
    await shot(pc1!, '02-decyzja-widoczna');
  }, 240_000);

  it('both edit the same wywiad update: the later save gets the CONFLICT choice, nothing is overwritten silently', async () => {
    const worker = pc1!.page;
    const head = pc2!.page;
    // PC 1: the worker starts the update and saves a first change.
    await tab(worker, 'Wywiady').click();
    await button(worker, 'Rozpocznij aktualizację wywiadu').click();
    await heading(worker, 'Aktualizacja wywiadu środowiskowego').waitFor();
    await field(worker, 'Miejsce wywiadu').fill('Mieszkanie rodziny');
    await button(worker, 'Zapisz szkic').click();
    await worker.getByText(/^Zapisano o /).waitFor();

    // PC 2: the kierownik opens the same update and saves her change on top.
    await openCase(head);
    await tab(head, 'Wywiady').click();
    await head.getByRole('row').filter({ hasText: 'Aktualizacja wywiadu' }).getByRole('button', { name: 'Otwórz' }).click();
    await heading(head, 'Aktualizacja wywiadu środowiskowego').waitFor();
    expect(await field(head, 'Miejsce wywiadu').inputValue()).toBe('Mieszkanie rodziny');
    await field(head, 'Miejsce wywiadu').fill('Siedziba ośrodka');
    await button(head, 'Zapisz szkic').click();
    await head.getByText(/^Zapisano o /).waitFor();

    // PC 1: the worker's next save is based on the version she opened: a conflict, her typing kept on screen.
    await field(worker, 'Miejsce wywiadu').fill('Mieszkanie rodziny, ul. Polna 3');
    await button(worker, 'Zapisz szkic').click();
    const conflict = worker.getByRole('alert').filter({ hasText: 'Ktoś inny zapisał ten wywiad w międzyczasie' });
    await conflict.waitFor();
    expect(await field(worker, 'Miejsce wywiadu').inputValue()).toBe('Mieszkanie rodziny, ul. Polna 3');
    const interviewId = (await invoke1('cases:get', { id: caseId })).interviews.find((interview) => interview.status === 'draft')?.id ?? '';
    expect((await invoke1('interviews:get', { id: interviewId })).place).toBe('Siedziba ośrodka');
    await shot(pc1!, '03-konflikt');

    // She keeps hers, on purpose: saved as the newest version on top of the kierownik's.
    await button(conflict, 'Zachowaj moją wersję').click();
    await conflict.waitFor({ state: 'detached' });
    // The alert goes as the choice is made; the save on top follows.
    await expect.poll(async () => (await invoke1('interviews:get', { id: interviewId })).place).toBe('Mieszkanie rodziny, ul. Polna 3');

    // PC 2: the kierownik's next save is a conflict in turn; she takes the worker's version.
    await field(head, 'Miejsce wywiadu').fill('Siedziba ośrodka, pokój 2');
    await button(head, 'Zapisz szkic').click();
    const theirs = head.getByRole('alert').filter({ hasText: 'Ktoś inny zapisał ten wywiad w międzyczasie' });
    await theirs.waitFor();
    await shot(pc2!, '02-konflikt');
    await button(theirs, 'Wczytaj najnowszą wersję').click();
    await theirs.waitFor({ state: 'detached' });
    expect(await field(head, 'Miejsce wywiadu').inputValue()).toBe('Mieszkanie rodziny, ul. Polna 3');
    expect((await invoke2('interviews:get', { id: interviewId })).place).toBe('Mieszkanie rodziny, ul. Polna 3');
  }, 240_000);

  it('the server stops while the worker saves the wywiad: the change waits on PC 1 and is saved when the server is back', async () => {
    const worker = pc1!.page;
    const interviewId = (await invoke1('cases:get', { id: caseId })).interviews.find((interview) => interview.status === 'draft')?.id ?? '';
    await stopCluster(server.dir);
    await field(worker, 'Miejsce wywiadu').fill('Mieszkanie rodziny, ul. Polna 3 m. 2');
    await button(worker, 'Zapisz szkic').click();
    const banner = worker.getByRole('alert').filter({ hasText: 'Brak połączenia z serwerem biura' });
    await banner.waitFor();
    await worker.getByText('Nie zapisano w sprawie: brak połączenia z serwerem biura. Zmiany zapiszą się, gdy serwer znów odpowie.').waitFor();
    await worker.getByText(/szkic zachowany na tym komputerze/).waitFor();
    await shot(pc1!, '04-serwer-niedostepny');

    await startCluster(server.dir);
    await button(banner, 'Spróbuj ponownie').click();
    await banner.waitFor({ state: 'hidden', timeout: 20_000 });
    await worker.getByText(/^Zapisano o /).waitFor({ timeout: 20_000 });
    expect((await invoke1('interviews:get', { id: interviewId })).place).toBe('Mieszkanie rodziny, ul. Polna 3 m. 2');
    // Saved in the case: no copy of the draft is left, on the server or on this PC.
    expect(await invoke1('drafts:get', { key: `interview:${interviewId}` })).toBeNull();
    expect(await worker.evaluate(() => Object.keys(window.localStorage).filter((key) => key.startsWith('asysta.szkic.')))).toEqual([]);
    await shot(pc1!, '05-zapisano-po-powrocie');
  }, 240_000);
});
