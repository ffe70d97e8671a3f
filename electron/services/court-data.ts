/**
 * Everything a court may get about ONE case, read by its id only: the opinion's prefill and the
 * case-file export both start here, so no query of theirs can reach another family (art. 100
 * u.p.s.: the court gets exactly what it asked for about the family it asked about).
 */
import { In, type EntityManager } from 'typeorm';
import { CHILD_WHEREABOUTS_LABELS, RELATION_LABELS, type Relation } from '../../shared/cases';
import { formatPolishDate } from '../../shared/domain/dates';
import { GOAL_ACHIEVEMENT_LABELS, RECOMMENDATION_LABELS, TASK_STATUS_LABELS, PLAN_STATUS_LABELS } from '../../shared/domain/familyWork';
import type { OfficeInfo } from '../../shared/ipc';
import {
  AnalysisEntity,
  AssessmentEntity,
  AssignmentEntity,
  CaseEntity,
  CaseEventEntity,
  FamilyEntity,
  FamilyMemberEntity,
  InterviewEntity,
  OfficeEntity,
  PersonEntity,
  PlanEntity,
  UserEntity,
  VisitEntity,
  type AnalysisRow,
  type AssessmentRow,
  type AssignmentRow,
  type CaseEventRow,
  type CaseRow,
  type FamilyRow,
  type InterviewRow,
  type PersonRow,
  type PlanRow,
} from '../db/entities';
import { countOf, familyName, familySizeSentence, formatZl, formatDateLong, formatPercent, relationOf, shorten } from '../../shared/polish';

export interface MemberData {
  person: PersonRow;
  relation: string;
  inHousehold: boolean;
  childWhereabouts: string | null;
}

export interface CaseData {
  office: OfficeInfo;
  kase: CaseRow;
  family: FamilyRow;
  members: MemberData[];
  names: Map<string, string>;
  events: CaseEventRow[];
  interviews: InterviewRow[];
  analysis: AnalysisRow | null;
  plans: PlanRow[];
  assessments: AssessmentRow[];
  assignments: AssignmentRow[];
  visits: { visitedOn: string }[];
}

/** Reads one case; every query is filtered by this case's id (or its family's id). */
export async function loadCaseData(m: EntityManager, caseId: string): Promise<CaseData> {
  const kase = await m.getRepository(CaseEntity).findOneByOrFail({ id: caseId });
  const office = await m.getRepository(OfficeEntity).findOneByOrFail({ id: 1 });
  const family = await m.getRepository(FamilyEntity).findOneByOrFail({ id: kase.familyId });
  const memberRows = await m.getRepository(FamilyMemberEntity).find({ where: { familyId: family.id }, order: { position: 'ASC' } });
  const persons = await m.getRepository(PersonEntity).findBy({ id: In(memberRows.map((x) => x.personId)) });
  const byId = new Map(persons.map((p) => [p.id, p]));
  const users = await m.getRepository(UserEntity).find();
  return {
    office: { name: office.name, street: office.street, postalCode: office.postalCode, city: office.city, gmina: office.gmina, place: office.place ?? '' },
    kase,
    family,
    members: memberRows.map((x) => ({ person: byId.get(x.personId)!, relation: x.relation, inHousehold: x.inHousehold, childWhereabouts: x.childWhereabouts })),
    names: new Map(users.map((u) => [u.id, `${u.firstName} ${u.lastName}`])),
    events: await m.getRepository(CaseEventEntity).find({ where: { caseId }, order: { occurredOn: 'ASC', createdAt: 'ASC' } }),
    interviews: await m.getRepository(InterviewEntity).find({ where: { caseId, status: 'completed' }, order: { conductedOn: 'ASC' } }),
    analysis: await m.getRepository(AnalysisEntity).findOneBy({ caseId }),
    plans: await m.getRepository(PlanEntity).find({ where: { caseId }, order: { number: 'ASC' } }),
    assessments: await m.getRepository(AssessmentEntity).find({ where: { caseId }, order: { assessedOn: 'ASC' } }),
    assignments: await m.getRepository(AssignmentEntity).find({ where: { caseId }, order: { assignedOn: 'ASC' } }),
    // Visits made (a visit planned ahead is not a source).
    visits: await m.getRepository(VisitEntity).find({ select: { visitedOn: true }, where: { caseId, planned: false }, order: { visitedOn: 'ASC' } }),
  };
}

export function relationLabel(relation: string): string {
  return RELATION_LABELS[relation as Relation] ?? relation;
}

