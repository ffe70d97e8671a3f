import type { z } from 'zod';
import { setupSchema } from '../../../shared/schemas';
import { PASSWORDS_DIFFER, passwordRepeatSchema } from '../../lib/passwords';

/** `setup:create`'s input plus the repeated password, compared here and dropped before the call. */
export const setupFormSchema = setupSchema
  .extend({ head: setupSchema.shape.head.extend({ passwordRepeat: passwordRepeatSchema }) })
  .refine((value) => value.head.password === value.head.passwordRepeat, {
    path: ['head', 'passwordRepeat'],
    error: PASSWORDS_DIFFER,
  });

export type SetupFormInput = z.input<typeof setupFormSchema>;
export type SetupFormOutput = z.output<typeof setupFormSchema>;

export const SETUP_FIELDS = [
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
  office: { name: '', street: '', postalCode: '', city: '', gmina: '' },
  head: { firstName: '', lastName: '', login: '', password: '', passwordRepeat: '' },
};
