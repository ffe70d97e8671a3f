/**
 * Entities as TypeORM EntitySchemas (no decorators, so the same code runs under Vite, tsx and
 * Vitest). Every column names its type; the schema itself is created by the migrations, and the
 * entities state it as the migrations built it — foreign keys, indexes and unique constraints
 * included (test/integration/electron/db/entities-schema.test.ts compares both ways).
 */
import { EntitySchema } from 'typeorm';
import type { AssetStatement } from '../../shared/cases';
import type { IncomeItem, IncomeTestResult } from '../../shared/domain/income';
import type { ContractStatus, ContractVariant, GoalAchievement, HandoverStatus, PlanArea, PlanStatus, Recommendation } from '../../shared/domain/familyWork';
import type { Role } from '../../shared/domain/roles';

/** Columns every record carries (docs/domain.md#records-and-case-states): who and when, plus an optimistic-lock version. */
export interface Tracked {
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
  version: number;
}

const trackedColumns = {
  createdAt: { name: 'created_at', type: 'text' },
  createdBy: { name: 'created_by', type: 'text', nullable: true },
  updatedAt: { name: 'updated_at', type: 'text' },
  updatedBy: { name: 'updated_by', type: 'text', nullable: true },
  version: { type: 'integer', version: true },
} as const;

/** The tracked columns of a table whose created_by / updated_by reference user(id). */
const trackedByUser = {
  ...trackedColumns,
  createdBy: { ...trackedColumns.createdBy, foreignKey: { target: 'User' } },
  updatedBy: { ...trackedColumns.updatedBy, foreignKey: { target: 'User' } },
} as const;

export interface OfficeRow extends Tracked {
  id: number;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  gmina: string;
  /** The place in "Bielice, dnia …" (migration 0011); null: the city of the address. */
  place?: string | null;
}

export const OfficeEntity = new EntitySchema<OfficeRow>({
  name: 'Office',
  tableName: 'office',
  columns: {
    id: { type: 'integer', primary: true },
    name: { type: 'text' },
    street: { type: 'text' },
    postalCode: { name: 'postal_code', type: 'text' },
    city: { type: 'text' },
    gmina: { type: 'text' },
    place: { type: 'text', nullable: true },
    ...trackedColumns,
  },
});

export interface SettingRow {
  key: string;
  value: string;
  updatedAt: string;
  updatedBy: string | null;
}

export const SettingEntity = new EntitySchema<SettingRow>({
  name: 'Setting',
  tableName: 'setting',
  columns: {
    key: { type: 'text', primary: true },
    value: { type: 'text' },
    updatedAt: { name: 'updated_at', type: 'text' },
    updatedBy: { name: 'updated_by', type: 'text', nullable: true },
  },
});

export interface UserRow extends Tracked {
  id: string;
  login: string;
  firstName: string;
  lastName: string;
  roles: Role[];
  active: boolean;
  /** Printed on the przydzielenie asystenta rodziny (migration 0011). */
  officePhone?: string | null;
}

export const UserEntity = new EntitySchema<UserRow>({
  name: 'User',
  tableName: 'user',
  columns: {
    id: { type: 'text', primary: true },
    login: { type: 'text', unique: true },
    firstName: { name: 'first_name', type: 'text' },
    lastName: { name: 'last_name', type: 'text' },
    roles: { type: 'simple-json' },
    active: { type: 'boolean' },
    officePhone: { name: 'office_phone', type: 'text', nullable: true },
    ...trackedByUser,
  },
});

export interface AuditRow {
  id: number;
  at: string;
  actorId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  caseId: string | null;
  details: string;
  prevHash: string;
  hash: string;
}

export const AuditEntity = new EntitySchema<AuditRow>({
  name: 'AuditEntry',
  tableName: 'audit_log',
  columns: {
    id: { type: 'integer', primary: true },
    at: { type: 'text' },
    actorId: { name: 'actor_id', type: 'text', nullable: true },
    action: { type: 'text' },
    entityType: { name: 'entity_type', type: 'text', nullable: true },
    entityId: { name: 'entity_id', type: 'text', nullable: true },
    caseId: { name: 'case_id', type: 'text', nullable: true },
    details: { type: 'text' },
    prevHash: { name: 'prev_hash', type: 'text' },
    hash: { type: 'text' },
  },
  indices: [
    { name: 'audit_log_actor', columns: ['actorId', 'id'] },
    { name: 'audit_log_at', columns: ['at'] },
    { name: 'audit_log_case', columns: ['caseId', 'id'] },
  ],
});

// ---- the case process (migration 0002) -------------------------------------------------

export interface FamilyRow extends Tracked {
  id: string;
  kind: 'single' | 'family';
  street: string;
  postalCode: string;
  city: string;
  rural: boolean;
  /** Hectares przeliczeniowe of the farm (0 when none). */
  farmHectares: number;
  housing: string;
}

export const FamilyEntity = new EntitySchema<FamilyRow>({
  name: 'Family',
  tableName: 'family',
  columns: {
    id: { type: 'text', primary: true },
    kind: { type: 'text' },
    street: { type: 'text' },
    postalCode: { name: 'postal_code', type: 'text' },
    city: { type: 'text' },
    rural: { type: 'boolean' },
    farmHectares: { name: 'farm_hectares', type: 'real' },
    housing: { type: 'text' },
    ...trackedByUser,
  },
});

export interface PersonRow extends Tracked {
  id: string;
  pesel: string | null;
  documentType: string | null;
  documentNumber: string | null;
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: 'F' | 'M';
  citizenship: string;
  phone: string | null;
  /** Folded "surname firstname" for duplicate detection and search (shared/domain/text.ts). */
  nameKey: string;
}

