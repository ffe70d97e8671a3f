/** Court letters (opinia o rodzinie, the case file) added to the planned families. */
import { OPINION_SECTION_KEYS, type CourtAsks, type OpinionSections } from '../../../shared/court';
import { fromDayNumberToIso, toDayNumber } from '../../../shared/domain/dates';
import { loadCaseData, opinionPrefill } from '../../services/court-data';
import { COURT_CONCLUSIONS, COURTS, COURT_RELATIONS } from './data';
import { iso } from './family';
import { type DemoCourtRequest, type FamilyPlan, type StepRun, type Who } from './model';
import { Rng, streamSeed } from './rng';

/**
 * Where a court's letter ends: open at today ('new': no opinion yet; 'draft', 'submitted',
 * 'approved': the opinion's state; 'files_open': the case file asked for), or answered ('issued':
 * the opinion issued answers it; 'both_answered': opinion issued and the files sent on paper;
 * 'files_answered': the files sent).
 */
export const COURT_VARIANTS = ['draft', 'issued', 'files_open', 'submitted', 'both_answered', 'approved', 'files_answered', 'new'] as const;
export type CourtVariant = (typeof COURT_VARIANTS)[number];
export const CURRENT_VARIANTS: readonly CourtVariant[] = ['new', 'draft', 'submitted', 'approved', 'files_open'];
export const OPINION_VARIANTS: readonly CourtVariant[] = ['new', 'draft', 'submitted', 'approved', 'issued', 'both_answered'];
export const ISSUING_VARIANTS: readonly CourtVariant[] = ['issued', 'both_answered'];
export const COURT_WEIGHTS: Record<CourtVariant, number> = { new: 1, draft: 2, submitted: 1, approved: 1, files_open: 2, issued: 3, both_answered: 1, files_answered: 3 };

/**
 * Adds court letters to the planned families, in family order (family i's letters depend only on
 * the families before it): the first eligible families take every variant in turn, so that even
 * a small office shows each; later ones get a letter by chance. At most `issuable` opinions are
 * issued; past that, a letter that would have been answered by an opinion asks for the files.
 */
