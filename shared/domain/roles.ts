/**
 * Roles and permissions: the one table a reader can audit.
 *
 * art. 100 u.p.s. and RODO art. 5(1)(c): each user sees and does only what her work needs.
 * The main process enforces this table for every channel (see shared/ipc.ts); the renderer
 * reads the same table only to decide which buttons to show.
 */
export const ROLES = ['head', 'social_worker', 'family_assistant'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  head: 'Kierownik',
  social_worker: 'Pracownik socjalny',
  family_assistant: 'Asystent rodziny',
};

const ALL: readonly Role[] = ROLES;

/** Office-wide permissions. Access to a single case is decided per record (see caseAccess). */
export const PERMISSIONS = {
  /** Add users, change their roles, deactivate them, reset their passwords. */
  'users.manage': ['head'],
  /** Read the office-wide audit trail and verify its hash chain. */
  'audit.view': ['head'],
  /** Change office settings (idle lock, caseload limit, criteria). */
  'settings.manage': ['head'],
  /** Read the office's own data (name, address) and the settings that shape the UI. */
  'office.view': ALL,
  /** Change one's own password. */
  'account.self': ALL,
  /** Record a report about a family (intake) and lead the case (art. 11 ust. 1 u.w.r.). */
  'cases.create': ['social_worker', 'head'],
  /** Open case files; which ones is decided per record by caseAccess below. */
  'cases.view': ALL,
  /** Office-wide person search, only to detect duplicates before creating a person. */
  'persons.checkDuplicates': ['social_worker', 'head'],
  /** Decide on requests for an assistant, see caseloads (art. 11 ust. 3 u.w.r.). */
  'requests.decide': ['head'],
  /** Kontrakt socjalny: the social worker concludes it (art. 108 u.p.s.). */
  'contracts.manage': ['social_worker', 'head'],
  /** Plan pracy, okresowa ocena, proposing the end of the work: the assistant (art. 15 u.w.r.). */
  'familyWork.write': ['family_assistant'],
  /** Approving plans (where the office has them approved) and receiving the assistants' assessments: the kierownik. */
  'familyWork.supervise': ['head'],
  /** Approving the end of the work, the monitoring, closing a case: the kierownik. */
  'cases.decideClosure': ['head'],
  /** Make a backup of the office's data (restoring needs no session: the backup's own password or the recovery code). */
  'backup.run': ['head'],
  /** Office-wide statistics and the reports the gmina sends (sprawozdanie, yearly report) and their export. */
  'stats.view': ['head'],
  /** Approving or returning an opinia o rodzinie for a court before it is issued (art. 15 ust. 1 pkt 17 u.w.r.). */
  'court.approve': ['head'],
  /** Qualify a household for food aid (FEPŻ) or the social shop and issue, cancel, export referrals (issue 19). */
  'referrals.issue': ['social_worker', 'head'],
  /** See the referral register: workers and the kierownik all of it, an assistant only her families' (referralAccess). */
  'referrals.view': ALL,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_LABELS: Record<Permission, string> = {
  'users.manage': 'zarządzania użytkownikami',
  'audit.view': 'przeglądania dziennika zdarzeń',
  'settings.manage': 'zmiany ustawień ośrodka',
  'office.view': 'przeglądania danych ośrodka',
  'account.self': 'zmiany własnego hasła',
  'cases.create': 'przyjmowania zgłoszeń',
  'cases.view': 'przeglądania spraw',
  'persons.checkDuplicates': 'wyszukiwania osób w ośrodku',
  'requests.decide': 'decydowania o przydziale asystenta rodziny',
  'contracts.manage': 'zawierania kontraktów socjalnych',
  'familyWork.write': 'prowadzenia planu pracy z rodziną',
  'familyWork.supervise': 'zatwierdzania planów pracy z rodziną i przyjmowania ocen okresowych',
  'cases.decideClosure': 'zatwierdzania zakończenia pracy z rodziną',
  'backup.run': 'wykonywania kopii zapasowych',
  'stats.view': 'przeglądania statystyk i sprawozdań ośrodka',
  'court.approve': 'zatwierdzania opinii o rodzinie dla sądu',
  'referrals.issue': 'wydawania skierowań na pomoc żywnościową i do sklepu socjalnego',
  'referrals.view': 'przeglądania skierowań',
};

/** True when any of the user's roles grants the permission. */
export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

/** The Polish refusal a user sees: "Nie masz uprawnień do …". */
export function refusalMessage(permission: Permission): string {
  return `Nie masz uprawnień do ${PERMISSION_LABELS[permission]}.`;
}

/**
 * Access to one case (art. 100 u.p.s.; art. 16 u.w.r.):
 * - kierownik: every case of the office;
 * - pracownik socjalny: the cases she leads;
 * - asystent rodziny: the families assigned to her while the assignment lasts (including the
 *   monitoring after the work, which she does), and then only the data art. 16 lets her use.
 */
export type CaseAccess = 'full' | 'assistant' | 'none';

export function caseAccess(user: { id: string; roles: readonly Role[] }, kase: { workerId: string; activeAssistantIds: readonly string[] }): CaseAccess {
  if (user.roles.includes('head')) return 'full';
  if (user.roles.includes('social_worker') && kase.workerId === user.id) return 'full';
  if (user.roles.includes('family_assistant') && kase.activeAssistantIds.includes(user.id)) return 'assistant';
  return 'none';
}
