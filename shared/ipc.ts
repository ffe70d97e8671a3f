/**
 * The one channel map: every call the renderer can make to the main process.
 *
 * The preload exposes exactly these names (electron/preload.ts), ipc/ parses each input with
 * its schema and checks `access` before any service runs, and renderer/api.ts derives its types
 * from here. A new channel must declare its access here, so it cannot be added unchecked.
 */
import { z } from 'zod';
import type { Permission, Role } from './domain/roles';
import type { Result } from './result';
import { CHANNEL_NAMES, type ChannelName } from './channel-names';
import type {
  settingsSchema} from './schemas';
import {
  createOnServerSchema,
  enteredPasswordSchema,
  idSchema,
  joinServerSchema,
  loginSchema,
  newUserSchema,
  officeSchema,
  passwordSchema,
  personNameSchema,
  phoneSchema,
  recoveryCodeSchema,
  rolesSchema,
  sequenceSchema,
  settingsUpdateSchema,
  setupSchema,
  text,
} from './schemas';
import {
  analysisSaveSchema,
  decisionSchema,
  duplicateQuerySchema,
  intakeSchema,
  interviewSaveSchema,
  noteSchema,
  type CaseEventView,
  type CaseFileView,
  type CaseloadView,
  caseListQuerySchema,
  type CaseListPage,
  type DuplicateHint,
  type InterviewView,
  type RequestView,
} from './cases';
import { closureReasonSchema } from './domain/caseFlow';
import { additionalReportSchema, courtOrderSchema, familyChangeSchema, staffChangeSchema, type ActiveCaseRef, type OpenCaseView, type StaffHistoryView } from './records';
import { isoDateSchema } from './domain/dates';
import {
  assessmentHandOverSchema,
  assessmentReceiveSchema,
  assessmentSchema,
  closureDecisionSchema,
  closureProposalSchema,
  contractCreateSchema,
  contractEventSchema,
  contractSaveSchema,
  planApproveSchema,
  planContentSchema,
  planReturnSchema,
  planSaveSchema,
  visitPlanSchema,
  visitSchema,
  type AssessmentView,
  type ContractView,
  type FamilyWorkView,
  type PlanView,
} from './family-work';
import { backupRestoreSchema, backupRunSchema, rekeySchema, type BackupResult, type BackupStatus, type RekeyProgress, type RekeyResult, type RestoreResult } from './backup';
import { searchQuerySchema, type SearchHit } from './search';
import { statsCasesSchema, statsExportSchema, statsQuerySchema, type StatsCasePage, type StatsFile, type StatsView } from './stats';
import { trayQuerySchema, type TrayView } from './tray';
import { calendarWeekSchema, type CalendarWeekView } from './calendar';
import { pickFolderSchema } from './dialogs';
import { textScaleSchema, type AccountPreferences } from './account';
import { documentIssueSchema, documentRefSchema, type DocumentEntryView, type DocumentFile, type DocumentIssueResult } from './documents';
import {
  courtAnswerSchema,
  courtExportProgressSchema,
  courtExportSchema,
  courtListSchema,
  courtRequestSchema,
  opinionRequestSchema,
  opinionReturnSchema,
  opinionSaveSchema,
  type CourtRequestPage,
  type CourtRequestView,
  type ExportProgressView,
  type ExportResult,
  type IssuedOpinion,
  type OpinionPage,
  type OpinionView,
} from './court';
import type { FoodAidThreshold } from './domain/income';
import {
  partnerSaveSchema,
  referralCancelSchema,
  referralCaseSourcesSchema,
  referralExportSchema,
  referralIssueSchema,
  referralListSchema,
  referralMonthlyExportSchema,
  referralMonthlySchema,
  referralSettingsSchema,
  subprogrammeSaveSchema,
  thresholdAddSchema,
  type PartnerView,
  type ReferralCaseSourcePage,
  type ReferralConfigView,
  type ReferralFile,
  type ReferralMonthRow,
  type ReferralPage,
  type ReferralSettings,
  type ReferralView,
  type SubprogrammeView,
} from './referrals';

