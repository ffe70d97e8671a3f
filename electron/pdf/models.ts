/**
 * View models of the printed documents: plain data (strings, ISO dates, arrays) that the
 * services build from the database and pdf/ renders. No entity, no Date object, no logic:
 * the same model always prints the same bytes (the document register relies on it).
 *
 * Free texts may contain line breaks; a blank line starts a new paragraph.
 */

/**
 * A calendar date 'YYYY-MM-DD' (the office's local date, no time zone).
 * Every field of this type is named in ISO_DATE_FIELDS, so that a bad date is refused before
 * rendering (an exception thrown while react-pdf renders loses its message).
 */
export type IsoDate = string;

export const ISO_DATE_FIELDS: ReadonlySet<string> = new Set([
  'issuedOn',
  'dated',
  'birthDate',
  'from',
  'to',
  'deadline',
  'evaluatedOn',
  'terminatedOn',
  'occurredOn',
  'interviewOn',
  'givenOn',
  'submittedOn',
  'workFrom',
  'signedOn',
  'nextAssessmentDue',
  'handedOn',
  'approvedOn',
  'letterDate',
  'receivedOn',
  'declaredOn',
  'validUntil',
  'conductedOn',
]);

export interface OfficeInfo {
  /** Full name as on the stamp, e.g. "Miejski Ośrodek Pomocy Społecznej w Kraśniku". */
  name: string;
  street: string;
  postalCode: string;
  city: string;
  gmina: string;
}

export interface DocumentHeader {
  office: OfficeInfo;
  /** Znak sprawy (JRWA sign of the case); null when the document has no case. */
  caseNumber: string | null;
  /** Number in the document register, when it has one. */
  documentNumber: string | null;
  /**
   * The day this version was issued by the register: the PDF metadata only, never the text
   * (a document printed today records an act of another day).
   */
  issuedOn: IsoDate;
  /**
   * The date of the act the document records, printed in its header: the filing of a wniosek, the
   * kierownik's decision, the signing of a kontrakt or plan, the day of an assessment or opinion.
   * null: a draft printed to be signed, its date line left blank to be written by hand.
   */
  dated: IsoDate | null;
  /** "Kraśnik" in "Kraśnik, dnia 12 marca 2025 r.": the office's place. */
  place: string;
}

export interface PostalAddress {
  /** Street and number, or the village and number: "ul. Lubelska 12 m. 4", "Stróża 45". */
  street: string;
  postalCode: string;
  city: string;
}

/** A person signing the document: the name and role printed under the signature line. */
export interface Signatory {
  fullName: string;
  /** "pracownik socjalny", "asystent rodziny", "Kierownik Ośrodka"... */
  role: string;
}

/** A person identified by name, PESEL (or another document) and address. */
export interface IdentifiedPerson {
  fullName: string;
  /** For the forms that agree with the person ("Klientka", "została poinformowana"). */
  sex: 'F' | 'M';
  pesel: string | null;
  /** When there is no PESEL: "paszport FX1234567", "karta pobytu RP0012345". */
  otherIdentityDocument: string | null;
  address: PostalAddress | null;
}

export interface FamilyMember {
  fullName: string;
  /** Relation to the head of the family, as printed: "matka", "syn", "konkubent". */
  relation: string;
  birthDate: IsoDate | null;
  sharesHousehold: boolean;
  /** For a child: where the child lives now ("w domu", "rodzina zastępcza"); null if not relevant. */
  whereabouts: string | null;
}

/** A family as named in letters: "Rodzina Kowalskich", with its address. */
export interface FamilyRef {
  name: string;
  address: PostalAddress;
}

export interface DateRange {
  from: IsoDate;
  /** null: open-ended ("nadal"). */
  to: IsoDate | null;
}

// ---------------------------------------------------------------------------------------
// Kontrakt socjalny (art. 108 u.p.s.; template: Rozp. MPiPS z 8.11.2010, Dz.U. nr 218 poz. 1439)

/** A: person or family in a difficult life situation (parts I A + II A). B: a person, activation
 *  and countering social exclusion (parts I B + II B). */
export type SocialContractVariant = 'A' | 'B';
export type SocialContractParty = 'client' | 'social-worker';
export type ActionStatus = 'done' | 'partly-done' | 'not-done';

export interface SocialContractAction {
  party: SocialContractParty;
  description: string;
  /** null: for the whole period of the contract. */
  deadline: IsoDate | null;
  /** Filled in at the assessment; null before. */
  status: ActionStatus | null;
}

/** Variant B only: the client's position on the labour market. */
export interface ActivationProfile {
  education: string | null;
  /** Registration at the powiatowy urząd pracy (status, since when). */
  pupRegistration: string | null;
  /** Why the person is without work. */
  unemploymentReason: string | null;
  /** The profile of help / form of support the PUP set. */
  profile: string | null;
}

