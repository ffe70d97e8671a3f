import { afterEach, beforeAll, expect, it } from 'vitest';
import type { IntakeInput } from '../../../../shared/cases';
import { addWorkingDays } from '../../../../shared/domain/calendar';
import { makePesel } from '../../../../shared/domain/pesel';
import { describeEngines, HEAD, setUpOffice, testBackend, type Engine, type TestBackend } from '../../../support/backend';

let t: TestBackend;
/** The engine of the running block (describeEngines below). */
let engine: Engine = 'local';
afterEach(async () => t?.cleanup());

const PASSWORD = 'Haslo-testowe-2026';
const MOTHER_PESEL = makePesel('1991-04-17', 'F', 211);
const CHILD_PESEL = makePesel('2015-09-03', 'M', 42);

function intake(overrides: Partial<IntakeInput> = {}): IntakeInput {
  return {
    reportedOn: '2026-03-02',
    source: 'school',
    sourceDetails: 'Szkoła Podstawowa w Bielicach, pedagog',
    report: 'Syn często opuszcza zajęcia, przychodzi głodny. Matka nie odbiera telefonów.',
    urgent: false,
    family: { kind: 'family', street: 'ul. Polna 3', postalCode: '74-202', city: 'Bielice', rural: true, farmHectares: 2.5 },
    members: [
      { relation: 'applicant', inHousehold: true, person: { pesel: MOTHER_PESEL, firstName: 'Małgorzata', lastName: 'Żółć', birthDate: '1991-04-17', sex: 'F' } },
      { relation: 'child', inHousehold: true, childWhereabouts: 'home', person: { pesel: CHILD_PESEL, firstName: 'Kacper', lastName: 'Żółć', birthDate: '2015-09-03', sex: 'M' } },
      {
        relation: 'partner',
        inHousehold: true,
        person: { documentType: 'passport', documentNumber: 'FX1234567', firstName: 'Ołeksandr', lastName: 'Шевченко', birthDate: '1988-01-30', sex: 'M', citizenship: 'ukraińskie' },
      },
    ],
    ...overrides,
  };
}

const SEGMENTS = {
  'I.A': { familyComposition: 'Matka, syn (10 lat), partner matki.' },
  'I.D': { health: 'Matka leczy się na depresję.' },
  'I.H': { needs: 'Pomoc w organizacji opieki nad synem.' },
  'I.I': { diagnosis: 'Bezradność opiekuńczo-wychowawcza.', conclusions: 'Wskazane wsparcie asystenta rodziny.' },
  'I.J': { helpPlan: 'Wniosek o asystenta, kontakt ze szkołą.' },
};

async function office(): Promise<Record<'worker' | 'bozena' | 'celina', string>> {
  t = testBackend(undefined, { engine });
  await setUpOffice(t);
  const worker = await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
  const bozena = await t.call('users:create', { firstName: 'Bożena', lastName: 'Wiśniewska', login: 'bwisniewska', password: PASSWORD, roles: ['family_assistant'] });
  const celina = await t.call('users:create', { firstName: 'Celina', lastName: 'Lis', login: 'clis', password: PASSWORD, roles: ['family_assistant'] });
  await t.call('session:logout', {});
  return { worker: worker.id, bozena: bozena.id, celina: celina.id };
}

async function as(login: string): Promise<void> {
  const status = await t.call('app:status', {});
  if (status.state !== 'login') await t.call('session:logout', {});
  await t.call('session:login', { login, password: login === HEAD.login ? HEAD.password : PASSWORD });
}