/** Keys of form drafts: which form, for which record ('interview:<id>', 'intake:new'). */
const draftKeySchema = z.string().min(1).max(120).regex(/^[a-z-]+:[a-z0-9-]+$/, { error: 'Nieprawidłowy klucz szkicu.' });

/**
 * Who may call a channel:
 * - `public`: no session needed (first run, login, recovery);
 * - `locked`: only while a session is locked (unlock);
 * - `session`: any signed-in user whose session is not locked;
 * - `signedIn`: a signed-in user, locked or not (logout);
 * - a Permission: a signed-in user whose roles grant it (shared/domain/roles.ts).
 */
export type Access = 'public' | 'locked' | 'session' | 'signedIn' | { permission: Permission };

export interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /** Phantom: carries the output type only. */
  output?: O;
}

const channel = <O>() => <I extends z.ZodType>(input: I, access: Access): ChannelDef<I, O> => ({ input, access });

const none = z.object({}).strict();

export interface SessionUser {
  id: string;
  login: string;
  firstName: string;
  lastName: string;
  roles: Role[];
}

export interface OfficeInfo {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  gmina: string;
  /** The place in the documents' date line; '' : the city. */
  place: string;
}

export type Settings = z.output<typeof settingsSchema>;

export type AppState = 'setup' | 'login' | 'locked' | 'ready';

/** Where the office's data lives: this PC's encrypted file, or the office server (issue 18). */
export type OfficeMode = 'local' | 'server';

/** The office server this PC is joined to. */
export interface ServerAddress {
  host: string;
  port: number;
}

export interface AppStatus {
  state: AppState;
  /** 'local' until this PC joins an office server ('local' also before the first run). */
  mode: OfficeMode;
  /** The office server (server mode only). */
  server: ServerAddress | null;
  /** The signed-in user (also while locked, so the lock screen can name her). */
  user: SessionUser | null;
  /** Only when ready: nothing about the office is readable before the database is opened. */
  office: OfficeInfo | null;
  settings: Settings | null;
}

export interface UserSummary extends SessionUser {
  active: boolean;
  createdAt: string;
  /** Printed on the przydzielenie asystenta rodziny; '' when not given. */
  officePhone: string;
}

export interface AuditEntryView {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  caseId: string | null;
  details: Record<string, unknown>;
  /** What the ids in this entry (object, case, details) stand for: a name, "sprawa 12/2026", "dokument nr 3/2026". */
  refs: Record<string, string>;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first entry whose hash, link or sequence does not hold. */
  firstBrokenId: number | null;
  message: string;
}

export const auditFilterSchema = z.object({
  actorId: idSchema.optional(),
  caseId: idSchema.optional(),
  action: z.string().max(64).optional(),
  from: z.iso.date({ error: 'Data od: nieprawidłowa data.' }).optional(),
  to: z.iso.date({ error: 'Data do: nieprawidłowa data.' }).optional(),
  limit: z.number().int().min(1).max(1000).default(200),
  beforeId: sequenceSchema().optional(),
});

