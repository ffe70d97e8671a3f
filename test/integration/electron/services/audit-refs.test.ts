/**
 * The audit trail names what its ids stand for (issue 15): a user by name, a case by its number,
 * a person by name, so that neither the "Dziennik zdarzeń" nor a case's "Zmiany" shows a UUID.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makePesel } from '../../../../shared/domain/pesel';
import { setUpOffice, testBackend, type TestBackend } from '../../../support/backend';

let t: TestBackend;
afterEach(async () => t?.cleanup());

describe('audit entries with their ids resolved', () => {
  it('names users, cases and persons, in the trail, the case register and the CSV', async () => {
    t = testBackend();
    await setUpOffice(t);
    const worker = await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: 'Haslo-testowe-2026', roles: ['social_worker', 'head'] });
    await t.call('session:logout', {});
    await t.call('session:login', { login: 'anowak', password: 'Haslo-testowe-2026' });
    const { id, number } = await t.call('cases:create', {
      reportedOn: '2026-03-02',
      source: 'school',
      report: 'Syn często opuszcza zajęcia.',
      urgent: false,
      family: { kind: 'family', street: 'ul. Polna 3', postalCode: '74-202', city: 'Bielice', rural: false },
      members: [{ relation: 'applicant', inHousehold: true, person: { pesel: makePesel('1991-04-17', 'F', 211), firstName: 'Małgorzata', lastName: 'Żółć', birthDate: '1991-04-17', sex: 'F' } }],
    });
    const file = await t.call('cases:get', { id });
    const personId = file.family.members[0]?.person.id ?? '';

    const trail = await t.call('audit:list', {});
    const created = trail.find((entry) => entry.action === 'user.create' && entry.entityId === worker.id);
    expect(created?.refs[worker.id]).toBe('Anna Nowak');
    const caseEntry = trail.find((entry) => entry.action === 'case.create');
    expect(caseEntry?.refs[id]).toBe(`sprawa ${number}`);

    const register = await t.call('cases:changeLog', { caseId: id });
    expect(register.length).toBeGreaterThan(0);
    for (const entry of register) expect(entry.refs[id]).toBe(`sprawa ${number}`);
    // Every id anywhere in an entry of this case is named.
    const ids = register.flatMap((entry) => JSON.stringify(entry.details).match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []);
    for (const entry of register) {
      for (const uuid of JSON.stringify(entry.details).match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []) {
        expect(entry.refs[uuid], `${entry.action}: ${uuid}`).toBeDefined();
      }
    }
    if (ids.includes(personId)) expect(register.some((entry) => entry.refs[personId] === 'Małgorzata Żółć')).toBe(true);

    const { csv } = await t.call('audit:exportCsv', {});
    expect(csv).toContain(`;Przyjęcie zgłoszenia;case.create;Sprawa;sprawa ${number};sprawa ${number};`);
  });
});
