/** Working with the family on the wire (issue 5): contracts, plans, visits, assessments, closure. */
import { z } from 'zod';
import { closureReasonSchema } from './domain/caseFlow';
import { isoDateSchema, requiredIsoDate, type IsoDate } from './domain/dates';
import {
  CONTRACT_OUTCOMES,
  CONTRACT_VARIANTS,
  GOAL_ACHIEVEMENTS,
  RECOMMENDATIONS,
  TASK_STATUSES,
  type ContractStatus,
  type ContractVariant,
  type GoalAchievement,
  type HandoverStatus,
  type PlanArea,
  type PlanStatus,
  type Recommendation,
} from './domain/familyWork';
import { optionalText, sequenceSchema, text } from './schemas';

const id = z.uuid({ error: 'Nieprawidłowy identyfikator.' });

export const contractActionSchema = z.object({
  id: z.uuid().optional(),
  party: z.enum(['client', 'worker'], { error: 'Wskaż stronę: klient albo pracownik socjalny.' }),
  description: text('Działanie', 1000),
  deadline: requiredIsoDate('Podaj termin działania.'),
  status: z.enum(['planned', 'done', 'not_done']).default('planned'),
});

export const contractContentSchema = z.object({
  variant: z.enum(CONTRACT_VARIANTS, { error: 'Wybierz wzór kontraktu.' }),
  clientIds: z.array(id).min(1, { error: 'Wskaż co najmniej jedną osobę — stronę kontraktu.' }).max(20),
  causes: optionalText('Przyczyny trudnej sytuacji', 8000),
  possibilities: optionalText('Możliwości', 8000),
  limitations: optionalText('Ograniczenia', 8000),
  mainGoal: optionalText('Cel główny', 2000),
  partialGoals: z.array(text('Cel szczegółowy', 1000)).max(30),
  actions: z.array(contractActionSchema).max(100, { error: 'Najwyżej 100 działań.' }),
  periodFrom: isoDateSchema,
  periodTo: isoDateSchema,
  /** Variant B, part I B: the person's labour-market situation (see docs/legal-citations.md). */
  labourMarket: z
    .object({
      education: optionalText('Wykształcenie', 500).default(''),
      pupRegistration: optionalText('Rejestracja w powiatowym urzędzie pracy', 500).default(''),
      unemploymentReason: optionalText('Przyczyny pozostawania bez pracy', 2000).default(''),
      profile: optionalText('Profil pomocy / forma wsparcia ustalona w urzędzie pracy', 500).default(''),
    })
    .nullable()
    .default(null),
});

const periodInOrder = { error: 'Kontrakt nie może kończyć się przed dniem, w którym się zaczyna.', path: ['periodTo'] };
export const contractCreateSchema = contractContentSchema.extend({ caseId: id }).refine((c) => c.periodTo >= c.periodFrom, periodInOrder);
export const contractSaveSchema = contractContentSchema.extend({ id, expectedVersion: sequenceSchema() }).refine((c) => c.periodTo >= c.periodFrom, periodInOrder);

export const contractEventSchema = z.discriminatedUnion('event', [
  z.object({ id, event: z.literal('sign'), signedOn: isoDateSchema }),
  z.object({ id, event: z.literal('start') }),
  z.object({ id, event: z.literal('assess'), outcome: z.enum(CONTRACT_OUTCOMES, { error: 'Wybierz ocenę realizacji.' }), note: optionalText('Uzasadnienie oceny', 4000) }),
  z.object({ id, event: z.literal('terminate'), terminatedOn: isoDateSchema, reason: text('Przyczyna rozwiązania', 4000) }),
  z.object({ id, event: z.literal('breach'), occurredOn: isoDateSchema, note: text('Opis niedotrzymania kontraktu', 4000) }),
  z.object({ id, event: z.literal('action_status'), actionId: z.uuid(), status: z.enum(['planned', 'done', 'not_done']) }),
]);