export interface SocialContractModel {
  header: DocumentHeader;
  variant: SocialContractVariant;
  /** The client(s): one person, or the adult members of the family who sign (variant A). */
  clients: IdentifiedPerson[];
  /** Variant A with a family: "Rodzina Nowaków"; null for a single person. */
  familyName: string | null;
  socialWorker: Signatory;
  assessment: {
    /** Przyczyny trudnej sytuacji życiowej. */
    causes: string;
    /** Możliwości (zasoby) klienta. */
    possibilities: string;
    /** Ograniczenia. */
    limitations: string;
  };
  /** Variant B: required section (printed "brak danych" when null). Ignored for A. */
  activationProfile: ActivationProfile | null;
  mainGoal: string;
  partialGoals: string[];
  actions: SocialContractAction[];
  period: { from: IsoDate; to: IsoDate };
  /** Recorded breaches of the kontrakt (art. 11 ust. 2 u.p.s.), oldest first. */
  breaches: { occurredOn: IsoDate; note: string }[];
  evaluation: { evaluatedOn: IsoDate; text: string } | null;
  termination: { terminatedOn: IsoDate; reason: string } | null;
}

// ---------------------------------------------------------------------------------------
// Wniosek o przydzielenie asystenta rodziny (art. 11 ust. 3 u.w.r.)

export interface AssistantRequestModel {
  header: DocumentHeader;
  /** The kierownik the request goes to. */
  addressee: Signatory;
  family: FamilyRef;
  members: FamilyMember[];
  /** Date of the rodzinny wywiad środowiskowy the analysis is based on. */
  interviewOn: IsoDate | null;
  /** Reasons from art. 7 u.p.s., as printed (Polish labels). */
  reasons: string[];
  /** Difficulties in care and upbringing observed (art. 11 ust. 2 u.w.r. analysis). */
  difficulties: string;
  /** The family's strengths and resources (printed under their own heading, never as difficulties). */
  strengths: string | null;
  /** Help the family had before and the institutions involved; null: not recorded. */
  earlierHelp: string | null;
  /** The children's legal situation (custody, court proceedings, placement); null: not recorded. */
  childrenLegalSituation: string | null;
  justification: string;
  /**
   * art. 8 u.w.r.: support is given with the family's consent and active participation. The consent
   * as recorded: the day, and each person who gave it with her own date (empty: recorded for the family).
   */
  consent: { givenOn: IsoDate; persons: { fullName: string; givenOn: IsoDate }[] };
  socialWorker: Signatory;
}

// ---------------------------------------------------------------------------------------
// Przydzielenie asystenta rodziny / skierowanie wniosku (art. 11 ust. 3, art. 190 u.w.r.)

export interface Organisation {
  name: string;
  /** null: not recorded (the decision names the organisation only). */
  address: PostalAddress | null;
}

export type AssignmentDecision =
  | { kind: 'assign'; assistant: { fullName: string; phone: string | null }; workFrom: IsoDate }
  /** To the gmina's own unit that organises work with families (art. 10 u.w.r.). */
  | { kind: 'refer-unit'; recipient: Organisation }
  /** To a provider the gmina contracted under art. 190 u.w.r. */
  | { kind: 'refer-provider'; recipient: Organisation; agreement: string | null };

export interface AssistantAssignmentModel {
  header: DocumentHeader;
  family: FamilyRef;
  request: { submittedOn: IsoDate; socialWorker: string };
  decision: AssignmentDecision;
  notes: string | null;
  kierownik: Signatory;
  /** "Otrzymują:" list; empty prints only "a/a". */
  copiesTo: string[];
}

// ---------------------------------------------------------------------------------------
// Plan pracy z rodziną (art. 15 ust. 1 pkt 1 and 2, ust. 3 u.w.r.)

export type WorkPlanKind = 'standard' | 'coordinated';
export type TaskStatus = 'planned' | 'in-progress' | 'done' | 'not-done' | 'cancelled';

export interface WorkPlanTask {
  description: string;
  responsible: string;
  /** null: continuous ("na bieżąco"). */
  deadline: IsoDate | null;
  expectedEffect: string;
  resources: string | null;
  status: TaskStatus;
}

export interface WorkPlanGoal {
  goal: string;
  tasks: WorkPlanTask[];
}

export interface WorkPlanArea {
  area: string;
  goals: WorkPlanGoal[];
}

