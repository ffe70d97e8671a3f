/**
 * The family after intake (issue 15, item 5): a new address, someone joining (a newborn, a new
 * partner) or moving out, a child placed in foster care or an institution and returning, and a
 * corrected name, PESEL or phone. Each change is dated, kept as history (membership from/to,
 * addresses and placements from/to, so the family can be read as it was on a day), written to
 * the case's change register with its author, and followed by the search index; duplicate
 * detection reads the person register, which the correction updates.
 *
 * Documents already issued keep their stored bytes; a re-issue reads the family as of the act's
 * date (membersOn in document-models.ts, addressOn here).
 */
import { randomUUID } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import { RELATION_LABELS } from '../../shared/cases';
import { compare, formatPolishDate, type IsoDate } from '../../shared/domain/dates';
import { CHILD_WHEREABOUTS_LABELS } from '../../shared/cases';
import { personKey } from '../../shared/domain/text';
import type { AddressView, familyChangeSchema, PlacementView } from '../../shared/records';
import {
  ChildPlacementEntity,
  FamilyAddressEntity,
  FamilyEntity,
  FamilyMemberEntity,
  PersonEntity,
  type FamilyMemberRow,
  type FamilyRow,
  type PersonRow,
} from '../db/entities';
import { holdForWrite } from '../data/queries/row-locks';
import { AppError } from '../errors';
import type { AuditService } from './audit';
import type { Actor, CasesService } from './cases';
import { reindexFamily, reindexPerson } from './search-index';

type FamilyChange = z.output<typeof familyChangeSchema>;

const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

export class FamilyChangesService {
  constructor(
    private readonly audit: AuditService,
    private readonly cases: CasesService,
  ) {}

  /** Records one change of the family of a case (anyone who may open the case: the worker, the kierownik, its assistant). */
  async change(m: EntityManager, input: FamilyChange, actor: Actor): Promise<void> {
    const kase = await this.cases.load(m, input.caseId, actor);
    this.cases.notInFuture(input.effectiveOn, 'Data zmiany', 'effectiveOn');
    // Held before its history is read (issue 18): two PCs recording a change of one family take
    // turns, and the second builds on the first (never two current addresses, never the family
    // row written back from a stale copy).
    await holdForWrite(m, 'family', kase.row.familyId);
    const family = await m.getRepository(FamilyEntity).findOneByOrFail({ id: kase.row.familyId });
    const { change } = input;
    const base = { caseId: kase.row.id, effectiveOn: input.effectiveOn, note: input.note };
    let details: Record<string, unknown>;
    switch (change.kind) {
      case 'address':
        details = await this.changeAddress(m, family, change, input.effectiveOn, actor);
        break;
      case 'member_joins':
        details = await this.memberJoins(m, family, change.member, input.effectiveOn, actor);
        break;
      case 'member_leaves': {
        const member = await this.member(m, family.id, change.memberId);
        if (member.memberTo !== null) throw new AppError('INVALID_STATE', 'Ta osoba nie należy już do rodziny.');
        this.notBefore(input.effectiveOn, member.memberFrom, 'dnia, od którego należy do rodziny');
        member.memberTo = input.effectiveOn;
        await this.saveMember(m, member, actor);
        details = { person: await this.personName(m, member.personId), memberTo: input.effectiveOn };
        break;
      }
      case 'child_placed': {
        const member = await this.current(m, family.id, change.memberId);
        const open = await m.getRepository(ChildPlacementEntity).findOneBy({ memberId: member.id, toOn: IsNull() });
        if (open) throw new AppError('INVALID_STATE', `Dziecko jest już poza rodziną od ${formatPolishDate(open.fromOn)}. Najpierw odnotuj powrót albo popraw umieszczenie.`);
        const last = await m.getRepository(ChildPlacementEntity).findOne({ where: { memberId: member.id }, order: { toOn: 'DESC' } });
        this.notBefore(input.effectiveOn, last?.toOn ?? member.memberFrom, 'poprzedniego powrotu do rodziny');
        await m.getRepository(ChildPlacementEntity).insert({
          id: randomUUID(),
          memberId: member.id,
          whereabouts: change.whereabouts,
          fromOn: input.effectiveOn,
          toOn: null,
          note: input.note,
          ...this.cases.tracked(actor.user.id),
        });
        member.childWhereabouts = change.whereabouts;
        member.inHousehold = false;
        await this.saveMember(m, member, actor);
        details = { person: await this.personName(m, member.personId), whereabouts: CHILD_WHEREABOUTS_LABELS[change.whereabouts], fromOn: input.effectiveOn };
        break;
      }
      case 'child_returns': {
        const member = await this.current(m, family.id, change.memberId);
        const open = await m.getRepository(ChildPlacementEntity).findOneBy({ memberId: member.id, toOn: IsNull() });
        if (!open) throw new AppError('INVALID_STATE', 'To dziecko nie jest odnotowane jako umieszczone poza rodziną.');
        this.notBefore(input.effectiveOn, open.fromOn, 'umieszczenia');
        open.toOn = input.effectiveOn;
        open.updatedAt = this.cases.tracked(actor.user.id).updatedAt;
        open.updatedBy = actor.user.id;
        await m.getRepository(ChildPlacementEntity).save(open);
        member.childWhereabouts = 'home';
        member.inHousehold = true;
        await this.saveMember(m, member, actor);
        details = { person: await this.personName(m, member.personId), placedOn: open.fromOn, returnedOn: input.effectiveOn };
        break;
      }
      case 'person_corrected':
        details = await this.correctPerson(m, family.id, change.memberId, change.person, actor);
        break;
    }
    // A child's placement or return matters to a court; the rest is the family's record.
    const forCourt = change.kind === 'child_placed' || change.kind === 'child_returns';
    await this.cases.event(m, kase.row.id, input.effectiveOn, 'family', familyEventTitle(change.kind, details), input.note, forCourt, actor.user.id);
    await this.audit.append(m, {
      actorId: actor.user.id,
      action: `family.${change.kind}`,
      entityType: 'family',
      entityId: family.id,
      caseId: base.caseId,
      details: { effectiveOn: base.effectiveOn, ...details, ...(base.note ? { note: base.note } : {}) },
    });
    await reindexFamily(m, family.id);
  }