export const PersonEntity = new EntitySchema<PersonRow>({
  name: 'Person',
  tableName: 'person',
  columns: {
    id: { type: 'text', primary: true },
    pesel: { type: 'text', nullable: true, unique: true },
    documentType: { name: 'document_type', type: 'text', nullable: true },
    documentNumber: { name: 'document_number', type: 'text', nullable: true },
    firstName: { name: 'first_name', type: 'text' },
    lastName: { name: 'last_name', type: 'text' },
    birthDate: { name: 'birth_date', type: 'text' },
    sex: { type: 'text' },
    citizenship: { type: 'text' },
    phone: { type: 'text', nullable: true },
    nameKey: { name: 'name_key', type: 'text' },
    ...trackedByUser,
  },
  indices: [{ name: 'person_name_birth', columns: ['nameKey', 'birthDate'] }],
});

export interface FamilyMemberRow extends Tracked {
  id: string;
  familyId: string;
  personId: string;
  /** Order of the members as entered (the applicant first). */
  position: number;
  relation: string;
  inHousehold: boolean;
  memberFrom: string | null;
  memberTo: string | null;
  childWhereabouts: string | null;
}

export const FamilyMemberEntity = new EntitySchema<FamilyMemberRow>({
  name: 'FamilyMember',
  tableName: 'family_member',
  columns: {
    id: { type: 'text', primary: true },
    familyId: { name: 'family_id', type: 'text', foreignKey: { target: 'Family' } },
    personId: { name: 'person_id', type: 'text', foreignKey: { target: 'Person' } },
    position: { type: 'integer' },
    relation: { type: 'text' },
    inHousehold: { name: 'in_household', type: 'boolean' },
    memberFrom: { name: 'member_from', type: 'text', nullable: true },
    memberTo: { name: 'member_to', type: 'text', nullable: true },
    childWhereabouts: { name: 'child_whereabouts', type: 'text', nullable: true },
    ...trackedByUser,
  },
  indices: [
    { name: 'family_member_person', columns: ['personId'] },
    { name: 'family_member_child', columns: ['familyId', 'relation', 'inHousehold', 'personId'] },
  ],
  uniques: [{ columns: ['familyId', 'personId'] }],
});

export interface CaseRow extends Tracked {
  id: string;
  number: string;
  familyId: string;
  status: string;
  reportedOn: string;
  source: string;
  sourceDetails: string;
  report: string;
  urgent: boolean;
  /** seed 000: a minor parent leaving a MOW, MOS, schronisko or zakład poprawczy. */
  minorParent: boolean;
  /** art. 7 u.p.s. reasons (JSON array). */
  reasons: string[];
  workerId: string;
  interviewDue: string;
  consentOn: string | null;
  closureReason: string | null;
  closureNote: string | null;
  closureProposedOn: string | null;
  monitoringUntil: string | null;
  monitoringEndedOn: string | null;
  closedOn: string | null;
  /** A court's obligation to work with an assistant (art. 109 § 2 pkt 1 k.r.o.; migration 0010). */
  courtOrderCourt: string | null;
  courtOrderReference: string | null;
  courtOrderOn: string | null;
  /** The applicant's folded name, for the case list's order: kept by triggers (migration 0017), never written here. */
  familyKey?: string;
}

export const CaseEntity = new EntitySchema<CaseRow>({
  name: 'Case',
  tableName: 'case_file',
  columns: {
    id: { type: 'text', primary: true },
    number: { type: 'text', unique: true },
    familyId: { name: 'family_id', type: 'text', foreignKey: { target: 'Family' } },
    status: { type: 'text' },
    reportedOn: { name: 'reported_on', type: 'text' },
    source: { type: 'text' },
    sourceDetails: { name: 'source_details', type: 'text' },
    report: { type: 'text' },
    urgent: { type: 'boolean' },
    minorParent: { name: 'minor_parent', type: 'boolean' },
    reasons: { type: 'simple-json' },
    workerId: { name: 'worker_id', type: 'text', foreignKey: { target: 'User' } },
    interviewDue: { name: 'interview_due', type: 'text' },
    consentOn: { name: 'consent_on', type: 'text', nullable: true },
    closureReason: { name: 'closure_reason', type: 'text', nullable: true },
    closureNote: { name: 'closure_note', type: 'text', nullable: true },
    closureProposedOn: { name: 'closure_proposed_on', type: 'text', nullable: true },
    monitoringUntil: { name: 'monitoring_until', type: 'text', nullable: true },
    monitoringEndedOn: { name: 'monitoring_ended_on', type: 'text', nullable: true },
    closedOn: { name: 'closed_on', type: 'text', nullable: true },
    courtOrderCourt: { name: 'court_order_court', type: 'text', nullable: true },
    courtOrderReference: { name: 'court_order_reference', type: 'text', nullable: true },
    courtOrderOn: { name: 'court_order_on', type: 'text', nullable: true },
    familyKey: { name: 'family_key', type: 'text', default: '', insert: false, update: false },
    ...trackedByUser,
  },
  indices: [
    { name: 'case_file_family', columns: ['familyId'] },
    { name: 'case_file_family_key', columns: ['familyKey', 'reportedOn', 'id'] },
    { name: 'case_file_id_family', columns: ['id', 'familyId'] },
    { name: 'case_file_interview_due', columns: ['status', 'interviewDue'] },
    { name: 'case_file_monitoring', columns: ['status', 'monitoringEndedOn', 'monitoringUntil'] },
    { name: 'case_file_closure', columns: ['status', 'closureProposedOn'] },
    { name: 'case_file_status', columns: ['status'] },
    { name: 'case_file_status_id', columns: ['status', 'id'] },
    { name: 'case_file_reported', columns: ['reportedOn', 'id'] },
    { name: 'case_file_worker', columns: ['workerId', 'status'] },
    { name: 'case_file_facts', columns: ['id', 'familyId', 'workerId', 'interviewDue', 'closureReason', 'courtOrderReference'] },
    { name: 'case_file_open', columns: ['reportedOn', 'closedOn', 'reasons'] },
  ],
});

