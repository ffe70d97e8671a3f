/**
 * The work tray, search while typing and the statistics (issue 8) through the built UI, on a
 * small office seeded through the backend at a fixed date (Tuesday 10 March 2026):
 * - each user's tray, group by group and item by item, and one click from an item to where it is done;
 * - the kierownik's office tray, the assistants' caseloads and the backup warning;
 * - a surname typed without Polish letters, a result opened with the keyboard; an assistant who
 *   does not find a family that is not hers;
 * - the statistics for a period, checked against counts made here from the seeded scenario, and
 *   the CSV export read back.
 * Screenshots: test-results/tray/*.png.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanArea } from '../../shared/domain/familyWork';
import type { AppErrorShape } from '../../shared/result';
import { ManualClock } from '../../electron/clock';
import { HEAD, OFFICE, type TestBackend } from '../support/backend';
import { caseWithRequest, PASSWORD, signIn, simpleIntake } from '../support/case-flow';
import { launchApp, type AppHandle } from './harness';
import { button, heading, invoker, logIn as logInAs, logOut as logOutOf, nav, region, shot as screenshot } from './ui';

const SCREENSHOTS = resolve('test-results/tray');
const [A, B, C, D, E] = ['OPS.AR.1.2026', 'OPS.AR.2.2026', 'OPS.AR.3.2026', 'OPS.AR.4.2026', 'OPS.AR.5.2026'];

const AREAS: PlanArea[] = [
  {
    name: 'Opieka nad dziećmi',
    goals: [
      {
        name: 'Regularne uczęszczanie syna do szkoły',
        tasks: [
          { description: 'Spotkanie z pedagogiem szkolnym', responsible: 'Asystent rodziny', deadline: '2026-03-05', expectedEffect: 'Wspólny plan', resources: '', status: 'planned' },
          { description: 'Wizyta w poradni', responsible: 'Matka', deadline: '2026-03-12', expectedEffect: 'Diagnoza', resources: '', status: 'planned' },
          { description: 'Codzienne odprowadzanie syna do szkoły', responsible: 'Matka', deadline: '2026-06-30', expectedEffect: 'Frekwencja 90%', resources: '', status: 'in_progress' },
          { description: 'Zapis na świetlicę', responsible: 'Matka', deadline: '2026-03-04', expectedEffect: 'Opieka po lekcjach', resources: '', status: 'done' },
        ],
      },
    ],
  },
];

type Row = [due: string, task: string, family: string, caseNumber: string];

const searchBox = (page: Page) => page.getByLabel('Szukaj sprawy', { exact: true });

/** A tray group's rows as the user reads them: due date, task, family, case number. */
async function trayRows(group: Locator): Promise<Row[]> {
  await group.waitFor();
  return group.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr): Row => {
      const cells = [...tr.querySelectorAll('td')];
      const text = (el: Element | null | undefined) => (el?.textContent ?? '').trim();
      return [text(cells[0]?.querySelector('p')), text(cells[1]?.querySelector('button')), text(cells[2]), text(cells[3])];
    }),
  );
}

async function trayOf(page: Page, list: string): Promise<Record<string, Row[]>> {
  const scope = region(page, list);
  return {
    overdue: await trayRows(region(scope, 'Po terminie')),
    this_week: await trayRows(region(scope, 'W ciągu 7 dni')),
    later: await trayRows(region(scope, 'Później')),
  };
}

