/** The summary before "Zakończ wywiad" (issue 15, item 13): what blocks, what is missing, the income result, what is locked. */
import { describe, expect, it } from 'vitest';
import type { InterviewView, MemberView } from '../../../../../shared/cases';
import { runIncomeTest } from '../../../../../shared/domain/income';
import { INTERVIEW_FORM_2021 } from '../../../../../shared/domain/interviewForm';
import { summarize } from '../../../../../renderer/features/interview/CompleteInterviewModal';

const marta = { id: 'm1', person: { id: 'p1', firstName: 'Marta', lastName: 'Kowalczyk' } } as unknown as MemberView;

const base: InterviewView = {
  id: 'i1',
  version: 4,
  kind: 'full',
  formVersion: 'RWS-2021',
  status: 'draft',
  conductedOn: '2026-03-02',
  place: 'Dom rodziny',
  workerName: 'Anna Nowak',
  segments: { 'I.A': { familyComposition: 'Matka z synem.' }, 'I.H': { needs: 'Opieka.' }, 'I.I': { diagnosis: 'D.', conclusions: 'W.' }, 'I.J': { helpPlan: 'P.' } },
  hiddenSegments: [],
  documents: { p1: { id: 'received', salary: 'missing' } },
  income: { items: [] },
  incomeResult: null,
  assets: null,
  missingSegments: [],
  updatedAt: '2026-03-02T10:00:00.000Z',
  updatedByName: 'Anna Nowak',
};

describe('summary before completing the wywiad', () => {
  it('lists what is locked, the missing documents and statement, and says when there is no income test', () => {
    const summary = summarize(base, INTERVIEW_FORM_2021, [marta]);
    expect(summary.blocking).toEqual([]);
    expect(summary.income).toBe('Nie wpisano dochodów: wywiad zostanie zakończony bez testu dochodowego.');
    expect(summary.locked[0]).toBe('odpowiedzi kwestionariusza (4 z 11 części wypełnionych)');
    expect(summary.notes).toContain('Brakujące dokumenty (Marta Kowalczyk): Zaświadczenie lub oświadczenie o wynagrodzeniu.');
    expect(summary.notes).toContain('Nie odebrano oświadczenia o stanie majątkowym.');
    expect(summary.notes[0]).toMatch(/^Niewypełnione części nieobowiązkowe: I\.B Sytuacja zawodowa i materialna; I\.C Warunki bytowe/);
  });

  it('blocks on a missing date or mandatory part, and gives the income result as the server computed it', () => {
    const incomeResult = runIncomeTest({ date: '2026-03-02', householdSize: 2, items: [{ personId: 'p1', source: 'employment', grossGr: 150_000, taxGr: 0, contributionsGr: 0, alimonyPaidGr: 0 }] });
    const summary = summarize({ ...base, conductedOn: null, missingSegments: ['I.H'], incomeResult, assets: { declarantId: 'p1', signedOn: null, dwelling: '', farm: '', otherRealEstate: '', vehicles: '', savings: '', other: '' } }, INTERVIEW_FORM_2021, [marta]);
    expect(summary.blocking).toEqual(['Nie podano daty wywiadu.', 'Nie wypełniono obowiązkowej części I.H — Potrzeby zgłaszane przez osobę lub rodzinę.']);
    expect(summary.income.replace(/\s/g, ' ')).toMatch(/^Dochód na osobę: 750,00 zł, to [\d,]+ % kryterium \([^)]+zł\) — (mieści się w kryterium dochodowym|przekracza kryterium dochodowe)\. Osób w gospodarstwie domowym: 2\.$/);
    expect(summary.locked).toContain('oświadczenie o stanie majątkowym');
    expect(summary.notes).toContain('Oświadczenie o stanie majątkowym nie ma daty podpisania.');
  });
});