  private async changeAddress(
    m: EntityManager,
    family: FamilyRow,
    change: Extract<FamilyChange['change'], { kind: 'address' }>,
    on: IsoDate,
    actor: Actor,
  ): Promise<Record<string, unknown>> {
    const repo = m.getRepository(FamilyAddressEntity);
    let current = await repo.findOneBy({ familyId: family.id, toOn: IsNull() });
    if (!current) {
      // A family recorded after migration 0010: its first address, known since before the report.
      current = { id: randomUUID(), familyId: family.id, street: family.street, postalCode: family.postalCode, city: family.city, rural: family.rural, fromOn: null, toOn: null, ...this.cases.tracked(actor.user.id) };
      await repo.insert(current);
    }
    this.notBefore(on, current.fromOn, 'zamieszkania pod poprzednim adresem');
    const same = current.street === change.street && current.postalCode === change.postalCode && current.city === change.city && current.rural === change.rural;
    if (same) throw new AppError('VALIDATION', 'Nowy adres jest taki sam jak dotychczasowy.', { street: 'Adres się nie zmienił.' });
    const now = this.cases.tracked(actor.user.id);
    await repo.save({ ...current, toOn: on, updatedAt: now.updatedAt, updatedBy: actor.user.id });
    await repo.insert({ id: randomUUID(), familyId: family.id, street: change.street, postalCode: change.postalCode, city: change.city, rural: change.rural, fromOn: on, toOn: null, ...now });
    await m.getRepository(FamilyEntity).save({ ...family, street: change.street, postalCode: change.postalCode, city: change.city, rural: change.rural, updatedAt: now.updatedAt, updatedBy: actor.user.id, version: family.version + 1 });
    return {
      changes: {
        street: { from: current.street, to: change.street },
        postalCode: { from: current.postalCode, to: change.postalCode },
        city: { from: current.city, to: change.city },
        rural: { from: current.rural, to: change.rural },
      },
    };
  }

