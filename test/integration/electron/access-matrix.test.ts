/**
 * Walks every channel of shared/ipc.ts against every role. The expected answers are written out
 * here by hand, independently of the channel map, and both tables are keyed by Channel: a new
 * channel does not compile until it is placed in both.
 */
import { describe, expect, it } from 'vitest';
import { makePesel } from '../../../shared/domain/pesel';
import { ROLES, type Role } from '../../../shared/domain/roles';
import { CHANNEL_NAMES, channels, type Channel, type ChannelInput } from '../../../shared/ipc';
import { DEFAULT_REFERRAL_SETTINGS } from '../../../shared/referrals';
import { describeEngines, HEAD, OFFICE, setUpOffice, testBackend } from '../../support/backend';

type Expected = 'public' | 'locked' | 'signedIn' | 'session' | readonly Role[];

const HEAD_ONLY = ['head'] as const;
const EVERYONE = ROLES;
const WORKER_HEAD = ['social_worker', 'head'] as const;

const EXPECTED: Record<Channel, Expected> = {
  'app:status': 'public',
  'app:dataVersion': 'session',
  'setup:create': 'public',
  'setup:joinServer': 'public',
  'setup:createOnServer': 'public',
  'session:login': 'public',
  'session:recover': 'public',
  'session:unlock': 'locked',
  'session:lock': 'session',
  'session:logout': 'signedIn',
  'session:touch': 'session',
  'session:changePassword': EVERYONE,
  'account:preferences': EVERYONE,
  'account:setTextScale': EVERYONE,
  'office:get': EVERYONE,
  'office:update': HEAD_ONLY,
  'settings:update': HEAD_ONLY,
  'users:list': HEAD_ONLY,
  'users:create': HEAD_ONLY,
  'users:update': HEAD_ONLY,
  'users:resetPassword': HEAD_ONLY,
  'audit:list': HEAD_ONLY,
  'audit:verify': HEAD_ONLY,
  'audit:exportCsv': HEAD_ONLY,
  'cases:create': WORKER_HEAD,
  'cases:list': EVERYONE,
  'cases:get': EVERYONE,
  'cases:findDuplicates': WORKER_HEAD,
  'cases:startInterview': WORKER_HEAD,
  'cases:chooseSocialWork': WORKER_HEAD,
  'cases:addNote': EVERYONE,
  'cases:setSignificant': EVERYONE,
  'cases:changeLog': EVERYONE,
  'family:change': EVERYONE,
  'cases:changeStaff': HEAD_ONLY,
  'cases:staffHistory': EVERYONE,
  'users:activeCases': HEAD_ONLY,
  'users:handOver': HEAD_ONLY,
  'cases:openCasesOf': WORKER_HEAD,
  'cases:addReport': WORKER_HEAD,
  'cases:courtOrder': WORKER_HEAD,
  'interviews:get': EVERYONE,
  'interviews:save': WORKER_HEAD,
  'interviews:complete': WORKER_HEAD,
  'interviews:startUpdate': WORKER_HEAD,
  'analysis:save': WORKER_HEAD,
  'requests:file': WORKER_HEAD,
  'requests:queue': HEAD_ONLY,
  'requests:decide': HEAD_ONLY,
  'assistants:caseloads': HEAD_ONLY,
  'work:get': EVERYONE,
  'contracts:create': WORKER_HEAD,
  'contracts:save': WORKER_HEAD,
  'contracts:event': WORKER_HEAD,
  'plans:create': ['family_assistant'],
  'plans:get': EVERYONE,
  'plans:save': ['family_assistant'],
  'plans:sign': ['family_assistant'],
  'plans:approve': HEAD_ONLY,
  'plans:return': HEAD_ONLY,
  'visits:add': EVERYONE,
  'visits:plan': EVERYONE,
  'assessments:add': ['family_assistant'],
  'assessments:handOver': ['family_assistant'],
  'assessments:receive': HEAD_ONLY,
  'closure:propose': ['family_assistant'],
  'closure:decide': HEAD_ONLY,
  'closure:endMonitoring': ['family_assistant'],
  'cases:close': HEAD_ONLY,
  'drafts:get': 'session',
  'drafts:save': 'session',
  'drafts:delete': 'session',
  'backup:run': HEAD_ONLY,
  'backup:status': HEAD_ONLY,
  'backup:restore': 'public',
  'backup:rekey': HEAD_ONLY,
  'backup:rekeyProgress': HEAD_ONLY,
  'backup:newRecoveryCode': HEAD_ONLY,
  'search:cases': EVERYONE,
  'tray:get': EVERYONE,
  'tray:week': EVERYONE,
  'stats:get': HEAD_ONLY,
  'stats:cases': HEAD_ONLY,
  'stats:export': HEAD_ONLY,
  'dialog:pickFolder': 'session',
  'dialog:pickBackupFile': 'public',
  // Who issues which kind is decided per case and role inside (test/integration/electron/services/documents.test.ts).
  'documents:list': EVERYONE,
  'documents:issue': EVERYONE,
  'documents:open': EVERYONE,
  'documents:print': EVERYONE,
  'documents:get': EVERYONE,
  'court:create': EVERYONE,
  'court:list': EVERYONE,
  'court:answer': EVERYONE,
  'court:export': EVERYONE,
  'court:exportProgress': EVERYONE,
  'opinions:get': EVERYONE,
  'opinions:save': ['family_assistant'],
  'opinions:submit': ['family_assistant'],
  'opinions:approve': HEAD_ONLY,
  'opinions:return': HEAD_ONLY,
  'opinions:issue': EVERYONE,
  // Which referrals an assistant sees is decided per family inside (test/integration/electron/services/referrals.test.ts).
  'referrals:config': EVERYONE,
  'referrals:issue': WORKER_HEAD,
  'referrals:list': EVERYONE,
  'referrals:cancel': WORKER_HEAD,
  'referrals:caseSources': WORKER_HEAD,
  'referrals:exportList': WORKER_HEAD,
  'referrals:monthly': HEAD_ONLY,
  'referrals:exportMonthly': HEAD_ONLY,
  'referrals:saveSettings': HEAD_ONLY,
  'referrals:saveSubprogramme': HEAD_ONLY,
  'referrals:savePartner': HEAD_ONLY,
  'referrals:addThreshold': HEAD_ONLY,
};

