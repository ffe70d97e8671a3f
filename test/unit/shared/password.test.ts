import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN_LENGTH, passwordStrength } from '../../../shared/password';
import { passwordSchema } from '../../../shared/schemas';

describe('password strength (zxcvbn-ts with the Polish dictionary)', () => {
  it('asks for length first', () => {
    expect(PASSWORD_MIN_LENGTH).toBeGreaterThanOrEqual(12);
    expect(passwordStrength('Kr0tkie!x')).toMatchObject({ ok: false, score: 0, problem: 'Hasło musi mieć co najmniej 12 znaków.' });
  });

  it('refuses long but common, Polish-word, keyboard and date passwords, in Polish', () => {
    for (const password of ['Warszawa2024!', 'kochamcie1234', 'qwertyuiop123', 'Zaq12wsxcde3', 'Poniedzialek1', 'haslohaslo12']) {
      const strength = passwordStrength(password);
      expect(strength.ok, password).toBe(false);
      expect(strength.problem, password).toContain('zbyt łatwe do odgadnięcia');
    }
  });

  it('accepts a passphrase of unrelated words, and counts the person’s own words against her', () => {
    expect(passwordStrength('kalafior-tramwaj-ogórek').ok).toBe(true);
    expect(passwordStrength('koń jedzie po łące 7').ok).toBe(true);
    expect(passwordStrength('Kierownik-2026!').ok).toBe(true);
    expect(passwordStrength('gzolkiewska-2026!').ok).toBe(true);
    expect(passwordStrength('gzolkiewska-2026!', ['gzolkiewska', 'Grażyna', 'Żółkiewska']).ok).toBe(false);
  });

  it('is the rule of every schema that sets a password', () => {
    expect(passwordSchema.safeParse('Warszawa2024!').success).toBe(false);
    expect(passwordSchema.safeParse('kalafior-tramwaj-ogórek').success).toBe(true);
  });
});
