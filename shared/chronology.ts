/**
 * Which automatic entries of a case's chronology are marked "Istotne dla opinii sądowej" when
 * they are written. A court asks about the family: what was reported, what the wywiad found, how
 * the family kept its contract, the assessments, a child's placement, the court's own letters,
 * and how the work ended. The office's paperwork around the family (a request filed, an assistant
 * assigned or changed, a document signed, a proposal not approved) is in the chronology too, but
 * not marked: the worker can still star any entry by hand.
 */
export const AUTOMATIC_EVENTS = [
  'intake',
  'interview_completed',
  'interview_updated',
  'social_work_only',
  'request_filed',
  'referred_elsewhere',
  'request_returned',
  'assistant_assigned',
  'staff_changed',
  'contract_signed',
  'contract_breach',
  'contract_assessed',
  'contract_terminated',
  'plan_signed',
  'periodic_assessment',
  'closure_proposed',
  'closure_refused',
  'closure_approved',
  'monitoring_ended',
  'case_closed',
  'court_letter',
  'court_answer',
  'court_opinion_issued',
  'child_placement',
] as const;
export type AutomaticEvent = (typeof AUTOMATIC_EVENTS)[number];

export const COURT_SIGNIFICANT: Record<AutomaticEvent, boolean> = {
  intake: true,
  interview_completed: true,
  interview_updated: false,
  social_work_only: false,
  request_filed: false,
  referred_elsewhere: true,
  request_returned: false,
  assistant_assigned: false,
  staff_changed: false,
  contract_signed: false,
  contract_breach: true,
  contract_assessed: true,
  contract_terminated: true,
  plan_signed: false,
  periodic_assessment: true,
  closure_proposed: false,
  closure_refused: false,
  closure_approved: true,
  monitoring_ended: false,
  case_closed: true,
  court_letter: true,
  court_answer: false,
  court_opinion_issued: true,
  child_placement: true,
};
