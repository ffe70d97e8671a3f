import { describe, expect, it } from 'vitest';
import { DEADLINE_KINDS } from '../../../../../shared/domain/deadlines';
import { dueInWords, TRAY_ACTIONS, trayItemRoute } from '../../../../../renderer/features/tray/trayRoutes';

describe('trayItemRoute', () => {
  const caseId = '11111111-1111-4111-8111-111111111111';
  it('sends each kind of deadline to where it is done', () => {
    expect(trayItemRoute({ kind: 'assignment_decision', caseId })).toEqual({ view: 'requests' });
    expect(trayItemRoute({ kind: 'interview', caseId })).toEqual({ view: 'case', caseId, tab: 'interviews' });
    expect(trayItemRoute({ kind: 'interview_update', caseId })).toEqual({ view: 'case', caseId, tab: 'interviews' });
    expect(trayItemRoute({ kind: 'contract_action', caseId })).toEqual({ view: 'case', caseId, tab: 'contract' });
    expect(trayItemRoute({ kind: 'plan_task', caseId })).toEqual({ view: 'case', caseId, tab: 'plan' });
    expect(trayItemRoute({ kind: 'assessment', caseId })).toEqual({ view: 'case', caseId, tab: 'assessments' });
    expect(trayItemRoute({ kind: 'monitoring_end', caseId })).toEqual({ view: 'case', caseId });
    expect(trayItemRoute({ kind: 'court', caseId })).toEqual({ view: 'case', caseId });
  });

  it('names an action for every kind', () => {
    for (const kind of DEADLINE_KINDS) expect(TRAY_ACTIONS[kind], kind).toMatch(/^[a-ząćęłńóśźż ]+$/);
  });
});

describe('dueInWords', () => {
  it('counts calendar days from the office’s today, in Polish', () => {
    expect(dueInWords('2026-03-10', '2026-03-10')).toBe('dziś');
    expect(dueInWords('2026-03-11', '2026-03-10')).toBe('jutro');
    expect(dueInWords('2026-03-12', '2026-03-10')).toBe('za 2 dni');
    expect(dueInWords('2026-03-09', '2026-03-10')).toBe('1 dzień po terminie');
    expect(dueInWords('2026-03-05', '2026-03-10')).toBe('5 dni po terminie');
    // Across a month and a year.
    expect(dueInWords('2027-01-01', '2026-12-31')).toBe('jutro');
    expect(dueInWords('2026-02-27', '2026-03-02')).toBe('3 dni po terminie');
  });
});
