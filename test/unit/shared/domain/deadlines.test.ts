import { describe, it, expect } from 'vitest';
import {
  DEADLINE_KINDS,
  DEADLINE_KIND_LABELS,
  INTERVIEW_TERM_BASIS,
  INTERVIEW_WORKING_DAYS,
  URGENT_INTERVIEW_WORKING_DAYS,
  classifyDeadline,
  compareDeadlines,
  interviewDeadline,
  nextAssessmentDue,
  nextInterviewUpdateDue,
  type Deadline,
} from '../../../../shared/domain/deadlines';

describe('interviewDeadline', () => {
  it('counts the statutory 14 / 2 working days, with their citation', () => {
    expect([INTERVIEW_WORKING_DAYS, URGENT_INTERVIEW_WORKING_DAYS]).toEqual([14, 2]);
    expect(INTERVIEW_TERM_BASIS).toContain('Dz.U. 2021 poz. 893');
    expect(interviewDeadline('2025-03-03', false)).toBe('2025-03-21');
    expect(interviewDeadline('2025-03-03', true)).toBe('2025-03-05');
  });

  it('crosses Christmas 2025', () => {
    expect(interviewDeadline('2025-12-22', false)).toBe('2026-01-16');
    expect(interviewDeadline('2025-12-22', true)).toBe('2025-12-29');
  });

});

describe('six-month timers', () => {
  it('next assessment 6 months after the last one (or the assignment)', () => {
    expect(nextAssessmentDue('2025-01-15')).toBe('2025-07-15');
    expect(nextAssessmentDue('2025-08-31')).toBe('2026-02-28');
    expect(nextAssessmentDue('2025-01-15', 3)).toBe('2025-04-15');
  });

  it('next interview update 6 months after the last interview', () => {
    expect(nextInterviewUpdateDue('2024-08-31')).toBe('2025-02-28');
    expect(nextInterviewUpdateDue('2023-08-31')).toBe('2024-02-29');
    expect(nextInterviewUpdateDue('2025-05-10', 12)).toBe('2026-05-10');
  });
});

describe('classifyDeadline', () => {
  const today = '2025-06-10';
  it.each([
    ['2025-06-09', 'overdue'],
    ['2024-12-31', 'overdue'],
    ['2025-06-10', 'this_week'], // due today is still on time
    ['2025-06-16', 'this_week'], // today + 6
    ['2025-06-17', 'later'], // today + 7
    ['2026-01-01', 'later'],
  ] as const)('%s → %s', (due, expected) => {
    expect(classifyDeadline(due, today)).toBe(expected);
  });

  it('window is configurable', () => {
    expect(classifyDeadline('2025-06-17', today, 14)).toBe('this_week');
    expect(classifyDeadline('2025-06-11', today, 1)).toBe('later');
  });
});

describe('deadline list', () => {
  it('every kind has a Polish label', () => {
    expect(DEADLINE_KINDS).toHaveLength(14);
    for (const kind of DEADLINE_KINDS) expect(DEADLINE_KIND_LABELS[kind].length).toBeGreaterThan(3);
  });

  it('sorts by due date, then kind', () => {
    const list: Deadline[] = [
      { kind: 'court', dueDate: '2025-07-01', label: 'Opinia' },
      { kind: 'assessment', dueDate: '2025-06-01', label: 'Ocena' },
      { kind: 'interview', dueDate: '2025-07-01', label: 'Wywiad' },
    ];
    expect([...list].sort(compareDeadlines).map((d) => d.kind)).toEqual(['assessment', 'interview', 'court']);
  });
});
