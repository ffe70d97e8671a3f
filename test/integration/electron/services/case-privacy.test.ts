/**
 * No leaks between roles (issue 14, Medium 5 and 6): the change register shows each viewer only
 * what her screens show, and the duplicate check says only that a person exists and whom to ask.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { projectAuditEntry } from '../../../../electron/services/audit-projection';
import type { CaseAccess } from '../../../../shared/domain/roles';
import type { AuditEntryView } from '../../../../shared/ipc';
import { describeEngines, HEAD, setUpOffice, testBackend, type Engine, type TestBackend } from '../../../support/backend';
import { PASSWORD, caseWithRequest, signIn, simpleIntake } from '../../../support/case-flow';

let t: TestBackend;
afterEach(async () => t?.cleanup());

const SECRET = 'Klientka ujawniła w kontrakcie przemoc ze strony partnera';

async function office(engine: Engine) {
  t = testBackend(undefined, { engine });
  await setUpOffice(t);
  const anna = await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
  await t.call('users:create', { firstName: 'Celina', lastName: 'Malec', login: 'cmalec', password: PASSWORD, roles: ['social_worker'] });
  const assistant = await t.call('users:create', { firstName: 'Bożena', lastName: 'Wiśniewska', login: 'bwisniewska', password: PASSWORD, roles: ['family_assistant'] });
  return { anna, assistant };
}

describeEngines('case privacy', (engine) => {
  describe('the change register per viewer', () => {
    it('gives the family assistant no word of the kontrakt socjalny, which her screens hide', async () => {
      const { assistant } = await office(engine);
      const { caseId, requestId } = await caseWithRequest(t, 'anowak', 1);
      await signIn(t, HEAD.login);
      await t.call('requests:decide', { requestId, decision: { kind: 'assign', assistantId: assistant.id } });
      await signIn(t, 'anowak');
      const client = (await t.call('cases:get', { id: caseId })).family.members[0]!.person.id;
      const content = { variant: 'A' as const, clientIds: [client], causes: 'Brak pracy.', possibilities: '', limitations: '', mainGoal: 'Praca', partialGoals: [], actions: [], periodFrom: '2026-03-02', periodTo: '2026-06-30' };
      const contract = await t.call('contracts:create', { caseId, ...content });
      await t.call('contracts:save', { id: contract.id, expectedVersion: contract.version, ...content, causes: SECRET });
      const workerLog = await t.call('cases:changeLog', { caseId });
      expect(JSON.stringify(workerLog)).toContain(SECRET);

      await signIn(t, 'bwisniewska');
      expect((await t.call('work:get', { caseId })).contracts).toEqual([]);
      const assistantLog = await t.call('cases:changeLog', { caseId });
      expect(JSON.stringify(assistantLog)).not.toContain(SECRET);
      expect(assistantLog.filter((e) => e.entityType === 'contract' || e.action.startsWith('contract.'))).toEqual([]);
      expect(assistantLog.length).toBeGreaterThan(0);
    });
  });

  describe('duplicate hints', () => {
    it('say only that another worker’s person exists and whom to ask; linking her needs the kierownik', async () => {
      await office(engine);
      await signIn(t, 'anowak');
      const intake = simpleIntake(7);
      const mother = intake.members[0]!.person!;
      await t.call('cases:create', intake);

      await signIn(t, 'cmalec');
      const [hint] = await t.call('cases:findDuplicates', { pesel: mother.pesel });
      expect(hint).toMatchObject({ name: null, birthDate: null, peselEnd: null, attachable: false, visibleCaseIds: [], hasOtherCases: true, askWhom: ['Anna Nowak', 'kierownik ośrodka'] });
      // The same PESEL typed anew: refused without naming the person.
      const twice = await t.fail('cases:create', simpleIntake(7));
      expect(twice.code).toBe('CONFLICT');
      expect(JSON.stringify(twice)).not.toContain(mother.lastName);
      // Her id from the hint does not attach her: no PESEL or phone reaches this worker.
      const own = simpleIntake(8);
      const attach = { ...own, members: [{ relation: 'applicant' as const, inHousehold: true, existingPersonId: hint!.personId }, own.members[1]!] };
      expect(await t.fail('cases:create', attach)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('kierownik') });

      // Her own worker and the kierownik see and may link her.
      await signIn(t, 'anowak');
      expect((await t.call('cases:findDuplicates', { pesel: mother.pesel }))[0]).toMatchObject({ name: `${mother.firstName} ${mother.lastName}`, attachable: true });
      await signIn(t, HEAD.login);
      expect((await t.call('cases:findDuplicates', { pesel: mother.pesel }))[0]).toMatchObject({ attachable: true });
      await t.call('cases:create', { ...attach, secondCase: true, workerId: (await t.call('users:list', {})).find((u) => u.login === 'cmalec')!.id });
    });
  });

  describe('another worker’s person from a duplicate hint', () => {
    it('joins no family and is declared in no referral by a worker who may not see her; each refusal is audited', async () => {
      await office(engine);
      await signIn(t, 'anowak');
      const theirs = simpleIntake(7);
      const mother = theirs.members[0]!.person!;
      await t.call('cases:create', theirs);

      await signIn(t, 'cmalec');
      const own = await t.call('cases:create', simpleIntake(8));
      const [hint] = await t.call('cases:findDuplicates', { pesel: mother.pesel });
      const personId = hint!.personId;
      const joins = await t.fail('family:change', { caseId: own.id, effectiveOn: '2026-03-02', change: { kind: 'member_joins', member: { relation: 'other', inHousehold: true, existingPersonId: personId } } });
      expect(joins).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('kierownik') });
      const declared = await t.fail('referrals:issue', {
        programme: 'shop',
        source: { kind: 'declaration', declaredOn: '2026-03-02', members: [{ key: 'm0', relation: 'applicant', existingPersonId: personId }], income: { items: [] }, reasons: [] },
      });
      expect(declared).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('kierownik') });
      expect(JSON.stringify([joins, declared])).not.toContain(mother.lastName);
      expect((await t.call('cases:get', { id: own.id })).family.members.map((x) => x.person.id)).not.toContain(personId);

      await signIn(t, HEAD.login);
      const denied = await t.call('audit:list', { action: 'access.denied' });
      expect(denied.map((e) => e.details['channel']).sort()).toEqual(['family:change', 'referrals:issue']);
    });
  });
});

describe('the change register’s projection', () => {
  it('projects every entity type for every kind of access', () => {
    const entry = (entityType: string, action: string, details: Record<string, unknown>): AuditEntryView => ({
      id: 1,
      at: '2026-03-02T08:00:00.000Z',
      actorId: null,
      actorName: null,
      action,
      entityType,
      entityId: 'x',
      caseId: 'c',
      details,
      refs: {},
    });
    const entries = {
      contract: entry('contract', 'contract.update', { changes: { causes: { from: '', to: SECRET } } }),
      contractDocument: entry('document', 'document.issue', { kind: 'social-contract', number: 'K/1/2026' }),
      contractEvent: entry('case_event', 'case_event.create', { kind: 'contract' }),
      interview: entry('interview', 'interview.update', { changedSegments: ['I.A', 'I.D', 'I.G'] }),
      plan: entry('plan', 'plan.update', { version: 2 }),
      visit: entry('visit', 'visit.create', {}),
      assessment: entry('assessment', 'assessment.create', {}),
      document: entry('document', 'document.issue', { kind: 'family-work-plan', number: 'P/1/2026' }),
      case: entry('case', 'case.transition', { from: 'REPORTED', to: 'INTERVIEW' }),
      opinion: entry('court_opinion', 'court_opinion.update', { sections: ['summary'] }),
    };
    const expected: Record<CaseAccess, Record<keyof typeof entries, 'same' | 'gone' | 'filtered'>> = {
      full: { contract: 'same', contractDocument: 'same', contractEvent: 'same', interview: 'same', plan: 'same', visit: 'same', assessment: 'same', document: 'same', case: 'same', opinion: 'same' },
      assistant: { contract: 'gone', contractDocument: 'gone', contractEvent: 'gone', interview: 'filtered', plan: 'same', visit: 'same', assessment: 'same', document: 'same', case: 'same', opinion: 'same' },
      none: { contract: 'gone', contractDocument: 'gone', contractEvent: 'gone', interview: 'gone', plan: 'gone', visit: 'gone', assessment: 'gone', document: 'gone', case: 'gone', opinion: 'gone' },
    };
    for (const [access, rules] of Object.entries(expected) as [CaseAccess, Record<keyof typeof entries, string>][]) {
      for (const [name, rule] of Object.entries(rules) as [keyof typeof entries, string][]) {
        const shown = projectAuditEntry(entries[name], access);
        const what = `${name} for ${access}`;
        if (rule === 'same') expect(shown, what).toEqual(entries[name]);
        else if (rule === 'gone') expect(shown, what).toBeNull();
        else expect(shown?.details['changedSegments'], what).toEqual(['I.A']);
      }
    }
  });
});
