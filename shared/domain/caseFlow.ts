/**
 * The case state machine (docs/domain.md#records-and-case-states): one table of transitions that both the
 * main process (which enforces it) and the renderer (which shows the buttons) read.
 *
 * Guards look only at a plain facts object that the service gathers from the database, so this
 * file stays pure and every rule is testable without a database.
 */
import { z } from 'zod';
import { ROLE_LABELS, type Role } from './roles';

// ---------------------------------------------------------------------------------------------
// Statuses
// ---------------------------------------------------------------------------------------------

export const CASE_STATUSES = [
  'REPORTED',
  'INTERVIEW',
  'ANALYSIS',
  'SOCIAL_WORK',
  'ASSISTANT_REQUESTED',
  'ASSISTANT_ASSIGNED',
  'PLAN',
  'IN_PROGRESS',
  'CLOSING',
  'MONITORING',
  'REFERRED',
  'CLOSED',
  'ARCHIVED',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Polish labels for the UI and the PDFs (the names offices write on paper in the comments). */
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  REPORTED: 'Zgłoszenie', // ZGŁOSZENIE
  INTERVIEW: 'Wywiad środowiskowy', // WYWIAD
  ANALYSIS: 'Analiza sytuacji rodziny', // ANALIZA
  SOCIAL_WORK: 'Praca socjalna', // PRACA_SOCJALNA
  ASSISTANT_REQUESTED: 'Wniosek o asystenta rodziny', // WNIOSEK_O_AR
  ASSISTANT_ASSIGNED: 'Asystent rodziny przydzielony', // AR_PRZYDZIELONY
  PLAN: 'Plan pracy z rodziną', // PLAN
  IN_PROGRESS: 'Realizacja planu', // REALIZACJA
  CLOSING: 'Zakończenie pracy z rodziną', // ZAKOŃCZENIE
  MONITORING: 'Monitoring', // MONITORING
  REFERRED: 'Przekazana', // PRZEKAZANA
  CLOSED: 'Zamknięta', // ZAMKNIĘTA
  ARCHIVED: 'W archiwum', // ARCHIWUM
};

export const caseStatusSchema = z.enum(CASE_STATUSES, { error: 'Nieznany stan sprawy.' });

/** A new case starts here (→ ZGŁOSZENIE), which starts the 14 / 2 working-day wywiad clock. */
export const INITIAL_CASE_STATUS: CaseStatus = 'REPORTED';
/** Who may register a case (docs/domain.md#records-and-case-states: PS, kierownik). */
export const CREATE_CASE_ROLES: readonly Role[] = ['social_worker', 'head'];

export function canCreateCase(roles: readonly Role[]): boolean {
  return roles.some((role) => CREATE_CASE_ROLES.includes(role));
}

// ---------------------------------------------------------------------------------------------
// Reasons
// ---------------------------------------------------------------------------------------------

