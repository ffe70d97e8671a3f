/**
 * Navigation without a router: the current screen is a typed value held by App (so it survives
 * a lock and unlock). A screen that needs a parameter adds a variant with it, e.g.
 * `{ view: 'case'; caseId: string }`, and a case in `renderRoute` (routes.tsx).
 */
import { createContext, useContext } from 'react';

/** The tabs of a case file (features/case-file): a route may open one directly. */
export type CaseTab = 'family' | 'report' | 'interviews' | 'analysis' | 'requests' | 'contract' | 'plan' | 'visits' | 'assessments' | 'documents' | 'court' | 'chronology' | 'changes';

export type Route =
  | { view: 'home' }
  /** The user's week, day by day (issue 15, item 11). */
  | { view: 'calendar' }
  | { view: 'users' }
  | { view: 'audit' }
  | { view: 'settings' }
  | { view: 'account' }
  | { view: 'cases' }
  | { view: 'intake' }
  | { view: 'case'; caseId: string; tab?: CaseTab }
  | { view: 'interview'; caseId: string; interviewId: string }
  | { view: 'analysis'; caseId: string }
  | { view: 'plan'; caseId: string; planId: string }
  /** contractId null: a new kontrakt socjalny. */
  | { view: 'contract'; caseId: string; contractId: string | null }
  | { view: 'requests' }
  | { view: 'stats' }
  | { view: 'backup' }
  /** Court letters of the cases the user may open (issue 7); one opinion for a court. */
  | { view: 'court' }
  | { view: 'opinion'; caseId: string; requestId: string }
  /** Food-aid (FEPŻ) and social-shop referrals (issue 19). */
  | { view: 'referrals' };

export type ViewName = Route['view'];

export const HOME: Route = { view: 'home' };

/** Identifies one screen with its parameters: a change remounts the screen (fresh state, autosave on leaving). */
export function routeKey(route: Route): string {
  switch (route.view) {
    case 'case':
      return `case:${route.caseId}`;
    case 'interview':
      return `interview:${route.interviewId}`;
    case 'analysis':
      return `analysis:${route.caseId}`;
    case 'plan':
      return `plan:${route.planId}`;
    case 'contract':
      return `contract:${route.contractId ?? `new-${route.caseId}`}`;
    case 'opinion':
      return `opinion:${route.requestId}`;
    default:
      return route.view;
  }
}

export interface Navigation {
  route: Route;
  navigate: (route: Route) => void;
}

export const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation() outside NavigationContext');
  return navigation;
}
