/**
 * The demo office (issue 7 item 5; the benchmarks of issue 8 need it): synthetic families with
 * Polish (and some Ukrainian) names, valid PESEL numbers, addresses in three rural gminy, and cases
 * in every step of the process — reported, wywiad, analysis, social work, request for an
 * assistant, assigned, plan, work with visits / oceny / kontrakty, closing, monitoring, closed —
 * spread over the two years before the clock's today.
 *
 * Every row is written by the real services (CasesService, FamilyWorkService, UsersService), so it
 * passes the same rules and is audited like work done by hand. The services run on a clock of the
 * seeder's own, set to the day of each step, and the steps of all families run in date order,
 * many per transaction. Deterministic for a seed: names, numbers, dates and outcomes are the same
 * on every run (ids are random UUIDs, as always). No Math.random: a small PRNG (mulberry32).
 *
 * Court requests (issue 7): some families get a court's letter — for the opinia o rodzinie, the
 * case file, or both — registered by the case's worker; some are still open at today (some past
 * their deadline), some answered. The opinions go through every state (draft, submitted, approved,
 * issued); issued ones are numbered PDFs in the document register, printed by the PDF worker, so
 * only the first `issuedOpinions` (default DEMO_ISSUED_OPINIONS) of them are issued, and none when
 * the backend has no PDF worker (the tests' backends): later ones are answered with the case file.
 *
 * One gap in the process as built: a social-work case cannot be closed yet (closing needs a
 * closure reason, which only an assistant's proposal records), so social-work cases stay open.
 */
import type { EntityManager } from 'typeorm';

import { intakeSchema, type IntakeInput, type ReportSource } from '../../shared/cases';
import { OPINION_SECTION_KEYS, type CourtAsks, type CourtRequestStatus, type OpinionSections, type OpinionStatus } from '../../shared/court';
import { ART7_REASONS, STATUTORY_CASELOAD_CAP, type Art7Reason, type CaseStatus, type ClosureReason } from '../../shared/domain/caseFlow';
import { fromDayNumberToIso, toDayNumber, type IsoDate } from '../../shared/domain/dates';
import { interviewDeadline } from '../../shared/domain/deadlines';
import type { ContractStatus } from '../../shared/domain/familyWork';
import { makePesel, PESEL_SERIALS_PER_DAY_AND_SEX, type Sex } from '../../shared/domain/pesel';
import type { Role } from '../../shared/domain/roles';
import { fold } from '../../shared/domain/text';
import { assessmentSchema, contractCreateSchema, contractEventSchema, planContentSchema, visitSchema } from '../../shared/family-work';
import type { SessionUser, Settings } from '../../shared/ipc';
import type { Backend, ReadySession } from '../backend';
import { ManualClock, type Clock } from '../clock';
import { AssistantRequestEntity, PersonEntity, UserEntity, type AuditRow } from '../db/entities';
import { AppError } from '../errors';
import { AuditService, canonicalJson, entryHash, GENESIS_HASH, type AuditInput } from './audit';
import { CasesService, type Actor } from './cases';
import { CourtService } from './court';
import { loadCaseData, opinionPrefill } from './court-data';
import { DocumentsService } from './documents';
import {
  CONTRACT_GOALS,
  COURT_CONCLUSIONS,
  COURTS,
  COURT_RELATIONS,
  HOUSING,
  INTERVIEW_TEXTS,
  PLAN_AREAS,
  POLISH_BOYS,
  POLISH_GIRLS,
  POLISH_MEN,
  POLISH_SURNAMES,
  POLISH_WOMEN,
  REFERRAL_ORGANISATIONS,
  REPORTS,
  SOURCE_DETAILS,
  STAFF_WOMEN,
  UKRAINIAN_BOYS,
  UKRAINIAN_GIRLS,
  UKRAINIAN_MEN,
  UKRAINIAN_SURNAMES,
  UKRAINIAN_WOMEN,
  VILLAGES,
  VISIT_AGREED,
  VISIT_TOPICS,
} from './demo-data';
import { FamilyWorkService } from './family-work';
import { prepared, rawDb } from './raw-sql';
import { caseloads } from './tray';
import { UsersService } from './users';

/** Bump when the seeder makes different data for the same seed (benchmark caches key on it). */
export const DEMO_SEEDER_VERSION = 2;