/** Why the work with the family ended (docs/domain.md#records-and-case-states; counted in the reports). */
export const CLOSURE_REASONS = ['goals_met', 'no_cooperation', 'moved_away', 'child_placed', 'other'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
export const CLOSURE_REASON_LABELS: Record<ClosureReason, string> = {
  goals_met: 'Osiągnięcie celów planu pracy z rodziną',
  no_cooperation: 'Brak współpracy rodziny',
  moved_away: 'Zmiana miejsca zamieszkania rodziny',
  child_placed: 'Umieszczenie dziecka w pieczy zastępczej',
  other: 'Inna przyczyna',
};
export const closureReasonSchema = z.enum(CLOSURE_REASONS, { error: 'Wybierz przyczynę zakończenia z listy.' });

/** art. 7 u.p.s. reasons for aid (wording in force from 1.01.2024; multi-select, used in statistics). */
export const ART7_REASONS = [
  'poverty',
  'orphanhood',
  'homelessness',
  'unemployment',
  'disability',
  'long_term_illness',
  'domestic_violence',
  'human_trafficking',
  'maternity_large_family',
  'parenting_helplessness',
  'foreigner_integration',
  'after_prison',
  'addiction',
  'random_event_crisis',
  'natural_disaster',
] as const;
export type Art7Reason = (typeof ART7_REASONS)[number];
export const ART7_REASON_LABELS: Record<Art7Reason, string> = {
  poverty: 'Ubóstwo',
  orphanhood: 'Sieroctwo',
  homelessness: 'Bezdomność',
  unemployment: 'Bezrobocie',
  disability: 'Niepełnosprawność',
  long_term_illness: 'Długotrwała lub ciężka choroba',
  domestic_violence: 'Przemoc domowa',
  human_trafficking: 'Potrzeba ochrony ofiar handlu ludźmi',
  maternity_large_family: 'Potrzeba ochrony macierzyństwa lub wielodzietności',
  parenting_helplessness: 'Bezradność w sprawach opiekuńczo-wychowawczych i prowadzenia gospodarstwa domowego',
  foreigner_integration: 'Trudności w integracji cudzoziemców',
  after_prison: 'Trudności w przystosowaniu do życia po zwolnieniu z zakładu karnego',
  addiction: 'Alkoholizm lub narkomania',
  random_event_crisis: 'Zdarzenie losowe i sytuacja kryzysowa',
  natural_disaster: 'Klęska żywiołowa lub ekologiczna',
};
export const art7ReasonsSchema = z
  .array(z.enum(ART7_REASONS, { error: 'Nieznana przesłanka z art. 7.' }))
  .max(ART7_REASONS.length)
  .refine((reasons) => new Set(reasons).size === reasons.length, { error: 'Przesłanka powtarza się.' });

/** Where the kierownik may refer a request for an AR instead of assigning one (seed 000, art. 190 u.w.r.). */
export const REFERRAL_TARGETS = ['gmina_unit', 'contracted_provider'] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];
export const REFERRAL_TARGET_LABELS: Record<ReferralTarget, string> = {
  gmina_unit: 'Jednostka organizacyjna gminy prowadząca pracę z rodziną',
  contracted_provider: 'Podmiot, któremu gmina zleciła pracę z rodziną',
};

// ---------------------------------------------------------------------------------------------
// Facts and transitions
// ---------------------------------------------------------------------------------------------

/**
 * art. 15 ust. 4 u.w.r. (t.j. Dz.U. 2025 poz. 49): an assistant works with at most 15 families at
 * once (older texts said 20). A statutory cap, not a setting: an office may set a lower limit
 * (settings.caseloadLimit), never a higher one.
 */
export const STATUTORY_CASELOAD_CAP = 15;
export const CASELOAD_CAP_BASIS = 'art. 15 ust. 4 ustawy o wspieraniu rodziny i systemie pieczy zastępczej';

/**
 * Aid continues (social work, the assistant's work, the closing): the wywiad is updated at least
 * every six months (Part IV of the form) and kontrakty run.
 */
export const AID_STATUSES: readonly CaseStatus[] = ['SOCIAL_WORK', 'ASSISTANT_ASSIGNED', 'PLAN', 'IN_PROGRESS', 'CLOSING'];

/**
 * What the guards look at. The service fills in what it knows; a missing fact counts as "not met"
 * (so a forgotten fact blocks a transition rather than letting it through).
 */
export interface CaseFacts {
  /** Segments A, H, I and J of the wywiad are filled in (rozp. Dz.U. 2021 poz. 893). */
  mandatorySegmentsComplete?: boolean;
  /** Which mandatory segments are still empty, to name them in the message (e.g. ['H', 'J']). */
  missingSegments?: readonly string[];
  /** Written consent of the family to work with an AR (art. 8 ust. 2 u.w.r.). */
  consentRecorded?: boolean;
  /** Families the chosen assistant has now, before this assignment; null = no assistant chosen. */
  assistantCaseload?: number | null;
  /** The office's limit (never above STATUTORY_CASELOAD_CAP); the cap when absent. */
  caseloadLimit?: number;
  planSigned?: boolean;
  closureReason?: ClosureReason | null;
  /** Required when closureReason is 'other'. */
  closureNote?: string | null;
  monitoringEnded?: boolean;
  referralTarget?: ReferralTarget | null;
  /** The kierownik's reason for returning a request for an AR to the social worker. */
  returnReason?: string | null;
  /**
   * art. 11 u.w.r. (seed 000): a minor parent leaving a MOW, MOS, schronisko dla nieletnich or zakład
   * poprawczy gets an AR after the wywiad: completing it puts the case in the kierownik's queue (a
   * mandatory request); nobody may divert it to social work, return it or refer it elsewhere.
   */
  minorParentLeavingInstitution?: boolean;
  /** A court obliged the family to work with an AR (art. 109 § 2 pkt 1 k.r.o.): no voluntary consent needed. */
  courtObliged?: boolean;
}