export interface FamilyWorkPlanModel {
  header: DocumentHeader;
  family: FamilyRef;
  members: FamilyMember[];
  version: number;
  kind: WorkPlanKind;
  /** Required when kind is 'coordinated' (koordynator rodzinnej pieczy zastępczej). */
  coordinator: { fullName: string; institution: string } | null;
  /** From the signing; null for a draft printed to be signed ("od dnia podpisania"). */
  period: DateRange | null;
  /** The diagnosis: the family's resources and difficulties (prefilled from the analysis, edited). */
  diagnosis: string | null;
  shortTermGoals: string | null;
  longTermGoals: string | null;
  /** How and when the plan is reviewed. */
  review: string | null;
  areas: WorkPlanArea[];
  /** Family members who signed the plan. */
  familySignatories: string[];
  assistant: Signatory;
  /** The plan is made "w konsultacji z pracownikiem socjalnym" (pkt 1). */
  socialWorker: Signatory;
  /**
   * The kierownik's approval, where the office has plans approved: who and when, or blanks to
   * sign by hand while the plan waits for it; null: the office does not approve plans.
   */
  approval: { approvedBy: Signatory | null; approvedOn: IsoDate | null } | null;
}

// ---------------------------------------------------------------------------------------
// Okresowa ocena sytuacji rodziny (art. 15 ust. 1 pkt 15 u.w.r.)

export type GoalProgress = 'achieved' | 'partly-achieved' | 'in-progress' | 'not-achieved';
export type AssessmentRecommendation = 'continue' | 'change-plan' | 'end-work';

export interface GoalAssessment {
  area: string | null;
  goal: string;
  /** null: the assessment describes the progress in words only (printed "—"). */
  progress: GoalProgress | null;
  comment: string;
}

export interface PeriodicAssessmentModel {
  header: DocumentHeader;
  family: FamilyRef;
  period: { from: IsoDate; to: IsoDate };
  /** The plan assessed: version and the date it was signed. */
  plan: { version: number; signedOn: IsoDate } | null;
  goals: GoalAssessment[];
  familyChanges: string | null;
  cooperation: string | null;
  childrenSituation: string | null;
  /** Visits in the period assessed: how many, and where ("dom rodziny (3), ośrodek (1)"). */
  visits: { count: number; places: { place: string; count: number }[] };
  /** The day the assessment was handed to the kierownik; null: not recorded. */
  handedOn: IsoDate | null;
  /** The kierownik's receipt of it: the day and who; null: not yet received. */
  received: { receivedOn: IsoDate; by: Signatory } | null;
  recommendation: AssessmentRecommendation;
  justification: string;
  nextAssessmentDue: IsoDate | null;
  assistant: Signatory;
  /** Family members who read the assessment. */
  acknowledgedBy: string[];
}

// ---------------------------------------------------------------------------------------
// Opinia o rodzinie dla sądu (art. 15 ust. 1 pkt 17 u.w.r.)

export interface CourtOpinionSections {
  compositionAndHistory: string | null;
  /** Sources of the opinion: visits, institutions, documents. */
  sources: string | null;
  housing: string | null;
  finances: string | null;
  relations: string | null;
  childcareSchoolHealth: string | null;
  cooperationAndPlan: string | null;
  strengthsAndRisks: string | null;
  conclusions: string | null;
}

export interface CourtOpinionModel {
  header: DocumentHeader;
  /** The court's address as recorded with its letter ("ul. Sądowa 1, 74-202 Bielice"); null: not recorded. */
  court: { name: string; division: string; address: string | null };
  /** Sygnatura akt, e.g. "III Nsm 245/25". */
  caseSignature: string;
  /** The date on the court's letter; null when it was not recorded (then the day it arrived is cited as such). */
  letterDate: IsoDate | null;
  receivedOn: IsoDate;
  family: FamilyRef;
  members: FamilyMember[];
  author: Signatory;
  cooperation: DateRange;
  sections: CourtOpinionSections;
  /** Optional approval by the kierownik. */
  approvedBy: Signatory | null;
}

// ---------------------------------------------------------------------------------------
// Część akt sprawy dla sądu (issue 7: the case-file export; documents/CaseFilePart.tsx)

export interface CaseFileEntry {
  heading: string;
  /** "02.03.2026 · Anna Nowak" — small line under the heading. */
  meta: string | null;
  fields: { label: string; value: string }[];
  text: string | null;
}

export interface CaseFilePartModel {
  header: DocumentHeader;
  title: string;
  subtitle: string[];
  entries: CaseFileEntry[];
  /** Printed when there are no entries: "Chronologia sprawy nie ma wpisów." */
  emptyText: string;
}

// ---------------------------------------------------------------------------------------
// Skierowanie: pomoc żywnościowa FEPŻ / sklep socjalny (issue 19; documents/Referral.tsx)