export interface InterviewRow extends Tracked {
  id: string;
  caseId: string;
  kind: 'full' | 'update';
  formVersion: string;
  conductedOn: string | null;
  place: string;
  workerId: string;
  segments: Record<string, Record<string, string>>;
  documents: Record<string, Record<string, string>>;
  income: { items: IncomeItem[]; farmHectares?: number | undefined };
  incomeResult: IncomeTestResult | null;
  status: 'draft' | 'completed';
  completedAt: string | null;
  /** The oświadczenie o stanie majątkowym taken with the wywiad (migration 0013); null: none. */
  assetStatement?: AssetStatement | null;
}

export const InterviewEntity = new EntitySchema<InterviewRow>({
  name: 'Interview',
  tableName: 'interview',
  columns: {
    id: { type: 'text', primary: true },
    caseId: { name: 'case_id', type: 'text', foreignKey: { target: 'Case' } },
    kind: { type: 'text' },
    formVersion: { name: 'form_version', type: 'text' },
    conductedOn: { name: 'conducted_on', type: 'text', nullable: true },
    place: { type: 'text' },
    workerId: { name: 'worker_id', type: 'text', foreignKey: { target: 'User' } },
    segments: { type: 'simple-json' },
    documents: { type: 'simple-json' },
    income: { type: 'simple-json' },
    incomeResult: { name: 'income_result', type: 'simple-json', nullable: true },
    status: { type: 'text' },
    completedAt: { name: 'completed_at', type: 'text', nullable: true },
    assetStatement: { name: 'asset_statement', type: 'simple-json', nullable: true },
    ...trackedByUser,
  },
  indices: [
    { name: 'interview_case', columns: ['caseId'] },
    { name: 'interview_case_completed', columns: ['caseId', 'status', 'conductedOn'] },
    { name: 'interview_conducted', columns: ['status', 'conductedOn', 'kind', 'caseId'] },
  ],
});

export interface AnalysisRow extends Tracked {
  id: string;
  caseId: string;
  reasons: string[];
  strengths: string;
  resources: string;
  conclusions: string;
  outcome: 'social_work' | 'assistant' | null;
  consentOn: string | null;
  /** The consent as recorded, per person (migration 0011). */
  consentPersons?: { personId: string; givenOn: string }[];
  earlierHelp?: string;
  childrenLegal?: string;
}

export const AnalysisEntity = new EntitySchema<AnalysisRow>({
  name: 'Analysis',
  tableName: 'analysis',
  columns: {
    id: { type: 'text', primary: true },
    caseId: { name: 'case_id', type: 'text', unique: true, foreignKey: { target: 'Case' } },
    reasons: { type: 'simple-json' },
    strengths: { type: 'text' },
    resources: { type: 'text' },
    conclusions: { type: 'text' },
    outcome: { type: 'text', nullable: true },
    consentOn: { name: 'consent_on', type: 'text', nullable: true },
    consentPersons: { name: 'consent_persons', type: 'simple-json', default: '[]' },
    earlierHelp: { name: 'earlier_help', type: 'text', default: '' },
    childrenLegal: { name: 'children_legal', type: 'text', default: '' },
    ...trackedByUser,
  },
});

export interface AssistantRequestRow extends Tracked {
  id: string;
  caseId: string;
  justification: string;
  filedOn: string;
  filedBy: string;
  /** The kierownik's decision is due (settings.decisionWorkingDays after filing; migration 0008). */
  decisionDue: string | null;
  status: 'pending' | 'assigned' | 'referred' | 'returned';
  decisionNote: string | null;
  referralTarget: string | null;
  referralOrganisation: string | null;
  decidedBy: string | null;
  decidedOn: string | null;
  /** How the request came about (migration 0010): shared/cases.ts REQUEST_KINDS. */
  kind: 'voluntary' | 'minor_parent' | 'court_obliged';
}

export const AssistantRequestEntity = new EntitySchema<AssistantRequestRow>({
  name: 'AssistantRequest',
  tableName: 'assistant_request',
  columns: {
    id: { type: 'text', primary: true },
    caseId: { name: 'case_id', type: 'text', foreignKey: { target: 'Case' } },
    justification: { type: 'text' },
    filedOn: { name: 'filed_on', type: 'text' },
    filedBy: { name: 'filed_by', type: 'text', foreignKey: { target: 'User' } },
    decisionDue: { name: 'decision_due', type: 'text', nullable: true },
    status: { type: 'text' },
    decisionNote: { name: 'decision_note', type: 'text', nullable: true },
    referralTarget: { name: 'referral_target', type: 'text', nullable: true },
    referralOrganisation: { name: 'referral_organisation', type: 'text', nullable: true },
    decidedBy: { name: 'decided_by', type: 'text', nullable: true, foreignKey: { target: 'User' } },
    decidedOn: { name: 'decided_on', type: 'text', nullable: true },
    kind: { type: 'text', default: 'voluntary' },
    ...trackedByUser,
  },
  indices: [
    { name: 'assistant_request_status', columns: ['status', 'filedOn'] },
    { name: 'assistant_request_case', columns: ['caseId', 'filedOn'] },
  ],
});

export interface AssignmentRow extends Tracked {
  id: string;
  caseId: string;
  assistantId: string;
  assignedOn: string;
  endedOn: string | null;
  /** Why this assistant took the family over (a change of assistant; migration 0010). */
  reason: string | null;
  endReason: string | null;
  /** The reason is printed in the letter to the family (migration 0013); absent: not printed. */
  reasonInLetter?: boolean;
}

