/**
 * Navigation without a router: the current screen is a typed value held by App (so it survives
 * a lock and unlock). A screen that needs a parameter adds a variant with it, e.g.
 * `{ view: 'case'; caseId: string }`, and a case in `renderRoute` (routes.tsx).
 */
import { createContext, useContext } from 'react';

export type Route =
  | { view: 'home' }
  | { view: 'users' }
  | { view: 'audit' }
  | { view: 'settings' }
  | { view: 'account' };

export type ViewName = Route['view'];

export const HOME: Route = { view: 'home' };

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
