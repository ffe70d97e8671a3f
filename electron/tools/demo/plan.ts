/** The steps of one family's case, from the report to where its scenario ends, as day offsets. */
import { intakeSchema } from '../../../shared/cases';
import { ART7_REASONS, type Art7Reason } from '../../../shared/domain/caseFlow';
import { type IsoDate } from '../../../shared/domain/dates';
import { interviewDeadline } from '../../../shared/domain/deadlines';
import { assessmentSchema, contractCreateSchema, contractEventSchema, visitSchema } from '../../../shared/family-work';
import { AssistantRequestEntity } from '../../db/entities';
import { CONTRACT_GOALS, HOUSING, INTERVIEW_TEXTS, REFERRAL_ORGANISATIONS, REPORTS, SOURCE_DETAILS, VILLAGES, VISIT_AGREED, VISIT_TOPICS } from './data';
import { CLOSURE_WEIGHTS, REASON_WEIGHTS, SOURCE_WEIGHTS, iso, makeFamily, planContent } from './family';
import { DAYS_BACK, type DemoContract, type DemoFamily, type Exec, type FamilyPlan, type FamilyRun, type PlanContext, type PlannedStep, SCENARIOS, SCENARIO_LIST, SCENARIO_STATUS, type StepRun, type Who } from './model';
import { Rng, streamSeed } from './rng';

/** The goal's achievement an assessment records with each comment (drawn together: no extra draw). */
const ACHIEVEMENT = {
  'Widoczna poprawa frekwencji dzieci.': 'partly_achieved',
  'Częściowa realizacja zadań.': 'in_progress',
  'Brak postępów w spłacie zadłużenia.': 'not_achieved',
} as const;

