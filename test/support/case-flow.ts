/** Drives a case through the backend to a given step, as the integration tests and the demo seeder need. */
import type { IntakeInput } from '../../shared/cases';
import { makePesel } from '../../shared/domain/pesel';
import { HEAD, type TestBackend } from './backend';

export const PASSWORD = 'Haslo-testowe-2026';

export const MANDATORY_SEGMENTS = {
  'I.A': { familyComposition: 'Matka, syn (10 lat), partner matki.' },
  'I.H': { needs: 'Pomoc w organizacji opieki nad synem.' },
  'I.I': { diagnosis: 'Bezradność opiekuńczo-wychowawcza.', conclusions: 'Wskazane wsparcie asystenta rodziny.' },
  'I.J': { helpPlan: 'Wniosek o asystenta, kontakt ze szkołą.' },
};

export async function signIn(t: TestBackend, login: string): Promise<void> {
  const status = await t.call('app:status', {});
  if (status.state !== 'login') await t.call('session:logout', {});
  await t.call('session:login', { login, password: login === HEAD.login ? HEAD.password : PASSWORD });
}

export function simpleIntake(serial: number, reportedOn = '2026-03-02'): IntakeInput {
  const birth = '1990-05-12';
  return {
    reportedOn,
    source: 'school',
    report: 'Dzieci przychodzą do szkoły głodne.',
    urgent: false,
    family: { kind: 'family', street: 'ul. Polna 3', postalCode: '74-202', city: 'Bielice', rural: false },
    members: [
      { relation: 'applicant', inHousehold: true, person: { pesel: makePesel(birth, 'F', serial), firstName: 'Marta', lastName: `Kowalczyk${serial}`, birthDate: birth, sex: 'F' } },
      { relation: 'child', inHousehold: true, childWhereabouts: 'home', person: { pesel: makePesel('2016-02-01', 'M', serial), firstName: 'Jan', lastName: `Kowalczyk${serial}`, birthDate: '2016-02-01', sex: 'M' } },
    ],
  };
}

/** As the worker: report → interview → analysis with consent → request. Returns the case and request ids. */
export async function caseWithRequest(t: TestBackend, workerLogin: string, serial: number): Promise<{ caseId: string; requestId: string }> {
  await signIn(t, workerLogin);
  const { id } = await t.call('cases:create', simpleIntake(serial));
  const { interviewId } = await t.call('cases:startInterview', { caseId: id });
  const saved = await t.call('interviews:save', { id: interviewId, expectedVersion: 1, conductedOn: '2026-03-02', place: 'Dom rodziny', segments: MANDATORY_SEGMENTS, documents: {}, income: { items: [] } });
  await t.call('interviews:complete', { id: interviewId, expectedVersion: saved.version });
  await t.call('analysis:save', { caseId: id, reasons: ['parenting_helplessness'], strengths: 'Chęć współpracy.', resources: 'Babcia.', conclusions: 'Asystent.', consentOn: '2026-03-02' });
  const request = await t.call('requests:file', { caseId: id, justification: 'Bezradność opiekuńczo-wychowawcza.' });
  return { caseId: id, requestId: request.id };
}
