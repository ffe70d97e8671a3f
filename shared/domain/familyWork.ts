/**
 * Working with the family after the assignment (issue 5): the life cycles of the kontrakt socjalny
 * (art. 108 u.p.s.; template Dz.U. 2010 nr 218 poz. 1439) and of the plan pracy z rodziną
 * (art. 15 ust. 1 pkt 1–2 and ust. 3 u.w.r.), and the checks their contents must pass.
 * Pure: the main process enforces these, the forms show the same messages.
 */
import { compare, isWithin, type IsoDate } from './dates';

// ---- kontrakt socjalny -------------------------------------------------------------------

export const CONTRACT_STATUSES = ['draft', 'signed', 'in_progress', 'assessed', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  draft: 'Projekt',
  signed: 'Podpisany',
  in_progress: 'W realizacji',
  assessed: 'Oceniony',
  terminated: 'Rozwiązany',
};

/** I A + II A: person or family in a difficult life situation; I B + II B: activation of a person. */
export const CONTRACT_VARIANTS = ['A', 'B'] as const;
export type ContractVariant = (typeof CONTRACT_VARIANTS)[number];
export const CONTRACT_VARIANT_LABELS: Record<ContractVariant, string> = {
  A: 'Wzór I A / II A — osoba lub rodzina w trudnej sytuacji życiowej',
  B: 'Wzór I B / II B — aktywizacja osoby, przeciwdziałanie wykluczeniu społecznemu',
};

export const CONTRACT_OUTCOMES = ['met', 'partly_met', 'not_met'] as const;
export type ContractOutcome = (typeof CONTRACT_OUTCOMES)[number];
export const CONTRACT_OUTCOME_LABELS: Record<ContractOutcome, string> = {
  met: 'Cele osiągnięte',
  partly_met: 'Cele osiągnięte częściowo',
  not_met: 'Cele nieosiągnięte',
};

export type ContractEvent = 'sign' | 'start' | 'assess' | 'terminate';

const CONTRACT_FLOW: Record<ContractEvent, { from: readonly ContractStatus[]; to: ContractStatus; verb: string }> = {
  sign: { from: ['draft'], to: 'signed', verb: 'podpisać kontraktu' },
  start: { from: ['signed'], to: 'in_progress', verb: 'rozpocząć realizacji kontraktu' },
  assess: { from: ['signed', 'in_progress'], to: 'assessed', verb: 'ocenić kontraktu' },
  terminate: { from: ['signed', 'in_progress'], to: 'terminated', verb: 'rozwiązać kontraktu' },
};

export function contractTransition(status: ContractStatus, event: ContractEvent): { ok: true; to: ContractStatus } | { ok: false; message: string } {
  const step = CONTRACT_FLOW[event];
  if (!step.from.includes(status)) {
    return { ok: false, message: `Nie można ${step.verb}, gdy ma stan „${CONTRACT_STATUS_LABELS[status]}”.` };
  }
  return { ok: true, to: step.to };
}

export interface ContractActionDraft {
  party: 'client' | 'worker';
  description: string;
  deadline: IsoDate;
}

/** Problems a contract must not have when it is signed (Polish; empty when fine). */
export function contractProblems(contract: {
  periodFrom: IsoDate;
  periodTo: IsoDate;
  mainGoal: string;
  actions: readonly ContractActionDraft[];
}): string[] {
  const problems: string[] = [];
  if (compare(contract.periodFrom, contract.periodTo) > 0) problems.push('Okres obowiązywania kontraktu kończy się przed jego początkiem.');
  if (!contract.mainGoal.trim()) problems.push('Podaj cel główny kontraktu.');
  if (contract.actions.length === 0) problems.push('Kontrakt musi zawierać co najmniej jedno działanie.');
  contract.actions.forEach((action, i) => {
    if (!isWithin(action.deadline, contract.periodFrom, contract.periodTo)) {
      problems.push(`Termin działania ${i + 1} („${action.description.slice(0, 40)}”) wykracza poza okres obowiązywania kontraktu.`);
    }
  });
  return problems;
}

// ---- plan pracy z rodziną ----------------------------------------------------------------