export const AssignmentEntity = new EntitySchema<AssignmentRow>({
  name: 'Assignment',
  tableName: 'assignment',
  columns: {
    id: { type: 'text', primary: true },
    caseId: { name: 'case_id', type: 'text', foreignKey: { target: 'Case' } },
    assistantId: { name: 'assistant_id', type: 'text', foreignKey: { target: 'User' } },
    assignedOn: { name: 'assigned_on', type: 'text' },
    endedOn: { name: 'ended_on', type: 'text', nullable: true },
    reason: { type: 'text', nullable: true },
    endReason: { name: 'end_reason', type: 'text', nullable: true },
    reasonInLetter: { name: 'reason_in_letter', type: 'boolean', default: false },
    ...trackedByUser,
  },
  indices: [
    { name: 'assignment_assistant', columns: ['assistantId', 'endedOn'] },
    { name: 'assignment_case', columns: ['caseId'] },
    { name: 'assignment_case_assigned', columns: ['caseId', 'assignedOn'] },
    { name: 'assignment_active', columns: ['assistantId', 'caseId'], where: 'ended_on IS NULL' },
    { name: 'assignment_period', columns: ['assignedOn', 'endedOn', 'caseId', 'assistantId'] },
  ],
});

/** Who led a case when (migration 0010): a change of social worker ends one row and starts the next. */
export interface WorkerAssignmentRow extends Tracked {
  id: string;
  caseId: string;
  workerId: string;
  fromOn: string;
  toOn: string | null;
  reason: string;
  endReason: string | null;
  /** The reason is printed in the letter to the family (migration 0013); absent: not printed. */
  reasonInLetter?: boolean;
}

export const WorkerAssignmentEntity = new EntitySchema<WorkerAssignmentRow>({
  name: 'WorkerAssignment',
  tableName: 'worker_assignment',
  columns: {
    id: { type: 'text', primary: true },
    caseId: { name: 'case_id', type: 'text', foreignKey: { target: 'Case' } },
    workerId: { name: 'worker_id', type: 'text', foreignKey: { target: 'User' } },
    fromOn: { name: 'from_on', type: 'text' },
    toOn: { name: 'to_on', type: 'text', nullable: true },
    reason: { type: 'text' },
    endReason: { name: 'end_reason', type: 'text', nullable: true },
    reasonInLetter: { name: 'reason_in_letter', type: 'boolean', default: false },
    ...trackedByUser,
  },
  indices: [{ name: 'worker_assignment_case', columns: ['caseId', 'fromOn'] }],
});

/** The family's addresses through time (migration 0010); from_on null: known since before the report. */
export interface FamilyAddressRow extends Tracked {
  id: string;
  familyId: string;
  street: string;
  postalCode: string;
  city: string;
  rural: boolean;
  fromOn: string | null;
  toOn: string | null;
}

export const FamilyAddressEntity = new EntitySchema<FamilyAddressRow>({
  name: 'FamilyAddress',
  tableName: 'family_address',
  columns: {
    id: { type: 'text', primary: true },
    familyId: { name: 'family_id', type: 'text', foreignKey: { target: 'Family' } },
    street: { type: 'text' },
    postalCode: { name: 'postal_code', type: 'text' },
    city: { type: 'text' },
    rural: { type: 'boolean' },
    fromOn: { name: 'from_on', type: 'text', nullable: true },
    toOn: { name: 'to_on', type: 'text', nullable: true },
    ...trackedByUser,
  },
  indices: [{ name: 'family_address_family', columns: ['familyId', 'fromOn'] }],
});

/** A child's stay away from home (foster care, an institution), with its dates (migration 0010). */
export interface ChildPlacementRow extends Tracked {
  id: string;
  memberId: string;
  whereabouts: string;
  fromOn: string;
  toOn: string | null;
  note: string;
}

export const ChildPlacementEntity = new EntitySchema<ChildPlacementRow>({
  name: 'ChildPlacement',
  tableName: 'child_placement',
  columns: {
    id: { type: 'text', primary: true },
    memberId: { name: 'member_id', type: 'text', foreignKey: { target: 'FamilyMember' } },
    whereabouts: { type: 'text' },
    fromOn: { name: 'from_on', type: 'text' },
    toOn: { name: 'to_on', type: 'text', nullable: true },
    note: { type: 'text' },
    ...trackedByUser,
  },
  indices: [{ name: 'child_placement_member', columns: ['memberId', 'fromOn'] }],
});

export interface CaseEventRow {
  id: string;
  caseId: string;
  occurredOn: string;
  kind: string;
  title: string;
  body: string;
  significant: boolean;
  authorId: string | null;
  refType: string | null;
  refId: string | null;
  createdAt: string;
}

export const CaseEventEntity = new EntitySchema<CaseEventRow>({
  name: 'CaseEvent',
  tableName: 'case_event',
  columns: {
    id: { type: 'text', primary: true },
    caseId: { name: 'case_id', type: 'text', foreignKey: { target: 'Case' } },
    occurredOn: { name: 'occurred_on', type: 'text' },
    kind: { type: 'text' },
    title: { type: 'text' },
    body: { type: 'text' },
    significant: { type: 'boolean' },
    authorId: { name: 'author_id', type: 'text', nullable: true, foreignKey: { target: 'User' } },
    refType: { name: 'ref_type', type: 'text', nullable: true },
    refId: { name: 'ref_id', type: 'text', nullable: true },
    createdAt: { name: 'created_at', type: 'text' },
  },
  indices: [{ name: 'case_event_case', columns: ['caseId', 'occurredOn'] }],
});

export interface FormDraftRow {
  userId: string;
  key: string;
  data: string;
  updatedAt: string;
}