export function whereaboutsLabel(value: string | null): string | null {
  if (value === null) return null;
  return CHILD_WHEREABOUTS_LABELS[value as keyof typeof CHILD_WHEREABOUTS_LABELS] ?? value;
}

/** "Anna Kowalska" of the applicant (the first member). */
export function applicantName(data: CaseData): string {
  const applicant = data.members.find((x) => x.relation === 'applicant') ?? data.members[0];
  return applicant ? `${applicant.person.firstName} ${applicant.person.lastName}` : '—';
}

/** "Rodzina Kowalskich" (the register's rule, document-models.ts familyName). */
export function familyTitle(data: CaseData): string {
  const applicant = data.members.find((x) => x.relation === 'applicant') ?? data.members[0];
  return applicant ? familyName(applicant.person.lastName) : 'Rodzina';
}

export function addressLine(family: FamilyRow): string {
  return `${family.street}, ${family.postalCode} ${family.city}`;
}

/**
 * Case events the assistant may read: the kontrakt socjalny is the social worker's agreement with
 * the client (shared/documents.ts HIDDEN_FROM_ASSISTANT), so its events never reach the assistant's
 * opinion draft.
 */
export function visibleToAssistant(event: CaseEventRow): boolean {
  return event.kind !== 'contract' && event.refType !== 'contract';
}

/** The plan as text: areas, goals, tasks with their state. */
export function planText(plan: PlanRow): string {
  const lines: string[] = [];
  for (const area of plan.areas) {
    lines.push(`Obszar: ${area.name}`);
    for (const goal of area.goals) {
      lines.push(`Cel: ${goal.name}`);
      for (const task of goal.tasks) {
        lines.push(`– ${task.description} (${task.responsible}; termin ${task.deadline ? formatPolishDate(task.deadline) : 'na bieżąco'}; ${TASK_STATUS_LABELS[task.status] ?? task.status})`);
      }
    }
    lines.push('');
  }
  return lines.join('\n').trim();
}

/** "Plan pracy z rodziną nr 2, podpisany 14 maja 2026 r. (zastąpiony nowszą wersją)": the status said once. */
export function planHeading(plan: PlanRow): string {
  const base = `Plan pracy z rodziną nr ${plan.number}`;
  if (plan.signedOn === null) return `${base} – ${PLAN_STATUS_LABELS[plan.status] ?? plan.status}`;
  const approved = plan.approvedOn ? `, zatwierdzony ${formatDateLong(plan.approvedOn)}` : '';
  const state = plan.status === 'superseded' ? ' (zastąpiony nowszą wersją)' : plan.status === 'awaiting_approval' ? ' (czeka na zatwierdzenie przez kierownika)' : '';
  return `${base}, podpisany ${formatDateLong(plan.signedOn)}${approved}${state}`;
}

/** Each goal with its area, degree of achievement and comment; then the changes and the handover to the kierownik. */
export function assessmentText(a: AssessmentRow): string {
  const progress = a.progress
    .map((p) => `– ${p.area ? `${p.area} – ` : ''}${p.goal}${p.achievement ? ` (${GOAL_ACHIEVEMENT_LABELS[p.achievement].toLowerCase()})` : ''}${p.progress ? `: ${p.progress}` : ''}`)
    .join('\n');
  const handover = [a.handedOn && `Przekazano kierownikowi ośrodka ${formatDateLong(a.handedOn)}`, a.receivedOn && `przyjęta przez kierownika ${formatDateLong(a.receivedOn)}`].filter(Boolean).join(', ');
  return [progress, a.changes && `Zmiany w sytuacji rodziny: ${a.changes}`, handover].filter(Boolean).join('\n\n');
}

export function recommendationLabel(a: AssessmentRow): string {
  return RECOMMENDATION_LABELS[a.recommendation] ?? a.recommendation;
}

