/**
 * A family obliged by a court to work with an assistant (art. 109 § 2 pkt 1 k.r.o.; issue 15,
 * item 12): the case carries the court, the sygnatura and the date of the order; its request for
 * an assistant needs no voluntary consent (caseFlow: `courtObliged`) and is of kind
 * `court_obliged`; the statistics count such families apart.
 */
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { formatPolishDate } from '../../shared/domain/dates';
import type { courtOrderSchema } from '../../shared/records';
import { AssistantRequestEntity, CaseEntity } from '../db/entities';
import { AppError } from '../errors';
import type { AuditService } from './audit';
import type { Actor, CasesService } from './cases';

type CourtOrder = z.output<typeof courtOrderSchema>;

export class CourtOrderService {
  constructor(
    private readonly audit: AuditService,
    private readonly cases: CasesService,
  ) {}

  async record(m: EntityManager, input: CourtOrder, actor: Actor): Promise<void> {
    const kase = await this.cases.load(m, input.caseId, actor);
    this.cases.requireFull(kase);
    if (kase.row.status === 'CLOSED' || kase.row.status === 'ARCHIVED') throw new AppError('INVALID_STATE', 'Sprawa jest zamknięta.');
    const act = this.cases.actOn(input.orderedOn, 'Data postanowienia', 'orderedOn', []);
    const before = { court: kase.row.courtOrderCourt, reference: kase.row.courtOrderReference, orderedOn: kase.row.courtOrderOn };
    const now = this.cases.tracked(actor.user.id);
    await m.getRepository(CaseEntity).save({
      ...kase.row,
      courtOrderCourt: input.court,
      courtOrderReference: input.reference,
      courtOrderOn: input.orderedOn,
      updatedAt: now.updatedAt,
      updatedBy: actor.user.id,
    });
    // A request already waiting becomes the court-obliged kind.
    await m.getRepository(AssistantRequestEntity).update({ caseId: kase.row.id, status: 'pending', kind: 'voluntary' }, { kind: 'court_obliged' });
    await this.cases.event(
      m,
      kase.row.id,
      input.orderedOn,
      'court',
      `Postanowienie sądu: zobowiązanie rodziny do pracy z asystentem rodziny (${input.court}, sygn. ${input.reference})`,
      `Z dnia ${formatPolishDate(input.orderedOn)}; art. 109 § 2 pkt 1 k.r.o. — praca z asystentem bez dobrowolnej zgody rodziny.`,
      true,
      actor.user.id,
    );
    await this.audit.append(m, {
      actorId: actor.user.id,
      action: 'case.court_order',
      entityType: 'case',
      entityId: kase.row.id,
      caseId: kase.row.id,
      details: { ...act, changes: { court: { from: before.court, to: input.court }, reference: { from: before.reference, to: input.reference }, orderedOn: { from: before.orderedOn, to: input.orderedOn } } },
    });
  }
}
