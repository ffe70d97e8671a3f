import { z } from 'zod';
import { channels } from '../../../../shared/ipc';
import { newUserSchema, passwordSchema } from '../../../../shared/schemas';
import { PASSWORDS_DIFFER, passwordRepeatSchema } from '../../../lib/passwords';

export const createUserFormSchema = newUserSchema
  .extend({ passwordRepeat: passwordRepeatSchema })
  .refine((value) => value.password === value.passwordRepeat, {
    path: ['passwordRepeat'],
    error: PASSWORDS_DIFFER,
  });
export type CreateUserFormInput = z.input<typeof createUserFormSchema>;
export type CreateUserFormOutput = z.output<typeof createUserFormSchema>;
export const CREATE_USER_FIELDS = ['firstName', 'lastName', 'login', 'roles', 'password', 'passwordRepeat'] as const;

export const updateUserFormSchema = channels['users:update'].input;
export type UpdateUserFormInput = z.input<typeof updateUserFormSchema>;
export type UpdateUserFormOutput = z.output<typeof updateUserFormSchema>;
export const UPDATE_USER_FIELDS = ['firstName', 'lastName', 'roles', 'active', 'officePhone'] as const;

export const resetPasswordFormSchema = z
  .object({ newPassword: passwordSchema, newPasswordRepeat: passwordRepeatSchema })
  .refine((value) => value.newPassword === value.newPasswordRepeat, {
    path: ['newPasswordRepeat'],
    error: PASSWORDS_DIFFER,
  });
export type ResetPasswordFormInput = z.input<typeof resetPasswordFormSchema>;
export type ResetPasswordFormOutput = z.output<typeof resetPasswordFormSchema>;