const MISSING_ID = '00000000-0000-4000-8000-000000000000';

/** A valid input for every channel (valid for the schema; it may still fail for other reasons). */
const SAMPLES: { [C in Channel]: ChannelInput<C> } = {
  'app:status': {},
  'app:dataVersion': {},
  'setup:create': { office: OFFICE, head: HEAD },
  'setup:joinServer': { pairingCode: 'AAAAA-AAAAA' },
  'setup:createOnServer': { pairingCode: 'AAAAA-AAAAA', setupCode: 'AAAAA-AAAAA', office: OFFICE, head: HEAD },
  'session:login': { login: HEAD.login, password: HEAD.password },
  'session:recover': { login: HEAD.login, recoveryCode: 'AAAA'.repeat(8), newPassword: 'Nowe-haslo-2026' },
  'session:unlock': { password: 'cokolwiek-1' },
  'session:lock': {},
  'session:logout': {},
  'session:touch': {},
  'session:changePassword': { currentPassword: 'zle-haslo-1', newPassword: 'Nowe-haslo-2026' },
  'account:preferences': {},
  'account:setTextScale': { textScale: 115 },
  'office:get': {},
  'office:update': OFFICE,
  'settings:update': { idleLockMinutes: 30 },
  'users:list': {},
  'users:create': { firstName: 'Jan', lastName: 'Kowalski', login: 'jkowalski', password: 'Haslo-jana-2026', roles: ['social_worker'] },
  'users:update': { id: MISSING_ID, firstName: 'Jan', lastName: 'Kowalski', roles: ['social_worker'], active: true },
  'users:resetPassword': { id: MISSING_ID, newPassword: 'Haslo-jana-2026' },
  'audit:list': {},
  'audit:verify': {},
  'audit:exportCsv': {},
  'cases:create': {
    reportedOn: '2026-03-01',
    source: 'school',
    report: 'Dzieci przychodzą do szkoły głodne.',
    urgent: false,
    family: { kind: 'family', street: 'ul. Polna 3', postalCode: '74-202', city: 'Bielice', rural: true },
    members: [{ relation: 'applicant', inHousehold: true, person: { pesel: makePesel('1990-05-12', 'F', 17), firstName: 'Marta', lastName: 'Kos', birthDate: '1990-05-12', sex: 'F' } }],
  },
  'cases:list': {},
  'cases:get': { id: MISSING_ID },
  'cases:findDuplicates': { lastName: 'Kos', firstName: 'Marta', birthDate: '1990-05-12' },
  'cases:startInterview': { caseId: MISSING_ID },
  'cases:chooseSocialWork': { caseId: MISSING_ID },
  'cases:addNote': { caseId: MISSING_ID, occurredOn: '2026-03-01', kind: 'note', title: 'Telefon', body: '', significant: false },
  'cases:setSignificant': { eventId: MISSING_ID, significant: true },
  'cases:changeLog': { caseId: MISSING_ID },
  'family:change': { caseId: MISSING_ID, effectiveOn: '2026-03-01', change: { kind: 'member_leaves', memberId: MISSING_ID } },
  'cases:changeStaff': { caseId: MISSING_ID, role: 'worker', userId: MISSING_ID, effectiveOn: '2026-03-01', reason: 'Urlop' },
  'cases:staffHistory': { caseId: MISSING_ID },
  'users:activeCases': { id: MISSING_ID },
  'users:handOver': { fromUserId: MISSING_ID, effectiveOn: '2026-03-01', reason: 'Odejście z pracy' },
  'cases:openCasesOf': { personId: MISSING_ID },
  'cases:addReport': { personId: MISSING_ID, reportedOn: '2026-03-01', source: 'school', report: 'Nowe zgłoszenie.' },
  'cases:courtOrder': { caseId: MISSING_ID, court: 'Sąd Rejonowy w Pyrzycach', reference: 'III Nsm 12/26', orderedOn: '2026-03-01' },
  'interviews:get': { id: MISSING_ID },
  'interviews:save': { id: MISSING_ID, expectedVersion: 1, conductedOn: null, place: '', segments: {}, documents: {}, income: { items: [] } },
  'interviews:complete': { id: MISSING_ID, expectedVersion: 1 },
  'interviews:startUpdate': { caseId: MISSING_ID },
  'analysis:save': { caseId: MISSING_ID, reasons: [], strengths: '', resources: '', conclusions: '', consentOn: null },
  'requests:file': { caseId: MISSING_ID, justification: 'Rodzina potrzebuje wsparcia.' },
  'requests:queue': {},
  'requests:decide': { requestId: MISSING_ID, decision: { kind: 'return', reason: 'Uzupełnić analizę.' } },
  'assistants:caseloads': {},
  'work:get': { caseId: MISSING_ID },
  'contracts:create': { caseId: MISSING_ID, variant: 'A', clientIds: [MISSING_ID], causes: '', possibilities: '', limitations: '', mainGoal: 'Praca', partialGoals: [], actions: [], periodFrom: '2026-03-01', periodTo: '2026-06-30' },
  'contracts:save': { id: MISSING_ID, expectedVersion: 1, variant: 'A', clientIds: [MISSING_ID], causes: '', possibilities: '', limitations: '', mainGoal: 'Praca', partialGoals: [], actions: [], periodFrom: '2026-03-01', periodTo: '2026-06-30' },
  'contracts:event': { id: MISSING_ID, event: 'start' },
  'plans:create': { caseId: MISSING_ID },
  'plans:get': { id: MISSING_ID },
  'plans:save': { id: MISSING_ID, expectedVersion: 1, type: 'standard', areas: [] },
  'plans:sign': { id: MISSING_ID, signedOn: '2026-03-01' },
  'plans:approve': { id: MISSING_ID },
  'plans:return': { id: MISSING_ID, reason: 'Uzupełnić terminy.' },
  'visits:add': { caseId: MISSING_ID, visitedOn: '2026-03-01', place: 'Dom', participants: 'Matka', topics: 'Szkoła', agreed: '' },
  'visits:plan': { caseId: MISSING_ID, plannedOn: '2026-03-05', kind: 'home', place: 'Dom rodziny' },
  'assessments:add': { caseId: MISSING_ID, assessedOn: '2026-03-01', periodFrom: '2026-01-01', periodTo: '2026-03-01', progress: [], changes: '', recommendation: 'continue' },
  'assessments:handOver': { id: MISSING_ID, handedOn: '2026-03-01' },
  'assessments:receive': { id: MISSING_ID },
  'closure:propose': { caseId: MISSING_ID, reason: 'goals_met', note: '' },
  'closure:decide': { caseId: MISSING_ID, decision: 'reject', note: '' },
  'closure:endMonitoring': { caseId: MISSING_ID },
  'cases:close': { caseId: MISSING_ID },
  'drafts:get': { key: 'intake:new' },
  'drafts:save': { key: 'intake:new', data: '{}' },
  'drafts:delete': { key: 'intake:new' },
  // A folder that does not exist: the kierownik is let through and told so; nothing is written.
  'backup:run': { folder: '/nie-ma-takiego-folderu/kopie' },
  'backup:status': {},
  'backup:restore': { method: 'recovery', file: '/nie-ma-takiego-folderu/kopia.asb', recoveryCode: 'AAAA'.repeat(8) },
  'backup:rekey': { destroyBackupsBefore: null },
  'backup:rekeyProgress': {},
  'backup:newRecoveryCode': {},
  'search:cases': { query: 'Kowalska' },
  'tray:get': {},
  'tray:week': { weekOf: '2026-03-02' },
  'stats:get': { from: '2026-01-01', to: '2026-06-30' },
  'stats:cases': { from: '2026-01-01', to: '2026-06-30', measure: 'active' },
  'stats:export': { from: '2026-01-01', to: '2026-06-30', format: 'xlsx' },
  'dialog:pickFolder': { purpose: 'backup' },
  'dialog:pickBackupFile': {},
  'documents:list': { caseId: MISSING_ID },
  'documents:issue': { caseId: MISSING_ID, kind: 'social-contract', subjectId: MISSING_ID },
  'documents:open': { documentId: MISSING_ID },
  'documents:print': { documentId: MISSING_ID },
  'documents:get': { documentId: MISSING_ID },
  'court:create': { caseId: MISSING_ID, court: 'Sąd Rejonowy w Bielicach', division: 'III Wydział Rodzinny i Nieletnich', caseReference: 'III Nsm 123/25', receivedOn: '2026-03-02', asks: 'both', deadline: '2026-03-16' },
  'court:list': {},
  'court:answer': { requestId: MISSING_ID, sentOn: '2026-03-02' },
  'court:export': { requestId: MISSING_ID, parts: ['chronology'], folder: '/nie-ma-takiego-folderu/akta' },
  'court:exportProgress': { requestId: MISSING_ID },
  'opinions:get': { requestId: MISSING_ID },
  'opinions:save': { requestId: MISSING_ID, expectedVersion: 0, sections: { compositionAndHistory: '', housing: '', finances: '', relations: '', childcareSchoolHealth: '', cooperationAndPlan: '', strengthsAndRisks: '', conclusions: '' } },
  'opinions:submit': { requestId: MISSING_ID },
  'opinions:approve': { requestId: MISSING_ID },
  'opinions:return': { requestId: MISSING_ID, reason: 'Uzupełnić wnioski.' },
  'opinions:issue': { requestId: MISSING_ID },
  'referrals:config': {},
  'referrals:issue': { programme: 'fepz', subprogrammeId: MISSING_ID, partnerId: MISSING_ID, pointId: MISSING_ID, source: { kind: 'interview', caseId: MISSING_ID, reasons: ['poverty'] } },
  'referrals:list': { programme: 'fepz' },
  'referrals:cancel': { id: MISSING_ID, reason: 'Pomyłka w danych osoby.' },
  'referrals:caseSources': {},
  'referrals:exportList': { programme: 'fepz', format: 'csv' },
  'referrals:monthly': { from: '2026-01-01', to: '2026-06-30' },
  'referrals:exportMonthly': { from: '2026-01-01', to: '2026-06-30', format: 'csv' },
  'referrals:saveSettings': DEFAULT_REFERRAL_SETTINGS,
  'referrals:saveSubprogramme': { name: 'Podprogram 2026', validUntil: '2027-06-30' },
  'referrals:savePartner': { name: 'Bank Żywności w Bielicach', address: 'ul. Polna 1, 74-202 Bielice', points: [{ name: 'Punkt przy parafii', address: 'ul. Kościelna 2, Bielice' }] },
  'referrals:addThreshold': { validFrom: '2027-01-01', percent: 280, legalSource: 'Zmiana programu FEPŻ' },
};