/** What the opinion is based on: visits, wywiady, the plan and assessments (the author adds institutions). */
function sourcesText(data: CaseData): string {
  const lines: string[] = [];
  const { visits } = data;
  if (visits.length > 0) {
    const from = visits[0]!.visitedOn;
    const to = visits.at(-1)!.visitedOn;
    lines.push(`– wizyty asystenta rodziny w środowisku: ${countOf(visits.length, { one: 'wizyta', few: 'wizyty', many: 'wizyt' })}${from === to ? ` (${formatPolishDate(from)})` : ` (od ${formatPolishDate(from)} do ${formatPolishDate(to)})`};`);
  }
  const interviews = data.interviews.filter((i) => i.conductedOn !== null).map((i) => formatPolishDate(i.conductedOn!));
  if (interviews.length > 0) lines.push(`– rodzinny wywiad środowiskowy z dnia ${interviews.join(', ')};`);
  const signed = data.plans.filter((p) => p.signedOn !== null);
  if (signed.length > 0) lines.push(`– plan pracy z rodziną (${signed.map((p) => `nr ${p.number} z ${formatPolishDate(p.signedOn!)}`).join(', ')});`);
  if (data.assessments.length > 0) lines.push(`– okresowe oceny sytuacji rodziny z dnia ${data.assessments.map((a) => formatPolishDate(a.assessedOn)).join(', ')};`);
  lines.push('– informacje instytucji (szkoła, przychodnia, kurator, policja): uzupełnij.');
  return lines.join('\n');
}

/** The opinion's sections filled from the case (docs/domain.md#the-court-opinion); the author edits them. */
export function opinionPrefill(data: CaseData): Record<string, string> {
  const { family, members, kase } = data;
  const significant = data.events.filter((e) => e.significant && visibleToAssistant(e));
  const composition = [
    `${familySizeSentence(members.length)}:`,
    ...members.map((x) => `– ${x.person.firstName} ${x.person.lastName} (ur. ${formatPolishDate(x.person.birthDate)}), ${relationOf(x.relation, x.person.sex)}${x.inHousehold ? '' : ', poza gospodarstwem domowym'}`),
    '',
    `Sprawę zgłoszono ${formatDateLong(kase.reportedOn)} Najważniejsze zdarzenia:`,
    ...significant.map((e) => `– ${formatPolishDate(e.occurredOn)}: ${e.title}${e.body ? ` – ${shorten(e.body, 300)}` : ''}`),
  ];
  const lastInterview = data.interviews.at(-1) ?? null;
  const income = lastInterview?.incomeResult ?? null;
  const finances = income
    ? `Według wywiadu środowiskowego${lastInterview?.conductedOn ? ` z dnia ${formatDateLong(lastInterview.conductedOn)}` : ''} dochód rodziny wynosi ${formatZl(income.totalIncomeGr)}, tj. ${formatZl(income.perPersonGr)} na osobę (${formatPercent(income.percentOfCriterion)} kryterium dochodowego); kryterium ${income.meetsCriterion ? 'jest spełnione' : 'nie jest spełnione'}.`
    : '';
  const children = members.filter((x) => x.relation === 'child');
  const childcare = children.map((x) => `– ${x.person.firstName} ${x.person.lastName} (ur. ${formatPolishDate(x.person.birthDate)})${x.childWhereabouts ? `: ${whereaboutsLabel(x.childWhereabouts)}` : ''}`).join('\n');
  const signed = [...data.plans].reverse().find((p) => p.status === 'signed') ?? null;
  const firstAssignment = data.assignments[0] ?? null;
  const cooperation = [
    firstAssignment ? `Asystent rodziny pracuje z rodziną od ${formatPolishDate(firstAssignment.assignedOn)}.` : '',
    signed ? `Realizowany jest plan pracy z rodziną nr ${signed.number} (podpisany ${signed.signedOn ? formatPolishDate(signed.signedOn) : '—'}):\n${planText(signed)}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const lastAssessment = data.assessments.at(-1) ?? null;
  const strengths = [data.analysis?.strengths ? `Mocne strony: ${data.analysis.strengths}` : '', data.analysis?.resources ? `Zasoby: ${data.analysis.resources}` : '']
    .filter(Boolean)
    .join('\n\n');
  const conclusions = lastAssessment
    ? `Ostatnia okresowa ocena sytuacji rodziny (${formatPolishDate(lastAssessment.assessedOn)}): ${recommendationLabel(lastAssessment)}.\n${assessmentText(lastAssessment)}`
    : (data.analysis?.conclusions ?? '');
  return {
    compositionAndHistory: composition.join('\n').trim(),
    sources: sourcesText(data),
    housing: [`Rodzina mieszka pod adresem: ${addressLine(family)}${family.rural ? ' (teren wiejski)' : ''}.`, family.housing].filter(Boolean).join('\n'),
    finances,
    relations: '',
    childcareSchoolHealth: childcare,
    cooperationAndPlan: cooperation,
    strengthsAndRisks: strengths,
    conclusions,
  };
}
