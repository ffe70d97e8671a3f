/**
 * The screens of the signed-in app: what the navbar lists (filtered by the user's roles) and
 * what each route renders. A new feature adds its route here and its folder under features/.
 */
import type { ReactNode } from 'react';
import { can, type Permission, type Role } from '../../../shared/domain/roles';
import { AccountPage } from '../account/AccountPage';
import { SettingsPage } from '../admin/settings/SettingsPage';
import { UsersPage } from '../admin/users/UsersPage';
import { AuditPage } from '../audit/AuditPage';
import { HomePage } from '../home/HomePage';
import type { Route, ViewName } from './navigation';

/**
 * What a screen requires (`null`: any signed-in user). Every view must be listed, so a new screen
 * cannot be added without deciding who sees it. The main process checks each call again.
 */
export const VIEW_PERMISSIONS: Record<ViewName, Permission | null> = {
  home: null,
  users: 'users.manage',
  audit: 'audit.view',
  settings: 'settings.manage',
  account: 'account.self',
};

export interface NavItem {
  route: Route;
  label: string;
  group: 'work' | 'office' | 'personal';
}

export const NAV_ITEMS: readonly NavItem[] = [
  { route: { view: 'home' }, label: 'Pulpit', group: 'work' },
  { route: { view: 'users' }, label: 'Użytkownicy', group: 'office' },
  { route: { view: 'audit' }, label: 'Dziennik zdarzeń', group: 'office' },
  { route: { view: 'settings' }, label: 'Ustawienia', group: 'office' },
  { route: { view: 'account' }, label: 'Moje konto', group: 'personal' },
];

export const NAV_GROUP_LABELS: Record<NavItem['group'], string | null> = {
  work: null,
  office: 'Ośrodek',
  personal: null,
};

export function canOpen(roles: readonly Role[], view: ViewName): boolean {
  const permission = VIEW_PERMISSIONS[view];
  return permission === null || can(roles, permission);
}

export function renderRoute(route: Route): ReactNode {
  switch (route.view) {
    case 'home':
      return <HomePage />;
    case 'users':
      return <UsersPage />;
    case 'audit':
      return <AuditPage />;
    case 'settings':
      return <SettingsPage />;
    case 'account':
      return <AccountPage />;
  }
}
