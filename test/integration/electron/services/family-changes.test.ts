/**
 * The family after intake (issue 15, item 5): each change is dated, kept as history, written to
 * the change register with its author, and followed by search and duplicate detection.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addressOn } from '../../../../electron/services/family-changes';
import { FamilyEntity } from '../../../../electron/db/entities';
import { makePesel } from '../../../../shared/domain/pesel';
import { setUpOffice, testBackend, type TestBackend } from '../../../support/backend';
import { PASSWORD, signIn, simpleIntake } from '../../../support/case-flow';

let t: TestBackend;
let caseId: string;

beforeEach(async () => {
  t = testBackend();
  t.clock.set('2026-03-20T09:00:00.000Z');
  await setUpOffice(t);
  await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
  await t.call('users:create', { firstName: 'Ewa', lastName: 'Lis', login: 'elis', password: PASSWORD, roles: ['social_worker'] });
  await signIn(t, 'anowak');
  caseId = (await t.call('cases:create', simpleIntake(7))).id;
});
afterEach(async () => t.cleanup());

const family = async () => (await t.call('cases:get', { id: caseId })).family;
const member = async (firstName: string) => (await family()).members.find((m) => m.person.firstName === firstName)!;

describe('changes of the family after intake', () => {
  it('a new address: dated history, the case file, the search index and the change register follow', async () => {
    await t.call('family:change', { caseId, effectiveOn: '2026-03-15', change: { kind: 'address', street: 'ul. Nowa 5', postalCode: '74-200', city: 'Pyrzyce', rural: true } });
    const f = await family();
    expect([f.street, f.city, f.rural]).toEqual(['ul. Nowa 5', 'Pyrzyce', true]);
    expect(f.addresses.map((a) => [a.street, a.fromOn, a.toOn])).toEqual([
      ['ul. Polna 3', null, '2026-03-15'],
      ['ul. Nowa 5', '2026-03-15', null],
    ]);
    const session = t.backend.readySession()!;
    const row = await session.db.read((m) => m.getRepository(FamilyEntity).findOneByOrFail({ id: f.id }));
    expect(await session.db.read((m) => addressOn(m, row, '2026-03-14'))).toMatchObject({ street: 'ul. Polna 3' });
    expect(await session.db.read((m) => addressOn(m, row, '2026-03-15'))).toMatchObject({ street: 'ul. Nowa 5' });
    expect((await t.call('search:cases', { query: 'Pyrzyce' })).map((h) => h.caseId)).toEqual([caseId]);
    expect(await t.call('search:cases', { query: 'Bielice' })).toEqual([]);
    const log = await t.call('cases:changeLog', { caseId });
    const entry = log.find((e) => e.action === 'family.address')!;
    expect(entry.actorName).toBe('Anna Nowak');
    expect(entry.details).toMatchObject({ effectiveOn: '2026-03-15', changes: { city: { from: 'Bielice', to: 'Pyrzyce' } } });
    // A date before the previous address began, or in the future, is refused with the reason.
    await t.call('family:change', { caseId, effectiveOn: '2026-03-18', change: { kind: 'address', street: 'ul. Trzecia 1', postalCode: '74-200', city: 'Pyrzyce', rural: true } });
    expect((await t.fail('family:change', { caseId, effectiveOn: '2026-03-17', change: { kind: 'address', street: 'ul. Czwarta 1', postalCode: '74-200', city: 'Pyrzyce', rural: true } })).message).toContain('18.03.2026');
    expect((await t.fail('family:change', { caseId, effectiveOn: '2026-03-21', change: { kind: 'address', street: 'ul. Czwarta 1', postalCode: '74-200', city: 'Pyrzyce', rural: true } })).message).toContain('z przyszłości');
  });

  it('a newborn joins and counts in the household from the birth; someone moves out and stops counting; a child is placed and returns', async () => {
    const baby = makePesel('2026-03-10', 'F', 3);
    await t.call('family:change', {
      caseId,
      effectiveOn: '2026-03-10',
      change: { kind: 'member_joins', member: { relation: 'child', inHousehold: true, childWhereabouts: 'home', person: { pesel: baby, firstName: 'Zosia', lastName: 'Kowalczyk7', birthDate: '2026-03-10', sex: 'F' } } },
    });
    expect(await member('Zosia')).toMatchObject({ memberFrom: '2026-03-10', memberTo: null, inHousehold: true });
    // Duplicate detection knows the newborn now.
    expect((await t.call('cases:findDuplicates', { pesel: baby })).length).toBe(1);
    // A joining date before the birth is refused.
    const refused = await t.fail('family:change', {
      caseId,
      effectiveOn: '2026-03-01',
      change: { kind: 'member_joins', member: { relation: 'child', inHousehold: true, person: { pesel: makePesel('2026-03-05', 'M', 9), firstName: 'Olek', lastName: 'K', birthDate: '2026-03-05', sex: 'M' } } },
    });
    expect(refused.message).toContain('data urodzenia');

    const jan = await member('Jan');
    await t.call('family:change', { caseId, effectiveOn: '2026-03-12', note: 'Postanowienie sądu rejonowego.', change: { kind: 'child_placed', memberId: jan.id, whereabouts: 'foster_family' } });
    expect(await member('Jan')).toMatchObject({ childWhereabouts: 'foster_family', inHousehold: false, placements: [{ whereabouts: 'foster_family', fromOn: '2026-03-12', toOn: null }] });
    expect((await t.fail('family:change', { caseId, effectiveOn: '2026-03-11', change: { kind: 'child_returns', memberId: jan.id } })).message).toContain('12.03.2026');
    await t.call('family:change', { caseId, effectiveOn: '2026-03-19', change: { kind: 'child_returns', memberId: jan.id } });
    expect(await member('Jan')).toMatchObject({ childWhereabouts: 'home', inHousehold: true, placements: [{ fromOn: '2026-03-12', toOn: '2026-03-19' }] });

    const marta = await member('Marta');
    await t.call('family:change', { caseId, effectiveOn: '2026-03-16', change: { kind: 'member_leaves', memberId: marta.id } });
    expect(await member('Marta')).toMatchObject({ memberTo: '2026-03-16' });
    expect((await t.fail('family:change', { caseId, effectiveOn: '2026-03-17', change: { kind: 'member_leaves', memberId: marta.id } })).code).toBe('INVALID_STATE');

    // The chronology has every change; placements are marked for the court.
    const events = (await t.call('cases:get', { id: caseId })).events.filter((e) => e.kind === 'family');
    expect(events.map((e) => [e.occurredOn, e.significant])).toEqual([
      ['2026-03-19', true],
      ['2026-03-16', false],
      ['2026-03-12', true],
      ['2026-03-10', false],
    ]);
    // The household of a wywiad counts who lived there on its day.
    const { interviewId } = await t.call('cases:startInterview', { caseId });
    const on = async (conductedOn: string) =>
      (await t.call('interviews:save', { id: interviewId, expectedVersion: (await t.call('interviews:get', { id: interviewId })).version, conductedOn, place: '', segments: {}, documents: {}, income: { items: [{ personId: marta.person.id, source: 'employment', grossGr: 300000, taxGr: 0, contributionsGr: 0, alimonyPaidGr: 0 }] } })).incomeResult?.householdSize;
    expect(await on('2026-03-09')).toBe(2);
    expect(await on('2026-03-11')).toBe(3);
    expect(await on('2026-03-17')).toBe(2);
  });

  it('a corrected name, PESEL and phone: the person register, search and duplicate detection follow; the register keeps both values', async () => {
    const marta = await member('Marta');
    const pesel = makePesel('1990-05-13', 'F', 11);
    await t.call('family:change', {
      caseId,
      effectiveOn: '2026-03-20',
      change: { kind: 'person_corrected', memberId: marta.id, person: { pesel, firstName: 'Martyna', lastName: 'Kowalska', birthDate: '1990-05-13', sex: 'F', phone: '600 100 200' } },
    });
    expect((await member('Martyna')).person).toMatchObject({ pesel, lastName: 'Kowalska', birthDate: '1990-05-13', phone: '600 100 200' });
    expect((await t.call('search:cases', { query: 'Kowalska' })).map((h) => h.caseId)).toEqual([caseId]);
    expect((await t.call('cases:findDuplicates', { firstName: 'Martyna', lastName: 'Kowalska', birthDate: '1990-05-13' })).length).toBe(1);
    expect(await t.call('cases:findDuplicates', { pesel: marta.person.pesel! })).toEqual([]);
    const entry = (await t.call('cases:changeLog', { caseId })).find((e) => e.action === 'family.person_corrected')!;
    expect(entry.details).toMatchObject({ changes: { firstName: { from: 'Marta', to: 'Martyna' }, lastName: { from: 'Kowalczyk7', to: 'Kowalska' }, pesel: { from: marta.person.pesel, to: pesel } } });
    // A PESEL that belongs to someone else is refused; nothing is changed.
    const jan = await member('Jan');
    const other = await t.fail('family:change', {
      caseId,
      effectiveOn: '2026-03-20',
      change: { kind: 'person_corrected', memberId: marta.id, person: { pesel: jan.person.pesel!, firstName: 'Martyna', lastName: 'Kowalska', birthDate: '2016-02-01', sex: 'M' } },
    });
    expect(other.code).toBe('CONFLICT');
    expect((await member('Martyna')).person.pesel).toBe(pesel);
  });

  it('another worker who does not lead the case may not change its family', async () => {
    await signIn(t, 'elis');
    const jan = (await t.fail('family:change', { caseId, effectiveOn: '2026-03-20', change: { kind: 'member_leaves', memberId: '00000000-0000-4000-8000-000000000000' } }));
    expect(jan.code).toBe('FORBIDDEN');
  });
});