describeEngines('the case process', (current) => {
  beforeAll(() => {
    engine = current;
  });

  it('walks from the report to an assigned assistant, enforcing every rule', async () => {
    const ids = await office();
    await as('anowak');
    const { id, number } = await t.call('cases:create', intake());
    expect(number).toBe('OPS.AR.1.2026');

    // The interview deadline: 14 working days after the day the office learned of the family.
    let file = await t.call('cases:get', { id });
    expect(file.status).toBe('REPORTED');
    expect(file.interviewDue).toBe(addWorkingDays('2026-03-02', 14));
    expect(file.interviewDue).toBe('2026-03-20');
    expect(file.family.members.map((x) => x.person.lastName)).toEqual(['Żółć', 'Żółć', 'Шевченко']);
    expect(file.events[0]).toMatchObject({ kind: 'intake', significant: true });
    expect(file.actions.map((a) => a.action)).toEqual(['start_interview']);

    // The same PESEL twice is refused; the duplicate check finds the person by name and birth date.
    expect((await t.fail('cases:create', intake())).code).toBe('CONFLICT');
    const hints = await t.call('cases:findDuplicates', { lastName: 'Zolc', firstName: 'malgorzata', birthDate: '1991-04-17' });
    expect(hints).toEqual([expect.objectContaining({ name: 'Małgorzata Żółć', matchedBy: 'name_and_birth_date', peselEnd: MOTHER_PESEL.slice(-4), visibleCaseIds: [id] })]);

    // Interview: drafts, mandatory segments, optimistic locking.
    const { interviewId } = await t.call('cases:startInterview', { caseId: id });
    let interview = await t.call('interviews:get', { id: interviewId });
    interview = await t.call('interviews:save', {
      id: interviewId,
      expectedVersion: interview.version,
      conductedOn: '2026-03-02',
      place: 'Mieszkanie rodziny',
      segments: { 'I.A': SEGMENTS['I.A'] },
      documents: {},
      income: { items: [{ personId: 'm', source: 'employment', grossGr: 300_000, taxGr: 20_000, contributionsGr: 40_000, alimonyPaidGr: 0 }, { personId: 'm', source: 'child_raising_benefit', grossGr: 80_000, taxGr: 0, contributionsGr: 0, alimonyPaidGr: 0 }], farmHectares: 2.5 },
    });
    expect(interview.missingSegments).toEqual(['I.H', 'I.I', 'I.J']);
    // 2400 zł net + 2.5 ha × 459 zł; 800+ is not counted; 3 persons in the household.
    expect(interview.incomeResult).toMatchObject({ totalIncomeGr: 240_000 + 114_750, perPersonGr: 118_250, householdSize: 3, criterionGr: 82_300, meetsCriterion: false });
    const incomplete = await t.fail('interviews:complete', { id: interviewId, expectedVersion: interview.version });
    expect(incomplete).toMatchObject({ code: 'INVALID_STATE', message: 'Nie można zakończyć wywiadu: nie uzupełniono obowiązkowych części wywiadu (I.H, I.I, I.J).' });
    const stale = interview.version;
    interview = await t.call('interviews:save', { ...interview, id: interviewId, expectedVersion: interview.version, segments: SEGMENTS });
    const conflict = await t.fail('interviews:save', { id: interviewId, expectedVersion: stale, conductedOn: '2026-03-02', place: '', segments: {}, documents: {}, income: { items: [] } });
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toContain('Twoje zmiany nie zostały zapisane');
    expect((await t.call('interviews:get', { id: interviewId })).segments['I.H']).toEqual(SEGMENTS['I.H']);
    interview = await t.call('interviews:complete', { id: interviewId, expectedVersion: interview.version });
    expect(interview.status).toBe('completed');
    expect((await t.fail('interviews:save', { ...interview, id: interviewId, expectedVersion: interview.version })).code).toBe('INVALID_STATE');

    // Analysis → request: needs the family's consent.
    file = await t.call('cases:get', { id });
    expect(file.status).toBe('ANALYSIS');
    expect(file.actions.find((a) => a.action === 'request_assistant')).toMatchObject({ enabled: false, message: 'Nie można złożyć wniosku o asystenta: brak zgody rodziny (ani postanowienia sądu zobowiązującego rodzinę do pracy z asystentem).' });
    expect((await t.fail('requests:file', { caseId: id, justification: 'Potrzebne wsparcie.' })).message).toBe('Nie można złożyć wniosku o asystenta: brak zgody rodziny (ani postanowienia sądu zobowiązującego rodzinę do pracy z asystentem).');
    await t.call('analysis:save', { caseId: id, reasons: ['parenting_helplessness', 'poverty'], strengths: 'Matka chce współpracować.', resources: 'Babcia w pobliżu.', conclusions: 'Asystent rodziny.', consentOn: '2026-03-02' });
    const request = await t.call('requests:file', { caseId: id, justification: 'Bezradność w sprawach opiekuńczo-wychowawczych.' });
    expect(request.status).toBe('pending');

    // An assistant who is not assigned cannot open the file, even by its id; the attempt is on record.
    await as('bwisniewska');
    expect((await t.call('cases:list', {})).rows).toEqual([]);
    expect(await t.fail('cases:get', { id })).toMatchObject({ code: 'FORBIDDEN', message: 'Nie masz uprawnień do tej sprawy.' });

    // The kierownik's queue and decision.
    await as(HEAD.login);
    expect((await t.call('requests:queue', {})).map((r) => r.caseNumber)).toEqual([number]);
    expect((await t.call('assistants:caseloads', {})).map((c) => [c.name, c.families, c.limit])).toEqual([
      ['Bożena Wiśniewska', 0, 15],
      ['Celina Lis', 0, 15],
    ]);
    const denied = await t.call('audit:list', { action: 'access.denied' });
    expect(denied[0]).toMatchObject({ actorId: ids.bozena, caseId: id, details: { channel: 'cases:get' } });
    await t.call('requests:decide', { requestId: request.id, decision: { kind: 'assign', assistantId: ids.bozena } });
    expect(await t.call('requests:queue', {})).toEqual([]);

    // The assistant now sees the family, within art. 16 u.w.r.: no health segment.
    await as('bwisniewska');
    expect((await t.call('cases:list', {})).rows.map((c) => c.number)).toEqual([number]);
    file = await t.call('cases:get', { id });
    expect(file).toMatchObject({ status: 'ASSISTANT_ASSIGNED', access: 'assistant', assistant: { name: 'Bożena Wiśniewska' } });
    const seen = await t.call('interviews:get', { id: interviewId });
    expect(seen.hiddenSegments).toEqual(['I.D', 'I.G']);
    expect(seen.segments['I.D']).toBeUndefined();
    expect(seen.segments['I.I']).toEqual(SEGMENTS['I.I']);
    // …but not someone else's.
    await as('clis');
    expect((await t.fail('cases:get', { id })).code).toBe('FORBIDDEN');

    // The case's own change register.
    await as(HEAD.login);
    const register = await t.call('cases:changeLog', { caseId: id });
    expect(register.map((e) => e.action)).toEqual(
      expect.arrayContaining(['case.create', 'case.transition', 'interview.update', 'interview.complete', 'analysis.create', 'request.create', 'request.decide', 'assignment.create']),
    );
    expect((await t.call('audit:verify', {})).ok).toBe(true);
  });

  it('refuses an assignment above the caseload limit and returns a request with a reason', async () => {
    const ids = await office();
    await as(HEAD.login);
    await t.call('settings:update', { caseloadLimit: 1 });
    const requests: string[] = [];
    for (const [i, pesel] of [makePesel('1980-01-01', 'F', 1), makePesel('1981-02-02', 'F', 2)].entries()) {
      await as('anowak');
      const { id } = await t.call('cases:create', intake({ members: [{ relation: 'applicant', inHousehold: true, person: { pesel, firstName: 'Ewa', lastName: `Test${i}`, birthDate: pesel.startsWith('80') ? '1980-01-01' : '1981-02-02', sex: 'F' } }] }));
      const { interviewId } = await t.call('cases:startInterview', { caseId: id });
      const saved = await t.call('interviews:save', { id: interviewId, expectedVersion: 1, conductedOn: '2026-03-02', place: '', segments: SEGMENTS, documents: {}, income: { items: [] } });
      await t.call('interviews:complete', { id: interviewId, expectedVersion: saved.version });
      await t.call('analysis:save', { caseId: id, reasons: [], strengths: '', resources: '', conclusions: '', consentOn: '2026-03-02' });
      requests.push((await t.call('requests:file', { caseId: id, justification: 'Wsparcie.' })).id);
    }
    await as(HEAD.login);
    await t.call('requests:decide', { requestId: requests[0]!, decision: { kind: 'assign', assistantId: ids.bozena } });
    const full = await t.fail('requests:decide', { requestId: requests[1]!, decision: { kind: 'assign', assistantId: ids.bozena } });
    expect(full).toMatchObject({ code: 'INVALID_STATE', message: 'Nie można przydzielić asystenta rodziny: limit 1 rodzin na asystenta został osiągnięty.' });
    expect((await t.fail('requests:decide', { requestId: requests[1]!, decision: { kind: 'return', reason: '  ' } })).code).toBe('VALIDATION');
    const returned = await t.call('requests:decide', { requestId: requests[1]!, decision: { kind: 'return', reason: 'Proszę uzupełnić analizę o zasoby rodziny.' } });
    expect(returned).toMatchObject({ status: 'returned', decisionNote: 'Proszę uzupełnić analizę o zasoby rodziny.' });
    expect((await t.call('cases:get', { id: returned.caseId })).status).toBe('ANALYSIS');
  });

  it('a minor parent leaving an institution goes from the wywiad to the kierownik, who assigns; nobody diverts it (art. 11 u.w.r.)', async () => {
    const ids = await office();
    await as('anowak');
    const pesel = makePesel('2009-06-01', 'F', 5);
    const { id } = await t.call('cases:create', intake({ minorParent: true, source: 'court', members: [{ relation: 'applicant', inHousehold: true, person: { pesel, firstName: 'Julia', lastName: 'Mała', birthDate: '2009-06-01', sex: 'F' } }] }));
    const { interviewId } = await t.call('cases:startInterview', { caseId: id });
    await as(HEAD.login);
    // Nothing for the kierownik before the wywiad is complete.
    expect((await t.call('cases:get', { id })).actions).toEqual([]);
    expect(await t.call('requests:queue', {})).toEqual([]);
    await as('anowak');
    const saved = await t.call('interviews:save', { id: interviewId, expectedVersion: 1, conductedOn: '2026-03-02', place: '', segments: SEGMENTS, documents: {}, income: { items: [] } });
    await t.call('interviews:complete', { id: interviewId, expectedVersion: saved.version });
    const file = await t.call('cases:get', { id });
    expect(file.status).toBe('ASSISTANT_REQUESTED');
    // The worker cannot divert it to social work.
    expect((await t.fail('cases:chooseSocialWork', { caseId: id })).code).toBe('INVALID_STATE');
    await as(HEAD.login);
    const [request] = await t.call('requests:queue', {});
    expect(request).toMatchObject({ caseId: id, kind: 'minor_parent', filedOn: '2026-03-02' });
    expect(request!.justification).toContain('art. 11');
    // The kierownik's tray lists it with her other decisions.
    const tray = await t.call('tray:get', {});
    expect(JSON.stringify(tray)).toContain(file.number);
    // She may neither return it nor refer it elsewhere: she assigns.
    expect((await t.fail('requests:decide', { requestId: request!.id, decision: { kind: 'return', reason: 'Proszę o analizę.' } })).message).toContain('obowiązkowo');
    expect((await t.fail('requests:decide', { requestId: request!.id, decision: { kind: 'refer', target: 'gmina_unit', organisation: 'Centrum' } })).message).toContain('obowiązkowo');
    await t.call('requests:decide', { requestId: request!.id, decision: { kind: 'assign', assistantId: ids.celina } });
    expect((await t.call('cases:get', { id })).status).toBe('ASSISTANT_ASSIGNED');
  });

  it('refuses future dates, a missing PESEL without a document, and a wrong PESEL', async () => {
    await office();
    await as('anowak');
    expect((await t.fail('cases:create', intake({ reportedOn: '2026-03-03' }))).message).toBe('Data zgłoszenia nie może być z przyszłości.');
    const noDoc = await t.fail('cases:create', intake({ members: [{ relation: 'applicant', inHousehold: true, person: { firstName: 'A', lastName: 'B', birthDate: '1990-01-01', sex: 'F' } }] }));
    expect(noDoc.fields?.['members.0.person.documentNumber']).toBe('Bez numeru PESEL podaj rodzaj i numer dokumentu tożsamości.');
    const wrongSex = await t.fail('cases:create', intake({ members: [{ relation: 'applicant', inHousehold: true, person: { pesel: MOTHER_PESEL, firstName: 'A', lastName: 'B', birthDate: '1991-04-17', sex: 'M' } }] }));
    expect(wrongSex.code).toBe('VALIDATION');
    // A PESEL of 2101-01-01: refused under the PESEL field, with the reason.
    const future = await t.fail('cases:create', intake({ members: [{ relation: 'applicant', inHousehold: true, person: { pesel: '01410111117', firstName: 'A', lastName: 'B', birthDate: '2101-01-01', sex: 'M' } }] }));
    expect(future.fields?.['members.0.person.pesel']).toBe('PESEL wskazuje datę urodzenia z przyszłości — sprawdź numer.');
    expect((await t.call('cases:list', {})).total).toBe(0);
  });

  it('keeps drafts per user, in the encrypted database', async () => {
    await office();
    await as('anowak');
    expect(await t.call('drafts:get', { key: 'intake:new' })).toBeNull();
    await t.call('drafts:save', { key: 'intake:new', data: '{"report":"szkic"}' });
    await t.call('session:lock', {});
    await t.call('session:unlock', { password: PASSWORD });
    expect((await t.call('drafts:get', { key: 'intake:new' }))?.data).toBe('{"report":"szkic"}');
    await as(HEAD.login);
    expect(await t.call('drafts:get', { key: 'intake:new' })).toBeNull();
  });

  it('updates the wywiad while aid continues (Part IV), from the last answers, and moves the six-month deadline', async () => {
    await office();
    await as('anowak');
    const { id } = await t.call('cases:create', intake());
    expect((await t.fail('interviews:startUpdate', { caseId: id })).message).toContain('gdy rodzina otrzymuje pomoc');
    const { interviewId } = await t.call('cases:startInterview', { caseId: id });
    const saved = await t.call('interviews:save', { id: interviewId, expectedVersion: 1, conductedOn: '2026-03-02', place: 'Dom rodziny', segments: SEGMENTS, documents: {}, income: { items: [] } });
    await t.call('interviews:complete', { id: interviewId, expectedVersion: saved.version });
    await t.call('cases:chooseSocialWork', { caseId: id });
    const before = await t.call('cases:get', { id });
    expect(before.deadlines.find((d) => d.kind === 'interview_update')?.dueDate).toBe('2026-09-02');

    t.clock.set('2026-08-20T08:00:00.000Z');
    await as('anowak'); // the idle lock took the session meanwhile
    const { interviewId: updateId } = await t.call('interviews:startUpdate', { caseId: id });
    expect((await t.fail('interviews:startUpdate', { caseId: id })).message).toContain('dokończ go');
    const update = await t.call('interviews:get', { id: updateId });
    expect(update.kind).toBe('update');
    expect(update.segments['I.I']).toEqual(SEGMENTS['I.I']);
    // Without Part IV the update cannot be closed; the answers are kept.
    const dated = await t.call('interviews:save', { id: updateId, expectedVersion: update.version, conductedOn: '2026-08-20', place: 'Dom rodziny', segments: update.segments, documents: {}, income: { items: [] } });
    const refused = await t.fail('interviews:complete', { id: updateId, expectedVersion: dated.version });
    expect(refused.message).toContain('części IV');
    const withChanges = await t.call('interviews:save', {
      id: updateId,
      expectedVersion: dated.version,
      conductedOn: '2026-08-20',
      place: 'Dom rodziny',
      segments: { ...update.segments, IV: { changes: 'Matka podjęła pracę.', updateConclusions: 'Kontynuować pracę socjalną.' } },
      documents: {},
      income: { items: [] },
    });
    const done = await t.call('interviews:complete', { id: updateId, expectedVersion: withChanges.version });
    expect(done.status).toBe('completed');
    const after = await t.call('cases:get', { id });
    expect(after.status).toBe('SOCIAL_WORK');
    expect(after.deadlines.find((d) => d.kind === 'interview_update')?.dueDate).toBe('2027-02-20');
    expect(after.events.some((e) => e.title === 'Zaktualizowano wywiad środowiskowy' && e.body === 'Matka podjęła pracę.')).toBe(true);
  });

  it('logs opening a case file once per half hour per user, not on every refresh', async () => {
    await office();
    await as('anowak');
    const { id } = await t.call('cases:create', intake());
    const workerId = (await t.call('app:status', {})).user?.id;
    const opens = async () => {
      await as(HEAD.login);
      const count = (await t.call('audit:list', { caseId: id, action: 'case.open', actorId: workerId, limit: 500 })).length;
      await as('anowak');
      return count;
    };
    await t.call('cases:get', { id });
    await t.call('cases:get', { id });
    t.clock.advance(5 * 60_000);
    await t.call('cases:get', { id });
    expect(await opens()).toBe(1);
    // On the office server the entries are timed by the server's clock, which the test's clock does not move.
    if (engine === 'postgres') return;
    t.clock.advance(31 * 60_000);
    await as('anowak');
    await t.call('cases:get', { id });
    expect(await opens()).toBe(2);
  });
});
