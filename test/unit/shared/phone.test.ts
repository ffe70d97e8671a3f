/** Phone fields refuse letters (issue 15): one schema for a person's and a partner organisation's phone. */
import { describe, expect, it } from 'vitest';
import { phoneSchema } from '../../../shared/schemas';
import { partnerSaveSchema } from '../../../shared/referrals';

describe('phone numbers', () => {
  it('take digits with +, spaces, brackets and dashes', () => {
    for (const ok of ['', '600 100 200', '+48 600-100-200', '(59) 842 00 00']) expect(phoneSchema.safeParse(ok).success, ok).toBe(true);
  });

  it('refuse letters and too few digits, in Polish', () => {
    expect(phoneSchema.safeParse('600 abc').error?.issues[0]?.message).toBe('Telefon: wpisz same cyfry (można dodać +, spacje, nawiasy i myślniki).');
    expect(phoneSchema.safeParse('60O 100 200').success).toBe(false);
    expect(phoneSchema.safeParse('12 34').error?.issues[0]?.message).toBe('Telefon: za mało cyfr (co najmniej 7).');
    const partner = partnerSaveSchema.safeParse({ name: 'Bank Żywności', address: 'ul. Polna 1', phone: 'brak', points: [] });
    expect(partner.error?.issues.map((issue) => issue.message)).toContain('Telefon: wpisz same cyfry (można dodać +, spacje, nawiasy i myślniki).');
  });
});
