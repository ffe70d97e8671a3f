/**
 * The first step of a case: the report (zgłoszenie), its family and persons, and the checks that keep
 * one person from being linked or duplicated where the user may not reach (issue 14).
 * Step functions of CasesService (../cases.ts), which takes `core` for the shared helpers (./core.ts).
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { IsoDate } from '../../../shared/domain/dates';
import { interviewDeadline } from '../../../shared/domain/deadlines';
import { PESEL_MESSAGES, validatePesel } from '../../../shared/domain/pesel';
import { COURT_SIGNIFICANT } from '../../../shared/chronology';
import { caseAccess } from '../../../shared/domain/roles';
import { personKey } from '../../../shared/domain/text';
import type { DuplicateHint, duplicateQuerySchema, intakeSchema } from '../../../shared/cases';
import type { Actor } from '../../session/context';
import { CaseEntity, FamilyEntity, FamilyMemberEntity, PersonEntity, UserEntity } from '../../db/entities';
import { nextNumber } from '../../data/queries/numbering';
import { AppError } from '../../errors';
import { reindexCase } from '../search-index';
import { openCaseWorkerNames } from '../../data/queries/open-cases';
import { personCases, personExists, personMatches } from '../../data/queries/person-matches';
import type { CaseCore } from './core';

type Intake = z.output<typeof intakeSchema>;
type DuplicateQuery = z.output<typeof duplicateQuerySchema>;

export async function create(core: CaseCore, m: EntityManager, input: Intake, actor: Actor): Promise<{ id: string; number: string }> {
  core.notInFuture(input.reportedOn, 'Data zgłoszenia', 'reportedOn');
  const workerId = await leadingWorker(m, input.workerId, actor);
  const familyId = randomUUID();
  await m.getRepository(FamilyEntity).insert({ id: familyId, ...input.family, ...core.tracked(actor.user.id) });
  for (const [position, member] of input.members.entries()) {
    const personId = member.existingPersonId ?? (await createPerson(core, m, member.person!, actor, `members.${position}.person`));
    if (member.existingPersonId) await requireAttachable(core, m, member.existingPersonId, actor);
    await m.getRepository(FamilyMemberEntity).insert({
      id: randomUUID(),
      familyId,
      personId,
      position,
      relation: member.relation,
      inHousehold: member.inHousehold,
      memberFrom: null,
      memberTo: null,
      childWhereabouts: member.childWhereabouts ?? null,
      ...core.tracked(actor.user.id),
    });
  }
  // Not silently a second case (issue 15, item 8): a member with an open case needs the user's confirmation.
  const leading = await openCaseWorkerNames(m, input.members.flatMap((member) => (member.existingPersonId ? [member.existingPersonId] : [])));
  if (leading.length > 0 && !input.secondCase) {
    throw new AppError(
      'CONFLICT',
      `Osoba z tego zgłoszenia ma już otwartą sprawę (prowadzi: ${leading.join(', ')}). Dołącz zgłoszenie do tej sprawy albo potwierdź, że zakładasz drugą sprawę.`,
      { secondCase: 'Potwierdź drugą sprawę albo dołącz zgłoszenie do otwartej.' },
    );
  }
  const id = randomUUID();
  const number = await nextCaseNumber(m, actor.settings.caseNumberPrefix, input.reportedOn);
  const interviewDue = interviewDeadline(input.reportedOn, input.urgent);
  await m.getRepository(CaseEntity).insert({
    id,
    number,
    familyId,
    status: 'REPORTED',
    reportedOn: input.reportedOn,
    source: input.source,
    sourceDetails: input.sourceDetails,
    report: input.report,
    urgent: input.urgent,
    minorParent: input.minorParent,
    reasons: input.reasons,
    workerId,
    interviewDue,
    consentOn: null,
    closureReason: null,
    closureNote: null,
    ...core.tracked(actor.user.id),
  });
  await core.event(m, id, input.reportedOn, 'intake', 'Przyjęto zgłoszenie', input.report, COURT_SIGNIFICANT.intake, actor.user.id);
  await reindexCase(m, id);
  await core.audit.append(m, {
    actorId: actor.user.id,
    action: 'case.create',
    entityType: 'case',
    entityId: id,
    caseId: id,
    details: { number, source: input.source, urgent: input.urgent, interviewDue, members: input.members.length },
  });
  return { id, number };
}

async function leadingWorker(m: EntityManager, requested: string | undefined, actor: Actor): Promise<string> {
  if (!requested || requested === actor.user.id) {
    if (!actor.user.roles.includes('social_worker')) {
      throw new AppError('VALIDATION', 'Wskaż pracownika socjalnego, który poprowadzi sprawę.', { workerId: 'Wybierz pracownika socjalnego.' });
    }
    return actor.user.id;
  }
  if (!actor.user.roles.includes('head')) throw new AppError('FORBIDDEN', 'Tylko kierownik może przekazać sprawę innemu pracownikowi.');
  const worker = await m.getRepository(UserEntity).findOneBy({ id: requested });
  if (!worker?.active || !worker.roles.includes('social_worker')) {
    throw new AppError('VALIDATION', 'Wybrana osoba nie jest aktywnym pracownikiem socjalnym.', { workerId: 'Wybierz pracownika socjalnego.' });
  }
  return worker.id;
}

/** A new person in the office's register (refuses a PESEL already there); also used by the referrals' declarations. */
export async function createPerson(core: CaseCore, m: EntityManager, person: NonNullable<Intake['members'][number]['person']>, actor: Actor, path: string): Promise<string> {
  // A PESEL fills the birth date: a future one is the number's fault, said under the PESEL.
  if (person.pesel) core.notInFuture(person.birthDate, 'Data urodzenia', `${path}.pesel`, PESEL_MESSAGES.future);
  else core.notInFuture(person.birthDate, 'Data urodzenia', `${path}.birthDate`);
  const pesel = person.pesel ? person.pesel : null;
  if (pesel) {
    const existing = await m.getRepository(PersonEntity).findOneBy({ pesel });
    if (existing) {
      // Never the person's name: a refusal must not turn a PESEL into a name (issue 14).
      throw new AppError('CONFLICT', `Osoba o tym numerze PESEL jest już w rejestrze ośrodka. Wybierz ją z podpowiedzi zamiast dodawać ponownie albo zapytaj kierownika ośrodka.`, {
        [`${path}.pesel`]: 'Ta osoba jest już w rejestrze ośrodka.',
      });
    }
  }
  const id = randomUUID();
  await m.getRepository(PersonEntity).insert({
    id,
    pesel,
    documentType: pesel ? null : (person.documentType ?? null),
    documentNumber: pesel ? null : (person.documentNumber ?? null),
    firstName: person.firstName,
    lastName: person.lastName,
    birthDate: person.birthDate,
    sex: person.sex,
    citizenship: person.citizenship,
    phone: person.phone || null,
    nameKey: personKey(person.lastName, person.firstName),
    ...core.tracked(actor.user.id),
  });
  return id;
}