export const FormDraftEntity = new EntitySchema<FormDraftRow>({
  name: 'FormDraft',
  tableName: 'form_draft',
  columns: {
    userId: { name: 'user_id', type: 'text', primary: true, foreignKey: { target: 'User' } },
    key: { type: 'text', primary: true },
    data: { type: 'text' },
    updatedAt: { name: 'updated_at', type: 'text' },
  },
});

export interface CounterRow {
  name: string;
  value: number;
}

export const CounterEntity = new EntitySchema<CounterRow>({
  name: 'Counter',
  tableName: 'counter',
  columns: {
    name: { type: 'text', primary: true },
    value: { type: 'integer' },
  },
});

// ---- working with the family (migration 0003) ---------------------------------------------

export interface ContractActionRow {
  id: string;
  party: 'client' | 'worker';
  description: string;
  deadline: string;
  status: 'planned' | 'done' | 'not_done';
}

export interface ContractRow extends Tracked {
  id: string;
  caseId: string;
  variant: ContractVariant;
  status: ContractStatus;
  clientIds: string[];
  workerId: string;
  causes: string;
  possibilities: string;
  limitations: string;
  mainGoal: string;
  partialGoals: string[];
  actions: ContractActionRow[];
  periodFrom: string;
  periodTo: string;
  signedOn: string | null;
  outcome: string | null;
  outcomeNote: string | null;
  terminatedOn: string | null;
  terminationReason: string | null;
  /** Variant B, part I B: the client's labour-market situation (migration 0011). */
  labourMarket?: LabourMarketRow | null;
}

export interface LabourMarketRow {
  education: string;
  /** Registration at the powiatowy urząd pracy: "bezrobotna od 12.01.2026", "nie jest zarejestrowana". */
  pupRegistration: string;
  unemploymentReason: string;
  /** The profile / form of help the PUP set. */
  profile: string;
}

export const ContractEntity = new EntitySchema<ContractRow>({
  name: 'Contract',
  tableName: 'contract',
  columns: {
    id: { type: 'text', primary: true },
    caseId: { name: 'case_id', type: 'text', foreignKey: { target: 'Case' } },
    variant: { type: 'text' },
    status: { type: 'text' },
    clientIds: { name: 'client_ids', type: 'simple-json' },
    workerId: { name: 'worker_id', type: 'text', foreignKey: { target: 'User' } },
    causes: { type: 'text' },
    possibilities: { type: 'text' },
    limitations: { type: 'text' },
    mainGoal: { name: 'main_goal', type: 'text' },
    partialGoals: { name: 'partial_goals', type: 'simple-json' },
    actions: { type: 'simple-json' },
    periodFrom: { name: 'period_from', type: 'text' },
    periodTo: { name: 'period_to', type: 'text' },
    signedOn: { name: 'signed_on', type: 'text', nullable: true },
    outcome: { type: 'text', nullable: true },
    outcomeNote: { name: 'outcome_note', type: 'text', nullable: true },
    terminatedOn: { name: 'terminated_on', type: 'text', nullable: true },
    terminationReason: { name: 'termination_reason', type: 'text', nullable: true },
    labourMarket: { name: 'labour_market', type: 'simple-json', nullable: true },
    ...trackedByUser,
  },
  indices: [
    { name: 'contract_case', columns: ['caseId'] },
    { name: 'contract_period', columns: ['periodFrom', 'periodTo', 'status'] },
    { name: 'contract_signed', columns: ['signedOn'] },
  ],
});

export interface PlanRow extends Tracked {
  id: string;
  caseId: string;
  /** Version of the plan within the case: 1, 2, … (a signed version is superseded, never edited). */
  number: number;
  type: 'standard' | 'coordinated';
  coordinator: string;
  areas: PlanArea[];
  status: PlanStatus;
  signedOn: string | null;
  assistantId: string;
  /** Migration 0011: the diagnosis, goals and review printed on the plan. */
  diagnosis?: string;
  shortTermGoals?: string;
  longTermGoals?: string;
  review?: string;
  /** Migration 0014: the kierownik's approval (where the office requires it), or her reason for returning it. */
  approvedOn?: string | null;
  approvedBy?: string | null;
  returnedReason?: string | null;
}

export const PlanEntity = new EntitySchema<PlanRow>({
  name: 'Plan',
  tableName: 'plan',
  columns: {
    id: { type: 'text', primary: true },
    caseId: { name: 'case_id', type: 'text', foreignKey: { target: 'Case' } },
    number: { type: 'integer' },
    type: { type: 'text' },
    coordinator: { type: 'text' },
    areas: { type: 'simple-json' },
    status: { type: 'text' },
    signedOn: { name: 'signed_on', type: 'text', nullable: true },
    assistantId: { name: 'assistant_id', type: 'text', foreignKey: { target: 'User' } },
    diagnosis: { type: 'text', default: '' },
    shortTermGoals: { name: 'short_term_goals', type: 'text', default: '' },
    longTermGoals: { name: 'long_term_goals', type: 'text', default: '' },
    review: { type: 'text', default: '' },
    approvedOn: { name: 'approved_on', type: 'text', nullable: true },
    approvedBy: { name: 'approved_by', type: 'text', nullable: true },
    returnedReason: { name: 'returned_reason', type: 'text', nullable: true },
    ...trackedByUser,
  },
  indices: [{ name: 'plan_status', columns: ['status', 'caseId'] }],
  uniques: [{ columns: ['caseId', 'number'] }],
});

export interface VisitRow extends Tracked {
  id: string;
  caseId: string;
  visitedOn: string;
  place: string;
  participants: string;
  topics: string;
  agreed: string;
  authorId: string;
  /** Planned ahead (migration 0010): on the assistant's tray until recorded. */
  planned: boolean;
  /** shared/family-work.ts VISIT_KINDS. */
  kind: string;
}

