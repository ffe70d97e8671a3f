/**
 * The screens of the signed-in app: what the navbar lists (filtered by the user's roles) and
 * what each route renders. A new feature adds its route here and its folder under features/.
 */
import type { ReactNode } from 'react';
import { can, type Permission, type Role } from '../../../shared/domain/roles';
import { AccountPage } from '../account/AccountPage';
import { SettingsPage } from '../admin/settings/SettingsPage';
import { UsersPage } from '../admin/users/UsersPage';
import { AnalysisPage } from '../analysis/AnalysisPage';
import { RequestQueuePage } from '../assignment/RequestQueuePage';
import { AuditPage } from '../audit/AuditPage';
import { CaseFilePage } from '../case-file/CaseFilePage';
import { CasesPage } from '../cases/CasesPage';
import { BackupPage } from '../backup/BackupPage';
import { StatsPage } from '../stats/StatsPage';
import { TrayPage } from '../tray/TrayPage';
import { CalendarWeekPage } from '../tray/CalendarWeekPage';
import { IntakePage } from '../intake/IntakePage';
import { InterviewPage } from '../interview/InterviewPage';
import { ContractPage } from '../family-work/ContractPage';
import { PlanPage } from '../family-work/PlanPage';
import { CourtListPage } from '../court/CourtListPage';
import { OpinionPage } from '../court/OpinionPage';
import { ReferralsPage } from '../referrals/ReferralsPage';
import type { Route, ViewName } from './navigation';

/**
 * What a screen requires (`null`: any signed-in user). Every view must be listed, so a new screen
 * cannot be added without deciding who sees it. The main process checks each call again (and
 * decides per record which cases a user may open).
 */
export const VIEW_PERMISSIONS: Record<ViewName, Permission | null> = {
  home: null,
  calendar: 'cases.view',
  users: 'users.manage',
  audit: 'audit.view',
  settings: 'settings.manage',
  account: 'account.self',
  cases: 'cases.view',
  intake: 'cases.create',
  case: 'cases.view',
  interview: 'cases.view',
  analysis: 'cases.view',
  plan: 'cases.view',
  contract: 'contracts.manage',
  requests: 'requests.decide',
  stats: 'stats.view',
  backup: 'backup.run',
  court: 'cases.view',
  opinion: 'cases.view',
  referrals: 'referrals.view',
};

/** A number shown beside a navbar item (e.g. requests waiting for a decision). */
export type NavCounter = 'pendingRequests';

export interface NavItem {
  route: Route;
  label: string;
  group: 'work' | 'office' | 'personal';
  counter?: NavCounter;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { route: { view: 'home' }, label: 'Pulpit', group: 'work' },
  { route: { view: 'calendar' }, label: 'Kalendarz', group: 'work' },
  { route: { view: 'cases' }, label: 'Sprawy', group: 'work' },
  { route: { view: 'intake' }, label: 'Nowe zgłoszenie', group: 'work' },
  { route: { view: 'requests' }, label: 'Wnioski o asystenta', group: 'work', counter: 'pendingRequests' },
  { route: { view: 'court' }, label: 'Sądy', group: 'work' },
  { route: { view: 'referrals' }, label: 'Skierowania', group: 'work' },
  { route: { view: 'users' }, label: 'Użytkownicy', group: 'office' },
  { route: { view: 'stats' }, label: 'Statystyki', group: 'office' },
  { route: { view: 'backup' }, label: 'Kopie zapasowe', group: 'office' },
  { route: { view: 'audit' }, label: 'Dziennik zdarzeń', group: 'office' },
  { route: { view: 'settings' }, label: 'Ustawienia', group: 'office' },
  { route: { view: 'account' }, label: 'Moje konto', group: 'personal' },
];

export const NAV_GROUP_LABELS: Record<NavItem['group'], string | null> = {
  work: null,
  office: 'Ośrodek',
  personal: null,
};

/** Which navbar item is lit for a screen: the screens inside a case belong to "Sprawy". */
export function navSection(route: Route): ViewName {
  switch (route.view) {
    case 'case':
    case 'interview':
    case 'analysis':
    case 'plan':
    case 'contract':
    case 'opinion':
      return 'cases';
    default:
      return route.view;
  }
}

export function canOpen(roles: readonly Role[], view: ViewName): boolean {
  const permission = VIEW_PERMISSIONS[view];
  return permission === null || can(roles, permission);
}

export function renderRoute(route: Route): ReactNode {
  switch (route.view) {
    case 'home':
      return <TrayPage />;
    case 'calendar':
      return <CalendarWeekPage />;
    case 'users':
      return <UsersPage />;
    case 'audit':
      return <AuditPage />;
    case 'settings':
      return <SettingsPage />;
    case 'account':
      return <AccountPage />;
    case 'cases':
      return <CasesPage />;
    case 'intake':
      return <IntakePage />;
    case 'case':
      return <CaseFilePage caseId={route.caseId} tab={route.tab} />;
    case 'interview':
      return <InterviewPage caseId={route.caseId} interviewId={route.interviewId} />;
    case 'analysis':
      return <AnalysisPage caseId={route.caseId} />;
    case 'plan':
      return <PlanPage caseId={route.caseId} planId={route.planId} />;
    case 'contract':
      return <ContractPage caseId={route.caseId} contractId={route.contractId} />;
    case 'requests':
      return <RequestQueuePage />;
    case 'stats':
      return <StatsPage />;
    case 'backup':
      return <BackupPage />;
    case 'court':
      return <CourtListPage />;
    case 'opinion':
      return <OpinionPage caseId={route.caseId} requestId={route.requestId} />;
    case 'referrals':
      return <ReferralsPage />;
  }
}
