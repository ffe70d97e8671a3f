/**
 * Field schemas shared by the forms (react-hook-form) and the main process (ipc/).
 * Every string is bounded (issue 9: hostile input); messages are Polish.
 */
import { z } from 'zod';
import { ROLES } from './domain/roles';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export const text = (label: string, max = 200) =>
  z
    .string({ error: `${label}: pole jest wymagane.` })
    .trim()
    .min(1, { error: `${label}: pole jest wymagane.` })
    .max(max, { error: `${label}: najwyżej ${max} znaków.` });

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

export const passwordSchema = z
  .string({ error: 'Hasło jest wymagane.' })
  .min(PASSWORD_MIN_LENGTH, { error: `Hasło musi mieć co najmniej ${PASSWORD_MIN_LENGTH} znaków.` })
  .max(PASSWORD_MAX_LENGTH, { error: `Hasło może mieć najwyżej ${PASSWORD_MAX_LENGTH} znaków.` });

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

export const postalCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{2}-\d{3}$/, { error: 'Kod pocztowy ma postać 00-000.' });

export const officeSchema = z.object({
  name: text('Nazwa ośrodka', 200),
  street: text('Ulica i numer', 200),
  postalCode: postalCodeSchema,
  city: text('Miejscowość', 100),
  gmina: text('Gmina', 100),
});

export const personNameSchema = z.object({
  firstName: text('Imię', 100),
  lastName: text('Nazwisko', 100),
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

export const IDLE_LOCK_MIN_MINUTES = 1;
export const IDLE_LOCK_MAX_MINUTES = 120;

export const settingsSchema = z.object({
  idleLockMinutes: z
    .number({ error: 'Podaj liczbę minut.' })
    .int({ error: 'Podaj pełną liczbę minut.' })
    .min(IDLE_LOCK_MIN_MINUTES, { error: `Najmniej ${IDLE_LOCK_MIN_MINUTES} minuta.` })
    .max(IDLE_LOCK_MAX_MINUTES, { error: `Najwięcej ${IDLE_LOCK_MAX_MINUTES} minut.` }),
});
