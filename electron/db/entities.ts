/**
 * Entities as TypeORM EntitySchemas (no decorators, so the same code runs under Vite, tsx and
 * Vitest). Every column names its type; the schema itself is created by the migrations.
 */
import { EntitySchema } from 'typeorm';
import type { IncomeItem, IncomeTestResult } from '../../shared/domain/income';
import type { Role } from '../../shared/domain/roles';

/** Columns every record carries (domain.md §11): who and when, plus an optimistic-lock version. */
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

export interface OfficeRow extends Tracked {
  id: number;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  gmina: string;
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
    ...trackedColumns,
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
    ...trackedColumns,
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
    ...trackedColumns,
  },
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
    familyId: { name: 'family_id', type: 'text' },
    personId: { name: 'person_id', type: 'text' },
    position: { type: 'integer' },
    relation: { type: 'text' },
    inHousehold: { name: 'in_household', type: 'boolean' },
    memberFrom: { name: 'member_from', type: 'text', nullable: true },
    memberTo: { name: 'member_to', type: 'text', nullable: true },
    childWhereabouts: { name: 'child_whereabouts', type: 'text', nullable: true },
    ...trackedColumns,
  },
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
}

export const CaseEntity = new EntitySchema<CaseRow>({
  name: 'Case',
  tableName: 'case_file',
  columns: {
    id: { type: 'text', primary: true },
    number: { type: 'text', unique: true },
    familyId: { name: 'family_id', type: 'text' },
    status: { type: 'text' },
    reportedOn: { name: 'reported_on', type: 'text' },
    source: { type: 'text' },
    sourceDetails: { name: 'source_details', type: 'text' },
    report: { type: 'text' },
    urgent: { type: 'boolean' },
    minorParent: { name: 'minor_parent', type: 'boolean' },
    reasons: { type: 'simple-json' },
    workerId: { name: 'worker_id', type: 'text' },
    interviewDue: { name: 'interview_due', type: 'text' },
    consentOn: { name: 'consent_on', type: 'text', nullable: true },
    closureReason: { name: 'closure_reason', type: 'text', nullable: true },
    closureNote: { name: 'closure_note', type: 'text', nullable: true },
    ...trackedColumns,
  },
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
}

export const InterviewEntity = new EntitySchema<InterviewRow>({
  name: 'Interview',
  tableName: 'interview',
  columns: {
    id: { type: 'text', primary: true },
    caseId: { name: 'case_id', type: 'text' },
    kind: { type: 'text' },
    formVersion: { name: 'form_version', type: 'text' },
    conductedOn: { name: 'conducted_on', type: 'text', nullable: true },
    place: { type: 'text' },
    workerId: { name: 'worker_id', type: 'text' },
    segments: { type: 'simple-json' },
    documents: { type: 'simple-json' },
    income: { type: 'simple-json' },
    incomeResult: { name: 'income_result', type: 'simple-json', nullable: true },
    status: { type: 'text' },
    completedAt: { name: 'completed_at', type: 'text', nullable: true },
    ...trackedColumns,
  },
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
}

export const AnalysisEntity = new EntitySchema<AnalysisRow>({
  name: 'Analysis',
  tableName: 'analysis',
  columns: {
    id: { type: 'text', primary: true },
    caseId: { name: 'case_id', type: 'text', unique: true },
    reasons: { type: 'simple-json' },
    strengths: { type: 'text' },
    resources: { type: 'text' },
    conclusions: { type: 'text' },
    outcome: { type: 'text', nullable: true },
    consentOn: { name: 'consent_on', type: 'text', nullable: true },
    ...trackedColumns,
  },
});

export interface AssistantRequestRow extends Tracked {
  id: string;
  caseId: string;
  justification: string;
  filedOn: string;
  filedBy: string;
  status: 'pending' | 'assigned' | 'referred' | 'returned';
  decisionNote: string | null;
  referralTarget: string | null;
  referralOrganisation: string | null;
  decidedBy: string | null;
  decidedOn: string | null;
}

export const AssistantRequestEntity = new EntitySchema<AssistantRequestRow>({
  name: 'AssistantRequest',
  tableName: 'assistant_request',
  columns: {
    id: { type: 'text', primary: true },
    caseId: { name: 'case_id', type: 'text' },
    justification: { type: 'text' },
    filedOn: { name: 'filed_on', type: 'text' },
    filedBy: { name: 'filed_by', type: 'text' },
    status: { type: 'text' },
    decisionNote: { name: 'decision_note', type: 'text', nullable: true },
    referralTarget: { name: 'referral_target', type: 'text', nullable: true },
    referralOrganisation: { name: 'referral_organisation', type: 'text', nullable: true },
    decidedBy: { name: 'decided_by', type: 'text', nullable: true },
    decidedOn: { name: 'decided_on', type: 'text', nullable: true },
    ...trackedColumns,
  },
});

export interface AssignmentRow extends Tracked {
  id: string;
  caseId: string;
  assistantId: string;
  assignedOn: string;
  endedOn: string | null;
}

export const AssignmentEntity = new EntitySchema<AssignmentRow>({
  name: 'Assignment',
  tableName: 'assignment',
  columns: {
    id: { type: 'text', primary: true },
    caseId: { name: 'case_id', type: 'text' },
    assistantId: { name: 'assistant_id', type: 'text' },
    assignedOn: { name: 'assigned_on', type: 'text' },
    endedOn: { name: 'ended_on', type: 'text', nullable: true },
    ...trackedColumns,
  },
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
    caseId: { name: 'case_id', type: 'text' },
    occurredOn: { name: 'occurred_on', type: 'text' },
    kind: { type: 'text' },
    title: { type: 'text' },
    body: { type: 'text' },
    significant: { type: 'boolean' },
    authorId: { name: 'author_id', type: 'text', nullable: true },
    refType: { name: 'ref_type', type: 'text', nullable: true },
    refId: { name: 'ref_id', type: 'text', nullable: true },
    createdAt: { name: 'created_at', type: 'text' },
  },
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
    userId: { name: 'user_id', type: 'text', primary: true },
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
  CaseEventEntity,
  FormDraftEntity,
  CounterEntity,
];