export const VisitEntity = new EntitySchema<VisitRow>({
  name: 'Visit',
  tableName: 'visit',
  columns: {
    id: { type: 'text', primary: true },
    caseId: { name: 'case_id', type: 'text', foreignKey: { target: 'Case' } },
    visitedOn: { name: 'visited_on', type: 'text' },
    place: { type: 'text' },
    participants: { type: 'text' },
    topics: { type: 'text' },
    agreed: { type: 'text' },
    authorId: { name: 'author_id', type: 'text', foreignKey: { target: 'User' } },
    planned: { type: 'boolean', default: false },
    kind: { type: 'text', default: 'home' },
    ...trackedByUser,
  },
  indices: [
    { name: 'visit_case', columns: ['caseId', 'visitedOn'] },
    { name: 'visit_due', columns: ['planned', 'visitedOn'] },
  ],
});

export interface AssessmentRow extends Tracked {
  id: string;
  caseId: string;
  assessedOn: string;
  periodFrom: string;
  periodTo: string;
  /** Each goal assessed: its area, degree of achievement (absent in assessments recorded before migration 0014) and a comment. */
  progress: { area?: string; goal: string; achievement?: GoalAchievement; progress: string }[];
  changes: string;
  recommendation: Recommendation;
  authorId: string;
  /** Migration 0011. */
  cooperation?: string;
  childrenSituation?: string;
  conclusions?: string;
  /** The day the assessment was handed to the kierownik; null: not yet. */
  handedOn?: string | null;
  /** Migration 0014: the handover's step, who handed it over, and the kierownik's receipt. */
  handoverStatus?: HandoverStatus;
  handedBy?: string | null;
  receivedOn?: string | null;
  receivedBy?: string | null;
}

export const AssessmentEntity = new EntitySchema<AssessmentRow>({
  name: 'Assessment',
  tableName: 'assessment',
  columns: {
    id: { type: 'text', primary: true },
    caseId: { name: 'case_id', type: 'text', foreignKey: { target: 'Case' } },
    assessedOn: { name: 'assessed_on', type: 'text' },
    periodFrom: { name: 'period_from', type: 'text' },
    periodTo: { name: 'period_to', type: 'text' },
    progress: { type: 'simple-json' },
    changes: { type: 'text' },
    recommendation: { type: 'text' },
    authorId: { name: 'author_id', type: 'text', foreignKey: { target: 'User' } },
    cooperation: { type: 'text', default: '' },
    childrenSituation: { name: 'children_situation', type: 'text', default: '' },
    conclusions: { type: 'text', default: '' },
    handedOn: { name: 'handed_on', type: 'text', nullable: true },
    handoverStatus: { name: 'handover_status', type: 'text', default: 'recorded' },
    handedBy: { name: 'handed_by', type: 'text', nullable: true },
    receivedOn: { name: 'received_on', type: 'text', nullable: true },
    receivedBy: { name: 'received_by', type: 'text', nullable: true },
    ...trackedByUser,
  },
  indices: [
    { name: 'assessment_case', columns: ['caseId', 'assessedOn'] },
    { name: 'assessment_handover', columns: ['handoverStatus', 'caseId'] },
  ],
});

export interface CourtRequestRow extends Tracked {
  id: string;
  caseId: string;
  court: string;
  division: string;
  /** Sygnatura akt. */
  caseReference: string;
  receivedOn: string;
  asks: 'opinion' | 'case_file' | 'both';
  deadline: string;
  status: 'open' | 'answered';
  answeredOn: string | null;
  notes: string;
  /** Migration 0011: the court's address, and the date of its letter (receivedOn: when it arrived). */
  courtAddress?: string;
  letterOn?: string | null;
}

export const CourtRequestEntity = new EntitySchema<CourtRequestRow>({
  name: 'CourtRequest',
  tableName: 'court_request',
  columns: {
    id: { type: 'text', primary: true },
    caseId: { name: 'case_id', type: 'text', foreignKey: { target: 'Case' } },
    court: { type: 'text' },
    division: { type: 'text' },
    caseReference: { name: 'case_reference', type: 'text' },
    receivedOn: { name: 'received_on', type: 'text' },
    asks: { type: 'text' },
    deadline: { type: 'text' },
    status: { type: 'text' },
    answeredOn: { name: 'answered_on', type: 'text', nullable: true },
    notes: { type: 'text' },
    courtAddress: { name: 'court_address', type: 'text', default: '' },
    letterOn: { name: 'letter_on', type: 'text', nullable: true },
    ...trackedByUser,
  },
  indices: [
    { name: 'court_request_case', columns: ['caseId', 'status', 'deadline'] },
    { name: 'court_request_due', columns: ['status', 'deadline'] },
  ],
});

export interface CourtOpinionRow extends Tracked {
  id: string;
  requestId: string;
  caseId: string;
  status: 'draft' | 'submitted' | 'approved' | 'issued';
  sections: Record<string, string>;
  authorId: string;
  submittedOn: string | null;
  approvedBy: string | null;
  approvedOn: string | null;
  returnedReason: string | null;
  documentNumber: string | null;
  /** The document register's row, when the register holds the issued PDF too. */
  documentId: string | null;
  issuedOn: string | null;
  sha256: string | null;
}