describe('the work tray, search and statistics', () => {
  let app: AppHandle;

  const invoke = invoker(() => app);
  const shot = (name: string) => screenshot(app, name);
  const logIn = (login: string, password: string) => logInAs(app.page, login, password);
  const logOut = () => logOutOf(app.page);

  beforeAll(async () => {
    app = await launchApp({ clock: new ManualClock('2026-03-02T08:00:00.000Z'), screenshotDir: SCREENSHOTS });
    // The support helpers drive a TestBackend; the app's backend is one.
    const t: TestBackend = {
      backend: app.backend,
      dataDir: app.dataDir,
      clock: app.clock,
      call: invoke,
      fail: async (channel, input) => {
        const result = await app.backend.invoke(channel, input);
        if (result.ok) throw new Error(`${channel} should have been refused`);
        return (result as { ok: false; error: AppErrorShape }).error;
      },
      cleanup: async () => undefined,
    };
    await invoke('setup:create', { office: OFFICE, head: HEAD });
    await invoke('session:login', { login: HEAD.login, password: HEAD.password });
    await invoke('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
    const assistant = await invoke('users:create', { firstName: 'Bożena', lastName: 'Wiśniewska', login: 'bwisniewska', password: PASSWORD, roles: ['family_assistant'] });

    // A: reported. B: a request waiting for the kierownik. C: the assistant works with the family
    // (signed plan, signed kontrakt). D: the work ended, monitoring runs.
    await signIn(t, 'anowak');
    await invoke('cases:create', simpleIntake(1));
    await caseWithRequest(t, 'anowak', 2);
    const c = await caseWithRequest(t, 'anowak', 3);
    const d = await caseWithRequest(t, 'anowak', 4);
    await signIn(t, HEAD.login);
    for (const { requestId } of [c, d]) await invoke('requests:decide', { requestId, decision: { kind: 'assign', assistantId: assistant.id } });
    await signIn(t, 'bwisniewska');
    for (const { caseId } of [c, d]) {
      const plan = await invoke('plans:create', { caseId, content: { type: 'standard', coordinator: '', areas: AREAS } });
      await invoke('plans:sign', { id: plan.id, signedOn: '2026-03-02' });
    }
    await invoke('closure:propose', { caseId: d.caseId, reason: 'goals_met', note: '' });
    await signIn(t, HEAD.login);
    await invoke('closure:decide', { caseId: d.caseId, decision: 'monitor', note: '' });
    await signIn(t, 'anowak');
    const mother = (await invoke('cases:get', { id: c.caseId })).family.members[0]!.person.id;
    const contract = await invoke('contracts:create', {
      caseId: c.caseId,
      variant: 'A',
      clientIds: [mother],
      causes: '',
      possibilities: '',
      limitations: '',
      mainGoal: 'Podjęcie pracy',
      partialGoals: [],
      actions: [
        { party: 'client', description: 'Rejestracja w PUP', deadline: '2026-03-09' },
        { party: 'worker', description: 'Pomoc w dokumentach', deadline: '2026-04-30' },
      ],
      periodFrom: '2026-03-02',
      periodTo: '2026-08-31',
    });
    await invoke('contracts:event', { id: contract.id, event: 'sign', signedOn: '2026-03-02' });

    // A week later: E, the Żółć family, reported on Wednesday 4 March (wywiad due 24 March).
    app.clock.set('2026-03-10T08:00:00.000Z');
    await signIn(t, 'anowak');
    const e = simpleIntake(5, '2026-03-04');
    e.members = e.members.map((m, i) => (m.person ? { ...m, person: { ...m.person, lastName: 'Żółć', firstName: i === 0 ? 'Małgorzata' : 'Kacper' } } : m));
    expect((await invoke('cases:create', e)).number).toBe(E);
    await invoke('session:logout', {});
    await app.page.reload();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('shows the social worker her tray item by item, one click from where each is done, and finds "Żółć" by "Zolc"', async () => {
    const { page } = app;
    await logIn('anowak', PASSWORD);
    expect(await page.getByText('Wtorek, 10.03.2026').count()).toBe(1);
    expect(await trayOf(page, 'Moje zadania')).toEqual({
      overdue: [['09.03.2026', 'Kontrakt: Rejestracja w PUP', 'Kowalczyk3 Marta', C]],
      this_week: [],
      later: [
        ['20.03.2026', 'Wywiad środowiskowy', 'Kowalczyk1 Marta', A],
        ['24.03.2026', 'Wywiad środowiskowy', 'Żółć Małgorzata', E],
        ['30.04.2026', 'Kontrakt: Pomoc w dokumentach', 'Kowalczyk3 Marta', C],
        ['02.09.2026', 'Aktualizacja wywiadu', 'Kowalczyk3 Marta', C],
      ],
    });
    await region(page, 'Po terminie').getByText('1 dzień po terminie').waitFor();
    await shot('tray-01-worker');

    // One click: the kontrakt's action opens the case file on its kontrakt.
    await button(page, 'Kontrakt: Rejestracja w PUP').click();
    await region(page, 'Dane sprawy').getByText(C).first().waitFor();
    await page.getByRole('tab', { name: 'Kontrakt', exact: true, selected: true }).waitFor();
    // The wywiad to make opens the case file on its interviews.
    await nav(page, 'Pulpit').click();
    await region(page, 'Później').getByRole('row').filter({ hasText: E }).getByRole('button', { name: 'Wywiad środowiskowy' }).click();
    await region(page, 'Dane sprawy').getByText(E).first().waitFor();
    await page.getByRole('tab', { name: 'Wywiady', selected: true }).waitFor();

    // Search while typing, without Polish letters; the keyboard opens the result.
    await nav(page, 'Pulpit').click();
    await heading(page, 'Pulpit — do zrobienia').waitFor();
    const box = searchBox(page);
    await box.click();
    await box.pressSequentially('Zolc', { delay: 30 });
    const hit = page.getByRole('option', { name: `Żółć Małgorzata, sprawa ${E}` });
    await hit.waitFor();
    expect(await page.getByRole('option').count()).toBe(1);
    await hit.getByText('Zgłoszenie', { exact: true }).waitFor();
    await shot('tray-02-search-zolc');
    await box.press('ArrowDown');
    await expect.poll(() => hit.getAttribute('data-combobox-selected')).toBe('true');
    await box.press('Enter');
    await region(page, 'Dane sprawy').getByText(E).first().waitFor();
    expect(await box.inputValue()).toBe('');

    // Several hits are listed, ranked, each with the family's status; ↓ ↓ Enter opens the second.
    await box.click();
    await box.pressSequentially('kowalczyk', { delay: 20 });
    await page.getByRole('option', { name: `Kowalczyk1 Marta, sprawa ${A}` }).waitFor();
    const names = await page.getByRole('option').evaluateAll((options) => options.map((o) => o.getAttribute('aria-label')));
    // The worker leads all four Kowalczyk cases.
    expect([...names].sort()).toEqual([`Kowalczyk1 Marta, sprawa ${A}`, `Kowalczyk2 Marta, sprawa ${B}`, `Kowalczyk3 Marta, sprawa ${C}`, `Kowalczyk4 Marta, sprawa ${D}`]);
    await box.press('ArrowDown');
    await box.press('ArrowDown');
    await box.press('Enter');
    const second = (names[1] ?? '').replace(/^.*sprawa /, '');
    await region(page, 'Dane sprawy').getByText(second).first().waitFor();
    await logOut();
  }, 120_000);

  it('shows the assistant her families only: her tray, and no other family in the search', async () => {
    const { page } = app;
    await logIn('bwisniewska', PASSWORD);
    expect(await trayOf(page, 'Moje zadania')).toEqual({
      overdue: [['05.03.2026', 'Plan: Spotkanie z pedagogiem szkolnym', 'Kowalczyk3 Marta', C]],
      this_week: [['12.03.2026', 'Plan: Wizyta w poradni', 'Kowalczyk3 Marta', C]],
      later: [
        ['02.06.2026', 'Koniec monitoringu', 'Kowalczyk4 Marta', D],
        ['30.06.2026', 'Plan: Codzienne odprowadzanie syna do szkoły', 'Kowalczyk3 Marta', C],
        ['02.09.2026', 'Okresowa ocena sytuacji rodziny', 'Kowalczyk3 Marta', C],
      ],
    });
    // No backup card, no office tray, no caseloads for an assistant.
    expect(await region(page, 'Kopia zapasowa').count()).toBe(0);
    expect(await region(page, 'Obciążenie asystentów rodziny').count()).toBe(0);
    await shot('tray-03-assistant');

    const box = searchBox(page);
    await box.click();
    await box.pressSequentially('Zolc', { delay: 30 });
    await page.getByText('Nie znaleziono spraw, do których masz dostęp.').waitFor();
    expect(await page.getByRole('option').count()).toBe(0);
    await shot('tray-04-assistant-search-none');
    await box.fill('');
    await box.pressSequentially('Kowalczyk', { delay: 20 });
    await page.getByRole('option', { name: `Kowalczyk3 Marta, sprawa ${C}` }).waitFor();
    const names = await page.getByRole('option').evaluateAll((options) => options.map((o) => o.getAttribute('aria-label')));
    expect([...names].sort()).toEqual([`Kowalczyk3 Marta, sprawa ${C}`, `Kowalczyk4 Marta, sprawa ${D}`]);
    await box.press('Escape');
    await logOut();
  }, 120_000);

  it('shows the kierownik her decisions, the office tray, the caseloads and the backup warning', async () => {
    const { page } = app;
    await logIn(HEAD.login, HEAD.password);
    const backup = region(page, 'Kopia zapasowa');
    await backup.getByText('Kopia zapasowa jest nieaktualna').waitFor();
    await backup.getByText('Nie wykonano jeszcze kopii zapasowej.', { exact: false }).waitFor();
    expect(await trayOf(page, 'Moje zadania')).toEqual({
      overdue: [],
      this_week: [['11.03.2026', 'Decyzja o asystencie', 'Kowalczyk2 Marta', B]],
      later: [],
    });
    const caseload = page.getByRole('group', { name: 'Bożena Wiśniewska: 2 z 15 rodzin' });
    await caseload.waitFor();
    expect(await caseload.getByRole('progressbar').getAttribute('aria-valuenow')).toBe(String(Math.round((2 / 15) * 100)));
    await shot('tray-05-head');

    await page.getByRole('tab', { name: /^Cały ośrodek \(11\)$/ }).click();
    expect(await trayOf(page, 'Terminy ośrodka')).toEqual({
      overdue: [
        ['05.03.2026', 'Plan: Spotkanie z pedagogiem szkolnym', 'Kowalczyk3 Marta', C],
        ['09.03.2026', 'Kontrakt: Rejestracja w PUP', 'Kowalczyk3 Marta', C],
      ],
      this_week: [
        ['11.03.2026', 'Decyzja o asystencie', 'Kowalczyk2 Marta', B],
        ['12.03.2026', 'Plan: Wizyta w poradni', 'Kowalczyk3 Marta', C],
      ],
      later: [
        ['20.03.2026', 'Wywiad środowiskowy', 'Kowalczyk1 Marta', A],
        ['24.03.2026', 'Wywiad środowiskowy', 'Żółć Małgorzata', E],
        ['30.04.2026', 'Kontrakt: Pomoc w dokumentach', 'Kowalczyk3 Marta', C],
        ['02.06.2026', 'Koniec monitoringu', 'Kowalczyk4 Marta', D],
        ['30.06.2026', 'Plan: Codzienne odprowadzanie syna do szkoły', 'Kowalczyk3 Marta', C],
        ['02.09.2026', 'Aktualizacja wywiadu', 'Kowalczyk3 Marta', C],
        ['02.09.2026', 'Okresowa ocena sytuacji rodziny', 'Kowalczyk3 Marta', C],
      ],
    });
    await shot('tray-06-head-office');

    // The decision is one click from the queue of requests.
    await page.getByRole('tab', { name: /^Moje zadania/ }).click();
    await button(page, 'Decyzja o asystencie').click();
    await heading(page, 'Wnioski o asystenta rodziny').waitFor();
    // The kierownik finds every family.
    const box = searchBox(page);
    await box.click();
    await box.pressSequentially('żółć', { delay: 30 });
    await page.getByRole('option', { name: `Żółć Małgorzata, sprawa ${E}` }).waitFor();
    await box.press('Escape');
  }, 120_000);

  it('counts the period on the statistics page and exports the same counts to CSV and XLSX', async () => {
    const { page } = app;
    await nav(page, 'Statystyki').click();
    await heading(page, 'Statystyki i sprawozdania').waitFor();
    await page.getByText('Dowolny okres', { exact: true }).click();
    await page.getByLabel('Od', { exact: true }).fill('01.01.2026');
    await page.getByLabel('Do', { exact: true }).fill('31.03.2026');
    const table = page.getByRole('table', { name: 'Liczby sprawozdania' });
    await table.waitFor();
    const screen = new Map(
      (await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())))).filter((cells) => cells.length === 2).map(([label, value]) => [label ?? '', value ?? '']),
    );
    // Counted from the scenario above: five reports (A–D on 2 March, E on 4 March); C and D got an
    // assistant on 2 March (one child each, in the household); three full wywiady (B, C, D), none late;
    // one kontrakt signed.
    const expected: Record<string, string> = {
      'Zgłoszenia przyjęte w okresie': '5',
      'Sprawy prowadzone w okresie': '5',
      'Rodziny z asystentem rodziny w okresie — ogółem': '2',
      'w tym rodziny, z którymi rozpoczęto pracę w okresie': '2',
      'w tym rodziny kontynuujące pracę z poprzedniego okresu': '0',
      'Dzieci w rodzinach z asystentem rodziny (we wspólnym gospodarstwie)': '2',
      'Asystenci rodziny pracujący z rodzinami w okresie': '1',
      'Wywiady przeprowadzone w okresie — ogółem': '3',
      'w tym wywiady pełne': '3',
      'w tym aktualizacje wywiadu': '0',
      'Wywiady przeprowadzone po terminie': '0',
      'Kontrakty podpisane w okresie': '1',
    };
    for (const [label, value] of Object.entries(expected)) expect(screen.get(label), label).toBe(value);
    await page.getByRole('img', { name: /^Wykres: Rodziny z asystentem: 2/ }).waitFor();
    await shot('tray-07-stats');
    // A figure's cases, a page from the main process (issue 17): the five cases open in the period.
    await button(page, 'Sprawy prowadzone w okresie: pokaż sprawy (5)').click();
    const drill = page.getByRole('table', { name: 'Sprawy prowadzone w okresie: sprawy' });
    await drill.waitFor();
    expect(await drill.locator('tbody tr').count()).toBe(5);
    await page.getByText('Sprawy 1–5 z 5').waitFor();
    await button(page, 'Zamknij listę').click();
    await drill.waitFor({ state: 'detached' });

    const [csv] = await Promise.all([page.waitForEvent('download'), button(page, 'Pobierz CSV').click()]);
    expect(csv.suggestedFilename()).toBe('sprawozdanie-wspieranie-rodziny-2026-01-01-2026-03-31.csv');
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toContain(`Ośrodek;${OFFICE.name}`);
    expect(lines).toContain('Dział;Wskaźnik;Liczba');
    const fromCsv = new Map(lines.map((line) => line.split(';')).filter((cells) => cells.length === 3).map(([, label, value]) => [label ?? '', value ?? '']));
    // Every figure on the screen is in the file, with the same value.
    expect(screen.size).toBeGreaterThan(20);
    for (const [label, value] of screen) expect(fromCsv.get(label), label).toBe(value);
    expect(lines).toContain('Sprawy;Zgłoszenia przyjęte w okresie;5');

    const [xlsx] = await Promise.all([page.waitForEvent('download'), button(page, 'Pobierz XLSX').click()]);
    expect(xlsx.suggestedFilename()).toBe('sprawozdanie-wspieranie-rodziny-2026-01-01-2026-03-31.xlsx');
    const bytes = readFileSync((await xlsx.path())!);
    // A ZIP (Office Open XML) with the sheet inside.
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBeGreaterThan(1000);
    // Both exports are on record.
    const exports = await invoke('audit:list', { action: 'stats.export' });
    expect(exports.map((entry) => entry.details['format']).sort()).toEqual(['csv', 'xlsx']);
  }, 120_000);
});