export interface ReferralModel {
  header: DocumentHeader;
  programme: 'fepz' | 'shop';
  person: IdentifiedPerson;
  householdSize: number;
  /** The oświadczenie o dochodach, or the wywiad used instead: its kind and date. */
  declaration: { kind: 'declaration' | 'interview'; declaredOn: IsoDate };
  /** Amounts as printed ("2 500,00 zł"), and the limit's basis ("265% kryterium (1 010,00 zł)"). */
  income: { perPerson: string; threshold: string; basis: string };
  /** The decisive sentence of the qualification. */
  eligibility: string;
  /** art. 7 u.p.s. reasons, Polish labels. */
  reasons: string[];
  admittedGroup: string | null;
  /** FEPŻ: the partner organisation and its distribution point; shop: the shop. */
  recipient: { name: string; address: string; point: string | null; pointAddress: string | null; hours: string | null };
  /** "Podprogram 2025"; null for the shop. */
  subprogramme: string | null;
  validUntil: IsoDate;
  limitsText: string | null;
  socialWorker: Signatory;
  rodoClause: string;
}

// ---------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------
// Pismo do rodziny o zmianie asystenta rodziny / pracownika socjalnego (issue 15, item 6)

export interface StaffChangeLetterModel {
  /** dated: the day of the change (never the day of printing). */
  header: DocumentHeader;
  /** Whose change: the asystent rodziny's or the pracownik socjalny's. */
  kind: 'assistant' | 'worker';
  /** The family at its address on the day of the change: the letter's addressee. */
  family: FamilyRef;
  /** Who led the family until the change; null: not recorded. */
  previous: string | null;
  next: { fullName: string; phone: string | null };
  /** The reason for the change; null: the kierownik chose not to print it. */
  reason: string | null;
  kierownik: Signatory;
  /** "Otrzymują:" list. */
  copiesTo: string[];
}

// ---------------------------------------------------------------------------------------
// Rodzinny wywiad środowiskowy (rozp. MRiPS z 8.04.2021) and the oświadczenie o stanie majątkowym

export interface InterviewPart {
  /** "I.A", "IV". */
  code: string;
  title: string;
  /** Each field of the segment with its answer; null: not filled in. */
  fields: { label: string; text: string | null }[];
}

export interface InterviewIncomeRow {
  person: string;
  source: string;
  /** Net amount counted, "1 234,56 zł"; or for an excluded item its gross amount. */
  amount: string;
  /** null: counted; otherwise why it is not counted. */
  excludedBecause: string | null;
}

export interface InterviewRecordModel {
  /** dated: the day the wywiad was completed (its data as they stood then). */
  header: DocumentHeader;
  kind: 'full' | 'update';
  formTitle: string;
  legalSource: string;
  family: FamilyRef;
  /** The family on the day of the wywiad. */
  members: FamilyMember[];
  conductedOn: IsoDate | null;
  place: string | null;
  /** The form's segments in its order; segments the reader may not see are left out by the builder. */
  parts: InterviewPart[];
  income: {
    rows: InterviewIncomeRow[];
    /** The test's sentences ("Dochód na osobę: 812,00 zł", …); empty: no income test. */
    result: string[];
  };
  /** Documents per person: "Anna Kowalska: dowód osobisty (otrzymano)". */
  documents: { person: string; received: string[]; missing: string[] }[];
  socialWorker: Signatory;
}

export interface AssetStatementModel {
  /** dated: the day the statement was signed; null: printed to be signed (date written by hand). */
  header: DocumentHeader;
  declarant: IdentifiedPerson;
  /** The household the statement covers, on the day it was signed. */
  members: FamilyMember[];
  /** Each heading with what was declared; null: nothing declared (printed "nie posiadam"). */
  items: { heading: string; text: string | null }[];
  socialWorker: Signatory;
}

/** Every printable document: kind → its model. */
export interface DocumentModels {
  'social-contract': SocialContractModel;
  'assistant-request': AssistantRequestModel;
  'assistant-assignment': AssistantAssignmentModel;
  'family-work-plan': FamilyWorkPlanModel;
  'periodic-assessment': PeriodicAssessmentModel;
  'court-opinion': CourtOpinionModel;
  'case-file-part': CaseFilePartModel;
  referral: ReferralModel;
  'staff-change-letter': StaffChangeLetterModel;
  'interview-record': InterviewRecordModel;
  'asset-statement': AssetStatementModel;
}

export type DocumentKind = keyof DocumentModels;

/** A kind with its model, as one value (e.g. a message to the worker). */
export type DocumentRequest = { [K in DocumentKind]: { kind: K; model: DocumentModels[K] } }[DocumentKind];

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'social-contract',
  'assistant-request',
  'assistant-assignment',
  'family-work-plan',
  'periodic-assessment',
  'court-opinion',
  'case-file-part',
  'referral',
  'staff-change-letter',
  'interview-record',
  'asset-statement',
];
