/**
 * Where each tray item is done: one click from the tray. The request for an assistant is decided
 * in the kierownik's queue; a wywiad (first or update) is started and continued on the case file's
 * "Wywiady" tab; kontrakt actions, plan tasks and oceny open their tabs of the case file;
 * the rest (monitoring, court) the case file itself.
 */
import { daysBetween, type IsoDate } from '../../../shared/domain/dates';
import type { DeadlineKind } from '../../../shared/domain/deadlines';
import { count } from '../../../shared/text';
import type { TrayItem } from '../../../shared/tray';
import type { Route } from '../layout/navigation';

export function trayItemRoute(item: Pick<TrayItem, 'kind' | 'caseId'>): Route {
  switch (item.kind) {
    case 'assignment_decision':
      return { view: 'requests' };
    case 'interview':
    case 'interview_update':
      return { view: 'case', caseId: item.caseId, tab: 'interviews' };
    case 'contract_action':
      return { view: 'case', caseId: item.caseId, tab: 'contract' };
    case 'plan_task':
    case 'plan_approval':
      return { view: 'case', caseId: item.caseId, tab: 'plan' };
    case 'assessment':
    case 'assessment_receipt':
      return { view: 'case', caseId: item.caseId, tab: 'assessments' };
    case 'returned_request':
      return { view: 'analysis', caseId: item.caseId };
    case 'planned_visit':
      return { view: 'case', caseId: item.caseId, tab: 'visits' };
    case 'opinion_approval':
      return { view: 'case', caseId: item.caseId, tab: 'court' };
    default:
      return { view: 'case', caseId: item.caseId };
  }
}

/** What the click does, for the item's accessible name and its tooltip. */
export const TRAY_ACTIONS: Record<DeadlineKind, string> = {
  interview: 'przeprowadź wywiad',
  interview_update: 'zaktualizuj wywiad',
  contract_action: 'sprawdź kontrakt socjalny',
  plan_task: 'sprawdź plan pracy z rodziną',
  assessment: 'sporządź okresową ocenę',
  court: 'przygotuj opinię dla sądu',
  assignment_decision: 'zdecyduj o przydziale asystenta',
  monitoring_end: 'zakończ monitoring',
  returned_request: 'popraw analizę i złóż wniosek ponownie',
  opinion_approval: 'zatwierdź albo zwróć opinię',
  closure_decision: 'zdecyduj o zakończeniu pracy z rodziną',
  planned_visit: 'odbądź wizytę i zapisz ją w dzienniku',
  plan_approval: 'zatwierdź albo zwróć plan',
  assessment_receipt: 'przyjmij okresową ocenę',
};

/** "dziś", "jutro", "za 5 dni", "1 dzień po terminie" — counted from the office's today. */
export function dueInWords(due: IsoDate, today: IsoDate): string {
  const days = daysBetween(today, due);
  if (days === 0) return 'dziś';
  if (days === 1) return 'jutro';
  if (days > 1) return `za ${count(days, 'dzień', 'dni', 'dni')}`;
  return `${count(-days, 'dzień', 'dni', 'dni')} po terminie`;
}
