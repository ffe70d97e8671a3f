/**
 * A second report about a person with an open case (issue 15, item 8): the intake warns that the
 * case is open and who leads it, and offers to add the new report to that case instead of
 * opening a second one silently. For a case the user may not open, only the worker's name is
 * said — never the person's data or the case's contents.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { CASE_STATUS_LABELS, type CaseStatus } from '../../shared/domain/caseFlow';
import { formatPolishDate } from '../../shared/domain/dates';
import { caseAccess } from '../../shared/domain/roles';
import { REPORT_SOURCE_LABELS, type ReportSource } from '../../shared/cases';
import type { additionalReportSchema, OpenCaseView } from '../../shared/records';
import { insertReportEvent, openCaseRows, type OpenCaseRow } from '../data/queries/open-cases';
import { AppError } from '../errors';
import type { AuditService } from './audit';
import type { Actor, CasesService } from './cases';

type AdditionalReport = z.output<typeof additionalReportSchema>;

const visibleTo = (row: OpenCaseRow, actor: Actor) =>
  caseAccess(actor.user, { workerId: row.workerId, activeAssistantIds: row.assistantIds ? row.assistantIds.split(',') : [] }) !== 'none';

/** The person's open cases: number and state only where the user may open the case; the worker's name always. */
export async function openCasesOf(m: EntityManager, personId: string, actor: Actor): Promise<OpenCaseView[]> {
  return (await openCaseRows(m, personId)).map((row) =>
    visibleTo(row, actor)
      ? { caseId: row.caseId, number: row.number, statusLabel: CASE_STATUS_LABELS[row.status as CaseStatus] ?? row.status, workerName: row.workerName }
      : { caseId: null, number: null, statusLabel: null, workerName: row.workerName },
  );
}

export class OpenCasesService {
  constructor(
    private readonly audit: AuditService,
    private readonly cases: CasesService,
  ) {}

  /**
   * Adds a new report to the person's open case (the one given, or the only one). The worker who
   * leads it reads it in the chronology; the reporter learns only the case's worker unless she may
   * open the case.
   */
  async addReport(m: EntityManager, input: AdditionalReport, actor: Actor): Promise<OpenCaseView> {
    const rows = await openCaseRows(m, input.personId);
    if (rows.length === 0) throw new AppError('INVALID_STATE', 'Ta osoba nie ma otwartej sprawy: zarejestruj nowe zgłoszenie.');
    const target = input.caseId ? rows.find((row) => row.caseId === input.caseId) : rows.length === 1 ? rows[0] : undefined;
    if (!target) throw new AppError('VALIDATION', 'Osoba ma kilka otwartych spraw: wybierz, do której dołączyć zgłoszenie.', { caseId: 'Wybierz sprawę.' });
    this.cases.actOn(input.reportedOn, 'Data zgłoszenia', 'reportedOn', []);
    const source = REPORT_SOURCE_LABELS[input.source as ReportSource];
    const title = `Kolejne zgłoszenie z ${formatPolishDate(input.reportedOn)} (${source}${input.sourceDetails ? `: ${input.sourceDetails}` : ''})`;
    // Also into a case the user may not open: the one entry, nothing read back (the server writes it through its own function).
    const eventId = randomUUID();
    await insertReportEvent(m, { id: eventId, caseId: target.caseId, occurredOn: input.reportedOn, title, body: input.report, authorId: actor.user.id, createdAt: this.cases.tracked(actor.user.id).createdAt });
    await this.audit.append(m, {
      actorId: actor.user.id,
      action: 'case.report_add',
      entityType: 'case',
      entityId: target.caseId,
      caseId: target.caseId,
      details: { reportedOn: input.reportedOn, source: input.source, eventId },
    });
    const visible = visibleTo(target, actor);
    return {
      caseId: visible ? target.caseId : null,
      number: visible ? target.number : null,
      statusLabel: visible ? (CASE_STATUS_LABELS[target.status as CaseStatus] ?? target.status) : null,
      workerName: target.workerName,
    };
  }
}
