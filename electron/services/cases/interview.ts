/**
 * The wywiad środowiskowy: started, saved as a draft (with its income test and the oświadczenie
 * o stanie majątkowym), completed, and brought up to date while aid continues.
 * Step functions of CasesService (../cases.ts), which takes `core` for the shared helpers (./core.ts).
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { AID_STATUSES, MINOR_PARENT_JUSTIFICATION, CASE_STATUS_LABELS, type CaseStatus } from '../../../shared/domain/caseFlow';
import { compare, type IsoDate } from '../../../shared/domain/dates';
import { runIncomeTest, IncomeTestInputError, CriteriaNotFoundError, type FoodAidThreshold, type IncomeTestResult } from '../../../shared/domain/income';
import { CURRENT_INTERVIEW_FORM, INTERVIEW_FORMS, missingMandatorySegments, type SegmentAnswers } from '../../../shared/domain/interviewForm';
import { COURT_SIGNIFICANT } from '../../../shared/chronology';
import type { AssetStatement, InterviewView, interviewSaveSchema } from '../../../shared/cases';
import type { Actor } from '../../session/context';
import { officeTime } from '../../clock';
import { recordCaseId } from '../../data/queries/case-access';
import { holdForWrite } from '../../data/queries/row-locks';
import { FamilyMemberEntity, InterviewEntity, type InterviewRow } from '../../db/entities';
import { AppError } from '../../errors';
import { officeFoodAidThresholds } from '../referrals';
import { insertRequest } from './request';
import type { CaseCore, LoadedCase } from './core';

/** `assets` left out (a caller inside the main process, the demo seeder): the statement stays as it is. */
type InterviewSave = Omit<z.output<typeof interviewSaveSchema>, 'assets'> & { assets?: AssetStatement | null };

export async function startInterview(core: CaseCore, m: EntityManager, caseId: string, actor: Actor): Promise<{ interviewId: string }> {
  const kase = await core.load(m, caseId, actor);
  core.requireFull(kase);
  await core.transition(m, kase.row, 'start_interview', actor);
  const id = randomUUID();
  await m.getRepository(InterviewEntity).insert({
    id,
    caseId,
    kind: 'full',
    formVersion: CURRENT_INTERVIEW_FORM.version,
    conductedOn: null,
    place: '',
    workerId: actor.user.id,
    segments: {},
    documents: {},
    income: { items: [] },
    incomeResult: null,
    status: 'draft',
    completedAt: null,
    ...core.tracked(actor.user.id),
  });
  await core.audit.append(m, { actorId: actor.user.id, action: 'interview.create', entityType: 'interview', entityId: id, caseId });
  return { interviewId: id };
}

/**
 * Aktualizacja wywiadu (Part IV of the form): while aid continues the wywiad is brought up to
 * date at least every six months. The update starts from the last completed wywiad's answers,
 * so the worker changes only what changed, and records the changes in Part IV.
 */
export async function startInterviewUpdate(core: CaseCore, m: EntityManager, caseId: string, actor: Actor): Promise<{ interviewId: string }> {
  // Another PC starting one at the same moment is waited for, then its draft is seen (issue 18).
  await holdForWrite(m, 'case_file', caseId);
  const kase = await core.load(m, caseId, actor);
  core.requireFull(kase);
  if (!AID_STATUSES.includes(kase.row.status as CaseStatus)) {
    throw new AppError('INVALID_STATE', `Aktualizację wywiadu przeprowadza się, gdy rodzina otrzymuje pomoc; sprawa ma stan „${CASE_STATUS_LABELS[kase.row.status as CaseStatus]}”.`);
  }
  const interviews = m.getRepository(InterviewEntity);
  const draft = await interviews.findOneBy({ caseId, status: 'draft' });
  if (draft) throw new AppError('INVALID_STATE', 'W tej sprawie jest już rozpoczęty wywiad lub jego aktualizacja — dokończ go, zanim zaczniesz następną.');
  const last = await interviews.findOne({ where: { caseId, status: 'completed' }, order: { conductedOn: 'DESC', createdAt: 'DESC' } });
  if (!last) throw new AppError('INVALID_STATE', 'Nie można zaktualizować wywiadu, który nie został przeprowadzony.');
  const { IV: _previousUpdate, ...segments } = last.segments;
  const id = randomUUID();
  await interviews.insert({
    id,
    caseId,
    kind: 'update',
    formVersion: last.formVersion,
    conductedOn: null,
    place: last.place,
    workerId: actor.user.id,
    segments,
    documents: last.documents,
    income: last.income,
    incomeResult: null,
    status: 'draft',
    completedAt: null,
    ...core.tracked(actor.user.id),
  });
  await core.audit.append(m, { actorId: actor.user.id, action: 'interview.create', entityType: 'interview', entityId: id, caseId, details: { kind: 'update', basedOn: last.id } });
  return { interviewId: id };
}