export const CourtOpinionEntity = new EntitySchema<CourtOpinionRow>({
  name: 'CourtOpinion',
  tableName: 'court_opinion',
  columns: {
    id: { type: 'text', primary: true },
    requestId: { name: 'request_id', type: 'text', foreignKey: { target: 'CourtRequest' } },
    caseId: { name: 'case_id', type: 'text', foreignKey: { target: 'Case' } },
    status: { type: 'text' },
    sections: { type: 'simple-json' },
    authorId: { name: 'author_id', type: 'text', foreignKey: { target: 'User' } },
    submittedOn: { name: 'submitted_on', type: 'text', nullable: true },
    approvedBy: { name: 'approved_by', type: 'text', nullable: true, foreignKey: { target: 'User' } },
    approvedOn: { name: 'approved_on', type: 'text', nullable: true },
    returnedReason: { name: 'returned_reason', type: 'text', nullable: true },
    documentNumber: { name: 'document_number', type: 'text', nullable: true },
    documentId: { name: 'document_id', type: 'text', nullable: true },
    issuedOn: { name: 'issued_on', type: 'text', nullable: true },
    sha256: { type: 'text', nullable: true },
    ...trackedByUser,
  },
  indices: [{ name: 'court_opinion_case', columns: ['caseId'] }],
  uniques: [{ columns: ['requestId'] }, { columns: ['documentNumber'] }],
});

// ---- the document register (migration 0006) ---------------------------------------------

export interface IssuedDocumentRow {
  id: string;
  /** null: a document issued to a person without a case (a referral, migration 0012). */
  caseId: string | null;
  /** electron/pdf/models.ts DocumentKind. */
  kind: string;
  /** The record printed (request, contract, plan version, assessment, court request). */
  subjectId: string;
  /** The office number printed on the document. */
  number: string;
  /** 1, 2, … per kind and subject: a change of the data makes a new version, never an overwrite. */
  version: number;
  templateVersion: string;
  /** SHA-256 of the canonical JSON of the model rendered. */
  modelHash: string;
  bytes: Buffer;
  sha256: string;
  size: number;
  pages: number;
  /** The day this version was issued (the register's date; in the PDF metadata only). */
  issuedOn: string;
  /** The date of the act the document records, printed in its header (migration 0011); null: a draft. */
  dated?: string | null;
  issuedBy: string;
  issuedAt: string;
}

export const IssuedDocumentEntity = new EntitySchema<IssuedDocumentRow>({
  name: 'IssuedDocument',
  tableName: 'document',
  columns: {
    id: { type: 'text', primary: true },
    caseId: { name: 'case_id', type: 'text', nullable: true, foreignKey: { target: 'Case' } },
    kind: { type: 'text' },
    subjectId: { name: 'subject_id', type: 'text' },
    number: { type: 'text', unique: true },
    version: { type: 'integer' },
    templateVersion: { name: 'template_version', type: 'text' },
    modelHash: { name: 'model_hash', type: 'text' },
    bytes: { type: 'blob' },
    sha256: { type: 'text' },
    size: { type: 'integer' },
    pages: { type: 'integer' },
    issuedOn: { name: 'issued_on', type: 'text' },
    dated: { type: 'text', nullable: true },
    issuedBy: { name: 'issued_by', type: 'text', foreignKey: { target: 'User' } },
    issuedAt: { name: 'issued_at', type: 'text' },
  },
  indices: [{ name: 'document_case', columns: ['caseId', 'issuedAt'] }],
  uniques: [{ columns: ['kind', 'subjectId', 'version'] }],
});

// ---- food-aid and social-shop referrals (migration 0012) -------------------------------------

export interface FoodAidThresholdRow {
  validFrom: string;
  percent: number;
  legalSource: string;
  createdAt: string;
  createdBy: string | null;
}

export const FoodAidThresholdEntity = new EntitySchema<FoodAidThresholdRow>({
  name: 'FoodAidThreshold',
  tableName: 'food_aid_threshold',
  columns: {
    validFrom: { name: 'valid_from', type: 'text', primary: true },
    percent: { type: 'integer' },
    legalSource: { name: 'legal_source', type: 'text' },
    createdAt: { name: 'created_at', type: 'text' },
    createdBy: { name: 'created_by', type: 'text', nullable: true, foreignKey: { target: 'User' } },
  },
});

export interface SubprogrammeRow extends Tracked {
  id: string;
  name: string;
  validUntil: string;
}

export const SubprogrammeEntity = new EntitySchema<SubprogrammeRow>({
  name: 'ReferralSubprogramme',
  tableName: 'referral_subprogramme',
  columns: {
    id: { type: 'text', primary: true },
    name: { type: 'text', unique: true },
    validUntil: { name: 'valid_until', type: 'text' },
    ...trackedByUser,
  },
});

export interface PartnerRow extends Tracked {
  id: string;
  name: string;
  address: string;
  phone: string;
  active: boolean;
}

export const PartnerEntity = new EntitySchema<PartnerRow>({
  name: 'PartnerOrganisation',
  tableName: 'partner_organisation',
  columns: {
    id: { type: 'text', primary: true },
    name: { type: 'text' },
    address: { type: 'text' },
    phone: { type: 'text' },
    active: { type: 'boolean' },
    ...trackedByUser,
  },
});

export interface DistributionPointRow extends Tracked {
  id: string;
  partnerId: string;
  name: string;
  address: string;
  hours: string;
  active: boolean;
}

export const DistributionPointEntity = new EntitySchema<DistributionPointRow>({
  name: 'DistributionPoint',
  tableName: 'distribution_point',
  columns: {
    id: { type: 'text', primary: true },
    partnerId: { name: 'partner_id', type: 'text', foreignKey: { target: 'PartnerOrganisation' } },
    name: { type: 'text' },
    address: { type: 'text' },
    hours: { type: 'text' },
    active: { type: 'boolean' },
    ...trackedByUser,
  },
  indices: [{ name: 'distribution_point_partner', columns: ['partnerId'] }],
});

export interface DeclarationMember {
  personId: string;
  relation: string;
}

export interface DeclarationRow extends Tracked {
  id: string;
  declaredOn: string;
  source: 'declaration' | 'interview';
  interviewId: string | null;
  caseId: string | null;
  applicantId: string;
  members: DeclarationMember[];
  householdSize: number;
  income: { items: IncomeItem[]; farmHectares?: number };
  reasons: string[];
}