/** Sequential per year: PREFIX.12.2026 (the office's JRWA-style prefix is a setting). */
async function nextCaseNumber(m: EntityManager, prefix: string, reportedOn: IsoDate): Promise<string> {
  const year = reportedOn.slice(0, 4);
  return `${prefix}.${await nextNumber(m, 'case_number', year)}.${year}`;
}

/**
 * Whose person this is: the cases of hers the user may open, the social workers leading the
 * others, and whether the user may link her to a new case — only from a case she may open (or a
 * person in no case at all); from another worker's case only the kierownik (issue 14).
 */
export async function personReach(m: EntityManager, personId: string, actor: Actor): Promise<{ visibleCaseIds: string[]; otherWorkerIds: string[]; attachable: boolean }> {
  const visibleCaseIds: string[] = [];
  const otherWorkerIds: string[] = [];
  // An assistant's access is never full, so whom a case's assistants are does not matter here.
  for (const c of await personCases(m, personId)) {
    if (c.caseId !== null && caseAccess(actor.user, { workerId: c.workerId, activeAssistantIds: [] }) === 'full') visibleCaseIds.push(c.caseId);
    else if (!otherWorkerIds.includes(c.workerId)) otherWorkerIds.push(c.workerId);
  }
  const attachable = actor.user.roles.includes('head') || otherWorkerIds.length === 0 || visibleCaseIds.length > 0;
  return { visibleCaseIds, otherWorkerIds, attachable };
}

/** Refuses to link a person the user may not reach (see personReach). */
export async function requireAttachable(core: CaseCore, m: EntityManager, personId: string, actor: Actor): Promise<void> {
  if (!(await personExists(m, personId))) throw new AppError('NOT_FOUND', 'Wybranej osoby nie ma w bazie.');
  if (!(await personReach(m, personId, actor)).attachable) {
    throw new AppError('FORBIDDEN', 'Ta osoba występuje w sprawie innego pracownika. Dołączyć ją do nowej sprawy może kierownik ośrodka — zapytaj go albo pracownika prowadzącego jej sprawę.');
  }
}

/** Office-wide, but only to warn of duplicates: names and birth dates, no case contents. */
export async function findDuplicates(core: CaseCore, m: EntityManager, query: DuplicateQuery, actor: Actor): Promise<DuplicateHint[]> {
  const matches = await personMatches(m, {
    pesel: query.pesel && validatePesel(query.pesel).ok ? query.pesel : null,
    nameKey: query.lastName && query.firstName && query.birthDate ? personKey(query.lastName, query.firstName) : null,
    birthDate: query.lastName && query.firstName && query.birthDate ? query.birthDate : null,
  });
  const hints: DuplicateHint[] = [];
  const names = await core.userNames(m);
  for (const { personId, matchedBy } of matches) {
    const reach = await personReach(m, personId, actor);
    // Someone else's person: only that she is in the register, and whom to ask (issue 14). The
    // user may read the person herself exactly then (on the server too).
    const person = reach.visibleCaseIds.length > 0 || reach.otherWorkerIds.length === 0 || actor.user.roles.includes('head') ? await m.getRepository(PersonEntity).findOneBy({ id: personId }) : null;
    const shown = person !== null;
    hints.push({
      personId,
      name: shown ? `${person.firstName} ${person.lastName}` : null,
      birthDate: shown ? person.birthDate : null,
      peselEnd: shown && person.pesel ? person.pesel.slice(-4) : null,
      matchedBy,
      visibleCaseIds: reach.visibleCaseIds,
      hasOtherCases: reach.otherWorkerIds.length > 0,
      attachable: reach.attachable,
      askWhom: [...reach.otherWorkerIds.map((id) => names.get(id) ?? 'pracownik socjalny'), 'kierownik ośrodka'].filter((v, i, all) => all.indexOf(v) === i),
    });
  }
  await core.audit.append(m, { actorId: actor.user.id, action: 'person.duplicate_check', details: { matches: hints.length, byPesel: Boolean(query.pesel) } });
  return hints;
}
