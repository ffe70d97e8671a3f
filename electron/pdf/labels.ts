/** Polish labels of the enumerations printed on documents. */
import type {
  ActionStatus,
  AssessmentRecommendation,
  GoalProgress,
  SocialContractParty,
  TaskStatus,
  WorkPlanKind,
} from './models';

export const CONTRACT_PARTY: Record<SocialContractParty, string> = {
  client: 'Klient',
  'social-worker': 'Pracownik socjalny',
};

export const ACTION_STATUS: Record<ActionStatus, string> = {
  done: 'zrealizowane',
  'partly-done': 'zrealizowane częściowo',
  'not-done': 'niezrealizowane',
};

// Short words: the status column of the plan is narrow.
export const TASK_STATUS: Record<TaskStatus, string> = {
  planned: 'zaplanowane',
  'in-progress': 'w toku',
  done: 'wykonane',
  'not-done': 'niewykonane',
  cancelled: 'odstąpiono',
};

export const WORK_PLAN_KIND: Record<WorkPlanKind, string> = {
  standard: 'plan pracy z rodziną (art. 15 ust. 1 pkt 1)',
  coordinated:
    'plan pracy z rodziną skoordynowany z planem pomocy dziecku umieszczonemu w pieczy zastępczej (art. 15 ust. 1 pkt 2)',
};

export const GOAL_PROGRESS: Record<GoalProgress, string> = {
  achieved: 'osiągnięty',
  'partly-achieved': 'osiągnięty częściowo',
  'in-progress': 'w trakcie realizacji',
  'not-achieved': 'nieosiągnięty',
};

export const RECOMMENDATION: Record<AssessmentRecommendation, string> = {
  continue: 'kontynuowanie pracy z rodziną według obecnego planu',
  'change-plan': 'kontynuowanie pracy z rodziną ze zmianą planu pracy',
  'end-work': 'zakończenie pracy z rodziną',
};

/** Printed for a deadline that is not a date. */
export const CONTINUOUS = 'na bieżąco';
