import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SEEDER_VERSION, demoFingerprint, SCENARIO_STATUS, seedDemo, SCENARIOS, type DemoReport } from '../../../../electron/tools/demo';
import { CASE_STATUSES } from '../../../../shared/domain/caseFlow';
import { validatePesel } from '../../../../shared/domain/pesel';
import { HEAD, setUpOffice, testBackend, type TestBackend } from '../../../support/backend';
import { PASSWORD, signIn } from '../../../support/case-flow';

const open: TestBackend[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.cleanup();
});

async function seeded(families: number, seed: number): Promise<{ t: TestBackend; report: DemoReport }> {
  const t = testBackend();
  open.push(t);
  t.clock.set('2026-05-20T08:00:00.000Z');
  await setUpOffice(t);
  const report = await seedDemo(t.backend, { families, seed, staffPassword: PASSWORD });
  return { t, report };
}

/** What a person reads in the office, without the random ids. */
async function contents(t: TestBackend): Promise<unknown> {
  const session = t.backend.readySession()!;
  return session.db.read(async (m) => ({
    cases: await m.query(
      `SELECT c.number, c.status, c.reported_on, c.interview_due, c.urgent, c.reasons, c.closure_reason, c.monitoring_until, c.closed_on, u.login AS worker
         FROM case_file c JOIN user u ON u.id = c.worker_id ORDER BY c.number`,
    ),
    persons: await m.query('SELECT pesel, document_number, first_name, last_name, birth_date, sex, citizenship, phone FROM person ORDER BY first_name, last_name, birth_date, pesel'),
    families: await m.query('SELECT street, postal_code, city, farm_hectares, housing FROM family ORDER BY street, city, housing'),
    interviews: await m.query('SELECT conducted_on, status, segments FROM interview ORDER BY conducted_on, segments'),
    plans: await m.query('SELECT c.number, p.number AS version, p.status, p.signed_on, p.areas FROM plan p JOIN case_file c ON c.id = p.case_id ORDER BY c.number, p.number'),
    contracts: await m.query('SELECT c.number, k.status, k.period_from, k.period_to, k.signed_on, k.main_goal FROM contract k JOIN case_file c ON c.id = k.case_id ORDER BY c.number, k.period_from'),
    visits: await m.query('SELECT c.number, v.visited_on, v.topics FROM visit v JOIN case_file c ON c.id = v.case_id ORDER BY c.number, v.visited_on, v.topics'),
    assessments: await m.query('SELECT c.number, a.assessed_on, a.recommendation FROM assessment a JOIN case_file c ON c.id = a.case_id ORDER BY c.number, a.assessed_on'),
    assignments: await m.query('SELECT c.number, u.login, a.assigned_on, a.ended_on FROM assignment a JOIN case_file c ON c.id = a.case_id JOIN user u ON u.id = a.assistant_id ORDER BY c.number'),
    staff: await m.query(`SELECT login, first_name, last_name, roles, created_at FROM user ORDER BY login`),
    court: await m.query(
      `SELECT c.number, q.court, q.case_reference, q.received_on, q.asks, q.deadline, q.status, q.answered_on, o.status AS opinion, o.sections, o.issued_on
         FROM court_request q JOIN case_file c ON c.id = q.case_id LEFT JOIN court_opinion o ON o.request_id = q.id ORDER BY c.number, q.received_on, q.case_reference`,
    ),
    audit: await m.query('SELECT at, action, entity_type FROM audit_log ORDER BY id'),
  }));
}

