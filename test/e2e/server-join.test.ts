/**
 * "Serwer w biurze" (issue 18) as the office does it, in the real renderer against a throwaway
 * office server (test/support/postgres.ts): PC 1 sets up the office on the server with the
 * pairing code and the one-time setup code printed by `npm run server -- init` (a mistyped and a
 * wrong code refused in Polish, nothing typed lost); PC 2 is refused a code of another server's CA,
 * then joins with the pairing code and its
 * worker signs in; the server goes down while she types — the banner says so, the draft is kept
 * on her PC, and it reaches the server once the server answers again. Started while the server is
 * down, PC 2 says so at sign-in, and signs in once it is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateServer } from '../../electron/data/postgres/migrate';
import { openOfficeSetup } from '../../electron/data/postgres/office';
import { startCluster, stopCluster } from '../../electron/server/cluster';
import { connectVerified } from '../../electron/server/connect';
import { formatPairingCode, INVALID_PAIRING_CODE } from '../../shared/pairing';
import { HEAD, OFFICE } from '../support/backend';
import { startTestServer, type TestServer } from '../support/postgres';
import { launchApp, SCREENSHOT_DIR, type AppHandle } from './harness';
import { button, field, heading, invoker, logIn, nav, shot } from './ui';

const SCREENSHOTS = `${SCREENSHOT_DIR}/server-join`;
const WORKER = { login: 'b.socjalna', firstName: 'Beata', lastName: 'Socjalna', password: 'Socjalna-Beata-2026!' };

describe('server mode: set up on the server, join from a second PC, an outage loses nothing', () => {
  let server: TestServer;
  let pairingCode: string;
  let setupCode: string;
  let pc1: AppHandle | undefined;
  let pc2: AppHandle | undefined;

  beforeAll(async () => {
    // What `npm run server -- init` does: the cluster, the schema, the one-time setup code, the pairing code.
    server = await startTestServer();
    const admin = await connectVerified(server.superuser());
    try {
      await migrateServer(admin);
      setupCode = await openOfficeSetup(admin);
    } finally {
      await admin.end();
    }
    pairingCode = formatPairingCode({ host: server.host, port: server.port, fingerprint: Buffer.from(server.config.caFingerprint, 'hex') });
  }, 120_000);

  afterAll(async () => {
    await pc1?.close();
    await pc2?.close();
    await server?.teardown();
  });

  it('PC 1 sets up the office on the server: a mistyped pairing code is caught as typed, a wrong setup code refused, the form kept', async () => {
    pc1 = await launchApp({ screenshotDir: SCREENSHOTS, prefix: 'pc1' });
    const { page } = pc1;
    await heading(page, 'Pierwsze uruchomienie').waitFor();
    await page.getByRole('radio', { name: /^Serwer w biurze/ }).click();
    await page.getByText('Załóż ośrodek na serwerze', { exact: true }).click();
    await page.getByText('Skąd wziąć kody?').waitFor();

    // As typed: how far, then a mistyped character caught by the checksum.
    await field(page, 'Kod parowania').fill(pairingCode.slice(0, 11));
    await page.getByText('Wpisano 10 z 40 znaków.').waitFor();
    const last = pairingCode.at(-1) === 'A' ? 'B' : 'A';
    await field(page, 'Kod parowania').fill(`${pairingCode.slice(0, -1)}${last}`);
    await page.getByText(INVALID_PAIRING_CODE).waitFor();
    await shot(pc1, '01-kod-parowania-bledny');
    await field(page, 'Kod parowania').fill(pairingCode.toLowerCase());
    await page.getByText(`Kod przepisany bez błędów: serwer ${server.host}, port ${server.port}.`).waitFor();

    await field(page, 'Kod założenia biura').fill('AAAAA-BBBBB-CCCCC-DDDDD');
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
    await button(page, 'Załóż ośrodek na serwerze').click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Nie udało się założyć ośrodka na serwerze' });
    await refusal.getByText(/Kod założenia biura jest nieprawidłowy/).waitFor();
    await shot(pc1, '02-kod-zalozenia-odrzucony');
    // Refused: nothing typed is lost, and this PC stays unjoined.
    expect(await field(page, 'Nazwa ośrodka').inputValue()).toBe(OFFICE.name);
    expect(await field(page, 'Powtórz hasło').inputValue()).toBe(HEAD.password);
    expect(await field(page, 'Kod parowania').inputValue()).toBe(pairingCode.toLowerCase());
    expect((await pc1.backend.status()).state).toBe('setup');

    await field(page, 'Kod założenia biura').fill(setupCode);
    await button(page, 'Załóż ośrodek na serwerze').click();
    await heading(page, 'Ośrodek założony na serwerze').waitFor();
    await page.getByText(`${OFFICE.name} działa na serwerze biura ${server.host}:${server.port}`, { exact: false }).waitFor();
    await shot(pc1, '03-osrodek-zalozony');
    await button(page, 'Przejdź do logowania').click();

    await heading(page, 'Logowanie').waitFor();
    await expect.poll(() => page.getByTestId('server-address').textContent()).toBe(`Dane ośrodka: serwer biura ${server.host}:${server.port}`);
    // No recovery code nor backup file on this PC: both are the server's.
    expect(await page.getByRole('button', { name: 'Przywróć z kopii zapasowej' }).count()).toBe(0);
    await shot(pc1, '04-logowanie');
    await logIn(page, HEAD.login, HEAD.password);
    // Where the data is, in the menu's status line.
    await page.getByTestId('server-status').getByText(`${server.host}:${server.port}`).waitFor();
    await shot(pc1, '05-pulpit-kierownika');

    await nav(page, 'Kopie zapasowe').click();
    await heading(page, 'Kopie zapasowe').waitFor();
    await page.getByText('npm run server -- backup --dir FOLDER_SERWERA --out FOLDER_KOPII').waitFor();
    expect(await page.getByRole('button', { name: 'Zrób kopię teraz' }).count()).toBe(0);
    await shot(pc1, '06-kopie-na-serwerze');

    // The kierownik adds a social worker (through the app's backend, as the Użytkownicy page does).
    await invoker(() => pc1!)('users:create', { ...WORKER, roles: ['social_worker'] });
  }, 240_000);

  it('PC 2 joins with the pairing code, the worker signs in; the server goes down while she types and nothing is lost', async () => {
    pc2 = await launchApp({ screenshotDir: SCREENSHOTS, prefix: 'pc2' });
    const { page } = pc2;
    await heading(page, 'Pierwsze uruchomienie').waitFor();
    await page.getByRole('radio', { name: /^Serwer w biurze/ }).click();
    // "Dołącz do serwera biura" is the server path's first choice: only the pairing code.
    expect(await field(page, 'Nazwa ośrodka').count()).toBe(0);
    // A well-formed code of another server's CA (a replaced certificate): refused, never downgraded, the code kept.
    const foreign = formatPairingCode({ host: server.host, port: server.port, fingerprint: new Uint8Array(16).fill(7) });
    await field(page, 'Kod parowania').fill(foreign);
    await page.getByText(/^Kod przepisany bez błędów: serwer/).waitFor();
    await button(page, 'Dołącz do serwera').click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Nie udało się dołączyć do serwera' });
    await refusal.getByText(/nie zgadza się z kodem parowania|nie pochodzi od serwera tego biura/).waitFor();
    expect(await field(page, 'Kod parowania').inputValue()).toBe(foreign);
    expect((await pc2.backend.status()).state).toBe('setup');
    await shot(pc2, '01-certyfikat-odrzucony');
    await field(page, 'Kod parowania').fill(pairingCode);
    await shot(pc2, '02-dolacz');
    await button(page, 'Dołącz do serwera').click();
    await heading(page, 'Logowanie').waitFor();
    await page.getByTestId('server-address').getByText(`${server.host}:${server.port}`).waitFor();
    await logIn(page, WORKER.login, WORKER.password);

    // The worker starts an intake; the draft goes to the server.
    await nav(page, 'Nowe zgłoszenie').click();
    await heading(page, 'Nowe zgłoszenie').waitFor();
    await field(page, 'Treść zgłoszenia').fill('Sąsiadka zgłasza, że dzieci są same w domu.');
    await page.getByText(/^Szkic zapisany o/).waitFor();

    // The server goes down: the banner, and the typing kept on this PC.
    await stopCluster(server.dir);
    const banner = page.getByRole('alert').filter({ hasText: 'Brak połączenia z serwerem biura' });
    await banner.waitFor({ timeout: 20_000 });
    await field(page, 'Treść zgłoszenia').fill('Sąsiadka zgłasza, że dzieci są same w domu od rana.');
    await page.getByText(/szkic zachowany na tym komputerze/).waitFor();
    await page.getByTestId('server-status').getByText('Serwer biura — brak połączenia').waitFor();
    await shot(pc2, '03-brak-polaczenia');
    await button(banner, 'Spróbuj ponownie').click();
    await banner.getByText(/Serwer nadal nie odpowiada/).waitFor();

    // Back: "Spróbuj ponownie" (or the next poll) clears the banner, and the kept draft reaches the server.
    await startCluster(server.dir);
    await button(banner, 'Spróbuj ponownie').click();
    await banner.waitFor({ state: 'hidden', timeout: 20_000 });
    await expect
      .poll(async () => {
        const stored = await invoker(() => pc2!)('drafts:get', { key: 'intake:new' });
        return stored?.data ?? '';
      }, { timeout: 20_000 })
      .toContain('od rana');
    expect(await page.evaluate(() => Object.keys(window.localStorage).filter((key) => key.startsWith('asysta.szkic.')))).toEqual([]);
    await shot(pc2, '04-polaczenie-wrocilo');
  }, 240_000);

  it('PC 2 started while the server is down: says so in Polish, and signs in once it is back', async () => {
    const dataDir = pc2!.dataDir;
    await pc2!.close();
    pc2 = undefined;
    await stopCluster(server.dir);
    pc2 = await launchApp({ dataDir, screenshotDir: SCREENSHOTS, prefix: 'pc2-restart' });
    const { page } = pc2;
    await heading(page, 'Logowanie').waitFor();
    await page.getByTestId('server-address').getByText(`${server.host}:${server.port}`).waitFor();
    await field(page, 'Login').fill(WORKER.login);
    await field(page, 'Hasło').fill(WORKER.password);
    await button(page, 'Zaloguj').click();
    await page.getByRole('main').getByRole('alert').getByText(`Brak połączenia z serwerem Asysty (${server.host}:${server.port}).`, { exact: false }).waitFor();
    // Never checked, so nothing to retype: "Zaloguj" again once the server is back.
    expect(await field(page, 'Login').inputValue()).toBe(WORKER.login);
    expect(await field(page, 'Hasło').inputValue()).toBe(WORKER.password);
    await shot(pc2, '05-start-bez-serwera');

    await startCluster(server.dir);
    await button(page, 'Zaloguj').click();
    await heading(page, 'Pulpit — do zrobienia').waitFor();
    await page.getByTestId('server-status').getByText('Serwer biura', { exact: true }).waitFor();
  }, 120_000);
});