describe('access matrix', () => {
  it('the channel map declares the access written out here', () => {
    for (const name of CHANNEL_NAMES) {
      const access = channels[name].access;
      const expected = EXPECTED[name];
      if (typeof access === 'string') expect(access, name).toBe(expected);
      else expect(Array.isArray(expected), `${name} needs a role list`).toBe(true);
    }
  });
});

describeEngines('access matrix', (engine) => {
  const permissionChannels = CHANNEL_NAMES.filter((name) => Array.isArray(EXPECTED[name]));

  for (const role of ROLES) {
    it(`as ${role}: every permission channel answers allowed or "Nie masz uprawnień", and a refusal is audited and changes nothing`, async () => {
      const t = testBackend(undefined, { engine });
      try {
        await setUpOffice(t);
        await t.call('users:create', { firstName: 'Ewa', lastName: 'Test', login: 'ewa', password: 'Haslo-ewy-2026', roles: [role] });
        await t.call('session:logout', {});
        await t.call('session:login', { login: 'ewa', password: 'Haslo-ewy-2026' });
        for (const name of permissionChannels) {
          const allowed = (EXPECTED[name] as readonly Role[]).includes(role);
          const result = await t.backend.invoke(name, SAMPLES[name]);
          if (allowed) {
            expect(result.ok || result.error.code !== 'FORBIDDEN', `${role} may call ${name}`).toBe(true);
          } else {
            expect(result, `${role} may not call ${name}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
            expect((result as { ok: false; error: { message: string } }).error.message).toMatch(/^Nie masz uprawnień do /);
          }
        }
        await t.call('session:logout', {});
        await t.call('session:login', { login: HEAD.login, password: HEAD.password });
        const denied = await t.call('audit:list', { action: 'access.denied', limit: 1000 });
        const refusedChannels = permissionChannels.filter((name) => !(EXPECTED[name] as readonly Role[]).includes(role));
        // Each refusal is on record, once, and nothing else was changed by a refused call.
        expect(denied.map((e) => e.details['channel']).sort()).toEqual([...refusedChannels].sort());
        expect((await t.call('users:list', {})).map((u) => u.login).sort()).toEqual(
          role === 'head' ? ['ewa', HEAD.login, 'jkowalski'].sort() : ['ewa', HEAD.login].sort(),
        );
        const status = await t.call('app:status', {});
        expect(status.settings).toMatchObject({ idleLockMinutes: role === 'head' ? 30 : 10 });
        const changes = await t.call('audit:list', { action: 'user.create', limit: 1000 });
        expect(changes).toHaveLength(role === 'head' ? 3 : 2);
      } finally {
        await t.cleanup();
      }
    });
  }

  it('refuses session channels when nobody is signed in, and unlock unless locked', async () => {
    const t = testBackend(undefined, { engine });
    try {
      await setUpOffice(t);
      await t.call('session:logout', {});
      for (const name of CHANNEL_NAMES) {
        const expected = EXPECTED[name];
        if (expected === 'public') continue;
        const result = await t.backend.invoke(name, SAMPLES[name]);
        const code = expected === 'locked' ? 'INVALID_STATE' : 'UNAUTHENTICATED';
        expect(result, name).toMatchObject({ ok: false, error: { code } });
      }
    } finally {
      await t.cleanup();
    }
  });
});