describe('demo seeder', () => {
  it('makes valid, audited families in every step of the process, over the two years before today', async () => {
    const { t, report } = await seeded(60, 1);
    expect(report.version).toBe(DEMO_SEEDER_VERSION);
    expect(report.today).toBe('2026-05-20');
    expect(report.from).toBe('2024-05-20');
    expect(report.families).toHaveLength(60);
    // Every scenario, and so every status but the archive, is there.
    expect(new Set(report.families.map((f) => f.scenario))).toEqual(new Set(Object.keys(SCENARIOS)));
    expect(new Set(report.families.map((f) => f.status))).toEqual(new Set(CASE_STATUSES.filter((s) => s !== 'ARCHIVED')));

    // The database holds what the record says.
    const session = t.backend.readySession()!;
    const rows = (await session.db.read((m) => m.query('SELECT id, number, status, reported_on AS reportedOn, interview_due AS interviewDue, closure_reason AS closureReason, closed_on AS closedOn FROM case_file'))) as {
      id: string;
      number: string;
      status: string;
      reportedOn: string;
      interviewDue: string;
      closureReason: string | null;
      closedOn: string | null;
    }[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const f of report.families) {
      const row = byId.get(f.caseId)!;
      expect(row, `${f.index} ${f.scenario}`).toMatchObject({ number: f.caseNumber, status: SCENARIO_STATUS[f.scenario], reportedOn: f.reportedOn, interviewDue: f.interviewDue, closedOn: f.closedOn });
      if (f.closureReason) expect(row.closureReason).toBe(f.closureReason);
      expect(f.reportedOn >= report.from && f.reportedOn <= report.today).toBe(true);
      expect(f.members[0]!.relation).toBe('applicant');
      for (const p of f.members) {
        if (p.pesel) expect(validatePesel(p.pesel)).toMatchObject({ ok: true, birthDate: p.birthDate });
        else expect(p.documentNumber).toMatch(/^[A-Z]{2}\d{6}$/);
      }
    }
    const pesels = report.families.flatMap((f) => f.members.map((p) => p.pesel)).filter(Boolean);
    expect(new Set(pesels).size).toBe(pesels.length);
    expect(report.families.some((f) => f.members.some((p) => p.citizenship === 'ukraińskie'))).toBe(true);

    // Nothing is dated after today; the audit chain is whole and every step is in it.
    const latest = (await session.db.read((m) => m.query(`SELECT MAX(occurred_on) AS d FROM case_event`))) as { d: string }[];
    expect(latest[0]!.d <= report.today).toBe(true);
    const verification = await t.call('audit:verify', {});
    expect(verification.ok).toBe(true);
    expect(verification.checked).toBeGreaterThan(report.steps);

    // The caseload limit held on every day (the service refuses otherwise); staff can sign in.
    for (const load of await t.call('assistants:caseloads', {})) expect(load.families).toBeLessThanOrEqual(load.limit);
    const worker = report.staff.find((s) => s.created && s.roles.includes('social_worker'))!;
    const assistant = report.staff.find((s) => s.created && s.roles.includes('family_assistant'))!;
    await signIn(t, worker.login);
    expect((await t.call('cases:list', {})).total).toBe(report.families.filter((f) => f.workerLogin === worker.login).length);
    await signIn(t, assistant.login);
    expect((await t.call('cases:list', {})).total).toBe(report.families.filter((f) => f.assistantLogin === assistant.login && f.closedOn === null).length);
    await signIn(t, HEAD.login);

    // Court letters: the record describes each as the app lists it; open ones (some past their deadline) and answered
    // ones; opinions in every state but issued (this backend has no PDF worker to print them).
    const letters = report.families.flatMap((f) => f.court.map((c) => ({ ...c, caseId: f.caseId })));
    const listed = (await t.call('court:list', { pageSize: 200 })).rows;
    const key = (x: { caseId: string; caseReference: string; receivedOn: string }) => `${x.caseId}|${x.receivedOn}|${x.caseReference}`;
    expect(listed.map((r) => ({ key: key(r), asks: r.asks, court: r.court, deadline: r.deadline, status: r.status, answeredOn: r.answeredOn, opinion: r.opinionStatus })).sort((a, b) => a.key.localeCompare(b.key))).toEqual(
      letters.map((c) => ({ key: key(c), asks: c.asks, court: c.court, deadline: c.deadline, status: c.status, answeredOn: c.answeredOn, opinion: c.opinion })).sort((a, b) => a.key.localeCompare(b.key)),
    );
    const open = letters.filter((c) => c.status === 'open');
    expect(open.some((c) => c.deadline < report.today)).toBe(true);
    expect(open.some((c) => c.deadline >= report.today)).toBe(true);
    expect(letters.some((c) => c.status === 'answered' && c.answeredOn !== null && c.answeredOn >= c.receivedOn)).toBe(true);
    expect(new Set(letters.map((c) => c.opinion))).toEqual(new Set([null, 'draft', 'submitted', 'approved']));
    expect(new Set(letters.map((c) => c.asks))).toEqual(new Set(['opinion', 'case_file', 'both']));
    // Only families whose assistant works with them get an opinion; no letter on a family closed before it came.
    for (const f of report.families) {
      for (const c of f.court) {
        if (c.opinion !== null) expect(f.assistantLogin, f.scenario).not.toBeNull();
        if (f.closedOn !== null) expect(c.receivedOn < f.closedOn && c.status === 'answered', `${f.index}`).toBe(true);
      }
    }
  });

  it("keeps the office's lower caseload limit: more assistants, never a higher limit (art. 15 ust. 4 u.w.r.)", async () => {
    const t = testBackend();
    open.push(t);
    t.clock.set('2026-05-20T08:00:00.000Z');
    await setUpOffice(t);
    await t.call('settings:update', { caseloadLimit: 1 });
    const report = await seedDemo(t.backend, { families: 120, seed: 7, staffPassword: PASSWORD });
    expect(report.caseloadLimit).toBe(1);
    expect((await t.call('app:status', {})).settings?.caseloadLimit).toBe(1);
    const loads = await t.call('assistants:caseloads', {});
    expect(loads.length).toBeGreaterThan(25);
    for (const load of loads) expect(load.families).toBeLessThanOrEqual(1);
  });

  it('is deterministic: the same seed makes the same office, another seed another', async () => {
    const a = await seeded(30, 42);
    const b = await seeded(30, 42);
    expect(demoFingerprint(b.report)).toEqual(demoFingerprint(a.report));
    expect(await contents(b.t)).toEqual(await contents(a.t));
    const c = await seeded(30, 43);
    expect(demoFingerprint(c.report)).not.toEqual(demoFingerprint(a.report));
  });
});
