import type { z } from 'zod';
import { channels } from '../../../shared/ipc';
import { PASSWORDS_DIFFER, passwordRepeatSchema } from '../../lib/passwords';

export const loginFormSchema = channels['session:login'].input;
export type LoginFormInput = z.input<typeof loginFormSchema>;
export type LoginFormOutput = z.output<typeof loginFormSchema>;

export const recoverFormSchema = channels['session:recover'].input
  .extend({ newPasswordRepeat: passwordRepeatSchema })
  .refine((value) => value.newPassword === value.newPasswordRepeat, {
    path: ['newPasswordRepeat'],
    error: PASSWORDS_DIFFER,
  });
export type RecoverFormInput = z.input<typeof recoverFormSchema>;
export type RecoverFormOutput = z.output<typeof recoverFormSchema>;
