/**
 * The chronology marks automatic entries "Istotne dla opinii sądowej" by the kind of event
 * (shared/chronology.ts): what happened with the family is marked, the office's paperwork is not.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { COURT_SIGNIFICANT } from '../../../../shared/chronology';
import { makePesel } from '../../../../shared/domain/pesel';
import { MANDATORY_SEGMENTS } from '../../../support/case-flow';
import { setUpOffice, testBackend, type TestBackend } from '../../../support/backend';

let t: TestBackend;
afterEach(async () => t?.cleanup());

describe('significance of automatic chronology entries', () => {
  it('marks the report and the wywiad, not the request filed', async () => {
    t = testBackend();
    await setUpOffice(t);
    await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: 'Haslo-testowe-2026', roles: ['social_worker'] });
    await t.call('session:logout', {});
    await t.call('session:login', { login: 'anowak', password: 'Haslo-testowe-2026' });
    const today = t.clock.now().toISOString().slice(0, 10);
    const { id } = await t.call('cases:create', {
      reportedOn: today,
      source: 'school',
      report: 'Syn często opuszcza zajęcia.',
      urgent: false,
      family: { kind: 'family', street: 'ul. Polna 3', postalCode: '74-202', city: 'Bielice', rural: false },
      members: [{ relation: 'applicant', inHousehold: true, person: { pesel: makePesel('1991-04-17', 'F', 211), firstName: 'Małgorzata', lastName: 'Żółć', birthDate: '1991-04-17', sex: 'F' } }],
    });
    const { interviewId } = await t.call('cases:startInterview', { caseId: id });
    const saved = await t.call('interviews:save', { id: interviewId, expectedVersion: 1, conductedOn: today, place: 'Dom rodziny', segments: MANDATORY_SEGMENTS, documents: {}, income: { items: [] } });
    await t.call('interviews:complete', { id: interviewId, expectedVersion: saved.version });
    await t.call('analysis:save', { caseId: id, reasons: ['parenting_helplessness'], strengths: 'Matka chce współpracować.', resources: 'Babcia obok.', conclusions: 'Potrzebny asystent.', consentOn: today });
    await t.call('requests:file', { caseId: id, justification: 'Bezradność w sprawach opiekuńczo-wychowawczych.' });
    const events = (await t.call('cases:get', { id })).events;
    const byKind = (kind: string) => events.filter((event) => event.kind === kind).map((event) => event.significant);
    expect(byKind('intake')).toEqual([true]);
    expect(byKind('interview')).toEqual([true]);
    expect(byKind('request')).toEqual([false]);
    expect(Object.values(COURT_SIGNIFICANT).filter((marked) => !marked).length).toBeGreaterThan(5);
  });
});