  private async memberJoins(m: EntityManager, family: FamilyRow, member: Extract<FamilyChange['change'], { kind: 'member_joins' }>['member'], on: IsoDate, actor: Actor): Promise<Record<string, unknown>> {
    let personId: string;
    if (member.existingPersonId) {
      // A person from another worker's case joins only through the kierownik (issue 14), as at intake.
      await this.cases.requireAttachable(m, member.existingPersonId, actor);
      personId = member.existingPersonId;
    } else {
      personId = await this.cases.createPerson(m, member.person!, actor, 'change.member.person');
    }
    const person = await m.getRepository(PersonEntity).findOneByOrFail({ id: personId });
    if (compare(on, person.birthDate) < 0) {
      throw new AppError('VALIDATION', `Data zmiany nie może być wcześniejsza niż data urodzenia (${formatPolishDate(person.birthDate)}).`, { effectiveOn: 'Data przed urodzeniem.' });
    }
    const repo = m.getRepository(FamilyMemberEntity);
    const existing = await repo.findOneBy({ familyId: family.id, personId });
    if (existing && existing.memberTo === null) throw new AppError('CONFLICT', `${fullName(person)} już należy do tej rodziny.`);
    if (existing) {
      // Back after moving out: membership history is one period per person and family [U: single period].
      throw new AppError('CONFLICT', `${fullName(person)} należał(a) już do tej rodziny do ${formatPolishDate(existing.memberTo!)}. Ponowne dołączenie tej samej osoby nie jest jeszcze obsługiwane — opisz je w notatce.`);
    }
    const position = (await repo.countBy({ familyId: family.id })) + 1;
    await repo.insert({
      id: randomUUID(),
      familyId: family.id,
      personId,
      position,
      relation: member.relation,
      inHousehold: member.inHousehold,
      memberFrom: on,
      memberTo: null,
      childWhereabouts: member.childWhereabouts ?? null,
      ...this.cases.tracked(actor.user.id),
    });
    if (family.kind === 'single') await m.getRepository(FamilyEntity).update({ id: family.id }, { kind: 'family' });
    return { person: fullName(person), relation: RELATION_LABELS[member.relation], memberFrom: on };
  }

  private async correctPerson(
    m: EntityManager,
    familyId: string,
    memberId: string,
    input: Extract<FamilyChange['change'], { kind: 'person_corrected' }>['person'],
    actor: Actor,
  ): Promise<Record<string, unknown>> {
    const member = await this.member(m, familyId, memberId);
    const repo = m.getRepository(PersonEntity);
    const person = await repo.findOneByOrFail({ id: member.personId });
    this.cases.notInFuture(input.birthDate, 'Data urodzenia', 'change.person.birthDate');
    const pesel = input.pesel ? input.pesel : null;
    if (pesel && pesel !== person.pesel) {
      const other = await repo.findOneBy({ pesel });
      if (other) {
        throw new AppError('CONFLICT', 'Ten numer PESEL ma już inna osoba w rejestrze. Sprawdź numer albo zgłoś połączenie kart osób kierownikowi.', { 'change.person.pesel': 'Numer należy do innej osoby.' });
      }
    }
    const next: PersonRow = {
      ...person,
      pesel,
      documentType: pesel ? null : (input.documentType ?? null),
      documentNumber: pesel ? null : (input.documentNumber ?? null),
      firstName: input.firstName,
      lastName: input.lastName,
      birthDate: input.birthDate,
      sex: input.sex,
      citizenship: input.citizenship,
      phone: input.phone ? input.phone : null,
      nameKey: personKey(input.lastName, input.firstName),
    };
    const fields = ['firstName', 'lastName', 'pesel', 'documentType', 'documentNumber', 'birthDate', 'sex', 'citizenship', 'phone'] as const;
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of fields) if (person[field] !== next[field]) changes[field] = { from: person[field], to: next[field] };
    if (Object.keys(changes).length === 0) throw new AppError('VALIDATION', 'Nie zmieniono żadnych danych osoby.');
    const now = this.cases.tracked(actor.user.id);
    await repo.save({ ...next, updatedAt: now.updatedAt, updatedBy: actor.user.id, version: person.version + 1 });
    await reindexPerson(m, person.id);
    return { person: fullName(next), changes };
  }

  // ---- helpers -----------------------------------------------------------------------------

  private notBefore(on: IsoDate, earliest: IsoDate | null, what: string): void {
    if (earliest && compare(on, earliest) < 0) {
      throw new AppError('VALIDATION', `Data zmiany nie może być wcześniejsza niż data ${what} (${formatPolishDate(earliest)}).`, { effectiveOn: `Najwcześniej ${formatPolishDate(earliest)}.` });
    }
  }

  private async member(m: EntityManager, familyId: string, memberId: string): Promise<FamilyMemberRow> {
    const member = await m.getRepository(FamilyMemberEntity).findOneBy({ id: memberId, familyId });
    if (!member) throw new AppError('NOT_FOUND', 'Tej osoby nie ma w rodzinie tej sprawy.');
    return member;
  }

  private async current(m: EntityManager, familyId: string, memberId: string): Promise<FamilyMemberRow> {
    const member = await this.member(m, familyId, memberId);
    if (member.memberTo !== null) throw new AppError('INVALID_STATE', 'Ta osoba nie należy już do rodziny.');
    return member;
  }

  private async saveMember(m: EntityManager, member: FamilyMemberRow, actor: Actor): Promise<void> {
    const now = this.cases.tracked(actor.user.id);
    await m.getRepository(FamilyMemberEntity).save({ ...member, updatedAt: now.updatedAt, updatedBy: actor.user.id, version: member.version + 1 });
  }

  private async personName(m: EntityManager, personId: string): Promise<string> {
    return fullName(await m.getRepository(PersonEntity).findOneByOrFail({ id: personId }));
  }
}