/** The request the completion of a minor parent's wywiad files in the kierownik's queue. */
export const MINOR_PARENT_JUSTIFICATION =
  'Małoletni rodzic opuszczający młodzieżowy ośrodek wychowawczy, młodzieżowy ośrodek socjoterapii, schronisko dla nieletnich lub zakład poprawczy: ' +
  'po przeprowadzeniu wywiadu kierownik ośrodka przydziela asystenta rodziny (art. 11 ustawy o wspieraniu rodziny i systemie pieczy zastępczej).';
export const MINOR_PARENT_BASIS = 'art. 11 ustawy o wspieraniu rodziny i systemie pieczy zastępczej';

export const CASE_ACTIONS = [
  'start_interview',
  'complete_interview',
  'complete_interview_minor_parent',
  'choose_social_work',
  'request_assistant',
  'assign_assistant',
  'refer',
  'return_to_worker',
  'start_plan',
  'sign_plan',
  'approve_plan',
  'record_assessment',
  'revise_plan',
  'propose_closure',
  'reject_closure',
  'approve_closure',
  'start_monitoring',
  'end_monitoring',
  'close',
  'reopen',
  'archive',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];
export const caseActionSchema = z.enum(CASE_ACTIONS, { error: 'Nieznana czynność.' });

/** Button labels (Polish, imperative). */
export const CASE_ACTION_LABELS: Record<CaseAction, string> = {
  start_interview: 'Rozpocznij wywiad',
  complete_interview: 'Zakończ wywiad',
  complete_interview_minor_parent: 'Zakończ wywiad i przekaż kierownikowi do przydziału asystenta',
  choose_social_work: 'Prowadź pracę socjalną',
  request_assistant: 'Złóż wniosek o asystenta rodziny',
  assign_assistant: 'Przydziel asystenta rodziny',
  refer: 'Przekaż sprawę',
  return_to_worker: 'Zwróć wniosek pracownikowi socjalnemu',
  start_plan: 'Rozpocznij plan pracy z rodziną',
  sign_plan: 'Rozpocznij realizację planu',
  approve_plan: 'Zatwierdź plan pracy z rodziną',
  record_assessment: 'Zapisz okresową ocenę',
  revise_plan: 'Zmień plan pracy z rodziną',
  propose_closure: 'Zaproponuj zakończenie pracy z rodziną',
  reject_closure: 'Odrzuć propozycję zakończenia',
  approve_closure: 'Zatwierdź zakończenie bez monitoringu',
  start_monitoring: 'Zatwierdź zakończenie i rozpocznij monitoring',
  end_monitoring: 'Zakończ monitoring',
  close: 'Zamknij sprawę',
  reopen: 'Wznów sprawę',
  archive: 'Przekaż do archiwum',
};

/** The start of the Polish refusal: "Nie można <…>: <what is missing>". */
const ACTION_VERBS: Record<CaseAction, string> = {
  start_interview: 'rozpocząć wywiadu',
  complete_interview: 'zakończyć wywiadu',
  complete_interview_minor_parent: 'zakończyć wywiadu',
  choose_social_work: 'przejść do pracy socjalnej',
  request_assistant: 'złożyć wniosku o asystenta',
  assign_assistant: 'przydzielić asystenta rodziny',
  refer: 'przekazać sprawy',
  return_to_worker: 'zwrócić wniosku',
  start_plan: 'rozpocząć planu pracy',
  sign_plan: 'rozpocząć realizacji planu',
  approve_plan: 'zatwierdzić planu',
  record_assessment: 'zapisać oceny',
  revise_plan: 'zmienić planu',
  propose_closure: 'zaproponować zakończenia pracy z rodziną',
  reject_closure: 'odrzucić propozycji zakończenia',
  approve_closure: 'zatwierdzić zakończenia',
  start_monitoring: 'rozpocząć monitoringu',
  end_monitoring: 'zakończyć monitoringu',
  close: 'zamknąć sprawy',
  reopen: 'wznowić sprawy',
  archive: 'przekazać sprawy do archiwum',
};

/** A guard answers the missing conditions (Polish fragments, lower case), empty when all are met. */
export type CaseGuard = (facts: CaseFacts) => string[];

