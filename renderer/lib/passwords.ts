import { z } from 'zod';

export const PASSWORDS_DIFFER = 'Hasła nie są takie same. Wpisz to samo hasło w obu polach.';

/** The "repeat the password" field: checked only here, it never leaves the form. */
export const passwordRepeatSchema = z.string({ error: 'Powtórz hasło.' }).min(1, { error: 'Powtórz hasło.' });
