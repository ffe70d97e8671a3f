import { describe, it, expect } from 'vitest';
import { ROLES, type Role } from '../../../../shared/domain/roles';
import {
  ART7_REASONS,
  ART7_REASON_LABELS,
  CASE_ACTIONS,
  CASE_STATUSES,
  CASE_STATUS_LABELS,
  CASE_TRANSITIONS,
  CLOSURE_REASONS,
  CLOSURE_REASON_LABELS,
  INITIAL_CASE_STATUS,
  art7ReasonsSchema,
  availableActions,
  canCreateCase,
  checkTransition,
  type CaseAction,
  type CaseFacts,
  type CaseStatus,
} from '../../../../shared/domain/caseFlow';

/** Facts that meet every guard. */
const ALL_MET: CaseFacts = {
  mandatorySegmentsComplete: true,
  consentRecorded: true,
  assistantCaseload: 0,
  caseloadLimit: 15,
  planSigned: true,
  closureReason: 'goals_met',
  monitoringEnded: true,
  referralTarget: 'gmina_unit',
  returnReason: 'Brak przesłanek do przydziału.',
  minorParentLeavingInstitution: false,
};
/** The minor parent's path (art. 11 u.w.r.) excludes the ordinary one: its own facts. */
const factsFor = (action: CaseAction): CaseFacts => (action === 'complete_interview_minor_parent' ? { ...ALL_MET, minorParentLeavingInstitution: true } : ALL_MET);

const ROLE_CODE: Record<string, Role> = { PS: 'social_worker', K: 'head', AR: 'family_assistant' };

/** Written by hand from docs/domain.md#records-and-case-states: "FROM action → TO : roles". */
const EXPECTED_MACHINE = [
  'REPORTED start_interview → INTERVIEW : PS',
  'INTERVIEW complete_interview → ANALYSIS : PS',
  'INTERVIEW complete_interview_minor_parent → ASSISTANT_REQUESTED : PS',
  'ANALYSIS choose_social_work → SOCIAL_WORK : PS',
  'ANALYSIS request_assistant → ASSISTANT_REQUESTED : PS',
  'ASSISTANT_REQUESTED assign_assistant → ASSISTANT_ASSIGNED : K',
  'ASSISTANT_REQUESTED refer → REFERRED : K',
  'ASSISTANT_REQUESTED return_to_worker → ANALYSIS : K',
  'ASSISTANT_ASSIGNED start_plan → PLAN : AR',
  'PLAN sign_plan → IN_PROGRESS : AR',
  'PLAN approve_plan → IN_PROGRESS : K',
  'IN_PROGRESS record_assessment → IN_PROGRESS : AR',
  'IN_PROGRESS revise_plan → PLAN : AR',
  'IN_PROGRESS propose_closure → CLOSING : AR',
  'CLOSING reject_closure → IN_PROGRESS : K',
  'CLOSING start_monitoring → MONITORING : K',
  'CLOSING approve_closure → CLOSED : K',
  'MONITORING end_monitoring → MONITORING : AR',
  'MONITORING close → CLOSED : K',
  'SOCIAL_WORK close → CLOSED : K',
  'REFERRED close → CLOSED : K',
  'CLOSED reopen → REPORTED : PS K',
  'CLOSED archive → ARCHIVED : K',
];

const expectedCells = EXPECTED_MACHINE.map((line) => {
  const match = /^(\w+) (\w+) → (\w+) : (.+)$/.exec(line);
  if (!match) throw new Error(`bad line ${line}`);
  const [, from, action, to, roles] = match;
  return {
    from: from as CaseStatus,
    action: action as CaseAction,
    to: to as CaseStatus,
    roles: (roles ?? '').split(' ').map((code) => ROLE_CODE[code] as Role),
  };
});