/**
 * A plan is a draft until the family and the assistant sign it. Where the office has the kierownik
 * approve plans (the setting planApprovalRequired: office practice, no statute requires it), a
 * signed plan waits "do zatwierdzenia" until the kierownik approves it (then it is in force) or
 * returns it with a reason (a draft again, to be changed and signed anew).
 */
export const PLAN_STATUSES = ['draft', 'awaiting_approval', 'signed', 'superseded'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  draft: 'Projekt',
  awaiting_approval: 'Do zatwierdzenia',
  signed: 'Podpisany',
  superseded: 'Zastąpiony nowszą wersją',
};

export const TASK_STATUSES = ['planned', 'in_progress', 'done', 'not_done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = { planned: 'Zaplanowane', in_progress: 'W toku', done: 'Wykonane', not_done: 'Niewykonane' };

export interface PlanTask {
  description: string;
  responsible: string;
  deadline: IsoDate;
  expectedEffect: string;
  resources: string;
  status: TaskStatus;
}

export interface PlanGoal {
  name: string;
  tasks: PlanTask[];
}

export interface PlanArea {
  name: string;
  goals: PlanGoal[];
}

/** Problems a plan must not have when it is signed (art. 15 ust. 3: actions, deadlines, expected effects). */
export function planProblems(plan: { areas: readonly PlanArea[]; type: 'standard' | 'coordinated'; coordinator: string }, signedOn: IsoDate): string[] {
  const problems: string[] = [];
  if (plan.areas.length === 0) problems.push('Plan musi obejmować co najmniej jeden obszar.');
  if (plan.type === 'coordinated' && !plan.coordinator.trim()) {
    problems.push('Plan skoordynowany z planem pomocy dziecku wymaga wskazania koordynatora rodzinnej pieczy zastępczej.');
  }
  for (const area of plan.areas) {
    if (area.goals.length === 0) problems.push(`Obszar „${area.name}” nie ma żadnego celu.`);
    for (const goal of area.goals) {
      if (goal.tasks.length === 0) problems.push(`Cel „${goal.name}” nie ma żadnego zadania.`);
      for (const task of goal.tasks) {
        if (!task.expectedEffect.trim()) problems.push(`Zadanie „${task.description.slice(0, 40)}” nie ma spodziewanego efektu.`);
        if (compare(task.deadline, signedOn) < 0) problems.push(`Termin zadania „${task.description.slice(0, 40)}” jest wcześniejszy niż data podpisania planu.`);
      }
    }
  }
  return problems;
}

export function planTasks(areas: readonly PlanArea[]): { area: string; goal: string; task: PlanTask }[] {
  return areas.flatMap((area) => area.goals.flatMap((goal) => goal.tasks.map((task) => ({ area: area.name, goal: goal.name, task }))));
}

// ---- okresowa ocena ------------------------------------------------------------------------

/** How far a goal of the plan has come, recorded for each goal in an okresowa ocena. */
export const GOAL_ACHIEVEMENTS = ['achieved', 'partly_achieved', 'in_progress', 'not_achieved'] as const;
export type GoalAchievement = (typeof GOAL_ACHIEVEMENTS)[number];
export const GOAL_ACHIEVEMENT_LABELS: Record<GoalAchievement, string> = {
  achieved: 'Osiągnięty',
  partly_achieved: 'Osiągnięty częściowo',
  in_progress: 'W trakcie realizacji',
  not_achieved: 'Nieosiągnięty',
};

/**
 * The assessment's way to the kierownik (art. 15 ust. 1 pkt 15 u.w.r.: the assistant assesses and
 * the kierownik is informed): recorded by the assistant, handed over on a day she gives, received by
 * the kierownik. Each step is one audited act; none is undone.
 */
export const HANDOVER_STATUSES = ['recorded', 'handed_over', 'received'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];
export const HANDOVER_STATUS_LABELS: Record<HandoverStatus, string> = {
  recorded: 'Nieprzekazana kierownikowi',
  handed_over: 'Przekazana kierownikowi',
  received: 'Przyjęta przez kierownika',
};

export const RECOMMENDATIONS = ['continue', 'change_plan', 'end_work'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  continue: 'Kontynuować pracę z rodziną według planu',
  change_plan: 'Zmienić plan pracy z rodziną',
  end_work: 'Zakończyć pracę z rodziną',
};