// ---- a small deterministic PRNG ---------------------------------------------------------------

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return max <= min ? min : min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let r = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, w] of entries) {
      r -= w;
      if (r < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }

  /** `count` distinct items, in the order drawn. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return out;
  }
}

/** A stream of its own for every family: family i is the same whatever the number of families. */
function streamSeed(seed: number, stream: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

// ---- what the seeder makes -----------------------------------------------------------------

/** Where a family's case stands at the end, with how often each happens (weights). */
export const SCENARIOS = {
  reported: 4,
  interview: 3,
  analysis: 3,
  social_work: 14,
  requested: 3,
  referred: 1.5,
  referred_closed: 1.5,
  assigned: 2,
  plan: 2,
  in_progress: 22,
  closing: 2,
  monitoring: 5,
  closed: 10,
  closed_monitored: 20,
} as const;
export type Scenario = keyof typeof SCENARIOS;

const SCENARIO_LIST = Object.keys(SCENARIOS) as Scenario[];

export const SCENARIO_STATUS: Record<Scenario, CaseStatus> = {
  reported: 'REPORTED',
  interview: 'INTERVIEW',
  analysis: 'ANALYSIS',
  social_work: 'SOCIAL_WORK',
  requested: 'ASSISTANT_REQUESTED',
  referred: 'REFERRED',
  referred_closed: 'CLOSED',
  assigned: 'ASSISTANT_ASSIGNED',
  plan: 'PLAN',
  in_progress: 'IN_PROGRESS',
  closing: 'CLOSING',
  monitoring: 'MONITORING',
  closed: 'CLOSED',
  closed_monitored: 'CLOSED',
};

export interface DemoMember {
  firstName: string;
  lastName: string;
  pesel: string | null;
  documentNumber: string | null;
  birthDate: IsoDate;
  relation: string;
  inHousehold: boolean;
  citizenship: string;
}

export interface DemoContract {
  status: ContractStatus;
  periodFrom: IsoDate;
  periodTo: IsoDate;
  signedOn: IsoDate | null;
}

/** A court's letter as the seeder made it, and where it stands at the end. */
export interface DemoCourtRequest {
  asks: CourtAsks;
  court: string;
  division: string;
  caseReference: string;
  receivedOn: IsoDate;
  deadline: IsoDate;
  status: CourtRequestStatus;
  answeredOn: IsoDate | null;
  /** The opinion's state (null: none drafted, or the court asked only for the files). */
  opinion: OpinionStatus | null;
  /** The day the opinion was issued through the document register. */
  issuedOn: IsoDate | null;
}

/** The seeder's own record of one family, to check what the app computes against. */
export interface DemoFamily {
  index: number;
  scenario: Scenario;
  status: CaseStatus;
  caseId: string;
  caseNumber: string;
  reportedOn: IsoDate;
  urgent: boolean;
  minorParent: boolean;
  reasons: Art7Reason[];
  interviewDue: IsoDate;
  workerLogin: string;
  address: { street: string; postalCode: string; city: string };
  members: DemoMember[];
  interviewConductedOn: IsoDate | null;
  interviewCompleted: boolean;
  assistantLogin: string | null;
  assignedOn: IsoDate | null;
  closedOn: IsoDate | null;
  closureReason: ClosureReason | null;
  contracts: DemoContract[];
  assessments: IsoDate[];
  visits: number;
  /** Court requests in the order received. */
  court: DemoCourtRequest[];
}

export interface DemoStaff {
  id: string;
  login: string;
  name: string;
  roles: Role[];
  created: boolean;
}

export interface DemoReport {
  version: number;
  seed: number;
  today: IsoDate;
  from: IsoDate;
  caseloadLimit: number;
  staff: DemoStaff[];
  families: DemoFamily[];
  steps: number;
  timings: { planMs: number; staffMs: number; seedMs: number; totalMs: number };
}

export interface DemoOptions {
  families: number;
  seed?: number;
  /** Password of the staff accounts the seeder creates (≥ 10 characters). */
  staffPassword: string;
  /** Steps per transaction. */
  batchSize?: number;
  /** Collects the time spent per kind of step (benchmarks). */
  profile?: Map<string, { count: number; ms: number }>;
  log?: (line: string) => void;
  /**
   * At most this many opinions are issued as PDFs (each is printed by the PDF worker, ~0.1–0.5 s);
   * default DEMO_ISSUED_OPINIONS. Without a PDF worker none are.
   */
  issuedOpinions?: number;
}

export const DEMO_MAX_FAMILIES = 100_000;
export const DEMO_ISSUED_OPINIONS = 12;
const DAYS_BACK = 730;

// ---- planning ------------------------------------------------------------------------------

type Who = 'worker' | 'assistant' | 'head';

interface Exec {
  m: EntityManager;
  cases: CasesService;
  work: FamilyWorkService;
  pool: AssistantPool;
  court: CourtService;
  documents: DocumentsService;
}

type StepRun = (x: Exec, actor: Actor, date: IsoDate) => Promise<void>;

interface PlannedStep {
  offset: number;
  who: Who;
  name: string;
  run: StepRun;
}

interface FamilyRun {
  record: DemoFamily;
  /** The report's day number (dates of contracts are counted from it). */
  reportDay: number;
  workerIndex: number;
  intake: IntakeInput | null;
  interviewId: string;
  interviewVersion: number;
  requestId: string;
  assistant: SessionUser | null;
  lastAssessment: IsoDate | null;
  planId: string;
}

interface FamilyPlan {
  run: FamilyRun;
  steps: PlannedStep[];
  reportDay: number;
  /** Days (absolute) the family holds an assistant: from the assignment to the closure (null: still). */
  assistantFrom: number | null;
  assistantUntil: number | null;
}

interface PlanContext {
  today: number;
  start: number;
  workers: number;
  settings: Settings;
  peselUsed: Set<string>;
}

const SOURCE_WEIGHTS: Record<ReportSource, number> = { school: 30, police: 15, court: 8, probation_officer: 10, health_service: 10, family: 15, other: 12 };
const REASON_WEIGHTS = {
  parenting_helplessness: 40,
  poverty: 25,
  unemployment: 20,
  addiction: 14,
  long_term_illness: 8,
  domestic_violence: 8,
  maternity_large_family: 8,
  disability: 5,
  random_event_crisis: 3,
  after_prison: 2,
  homelessness: 1,
} as const satisfies Partial<Record<Art7Reason, number>>;
const CLOSURE_WEIGHTS: Record<ClosureReason, number> = { goals_met: 50, no_cooperation: 20, moved_away: 12, child_placed: 10, other: 8 };

function iso(day: number): IsoDate {
  return fromDayNumberToIso(day);
}

function allocatePesel(rng: Rng, used: Set<string>, birthDate: IsoDate, sex: Sex): string {
  const first = rng.int(0, PESEL_SERIALS_PER_DAY_AND_SEX - 1);
  for (let i = 0; i < PESEL_SERIALS_PER_DAY_AND_SEX; i++) {
    const pesel = makePesel(birthDate, sex, (first + i) % PESEL_SERIALS_PER_DAY_AND_SEX);
    if (!used.has(pesel)) {
      used.add(pesel);
      return pesel;
    }
  }
  throw new Error(`No PESEL left for ${birthDate} ${sex}.`);
}

type MemberInput = IntakeInput['members'][number];

/** The household: an applicant (mother, father, or a minor mother), partner, children, sometimes a grandmother. */
function makeFamily(rng: Rng, ctx: PlanContext, reportDay: number, minorParent: boolean): { members: MemberInput[]; record: DemoMember[]; ukrainian: boolean } {
  const ukrainian = rng.chance(0.07);
  const surname = ukrainian ? ([rng.pick(UKRAINIAN_SURNAMES), null] as const) : rng.pick(POLISH_SURNAMES);
  const lastName = (sex: Sex) => (ukrainian ? surname[0] : sex === 'F' ? (surname[1] ?? surname[0]) : surname[0]);
  const shape = minorParent ? 'minor' : rng.weighted({ mother: 45, couple: 30, father: 5, threeGen: 8, large: 8, single: 4 });
  const members: MemberInput[] = [];
  const record: DemoMember[] = [];
  const add = (relation: MemberInput['relation'], sex: Sex, firstName: string, ageYears: number, opts: { last?: string; inHousehold?: boolean; child?: boolean } = {}) => {
    const birthDay = Math.min(reportDay, reportDay - ageYears * 365 - rng.int(0, 364));
    const birthDate = iso(birthDay);
    const withPesel = !ukrainian || rng.chance(0.6);
    const pesel = withPesel ? allocatePesel(rng, ctx.peselUsed, birthDate, sex) : null;
    const documentNumber = withPesel ? null : `${rng.pick(['FA', 'FB', 'FE', 'FH', 'FX'])}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
    const inHousehold = opts.inHousehold ?? true;
    const citizenship = ukrainian ? 'ukraińskie' : 'polskie';
    const person = {
      ...(pesel ? { pesel } : { documentType: 'passport' as const, documentNumber: documentNumber! }),
      firstName,
      lastName: opts.last ?? lastName(sex),
      birthDate,
      sex,
      citizenship,
      ...(!opts.child && rng.chance(0.6) ? { phone: `${rng.pick(['501', '512', '600', '663', '698', '731', '790'])} ${String(rng.int(0, 999)).padStart(3, '0')} ${String(rng.int(0, 999)).padStart(3, '0')}` } : {}),
    };
    members.push({
      relation,
      inHousehold,
      ...(relation === 'child' ? { childWhereabouts: inHousehold ? ('home' as const) : rng.pick(['kinship_foster', 'foster_family', 'institution'] as const) } : {}),
      person,
    });
    record.push({ firstName, lastName: person.lastName, pesel, documentNumber, birthDate, relation, inHousehold, citizenship });
  };
  const women = ukrainian ? UKRAINIAN_WOMEN : POLISH_WOMEN;
  const men = ukrainian ? UKRAINIAN_MEN : POLISH_MEN;
  const girls = ukrainian ? UKRAINIAN_GIRLS : POLISH_GIRLS;
  const boys = ukrainian ? UKRAINIAN_BOYS : POLISH_BOYS;
  const children = (count: number, parentAge: number) => {
    const used = new Set<string>();
    for (let i = 0; i < count; i++) {
      const sex: Sex = rng.chance(0.5) ? 'F' : 'M';
      let name = rng.pick(sex === 'F' ? girls : boys);
      if (used.has(name)) name = rng.pick(sex === 'F' ? girls : boys);
      used.add(name);
      const age = rng.int(0, Math.max(0, Math.min(17, parentAge - 18)));
      add('child', sex, name, age, { child: true, inHousehold: rng.chance(0.95) });
    }
  };
  switch (shape) {
    case 'minor': {
      add('applicant', 'F', rng.pick(women), rng.int(16, 17));
      add('child', rng.chance(0.5) ? 'F' : 'M', rng.pick(rng.chance(0.5) ? girls : boys), 0, { child: true });
      add('parent', 'F', rng.pick(women), rng.int(36, 48));
      break;
    }
    case 'single': {
      const sex: Sex = rng.chance(0.7) ? 'F' : 'M';
      add('applicant', sex, rng.pick(sex === 'F' ? women : men), rng.int(19, 40));
      break;
    }
    case 'father': {
      const age = rng.int(24, 50);
      add('applicant', 'M', rng.pick(men), age);
      children(rng.int(1, 3), age);
      break;
    }
    default: {
      const age = rng.int(19, 45);
      add('applicant', 'F', rng.pick(women), age);
      if (shape === 'couple' || shape === 'large') {
        const married = rng.chance(0.55);
        add(married ? 'spouse' : 'partner', 'M', rng.pick(men), Math.max(18, age + rng.int(-3, 7)), married ? {} : { last: ukrainian ? rng.pick(UKRAINIAN_SURNAMES) : rng.pick(POLISH_SURNAMES)[0], inHousehold: rng.chance(0.9) });
      }
      children(shape === 'large' ? rng.int(4, 6) : rng.int(1, 3), age);
      if (shape === 'threeGen') add('parent', 'F', rng.pick(women), age + rng.int(19, 28));
    }
  }
  return { members, record, ukrainian };
}

function planContent(rng: Rng): { build: (createdOn: IsoDate, parentName: string) => ReturnType<typeof planContentSchema.parse> } {
  const areas = rng.sample(PLAN_AREAS, rng.int(1, 3)).map((area) => ({
    name: area.name,
    goals: rng.sample(area.goals, rng.int(1, area.goals.length)).map((goal) => ({
      name: goal.name,
      tasks: goal.tasks.map(([description, who, effect]) => ({ description, who, effect, days: rng.int(20, 180), running: rng.chance(0.2) })),
    })),
  }));
  return {
    build: (createdOn, parentName) =>
      planContentSchema.parse({
        type: 'standard',
        coordinator: '',
        areas: areas.map((a) => ({
          name: a.name,
          goals: a.goals.map((g) => ({
            name: g.name,
            tasks: g.tasks.map((t) => ({
              description: t.description,
              responsible: t.who === 'parent' ? parentName : t.who === 'assistant' ? 'Asystent rodziny' : 'Cała rodzina',
              // At least 20 days after the draft: it is signed within 12, and no task may be due before the signature.
              deadline: iso(toDayNumber(createdOn) + t.days),
              expectedEffect: t.effect,
              resources: '',
              status: t.running ? 'in_progress' : 'planned',
            })),
          })),
        })),
      }),
  };
}

/** One family: who they are, and the steps of their case, as day offsets from the report. */
function planFamily(index: number, seed: number, ctx: PlanContext): FamilyPlan {
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
      const progress = rng.pick(['Widoczna poprawa frekwencji dzieci.', 'Częściowa realizacja zadań.', 'Brak postępów w spłacie zadłużenia.']);
      const changes = rng.pick(['Matka podjęła pracę dorywczą.', 'Bez istotnych zmian.', 'Ojciec rozpoczął terapię.']);
      at(a, 'assistant', 'assessment', async (x, actor, date) => {
        const periodFrom = run.lastAssessment ?? run.record.assignedOn ?? date;
        await x.work.addAssessment(x.m, assessmentSchema.parse({ caseId: run.record.caseId, assessedOn: date, periodFrom, periodTo: date, progress: [{ goal: 'Cele planu pracy', progress }], changes, recommendation }), actor);
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

// ---- court requests ---------------------------------------------------------------------------

/**
 * Where a court's letter ends: open at today ('new': no opinion yet; 'draft', 'submitted',
 * 'approved': the opinion's state; 'files_open': the case file asked for), or answered ('issued':
 * the opinion issued answers it; 'both_answered': opinion issued and the files sent on paper;
 * 'files_answered': the files sent).
 */
const COURT_VARIANTS = ['draft', 'issued', 'files_open', 'submitted', 'both_answered', 'approved', 'files_answered', 'new'] as const;
type CourtVariant = (typeof COURT_VARIANTS)[number];
const CURRENT_VARIANTS: readonly CourtVariant[] = ['new', 'draft', 'submitted', 'approved', 'files_open'];
const OPINION_VARIANTS: readonly CourtVariant[] = ['new', 'draft', 'submitted', 'approved', 'issued', 'both_answered'];
const ISSUING_VARIANTS: readonly CourtVariant[] = ['issued', 'both_answered'];
const COURT_WEIGHTS: Record<CourtVariant, number> = { new: 1, draft: 2, submitted: 1, approved: 1, files_open: 2, issued: 3, both_answered: 1, files_answered: 3 };

/**
 * Adds court letters to the planned families, in family order (family i's letters depend only on
 * the families before it): the first eligible families take every variant in turn, so that even
 * a small office shows each; later ones get a letter by chance. At most `issuable` opinions are
 * issued; past that, a letter that would have been answered by an opinion asks for the files.
 */
function planCourt(plans: readonly FamilyPlan[], seed: number, today: number, issuable: number): void {
  const pending = [...COURT_VARIANTS];
  let issued = 0;
  let current = 0;
  for (const p of plans) {
    const { run } = p;
    const rng = new Rng(streamSeed((seed ^ 0x7c0a7) >>> 0, run.record.index));
    let from: number;
    let until: number;
    let currentOk: boolean;
    const assisted = p.assistantFrom !== null;
    if (p.assistantFrom !== null) {
      from = p.assistantFrom + 3;
      until = (p.assistantUntil ?? today) - 3;
      currentOk = p.assistantUntil === null && today - p.assistantFrom >= 40;
    } else if (run.record.scenario === 'social_work') {
      from = p.reportDay + 45;
      until = today - 1;
      currentOk = today - p.reportDay >= 60;
    } else continue;
    const pastOk = until - from >= 45;
    const fits = (v: CourtVariant) => (assisted || !OPINION_VARIANTS.includes(v)) && (CURRENT_VARIANTS.includes(v) ? currentOk : pastOk);
    let variant: CourtVariant | null = pending.find(fits) ?? null;
    if (variant !== null) pending.splice(pending.indexOf(variant), 1);
    else if (rng.chance(assisted ? 0.25 : 0.1)) {
      const options = COURT_VARIANTS.filter(fits);
      if (options.length === 0) continue;
      variant = rng.weighted(Object.fromEntries(options.map((v) => [v, COURT_WEIGHTS[v]])) as Record<CourtVariant, number>);
    } else continue;
    if (ISSUING_VARIANTS.includes(variant)) {
      if (issued >= issuable) variant = 'files_answered';
      else issued += 1;
    }
    const where = rng.pick(COURTS);
    const asks: CourtAsks = variant === 'files_open' || variant === 'files_answered' ? 'case_file' : variant === 'both_answered' || rng.chance(0.2) ? 'both' : 'opinion';
    const relations = rng.pick(COURT_RELATIONS);
    const conclusions = rng.pick(COURT_CONCLUSIONS);
    let received: number;
    let deadline: number;
    if (CURRENT_VARIANTS.includes(variant)) {
      // Every other open letter is past its deadline at today.
      const overdue = current++ % 2 === 0;
      received = Math.max(from, overdue ? today - rng.int(25, 38) : today - rng.int(1, 12));
      deadline = overdue ? received + rng.int(10, 20) : Math.max(received + rng.int(21, 30), today + 1);
    } else {
      received = rng.int(from, until - 40);
      deadline = received + rng.int(14, 30);
    }
    const reference = `III ${rng.pick(['Nsm', 'Nsm', 'Nsm', 'Opm'])} ${rng.int(1, 899)}/${iso(received).slice(2, 4)}`;
    const state: { id: string; record: DemoCourtRequest | null } = { id: '', record: null };
    const at = (day: number, who: Who, name: string, step: StepRun) => p.steps.push({ offset: Math.min(today, day) - p.reportDay, who, name, run: step });
    at(received, 'worker', 'courtRequest', async (x, a, date) => {
      const view = await x.court.create(x.m, { caseId: run.record.caseId, court: where.court, division: where.division, caseReference: reference, receivedOn: date, letterOn: fromDayNumberToIso(toDayNumber(date) - 3), courtAddress: 'ul. Sądowa 1', asks, deadline: iso(deadline), notes: '' }, a);
      state.id = view.id;
      state.record = { asks, court: where.court, division: where.division, caseReference: reference, receivedOn: date, deadline: view.deadline, status: 'open', answeredOn: null, opinion: null, issuedOn: null };
      run.record.court.push(state.record);
    });
    const answer = (day: number) =>
      at(day, 'worker', 'courtAnswer', async (x, a, date) => {
        await x.court.answer(x.m, { requestId: state.id, sentOn: date }, a);
        state.record!.status = 'answered';
        state.record!.answeredOn = date;
      });
    if (variant === 'files_open' || variant === 'new') continue;
    if (variant === 'files_answered') {
      answer(received + rng.int(5, 25));
      continue;
    }
    const past = !CURRENT_VARIANTS.includes(variant);
    let day = received + (past ? rng.int(2, 6) : 1);
    at(day, 'assistant', 'opinionDraft', async (x, a) => {
      const prefill = opinionPrefill(await loadCaseData(x.m, run.record.caseId));
      const sections = Object.fromEntries(OPINION_SECTION_KEYS.map((key) => [key, prefill[key] ?? ''])) as OpinionSections;
      await x.court.save(x.m, { requestId: state.id, expectedVersion: 0, sections: { ...sections, relations, conclusions } }, a);
      state.record!.opinion = 'draft';
    });
    if (variant === 'draft') continue;
    day += past ? rng.int(1, 5) : 1;
    at(day, 'assistant', 'opinionSubmit', async (x, a) => {
      await x.court.submit(x.m, state.id, a);
      state.record!.opinion = 'submitted';
    });
    if (variant === 'submitted') continue;
    day += past ? rng.int(1, 4) : 1;
    at(day, 'head', 'opinionApprove', async (x, a) => {
      await x.court.approve(x.m, state.id, a);
      state.record!.opinion = 'approved';
    });
    if (variant === 'approved') continue;
    day += rng.int(0, 2);
    at(day, 'head', 'opinionIssue', async (x, a, date) => {
      await x.court.issue(x.m, state.id, a, x.documents);
      state.record!.opinion = 'issued';
      state.record!.issuedOn = date;
    });
    // Issuing sends nothing: the opinion (and the case file) posted, then "Odpowiedź wysłana" by hand.
    answer(day + rng.int(0, 3));
  }
}

// ---- staff ----------------------------------------------------------------------------------

/** The assistants and how many families each has now; new work goes to the least busy. */
class AssistantPool {
  private readonly load = new Map<string, number>();

  constructor(
    private readonly assistants: readonly SessionUser[],
    loads: ReadonlyMap<string, number>,
    private readonly limit: number,
  ) {
    for (const a of assistants) this.load.set(a.id, loads.get(a.id) ?? 0);
  }

  take(): SessionUser {
    let best: SessionUser | null = null;
    for (const a of this.assistants) if (!best || this.load.get(a.id)! < this.load.get(best.id)!) best = a;
    if (!best || this.load.get(best.id)! >= this.limit) throw new Error('Demo: no assistant has room for another family.');
    this.load.set(best.id, this.load.get(best.id)! + 1);
    return best;
  }

  release(id: string): void {
    this.load.set(id, Math.max(0, (this.load.get(id) ?? 0) - 1));
  }
}

/** The most families with an assistant at the same time, counting both ends of each interval. */
function peakLoad(plans: readonly FamilyPlan[]): number {
  const events: [day: number, delta: number][] = [];
  for (const p of plans) {
    if (p.assistantFrom === null) continue;
    events.push([p.assistantFrom, 1]);
    if (p.assistantUntil !== null) events.push([p.assistantUntil + 1, -1]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let peak = 0;
  for (const [, delta] of events) {
    now += delta;
    peak = Math.max(peak, now);
  }
  return peak;
}

function makeLogin(first: string, last: string, taken: Set<string>): string {
  const base = fold(`${first[0] ?? ''}${last}`).replace(/[^a-z0-9]/g, '').slice(0, 28) || 'pracownik';
  let login = base;
  for (let i = 2; taken.has(login); i++) login = `${base}${i}`;
  taken.add(login);
  return login;
}

// ---- bulk versions of two services -----------------------------------------------------------

/**
 * Appends exactly the rows AuditService.append writes (same fields, canonical JSON, hash chain),
 * through one prepared statement and with the last id and hash kept in memory. It leaves the
 * chain's stored head to the real AuditService: the seeder ends every batch with a real `append`
 * ("demo.seed"), which links to these rows and moves the head. `audit.verify` checks the result.
 */
class BulkAudit extends AuditService {
  private last: { id: number; hash: string } | null = null;

  constructor(private readonly at: Clock) {
    super(at);
  }

  /** Forget the cached chain end (a new transaction). */
  reset(): void {
    this.last = null;
  }

  override async append(m: EntityManager, input: AuditInput): Promise<AuditRow> {
    this.last ??= (prepared(m, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined) ?? { id: 0, hash: GENESIS_HASH };
    const base: Omit<AuditRow, 'hash'> = {
      id: this.last.id + 1,
      at: this.at.now().toISOString(),
      actorId: input.actorId,
      action: input.action,
      entityType: input.entityType ?? null,
      entityId: input.entityId ?? null,
      caseId: input.caseId ?? null,
      details: canonicalJson(input.details ?? {}),
      prevHash: this.last.hash,
    };
    const row: AuditRow = { ...base, hash: entryHash(base) };
    prepared(m, 'INSERT INTO audit_log (id, at, actor_id, action, entity_type, entity_id, case_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      row.id,
      row.at,
      row.actorId,
      row.action,
      row.entityType,
      row.entityId,
      row.caseId,
      row.details,
      row.prevHash,
      row.hash,
    );
    this.last = { id: row.id, hash: row.hash };
    return row;
  }
}

/** The staff do not change while seeding: their names are read once. */
class BulkCases extends CasesService {
  private names: Map<string, string> | null = null;

  override async userNames(m: EntityManager): Promise<Map<string, string>> {
    this.names ??= await super.userNames(m);
    return this.names;
  }
}

// ---- seeding --------------------------------------------------------------------------------

/**
 * Seeds the office open in `backend` (a kierownik must be signed in). Staff accounts it creates
 * get `staffPassword`; as many assistants as the busiest day needs under the office's caseload limit.
 */
export async function seedDemo(backend: Backend, options: DemoOptions): Promise<DemoReport> {
  const t0 = performance.now();
  const session = backend.readySession();
  if (!session || !session.user.roles.includes('head')) throw new AppError('FORBIDDEN', 'Dane demonstracyjne wprowadza zalogowany kierownik ośrodka.');
  if (!Number.isInteger(options.families) || options.families < 1 || options.families > DEMO_MAX_FAMILIES) {
    throw new AppError('VALIDATION', `Liczba rodzin: od 1 do ${DEMO_MAX_FAMILIES}.`);
  }
  const seed = options.seed ?? 1;
  const log = options.log ?? (() => undefined);
  const todayIso = backend.clock.now().toISOString().slice(0, 10);
  const today = toDayNumber(todayIso);
  const start = today - DAYS_BACK;

  // What is there already: staff, PESEL numbers in use, assistants' caseloads.
  const existing = await session.db.read(async (m) => ({
    users: await m.getRepository(UserEntity).find({ order: { createdAt: 'ASC', login: 'ASC' } }),
    pesels: (await m.getRepository(PersonEntity).find({ select: { pesel: true } })).map((p) => p.pesel).filter((p): p is string => Boolean(p)),
    loads: new Map(caseloads(m, session.settings.caseloadLimit).map((c) => [c.assistantId, c.families])),
  }));
  const active = existing.users.filter((u) => u.active);
  const existingWorkers = active.filter((u) => u.roles.includes('social_worker'));
  const existingAssistants = active.filter((u) => u.roles.includes('family_assistant'));
  const workerCount = Math.max(existingWorkers.length, Math.min(25, Math.max(2, Math.ceil(options.families / 400))));

  // Plan every family.
  const ctx: PlanContext = { today, start, workers: workerCount, settings: session.settings, peselUsed: new Set(existing.pesels) };
  const plans: FamilyPlan[] = [];
  for (let i = 0; i < options.families; i++) plans.push(planFamily(i, seed, ctx));
  const peak = peakLoad(plans);
  const tPlan = performance.now();

  // Enough assistants for the busiest day under the office's limit, which never exceeds the
  // statutory cap (art. 15 ust. 4 u.w.r.): a busier office gets more assistants, not a higher limit.
  const limit = Math.min(session.settings.caseloadLimit, STATUTORY_CASELOAD_CAP);
  const room = existingAssistants.reduce((sum, a) => sum + Math.max(0, limit - (existing.loads.get(a.id) ?? 0)), 0);
  const needed = Math.max(0, Math.ceil((peak - room) / limit));
  const assistantCount = existingAssistants.length + Math.max(needed, peak > 0 && existingAssistants.length < 2 ? 2 - existingAssistants.length : 0);
  const settings = requireSession(backend).settings;

  // Staff: created on the first day of the demo period, each with a key slot.
  const staffRng = new Rng(streamSeed(seed, 0x5afe));
  const taken = new Set(existing.users.map((u) => u.login));
  const newStaff: { login: string; firstName: string; lastName: string; roles: Role[] }[] = [];
  const addStaff = (role: Role, count: number) => {
    for (let i = 0; i < count; i++) {
      const firstName = staffRng.pick(STAFF_WOMEN);
      const lastName = staffRng.pick(POLISH_SURNAMES)[1];
      newStaff.push({ login: makeLogin(firstName, lastName, taken), firstName, lastName, roles: [role] });
    }
  };
  addStaff('social_worker', workerCount - existingWorkers.length);
  addStaff('family_assistant', assistantCount - existingAssistants.length);
  const seedClock = new ManualClock(`${iso(start)}T07:00:00.000Z`);
  const audit = new AuditService(seedClock);
  const users = new UsersService(seedClock, audit);
  const created = await session.db.write(async (m) => {
    const rows: SessionUser[] = [];
    for (const s of newStaff) rows.push(await users.create(m, s, session.user.id));
    return rows;
  });
  for (const user of created) {
    const slot = await backend.invoke('users:resetPassword', { id: user.id, newPassword: options.staffPassword });
    if (!slot.ok) throw new AppError(slot.error.code, slot.error.message);
  }
  const toSession = (u: { id: string; login: string; firstName: string; lastName: string; roles: Role[] }): SessionUser => ({ id: u.id, login: u.login, firstName: u.firstName, lastName: u.lastName, roles: [...u.roles] });
  const workers = [...existingWorkers.map(toSession), ...created.filter((u) => u.roles.includes('social_worker'))];
  const assistants = [...existingAssistants.map(toSession), ...created.filter((u) => u.roles.includes('family_assistant'))];
  const tStaff = performance.now();
  log(`Pracownicy socjalni: ${workers.length}, asystenci rodziny: ${assistants.length} (utworzono kont: ${created.length}).`);

  // Every step of every family, in date order.
  const bulkAudit = new BulkAudit(seedClock);
  const cases = new BulkCases(seedClock, bulkAudit);
  const work = new FamilyWorkService(seedClock, bulkAudit, cases);
  const pool = new AssistantPool(assistants, existing.loads, limit);
  const court = new CourtService(seedClock, bulkAudit, cases);
  const documents = new DocumentsService(bulkAudit, cases, backend.office, () => backend.pdf());
  for (const p of plans) p.run.record.workerLogin = workers[p.run.workerIndex]!.login;
  // Court letters; opinions are issued only with a PDF worker to print them.
  const wantIssued = Math.max(0, options.issuedOpinions ?? DEMO_ISSUED_OPINIONS);
  let issuable = 0;
  if (wantIssued > 0) {
    try {
      backend.pdf();
      issuable = wantIssued;
    } catch {
      log('Bez modułu drukowania PDF: opinie o rodzinie nie zostaną wydane.');
    }
  }
  planCourt(plans, seed, today, issuable);
  const steps = plans
    .flatMap((p) => p.steps.map((s, seq) => ({ day: Math.min(today, p.reportDay + s.offset), family: p.run.record.index, seq, step: s, run: p.run })))
    .sort((a, b) => a.day - b.day || a.family - b.family || a.seq - b.seq);
  const head: Actor = { user: session.user, settings };
  const batchSize = options.batchSize ?? 2000;
  const restore = bulkMode(session);
  let day = -1;
  let second = 0;
  try {
  for (let i = 0; i < steps.length; i += batchSize) {
    const batch = steps.slice(i, i + batchSize);
    bulkAudit.reset();
    await session.db.write(async (m) => {
      const exec: Exec = { m, cases, work, pool, court, documents };
      for (const s of batch) {
        if (s.day !== day) {
          day = s.day;
          second = 0;
        }
        seedClock.set(new Date(Date.parse(`${iso(day)}T07:00:00.000Z`) + 1000 * second++));
        const user = s.step.who === 'head' ? session.user : s.step.who === 'worker' ? workers[s.run.workerIndex]! : s.run.assistant;
        if (!user) throw new Error(`Demo: family ${s.family} has no assistant for ${s.step.name}.`);
        const began = options.profile ? performance.now() : 0;
        try {
          await s.step.run(exec, s.step.who === 'head' ? head : { user, settings }, iso(s.day));
          if (options.profile) {
            const entry = options.profile.get(s.step.name) ?? { count: 0, ms: 0 };
            entry.count += 1;
            entry.ms += performance.now() - began;
            options.profile.set(s.step.name, entry);
          }
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          throw new Error(`Demo: family ${s.family} (${s.run.record.scenario}), step ${s.step.name} on ${iso(s.day)}: ${message}`, { cause: error });
        }
      }
      // A real entry closes the batch: it records the seeding and moves the chain's stored head.
      await audit.append(m, { actorId: session.user.id, action: 'demo.seed', details: { seed, steps: batch.length, through: iso(day) } });
    });
    requireSession(backend).lastActivity = backend.clock.now().getTime();
    if ((i / batchSize) % 10 === 9) log(`… ${Math.min(i + batchSize, steps.length)} / ${steps.length} kroków`);
  }
  } finally {
    restore();
  }
  const tSeed = performance.now();

  const staff: DemoStaff[] = [
    ...active.map((u) => ({ id: u.id, login: u.login, name: `${u.firstName} ${u.lastName}`, roles: [...u.roles], created: false })),
    ...created.map((u) => ({ id: u.id, login: u.login, name: `${u.firstName} ${u.lastName}`, roles: [...u.roles], created: true })),
  ];
  return {
    version: DEMO_SEEDER_VERSION,
    seed,
    today: todayIso,
    from: iso(start),
    caseloadLimit: limit,
    staff,
    families: plans.map((p) => p.run.record),
    steps: steps.length,
    timings: { planMs: tPlan - t0, staffMs: tStaff - tPlan, seedMs: tSeed - tStaff, totalMs: tSeed - t0 },
  };
}

/**
 * For the bulk load only: a page cache large enough for the growing indexes (fewer pages read
 * back and decrypted while thousands of families are written). Returns what puts it back.
 */
function bulkMode(session: ReadySession): () => void {
  const raw = rawDb(session.db.dataSource.manager);
  const cacheSize = (raw.prepare('PRAGMA cache_size').get() as { cache_size: number }).cache_size;
  raw.prepare('PRAGMA cache_size = -262144').run();
  return () => void raw.prepare(`PRAGMA cache_size = ${Math.trunc(cacheSize)}`).run();
}

function requireSession(backend: Backend): ReadySession {
  const session = backend.readySession();
  if (!session) throw new AppError('LOCKED', 'Sesja została zablokowana w czasie wprowadzania danych demonstracyjnych.');
  return session;
}

/** The report without ids and timings: equal for equal seeds (the determinism check). */
export function demoFingerprint(report: DemoReport): unknown {
  return {
    seed: report.seed,
    today: report.today,
    caseloadLimit: report.caseloadLimit,
    staff: report.staff.filter((s) => s.created).map(({ id: _id, ...s }) => s),
    families: report.families.map(({ caseId: _c, ...f }) => f),
  };
}