export interface CaseTransition {
  from: CaseStatus;
  to: CaseStatus;
  action: CaseAction;
  roles: readonly Role[];
  /** Which rule of law or which section of docs/domain.md this step follows. */
  basis: string;
  /** What the case itself must hold (checked when listing the actions and when carrying one out). */
  guard?: CaseGuard;
  /**
   * What the user chooses while carrying the action out (the assistant, the referral target, a
   * reason): checked only when the action is carried out, so the list of actions does not call a
   * step blocked merely because its dialog has not been filled in yet.
   */
  choice?: CaseGuard;
  /**
   * For special paths: when this returns false the action is not offered in the UI at all
   * (checkTransition still answers GUARD with the reason).
   */
  offeredWhen?: (facts: CaseFacts) => boolean;
}

const PS: readonly Role[] = ['social_worker'];
const HEAD: readonly Role[] = ['head'];
const AR: readonly Role[] = ['family_assistant'];
const PS_HEAD: readonly Role[] = ['social_worker', 'head'];

const needSegments: CaseGuard = (f) => {
  if (f.mandatorySegmentsComplete === true) return [];
  const missing = f.missingSegments?.length ? f.missingSegments.join(', ') : 'A, H, I, J';
  return [`nie uzupełniono obowiązkowych części wywiadu (${missing})`];
};
const needConsent: CaseGuard = (f) =>
  f.consentRecorded === true || f.courtObliged === true ? [] : ['brak zgody rodziny (ani postanowienia sądu zobowiązującego rodzinę do pracy z asystentem)'];
const needCaseloadRoom: CaseGuard = (f) => {
  const limit = Math.min(f.caseloadLimit ?? STATUTORY_CASELOAD_CAP, STATUTORY_CASELOAD_CAP);
  if (f.assistantCaseload == null) return ['nie wybrano asystenta rodziny'];
  return f.assistantCaseload < limit ? [] : [`limit ${limit} rodzin na asystenta został osiągnięty`];
};
const MINOR_PARENT_MANDATORY =
  'małoletniemu rodzicowi opuszczającemu młodzieżowy ośrodek wychowawczy, młodzieżowy ośrodek socjoterapii, schronisko dla nieletnich ' +
  `lub zakład poprawczy kierownik przydziela asystenta rodziny obowiązkowo (${MINOR_PARENT_BASIS})`;
const notMinorParent: CaseGuard = (f) => (f.minorParentLeavingInstitution === true ? [MINOR_PARENT_MANDATORY] : []);
const needMinorParent: CaseGuard = (f) => (f.minorParentLeavingInstitution === true ? [] : ['ta droga dotyczy tylko małoletniego rodzica opuszczającego placówkę']);
const needClosureReason: CaseGuard = (f) => {
  if (!f.closureReason) return ['nie wybrano przyczyny zakończenia'];
  if (f.closureReason === 'other' && !f.closureNote?.trim()) return ['nie opisano innej przyczyny zakończenia'];
  return [];
};
const all =
  (...guards: CaseGuard[]): CaseGuard =>
  (f) =>
    guards.flatMap((guard) => guard(f));