async function loadInterview(core: CaseCore, m: EntityManager, id: string, actor: Actor): Promise<{ interview: InterviewRow; kase: LoadedCase }> {
  const interview = await m.getRepository(InterviewEntity).findOneBy({ id });
  if (!interview) {
    // On the server a wywiad of a case the user may not open is hidden: refused as "not yours", as here.
    const caseId = await recordCaseId(m, 'interview', id);
    if (caseId) await core.load(m, caseId, actor);
    throw new AppError('NOT_FOUND', 'Nie znaleziono takiego wywiadu.');
  }
  return { interview, kase: await core.load(m, interview.caseId, actor) };
}

export async function interview(core: CaseCore, m: EntityManager, id: string, actor: Actor): Promise<InterviewView> {
  const { interview, kase } = await loadInterview(core, m, id, actor);
  await core.audit.appendRead(m, { actorId: actor.user.id, action: 'interview.open', entityType: 'interview', entityId: id, caseId: interview.caseId });
  return interviewView(core, m, interview, kase.access);
}

async function interviewView(core: CaseCore, m: EntityManager, row: InterviewRow, access: LoadedCase['access']): Promise<InterviewView> {
  const form = INTERVIEW_FORMS[row.formVersion] ?? CURRENT_INTERVIEW_FORM;
  const hidden = access === 'full' ? [] : form.segments.filter((s) => !s.assistantMayRead).map((s) => s.code);
  const segments: SegmentAnswers = Object.fromEntries(Object.entries(row.segments).filter(([code]) => !hidden.includes(code)));
  const names = await core.userNames(m);
  return {
    id: row.id,
    version: row.version,
    kind: row.kind,
    formVersion: row.formVersion,
    status: row.status,
    conductedOn: row.conductedOn,
    place: row.place,
    workerName: names.get(row.workerId) ?? '—',
    segments,
    hiddenSegments: hidden,
    documents: row.documents as InterviewView['documents'],
    income: row.income,
    incomeResult: row.incomeResult,
    // The statement lists what the household owns: beyond what art. 16 u.w.r. gives the assistant.
    assets: access === 'full' ? (row.assetStatement ?? null) : null,
    missingSegments: missingMandatorySegments(form, row.segments),
    updatedAt: row.updatedAt,
    updatedByName: row.updatedBy ? (names.get(row.updatedBy) ?? null) : null,
  };
}

