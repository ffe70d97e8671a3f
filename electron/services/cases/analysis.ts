/**
 * The analysis of the family's situation after the wywiad, and the choice of social work without an assistant.
 * Step functions of CasesService (../cases.ts), which takes `core` for the shared helpers (./core.ts).
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { COURT_SIGNIFICANT } from '../../../shared/chronology';
import type { analysisSaveSchema } from '../../../shared/cases';
import type { Actor } from '../../session/context';
import { AnalysisEntity, CaseEntity, FamilyMemberEntity } from '../../db/entities';
import { holdForWrite } from '../../data/queries/row-locks';
import { AppError } from '../../errors';
import type { CaseCore } from './core';

type AnalysisSave = z.output<typeof analysisSaveSchema>;

export async function saveAnalysis(core: CaseCore, m: EntityManager, input: AnalysisSave, actor: Actor): Promise<void> {
  // Held before it is read (issue 18): a step another PC takes meanwhile (the case leaving
  // ANALYSIS) is seen by the state check below, never written over.
  await holdForWrite(m, 'case_file', input.caseId);
  const kase = await core.load(m, input.caseId, actor);
  core.requireFull(kase);
  if (kase.row.status !== 'ANALYSIS') throw new AppError('INVALID_STATE', 'Analizę sytuacji rodziny zapisuje się po zakończeniu wywiadu, przed wnioskiem o asystenta.');
  if (input.consentOn) {
    core.notInFuture(input.consentOn, 'Data zgody rodziny', 'consentOn');
  }
  for (const entry of input.consentPersons) core.notInFuture(entry.givenOn, 'Data zgody', 'consentPersons');
  const familyPersons = new Set((await m.getRepository(FamilyMemberEntity).findBy({ familyId: kase.row.familyId })).map((member) => member.personId));
  if (input.consentPersons.some((entry) => !familyPersons.has(entry.personId))) {
    throw new AppError('VALIDATION', 'Zgodę można odnotować tylko dla członków tej rodziny.', { consentPersons: 'Osoba spoza rodziny.' });
  }
  const repo = m.getRepository(AnalysisEntity);
  const existing = await repo.findOneBy({ caseId: input.caseId });
  const now = core.clock.now().toISOString();
  const values = { reasons: input.reasons, strengths: input.strengths, resources: input.resources, conclusions: input.conclusions, consentOn: input.consentOn, consentPersons: input.consentPersons, earlierHelp: input.earlierHelp, childrenLegal: input.childrenLegal };
  if (existing) {
    // Only the form's columns: the outcome is the steps' (chooseSocialWork), never this form's.
    await repo.update({ id: existing.id }, { ...values, updatedAt: now, updatedBy: actor.user.id });
  } else {
    await repo.insert({ id: randomUUID(), caseId: input.caseId, outcome: null, ...values, ...core.tracked(actor.user.id) });
  }
  kase.row.reasons = input.reasons;
  kase.row.consentOn = input.consentOn;
  await m.getRepository(CaseEntity).update({ id: kase.row.id }, { reasons: input.reasons, consentOn: input.consentOn, updatedAt: now, updatedBy: actor.user.id });
  await core.audit.append(m, {
    actorId: actor.user.id,
    action: existing ? 'analysis.update' : 'analysis.create',
    entityType: 'analysis',
    entityId: input.caseId,
    caseId: input.caseId,
    details: { reasons: input.reasons, consentOn: input.consentOn },
  });
}

export async function chooseSocialWork(core: CaseCore, m: EntityManager, caseId: string, actor: Actor): Promise<void> {
  const kase = await core.load(m, caseId, actor);
  core.requireFull(kase);
  await core.transition(m, kase.row, 'choose_social_work', actor);
  await m.getRepository(AnalysisEntity).update({ caseId }, { outcome: 'social_work' });
  await core.event(m, caseId, core.today(), 'analysis', 'Analiza: praca socjalna bez asystenta rodziny', '', COURT_SIGNIFICANT.social_work_only, actor.user.id);
}