/** The whole machine. (from, action) is unique. */
export const CASE_TRANSITIONS: readonly CaseTransition[] = [
  { from: 'REPORTED', to: 'INTERVIEW', action: 'start_interview', roles: PS, basis: 'art. 11 ust. 1 u.w.r.; art. 107 u.p.s.' },
  {
    from: 'INTERVIEW',
    to: 'ANALYSIS',
    action: 'complete_interview',
    roles: PS,
    basis: 'rozp. MRiPS z 8.04.2021 (Dz.U. 2021 poz. 893): części A, H, I, J obowiązkowe',
    guard: all(needSegments, notMinorParent),
    offeredWhen: (f) => f.minorParentLeavingInstitution !== true,
  },
  {
    // seed 000: a minor parent leaving an institution goes from the wywiad to the kierownik's queue.
    from: 'INTERVIEW',
    to: 'ASSISTANT_REQUESTED',
    action: 'complete_interview_minor_parent',
    roles: PS,
    basis: `${MINOR_PARENT_BASIS}: po wywiadzie kierownik przydziela asystenta małoletniemu rodzicowi opuszczającemu placówkę`,
    guard: all(needSegments, needMinorParent),
    offeredWhen: (f) => f.minorParentLeavingInstitution === true,
  },
  { from: 'ANALYSIS', to: 'SOCIAL_WORK', action: 'choose_social_work', roles: PS, basis: 'art. 11 ust. 2 u.w.r.', guard: notMinorParent, offeredWhen: (f) => f.minorParentLeavingInstitution !== true },
  {
    from: 'ANALYSIS',
    to: 'ASSISTANT_REQUESTED',
    action: 'request_assistant',
    roles: PS,
    basis: 'art. 11 ust. 3 u.w.r.; zgoda rodziny: art. 8 ust. 2 u.w.r.',
    guard: needConsent,
  },
  {
    from: 'ASSISTANT_REQUESTED',
    to: 'ASSISTANT_ASSIGNED',
    action: 'assign_assistant',
    roles: HEAD,
    basis: 'art. 11 ust. 3 u.w.r.; limit rodzin: art. 15 ust. 4 u.w.r.',
    choice: needCaseloadRoom,
  },
  {
    from: 'ASSISTANT_REQUESTED',
    to: 'REFERRED',
    action: 'refer',
    roles: HEAD,
    basis: 'art. 11 ust. 3 u.w.r. (seed 000): jednostka gminy lub podmiot, któremu zlecono pracę z rodziną',
    guard: notMinorParent,
    offeredWhen: (f) => f.minorParentLeavingInstitution !== true,
    choice: (f) => (f.referralTarget ? [] : ['nie wskazano, komu sprawa jest przekazywana']),
  },
  {
    from: 'ASSISTANT_REQUESTED',
    to: 'ANALYSIS',
    action: 'return_to_worker',
    roles: HEAD,
    basis: 'docs/domain.md#records-and-case-states: odmowa przydziału',
    guard: notMinorParent,
    offeredWhen: (f) => f.minorParentLeavingInstitution !== true,
    choice: (f) => (f.returnReason?.trim() ? [] : ['nie podano uzasadnienia zwrotu']),
  },
  { from: 'ASSISTANT_ASSIGNED', to: 'PLAN', action: 'start_plan', roles: AR, basis: 'art. 15 ust. 1 pkt 1–2 u.w.r.' },
  {
    from: 'PLAN',
    to: 'IN_PROGRESS',
    action: 'sign_plan',
    roles: AR,
    basis: 'art. 15 ust. 1 pkt 1 i ust. 3 u.w.r.',
    guard: (f) => (f.planSigned === true ? [] : ['plan pracy z rodziną nie został podpisany']),
  },
  {
    // Where the office has plans approved (settings.planApprovalRequired): the signed plan is in force from the kierownik's approval.
    from: 'PLAN',
    to: 'IN_PROGRESS',
    action: 'approve_plan',
    roles: HEAD,
    basis: 'zasada ośrodka: plany zatwierdza kierownik (ustawienie)',
    guard: (f) => (f.planSigned === true ? [] : ['plan pracy z rodziną nie został podpisany']),
    // Approved on the plan's own screen (plans:approve), never as a bare step of the case.
    offeredWhen: () => false,
  },
  { from: 'IN_PROGRESS', to: 'IN_PROGRESS', action: 'record_assessment', roles: AR, basis: 'art. 15 ust. 1 pkt 15 u.w.r.' },
  { from: 'IN_PROGRESS', to: 'PLAN', action: 'revise_plan', roles: AR, basis: 'art. 15 ust. 3 u.w.r.' },
  {
    from: 'IN_PROGRESS',
    to: 'CLOSING',
    action: 'propose_closure',
    roles: AR,
    basis: 'art. 15 ust. 1 pkt 16 u.w.r.; docs/domain.md#records-and-case-states',
    choice: needClosureReason,
  },
  { from: 'CLOSING', to: 'IN_PROGRESS', action: 'reject_closure', roles: HEAD, basis: 'docs/domain.md#records-and-case-states: kierownik zatwierdza' },
  {
    from: 'CLOSING',
    to: 'MONITORING',
    action: 'start_monitoring',
    roles: HEAD,
    basis: 'art. 15 ust. 1 pkt 16 u.w.r.: monitorowanie po zakończeniu pracy z rodziną',
    guard: needClosureReason,
  },
  {
    // e.g. the family moved away: nothing left to monitor.
    from: 'CLOSING',
    to: 'CLOSED',
    action: 'approve_closure',
    roles: HEAD,
    basis: 'docs/domain.md#records-and-case-states: kierownik zatwierdza zakończenie',
    guard: needClosureReason,
  },
  // Records the end of monitoring (the service stores the date); the kierownik then closes.
  { from: 'MONITORING', to: 'MONITORING', action: 'end_monitoring', roles: AR, basis: 'art. 15 ust. 1 pkt 16 u.w.r.' },
  {
    from: 'MONITORING',
    to: 'CLOSED',
    action: 'close',
    roles: HEAD,
    basis: 'docs/domain.md#records-and-case-states: ZAKOŃCZENIE → MONITORING → ZAMKNIĘTA',
    guard: all(needClosureReason, (f) => (f.monitoringEnded === true ? [] : ['monitoring nie został zakończony'])),
  },
  {
    from: 'SOCIAL_WORK',
    to: 'CLOSED',
    action: 'close',
    roles: HEAD,
    basis: 'docs/domain.md#records-and-case-states: brak potrzeby dalszej pomocy',
    choice: needClosureReason,
  },
  {
    from: 'REFERRED',
    to: 'CLOSED',
    action: 'close',
    roles: HEAD,
    basis: 'sprawa prowadzona dalej przez inny podmiot',
  },
  { from: 'CLOSED', to: 'REPORTED', action: 'reopen', roles: PS_HEAD, basis: 'docs/domain.md#records-and-case-states: ponowne zgłoszenie' },
  // Retention (JRWA) is run by the kierownik or by a scheduled job acting with the kierownik's role.
  { from: 'CLOSED', to: 'ARCHIVED', action: 'archive', roles: HEAD, basis: 'JRWA ośrodka (docs/domain.md#data-protection-and-the-document-register)' },
];

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

