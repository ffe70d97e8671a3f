/**
 * What the e2e tests do on the page, as a user would: find a field by its label, a button by its
 * name, sign in and out, pick from a list, type a date, take a screenshot. One copy for all tests.
 */
import type { Locator, Page } from 'playwright-core';
import { makePesel } from '../../shared/domain/pesel';
import type { Role } from '../../shared/domain/roles';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc';
import { HEAD, OFFICE } from '../support/backend';
import type { Result } from '../../shared/result';
import type { AppHandle } from './harness';

export type Scope = Page | Locator;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A field by its visible label; a required one's label ends with Mantine's asterisk. */
export const field = (scope: Scope, label: string) => scope.getByLabel(new RegExp(`^${escape(label)}( \\*)?$`));
export const button = (scope: Scope, name: string | RegExp) => scope.getByRole('button', { name, exact: typeof name === 'string' });
export const nav = (page: Page, name: string | RegExp) =>
  page.getByRole('navigation', { name: 'Menu główne' }).getByRole('button', { name, exact: typeof name === 'string' });
export const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true });
export const tab = (page: Page, name: string | RegExp) => page.getByRole('tab', { name, exact: typeof name === 'string' });
export const region = (scope: Scope, name: string) => scope.getByRole('region', { name, exact: true });
/** The case file's header ("Dane sprawy"): name, status, people, terms. */
export const caseHeader = (page: Page) => region(page, 'Dane sprawy');

export type Invoke = <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>;

/** Calls the app's backend directly (setting up what the test does not click through); throws on an error result. */
export function invoker(app: () => AppHandle): Invoke {
  return async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = (await app().backend.invoke(channel, input)) as Result<ChannelOutput<C>>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
}

/** A member of staff the test creates: the users:create input without the roles. */
export type StaffMember = Omit<ChannelInput<'users:create'>, 'roles'>;

/**
 * The office set up through the backend, signed in as its kierownik (HEAD), with the given staff
 * created; answers their ids by login. The kierownik stays signed in.
 */
export async function setUpOffice(invoke: Invoke, staff: readonly (readonly [StaffMember, Role])[]): Promise<Record<string, string>> {
  await invoke('setup:create', { office: OFFICE, head: HEAD });
  await invoke('session:login', { login: HEAD.login, password: HEAD.password });
  const ids: Record<string, string> = {};
  for (const [person, role] of staff) ids[person.login] = (await invoke('users:create', { ...person, roles: [role] })).id;
  return ids;
}

/**
 * The Kowalczyk family (Marta, 1990, and her son Jan, 2016, in Bielice) reported by the school on
 * `reportedOn`; `peselSerial` and the next number make the two PESELs, so that tests differ.
 */
export function kowalczykReport(reportedOn: string, peselSerial: number): ChannelInput<'cases:create'> {
  return {
    reportedOn,
    source: 'school',
    report: 'Syn opuszcza zajęcia.',
    urgent: false,
    family: { kind: 'family', street: 'ul. Polna 3', postalCode: '74-202', city: 'Bielice', rural: false },
    members: [
      { relation: 'applicant', inHousehold: true, person: { pesel: makePesel('1990-05-12', 'F', peselSerial), firstName: 'Marta', lastName: 'Kowalczyk', birthDate: '1990-05-12', sex: 'F' } },
      { relation: 'child', inHousehold: true, childWhereabouts: 'home', person: { pesel: makePesel('2016-02-01', 'M', peselSerial + 1), firstName: 'Jan', lastName: 'Kowalczyk', birthDate: '2016-02-01', sex: 'M' } },
    ],
  };
}

/**
 * A full-page screenshot from the top (the app's header and menu are fixed to the window), when
 * screenshots are asked for. The toasts are closed and the page scrolled either way, so that the
 * story runs the same with and without them.
 */
export async function shot(app: AppHandle, name: string): Promise<void> {
  // Toasts already read would hide the header of the screen being judged.
  // A closed toast leaves the list while it fades, so a later one's index may point past its end:
  // a short timeout, not the default 30 s wait for an element that will not come.
  for (const close of await app.page.getByRole('button', { name: 'Zamknij powiadomienie' }).all()) await close.click({ timeout: 500 }).catch(() => undefined);
  await app.page.evaluate(() => window.scrollTo(0, 0));
  await app.screenshot(name);
}

export async function logOut(page: Page): Promise<void> {
  await button(page, 'Wyloguj').click();
  await heading(page, 'Logowanie').waitFor();
}

/** Signs in from the login screen and waits for the start page (the work tray). */
export async function logIn(page: Page, login: string, password: string): Promise<void> {
  // A test that failed half-way may have left someone signed in.
  if ((await button(page, 'Wyloguj').count()) > 0) await logOut(page);
  await heading(page, 'Logowanie').waitFor();
  await field(page, 'Login').fill(login);
  await field(page, 'Hasło').fill(password);
  await button(page, 'Zaloguj').click();
  await heading(page, 'Pulpit — do zrobienia').waitFor();
}

/** Picks an option of a Mantine Select (its list is rendered outside `scope`). */
export async function choose(page: Page, scope: Scope, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Types a date as the user does ('DD.MM.RRRR') and leaves the field (the calendar opens only on a click). */
export async function typeDate(scope: Scope, label: string, date: string): Promise<void> {
  const input = field(scope, label);
  await input.fill(date);
  await input.press('Tab');
}

/** Answers a ConfirmDialog ("Usunąć …?", "Zastąpić dane …?") with its confirming button. */
export async function confirmDialog(page: Page, confirmLabel: string): Promise<void> {
  const dialog = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: confirmLabel, exact: true }) });
  await dialog.getByRole('button', { name: confirmLabel, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}