const planTaskSchema = z.object({
  description: text('Zadanie', 1000),
  responsible: text('Osoba odpowiedzialna', 200),
  deadline: requiredIsoDate('Podaj termin zadania.'),
  expectedEffect: optionalText('Spodziewany efekt', 1000),
  resources: optionalText('Zasoby', 1000),
  status: z.enum(TASK_STATUSES).default('planned'),
});

/** All the tasks of a plan together. */
export const PLAN_MAX_TASKS = 300;

export const planContentSchema = z.object({
  type: z.enum(['standard', 'coordinated']),
  coordinator: optionalText('Koordynator rodzinnej pieczy zastępczej', 200).default(''),
  areas: z
    .array(
      z.object({
        name: text('Obszar', 200),
        goals: z.array(z.object({ name: text('Cel', 500), tasks: z.array(planTaskSchema).max(50, { error: 'Najwyżej 50 zadań w jednym celu.' }) })).max(20, { error: 'Najwyżej 20 celów w jednym obszarze.' }),
      }),
    )
    .max(15, { error: 'Najwyżej 15 obszarów planu.' })
    // A plan a family can work with, and one whose save, audit entry and PDF stay small (issue 14).
    .refine((areas) => areas.reduce((sum, area) => sum + area.goals.reduce((n, goal) => n + goal.tasks.length, 0), 0) <= PLAN_MAX_TASKS, {
      error: `Plan może mieć najwyżej ${PLAN_MAX_TASKS} zadań.`,
    }),
  /** The diagnosis of the family's situation (prefilled from the analysis in a first plan). */
  diagnosis: optionalText('Diagnoza sytuacji rodziny', 8000).default(''),
  shortTermGoals: optionalText('Cele krótkoterminowe', 4000).default(''),
  longTermGoals: optionalText('Cele długoterminowe', 4000).default(''),
  /** How and when the plan is reviewed. */
  review: optionalText('Sposób i termin przeglądu planu', 2000).default(''),
});

export const planSaveSchema = planContentSchema.extend({ id, expectedVersion: sequenceSchema() });