/** The family's addresses, oldest first (the current one last). */
export async function addressHistory(m: EntityManager, family: FamilyRow): Promise<AddressView[]> {
  const rows = await m.getRepository(FamilyAddressEntity).find({ where: { familyId: family.id } });
  if (rows.length === 0) return [{ street: family.street, postalCode: family.postalCode, city: family.city, rural: family.rural, fromOn: null, toOn: null }];
  return rows
    .sort((a, b) => (a.fromOn ?? '').localeCompare(b.fromOn ?? '') || (a.toOn ?? '9999').localeCompare(b.toOn ?? '9999'))
    .map((r) => ({ street: r.street, postalCode: r.postalCode, city: r.city, rural: r.rural, fromOn: r.fromOn, toOn: r.toOn }));
}

/** The stays away from home of the given members, by member, oldest first. */
export async function placementsOf(m: EntityManager, memberIds: readonly string[]): Promise<Map<string, PlacementView[]>> {
  const byMember = new Map<string, PlacementView[]>();
  if (memberIds.length === 0) return byMember;
  const rows = await m.getRepository(ChildPlacementEntity).createQueryBuilder('p').where('p.member_id IN (:...ids)', { ids: memberIds }).orderBy('p.from_on', 'ASC').getMany();
  for (const r of rows) {
    const list = byMember.get(r.memberId) ?? [];
    list.push({ id: r.id, whereabouts: r.whereabouts as PlacementView['whereabouts'], fromOn: r.fromOn, toOn: r.toOn });
    byMember.set(r.memberId, list);
  }
  return byMember;
}

/**
 * The family's address on a day (for documents re-issued later): the address in force then, or
 * the current one when nothing older is recorded.
 */
export async function addressOn(m: EntityManager, family: FamilyRow, on: IsoDate): Promise<{ street: string; postalCode: string; city: string }> {
  const rows = await m.getRepository(FamilyAddressEntity).findBy({ familyId: family.id });
  const hit = rows.find((r) => (r.fromOn === null || compare(r.fromOn, on) <= 0) && (r.toOn === null || compare(r.toOn, on) > 0));
  return hit ? { street: hit.street, postalCode: hit.postalCode, city: hit.city } : { street: family.street, postalCode: family.postalCode, city: family.city };
}

function familyEventTitle(kind: FamilyChange['change']['kind'], details: Record<string, unknown>): string {
  const person = typeof details.person === 'string' ? details.person : '';
  switch (kind) {
    case 'address':
      return 'Rodzina zmieniła adres';
    case 'member_joins':
      return `Nowa osoba w rodzinie: ${person}`;
    case 'member_leaves':
      return `Wyprowadził(a) się: ${person}`;
    case 'child_placed':
      return `Dziecko umieszczone poza rodziną: ${person} (${String(details.whereabouts ?? '').toLowerCase()})`;
    case 'child_returns':
      return `Dziecko wróciło do rodziny: ${person}`;
    case 'person_corrected':
      return `Poprawiono dane osoby: ${person}`;
  }
}
