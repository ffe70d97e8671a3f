/**
 * Food-aid (FEPŻ) and social-shop referrals (issue 19) through the real screens, from the keyboard:
 * the worker qualifies a household without a case (the live result says why), issues the FEPŻ
 * skierowanie (the built PDF worker renders it; the system viewer is a stub that keeps the file),
 * is warned when she tries again for the same person, issues a social-shop referral, and exports
 * the partner's list from the register. The PDF is read back as text and as a page image
 * (kept with the screenshots: test-results/e2e/referrals-*.png), the list is opened as a workbook.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/clock';
import { makePesel } from '../../shared/domain/pesel';
import { DEFAULT_REFERRAL_SETTINGS } from '../../shared/referrals';
import { HEAD, OFFICE } from '../support/backend';
import { screenshotDir } from '../support/run-env';
import { hasPdftoppm, readPdf } from '../integration/electron/pdf/pdf-helpers';
import { launchApp, SCREENSHOT_DIR, type AppHandle } from './harness';
import { invoker, logIn, nav, region, shot } from './ui';

const WORKER = { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: 'Pracownik-2026!' };
const PESEL = makePesel('1957-03-08', 'F', 77);

/** The entries of a ZIP (an .xlsx), by name. */
function unzip(bytes: Buffer): Map<string, string> {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const files = new Map<string, string>();
  let at = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < bytes.readUInt16LE(end + 10); i++) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = bytes.subarray(dataAt, dataAt + size);
    files.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString('utf8'));
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return files;
}

