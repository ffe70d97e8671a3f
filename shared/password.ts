/**
 * Password strength (issue 14): length first, then a check against common passwords, English and
 * Polish words, names, keyboard patterns, dates and repeats — zxcvbn-ts with its common and Polish
 * dictionaries, rather than rules of our own. The same check runs in the forms (the meter) and in
 * the main process (passwordSchema), so that what the meter accepts is what is accepted.
 */
import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as pl from '@zxcvbn-ts/language-pl';

zxcvbnOptions.setOptions({
  dictionary: { ...common.dictionary, ...pl.dictionary },
  graphs: common.adjacencyGraphs,
  translations: pl.translations,
});

/** Passwords open the key to special-category data: a long passphrase is what we ask for. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
/**
 * At least 10^9 guesses by zxcvbn's estimate (between its scores 3 and 4): with scrypt at some
 * 0.3 s a guess, that is decades of one core's work against a stolen slot file.
 */
export const PASSWORD_MIN_GUESSES_LOG10 = 9;

export const STRENGTH_LABELS = ['Bardzo słabe', 'Słabe', 'Średnie', 'Dobre', 'Bardzo dobre'] as const;

export interface PasswordStrength {
  /** 0–4 (zxcvbn); 0 also for a password under the minimum length. */
  score: 0 | 1 | 2 | 3 | 4;
  label: (typeof STRENGTH_LABELS)[number];
  ok: boolean;
  /** Why it is refused, in Polish; null when it is accepted. */
  problem: string | null;
}

/**
 * How strong a password is; `related` are words of the person and office (login, names) that make
 * a password easy to guess for anyone who knows them. Long inputs are checked on their first 100
 * characters (zxcvbn's cost grows with length; longer is only stronger).
 */
export function passwordStrength(password: string, related: readonly string[] = []): PasswordStrength {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return { score: 0, label: STRENGTH_LABELS[0], ok: false, problem: `Hasło musi mieć co najmniej ${PASSWORD_MIN_LENGTH} znaków.` };
  }
  const result = zxcvbn(password.slice(0, 100), related.filter((w) => w.length >= 3).map((w) => w.toLowerCase()));
  const ok = result.guessesLog10 >= PASSWORD_MIN_GUESSES_LOG10;
  // The meter never shows an accepted password as weak, nor a refused one as good.
  const score = ok ? (Math.max(result.score, 3) as 3 | 4) : (Math.min(result.score, 2) as 0 | 1 | 2);
  const hint = result.feedback.warning ?? result.feedback.suggestions[0] ?? null;
  return {
    score,
    label: STRENGTH_LABELS[score],
    ok,
    problem: ok ? null : `Hasło jest zbyt łatwe do odgadnięcia${hint ? ` (${hint.replace(/\.$/, '')})` : ''}. Dopisz kilka słów, które do siebie nie pasują.`,
  };
}
