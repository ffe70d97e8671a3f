/**
 * Field schemas shared by the forms (react-hook-form) and the main process (ipc/).
 * Every string is bounded (issue 9: hostile input); messages are Polish.
 */
import { z } from 'zod';
import { ROLES } from './domain/roles';
import { STATUTORY_CASELOAD_CAP } from './domain/caseFlow';
import { PASSWORD_MAX_LENGTH, passwordStrength } from './password';
import { polishZodMessage } from './zod-polish';

// zod's own messages (for a field without one of ours, e.g. a malformed payload) in plain Polish,
// without type names ("oczekiwano string"): shared/zod-polish.ts.
z.config({ localeError: polishZodMessage });

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password';

export const text = (label: string, max = 200) =>
  z
    .string({ error: `${label}: pole jest wymagane.` })
    .trim()
    .min(1, { error: `${label}: pole jest wymagane.` })
    .max(max, { error: `${label}: najwyżej ${max} znaków.` });

/**
 * A person's name: at least one letter, and no control, format or zero-width characters (which
 * would make two names look alike or break a file name made of it).
 */
export const nameText = (label: string, max = 100) =>
  text(label, max)
    .refine((value) => /\p{L}/u.test(value), { error: `${label}: wpisz co najmniej jedną literę.` })
    .refine((value) => !/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(value), { error: `${label}: usuń niewidoczne znaki sterujące.` });

export const optionalText = (label: string, max = 2000) =>
  z.string().trim().max(max, { error: `${label}: najwyżej ${max} znaków.` });

export const loginSchema = z
  .string({ error: 'Login jest wymagany.' })
  .trim()
  .toLowerCase()
  .min(3, { error: 'Login musi mieć co najmniej 3 znaki.' })
  .max(32, { error: 'Login może mieć najwyżej 32 znaki.' })
  .regex(/^[a-z0-9._-]+$/, {
    error: 'Login może zawierać tylko małe litery bez polskich znaków, cyfry, kropkę, myślnik i podkreślenie.',
  });