/** One family: who they are, and the steps of their case, as day offsets from the report. */
export function planFamily(index: number, seed: number, ctx: PlanContext): FamilyPlan {
  const rng = new Rng(streamSeed(seed, index));
  // The first families take every scenario in turn, so that even a small demo office shows every step.
  const scenario = index < SCENARIO_LIST.length ? SCENARIO_LIST[index]! : rng.weighted(SCENARIOS);
  const assisted = ['assigned', 'plan', 'in_progress', 'closing', 'monitoring', 'closed', 'closed_monitored'].includes(scenario);
  const minorParent = assisted && rng.chance(0.02);
  const urgent = rng.chance(0.1);
  const steps: PlannedStep[] = [];
  const at = (offset: number, who: Who, name: string, run: StepRun) => steps.push({ offset, who, name, run });
  const run: FamilyRun = {
    record: null as unknown as DemoFamily,
    reportDay: 0,
    workerIndex: rng.int(0, ctx.workers - 1),
    intake: null,
    interviewId: '',
    interviewVersion: 0,
    requestId: '',
    assistant: null,
    lastAssessment: null,
    planId: '',
  };
  let assignOffset: number | null = null;
  let closeOffset: number | null = null;
  let end = 0;
  let dwell: [number, number] = [0, 0];

  const schedule = (): void => {
    at(0, 'worker', 'create', async (x, a) => {
      const created = await x.cases.create(x.m, intakeSchema.parse(run.intake), a);
      run.record.caseId = created.id;
      run.record.caseNumber = created.number;
    });
    if (scenario === 'reported') return void (dwell = [0, urgent ? 5 : 25]);
    let o = rng.int(0, 3);
    at(o, 'worker', 'startInterview', async (x, a) => {
      run.interviewId = (await x.cases.startInterview(x.m, run.record.caseId, a)).interviewId;
      run.interviewVersion = 1;
    });
    o = urgent ? o + rng.int(0, 3) : o + rng.int(2, rng.chance(0.15) ? 32 : 18);
    const texts = { needs: rng.pick(INTERVIEW_TEXTS.needs), diagnosis: rng.pick(INTERVIEW_TEXTS.diagnosis), conclusions: rng.pick(INTERVIEW_TEXTS.conclusions), helpPlan: rng.pick(INTERVIEW_TEXTS.helpPlan) };
    const saveInterview = scenario !== 'interview' || rng.chance(0.6);
    if (saveInterview) {
      at(o, 'worker', 'saveInterview', async (x, a, date) => {
        const members = run.record.members.map((m) => `${m.firstName} ${m.lastName} (${m.relation === 'applicant' ? 'wnioskodawca' : m.relation === 'child' ? 'dziecko' : 'członek rodziny'})`).join(', ');
        const view = await x.cases.saveInterview(
          x.m,
          {
            id: run.interviewId,
            expectedVersion: run.interviewVersion,
            conductedOn: date,
            place: 'Dom rodziny',
            segments: {
              'I.A': { familyComposition: members },
              'I.H': { needs: texts.needs },
              'I.I': { diagnosis: texts.diagnosis, conclusions: texts.conclusions },
              'I.J': { helpPlan: texts.helpPlan },
            },
            documents: {},
            income: { items: [] },
          },
          a,
        );
        run.interviewVersion = view.version;
        run.record.interviewConductedOn = date;
      });
    }
    if (scenario === 'interview') return void (dwell = [0, 12]);
    o += rng.int(0, 2);
    at(o, 'worker', 'completeInterview', async (x, a) => {
      await x.cases.completeInterview(x.m, run.interviewId, run.interviewVersion, a);
      run.record.interviewCompleted = true;
    });
    o += rng.int(1, 8);
    const consent = assisted || ['requested', 'referred', 'referred_closed'].includes(scenario);
    const strengths = rng.pick(['Chęć współpracy, więź z dziećmi.', 'Wsparcie babci, stałe mieszkanie.', 'Matka dba o zdrowie dzieci.']);
    // A minor parent's case went from the wywiad to the kierownik's queue (art. 11 u.w.r.): no analysis step.
    if (!minorParent) at(o, 'worker', 'saveAnalysis', async (x, a, date) => {
      const reasons = run.record.reasons;
      await x.cases.saveAnalysis(x.m, { caseId: run.record.caseId, reasons, strengths, resources: 'Rodzina korzysta z zasiłku rodzinnego.', conclusions: texts.conclusions, consentOn: consent ? date : null, consentPersons: [], earlierHelp: '', childrenLegal: '' }, a);
    });
    if (scenario === 'analysis') return void (dwell = [0, 30]);
    if (scenario === 'social_work') {
      o += rng.int(0, 4);
      at(o, 'worker', 'chooseSocialWork', (x, a) => x.cases.chooseSocialWork(x.m, run.record.caseId, a));
      const span = rng.int(10, Math.max(10, DAYS_BACK - 60 - o));
      if (rng.chance(0.6)) contract(o + rng.int(0, Math.floor(span / 3)), o + span, true);
      end = o + span;
      return;
    }
    if (minorParent) {
      o += rng.int(1, 5);
      assignOffset = o;
      // The wywiad's completion put the case in the kierownik's queue (art. 11 u.w.r.): she assigns.
      at(o, 'head', 'assignMinorParent', async (x, a, date) => {
        run.assistant = x.pool.take();
        const request = await x.m.getRepository(AssistantRequestEntity).findOneByOrFail({ caseId: run.record.caseId, status: 'pending' });
        await x.cases.decide(x.m, request.id, { kind: 'assign', assistantId: run.assistant.id }, a);
        run.record.assistantLogin = run.assistant.login;
        run.record.assignedOn = date;
      });
    } else {
      o += rng.int(0, 6);
      const justification = 'Rodzina wymaga wsparcia asystenta rodziny w sprawach opiekuńczo-wychowawczych.';
      const file = (name: string) => at(o, 'worker', name, async (x, a) => void (run.requestId = (await x.cases.fileRequest(x.m, run.record.caseId, justification, a)).id));
      file('fileRequest');
      if (rng.chance(0.1)) {
        o += rng.int(2, 10);
        at(o, 'head', 'returnRequest', async (x, a) => void (await x.cases.decide(x.m, run.requestId, { kind: 'return', reason: 'Proszę uzupełnić analizę o sytuację szkolną dzieci.' }, a)));
        o += rng.int(5, 20);
        file('fileRequestAgain');
      }
      if (scenario === 'requested') return void (dwell = [0, 20]);
      o += rng.int(1, 12);
      if (scenario === 'referred' || scenario === 'referred_closed') {
        const organisation = rng.pick(REFERRAL_ORGANISATIONS);
        at(o, 'head', 'refer', async (x, a) => void (await x.cases.decide(x.m, run.requestId, { kind: 'refer', target: 'contracted_provider', organisation }, a)));
        if (scenario === 'referred') return void (dwell = [0, 200]);
        o += rng.int(14, 90);
        at(o, 'head', 'closeReferred', async (x, a, date) => {
          await x.work.close(x.m, run.record.caseId, a, 'Sprawę prowadzi podmiot, któremu ją przekazano.');
          run.record.closedOn = date;
        });
        closeOffset = o;
        end = o;
        dwell = [0, 400];
        return;
      }
      assignOffset = o;
      at(o, 'head', 'assign', async (x, a, date) => {
        run.assistant = x.pool.take();
        await x.cases.decide(x.m, run.requestId, { kind: 'assign', assistantId: run.assistant.id }, a);
        run.record.assistantLogin = run.assistant.login;
        run.record.assignedOn = date;
      });
    }
    if (scenario === 'assigned') return void (dwell = [0, 14]);
    o += rng.int(3, 14);
    const firstPlan = planContent(rng);
    at(o, 'assistant', 'createPlan', async (x, a, date) => void (run.planId = (await x.work.createPlan(x.m, run.record.caseId, firstPlan.build(date, parentName()), a)).id));
    if (scenario === 'plan') return void (dwell = [0, 20]);
    o += rng.int(2, 12);
    at(o, 'assistant', 'signPlan', async (x, a, date) => void (await x.work.signPlan(x.m, run.planId, date, a)));
    const workStart = o;
    const open = scenario === 'in_progress';
    const workEnd = workStart + (open ? rng.int(15, 540) : rng.int(90, 450));
    // Visits every few weeks.
    let visits = 0;
    for (let v = workStart + rng.int(3, 20); v <= workEnd && visits < 6; v += rng.int(40, 90), visits++) visit(v);
    // Okresowe oceny (some assistants late), each maybe followed by a revised plan.
    const lax = rng.chance(0.15);
    for (let a = workStart + (lax ? rng.int(170, 230) : rng.int(110, 175)); a <= workEnd - 10; a += lax ? rng.int(170, 230) : rng.int(140, 178)) {
      const recommendation = rng.weighted({ continue: 70, change_plan: 25, end_work: 5 });
      const progress = rng.pick(Object.keys(ACHIEVEMENT) as (keyof typeof ACHIEVEMENT)[]);
      const changes = rng.pick(['Matka podjęła pracę dorywczą.', 'Bez istotnych zmian.', 'Ojciec rozpoczął terapię.']);
      at(a, 'assistant', 'assessment', async (x, actor, date) => {
        const periodFrom = run.lastAssessment ?? run.record.assignedOn ?? date;
        await x.work.addAssessment(x.m, assessmentSchema.parse({ caseId: run.record.caseId, assessedOn: date, periodFrom, periodTo: date, progress: [{ goal: 'Cele planu pracy', achievement: ACHIEVEMENT[progress], progress }], changes, recommendation }), actor);
        run.lastAssessment = date;
        run.record.assessments.push(date);
      });
      if (recommendation !== 'continue' || rng.chance(0.2)) {
        const revision = planContent(rng);
        const created = a + rng.int(0, 3);
        const signed = created + rng.int(0, 5);
        if (signed < workEnd - 5) {
          at(created, 'assistant', 'revisePlan', async (x, actor, date) => void (run.planId = (await x.work.createPlan(x.m, run.record.caseId, revision.build(date, parentName()), actor)).id));
          at(signed, 'assistant', 'signRevision', async (x, actor, date) => void (await x.work.signPlan(x.m, run.planId, date, actor)));
        }
      }
    }
    if (rng.chance(0.3)) contract(workStart + rng.int(0, Math.floor((workEnd - workStart) / 2)), workEnd, open);
    if (open) {
      end = workEnd;
      dwell = [0, 5];
      return;
    }
    // The end of the work: the assistant proposes, the kierownik decides.
    const reason = rng.weighted(CLOSURE_WEIGHTS);
    const note = reason === 'other' ? 'Rodzina wyjechała za granicę.' : rng.pick(['', 'Cele planu osiągnięte w większości.', 'Rodzina nie otwiera drzwi od dwóch miesięcy.']);
    let e = workEnd;
    const propose = (day: number) => at(day, 'assistant', 'proposeClosure', (x, a) => x.work.proposeClosure(x.m, { caseId: run.record.caseId, reason, note }, a));
    if (rng.chance(0.05)) {
      propose(e);
      e += rng.int(1, 7);
      at(e, 'head', 'rejectClosure', (x, a) => x.work.decideClosure(x.m, { caseId: run.record.caseId, decision: 'reject', note: 'Proszę kontynuować pracę jeszcze przez kwartał.' }, a));
      e += rng.int(30, 90);
    }
    propose(e);
    if (scenario === 'closing') {
      end = e;
      dwell = [0, 14];
      return;
    }
    const d = e + rng.int(1, 10);
    const close = async (x: Exec, date: IsoDate) => {
      x.pool.release(run.assistant!.id);
      run.record.closedOn = date;
      run.record.closureReason = reason;
    };
    if (scenario === 'closed') {
      at(d, 'head', 'approveClosure', async (x, a, date) => {
        await x.work.decideClosure(x.m, { caseId: run.record.caseId, decision: 'close', note: '' }, a);
        await close(x, date);
      });
      closeOffset = d;
      end = d;
      dwell = [0, 700];
      return;
    }
    at(d, 'head', 'startMonitoring', (x, a) => x.work.decideClosure(x.m, { caseId: run.record.caseId, decision: 'monitor', note: '' }, a));
    const monitoringDays = Math.round(ctx.settings.monitoringMonths * 30.5);
    for (let v = d + rng.int(15, 40); v < d + monitoringDays && rng.chance(0.6); v += rng.int(25, 45)) visit(v);
    if (scenario === 'monitoring') {
      end = d;
      dwell = [0, monitoringDays + 20];
      return;
    }
    const m = d + monitoringDays + rng.int(1, 10);
    at(m, 'assistant', 'endMonitoring', (x, a) => x.work.endMonitoring(x.m, run.record.caseId, a));
    const c = m + rng.int(0, 7);
    at(c, 'head', 'close', async (x, a, date) => {
      await x.work.close(x.m, run.record.caseId, a, 'Monitoring zakończony, rodzina funkcjonuje samodzielnie.');
      await close(x, date);
    });
    closeOffset = c;
    end = c;
    dwell = [0, 700];
  };

  function parentName(): string {
    return run.record.members[0]?.firstName ?? 'Rodzic';
  }

  function visit(day: number): void {
    const topics = rng.pick(VISIT_TOPICS);
    const agreed = rng.pick(VISIT_AGREED);
    const significant = rng.chance(0.1);
    at(day, 'assistant', 'visit', async (x, a, date) => {
      await x.work.addVisit(x.m, visitSchema.parse({ caseId: run.record.caseId, visitedOn: date, place: 'Dom rodziny', participants: 'Matka, dzieci', topics, agreed, significant }), a);
      run.record.visits += 1;
    });
  }

  /** A kontrakt socjalny by the social worker: draft → signed → running, actions ticked off, then assessed or ended. */
  function contract(from: number, until: number, open: boolean): void {
    const goal = rng.pick(CONTRACT_GOALS);
    const signOffset = from + rng.int(0, 7);
    const periodFrom = signOffset;
    const periodTo = periodFrom + rng.int(90, 365);
    if (signOffset >= until || (!open && periodTo > until - 1)) return;
    const actions = goal.actions.map((description, i) => ({
      party: i === goal.actions.length - 1 ? ('worker' as const) : ('client' as const),
      description,
      days: rng.int(14, periodTo - periodFrom),
      done: rng.chance(0.75),
    }));
    const variant = rng.chance(0.85) ? ('A' as const) : ('B' as const);
    const state: { id: string; actionIds: string[]; record: DemoContract | null } = { id: '', actionIds: [], record: null };
    at(from, 'worker', 'createContract', async (x, a) => {
      const [applicant] = (await x.m.query('SELECT fm.person_id AS id FROM family_member fm JOIN case_file c ON c.family_id = fm.family_id WHERE c.id = ? ORDER BY fm.position LIMIT 1', [
        run.record.caseId,
      ])) as { id: string }[];
      const view = await x.work.createContract(
        x.m,
        contractCreateSchema.parse({
          caseId: run.record.caseId,
          variant,
          clientIds: [applicant!.id],
          causes: 'Bezrobocie, brak wsparcia rodziny.',
          possibilities: 'Wykształcenie zawodowe, motywacja do zmiany.',
          limitations: 'Opieka nad dziećmi, dojazd do miasta.',
          mainGoal: goal.main,
          partialGoals: [...goal.partial],
          actions: actions.map((act) => ({ party: act.party, description: act.description, deadline: iso(run.reportDay + periodFrom + act.days) })),
          periodFrom: iso(run.reportDay + periodFrom),
          periodTo: iso(run.reportDay + periodTo),
        }),
        a,
      );
      state.id = view.id;
      state.actionIds = view.actions.map((act) => act.id);
      state.record = { status: 'draft', periodFrom: view.periodFrom, periodTo: view.periodTo, signedOn: null };
      run.record.contracts.push(state.record);
    });
    if (rng.chance(0.05)) return;
    const event = (day: number, name: string, input: (date: IsoDate) => unknown, after?: (date: IsoDate) => void) =>
      at(day, 'worker', name, async (x, a, date) => {
        const view = await x.work.contractEvent(x.m, contractEventSchema.parse(input(date)), a);
        state.record!.status = view.status;
        after?.(date);
      });
    const last = until;
    event(signOffset, 'signContract', (date) => ({ id: state.id, event: 'sign', signedOn: date }), (date) => void (state.record!.signedOn = date));
    const started = signOffset + rng.int(0, 5);
    if (started > last) return;
    event(started, 'startContract', () => ({ id: state.id, event: 'start' }));
    const terminateAt = rng.chance(0.1) ? periodFrom + rng.int(30, periodTo - periodFrom) : null;
    const stop = Math.min(terminateAt ?? periodTo, last);
    for (const [i, act] of actions.entries()) {
      const day = Math.max(started, periodFrom + act.days);
      if (day > stop) continue;
      event(day, 'contractAction', () => ({ id: state.id, event: 'action_status', actionId: state.actionIds[i]!, status: act.done ? 'done' : 'not_done' }));
    }
    if (rng.chance(0.05) && started + 20 <= stop) event(started + 20, 'contractBreach', (date) => ({ id: state.id, event: 'breach', occurredOn: date, note: 'Klient nie stawił się w urzędzie pracy.' }));
    if (terminateAt !== null && terminateAt <= last) {
      event(terminateAt, 'terminateContract', (date) => ({ id: state.id, event: 'terminate', terminatedOn: date, reason: 'Klient zrezygnował ze współpracy.' }));
    } else if (terminateAt === null && periodTo <= last) {
      event(periodTo, 'assessContract', () => ({ id: state.id, event: 'assess', outcome: rng.weighted({ met: 50, partly_met: 35, not_met: 15 }), note: '' }));
    }
  }

  schedule();
  if (end === 0) end = Math.max(...steps.map((s) => s.offset));
  const wait = rng.int(dwell[0], dwell[1]);
  const reportDay = Math.max(ctx.start, ctx.today - end - wait);

  const family = makeFamily(rng, ctx, reportDay, minorParent);
  const village = rng.pick(VILLAGES);
  const house = rng.int(1, 140);
  const street = village.streets.length > 0 && rng.chance(0.85) ? `ul. ${rng.pick(village.streets)} ${house}${rng.chance(0.2) ? `/${rng.int(1, 12)}` : ''}` : `${village.name} ${house}`;
  const source = rng.weighted(SOURCE_WEIGHTS);
  const reasons = new Set<Art7Reason>();
  for (let i = rng.int(1, 3); i > 0; i--) reasons.add(rng.weighted(REASON_WEIGHTS));
  if (family.ukrainian) reasons.add('foreigner_integration');
  if (family.members.filter((m) => m.relation === 'child').length >= 3) reasons.add('maternity_large_family');
  const orderedReasons = ART7_REASONS.filter((r) => reasons.has(r));
  const reportedOn = iso(reportDay);
  run.reportDay = reportDay;
  run.intake = {
    reportedOn,
    source,
    sourceDetails: rng.pick(SOURCE_DETAILS[source] ?? ['']),
    report: rng.pick(REPORTS[source]),
    urgent,
    minorParent,
    reasons: orderedReasons,
    family: {
      kind: family.members.length === 1 ? 'single' : 'family',
      street,
      postalCode: village.postalCode,
      city: village.name,
      rural: true,
      farmHectares: rng.chance(0.15) ? rng.int(100, 1200) / 100 : 0,
      housing: rng.pick(HOUSING),
    },
    members: family.members,
  };
  run.record = {
    index,
    scenario,
    status: SCENARIO_STATUS[scenario],
    caseId: '',
    caseNumber: '',
    reportedOn,
    urgent,
    minorParent,
    reasons: orderedReasons,
    interviewDue: interviewDeadline(reportedOn, urgent),
    workerLogin: '',
    address: { street, postalCode: village.postalCode, city: village.name },
    members: family.record,
    interviewConductedOn: null,
    interviewCompleted: false,
    assistantLogin: null,
    assignedOn: null,
    closedOn: null,
    closureReason: null,
    contracts: [],
    assessments: [],
    visits: 0,
    court: [],
  };
  return {
    run,
    steps,
    reportDay,
    assistantFrom: assignOffset === null ? null : Math.min(ctx.today, reportDay + assignOffset),
    assistantUntil: closeOffset === null || assignOffset === null ? null : Math.min(ctx.today, reportDay + closeOffset),
  };
}
