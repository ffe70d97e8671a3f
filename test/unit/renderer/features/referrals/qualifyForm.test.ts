import { describe, expect, it } from 'vitest';
import { FOOD_AID_THRESHOLDS } from '../../../../../shared/domain/income';
import { makePesel } from '../../../../../shared/domain/pesel';
import { DEFAULT_REFERRAL_SETTINGS, type ReferralConfigView } from '../../../../../shared/referrals';
import { emptyDraft, emptyIncome, issueInput, liveResult, type QualifyDraft } from '../../../../../renderer/features/referrals/qualifyForm';

const CONFIG: ReferralConfigView = { thresholds: [...FOOD_AID_THRESHOLDS], subprogrammes: [], partners: [], settings: DEFAULT_REFERRAL_SETTINGS, today: '2025-06-02' };

function single(date: string, gross: string): QualifyDraft {
  const draft = emptyDraft('fepz', '2025-06-02');
  draft.declaredOn = date;
  draft.members[0] = { ...draft.members[0]!, pesel: makePesel('1957-03-08', 'F', 5), firstName: 'Zofia', lastName: 'Łęcka' };
  draft.incomes = [{ ...emptyIncome(draft.members[0].key), source: 'old_age_pension', gross }];
  draft.reasons = ['poverty'];
  return draft;
}

describe('the qualification form (live result)', () => {
  it('starts with the applicant and the office’s today as the declaration date', () => {
    const draft = emptyDraft('shop', '2025-06-02');
    expect(draft.declaredOn).toBe('02.06.2025');
    expect(draft.members.map((m) => m.relation)).toEqual(['applicant']);
  });

  it('judges the amounts as typed against the share in force on the typed date', () => {
    const notYet = liveResult(single('01.06.2023', '2000'), CONFIG);
    expect(typeof notYet !== 'string' && notYet.eligible).toBe(false);
    const yes = liveResult(single('01.06.2025', '2 500,00'), CONFIG);
    expect(typeof yes !== 'string' && yes.eligible).toBe(true);
    const no = liveResult(single('01.06.2025', '2700'), CONFIG);
    expect(typeof no !== 'string' && no.eligible).toBe(false);
  });

  it('says in Polish what is missing instead of a result', () => {
    expect(liveResult(single('1.6.25x', '2500'), CONFIG)).toBe('Wpisz datę oświadczenia w postaci DD.MM.RRRR.');
    expect(liveResult(single('01.06.2025', '25,5,0'), CONFIG)).toBe('Dochód 1: wpisz kwoty w złotych, np. 1234,56.');
    expect(liveResult({ ...single('01.06.2025', '1'), members: [] }, CONFIG)).toBe('Gospodarstwo domowe musi liczyć co najmniej jedną osobę.');
  });

  it('builds the channel input: grosze, the PESEL’s birth date and sex, the member keys', () => {
    const draft = single('01.06.2025', '2500,50');
    const input = issueInput(draft, '');
    if (typeof input === 'string' || input.source.kind !== 'declaration') throw new Error(String(input));
    expect(input.source.declaredOn).toBe('2025-06-01');
    expect(input.source.income.items[0]).toMatchObject({ personId: draft.members[0]!.key, grossGr: 250_050, source: 'old_age_pension' });
    expect(input.source.members[0]?.person).toMatchObject({ birthDate: '1957-03-08', sex: 'F', firstName: 'Zofia' });
    expect(issueInput({ ...draft, members: [{ ...draft.members[0]!, pesel: '12345678901' }] }, '')).toMatch(/^Osoba 1: /);
    expect(issueInput({ ...draft, basis: 'interview' }, '')).toBe('Wybierz sprawę, której wywiad ma być podstawą skierowania.');
  });
});

describe('a person without a PESEL', () => {
  it('is sent with her birth date, sex and identity document, or refused in Polish', () => {
    const draft = single('01.06.2025', '1000');
    const member = { ...draft.members[0]!, pesel: '', noPesel: true, birthDate: '12.04.1990', sex: 'F' as const, documentType: 'passport' as const, documentNumber: ' FX1234567 ' };
    const input = issueInput({ ...draft, members: [member] }, '');
    if (typeof input === 'string' || input.source.kind !== 'declaration') throw new Error(String(input));
    expect(input.source.members[0]?.person).toMatchObject({ birthDate: '1990-04-12', sex: 'F', documentType: 'passport', documentNumber: 'FX1234567' });
    expect(input.source.members[0]?.person?.pesel).toBeUndefined();
    expect(issueInput({ ...draft, members: [{ ...member, documentNumber: '' }] }, '')).toBe('Osoba 1: bez numeru PESEL podaj numer dokumentu tożsamości.');
    expect(issueInput({ ...draft, members: [{ ...member, sex: null }] }, '')).toBe('Osoba 1: wybierz płeć.');
  });
});