export const channels = {
  'app:status': channel<AppStatus>()(none, 'public'),
  /** The data's version (the audit chain's head): polled in server mode to refresh after another PC's writes. */
  'app:dataVersion': channel<{ version: string }>()(none, 'session'),
  'setup:create': channel<{ recoveryCode: string }>()(setupSchema, 'public'),
  /**
   * "Serwer w biurze": this PC joins the office server of the pairing code (CA pinned by the
   * code's fingerprint, schema version checked); afterwards app:status says 'login'.
   */
  'setup:joinServer': channel<ServerAddress>()(joinServerSchema, 'public'),
  /** A new office on the office server, made with the server's one-time setup code; this PC joins it. */
  'setup:createOnServer': channel<ServerAddress>()(createOnServerSchema, 'public'),

  'session:login': channel<SessionUser>()(z.object({ login: loginSchema, password: enteredPasswordSchema }), 'public'),
  /** The recovery code sets a new password for one account (and changes the key); it signs nobody in. */
  'session:recover': channel<null>()(
    z.object({ login: loginSchema, recoveryCode: recoveryCodeSchema, newPassword: passwordSchema }),
    'public',
  ),
  'session:unlock': channel<SessionUser>()(z.object({ password: enteredPasswordSchema }), 'locked'),
  'session:lock': channel<null>()(none, 'session'),
  'session:logout': channel<null>()(none, 'signedIn'),
  'session:touch': channel<null>()(none, 'session'),
  'session:changePassword': channel<null>()(
    z.object({ currentPassword: enteredPasswordSchema, newPassword: passwordSchema }),
    { permission: 'account.self' },
  ),
  'account:preferences': channel<AccountPreferences>()(none, { permission: 'account.self' }),
  'account:setTextScale': channel<AccountPreferences>()(z.object({ textScale: textScaleSchema }), { permission: 'account.self' }),

  'office:get': channel<OfficeInfo>()(none, { permission: 'office.view' }),
  'office:update': channel<OfficeInfo>()(officeSchema, { permission: 'settings.manage' }),
  'settings:update': channel<Settings>()(settingsUpdateSchema, { permission: 'settings.manage' }),

  'users:list': channel<UserSummary[]>()(none, { permission: 'users.manage' }),
  'users:create': channel<UserSummary>()(newUserSchema, { permission: 'users.manage' }),
  'users:update': channel<UserSummary>()(
    personNameSchema.extend({ id: idSchema, roles: rolesSchema, active: z.boolean(), officePhone: phoneSchema.optional() }),
    { permission: 'users.manage' },
  ),
  'users:resetPassword': channel<null>()(z.object({ id: idSchema, newPassword: passwordSchema }), {
    permission: 'users.manage',
  }),

  'audit:list': channel<AuditEntryView[]>()(auditFilterSchema, { permission: 'audit.view' }),
  'audit:verify': channel<AuditVerification>()(none, { permission: 'audit.view' }),
  'audit:exportCsv': channel<{ fileName: string; csv: string }>()(auditFilterSchema, { permission: 'audit.view' }),

  'cases:create': channel<{ id: string; number: string }>()(intakeSchema, { permission: 'cases.create' }),
  'cases:list': channel<CaseListPage>()(caseListQuerySchema, { permission: 'cases.view' }),
  'cases:get': channel<CaseFileView>()(z.object({ id: idSchema }), { permission: 'cases.view' }),
  'cases:findDuplicates': channel<DuplicateHint[]>()(duplicateQuerySchema, { permission: 'persons.checkDuplicates' }),
  'cases:startInterview': channel<{ interviewId: string }>()(z.object({ caseId: idSchema }), { permission: 'cases.create' }),
  'interviews:startUpdate': channel<{ interviewId: string }>()(z.object({ caseId: idSchema }), { permission: 'cases.create' }),
  'cases:chooseSocialWork': channel<null>()(z.object({ caseId: idSchema }), { permission: 'cases.create' }),
  'cases:addNote': channel<CaseEventView>()(noteSchema, { permission: 'cases.view' }),
  'cases:setSignificant': channel<null>()(z.object({ eventId: idSchema, significant: z.boolean() }), { permission: 'cases.view' }),
  'cases:changeLog': channel<AuditEntryView[]>()(z.object({ caseId: idSchema }), { permission: 'cases.view' }),
  /** A dated change of the family (address, members, placements, corrected personal data): anyone who may open the case. */
  'family:change': channel<null>()(familyChangeSchema, { permission: 'cases.view' }),
  /** The kierownik hands a case to another social worker or assistant (date, reason, caseload check). */
  'cases:changeStaff': channel<null>()(staffChangeSchema, { permission: 'requests.decide' }),
  'cases:staffHistory': channel<StaffHistoryView>()(z.object({ caseId: idSchema }), { permission: 'cases.view' }),
  /** The cases a user still leads (switching her off is refused until they are handed over). */
  'users:activeCases': channel<ActiveCaseRef[]>()(z.object({ id: idSchema }), { permission: 'users.manage' }),
  /** A person found at intake: her open cases (number and state only where the user may open them; the worker always). */
  'cases:openCasesOf': channel<OpenCaseView[]>()(z.object({ personId: idSchema }), { permission: 'persons.checkDuplicates' }),
  /** A new report added to the person's open case instead of a second case. */
  'cases:addReport': channel<OpenCaseView>()(additionalReportSchema, { permission: 'cases.create' }),
  /** A court obliged the family to work with an assistant (art. 109 § 2 pkt 1 k.r.o.): the case's worker or the kierownik. */
  'cases:courtOrder': channel<null>()(courtOrderSchema, { permission: 'cases.create' }),
  'users:handOver': channel<{ moved: number }>()(
    z.object({
      fromUserId: idSchema,
      workerId: idSchema.optional(),
      assistantId: idSchema.optional(),
      effectiveOn: isoDateSchema,
      reason: text('Przyczyna przekazania', 2000),
    }),
    { permission: 'users.manage' },
  ),
  'interviews:get': channel<InterviewView>()(z.object({ id: idSchema }), { permission: 'cases.view' }),
  'interviews:save': channel<InterviewView>()(interviewSaveSchema, { permission: 'cases.create' }),
  'interviews:complete': channel<InterviewView>()(z.object({ id: idSchema, expectedVersion: sequenceSchema() }), {
    permission: 'cases.create',
  }),
  'analysis:save': channel<null>()(analysisSaveSchema, { permission: 'cases.create' }),
  /** `filedOn` / `decidedOn`: the day it happened on paper, when recorded later (today when absent). */
  'requests:file': channel<RequestView>()(z.object({ caseId: idSchema, justification: text('Uzasadnienie wniosku', 8000), filedOn: isoDateSchema.optional() }), {
    permission: 'cases.create',
  }),
  'requests:queue': channel<RequestView[]>()(none, { permission: 'requests.decide' }),
  'requests:decide': channel<RequestView>()(z.object({ requestId: idSchema, decision: decisionSchema, decidedOn: isoDateSchema.optional() }), { permission: 'requests.decide' }),
  'assistants:caseloads': channel<CaseloadView[]>()(none, { permission: 'requests.decide' }),

  'work:get': channel<FamilyWorkView>()(z.object({ caseId: idSchema }), { permission: 'cases.view' }),
  'contracts:create': channel<ContractView>()(contractCreateSchema, { permission: 'contracts.manage' }),
  'contracts:save': channel<ContractView>()(contractSaveSchema, { permission: 'contracts.manage' }),
  'contracts:event': channel<ContractView>()(contractEventSchema, { permission: 'contracts.manage' }),
  'plans:create': channel<PlanView>()(z.object({ caseId: idSchema, content: planContentSchema.nullable().default(null) }), { permission: 'familyWork.write' }),
  'plans:get': channel<PlanView>()(z.object({ id: idSchema }), { permission: 'cases.view' }),
  'plans:save': channel<PlanView>()(planSaveSchema, { permission: 'familyWork.write' }),
  'plans:sign': channel<PlanView>()(z.object({ id: idSchema, signedOn: isoDateSchema }), { permission: 'familyWork.write' }),
  /** Where the office has plans approved (settings.planApprovalRequired): the kierownik approves or returns a signed plan. */
  'plans:approve': channel<PlanView>()(planApproveSchema, { permission: 'familyWork.supervise' }),
  'plans:return': channel<PlanView>()(planReturnSchema, { permission: 'familyWork.supervise' }),
  'visits:add': channel<null>()(visitSchema, { permission: 'cases.view' }),
  /** A visit planned ahead: on the assistant's tray until recorded (issue 15). */
  'visits:plan': channel<null>()(visitPlanSchema, { permission: 'cases.view' }),
  'assessments:add': channel<null>()(assessmentSchema, { permission: 'familyWork.write' }),
  /** The assessment's handover: the assistant hands it to the kierownik, the kierownik confirms receiving it. */
  'assessments:handOver': channel<AssessmentView>()(assessmentHandOverSchema, { permission: 'familyWork.write' }),
  'assessments:receive': channel<AssessmentView>()(assessmentReceiveSchema, { permission: 'familyWork.supervise' }),
  'closure:propose': channel<null>()(closureProposalSchema, { permission: 'familyWork.write' }),
  'closure:decide': channel<null>()(closureDecisionSchema, { permission: 'cases.decideClosure' }),
  'closure:endMonitoring': channel<null>()(z.object({ caseId: idSchema }), { permission: 'familyWork.write' }),
  /** `reason`: for a case without an assistant's closure proposal (social work only), why it ends. */
  'cases:close': channel<null>()(
    z.object({ caseId: idSchema, note: z.string().max(4000).default(''), reason: closureReasonSchema.optional() }),
    { permission: 'cases.decideClosure' },
  ),

  'drafts:get': channel<{ data: string; updatedAt: string } | null>()(z.object({ key: draftKeySchema }), 'session'),
  'drafts:save': channel<null>()(z.object({ key: draftKeySchema, data: z.string().max(1_000_000, { error: 'Szkic jest za duży.' }) }), 'session'),
  'drafts:delete': channel<null>()(z.object({ key: draftKeySchema }), 'session'),

  'backup:run': channel<BackupResult>()(backupRunSchema, { permission: 'backup.run' }),
  'backup:status': channel<BackupStatus>()(none, { permission: 'backup.run' }),
  /** Replaces the database, so only while nobody is signed in; the backup's password or recovery code opens it. */
  'backup:restore': channel<RestoreResult>()(backupRestoreSchema, 'public'),
  /** "Zmień klucz bazy": a new master key for the database, every slot re-sealed (issue 14). */
  'backup:rekey': channel<RekeyResult>()(rekeySchema, { permission: 'backup.run' }),
  /** The running key change's progress (polled while backup:rekey is pending); null when none ran. */
  'backup:rekeyProgress': channel<RekeyProgress | null>()(none, { permission: 'backup.run' }),
  /** A new recovery code (the old one stops working; the key changes with it). Shown once. */
  'backup:newRecoveryCode': channel<{ recoveryCode: string }>()(none, { permission: 'backup.run' }),

  /** Cases by names, PESEL, address or number, only those the user may open (issue 8). */
  'search:cases': channel<SearchHit[]>()(searchQuerySchema, { permission: 'cases.view' }),
  'tray:get': channel<TrayView>()(trayQuerySchema, { permission: 'cases.view' }),
  /** The tray's items of one week, day by day (issue 15, item 11). */
  'tray:week': channel<CalendarWeekView>()(calendarWeekSchema, { permission: 'cases.view' }),
  'stats:get': channel<StatsView>()(statsQuerySchema, { permission: 'stats.view' }),
  /** The cases behind a figure of the report (reported / active in the period), a page at a time. */
  'stats:cases': channel<StatsCasePage>()(statsCasesSchema, { permission: 'stats.view' }),
  'stats:export': channel<StatsFile>()(statsExportSchema, { permission: 'stats.view' }),

  /** Native pickers shown by the main process (title chosen there); null when cancelled. */
  'dialog:pickFolder': channel<string | null>()(pickFolderSchema, 'session'),
  /** Only for a restore (nobody signed in): the backup file to read. */
  'dialog:pickBackupFile': channel<string | null>()(none, 'public'),

  /** The document register (issue 6): who may issue which kind is checked per case and role (shared/documents.ts). */
  'documents:list': channel<DocumentEntryView[]>()(z.object({ caseId: idSchema }), { permission: 'cases.view' }),
  'documents:issue': channel<DocumentIssueResult>()(documentIssueSchema, { permission: 'cases.view' }),
  /** Opens the stored PDF in the system viewer; 'print' too (the user prints from the viewer). */
  'documents:open': channel<null>()(documentRefSchema, { permission: 'cases.view' }),
  'documents:print': channel<null>()(documentRefSchema, { permission: 'cases.view' }),
  'documents:get': channel<DocumentFile>()(documentRefSchema, { permission: 'cases.view' }),

  /** Court requests (issue 7): registered by anyone who may open the case; the export needs full access to it. */
  'court:create': channel<CourtRequestView>()(courtRequestSchema, { permission: 'cases.view' }),
  'court:list': channel<CourtRequestPage>()(courtListSchema, { permission: 'cases.view' }),
  'court:answer': channel<CourtRequestView>()(courtAnswerSchema, { permission: 'cases.view' }),
  'court:export': channel<ExportResult>()(courtExportSchema, { permission: 'cases.view' }),
  /** The running export's step (polled while court:export is pending); null when none runs for this user and request. */
  'court:exportProgress': channel<ExportProgressView | null>()(courtExportProgressSchema, { permission: 'cases.view' }),
  /** The opinia o rodzinie: the assistant drafts and submits, the kierownik approves or returns, either issues. */
  'opinions:get': channel<OpinionPage>()(opinionRequestSchema, { permission: 'cases.view' }),
  'opinions:save': channel<OpinionView>()(opinionSaveSchema, { permission: 'familyWork.write' }),
  'opinions:submit': channel<OpinionView>()(opinionRequestSchema, { permission: 'familyWork.write' }),
  'opinions:approve': channel<OpinionView>()(opinionRequestSchema, { permission: 'court.approve' }),
  'opinions:return': channel<OpinionView>()(opinionReturnSchema, { permission: 'court.approve' }),
  'opinions:issue': channel<IssuedOpinion>()(opinionRequestSchema, { permission: 'cases.view' }),

  /** Food-aid (FEPŻ) and social-shop referrals (issue 19): the settings, thresholds, sub-programmes and partners the screens need. */
  'referrals:config': channel<ReferralConfigView>()(none, { permission: 'referrals.view' }),
  /** Qualifies and issues one referral (a numbered PDF in the document register); nothing is saved when it is refused. */
  'referrals:issue': channel<ReferralView>()(referralIssueSchema, { permission: 'referrals.issue' }),
  /** One page of the register by programme (and sub-programme, state, search), paged in SQL; an assistant gets only her families' referrals. */
  'referrals:list': channel<ReferralPage>()(referralListSchema, { permission: 'referrals.view' }),
  'referrals:cancel': channel<ReferralView>()(referralCancelSchema, { permission: 'referrals.issue' }),
  /** One page of the cases whose completed wywiad may stand for a declaration (by number or family name). */
  'referrals:caseSources': channel<ReferralCaseSourcePage>()(referralCaseSourcesSchema, { permission: 'referrals.issue' }),
  /** The partner organisation's list (minimal data), CSV or XLSX; audited. */
  'referrals:exportList': channel<ReferralFile>()(referralExportSchema, { permission: 'referrals.issue' }),
  /** Referrals, persons and households by month, for the reports and the statistics page. */
  'referrals:monthly': channel<ReferralMonthRow[]>()(referralMonthlySchema, { permission: 'stats.view' }),
  /** The same counts as a CSV or XLSX file for the office's reports; audited. */
  'referrals:exportMonthly': channel<ReferralFile>()(referralMonthlyExportSchema, { permission: 'stats.view' }),
  'referrals:saveSettings': channel<ReferralSettings>()(referralSettingsSchema, { permission: 'settings.manage' }),
  'referrals:saveSubprogramme': channel<SubprogrammeView>()(subprogrammeSaveSchema, { permission: 'settings.manage' }),
  'referrals:savePartner': channel<PartnerView>()(partnerSaveSchema, { permission: 'settings.manage' }),
  /** A new FEPŻ share from a future date (rows in force are history and are not changed). */
  'referrals:addThreshold': channel<FoodAidThreshold[]>()(thresholdAddSchema, { permission: 'settings.manage' }),
} as const satisfies Record<ChannelName, ChannelDef<z.ZodType, unknown>>;

export type Channels = typeof channels;
export type Channel = keyof Channels;
export { CHANNEL_NAMES };

export type ChannelInput<C extends Channel> = z.input<Channels[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends Channel> = Exclude<Channels[C]['output'], undefined>;

/** The object the preload exposes as `window.asysta`: one method per channel, nothing else. */
export type Bridge = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
};
