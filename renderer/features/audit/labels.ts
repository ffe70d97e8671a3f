/**
 * Polish names for what the audit trail records. One table, so that a new action code gets its
 * label here; a code without one is shown as it is (nothing is hidden from the head).
 */
import { ART7_REASON_LABELS, CASE_ACTION_LABELS, CASE_STATUS_LABELS, REFERRAL_TARGET_LABELS } from '../../../shared/domain/caseFlow';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/domain/roles';
import { EVENT_KIND_LABELS, REPORT_SOURCE_LABELS } from '../../../shared/cases';
import { formatDate, formatDateTime } from '../../lib/format';

export const ACTION_LABELS: Record<string, string> = {
  'session.login': 'Logowanie',
  'session.login_failed': 'Nieudane logowanie',
  'session.lock': 'Blokada',
  'session.unlock': 'Odblokowanie',
  'session.logout': 'Wylogowanie',
  'session.unlock_failed': 'Nieudane odblokowanie',
  'session.recover': 'Odzyskanie dostępu kodem',
  'session.recover_failed': 'Nieudana próba odzyskania dostępu',
  'user.create': 'Dodanie użytkownika',
  'user.update': 'Zmiana użytkownika',
  'user.password_reset': 'Nowe hasło użytkownika',
  'user.password_change': 'Zmiana hasła',
  'office.create': 'Utworzenie ośrodka',
  'office.update': 'Zmiana danych ośrodka',
  'settings.update': 'Zmiana ustawień',
  'access.denied': 'Odmowa dostępu',
  'audit.export': 'Eksport dziennika',
  'audit.verify': 'Sprawdzenie dziennika',
  'case.create': 'Przyjęcie zgłoszenia',
  'case.open': 'Otwarcie teczki sprawy',
  'case.transition': 'Zmiana stanu sprawy',
  'case.close': 'Zamknięcie sprawy',
  'person.duplicate_check': 'Sprawdzenie, czy osoba jest w bazie',
  'interview.create': 'Rozpoczęcie wywiadu',
  'interview.open': 'Otwarcie wywiadu',
  'interview.update': 'Zapis wywiadu',
  'interview.complete': 'Zakończenie wywiadu',
  'analysis.create': 'Zapis analizy sytuacji rodziny',
  'analysis.update': 'Zmiana analizy sytuacji rodziny',
  'request.create': 'Wniosek o asystenta rodziny',
  'request.decide': 'Decyzja w sprawie wniosku',
  'assignment.create': 'Przydział asystenta rodziny',
  'case_event.create': 'Wpis w chronologii',
  'case_event.update': 'Zmiana wpisu w chronologii',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export const ENTITY_LABELS: Record<string, string> = {
  user: 'Użytkownik',
  office: 'Ośrodek',
  settings: 'Ustawienia',
  audit: 'Dziennik',
  session: 'Sesja',
  case: 'Sprawa',
  interview: 'Wywiad',
  analysis: 'Analiza',
  request: 'Wniosek o asystenta',
  assignment: 'Przydział asystenta',
  case_event: 'Wpis w chronologii',
  person: 'Osoba',
};

export function entityLabel(entityType: string): string {
  return ENTITY_LABELS[entityType] ?? entityType;
}

/** Field names that appear in `details` (before/after of a change). */
export const FIELD_LABELS: Record<string, string> = {
  firstName: 'Imię',
  lastName: 'Nazwisko',
  login: 'Login',
  roles: 'Role',
  active: 'Aktywny',
  name: 'Nazwa',
  street: 'Ulica i numer',
  postalCode: 'Kod pocztowy',
  city: 'Miejscowość',
  gmina: 'Gmina',
  idleLockMinutes: 'Blokada po bezczynności (min)',
  caseloadLimit: 'Limit rodzin na asystenta',
  interviewWorkingDays: 'Termin wywiadu (dni robocze)',
  urgentInterviewWorkingDays: 'Termin wywiadu pilnego (dni robocze)',
  caseNumberPrefix: 'Prefiks numeru sprawy',
  reason: 'Powód',
  channel: 'Kanał',
  permission: 'Uprawnienie',
  count: 'Liczba',
  checked: 'Sprawdzono wpisów',
  ok: 'Wynik',
  firstBrokenId: 'Pierwszy błędny wpis',
  filter: 'Filtr',
  rows: 'Wierszy',
  failures: 'Nieudanych prób z rzędu',
  at: 'Czas',
  from: 'Skąd',
  limit: 'Limit',
  actorId: 'Użytkownik',
  action: 'Rodzaj zdarzenia',
  note: 'Uwaga',
  number: 'Numer sprawy',
  source: 'Źródło informacji',
  urgent: 'Pilna',
  interviewDue: 'Termin wywiadu',
  members: 'Liczba osób',
  version: 'Wersja',
  changedSegments: 'Zmienione części',
  conductedOn: 'Data wywiadu',
  late: 'Po terminie',
  reasons: 'Przesłanki (art. 7 u.p.s.)',
  consentOn: 'Zgoda rodziny',
  kind: 'Rodzaj',
  assistantId: 'Asystent rodziny',
  caseloadBefore: 'Rodzin przed przydziałem',
  significant: 'Istotne dla opinii sądowej',
  matches: 'Znalezione osoby',
  byPesel: 'Według numeru PESEL',
  target: 'Komu przekazano',
  organisation: 'Podmiot',
  to: 'Dokąd',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/** Codes that appear as values (e.g. why a session was locked). */
export const VALUE_LABELS: Record<string, string> = {
  idle: 'bezczynność',
  manual: 'na żądanie użytkownika',
  wrong_password: 'błędne hasło',
  unknown_user: 'nieznany login',
  inactive: 'konto nieaktywne',
  rate_limited: 'zbyt wiele prób',
  app_closed: 'zamknięcie programu',
  lock_screen: 'z ekranu blokady',
  ...CASE_STATUS_LABELS,
  ...CASE_ACTION_LABELS,
  ...ART7_REASON_LABELS,
  ...REFERRAL_TARGET_LABELS,
  // Kinds of the kierownik's decision on a request ('refer' reads better as a noun here).
  assign: 'przydział asystenta',
  refer: 'przekazanie sprawy',
  return: 'zwrot do pracownika socjalnego',
};

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Codes whose meaning depends on the field ('family' is a source of a report, not a kind of household). */
const FIELD_VALUE_LABELS: Record<string, Record<string, string>> = {
  source: REPORT_SOURCE_LABELS,
  kind: { ...EVENT_KIND_LABELS, full: 'wywiad pełny', update: 'aktualizacja' },
};

/** A value from `details` under its field's name, as a short Polish text. */
export function formatFieldValue(field: string, value: unknown): string {
  const labels = FIELD_VALUE_LABELS[field];
  if (labels && typeof value === 'string' && value in labels) return labels[value] ?? value;
  return formatValue(value);
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A value from `details` as a short Polish text. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'tak' : 'nie';
  if (isRole(value)) return ROLE_LABELS[value];
  if (typeof value === 'string' && value in VALUE_LABELS) return VALUE_LABELS[value] ?? value;
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(formatValue).join(', ');
  if (typeof value === 'string' && ISO_DATE_TIME.test(value)) return formatDateTime(value);
  if (typeof value === 'string' && ISO_DATE.test(value)) return formatDate(value);
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '—';
    return entries.map(([key, inner]) => `${fieldLabel(key)}: ${formatValue(inner)}`).join('; ');
  }
  return String(value);
}
