/**
 * Seeds an office with people whose names and PESEL numbers are distinctive enough to be searched
 * for in raw file bytes (plain-text scans, backup tests).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makePesel } from '../../shared/domain/pesel';
import { HEAD, OFFICE, type TestBackend } from './backend';

export const STAFF = [
  { firstName: 'Bożena', lastName: 'Wiśniewska-Grzęda', login: 'bwisniewska', password: 'Pracownik-2026!', roles: ['social_worker' as const] },
  { firstName: 'Zdzisława', lastName: 'Przybyłkiewicz', login: 'zprzybylkiewicz', password: 'Asystentka-2026!', roles: ['family_assistant' as const] },
];

export const FAMILY = [
  { firstName: 'Jadwiga', lastName: 'Szczęśniak-Kołodziej', birthDate: '1987-11-23', sex: 'F' as const, pesel: makePesel('1987-11-23', 'F', 41) },
  { firstName: 'Bartłomiej', lastName: 'Szczęśniak-Kołodziej', birthDate: '2012-04-02', sex: 'M' as const, pesel: makePesel('2012-04-02', 'M', 7) },
];

export const REPORT = 'Sąsiadka zgłasza, że Krzesimir nie chodzi do szkoły od trzech tygodni.';
export const FAMILY_STREET = 'ul. Źródlana 17';

/** Everything a person typed that must never be readable in a file Asysta wrote. */
export const NEEDLES = [
  ...new Set([
    OFFICE.name,
    OFFICE.street,
    `${HEAD.firstName} ${HEAD.lastName}`,
    HEAD.lastName,
    HEAD.login,
    HEAD.password,
    ...STAFF.flatMap((s) => [s.lastName, s.login, s.password]),
    ...FAMILY.flatMap((p) => [p.lastName, p.pesel]),
    'Jadwiga',
    'Krzesimir',
    'Źródlana',
  ]),
];

/** Staff accounts and one case with a family (kierownik signed in). */
export async function seedOffice(t: TestBackend): Promise<{ workerId: string; caseId: string }> {
  const ids: string[] = [];
  for (const { password, ...user } of STAFF) ids.push((await t.call('users:create', { ...user, password })).id);
  const created = await t.call('cases:create', {
    reportedOn: '2026-03-01',
    source: 'family',
    report: REPORT,
    urgent: false,
    family: { kind: 'family', street: FAMILY_STREET, postalCode: '74-202', city: 'Bielice', rural: true },
    members: FAMILY.map((p, i) => ({
      relation: i === 0 ? ('applicant' as const) : ('child' as const),
      inHousehold: true,
      person: { pesel: p.pesel, firstName: p.firstName, lastName: p.lastName, birthDate: p.birthDate, sex: p.sex },
    })),
    workerId: ids[0],
  });
  return { workerId: ids[0] ?? '', caseId: created.id };
}

/** Every regular file under a folder (recursively). */
export function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The needles found in a file's bytes, as UTF-8 or UTF-16LE. */
export function plainTextIn(file: string, needles: readonly string[] = NEEDLES): string[] {
  const bytes = readFileSync(file);
  return needles.filter((n) => bytes.includes(Buffer.from(n, 'utf8')) || bytes.includes(Buffer.from(n, 'utf16le')));
}