/** Focuses a control by its accessible name and types into it, as a keyboard user would after Tab. */
async function typeInto(page: Page, label: string, text: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** Opens a Mantine select from the keyboard and picks the option that starts with `option`. */
async function pick(page: Page, label: string, option: string): Promise<void> {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.focus();
  await page.keyboard.press('ArrowDown');
  const target = page.getByRole('option', { name: new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  await target.waitFor();
  for (let i = 0; i < 30 && (await target.getAttribute('data-combobox-selected')) === null; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

async function press(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('button', { name, exact: typeof name === 'string' }).focus();
  await page.keyboard.press('Enter');
}

describe('referrals through the screens', () => {
  let app: AppHandle;
  const opened: { path: string; mode: string; bytes: Buffer }[] = [];
  const invoke = invoker(() => app);

  beforeAll(async () => {
    app = await launchApp({
      clock: new ManualClock('2026-03-02T10:00:00.000Z'),
      prefix: 'referrals',
      openFile: async (path, mode) => {
        opened.push({ path, mode, bytes: readFileSync(path) });
      },
    });
    await invoke('setup:create', { office: OFFICE, head: HEAD });
    await invoke('session:login', { login: HEAD.login, password: HEAD.password });
    await invoke('users:create', { ...WORKER, roles: ['social_worker'] });
    await invoke('referrals:saveSubprogramme', { name: 'Podprogram 2026', validUntil: '2027-06-30' });
    await invoke('referrals:savePartner', {
      name: 'Bank Żywności w Słupsku',
      address: 'ul. Portowa 13, 76-200 Słupsk',
      points: [{ name: 'Punkt przy parafii św. Jadwigi', address: 'ul. Kościelna 2, 74-202 Bielice', hours: 'wt. 10–14' }],
    });
    await invoke('referrals:saveSettings', {
      ...DEFAULT_REFERRAL_SETTINGS,
      shop: { ...DEFAULT_REFERRAL_SETTINGS.shop, name: 'Sklep Społeczny „Przystań”', address: 'ul. Rynek 5, 74-202 Bielice', art7Required: false, limitsText: 'Do 300 zł miesięcznie.' },
    });
    await invoke('session:logout', {});
    await app.page.reload();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('qualifies and issues a FEPŻ and a social-shop referral, warns of a duplicate, exports the partner list', async () => {
    const { page } = app;
    try {
      await logIn(page, WORKER.login, WORKER.password);
      await nav(page, 'Skierowania').focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Skierowania', exact: true }).waitFor();

      // A household of one, declared on 27.02.2026: a pension above the threshold first.
      await typeInto(page, 'Data oświadczenia', '27.02.2026');
      await typeInto(page, 'PESEL (osoba 1)', PESEL);
      await page.keyboard.press('Tab');
      await page.keyboard.type('Zofia');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Żuławska-Łęcka');
      await press(page, 'Dodaj dochód');
      await pick(page, 'Źródło (dochód 1)', 'Emerytura');
      await typeInto(page, 'Kwota brutto (dochód 1)', '2700');
      const result = region(page, 'Wynik kwalifikacji');
      await result.getByText('Nie kwalifikuje się', { exact: true }).waitFor();
      await result.getByText(/przekracza próg 2\s676,50\szł/).waitFor();
      await result.getByText('Wskaż co najmniej jedną przesłankę z art. 7 ustawy o pomocy społecznej.').waitFor();
      await shot(app, '1-not-eligible');

      await typeInto(page, 'Kwota brutto (dochód 1)', '2500');
      await page.getByRole('checkbox', { name: 'Ubóstwo' }).focus();
      await page.keyboard.press('Space');
      await result.getByText('Kwalifikuje się', { exact: true }).waitFor();
      await pick(page, 'Podprogram', 'Podprogram 2026');
      await pick(page, 'Organizacja partnerska', 'Bank Żywności w Słupsku');
      await pick(page, 'Punkt wydawania', 'Punkt przy parafii');
      await shot(app, '2-eligible');
      await press(page, 'Wydaj skierowanie');
      await page.getByText('Wydano skierowanie nr 1/2026').waitFor({ timeout: 60_000 });
      await press(page, 'Otwórz skierowanie nr 1/2026');
      await page.getByText('Skierowanie nr 1/2026 otwarto w przeglądarce plików PDF.').waitFor();
      await shot(app, '3-issued');

      const pdfFile = opened[0];
      expect(pdfFile?.path).toMatch(/skierowanie-1-2026\.pdf$/);
      const text = (await readPdf(new Uint8Array(pdfFile!.bytes))).text.replace(/\s+/g, ' ');
      for (const expected of ['SKIEROWANIE DO OTRZYMANIA POMOCY ŻYWNOŚCIOWEJ NR 1/2026', 'Zofia Żuławska-Łęcka', 'Dochód na osobę: 2 500,00 zł', '2 676,50 zł – 265% kryterium 1 010,00 zł', 'Punkt przy parafii św. Jadwigi', 'Skierowanie ważne do: 30.06.2027', 'Anna Nowak', 'Klauzula informacyjna']) {
        expect(text).toContain(expected);
      }
      // The printed page as evidence, with the screenshots (ASYSTA_SCREENSHOTS).
      const evidenceDir = screenshotDir(SCREENSHOT_DIR);
      if (evidenceDir && hasPdftoppm()) {
        const pdfPath = join(evidenceDir, 'referrals-skierowanie-fepz.pdf');
        writeFileSync(pdfPath, pdfFile!.bytes);
        execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfPath, join(evidenceDir, 'referrals-skierowanie-fepz')]);
      }

      // The same person again: the register finds her by PESEL, the office warns, a reason lets it through.
      await typeInto(page, 'PESEL (osoba 1)', PESEL);
      await page.keyboard.press('Tab');
      await page.getByText(/^Osoba z rejestru ośrodka:/).waitFor();
      await press(page, 'Dodaj dochód');
      await typeInto(page, 'Kwota brutto (dochód 1)', '1200');
      await page.getByRole('checkbox', { name: 'Niepełnosprawność' }).focus();
      await page.keyboard.press('Space');
      await pick(page, 'Podprogram', 'Podprogram 2026');
      await pick(page, 'Organizacja partnerska', 'Bank Żywności w Słupsku');
      await pick(page, 'Punkt wydawania', 'Punkt przy parafii');
      await press(page, 'Wydaj skierowanie');
      await page.getByText('Ta osoba ma już ważne skierowanie', { exact: true }).waitFor();
      await page.getByText(/ma już ważne skierowanie nr 1\/2026/).waitFor();
      await shot(app, '4-duplicate-warning');
      await typeInto(page, 'Powód kolejnego skierowania', 'Poprzednie skierowanie zniszczone w pożarze.');
      await press(page, 'Wydaj kolejne skierowanie');
      await page.getByText('Wydano skierowanie nr 2/2026').waitFor({ timeout: 60_000 });

      // The social shop: the office's rule (250 % of the criterion), no art. 7 reason required here.
      await page.getByRole('radio', { name: 'Sklep socjalny' }).focus();
      await page.keyboard.press('Space');
      await typeInto(page, 'PESEL (osoba 1)', makePesel('1988-11-30', 'M', 78));
      await page.keyboard.press('Tab');
      await page.keyboard.type('Tomasz');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Źrebiec');
      // A son without a PESEL: his birth date, sex and passport instead.
      await press(page, 'Dodaj osobę');
      await typeInto(page, 'Imię (osoba 2)', 'Mykoła');
      await typeInto(page, 'Nazwisko (osoba 2)', 'Źrebiec');
      await page.getByRole('checkbox', { name: 'Osoba 2 nie ma numeru PESEL' }).focus();
      await page.keyboard.press('Space');
      await typeInto(page, 'Data urodzenia (osoba 2)', '30.09.2017');
      await pick(page, 'Płeć (osoba 2)', 'mężczyzna');
      await pick(page, 'Dokument tożsamości (osoba 2)', 'Paszport');
      await typeInto(page, 'Numer dokumentu (osoba 2)', 'FX1234567');
      await press(page, 'Dodaj dochód');
      await typeInto(page, 'Kwota brutto (dochód 1)', '3800');
      // Two persons, 3 800 zł: 1 900 zł each, within 250 % of K2 (823 zł) = 2 057,50 zł.
      await result.getByText(/nie przekracza 2\s057,50\szł \(250% kryterium 823,00\szł/).waitFor();
      await press(page, 'Wydaj skierowanie');
      await page.getByText('Wydano skierowanie nr 3/2026').waitFor({ timeout: 60_000 });
      await press(page, 'Drukuj skierowanie nr 3/2026');
      await page.getByText(/wybierz w niej „Drukuj” \(Ctrl\+P\)\.$/).waitFor();
      expect(opened.at(-1)?.mode).toBe('print');
      const shopText = (await readPdf(new Uint8Array(opened.at(-1)!.bytes))).text.replace(/\s+/g, ' ');
      expect(shopText).toContain('SKIEROWANIE DO SKLEPU SOCJALNEGO NR 3/2026');
      expect(shopText).toContain('Sklep Społeczny „Przystań”');
      expect(shopText).toContain('Liczba osób w gospodarstwie domowym: 2');

      // The FEPŻ register: two referrals, search, the partner's list as a workbook.
      await page.getByRole('tab', { name: 'Rejestr FEPŻ' }).focus();
      await page.keyboard.press('Enter');
      const register = page.getByRole('table', { name: 'Skierowania FEPŻ' });
      await register.waitFor();
      expect(await register.getByRole('row').count()).toBe(3);
      await typeInto(page, 'Szukaj', 'żuław');
      await register.getByText('Poprzednie skierowanie zniszczone w pożarze.', { exact: false }).waitFor();
      await shot(app, '5-register');
      const download = page.waitForEvent('download');
      await press(page, 'Lista dla partnera (XLSX)');
      const file = await download;
      expect(file.suggestedFilename()).toBe('skierowania-fepz-podprogram-2026-2026-03-02.xlsx');
      const sheet = unzip(readFileSync((await file.path())!)).get('xl/worksheets/sheet1.xml') ?? '';
      for (const cell of ['Nr skierowania', 'Imię i nazwisko', 'Liczba osób w gospodarstwie domowym', 'Ważne do', '1/2026', '2/2026', 'Zofia Żuławska-Łęcka', '30.06.2027']) {
        expect(sheet).toContain(cell);
      }
      expect(sheet).not.toContain(PESEL);

      await page.getByRole('tab', { name: 'Rejestr sklepu socjalnego' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('table', { name: 'Skierowania do sklepu socjalnego' }).getByText('Tomasz Źrebiec').waitFor();
    } catch (error) {
      await app.screenshot('failure').catch(() => undefined);
      throw error;
    }
  }, 240_000);

  it('the kierownik keeps the settings: a sub-programme needs its validity date, a threshold only from a future day', async () => {
    const { page } = app;
    try {
      await logIn(page, HEAD.login, HEAD.password);
      await nav(page, 'Skierowania').focus();
      await page.keyboard.press('Enter');
      await page.getByRole('tab', { name: 'Ustawienia skierowań' }).focus();
      await page.keyboard.press('Enter');
      await typeInto(page, 'Nazwa podprogramu', 'Podprogram 2027');
      await press(page, 'Dodaj podprogram');
      await page.getByText(/Podprogram musi mieć datę końca ważności skierowań\./).waitFor();
      expect((await invoke('referrals:config', {})).subprogrammes.map((x) => x.name)).toEqual(['Podprogram 2026']);
      await typeInto(page, 'Ważność skierowań do (DD.MM.RRRR)', '30.06.2028');
      await press(page, 'Dodaj podprogram');
      await page.getByText('Dodano podprogram Podprogram 2027.').waitFor();
      await page.getByText('Podprogram 2027 — skierowania ważne do 30.06.2028').waitFor();

      await typeInto(page, 'Nowy próg od (DD.MM.RRRR)', '01.03.2026');
      await typeInto(page, 'Próg (% kryterium)', '280');
      await typeInto(page, 'Podstawa zmiany', 'Zmiana programu');
      await press(page, 'Dodaj próg');
      await page.getByText(/najwcześniej od jutra/).waitFor();
      await typeInto(page, 'Nowy próg od (DD.MM.RRRR)', '01.01.2027');
      await press(page, 'Dodaj próg');
      await page.getByText('Dodano próg.').waitFor();
      await page.getByRole('table', { name: 'Progi FEPŻ' }).getByText('280%').waitFor();
      await shot(app, '6-settings');
    } catch (error) {
      await app.screenshot('failure').catch(() => undefined);
      throw error;
    }
  }, 120_000);
});
