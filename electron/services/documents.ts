/**
 * The document register (issue 6; docs/domain.md#data-protection-and-the-document-register).
 * Issuing a document builds its model from the case's records, and
 * - when the latest version of that document (same kind and subject) was rendered from the same
 *   model with the same template, returns it: a reprint gives the very same bytes;
 * - otherwise renders a new version through the PDF worker and stores it beside the older ones,
 *   which stay retrievable unchanged (the table refuses updates and deletes).
 * The model is built with the header of the latest version (its number and issue date), so that
 * unchanged data gives an identical model; a new version gets today's date and its own number.
 *
 * On the embedded file no document is rendered while the database is held (issue 14): a
 * transaction that issues one runs inside issuing(), which rolls it back at the first model not
 * rendered yet, renders that model with no lock held and under a deadline, and runs the
 * transaction again. The second run rebuilds the model from the records of that moment and takes
 * the PDF only if the model is the very same (number, dates and content): whatever changed in
 * between is rendered anew.
 *
 * On the office server several PCs write at once, and another PC would take the number between
 * the runs. There the transaction renders in place, under the same deadline, holding its year's
 * register number from taking it until the PDF is stored: PCs printing at once issue one after
 * another like at a paper register, and a render that fails rolls the number back
 * (docs/decisions/0005-register-numbers-across-pcs.md).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  DOCUMENT_ISSUERS,
  DOCUMENT_KIND_LABELS,
  OFFICE_DOCUMENT_KIND_LABELS,
  type OfficeDocumentKind,
  type RegisterDocumentKind,
  HIDDEN_FROM_ASSISTANT,
  mayIssue,
  type CaseDocumentKind,
  type DocumentEntryView,
  type DocumentIssueResult,
} from '../../shared/documents';
import { ROLE_LABELS } from '../../shared/domain/roles';
import { canonicalJson } from '../data/canonical-json';
import { IssuedDocumentEntity, type IssuedDocumentRow } from '../db/entities';
import { documentCaseId } from '../data/queries/case-access';
import { officeDocumentRef } from '../data/queries/office-documents';
import { holdWhileRendering, nextNumber } from '../data/queries/numbering';
import { dialectOf } from '../data/sql';
import { AppError } from '../errors';
import { PdfServiceError, type PdfService } from '../pdf/pdf-service';
import type { DocumentKind, DocumentModels } from '../pdf/models';
import { templateVersionOf } from '../pdf/template-versions';
import type { AuditService } from './audit';
import type { Actor, CasesService, LoadedCase } from './cases';
import { buildCaseDocument, caseContext, type BuiltKind, type HeaderBase } from './document-models';
import type { OfficeService } from './office';

/** What a caller outside this module (the court requests' service) passes to issue a document it builds itself. */
export interface ExternalIssue<K extends CaseDocumentKind> {
  kind: K;
  caseId: string;
  subjectId: string;
  /**
   * Builds the model around the header the register gives (number, issue date, office, case
   * number), adding the date of the document's act (DocumentHeader.dated).
   */
  build: (header: HeaderBase) => DocumentModels[K] | Promise<DocumentModels[K]>;
}

/** Documents issued to a person without a case (issue 19): their own service decides who may read them. */
export type { OfficeDocumentKind };

/** Refuses (AppError) when the actor may not read the office document issued for `subjectId`. */
export type OfficeDocumentAccess = (m: EntityManager, actor: Actor, subjectId: string) => Promise<void>;

/** The PDF worker as the register uses it (electron/pdf/pdf-service.ts; a fake in tests). */
export type PdfPort = Pick<PdfService, 'render'>;

export interface DocumentsOptions {
  /** How long issuing waits for the PDF worker (its queue included) before giving up. Default 90 s. */
  renderTimeoutMs?: number;
  /**
   * Renders inside the caller's transaction instead of through issuing(): only for offline bulk
   * seeding (electron/tools/demo), where nobody else waits for the database.
   */
  renderInTransaction?: boolean;
}

