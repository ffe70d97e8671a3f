/** What the demo seeder makes (its report) and the planning types its parts share. */
import type { EntityManager } from 'typeorm';
import { type IntakeInput } from '../../../shared/cases';
import { type CourtAsks, type CourtRequestStatus, type OpinionStatus } from '../../../shared/court';
import { type Art7Reason, type CaseStatus, type ClosureReason } from '../../../shared/domain/caseFlow';
import { type IsoDate } from '../../../shared/domain/dates';
import type { ContractStatus } from '../../../shared/domain/familyWork';
import type { Role } from '../../../shared/domain/roles';
import type { SessionUser, Settings } from '../../../shared/ipc';
import type { CasesService} from '../../services/cases';
import { type Actor } from '../../services/cases';
import type { CourtService } from '../../services/court';
import type { DocumentsService } from '../../services/documents';
import type { FamilyWorkService } from '../../services/family-work';
import type { AssistantPool } from './staff';

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

export const SCENARIO_LIST = Object.keys(SCENARIOS) as Scenario[];

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
export const DAYS_BACK = 730;

// ---- planning ------------------------------------------------------------------------------

export type Who = 'worker' | 'assistant' | 'head';

export interface Exec {
  m: EntityManager;
  cases: CasesService;
  work: FamilyWorkService;
  pool: AssistantPool;
  court: CourtService;
  documents: DocumentsService;
}

export type StepRun = (x: Exec, actor: Actor, date: IsoDate) => Promise<void>;

export interface PlannedStep {
  offset: number;
  who: Who;
  name: string;
  run: StepRun;
}

export interface FamilyRun {
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

export interface FamilyPlan {
  run: FamilyRun;
  steps: PlannedStep[];
  reportDay: number;
  /** Days (absolute) the family holds an assistant: from the assignment to the closure (null: still). */
  assistantFrom: number | null;
  assistantUntil: number | null;
}

export interface PlanContext {
  today: number;
  start: number;
  workers: number;
  settings: Settings;
  peselUsed: Set<string>;
}