/** Saves a draft. A save based on an older version never overwrites a newer one: CONFLICT. */
export async function saveInterview(core: CaseCore, m: EntityManager, input: InterviewSave, actor: Actor): Promise<InterviewView> {
  // Another PC's save of the same wywiad is waited for, then seen by the version check (CONFLICT).
  await holdForWrite(m, 'interview', input.id);
  const { interview, kase } = await loadInterview(core, m, input.id, actor);
  core.requireFull(kase);
  if (interview.status === 'completed') throw new AppError('INVALID_STATE', 'Wywiad jest zakończony i nie można go już zmieniać. Aby odnotować zmiany, przeprowadź aktualizację wywiadu.');
  if (interview.version !== input.expectedVersion) {
    const names = await core.userNames(m);
    throw new AppError(
      'CONFLICT',
      `Wywiad został w międzyczasie zapisany przez ${names.get(interview.updatedBy ?? '') ?? 'innego użytkownika'} (${officeTime(interview.updatedAt)}). Twoje zmiany nie zostały zapisane — otwórz najnowszą wersję i wprowadź je ponownie albo zapisz swoją wersję jako nową.`,
    );
  }
  if (input.conductedOn) {
    core.notInFuture(input.conductedOn, 'Data wywiadu', 'conductedOn');
    if (compare(input.conductedOn, kase.row.reportedOn) < 0) throw new AppError('VALIDATION', 'Data wywiadu nie może być wcześniejsza niż data zgłoszenia.', { conductedOn: 'Data przed zgłoszeniem.' });
  }
  const form = INTERVIEW_FORMS[interview.formVersion] ?? CURRENT_INTERVIEW_FORM;
  const knownFields = new Map(form.segments.map((s) => [s.code, new Set(s.fields.map((f) => f.key))]));
  for (const [code, fields] of Object.entries(input.segments)) {
    const known = knownFields.get(code);
    if (!known) throw new AppError('VALIDATION', `Nieznana część wywiadu: ${code}.`);
    for (const key of Object.keys(fields)) if (!known.has(key)) throw new AppError('VALIDATION', `Nieznane pole wywiadu: ${code}.${key}.`);
  }
  // The household on the wywiad's day: members who had joined and not yet moved out (issue 15: the family changes).
  const householdOn = input.conductedOn ?? core.today();
  const householdSize = (await m.getRepository(FamilyMemberEntity).findBy({ familyId: kase.row.familyId, inHousehold: true })).filter(
    (x) => (x.memberFrom === null || compare(x.memberFrom, householdOn) <= 0) && (x.memberTo === null || compare(x.memberTo, householdOn) > 0),
  ).length;
  const incomeResult = incomeTest(input, householdSize, input.conductedOn ?? kase.row.reportedOn, await officeFoodAidThresholds(m));
  if (input.assets) await checkAssetStatement(core, m, kase, input.assets);
  const before = { ...interview };
  Object.assign(interview, {
    conductedOn: input.conductedOn,
    place: input.place,
    segments: input.segments,
    documents: input.documents,
    income: input.income,
    incomeResult,
    assetStatement: input.assets === undefined ? (interview.assetStatement ?? null) : input.assets,
    updatedAt: core.clock.now().toISOString(),
    updatedBy: actor.user.id,
  });
  await m.getRepository(InterviewEntity).save(interview);
  const changedSegments = Object.keys({ ...before.segments, ...input.segments }).filter(
    (code) => JSON.stringify(before.segments[code] ?? {}) !== JSON.stringify(input.segments[code] ?? {}),
  );
  await core.audit.append(m, {
    actorId: actor.user.id,
    action: 'interview.update',
    entityType: 'interview',
    entityId: interview.id,
    caseId: interview.caseId,
    details: {
      version: interview.version,
      changedSegments,
      ...(before.conductedOn === input.conductedOn ? {} : { conductedOn: { from: before.conductedOn, to: input.conductedOn } }),
    },
  });
  return interviewView(core, m, interview, kase.access);
}

/** The oświadczenie o stanie majątkowym: made by a member of this family, signed on a day that has come. */
async function checkAssetStatement(core: CaseCore, m: EntityManager, kase: LoadedCase, assets: AssetStatement): Promise<void> {
  if (assets.signedOn) core.notInFuture(assets.signedOn, 'Data podpisania oświadczenia', 'assets.signedOn');
  if (assets.declarantId) {
    const member = await m.getRepository(FamilyMemberEntity).findOneBy({ familyId: kase.row.familyId, personId: assets.declarantId });
    if (!member) throw new AppError('VALIDATION', 'Oświadczenie o stanie majątkowym składa członek tej rodziny.', { 'assets.declarantId': 'Wybierz członka rodziny.' });
  }
}