export const DeclarationEntity = new EntitySchema<DeclarationRow>({
  name: 'ReferralDeclaration',
  tableName: 'referral_declaration',
  columns: {
    id: { type: 'text', primary: true },
    declaredOn: { name: 'declared_on', type: 'text' },
    source: { type: 'text' },
    interviewId: { name: 'interview_id', type: 'text', nullable: true, foreignKey: { target: 'Interview' } },
    caseId: { name: 'case_id', type: 'text', nullable: true, foreignKey: { target: 'Case' } },
    applicantId: { name: 'applicant_id', type: 'text', foreignKey: { target: 'Person' } },
    members: { type: 'simple-json' },
    householdSize: { name: 'household_size', type: 'integer' },
    income: { type: 'simple-json' },
    reasons: { type: 'simple-json' },
    ...trackedByUser,
  },
});

export interface ReferralRow extends Tracked {
  id: string;
  programme: 'fepz' | 'shop';
  subprogrammeId: string | null;
  number: string;
  documentId: string;
  declarationId: string;
  personId: string;
  householdSize: number;
  perPersonGr: number;
  thresholdGr: number;
  /** The decisive sentence of the qualification, as printed. */
  eligibility: string;
  admittedGroup: string | null;
  partnerId: string | null;
  pointId: string | null;
  validUntil: string;
  issuedOn: string;
  issuedBy: string;
  status: 'issued' | 'cancelled';
  duplicateReason: string | null;
  cancelReason: string | null;
  cancelledOn: string | null;
  cancelledBy: string | null;
}

export const ReferralEntity = new EntitySchema<ReferralRow>({
  name: 'Referral',
  tableName: 'referral',
  columns: {
    id: { type: 'text', primary: true },
    programme: { type: 'text' },
    subprogrammeId: { name: 'subprogramme_id', type: 'text', nullable: true, foreignKey: { target: 'ReferralSubprogramme' } },
    number: { type: 'text', unique: true },
    documentId: { name: 'document_id', type: 'text' },
    declarationId: { name: 'declaration_id', type: 'text', foreignKey: { target: 'ReferralDeclaration' } },
    personId: { name: 'person_id', type: 'text', foreignKey: { target: 'Person' } },
    householdSize: { name: 'household_size', type: 'integer' },
    perPersonGr: { name: 'per_person_gr', type: 'integer' },
    thresholdGr: { name: 'threshold_gr', type: 'integer' },
    eligibility: { type: 'text' },
    admittedGroup: { name: 'admitted_group', type: 'text', nullable: true },
    partnerId: { name: 'partner_id', type: 'text', nullable: true, foreignKey: { target: 'PartnerOrganisation' } },
    pointId: { name: 'point_id', type: 'text', nullable: true, foreignKey: { target: 'DistributionPoint' } },
    validUntil: { name: 'valid_until', type: 'text' },
    issuedOn: { name: 'issued_on', type: 'text' },
    issuedBy: { name: 'issued_by', type: 'text', foreignKey: { target: 'User' } },
    status: { type: 'text' },
    duplicateReason: { name: 'duplicate_reason', type: 'text', nullable: true },
    cancelReason: { name: 'cancel_reason', type: 'text', nullable: true },
    cancelledOn: { name: 'cancelled_on', type: 'text', nullable: true },
    cancelledBy: { name: 'cancelled_by', type: 'text', nullable: true, foreignKey: { target: 'User' } },
    ...trackedByUser,
  },
  indices: [
    { name: 'referral_person', columns: ['personId', 'programme', 'status'] },
    { name: 'referral_register', columns: ['programme', 'subprogrammeId', 'issuedOn'] },
  ],
});

export const ENTITIES = [
  OfficeEntity,
  SettingEntity,
  UserEntity,
  AuditEntity,
  FamilyEntity,
  PersonEntity,
  FamilyMemberEntity,
  CaseEntity,
  InterviewEntity,
  AnalysisEntity,
  AssistantRequestEntity,
  AssignmentEntity,
  WorkerAssignmentEntity,
  FamilyAddressEntity,
  ChildPlacementEntity,
  CaseEventEntity,
  FormDraftEntity,
  CounterEntity,
  ContractEntity,
  PlanEntity,
  VisitEntity,
  AssessmentEntity,
  CourtRequestEntity,
  CourtOpinionEntity,
  IssuedDocumentEntity,
  FoodAidThresholdEntity,
  SubprogrammeEntity,
  PartnerEntity,
  DistributionPointEntity,
  DeclarationEntity,
  ReferralEntity,
];

/**
 * The column types SQLite and PostgreSQL spell differently (TypeORM checks each column's type
 * against the driver): the one set of entities above is written in SQLite's words, and the office
 * server's DataSource gets it with these types swapped. Lookups stay by entity name, so
 * `manager.getRepository(IssuedDocumentEntity)` finds the server's IssuedDocument as well.
 */
const POSTGRES_TYPES: Readonly<Record<string, string>> = { blob: 'bytea', real: 'double precision' };

/** The entities for a DataSource of this dialect. */
export function entitiesFor(dialect: 'sqlite' | 'postgres'): EntitySchema[] {
  const all = ENTITIES as unknown as EntitySchema[];
  if (dialect === 'sqlite') return all;
  return all.map((entity) => {
    const columns = Object.fromEntries(
      Object.entries(entity.options.columns).map(([key, column]) => {
        const type = column && typeof column.type === 'string' ? POSTGRES_TYPES[column.type] : undefined;
        return [key, type ? { ...column, type } : column];
      }),
    );
    return new EntitySchema({ ...entity.options, columns } as typeof entity.options);
  });
}
