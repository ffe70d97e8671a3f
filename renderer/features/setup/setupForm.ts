/**
 * The first run's one form, whatever the path (so that switching paths loses nothing typed):
 * - 'local' ("Ten komputer"): `setup:create`'s input plus the repeated password;
 * - 'join' ("Dołącz do serwera biura"): the pairing code only;
 * - 'create' ("Załóż ośrodek na serwerze"): the pairing code, the one-time setup code, the office and its kierownik.
 * The pairing code is checked on this PC (shape and checksum, shared/pairing.ts) before it is sent.
 */
import { z } from 'zod';
import { parsePairingCode } from '../../../shared/pairing';
import { pairingCodeSchema, setupCodeSchema, setupSchema } from '../../../shared/schemas';
import { PASSWORDS_DIFFER, passwordRepeatSchema } from '../../lib/passwords';

export type SetupPath = 'local' | 'join' | 'create';

const headWithRepeat = setupSchema.shape.head.extend({ passwordRepeat: passwordRepeatSchema });

/** The pairing code as typed, refused on this PC when its checksum does not hold. */
const checkedPairingCode = pairingCodeSchema.superRefine((code, context) => {
  // An empty code has its own message ("Wpisz kod parowania.").
  if (code === '') return;
  const parsed = parsePairingCode(code);
  if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.error.message });
});

const samePasswords = (value: { head: { password: string; passwordRepeat: string } }) => value.head.password === value.head.passwordRepeat;
const passwordsDiffer = { path: ['head', 'passwordRepeat'], error: PASSWORDS_DIFFER };

/** `setup:create`'s input plus the repeated password, compared here and dropped before the call. */
export const setupFormSchema = setupSchema.extend({ head: headWithRepeat }).refine(samePasswords, passwordsDiffer);

export const joinFormSchema = z.object({ pairingCode: checkedPairingCode });

export const createOnServerFormSchema = setupSchema
  .extend({ pairingCode: checkedPairingCode, setupCode: setupCodeSchema, head: headWithRepeat })
  .refine(samePasswords, passwordsDiffer);

export const SETUP_FORM_SCHEMAS = { local: setupFormSchema, join: joinFormSchema, create: createOnServerFormSchema } as const;

/** Every field of every path. */
export type SetupFormInput = z.input<typeof createOnServerFormSchema>;

export const SETUP_FIELDS = [
  'pairingCode',
  'setupCode',
  'office.name',
  'office.street',
  'office.postalCode',
  'office.city',
  'office.gmina',
  'head.firstName',
  'head.lastName',
  'head.login',
  'head.password',
  'head.passwordRepeat',
] as const;

export const emptySetupForm: SetupFormInput = {
  pairingCode: '',
  setupCode: '',
  office: { name: '', street: '', postalCode: '', city: '', gmina: '' },
  head: { firstName: '', lastName: '', login: '', password: '', passwordRepeat: '' },
};
