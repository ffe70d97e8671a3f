import { describe, expect, it } from 'vitest';
import { eventHeading, progressLine } from '../../../../electron/services/court-export';
import { assessmentText, planHeading, visibleToAssistant } from '../../../../electron/services/court-data';
import type { AssessmentRow, CaseEventRow, PlanRow } from '../../../../electron/db/entities';

describe('the court bundle in words', () => {
  it('counts the export steps up to the total and ends without a counter, never "[9/8]"', () => {
    const total = 8;
    const lines = Array.from({ length: total + 1 }, (_, done) => progressLine({ label: done === total ? 'Gotowe' : `krok ${done + 1}`, done, total }));
    expect(lines[0]).toBe('[1/8] krok 1');
    expect(lines[7]).toBe('[8/8] krok 8');
    expect(lines[8]).toBe('Gotowe');
    for (const line of lines) expect(Number(/^\[(\d+)\//.exec(line)?.[1] ?? 0)).toBeLessThanOrEqual(total);
  });

  it('says an event\'s kind once: no "Wizyta: Wizyta:"', () => {
    expect(eventHeading('2026-03-02', 'Wizyta', 'Wizyta: w domu rodziny')).toBe('02.03.2026 – Wizyta: w domu rodziny');
    expect(eventHeading('2026-03-02', 'Wizyta', 'w domu rodziny')).toBe('02.03.2026 – Wizyta: w domu rodziny');
  });

  it('says a signed plan\'s status once: no "Podpisany, podpisany"', () => {
    const plan = { number: 2, status: 'signed', signedOn: '2026-05-14' } as PlanRow;
    expect(planHeading(plan)).toBe('Plan pracy z rodziną nr 2, podpisany 14\u00a0maja 2026\u00a0r.');
    expect(planHeading({ ...plan, status: 'superseded' })).toContain('(zastąpiony nowszą wersją)');
    expect(planHeading({ ...plan, status: 'draft', signedOn: null })).toBe('Plan pracy z rodziną nr 2 – Projekt');
    expect(planHeading({ ...plan, status: 'awaiting_approval' })).toBe('Plan pracy z rodziną nr 2, podpisany 14\u00a0maja 2026\u00a0r. (czeka na zatwierdzenie przez kierownika)');
    expect(planHeading({ ...plan, approvedOn: '2026-05-18' })).toBe('Plan pracy z rodziną nr 2, podpisany 14\u00a0maja 2026\u00a0r., zatwierdzony 18\u00a0maja 2026\u00a0r.');
  });

  it('gives each assessed goal its area and degree, and says when the assessment went to the kierownik', () => {
    const assessment = {
      progress: [
        { area: 'Dom', goal: 'Porządek', achievement: 'partly_achieved', progress: 'Plan sprzątania.' },
        { goal: 'Szkoła', progress: 'Frekwencja 95 %' },
      ],
      changes: '',
      handedOn: '2026-05-20',
      receivedOn: null,
    } as unknown as AssessmentRow;
    expect(assessmentText(assessment)).toBe('– Dom – Porządek (osiągnięty częściowo): Plan sprzątania.\n– Szkoła: Frekwencja 95 %\n\nPrzekazano kierownikowi ośrodka 20\u00a0maja 2026\u00a0r.');
  });

  it('keeps kontrakt events out of what the assistant may read (her opinion draft)', () => {
    const event = (kind: string, refType: string | null) => ({ kind, refType }) as CaseEventRow;
    expect(visibleToAssistant(event('contract', 'contract'))).toBe(false);
    expect(visibleToAssistant(event('note', 'contract'))).toBe(false);
    expect(visibleToAssistant(event('visit', 'visit'))).toBe(true);
  });
});