describe('the transition table', () => {
  it('is exactly the hand-written machine', () => {
    const actual = CASE_TRANSITIONS.map((t) => `${t.from} ${t.action} → ${t.to} : ${t.roles.map((r) => Object.keys(ROLE_CODE).find((k) => ROLE_CODE[k] === r)).join(' ')}`);
    expect(actual).toEqual(EXPECTED_MACHINE);
  });

  it('has one transition per (status, action)', () => {
    const keys = CASE_TRANSITIONS.map((t) => `${t.from}/${t.action}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reaches every status from REPORTED, and only ARCHIVED is final', () => {
    const seen = new Set<CaseStatus>([INITIAL_CASE_STATUS]);
    const queue: CaseStatus[] = [INITIAL_CASE_STATUS];
    while (queue.length > 0) {
      const status = queue.shift() as CaseStatus;
      for (const t of CASE_TRANSITIONS.filter((x) => x.from === status)) {
        if (!seen.has(t.to)) {
          seen.add(t.to);
          queue.push(t.to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...CASE_STATUSES].sort());
    expect(CASE_STATUSES.filter((s) => !CASE_TRANSITIONS.some((t) => t.from === s))).toEqual(['ARCHIVED']);
  });
});

describe('checkTransition: every status × action × role', () => {
  const cells = CASE_STATUSES.flatMap((status) =>
    CASE_ACTIONS.flatMap((action) => ROLES.map((role) => ({ status, action, role }))),
  );

  it.each(cells)('$status / $action / $role', ({ status, action, role }) => {
    const expected = expectedCells.find((c) => c.from === status && c.action === action);
    const result = checkTransition(status, action, [role], factsFor(action));
    if (!expected) {
      expect(result).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    } else if (expected.roles.includes(role)) {
      expect(result).toMatchObject({ ok: true, to: expected.to });
    } else {
      expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
  });

  it('no roles at all is forbidden', () => {
    expect(checkTransition('REPORTED', 'start_interview', [], ALL_MET)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('checkTransition: key cells', () => {
  it('request for an AR without consent', () => {
    expect(checkTransition('ANALYSIS', 'request_assistant', ['social_worker'], { consentRecorded: false })).toEqual({
      ok: false,
      code: 'GUARD',
      message: 'Nie można złożyć wniosku o asystenta: brak zgody rodziny (ani postanowienia sądu zobowiązującego rodzinę do pracy z asystentem).',
    });
    expect(checkTransition('ANALYSIS', 'request_assistant', ['social_worker'], { consentRecorded: true })).toMatchObject({
      ok: true,
      to: 'ASSISTANT_REQUESTED',
    });
  });

  it('caseload limit: 14 of 15 is fine, 15 of 15 is not, a limit above the statutory 15 does not let 15 through, a lower one holds', () => {
    expect(checkTransition('ASSISTANT_REQUESTED', 'assign_assistant', ['head'], { assistantCaseload: 14 })).toMatchObject({
      ok: true,
      to: 'ASSISTANT_ASSIGNED',
    });
    expect(checkTransition('ASSISTANT_REQUESTED', 'assign_assistant', ['head'], { assistantCaseload: 15 })).toEqual({
      ok: false,
      code: 'GUARD',
      message: 'Nie można przydzielić asystenta rodziny: limit 15 rodzin na asystenta został osiągnięty.',
    });
    expect(
      checkTransition('ASSISTANT_REQUESTED', 'assign_assistant', ['head'], { assistantCaseload: 15, caseloadLimit: 20 }),
    ).toMatchObject({ ok: false, message: 'Nie można przydzielić asystenta rodziny: limit 15 rodzin na asystenta został osiągnięty.' });
    expect(
      checkTransition('ASSISTANT_REQUESTED', 'assign_assistant', ['head'], { assistantCaseload: 10, caseloadLimit: 10 }),
    ).toMatchObject({ ok: false, message: 'Nie można przydzielić asystenta rodziny: limit 10 rodzin na asystenta został osiągnięty.' });
    expect(checkTransition('ASSISTANT_REQUESTED', 'assign_assistant', ['head'], {})).toMatchObject({
      ok: false,
      message: 'Nie można przydzielić asystenta rodziny: nie wybrano asystenta rodziny.',
    });
  });

  it('a social worker may not assign; the message names who may', () => {
    expect(checkTransition('ASSISTANT_REQUESTED', 'assign_assistant', ['social_worker'], ALL_MET)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: 'Nie masz uprawnień do tej czynności: „Przydziel asystenta rodziny” wykonuje kierownik.',
    });
  });

  it('wrong state', () => {
    expect(checkTransition('REPORTED', 'assign_assistant', ['head'], ALL_MET)).toEqual({
      ok: false,
      code: 'INVALID_STATE',
      message: 'Czynności „Przydziel asystenta rodziny” nie można wykonać, gdy sprawa ma stan „Zgłoszenie”.',
    });
  });

  it('interview cannot end without segments A, H, I, J', () => {
    expect(checkTransition('INTERVIEW', 'complete_interview', ['social_worker'], { missingSegments: ['H', 'J'] })).toEqual({
      ok: false,
      code: 'GUARD',
      message: 'Nie można zakończyć wywiadu: nie uzupełniono obowiązkowych części wywiadu (H, J).',
    });
    expect(checkTransition('INTERVIEW', 'complete_interview', ['social_worker'], {})).toMatchObject({
      message: 'Nie można zakończyć wywiadu: nie uzupełniono obowiązkowych części wywiadu (A, H, I, J).',
    });
  });

  it('art. 11 u.w.r.: a minor parent leaving an institution goes from the wywiad to the kierownik, and nobody diverts it', () => {
    const facts: CaseFacts = { minorParentLeavingInstitution: true, mandatorySegmentsComplete: true, assistantCaseload: 3, consentRecorded: true };
    expect(checkTransition('INTERVIEW', 'complete_interview_minor_parent', ['social_worker'], facts)).toMatchObject({ ok: true, to: 'ASSISTANT_REQUESTED' });
    // The ordinary completion (to the analysis, where social work could be chosen) is refused with the reason.
    const ordinary = checkTransition('INTERVIEW', 'complete_interview', ['social_worker'], facts);
    expect(ordinary).toMatchObject({ ok: false, code: 'GUARD' });
    expect(ordinary.ok ? '' : ordinary.message).toContain('kierownik przydziela asystenta rodziny obowiązkowo');
    // Nor straight to the kierownik for any other family.
    expect(checkTransition('INTERVIEW', 'complete_interview_minor_parent', ['social_worker'], { ...facts, minorParentLeavingInstitution: false })).toMatchObject({ ok: false });
    // The kierownik assigns; she may not return the case to the worker or refer it elsewhere.
    expect(checkTransition('ASSISTANT_REQUESTED', 'assign_assistant', ['head'], facts)).toMatchObject({ ok: true, to: 'ASSISTANT_ASSIGNED' });
    expect(checkTransition('ASSISTANT_REQUESTED', 'return_to_worker', ['head'], { ...facts, returnReason: 'x' })).toMatchObject({ ok: false, code: 'GUARD' });
    expect(checkTransition('ASSISTANT_REQUESTED', 'refer', ['head'], { ...facts, referralTarget: 'gmina_unit' })).toMatchObject({ ok: false, code: 'GUARD' });
    // A case of the older path, in the analysis: no social work.
    expect(checkTransition('ANALYSIS', 'choose_social_work', ['social_worker'], facts)).toMatchObject({ ok: false, code: 'GUARD' });
    // No assignment without the wywiad.
    expect(checkTransition('INTERVIEW', 'assign_assistant', ['head'], facts)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(checkTransition('ANALYSIS', 'assign_assistant', ['head'], facts)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    // Every missing condition is named.
    expect(checkTransition('INTERVIEW', 'complete_interview_minor_parent', ['social_worker'], { minorParentLeavingInstitution: true })).toEqual({
      ok: false,
      code: 'GUARD',
      message: 'Nie można zakończyć wywiadu: nie uzupełniono obowiązkowych części wywiadu (A, H, I, J).',
    });
  });

  it('a court-obliged family needs no voluntary consent for the request (art. 109 § 2 pkt 1 k.r.o.)', () => {
    expect(checkTransition('ANALYSIS', 'request_assistant', ['social_worker'], {})).toMatchObject({ ok: false, code: 'GUARD' });
    expect(checkTransition('ANALYSIS', 'request_assistant', ['social_worker'], { courtObliged: true })).toMatchObject({ ok: true, to: 'ASSISTANT_REQUESTED' });
  });

  it('closure needs a reason, and a note for "other"', () => {
    expect(checkTransition('IN_PROGRESS', 'propose_closure', ['family_assistant'], {})).toMatchObject({
      message: 'Nie można zaproponować zakończenia pracy z rodziną: nie wybrano przyczyny zakończenia.',
    });
    expect(
      checkTransition('IN_PROGRESS', 'propose_closure', ['family_assistant'], { closureReason: 'other', closureNote: ' ' }),
    ).toMatchObject({ message: 'Nie można zaproponować zakończenia pracy z rodziną: nie opisano innej przyczyny zakończenia.' });
    expect(
      checkTransition('IN_PROGRESS', 'propose_closure', ['family_assistant'], { closureReason: 'moved_away' }),
    ).toMatchObject({ ok: true, to: 'CLOSING' });
  });

  it('the case closes after monitoring only when monitoring has ended', () => {
    expect(checkTransition('MONITORING', 'close', ['head'], { closureReason: 'goals_met' })).toEqual({
      ok: false,
      code: 'GUARD',
      message: 'Nie można zamknąć sprawy: monitoring nie został zakończony.',
    });
    expect(
      checkTransition('MONITORING', 'close', ['head'], { closureReason: 'goals_met', monitoringEnded: true }),
    ).toMatchObject({ ok: true, to: 'CLOSED' });
  });

  it('the plan must be signed before work starts', () => {
    expect(checkTransition('PLAN', 'sign_plan', ['family_assistant'], { planSigned: false })).toMatchObject({
      message: 'Nie można rozpocząć realizacji planu: plan pracy z rodziną nie został podpisany.',
    });
  });
});

describe('availableActions', () => {
  it('offers the minor-parent completion only on that path, and hides the steps that would divert it', () => {
    expect(availableActions('INTERVIEW', ['social_worker'], {}).map((a) => a.action)).toEqual(['complete_interview']);
    expect(availableActions('INTERVIEW', ['social_worker'], { minorParentLeavingInstitution: true })).toEqual([
      {
        action: 'complete_interview_minor_parent',
        to: 'ASSISTANT_REQUESTED',
        label: 'Zakończ wywiad i przekaż kierownikowi do przydziału asystenta',
        enabled: false,
        message: 'Nie można zakończyć wywiadu: nie uzupełniono obowiązkowych części wywiadu (A, H, I, J).',
      },
    ]);
    expect(availableActions('INTERVIEW', ['head'], { minorParentLeavingInstitution: true })).toEqual([]);
    expect(availableActions('ASSISTANT_REQUESTED', ['head'], { minorParentLeavingInstitution: true }).map((a) => a.action)).toEqual(['assign_assistant']);
    expect(availableActions('ANALYSIS', ['social_worker'], { minorParentLeavingInstitution: true }).map((a) => a.action)).not.toContain('choose_social_work');
  });

  it('offers the steps whose choices are made in their own dialog (assistant, referral target, reasons)', () => {
    // Nothing chosen yet: the buttons are enabled; carrying the step out still checks the choice.
    expect(availableActions('ASSISTANT_REQUESTED', ['head'], {})).toEqual([
      { action: 'assign_assistant', to: 'ASSISTANT_ASSIGNED', label: 'Przydziel asystenta rodziny', enabled: true },
      { action: 'refer', to: 'REFERRED', label: expect.any(String), enabled: true },
      { action: 'return_to_worker', to: 'ANALYSIS', label: expect.any(String), enabled: true },
    ]);
    expect(availableActions('IN_PROGRESS', ['family_assistant'], {}).find((a) => a.action === 'propose_closure')?.enabled).toBe(true);
    expect(checkTransition('ASSISTANT_REQUESTED', 'assign_assistant', ['head'], {})).toMatchObject({ ok: false, code: 'GUARD' });
    expect(checkTransition('ASSISTANT_REQUESTED', 'assign_assistant', ['head'], { assistantCaseload: 15, caseloadLimit: 15 })).toMatchObject({
      ok: false,
      message: 'Nie można przydzielić asystenta rodziny: limit 15 rodzin na asystenta został osiągnięty.',
    });
    // A state fact (the stored closure reason) still blocks the kierownik's approval.
    expect(availableActions('CLOSING', ['head'], {}).every((a) => !a.enabled || a.action === 'reject_closure')).toBe(true);
  });

  it('shows a disabled button with the reason', () => {
    expect(availableActions('ANALYSIS', ['social_worker'], { consentRecorded: false })).toEqual([
      { action: 'choose_social_work', to: 'SOCIAL_WORK', label: 'Prowadź pracę socjalną', enabled: true },
      {
        action: 'request_assistant',
        to: 'ASSISTANT_REQUESTED',
        label: 'Złóż wniosek o asystenta rodziny',
        enabled: false,
        message: 'Nie można złożyć wniosku o asystenta: brak zgody rodziny (ani postanowienia sądu zobowiązującego rodzinę do pracy z asystentem).',
      },
    ]);
  });

  it('offers nothing to a role without a step here', () => {
    expect(availableActions('ASSISTANT_REQUESTED', ['social_worker', 'family_assistant'], ALL_MET)).toEqual([]);
    expect(availableActions('ARCHIVED', ['head'], ALL_MET)).toEqual([]);
  });

  it('joins the steps of all the user’s roles', () => {
    expect(availableActions('CLOSED', ['social_worker', 'head'], ALL_MET).map((a) => a.action)).toEqual(['reopen', 'archive']);
    expect(availableActions('CLOSED', ['social_worker'], ALL_MET).map((a) => a.action)).toEqual(['reopen']);
  });
});

describe('a whole case, step by step', () => {
  it('walks from the report to the archive with the right people', () => {
    const steps: Array<[CaseAction, Role, CaseStatus]> = [
      ['start_interview', 'social_worker', 'INTERVIEW'],
      ['complete_interview', 'social_worker', 'ANALYSIS'],
      ['request_assistant', 'social_worker', 'ASSISTANT_REQUESTED'],
      ['assign_assistant', 'head', 'ASSISTANT_ASSIGNED'],
      ['start_plan', 'family_assistant', 'PLAN'],
      ['sign_plan', 'family_assistant', 'IN_PROGRESS'],
      ['record_assessment', 'family_assistant', 'IN_PROGRESS'],
      ['propose_closure', 'family_assistant', 'CLOSING'],
      ['start_monitoring', 'head', 'MONITORING'],
      ['end_monitoring', 'family_assistant', 'MONITORING'],
      ['close', 'head', 'CLOSED'],
      ['archive', 'head', 'ARCHIVED'],
    ];
    let status: CaseStatus = INITIAL_CASE_STATUS;
    for (const [action, role, expected] of steps) {
      const result = checkTransition(status, action, [role], factsFor(action));
      if (!result.ok) throw new Error(`${status} ${action}: ${result.message}`);
      expect(result.to).toBe(expected);
      status = result.to;
    }
  });
});

describe('enums', () => {
  it('art. 7 reasons: 15, each with a Polish label', () => {
    expect(ART7_REASONS).toHaveLength(15);
    expect(ART7_REASON_LABELS.domestic_violence).toBe('Przemoc domowa');
    expect(ART7_REASON_LABELS.poverty).toBe('Ubóstwo');
    expect(art7ReasonsSchema.safeParse(['poverty', 'poverty']).success).toBe(false);
    expect(art7ReasonsSchema.safeParse(['poverty', 'addiction']).success).toBe(true);
  });

  it('closure reasons', () => {
    expect(CLOSURE_REASONS).toEqual(['goals_met', 'no_cooperation', 'moved_away', 'child_placed', 'other']);
    expect(CLOSURE_REASON_LABELS.no_cooperation).toBe('Brak współpracy rodziny');
  });

  it('status labels are Polish', () => {
    expect(CASE_STATUS_LABELS.REPORTED).toBe('Zgłoszenie');
    expect(CASE_STATUS_LABELS.CLOSED).toBe('Zamknięta');
  });

  it('who may register a case', () => {
    expect(canCreateCase(['social_worker'])).toBe(true);
    expect(canCreateCase(['head'])).toBe(true);
    expect(canCreateCase(['family_assistant'])).toBe(false);
  });
});