export const VISIT_KINDS = ['home', 'office', 'outside', 'phone'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const VISIT_KIND_LABELS: Record<VisitKind, string> = {
  home: 'Wizyta w domu rodziny',
  office: 'Spotkanie w ośrodku',
  outside: 'Spotkanie w innym miejscu (szkoła, poradnia, urząd)',
  phone: 'Kontakt telefoniczny',
};

/** A visit planned ahead: on the assistant's tray from now until it is recorded (issue 15, item 11). */
export const visitPlanSchema = z.object({
  caseId: id,
  plannedOn: isoDateSchema,
  kind: z.enum(VISIT_KINDS, { error: 'Wybierz rodzaj wizyty.' }),
  place: text('Miejsce', 300),
});

export interface PlannedVisitView {
  id: string;
  plannedOn: IsoDate;
  kind: VisitKind;
  place: string;
}

export const visitSchema = z.object({
  /** The planned visit this record carries out (it leaves the tray). */
  plannedVisitId: z.uuid().optional(),
  caseId: id,
  visitedOn: isoDateSchema,
  place: text('Miejsce', 300),
  participants: text('Uczestnicy', 1000),
  topics: text('Tematy', 8000),
  agreed: optionalText('Ustalenia', 8000),
  significant: z.boolean().default(false),
});

export const assessmentSchema = z.object({
  caseId: id,
  assessedOn: isoDateSchema,
  periodFrom: isoDateSchema,
  periodTo: isoDateSchema,
  /** Each goal of the plan: how far it has come (required) and a comment on the progress and difficulties. */
  progress: z
    .array(
      z.object({
        area: optionalText('Obszar', 200).default(''),
        goal: text('Cel', 500),
        achievement: z.enum(GOAL_ACHIEVEMENTS, { error: 'Wybierz stopień realizacji celu.' }),
        progress: optionalText('Komentarz', 4000).default(''),
      }),
    )
    .max(100),
  changes: optionalText('Zmiany w sytuacji rodziny', 8000),
  cooperation: optionalText('Współpraca rodziny z asystentem rodziny', 8000).default(''),
  childrenSituation: optionalText('Sytuacja dzieci', 8000).default(''),
  recommendation: z.enum(RECOMMENDATIONS, { error: 'Wybierz rekomendację.' }),
  conclusions: optionalText('Wnioski', 8000).default(''),
});

/** The assistant hands a recorded assessment to the kierownik: the day it happened (today or earlier, on paper). */
export const assessmentHandOverSchema = z.object({ id, handedOn: isoDateSchema });
/** The kierownik confirms she received it (today). */
export const assessmentReceiveSchema = z.object({ id });

/** Where the office has plans approved: the kierownik approves a signed plan, or returns it with a reason. */
export const planApproveSchema = z.object({ id });
export const planReturnSchema = z.object({ id, reason: text('Powód zwrotu planu', 2000) });

export const closureProposalSchema = z.object({ caseId: id, reason: closureReasonSchema, note: optionalText('Uzasadnienie', 4000) });
export const closureDecisionSchema = z.object({ caseId: id, decision: z.enum(['monitor', 'close', 'reject']), note: optionalText('Uwagi', 4000) });

// ---- views -------------------------------------------------------------------------------

export interface ContractView {
  id: string;
  version: number;
  caseId: string;
  variant: ContractVariant;
  status: ContractStatus;
  clientIds: string[];
  workerName: string;
  causes: string;
  possibilities: string;
  limitations: string;
  mainGoal: string;
  partialGoals: string[];
  actions: { id: string; party: 'client' | 'worker'; description: string; deadline: IsoDate; status: 'planned' | 'done' | 'not_done' }[];
  periodFrom: IsoDate;
  periodTo: IsoDate;
  signedOn: IsoDate | null;
  outcome: string | null;
  outcomeNote: string | null;
  terminatedOn: IsoDate | null;
  terminationReason: string | null;
  labourMarket: { education: string; pupRegistration: string; unemploymentReason: string; profile: string } | null;
}

export interface PlanView {
  id: string;
  version: number;
  number: number;
  type: 'standard' | 'coordinated';
  coordinator: string;
  areas: PlanArea[];
  diagnosis: string;
  shortTermGoals: string;
  longTermGoals: string;
  review: string;
  status: PlanStatus;
  signedOn: IsoDate | null;
  assistantName: string;
  /** The kierownik's approval (where the office requires it); null: not approved. */
  approvedOn: IsoDate | null;
  approvedByName: string | null;
  /** Why the kierownik returned the plan (a draft again); null once it is signed anew. */
  returnedReason: string | null;
}

export interface VisitView {
  id: string;
  visitedOn: IsoDate;
  place: string;
  participants: string;
  topics: string;
  agreed: string;
  authorName: string;
}

export interface AssessmentView {
  id: string;
  assessedOn: IsoDate;
  periodFrom: IsoDate;
  periodTo: IsoDate;
  /** achievement null: recorded before the degree was asked for. */
  progress: { area: string; goal: string; achievement: GoalAchievement | null; progress: string }[];
  changes: string;
  cooperation: string;
  childrenSituation: string;
  recommendation: Recommendation;
  conclusions: string;
  handoverStatus: HandoverStatus;
  handedOn: IsoDate | null;
  handedByName: string | null;
  receivedOn: IsoDate | null;
  receivedByName: string | null;
  authorName: string;
}

export interface FamilyWorkView {
  contracts: ContractView[];
  plans: PlanView[];
  visits: VisitView[];
  /** Visits planned ahead and not yet recorded, soonest first. */
  plannedVisits: PlannedVisitView[];
  assessments: AssessmentView[];
  /** The next okresowa ocena: 6 months after the last one, or after the assignment. */
  nextAssessmentDue: IsoDate | null;
  monitoringUntil: IsoDate | null;
  closureReason: string | null;
  /** The assistant's justification of the proposed end of the work (shown to the kierownik). */
  closureNote: string | null;
  closureProposedOn: IsoDate | null;
  /** Set when the assistant recorded the end of the monitoring; the kierownik then closes the case. */
  monitoringEndedOn: IsoDate | null;
}