export type TransitionCheck =
  | { ok: true; to: CaseStatus; transition: CaseTransition }
  | { ok: false; code: 'FORBIDDEN' | 'INVALID_STATE' | 'GUARD'; message: string };

export function findTransition(status: CaseStatus, action: CaseAction): CaseTransition | undefined {
  return CASE_TRANSITIONS.find((t) => t.from === status && t.action === action);
}

function sentence(fragment: string): string {
  return fragment.charAt(0).toUpperCase() + fragment.slice(1) + '.';
}

function rolesText(roles: readonly Role[]): string {
  return roles.map((role) => ROLE_LABELS[role].toLowerCase()).join(' lub ');
}

/**
 * May these roles do this action on a case in this status, given the facts?
 * Order: INVALID_STATE (no such step from here), FORBIDDEN (role), GUARD (what is missing).
 */
export function checkTransition(
  status: CaseStatus,
  action: CaseAction,
  roles: readonly Role[],
  facts: CaseFacts,
  { withChoices = true }: { withChoices?: boolean } = {},
): TransitionCheck {
  const transition = findTransition(status, action);
  if (!transition) {
    const label = CASE_ACTION_LABELS[action] as string | undefined;
    return {
      ok: false,
      code: 'INVALID_STATE',
      message: label
        ? `Czynności „${label}” nie można wykonać, gdy sprawa ma stan „${CASE_STATUS_LABELS[status]}”.`
        : 'Nieznana czynność.',
    };
  }
  if (!roles.some((role) => transition.roles.includes(role))) {
    return {
      ok: false,
      code: 'FORBIDDEN',
      message: `Nie masz uprawnień do tej czynności: „${CASE_ACTION_LABELS[action]}” wykonuje ${rolesText(transition.roles)}.`,
    };
  }
  const missing = [...(transition.guard?.(facts) ?? []), ...((withChoices && transition.choice?.(facts)) || [])];
  if (missing.length > 0) {
    const [first, ...rest] = missing;
    const message = `Nie można ${ACTION_VERBS[action]}: ${first}.` + rest.map((m) => ` ${sentence(m)}`).join('');
    return { ok: false, code: 'GUARD', message };
  }
  return { ok: true, to: transition.to, transition };
}

export interface AvailableAction {
  action: CaseAction;
  to: CaseStatus;
  label: string;
  /** False: show the button disabled, with `message` saying what is missing. */
  enabled: boolean;
  message?: string;
}

/** The actions the UI offers these roles in this status (the ones their roles allow), enabled or not. */
export function availableActions(status: CaseStatus, roles: readonly Role[], facts: CaseFacts): AvailableAction[] {
  return CASE_TRANSITIONS.filter(
    (t) =>
      t.from === status &&
      roles.some((role) => t.roles.includes(role)) &&
      (t.offeredWhen === undefined || t.offeredWhen(facts)),
  ).map((t) => {
    // What is chosen in the action's own dialog cannot block offering it.
    const check = checkTransition(status, t.action, roles, facts, { withChoices: false });
    return check.ok
      ? { action: t.action, to: t.to, label: CASE_ACTION_LABELS[t.action], enabled: true }
      : { action: t.action, to: t.to, label: CASE_ACTION_LABELS[t.action], enabled: false, message: check.message };
  });
}