/** An update changes no status: it records what changed (Part IV) and restarts the six months. */
async function completeInterviewUpdate(core: CaseCore, m: EntityManager, interview: InterviewRow, kase: LoadedCase, actor: Actor): Promise<InterviewView> {
  const conductedOn = interview.conductedOn!;
  const form = INTERVIEW_FORMS[interview.formVersion] ?? CURRENT_INTERVIEW_FORM;
  const missing = missingMandatorySegments(form, interview.segments);
  if (missing.length > 0) throw new AppError('VALIDATION', `Nie można zakończyć aktualizacji: nie uzupełniono obowiązkowych części wywiadu (${missing.join(', ')}).`);
  if (!interview.segments.IV?.changes?.trim()) {
    throw new AppError('VALIDATION', 'Nie można zakończyć aktualizacji: opisz w części IV, co zmieniło się w sytuacji rodziny (albo że nic się nie zmieniło).', { 'IV.changes': 'Opisz zmiany.' });
  }
  const previous = await m.getRepository(InterviewEntity).findOne({ where: { caseId: kase.row.id, status: 'completed' }, order: { conductedOn: 'DESC' } });
  if (previous?.conductedOn && compare(conductedOn, previous.conductedOn) < 0) {
    throw new AppError('VALIDATION', `Data aktualizacji nie może być wcześniejsza niż data poprzedniego wywiadu (${previous.conductedOn}).`, { conductedOn: 'Data przed poprzednim wywiadem.' });
  }
  interview.status = 'completed';
  interview.completedAt = core.clock.now().toISOString();
  interview.updatedAt = interview.completedAt;
  interview.updatedBy = actor.user.id;
  await m.getRepository(InterviewEntity).save(interview);
  await core.event(m, kase.row.id, conductedOn, 'interview', 'Zaktualizowano wywiad środowiskowy', interview.segments.IV.changes.trim(), COURT_SIGNIFICANT.interview_updated, actor.user.id, 'interview', interview.id);
  await core.audit.append(m, { actorId: actor.user.id, action: 'interview.complete', entityType: 'interview', entityId: interview.id, caseId: kase.row.id, details: { kind: 'update' } });
  return interviewView(core, m, interview, kase.access);
}

/** `foodAidThresholds`: the office's FEPŻ table; the share in force on the wywiad's date is shown. */
function incomeTest(input: InterviewSave, householdSize: number, date: IsoDate, foodAidThresholds: readonly FoodAidThreshold[]): IncomeTestResult | null {
  if (input.income.items.length === 0 && !input.income.farmHectares) return null;
  try {
    return runIncomeTest({ date, householdSize: Math.max(1, householdSize), items: input.income.items, farmHectares: input.income.farmHectares, foodAidThresholds });
  } catch (error) {
    if (error instanceof IncomeTestInputError) throw new AppError('VALIDATION', `Test dochodowy: ${error.message}`, error.fields);
    if (error instanceof CriteriaNotFoundError) throw new AppError('VALIDATION', error.message);
    throw error;
  }
}

export async function completeInterview(core: CaseCore, m: EntityManager, id: string, expectedVersion: number, actor: Actor): Promise<InterviewView> {
  await holdForWrite(m, 'interview', id);
  const { interview, kase } = await loadInterview(core, m, id, actor);
  core.requireFull(kase);
  if (interview.version !== expectedVersion) throw new AppError('CONFLICT', 'Wywiad został w międzyczasie zmieniony. Otwórz najnowszą wersję przed zakończeniem.');
  if (!interview.conductedOn) throw new AppError('VALIDATION', 'Nie można zakończyć wywiadu: podaj datę przeprowadzenia wywiadu.', { conductedOn: 'Podaj datę wywiadu.' });
  if (interview.kind === 'update') return completeInterviewUpdate(core, m, interview, kase, actor);
  // art. 11 u.w.r.: a minor parent leaving an institution goes from the wywiad to the kierownik's queue.
  await core.transition(m, kase.row, kase.row.minorParent ? 'complete_interview_minor_parent' : 'complete_interview', actor);
  interview.status = 'completed';
  interview.completedAt = core.clock.now().toISOString();
  interview.updatedAt = interview.completedAt;
  interview.updatedBy = actor.user.id;
  await m.getRepository(InterviewEntity).save(interview);
  const late = compare(interview.conductedOn, kase.row.interviewDue) > 0;
  await core.event(m, kase.row.id, interview.conductedOn, 'interview', late ? 'Przeprowadzono wywiad środowiskowy (po terminie)' : 'Przeprowadzono wywiad środowiskowy', '', COURT_SIGNIFICANT.interview_completed, actor.user.id, 'interview', interview.id);
  await core.audit.append(m, { actorId: actor.user.id, action: 'interview.complete', entityType: 'interview', entityId: id, caseId: kase.row.id, details: { late } });
  if (kase.row.minorParent) await insertRequest(core, m, kase.row.id, MINOR_PARENT_JUSTIFICATION, 'minor_parent', interview.conductedOn, actor);
  return interviewView(core, m, interview, kase.access);
}