/** A new password: long enough, and not easy to guess (shared/password.ts). */
export const passwordSchema = z
  .string({ error: 'Hasło jest wymagane.' })
  .max(PASSWORD_MAX_LENGTH, { error: `Hasło może mieć najwyżej ${PASSWORD_MAX_LENGTH} znaków.` })
  .superRefine((password, context) => {
    const { problem } = passwordStrength(password);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/** A password typed to log in: not checked for strength (the slot decides), only bounded. */
export const enteredPasswordSchema = z
  .string({ error: 'Hasło jest wymagane.' })
  .min(1, { error: 'Wpisz hasło.' })
  .max(PASSWORD_MAX_LENGTH, { error: `Hasło może mieć najwyżej ${PASSWORD_MAX_LENGTH} znaków.` });

/** The recovery code as printed: groups of base32 letters; spaces, dashes and case are ignored. */
export const recoveryCodeSchema = z
  .string({ error: 'Kod odzyskiwania jest wymagany.' })
  .max(100, { error: 'Kod odzyskiwania jest za długi.' })
  .transform((value) => value.toUpperCase().replace(/[\s-]/g, ''))
  .refine((value) => /^[A-Z2-7]{32}$/.test(value), {
    error: 'Kod odzyskiwania ma 32 znaki (litery A–Z i cyfry 2–7), zapisane w grupach po 4.',
  });

export const roleSchema = z.enum(ROLES, { error: 'Nieznana rola.' });
export const rolesSchema = z
  .array(roleSchema)
  .min(1, { error: 'Wybierz co najmniej jedną rolę.' })
  .max(ROLES.length)
  .refine((roles) => new Set(roles).size === roles.length, { error: 'Rola powtarza się.' });

export const idSchema = z.uuid({ error: 'Nieprawidłowy identyfikator.' });

/**
 * A record's version the user started from (optimistic locking), or a sequence number to page
 * from: a whole number within JavaScript's exact integers, stated so that every number of the
 * channel map has both bounds (test/unit/shared/ipc-bounds.test.ts).
 */
export const sequenceSchema = (min: 0 | 1 = 1) => z.number().int().min(min).max(Number.MAX_SAFE_INTEGER);

/** The entry limit of each bounded record, for the test that walks the channel map's schemas. */
export const recordLimits = z.registry<{ maxEntries: number }>();

/**
 * A record (an object keyed by data, such as the wywiad's fields by segment) with at most
 * `maxEntries` keys; the limit is registered where the bounds test can read it.
 */
export function boundedRecord<K extends z.core.$ZodRecordKey, V extends z.ZodType>(key: K, value: V, maxEntries: number, error: string) {
  const schema = z.record(key, value).refine((entries) => Object.keys(entries).length <= maxEntries, { error });
  recordLimits.add(schema, { maxEntries });
  return schema;
}

export const postalCodeSchema = z
  .string()
  .max(20, { error: 'Kod pocztowy ma postać 00-000.' })
  .trim()
  .regex(/^\d{2}-\d{3}$/, { error: 'Kod pocztowy ma postać 00-000.' });

/** A phone number as people write it: digits, with +, spaces, brackets, dashes; no letters. */
export const PHONE_PATTERN = /^\+?[\d\s()\-/]*$/;
export const phoneSchema = z
  .string()
  .trim()
  .max(30, { error: 'Telefon: najwyżej 30 znaków.' })
  .regex(PHONE_PATTERN, { error: 'Telefon: wpisz same cyfry (można dodać +, spacje, nawiasy i myślniki).' })
  .refine((value) => value === '' || (value.match(/\d/g) ?? []).length >= 7, { error: 'Telefon: za mało cyfr (co najmniej 7).' });

export const officeSchema = z.object({
  name: text('Nazwa ośrodka', 200),
  street: text('Ulica i numer', 200),
  postalCode: postalCodeSchema,
  city: text('Miejscowość', 100),
  gmina: text('Gmina', 100),
  /** The place in the documents' date line ("Bielice, dnia …"); empty: the city of the address. */
  place: optionalText('Miejscowość w dacie pism', 100).default(''),
});

export const personNameSchema = z.object({
  firstName: nameText('Imię'),
  lastName: nameText('Nazwisko'),
});

export const newUserSchema = personNameSchema.extend({
  login: loginSchema,
  password: passwordSchema,
  roles: rolesSchema,
});

export const setupSchema = z.object({
  office: officeSchema,
  head: personNameSchema.extend({ login: loginSchema, password: passwordSchema }),
});

/**
 * The pairing code as typed from the sheet printed by `npm run server -- init` (shared/pairing.ts
 * checks its content; here only its shape and length).
 */
export const pairingCodeSchema = z
  .string({ error: 'Kod parowania jest wymagany.' })
  .trim()
  .min(1, { error: 'Wpisz kod parowania.' })
  .max(200, { error: 'Kod parowania jest za długi — sprawdź, czy przepisano go bez pomyłki.' });

/** The one-time setup code of a new office on the server (printed once by `npm run server -- init`). */
export const setupCodeSchema = z
  .string({ error: 'Kod założenia biura jest wymagany.' })
  .trim()
  .min(1, { error: 'Wpisz kod założenia biura.' })
  .max(100, { error: 'Kod założenia biura jest za długi — sprawdź, czy przepisano go bez pomyłki.' });

/** This PC joins an office that already runs on the office server. */
export const joinServerSchema = z.object({ pairingCode: pairingCodeSchema });

/** A new office on the office server: the pairing code, the one-time setup code, the office and its kierownik. */
export const createOnServerSchema = setupSchema.extend({ pairingCode: pairingCodeSchema, setupCode: setupCodeSchema });

export const IDLE_LOCK_MIN_MINUTES = 1;
export const IDLE_LOCK_MAX_MINUTES = 120;

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}: podaj liczbę.` })
    .int({ error: `${label}: podaj liczbę całkowitą.` })
    .min(min, { error: `${label}: najmniej ${min}.` })
    .max(max, { error: `${label}: najwięcej ${max}.` });

/** A full path (POSIX, drive letter or UNC): a folder chosen in the main process, never a relative one. */
export function isAbsolutePath(value: string): boolean {
  return /^\//.test(value) || /^[A-Za-z]:[\\/]/.test(value) || /^\\\\[^\\]/.test(value);
}

export const absolutePathSchema = (label: string) =>
  z
    .string({ error: `${label}: podaj pełną ścieżkę.` })
    .max(1024, { error: `${label}: ścieżka jest za długa (najwyżej 1024 znaki).` })
    .trim()
    .min(1, { error: `${label}: podaj pełną ścieżkę.` })
    .refine(isAbsolutePath, { error: `${label}: podaj pełną ścieżkę (np. D:\\Kopie albo /media/kopie).` })
    .refine((value) => !value.includes('\0'), { error: `${label}: nieprawidłowa ścieżka.` });

/**
 * Office settings: only what the law leaves to the office. Statutory figures are constants with
 * their citation (the wywiad's 14 / 2 working days: shared/domain/deadlines.ts); the caseload
 * limit is the office's own, at most the statutory cap of art. 15 ust. 4 u.w.r.
 */
export const settingsSchema = z.object({
  idleLockMinutes: wholeNumber('Blokada po bezczynności (minuty)', IDLE_LOCK_MIN_MINUTES, IDLE_LOCK_MAX_MINUTES),
  caseloadLimit: z
    .number({ error: 'Limit rodzin na asystenta: podaj liczbę.' })
    .int({ error: 'Limit rodzin na asystenta: podaj liczbę całkowitą.' })
    .min(1, { error: 'Limit rodzin na asystenta: najmniej 1.' })
    .max(STATUTORY_CASELOAD_CAP, {
      error: `Limit rodzin na asystenta: najwięcej ${STATUTORY_CASELOAD_CAP} — tyle dopuszcza art. 15 ust. 4 ustawy o wspieraniu rodziny i systemie pieczy zastępczej. Ośrodek może ustalić niższy limit, nie wyższy.`,
    }),
  /** [U] The office's own term for the kierownik's decision on a request for an assistant (no statutory term). */
  decisionWorkingDays: wholeNumber('Termin decyzji kierownika w sprawie wniosku o asystenta (dni robocze)', 1, 30),
  /** [U] Months of monitoring after the work with the family ends (not set by law). */
  monitoringMonths: wholeNumber('Monitoring po zakończeniu pracy (miesiące)', 1, 36),
  /** The kierownik approves each signed plan pracy z rodziną before it is in force: office practice, not law (art. 15 u.w.r. has the assistant make the plan with the family). */
  planApprovalRequired: z.boolean({ error: 'Zatwierdzanie planów pracy przez kierownika: wybierz tak albo nie.' }),
  caseNumberPrefix: z
    .string()
    .trim()
    .min(1, { error: 'Prefiks numeru sprawy jest wymagany.' })
    .max(20, { error: 'Prefiks numeru sprawy: najwyżej 20 znaków.' })
    .regex(/^[A-Za-z0-9.\-/]+$/, { error: 'Prefiks numeru sprawy: litery bez polskich znaków, cyfry, kropka, myślnik, ukośnik.' }),
  /** Where backups go (issue 9); null until the kierownik chooses a folder. */
  backupDir: absolutePathSchema('Folder kopii zapasowych').nullable(),
  backupKeep: wholeNumber('Liczba przechowywanych kopii zapasowych', 1, 100),
  backupEveryHours: wholeNumber('Kopia zapasowa co (godziny)', 1, 24 * 30),
});

/** A change of some settings; the rest keep their values. */
export const settingsUpdateSchema = settingsSchema
  .partial()
  .refine((value) => Object.keys(value).length > 0, { error: 'Nie podano żadnego ustawienia do zmiany.' });