export function planCourt(plans: readonly FamilyPlan[], seed: number, today: number, issuable: number): void {
  const pending = [...COURT_VARIANTS];
  let issued = 0;
  let current = 0;
  for (const p of plans) {
    const { run } = p;
    const rng = new Rng(streamSeed((seed ^ 0x7c0a7) >>> 0, run.record.index));
    let from: number;
    let until: number;
    let currentOk: boolean;
    const assisted = p.assistantFrom !== null;
    if (p.assistantFrom !== null) {
      from = p.assistantFrom + 3;
      until = (p.assistantUntil ?? today) - 3;
      currentOk = p.assistantUntil === null && today - p.assistantFrom >= 40;
    } else if (run.record.scenario === 'social_work') {
      from = p.reportDay + 45;
      until = today - 1;
      currentOk = today - p.reportDay >= 60;
    } else continue;
    const pastOk = until - from >= 45;
    const fits = (v: CourtVariant) => (assisted || !OPINION_VARIANTS.includes(v)) && (CURRENT_VARIANTS.includes(v) ? currentOk : pastOk);
    let variant: CourtVariant | null = pending.find(fits) ?? null;
    if (variant !== null) pending.splice(pending.indexOf(variant), 1);
    else if (rng.chance(assisted ? 0.25 : 0.1)) {
      const options = COURT_VARIANTS.filter(fits);
      if (options.length === 0) continue;
      variant = rng.weighted(Object.fromEntries(options.map((v) => [v, COURT_WEIGHTS[v]])) as Record<CourtVariant, number>);
    } else continue;
    if (ISSUING_VARIANTS.includes(variant)) {
      if (issued >= issuable) variant = 'files_answered';
      else issued += 1;
    }
    const where = rng.pick(COURTS);
    const asks: CourtAsks = variant === 'files_open' || variant === 'files_answered' ? 'case_file' : variant === 'both_answered' || rng.chance(0.2) ? 'both' : 'opinion';
    const relations = rng.pick(COURT_RELATIONS);
    const conclusions = rng.pick(COURT_CONCLUSIONS);
    let received: number;
    let deadline: number;
    if (CURRENT_VARIANTS.includes(variant)) {
      // Every other open letter is past its deadline at today.
      const overdue = current++ % 2 === 0;
      received = Math.max(from, overdue ? today - rng.int(25, 38) : today - rng.int(1, 12));
      deadline = overdue ? received + rng.int(10, 20) : Math.max(received + rng.int(21, 30), today + 1);
    } else {
      received = rng.int(from, until - 40);
      deadline = received + rng.int(14, 30);
    }
    const reference = `III ${rng.pick(['Nsm', 'Nsm', 'Nsm', 'Opm'])} ${rng.int(1, 899)}/${iso(received).slice(2, 4)}`;
    const state: { id: string; record: DemoCourtRequest | null } = { id: '', record: null };
    const at = (day: number, who: Who, name: string, step: StepRun) => p.steps.push({ offset: Math.min(today, day) - p.reportDay, who, name, run: step });
    at(received, 'worker', 'courtRequest', async (x, a, date) => {
      const view = await x.court.create(x.m, { caseId: run.record.caseId, court: where.court, division: where.division, caseReference: reference, receivedOn: date, letterOn: fromDayNumberToIso(toDayNumber(date) - 3), courtAddress: 'ul. Sądowa 1', asks, deadline: iso(deadline), notes: '' }, a);
      state.id = view.id;
      state.record = { asks, court: where.court, division: where.division, caseReference: reference, receivedOn: date, deadline: view.deadline, status: 'open', answeredOn: null, opinion: null, issuedOn: null };
      run.record.court.push(state.record);
    });
    const answer = (day: number) =>
      at(day, 'worker', 'courtAnswer', async (x, a, date) => {
        await x.court.answer(x.m, { requestId: state.id, sentOn: date }, a);
        state.record!.status = 'answered';
        state.record!.answeredOn = date;
      });
    if (variant === 'files_open' || variant === 'new') continue;
    if (variant === 'files_answered') {
      answer(received + rng.int(5, 25));
      continue;
    }
    const past = !CURRENT_VARIANTS.includes(variant);
    let day = received + (past ? rng.int(2, 6) : 1);
    at(day, 'assistant', 'opinionDraft', async (x, a) => {
      const prefill = opinionPrefill(await loadCaseData(x.m, run.record.caseId));
      const sections = Object.fromEntries(OPINION_SECTION_KEYS.map((key) => [key, prefill[key] ?? ''])) as OpinionSections;
      await x.court.save(x.m, { requestId: state.id, expectedVersion: 0, sections: { ...sections, relations, conclusions } }, a);
      state.record!.opinion = 'draft';
    });
    if (variant === 'draft') continue;
    day += past ? rng.int(1, 5) : 1;
    at(day, 'assistant', 'opinionSubmit', async (x, a) => {
      await x.court.submit(x.m, state.id, a);
      state.record!.opinion = 'submitted';
    });
    if (variant === 'submitted') continue;
    day += past ? rng.int(1, 4) : 1;
    at(day, 'head', 'opinionApprove', async (x, a) => {
      await x.court.approve(x.m, state.id, a);
      state.record!.opinion = 'approved';
    });
    if (variant === 'approved') continue;
    day += rng.int(0, 2);
    at(day, 'head', 'opinionIssue', async (x, a, date) => {
      await x.court.issue(x.m, state.id, a, x.documents);
      state.record!.opinion = 'issued';
      state.record!.issuedOn = date;
    });
    // Issuing sends nothing: the opinion (and the case file) posted, then "Odpowiedź wysłana" by hand.
    answer(day + rng.int(0, 3));
  }
}
