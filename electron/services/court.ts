/**
 * Court requests and the opinia o rodzinie (issue 7; art. 15 ust. 1 pkt 17 u.w.r.; docs/domain.md#the-court-opinion).
 *
 * A request belongs to a case and is registered by anyone who may open the case; its deadline is
 * in the work tray (deadline-queries.ts, kind 'court'). The opinion is drafted by the assistant
 * assigned to the family from the case's data (court-data.ts opinionPrefill), submitted to the
 * kierownik, approved (or returned with a reason), and issued as a numbered PDF. Issuing the
 * opinion or exporting the case file sends nothing: the request is answered only when the user
 * says the answer went out, with the day it was sent ("Odpowiedź wysłana", answer).
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import {
  OPINION_SECTION_KEYS,
  OPINION_SECTION_LABELS,
  type courtAnswerSchema,
  type courtListSchema,
  type courtRequestSchema,
  type CourtRequestPage,
  type CourtRequestView,
  type IssuedOpinion,
  type OpinionPage,
  type OpinionSections,
  type OpinionView,
} from '../../shared/court';
import { safeFileName, sanitizeFileName } from '../../shared/file-names';
import { COURT_SIGNIFICANT } from '../../shared/chronology';
import { compare, type IsoDate } from '../../shared/domain/dates';
import { can } from '../../shared/domain/roles';
import type { Clock } from '../clock';
import { courtRequestCaseId } from '../data/queries/case-access';
import { holdForWrite } from '../data/queries/row-locks';
import { CourtOpinionEntity, CourtRequestEntity, type CourtOpinionRow, type CourtRequestRow } from '../db/entities';
import { AppError } from '../errors';
import { requireSecondPerson } from './separation';
import type { CourtOpinionModel, DocumentHeader } from '../pdf/models';
import type { HeaderBase } from './document-models';
import type { AuditService } from './audit';
import type { DocumentsService } from './documents';
import type { Actor, CasesService, LoadedCase } from './cases';
import { familyTitle, loadCaseData, opinionPrefill, whereaboutsLabel } from './court-data';
import { relationOf } from '../../shared/polish';
import { countCourtRequests, courtRequestById, courtRequestRows, type CourtListScope } from '../data/queries/court-list';

type RequestInput = z.output<typeof courtRequestSchema>;
type ListInput = z.output<typeof courtListSchema>;
type AnswerInput = z.output<typeof courtAnswerSchema>;

const NOT_FOUND = 'Nie znaleziono takiego pisma sądu.';

export class CourtService {
  constructor(
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly cases: CasesService,
  ) {}

  // ---- requests ----------------------------------------------------------------------------

  async create(m: EntityManager, input: RequestInput, actor: Actor): Promise<CourtRequestView> {
    const kase = await this.cases.load(m, input.caseId, actor);
    this.cases.notInFuture(input.receivedOn, 'Data wpływu', 'receivedOn');
    if (input.letterOn !== null && compare(input.letterOn, input.receivedOn) > 0) {
      throw new AppError('VALIDATION', 'Data pisma sądu nie może być późniejsza niż data jego wpływu.', { letterOn: 'Data pisma po dacie wpływu.' });
    }
    if (compare(input.deadline, input.receivedOn) < 0) {
      throw new AppError('VALIDATION', 'Termin odpowiedzi nie może być wcześniejszy niż data wpływu pisma.', { deadline: 'Termin przed datą wpływu.' });
    }
    const id = randomUUID();
    await m.getRepository(CourtRequestEntity).insert({ id, ...input, status: 'open', answeredOn: null, ...this.cases.tracked(actor.user.id) });
    await this.cases.event(m, kase.row.id, input.receivedOn, 'court', `Pismo sądu: ${input.court}, ${input.division}, sygn. akt ${input.caseReference}`, `Termin odpowiedzi: ${input.deadline}.${input.notes ? `\n${input.notes}` : ''}`, COURT_SIGNIFICANT.court_letter, actor.user.id, 'court_request', id);
    await this.audit.append(m, { actorId: actor.user.id, action: 'court_request.create', entityType: 'court_request', entityId: id, caseId: kase.row.id, details: { caseReference: input.caseReference, asks: input.asks, deadline: input.deadline } });
    return this.view(m, id);
  }

  /** One page of one case's requests, or of every request of the cases the user may open (kierownik: the office). */
  async list(m: EntityManager, query: ListInput, actor: Actor): Promise<CourtRequestPage> {
    let scope: CourtListScope;
    if (query.caseId !== undefined) {
      await this.cases.load(m, query.caseId, actor);
      scope = { kind: 'case', caseId: query.caseId };
    } else {
      scope = actor.user.roles.includes('head') ? { kind: 'all' } : { kind: 'user', userId: actor.user.id };
    }
    const filter = { scope, status: query.status ?? null };
    const total = await countCourtRequests(m, filter);
    const rows = total === 0 ? [] : await courtRequestRows(m, filter, query, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
    return { rows, total, page: query.page, pageSize: query.pageSize };
  }

  async answer(m: EntityManager, input: AnswerInput, actor: Actor): Promise<CourtRequestView> {
    const { request, kase } = await this.loadRequest(m, input.requestId, actor);
    if (request.status === 'answered') throw new AppError('INVALID_STATE', `Na to pismo odpowiedziano już ${request.answeredOn ?? ''}.`.trim());
    this.cases.notInFuture(input.sentOn, 'Data wysłania');
    if (compare(input.sentOn, request.receivedOn) < 0) throw new AppError('VALIDATION', 'Data wysłania odpowiedzi nie może być wcześniejsza niż data wpływu pisma.');
    if (request.asks !== 'case_file') {
      const opinion = await m.getRepository(CourtOpinionEntity).findOneBy({ requestId: request.id });
      if (opinion?.status !== 'issued') throw new AppError('INVALID_STATE', 'Sąd prosi o opinię o rodzinie: najpierw ją wydaj, potem oznacz pismo jako załatwione.');
    }
    await this.markAnswered(m, request, kase.row.id, input.sentOn, actor);
    return this.view(m, request.id);
  }

  private async markAnswered(m: EntityManager, request: CourtRequestRow, caseId: string, sentOn: IsoDate, actor: Actor): Promise<void> {
    request.status = 'answered';
    request.answeredOn = sentOn;
    request.updatedAt = this.clock.now().toISOString();
    request.updatedBy = actor.user.id;
    await m.getRepository(CourtRequestEntity).save(request);
    await this.cases.event(m, caseId, sentOn, 'court', `Odpowiedź wysłana do sądu, sygn. akt ${request.caseReference}`, '', COURT_SIGNIFICANT.court_answer, actor.user.id, 'court_request', request.id);
    await this.audit.append(m, { actorId: actor.user.id, action: 'court_request.answer', entityType: 'court_request', entityId: request.id, caseId, details: { sentOn } });
  }

  /** A request and its case, if the actor may open the case (the caller records a refusal). */
  async loadRequest(m: EntityManager, requestId: string, actor: Actor): Promise<{ request: CourtRequestRow; kase: LoadedCase }> {
    const request = await m.getRepository(CourtRequestEntity).findOneBy({ id: requestId });
    if (!request) {
      // On the server a request of a case the user may not open is hidden: refused as "not yours", as here.
      const caseId = await courtRequestCaseId(m, requestId);
      if (caseId) await this.cases.load(m, caseId, actor);
      throw new AppError('NOT_FOUND', NOT_FOUND);
    }
    return { request, kase: await this.cases.load(m, request.caseId, actor) };
  }

  async view(m: EntityManager, id: string): Promise<CourtRequestView> {
    const row = await courtRequestById(m, id);
    if (!row) throw new AppError('NOT_FOUND', NOT_FOUND);
    return row;
  }

  // ---- the opinion -------------------------------------------------------------------------

  private isAssistant(kase: LoadedCase, actor: Actor): boolean {
    return can(actor.user.roles, 'familyWork.write') && kase.activeAssistantIds.includes(actor.user.id);
  }

  private requireAssistant(kase: LoadedCase, actor: Actor): void {
    if (!this.isAssistant(kase, actor)) throw new AppError('FORBIDDEN', 'Opinię o rodzinie przygotowuje asystent rodziny przydzielony do tej rodziny.');
  }

  private requireOpinionAsked(request: CourtRequestRow): void {
    if (request.asks === 'case_file') throw new AppError('INVALID_STATE', 'Sąd prosi w tym piśmie tylko o akta sprawy, nie o opinię.');
  }

  async page(m: EntityManager, requestId: string, actor: Actor): Promise<OpinionPage> {
    const { request, kase } = await this.loadRequest(m, requestId, actor);
    const opinion = await m.getRepository(CourtOpinionEntity).findOneBy({ requestId });
    const data = await loadCaseData(m, kase.row.id);
    const prefill = opinionPrefill(data) as OpinionSections;
    const status = opinion?.status ?? 'draft';
    const names = data.names;
    await this.audit.append(m, { actorId: actor.user.id, action: 'court_opinion.open', entityType: 'court_request', entityId: requestId, caseId: kase.row.id });
    return {
      request: await this.view(m, requestId),
      opinion: opinion ? opinionView(opinion, names) : null,
      prefill,
      canEdit: request.asks !== 'case_file' && status === 'draft' && this.isAssistant(kase, actor),
      canApprove: status === 'submitted' && can(actor.user.roles, 'court.approve'),
      canIssue: status === 'approved' && (can(actor.user.roles, 'court.approve') || this.isAssistant(kase, actor)),
    };
  }

  async save(m: EntityManager, input: { requestId: string; expectedVersion: number; sections: OpinionSections }, actor: Actor): Promise<OpinionView> {
    // The request holds its opinion: another PC's save (or first save) of it is waited for, then seen (CONFLICT).
    await holdForWrite(m, 'court_request', input.requestId);
    const { request, kase } = await this.loadRequest(m, input.requestId, actor);
    this.requireOpinionAsked(request);
    this.requireAssistant(kase, actor);
    const repo = m.getRepository(CourtOpinionEntity);
    let opinion = await repo.findOneBy({ requestId: request.id });
    const names = await this.cases.userNames(m);
    if (!opinion) {
      if (input.expectedVersion !== 0) throw new AppError('CONFLICT', 'Opinia została w międzyczasie usunięta lub zmieniona. Odśwież widok.');
      const id = randomUUID();
      opinion = { id, requestId: request.id, caseId: kase.row.id, status: 'draft', sections: input.sections, authorId: actor.user.id, submittedOn: null, approvedBy: null, approvedOn: null, returnedReason: null, documentNumber: null, documentId: null, issuedOn: null, sha256: null, ...this.cases.tracked(actor.user.id) };
      await repo.insert(opinion);
      await this.audit.append(m, { actorId: actor.user.id, action: 'court_opinion.create', entityType: 'court_opinion', entityId: id, caseId: kase.row.id, details: { requestId: request.id } });
      return opinionView(opinion, names);
    }
    if (opinion.status !== 'draft') throw new AppError('INVALID_STATE', 'Opinię można zmieniać tylko jako projekt (przed przekazaniem do zatwierdzenia albo po zwrocie).');
    if (opinion.version !== input.expectedVersion) throw new AppError('CONFLICT', 'Opinię zmieniono w międzyczasie w innym oknie. Odśwież widok; Twoje zmiany są w szkicu.');
    const changed = OPINION_SECTION_KEYS.filter((key) => (opinion!.sections[key] ?? '') !== input.sections[key]);
    opinion.sections = input.sections;
    opinion.authorId = actor.user.id;
    await this.saveOpinion(m, opinion, actor);
    await this.audit.append(m, { actorId: actor.user.id, action: 'court_opinion.update', entityType: 'court_opinion', entityId: opinion.id, caseId: kase.row.id, details: { sections: changed } });
    return opinionView(opinion, names);
  }

  private async saveOpinion(m: EntityManager, opinion: CourtOpinionRow, actor: Actor): Promise<void> {
    opinion.updatedAt = this.clock.now().toISOString();
    opinion.updatedBy = actor.user.id;
    await m.getRepository(CourtOpinionEntity).save(opinion);
  }

  private async loadOpinion(m: EntityManager, requestId: string, actor: Actor): Promise<{ request: CourtRequestRow; kase: LoadedCase; opinion: CourtOpinionRow }> {
    const { request, kase } = await this.loadRequest(m, requestId, actor);
    const opinion = await m.getRepository(CourtOpinionEntity).findOneBy({ requestId });
    if (!opinion) throw new AppError('NOT_FOUND', 'Opinia do tego pisma nie została jeszcze przygotowana.');
    return { request, kase, opinion };
  }

  async submit(m: EntityManager, requestId: string, actor: Actor): Promise<OpinionView> {
    const { kase, opinion } = await this.loadOpinion(m, requestId, actor);
    this.requireAssistant(kase, actor);
    if (opinion.status !== 'draft') throw new AppError('INVALID_STATE', 'Opinia została już przekazana do zatwierdzenia.');
    const empty = OPINION_SECTION_KEYS.filter((key) => key === 'conclusions' && (opinion.sections[key] ?? '').trim() === '');
    if (empty.length > 0) throw new AppError('VALIDATION', `Nie można przekazać opinii: uzupełnij sekcję „${OPINION_SECTION_LABELS.conclusions}”.`, { conclusions: 'Wnioski są wymagane.' });
    opinion.status = 'submitted';
    opinion.submittedOn = this.cases.today();
    opinion.returnedReason = null;
    await this.saveOpinion(m, opinion, actor);
    await this.audit.append(m, { actorId: actor.user.id, action: 'court_opinion.submit', entityType: 'court_opinion', entityId: opinion.id, caseId: kase.row.id });
    return opinionView(opinion, await this.cases.userNames(m));
  }

  async approve(m: EntityManager, requestId: string, actor: Actor): Promise<OpinionView> {
    const { kase, opinion } = await this.loadOpinion(m, requestId, actor);
    if (opinion.status !== 'submitted') throw new AppError('INVALID_STATE', 'Zatwierdzić można tylko opinię przekazaną do zatwierdzenia.');
    const own = await requireSecondPerson(m, actor.user.id, opinion.authorId, 'Nie możesz zatwierdzić opinii, którą sama napisałaś — zatwierdza ją inny kierownik ośrodka.');
    opinion.status = 'approved';
    opinion.approvedBy = actor.user.id;
    opinion.approvedOn = this.cases.today();
    await this.saveOpinion(m, opinion, actor);
    await this.audit.append(m, { actorId: actor.user.id, action: 'court_opinion.approve', entityType: 'court_opinion', entityId: opinion.id, caseId: kase.row.id, details: { ...own } });
    return opinionView(opinion, await this.cases.userNames(m));
  }

  async returnToDraft(m: EntityManager, requestId: string, reason: string, actor: Actor): Promise<OpinionView> {
    const { kase, opinion } = await this.loadOpinion(m, requestId, actor);
    if (opinion.status !== 'submitted' && opinion.status !== 'approved') throw new AppError('INVALID_STATE', 'Zwrócić do poprawy można tylko opinię przekazaną do zatwierdzenia lub zatwierdzoną, a niewydaną.');
    const from = opinion.status;
    opinion.status = 'draft';
    opinion.returnedReason = reason;
    opinion.approvedBy = null;
    opinion.approvedOn = null;
    await this.saveOpinion(m, opinion, actor);
    await this.audit.append(m, { actorId: actor.user.id, action: 'court_opinion.return', entityType: 'court_opinion', entityId: opinion.id, caseId: kase.row.id, details: { from, reason } });
    return opinionView(opinion, await this.cases.userNames(m));
  }

  /**
   * Issues the approved opinion through the document register (office number, PDF rendered by the
   * PDF worker, SHA-256, immutable bytes); a request that asked for the opinion only is answered.
   */
  async issue(m: EntityManager, requestId: string, actor: Actor, documents: DocumentsService): Promise<IssuedOpinion> {
    const { request, kase, opinion } = await this.loadOpinion(m, requestId, actor);
    if (!can(actor.user.roles, 'court.approve') && !this.isAssistant(kase, actor)) throw new AppError('FORBIDDEN', 'Opinię wydaje kierownik albo asystent rodziny przydzielony do tej rodziny.');
    if (opinion.status !== 'approved') throw new AppError('INVALID_STATE', opinion.status === 'issued' ? `Opinia została już wydana (nr ${opinion.documentNumber ?? '—'}).` : 'Wydać można tylko opinię zatwierdzoną przez kierownika.');
    const issued = await documents.issueExternal(m, actor, {
      kind: 'court-opinion',
      caseId: kase.row.id,
      subjectId: request.id,
      build: (header) => this.opinionModel(m, request, opinion, header),
    });
    const { document } = issued;
    opinion.status = 'issued';
    opinion.documentNumber = document.number;
    opinion.documentId = document.id;
    opinion.issuedOn = document.issuedOn;
    opinion.sha256 = document.sha256;
    await this.saveOpinion(m, opinion, actor);
    await this.cases.event(m, kase.row.id, document.issuedOn, 'court', `Wydano opinię o rodzinie nr ${document.number} (sygn. akt ${request.caseReference})`, '', COURT_SIGNIFICANT.court_opinion_issued, actor.user.id, 'court_opinion', opinion.id);
    await this.audit.append(m, { actorId: actor.user.id, action: 'court_opinion.issue', entityType: 'court_opinion', entityId: opinion.id, caseId: kase.row.id, details: { documentId: document.id, number: document.number, sha256: document.sha256 } });
    return { documentId: document.id, documentNumber: document.number, sha256: document.sha256, fileName: safeFileName(`Opinia_${sanitizeFileName(request.caseReference)}.pdf`) };
  }

  /** The opinion's print model around the register's header (number, issue date, office, case number). */
  async opinionModel(m: EntityManager, request: CourtRequestRow, opinion: CourtOpinionRow, base: HeaderBase): Promise<CourtOpinionModel> {
    // Dated the day the opinion was completed (approved by the kierownik; submitted when not yet).
    const header: DocumentHeader = { ...base, dated: opinion.approvedOn ?? opinion.submittedOn };
    const data = await loadCaseData(m, request.caseId);
    const blankToNull = (value: string | undefined): string | null => (value === undefined || value.trim() === '' ? null : value);
    const sections = Object.fromEntries(OPINION_SECTION_KEYS.map((key) => [key, blankToNull(opinion.sections[key])])) as unknown as CourtOpinionModel['sections'];
    const first = data.assignments[0] ?? null;
    const last = data.assignments.at(-1) ?? null;
    const approver = opinion.approvedBy ? (data.names.get(opinion.approvedBy) ?? null) : null;
    return {
      header,
      court: { name: request.court, division: request.division, address: request.courtAddress?.trim() ? request.courtAddress.trim() : null },
      caseSignature: request.caseReference,
      letterDate: request.letterOn ?? null,
      receivedOn: request.receivedOn,
      family: { name: familyTitle(data), address: { street: data.family.street, postalCode: data.family.postalCode, city: data.family.city } },
      members: data.members.map((x) => ({
        fullName: `${x.person.firstName} ${x.person.lastName}`,
        relation: relationOf(x.relation, x.person.sex),
        birthDate: x.person.birthDate,
        sharesHousehold: x.inHousehold,
        // Each child's current placement (the family's piecza zastępcza records).
        whereabouts: x.childWhereabouts === null ? null : (whereaboutsLabel(x.childWhereabouts) ?? '').toLowerCase() || null,
      })),
      author: { fullName: data.names.get(opinion.authorId) ?? '—', role: 'asystent rodziny' },
      // Ended when the last assignment ended; open while an assistant works with the family.
      cooperation: { from: first?.assignedOn ?? data.kase.reportedOn, to: last?.endedOn ?? null },
      sections,
      approvedBy: approver ? { fullName: approver, role: 'Kierownik Ośrodka' } : null,
    };
  }
}

function opinionView(row: CourtOpinionRow, names: Map<string, string>): OpinionView {
  return {
    id: row.id,
    requestId: row.requestId,
    status: row.status,
    sections: Object.fromEntries(OPINION_SECTION_KEYS.map((key) => [key, row.sections[key] ?? ''])) as OpinionSections,
    authorName: names.get(row.authorId) ?? '—',
    submittedOn: row.submittedOn,
    approvedByName: row.approvedBy ? (names.get(row.approvedBy) ?? '—') : null,
    approvedOn: row.approvedOn,
    returnedReason: row.returnedReason,
    documentNumber: row.documentNumber,
    documentId: row.documentId,
    issuedOn: row.issuedOn,
    sha256: row.sha256,
    version: row.version,
  };
}