export const DOCUMENT_RENDER_TIMEOUT_MS = 90_000;
/** Runs of one issuing transaction: one per document it renders, and a few for data that changed meanwhile. */
const ISSUE_ATTEMPTS = 4;
/**
 * How long a PC waits on the office server for the register's number while other PCs render
 * theirs (each holds it for one render): within the server's statement timeout (30 s).
 */
export const REGISTER_WAIT_MS = 25_000;

/** A model the running transaction needs as a PDF: issuing() rolls back, renders it and runs again. */
class RenderNeeded extends Error {
  constructor(
    readonly key: string,
    readonly render: () => Promise<Uint8Array>,
  ) {
    super('The transaction needs a document rendered outside it.');
  }
}

/** Whose register entry a document is: a case's, or the office's (no case). */
interface Owner {
  caseId: string | null;
  caseNumber: string | null;
}

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** Pages of a PDF written by pdfkit (page objects are never inside compressed object streams). */
export function pdfPageCount(bytes: Uint8Array): number {
  return [...Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1').matchAll(/\/Type\s*\/Page\b(?!s)/g)].length;
}

const VERSION_SUFFIX = / \(wersja \d+\)$/;

export class DocumentsService {
  private readonly officeAccess = new Map<OfficeDocumentKind, OfficeDocumentAccess>();
  /** The PDFs rendered for the issuing() call the current async context belongs to, by model. */
  private readonly rendered = new AsyncLocalStorage<Map<string, Uint8Array>>();

  constructor(
    private readonly audit: AuditService,
    private readonly cases: CasesService,
    private readonly office: OfficeService,
    /** The PDF worker, started on first use (electron/pdf/pdf-service.ts). */
    private readonly pdf: () => PdfPort,
    private readonly options: DocumentsOptions = {},
  ) {}

  /**
   * Runs a transaction that issues documents (`transaction` opens it: ctx.write(…)), rendering
   * each PDF between runs, with no lock held: see the top of this file. A render that outlasts the
   * deadline fails the issue in Polish, and nothing is saved.
   */
  async issuing<T>(transaction: () => Promise<T>): Promise<T> {
    const pdfs = new Map<string, Uint8Array>();
    for (let attempt = 1; attempt <= ISSUE_ATTEMPTS; attempt++) {
      try {
        return await this.rendered.run(pdfs, transaction);
      } catch (error) {
        if (!(error instanceof RenderNeeded)) throw error;
        pdfs.set(error.key, await this.withDeadline(error.render()));
      }
    }
    throw new AppError('CONFLICT', 'Dane dokumentu zmieniały się w trakcie jego przygotowania. Nic nie zostało zapisane — spróbuj wydać dokument ponownie.');
  }

  /** Issues (or reprints) a document built from the case's own records. */
  async issue(m: EntityManager, actor: Actor, input: { caseId: string; kind: CaseDocumentKind; subjectId: string }): Promise<DocumentIssueResult> {
    if (input.kind === 'court-opinion') {
      throw new AppError('VALIDATION', 'Opinię o rodzinie dla sądu wydaje się z zakładki wniosków sądu.');
    }
    const kind: BuiltKind = input.kind;
    const kase = await this.cases.load(m, input.caseId, actor);
    this.checkIssuer(kase, actor, kind);
    const context = await caseContext(m, kase.row);
    return this.issueModel(m, actor, caseOwner(kase), kind, input.subjectId, (header) => buildCaseDocument(m, context, kind, input.subjectId, header));
  }

  /**
   * For the court requests' service (the opinia o rodzinie): issues a document whose model the
   * caller builds, inside the caller's transaction, with the same access rules, versions and audit.
   */
  async issueExternal<K extends CaseDocumentKind>(m: EntityManager, actor: Actor, input: ExternalIssue<K>): Promise<DocumentIssueResult> {
    const kase = await this.cases.load(m, input.caseId, actor);
    this.checkIssuer(kase, actor, input.kind);
    return this.issueModel(m, actor, caseOwner(kase), input.kind, input.subjectId, async (header) => input.build(header));
  }

  /**
   * Who may read an office document of a kind: the service that issues it registers its check
   * (documents:open / print / get then serve it like a case's document).
   */
  registerOfficeKind(kind: OfficeDocumentKind, access: OfficeDocumentAccess): void {
    this.officeAccess.set(kind, access);
  }

  /**
   * Issues a document without a case (a referral), in the caller's transaction, numbered from the
   * same yearly sequence; the caller has checked that the actor may issue it.
   */
  async issueOffice<K extends OfficeDocumentKind>(
    m: EntityManager,
    actor: Actor,
    input: { kind: K; subjectId: string; build: (header: HeaderBase) => DocumentModels[K] | Promise<DocumentModels[K]> },
  ): Promise<DocumentIssueResult> {
    return this.issueModel(m, actor, { caseId: null, caseNumber: null }, input.kind, input.subjectId, async (header) => input.build(header));
  }

  /** The case's documents, newest first (never their bytes). */
  async list(m: EntityManager, actor: Actor, caseId: string): Promise<DocumentEntryView[]> {
    const kase = await this.cases.load(m, caseId, actor);
    const rows: Omit<IssuedDocumentRow, 'bytes'>[] = await m.getRepository(IssuedDocumentEntity).find({
      select: { id: true, caseId: true, kind: true, subjectId: true, number: true, version: true, templateVersion: true, modelHash: true, sha256: true, size: true, pages: true, issuedOn: true, issuedBy: true, issuedAt: true },
      where: { caseId },
      order: { issuedAt: 'DESC', version: 'DESC' },
    });
    const names = await this.cases.userNames(m);
    const latest = new Map<string, number>();
    for (const row of rows) latest.set(`${row.kind}:${row.subjectId}`, Math.max(row.version, latest.get(`${row.kind}:${row.subjectId}`) ?? 0));
    return rows
      .filter((row) => this.visible(kase, row.kind))
      .map((row) => view(row, names, latest.get(`${row.kind}:${row.subjectId}`) === row.version));
  }

  /** One stored document the actor may see, with its bytes; the reading is audited (open, print, download). */
  async read(m: EntityManager, actor: Actor, documentId: string, purpose: 'open' | 'print' | 'download'): Promise<IssuedDocumentRow> {
    const row = await m.getRepository(IssuedDocumentEntity).findOneBy({ id: documentId });
    if (!row) {
      // On the server a document of a case the user may not open is hidden: refused as "not yours", as here.
      const caseId = await documentCaseId(m, documentId);
      if (caseId) await this.cases.load(m, caseId, actor);
      // … and an office document (a referral) another family's: its kind's own check refuses it, as here.
      const office = caseId ? null : await officeDocumentRef(m, documentId);
      const access = office ? this.officeAccess.get(office.kind as OfficeDocumentKind) : undefined;
      if (office && access) await access(m, actor, office.subjectId);
      throw new AppError('NOT_FOUND', 'Nie znaleziono takiego dokumentu w rejestrze.');
    }
    if (row.caseId === null) {
      const access = this.officeAccess.get(row.kind as OfficeDocumentKind);
      if (!access) throw new AppError('NOT_FOUND', 'Nie znaleziono takiego dokumentu w rejestrze.');
      await access(m, actor, row.subjectId);
    } else {
      const kase = await this.cases.load(m, row.caseId, actor);
      if (!this.visible(kase, row.kind)) throw new AppError('FORBIDDEN', 'Nie masz uprawnień do tego dokumentu.');
    }
    if (sha256(row.bytes) !== row.sha256) {
      throw new AppError('DB_CORRUPT', `Dokument ${row.number} w rejestrze jest uszkodzony (suma kontrolna się nie zgadza). Przywróć dane z kopii zapasowej.`);
    }
    await this.audit.append(m, {
      actorId: actor.user.id,
      action: `document.${purpose}`,
      entityType: 'document',
      entityId: row.id,
      caseId: row.caseId,
      details: { number: row.number, kind: row.kind, version: row.version },
    });
    return row;
  }

  // ---- internals -----------------------------------------------------------------------

  private visible(kase: LoadedCase, kind: string): boolean {
    return kase.access === 'full' || !HIDDEN_FROM_ASSISTANT.includes(kind as CaseDocumentKind);
  }

  private checkIssuer(kase: LoadedCase, actor: Actor, kind: CaseDocumentKind): void {
    if (!mayIssue(actor.user.roles, kind) || !this.visible(kase, kind)) {
      const who = DOCUMENT_ISSUERS[kind].map((role) => ROLE_LABELS[role].toLowerCase()).join(' albo ');
      throw new AppError('FORBIDDEN', `Nie masz uprawnień do wydania dokumentu „${DOCUMENT_KIND_LABELS[kind]}”. Wydaje go ${who}.`);
    }
  }

  private async issueModel<K extends DocumentKind>(
    m: EntityManager,
    actor: Actor,
    owner: Owner,
    kind: K,
    subjectId: string,
    build: (header: HeaderBase) => Promise<DocumentModels[K]>,
  ): Promise<DocumentIssueResult> {
    const repo = m.getRepository(IssuedDocumentEntity);
    const templateVersion = templateVersionOf(kind);
    const office = await this.office.get(m);
    const header = (documentNumber: string, issuedOn: string): HeaderBase => ({
      office,
      caseNumber: owner.caseNumber,
      documentNumber,
      issuedOn,
      place: office.place.trim() || office.city,
    });
    const latest = await repo.findOne({ where: { kind, subjectId }, order: { version: 'DESC' } });
    if (latest && latest.caseId !== owner.caseId) throw new AppError('NOT_FOUND', 'Ten dokument należy do innej sprawy.');
    if (latest) {
      const again = await build(header(latest.number, latest.issuedOn));
      if (sha256(canonicalJson(again)) === latest.modelHash && latest.templateVersion === templateVersion) {
        await this.audit.append(m, {
          actorId: actor.user.id,
          action: 'document.reprint',
          entityType: 'document',
          entityId: latest.id,
          caseId: owner.caseId,
          details: { kind, number: latest.number, version: latest.version, sha256: latest.sha256 },
        });
        return { document: view(latest, await this.cases.userNames(m), true), reprint: true };
      }
    }

    const version = (latest?.version ?? 0) + 1;
    const issuedOn = this.cases.today();
    const number = latest ? `${latest.number.replace(VERSION_SUFFIX, '')} (wersja ${version})` : await this.nextNumber(m, issuedOn);
    const model = await build(header(number, issuedOn));
    const bytes = await this.render(m, kind, model);
    const row: IssuedDocumentRow = {
      id: randomUUID(),
      caseId: owner.caseId,
      kind,
      subjectId,
      number,
      version,
      templateVersion,
      modelHash: sha256(canonicalJson(model)),
      bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      sha256: sha256(bytes),
      size: bytes.byteLength,
      pages: pdfPageCount(bytes),
      issuedOn,
      dated: model.header.dated,
      issuedBy: actor.user.id,
      issuedAt: this.cases.tracked(actor.user.id).createdAt,
    };
    await repo.insert(row);
    await this.audit.append(m, {
      actorId: actor.user.id,
      action: 'document.issue',
      entityType: 'document',
      entityId: row.id,
      caseId: owner.caseId,
      details: { kind, subjectId, number, version, templateVersion, sha256: row.sha256, pages: row.pages, previous: latest?.id ?? null },
    });
    return { document: view(row, await this.cases.userNames(m), true), reprint: false };
  }

  /** The register's office number: a sequence per calendar year, "12/2026". */
  private async nextNumber(m: EntityManager, issuedOn: string): Promise<string> {
    const year = issuedOn.slice(0, 4);
    try {
      return `${await nextNumber(m, 'document_number', year, { waitMs: REGISTER_WAIT_MS })}/${year}`;
    } catch (error) {
      // 55P03: lock_timeout, the other PCs' documents still printing after REGISTER_WAIT_MS.
      if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '55P03') {
        throw new AppError('CONFLICT', `Rejestr dokumentów jest zajęty: na innych komputerach drukuje się właśnie wiele dokumentów (czekano ${REGISTER_WAIT_MS / 1000} s). Nic nie zostało zapisane — spróbuj wydać dokument ponownie za chwilę.`);
      }
      throw error;
    }
  }

  /**
   * The PDF of a model: on the embedded file rendered for this issuing() call already, or asked of
   * it (the transaction rolls back); on the office server rendered in place, the transaction (and
   * the register's number it holds) kept open until the deadline.
   */
  private async render<K extends DocumentKind>(m: EntityManager, kind: K, model: DocumentModels[K]): Promise<Uint8Array> {
    if (this.options.renderInTransaction) return this.renderNow(kind, model);
    if (dialectOf(m) === 'postgres') {
      await holdWhileRendering(m, this.renderTimeoutMs() + 10_000);
      return this.withDeadline(this.renderNow(kind, model));
    }
    const pdfs = this.rendered.getStore();
    if (!pdfs) throw new Error('DocumentsService: documents are issued through issuing(), never rendered while the database is held.');
    const key = `${kind}:${sha256(canonicalJson(model))}`;
    const bytes = pdfs.get(key);
    if (!bytes) throw new RenderNeeded(key, () => this.renderNow(kind, model));
    return bytes;
  }

  private async withDeadline(rendering: Promise<Uint8Array>): Promise<Uint8Array> {
    const ms = this.renderTimeoutMs();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new AppError('INTERNAL', `Przygotowanie dokumentu trwało zbyt długo (ponad ${Math.max(1, Math.round(ms / 1000))} s) i zostało przerwane. Nic nie zostało zapisane w rejestrze dokumentów. Spróbuj ponownie; jeśli błąd się powtórzy, uruchom program ponownie.`)),
        ms,
      );
    });
    // A render that loses the race may still fail later: that is no longer anybody's error.
    rendering.catch(() => undefined);
    try {
      return await Promise.race([rendering, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private renderTimeoutMs(): number {
    return this.options.renderTimeoutMs ?? DOCUMENT_RENDER_TIMEOUT_MS;
  }

  private async renderNow<K extends DocumentKind>(kind: K, model: DocumentModels[K]): Promise<Uint8Array> {
    try {
      return await this.pdf().render(kind, model);
    } catch (error) {
      if (error instanceof PdfServiceError) {
        throw new AppError(error.code === 'INVALID_MODEL' ? 'VALIDATION' : 'INTERNAL', `${error.message} Nic nie zostało zapisane w rejestrze dokumentów.`);
      }
      throw error;
    }
  }
}

function caseOwner(kase: LoadedCase): Owner {
  return { caseId: kase.row.id, caseNumber: kase.row.number };
}

function view(row: Omit<IssuedDocumentRow, 'bytes'>, names: Map<string, string>, latest: boolean): DocumentEntryView {
  const kind = row.kind as RegisterDocumentKind;
  return {
    id: row.id,
    caseId: row.caseId,
    kind,
    kindLabel: (kind in OFFICE_DOCUMENT_KIND_LABELS ? OFFICE_DOCUMENT_KIND_LABELS[kind as OfficeDocumentKind] : DOCUMENT_KIND_LABELS[kind as CaseDocumentKind]) ?? row.kind,
    subjectId: row.subjectId,
    number: row.number,
    version: row.version,
    templateVersion: row.templateVersion,
    sha256: row.sha256,
    size: row.size,
    pages: row.pages,
    issuedByName: names.get(row.issuedBy) ?? '—',
    issuedAt: row.issuedAt,
    issuedOn: row.issuedOn,
    latest,
  };
}
