/**
 * The case-file export for a court (issue 7): the parts the court asked for, of ONE case, as
 * (a) one PDF bundle — cover, contents with page numbers, the parts, "Strona N z M" throughout —
 * and (b) a ZIP of the separate PDFs with manifest.json and SUMY-SHA256.txt (`sha256sum -c`), so
 * the court can check that nothing was changed.
 *
 * Every file is written under a temporary name in the chosen folder and renamed only when
 * complete; on any failure the temporary (and already renamed) files of this run are removed, so
 * nothing half-written is left looking complete. The export is recorded in the audit trail: the
 * request, the parts, who, the file names and their SHA-256.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, open, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { REPORT_SOURCE_LABELS, EVENT_KIND_LABELS, type ReportSource } from '../../shared/cases';
import { safeFileName, sanitizeFileName } from '../../shared/file-names';
import { COURT_ASKS_LABELS, EXPORT_PART_LABELS, type courtExportSchema, type ExportedFile, type ExportPart, type ExportProgressView, type ExportResult } from '../../shared/court';
import { formatPolishDate as pl } from '../../shared/domain/dates';
import { CURRENT_INTERVIEW_FORM, INTERVIEW_FORMS } from '../../shared/domain/interviewForm';
import { registerDocumentRows } from '../data/queries/court-export';
import type { CourtRequestRow } from '../db/entities';
import { AppError } from '../errors';
import type { CaseFileEntry, CaseFilePartModel, DocumentHeader } from '../pdf/models';
import { PdfServiceError, type PdfService } from '../pdf/pdf-service';
import type { ReadySession, RequestContext } from '../session/context';
import type { AuditService } from './audit';
import type { CasesService } from './cases';
import type { BundleRequest } from '../pdf/worker-protocol';
import type { BundleOutput, BundlePart } from './court-bundle';
import { formatZl, formatDateLong, formatPercent, relationOf } from '../../shared/polish';
import { assessmentText, familyTitle, loadCaseData, planHeading, planText, recommendationLabel, type CaseData } from './court-data';
import type { CourtService } from './court';
import { zipAsync } from './zip';

type ExportInput = z.output<typeof courtExportSchema>;

export interface ExportProgress {
  /** Polish, for the user: "Przygotowuję: Chronologia sprawy". */
  label: string;
  done: number;
  total: number;
}

interface StoredDocument {
  title: string;
  /** The file's name in the ZIP, after its part number: "plan_pracy_z_rodzina_v2_2026-05-14". */
  fileName: string;
  bytes: Uint8Array;
}

interface Snapshot {
  data: CaseData;
  request: CourtRequestRow | null;
  documents: StoredDocument[];
  preparedBy: string;
  /** "Kierownik Ośrodka", "pracownik socjalny"…: under the covering letter's signature. */
  preparedByRole: string;
  today: string;
}

/** File names in the ZIP (ASCII, as a court's systems expect). */
const DOCUMENT_KIND_FILES: Record<string, string> = {
  'social-contract': 'kontrakt_socjalny',
  'assistant-request': 'wniosek_o_asystenta_rodziny',
  'assistant-assignment': 'przydzielenie_asystenta_rodziny',
  'family-work-plan': 'plan_pracy_z_rodzina',
  'periodic-assessment': 'ocena_okresowa',
  'court-opinion': 'opinia_o_rodzinie',
  'staff-change-letter': 'pismo_o_zmianie_osoby_prowadzacej',
  'interview-record': 'wywiad_srodowiskowy',
  'asset-statement': 'oswiadczenie_o_stanie_majatkowym',
};

/** What the court asked for, after "Sąd prosi o:" (accusative). */
const ASKS_ACCUSATIVE: Record<string, string> = {
  opinion: 'opinię o rodzinie',
  case_file: 'akta sprawy',
  both: 'opinię o rodzinie i akta sprawy',
};

/**
 * One line of the export's progress for a terminal: "[3/8] Przygotowuję: Plany pracy" while a step
 * runs, the end (all steps done) without a counter — never a step beyond the total ("[9/8]").
 */
export function progressLine(progress: ExportProgress): string {
  if (progress.done >= progress.total) return progress.label;
  return `[${progress.done + 1}/${progress.total}] ${progress.label}`;
}

const DOCUMENT_KIND_LABELS: Record<string, string> = {
  'social-contract': 'Kontrakt socjalny',
  'assistant-request': 'Wniosek o przydzielenie asystenta rodziny',
  'assistant-assignment': 'Przydzielenie asystenta rodziny',
  'family-work-plan': 'Plan pracy z rodziną',
  'periodic-assessment': 'Okresowa ocena sytuacji rodziny',
  'court-opinion': 'Opinia o rodzinie',
  'staff-change-letter': 'Pismo do rodziny o zmianie osoby prowadzącej',
  'interview-record': 'Rodzinny wywiad środowiskowy',
  'asset-statement': 'Oświadczenie o stanie majątkowym',
};

/** Polish message for a file-system failure in the chosen folder. */
export function folderError(error: unknown, folder: string): AppError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new AppError('IO_ERROR', `Folder „${folder}” nie istnieje lub jest niedostępny (np. odłączony pendrive). Wybierz inny folder. Nic nie zostało zapisane.`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppError('IO_ERROR', `Nie można zapisać plików w folderze „${folder}”: brak uprawnień albo nośnik tylko do odczytu. Wybierz inny folder. Nic nie zostało zapisane.`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError('IO_ERROR', `Brak miejsca na dysku w folderze „${folder}”. Zwolnij miejsce albo wybierz inny nośnik. Nic nie zostało zapisane.`);
    default:
      return new AppError('IO_ERROR', `Nie udało się zapisać plików w folderze „${folder}”. Spróbuj ponownie albo wybierz inny folder. Nic nie zostało zapisane.`);
  }
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The register's stored PDFs of the case (issue 6), the latest version of each. */
async function registerDocuments(m: EntityManager, caseId: string): Promise<StoredDocument[]> {
  const rows = await registerDocumentRows(m, caseId);
  // In the order of the acts they record (filing, decision, signing, assessment, opinion).
  return rows.map((r) => {
    const date = r.dated ?? r.issuedOn;
    return {
      title: `${DOCUMENT_KIND_LABELS[r.kind] ?? r.kind} nr ${r.number.replace(/ \(wersja \d+\)$/, '')}${r.version > 1 ? ` (wersja ${r.version})` : ''} z dnia ${pl(date)}`,
      fileName: `${DOCUMENT_KIND_FILES[r.kind] ?? sanitizeFileName(r.kind)}${r.version > 1 ? `_v${r.version}` : ''}_${date}`,
      bytes: new Uint8Array(r.bytes),
    };
  });
}

export class CourtExportService {
  /** The running exports' progress, by user and request (court:exportProgress polls it). */
  private readonly running = new Map<string, ExportProgressView>();

  constructor(
    private readonly ports: { audit: AuditService; cases: CasesService; court: CourtService; pdf: () => PdfService; fontDir: () => string },
  ) {}

  /** Reads what may be exported (and nothing of another family); refusals go to the audit trail. */
  private snapshot(ctx: RequestContext, input: ExportInput): Promise<Snapshot> {
    const { cases, court } = this.ports;
    return ctx.write(input.caseId ?? null, async (m, actor) => {
      let request: CourtRequestRow | null = null;
      let caseId: string;
      if (input.requestId !== undefined) {
        const loaded = await court.loadRequest(m, input.requestId, actor);
        request = loaded.request;
        caseId = request.caseId;
        if (input.caseId !== undefined && input.caseId !== caseId) throw new AppError('VALIDATION', 'To pismo sądu dotyczy innej sprawy.');
        cases.requireFull(loaded.kase);
        // Exactly what the court asked for: a letter asking for the opinion alone gets no case file.
        if (request.asks === 'opinion') throw new AppError('INVALID_STATE', 'Sąd prosi w tym piśmie tylko o opinię o rodzinie, nie o akta sprawy.');
      } else {
        caseId = input.caseId!;
        cases.requireFull(await cases.load(m, caseId, actor));
      }
      const data = await loadCaseData(m, caseId);
      return {
        data,
        request,
        documents: await registerDocuments(m, caseId),
        preparedBy: `${actor.user.firstName} ${actor.user.lastName}`,
        preparedByRole: actor.user.roles.includes('head') ? 'Kierownik Ośrodka' : actor.user.roles.includes('social_worker') ? 'pracownik socjalny' : 'asystent rodziny',
        today: cases.today(),
      };
    });
  }

  /** A part of the case file, printed by the PDF worker (the main thread stays free). */
  private async render(model: CaseFilePartModel): Promise<Uint8Array> {
    try {
      return await this.ports.pdf().render('case-file-part', model);
    } catch (error) {
      if (error instanceof PdfServiceError) throw new AppError('INTERNAL', `${error.message} Nic nie zostało zapisane.`);
      throw error;
    }
  }

  /** The bundle, merged and numbered by the PDF worker (pdf-lib work of ~100 ms stays off the main thread). */
  private async assemble(bundle: BundleRequest): Promise<BundleOutput> {
    try {
      return await this.ports.pdf().assemble(bundle);
    } catch (error) {
      if (error instanceof PdfServiceError) throw new AppError('INTERNAL', `${error.message} Nic nie zostało zapisane.`);
      throw error;
    }
  }

  /** Where this user's export for the request stands; null when none runs. */
  progress(session: ReadySession | null, requestId: string): ExportProgressView | null {
    return session ? (this.running.get(`${session.user.id}|${requestId}`) ?? null) : null;
  }

  async run(ctx: RequestContext, input: ExportInput, onProgress?: (progress: ExportProgress) => void): Promise<ExportResult> {
    const session = ctx.session;
    // Progress for the window, while this run lasts: one export per user and request at a time is shown.
    const key = session && input.requestId !== undefined ? `${session.user.id}|${input.requestId}` : null;
    const total = input.parts.length + 2;
    const report = (progress: ExportProgress) => {
      if (key !== null) this.running.set(key, { step: Math.min(progress.total, progress.done + 1), done: progress.done, total: progress.total, label: progress.label });
      onProgress?.(progress);
    };
    if (key !== null) this.running.set(key, { step: 1, done: 0, total, label: 'Sprawdzam dane sprawy' });
    try {
      return await this.export(ctx, input, total, report);
    } finally {
      if (key !== null) this.running.delete(key);
    }
  }

  private async export(ctx: RequestContext, input: ExportInput, total: number, onProgress: (progress: ExportProgress) => void): Promise<ExportResult> {
    const started = performance.now();
    const snap = await this.snapshot(ctx, input);
    const folder = input.folder;
    await checkFolder(folder);
    // Printing must be available (the fonts' folder known) before anything is rendered.
    this.ports.fontDir();

    const { data, request } = snap;
    const header: DocumentHeader = { office: data.office, caseNumber: data.kase.number, documentNumber: null, issuedOn: snap.today, dated: snap.today, place: data.office.place.trim() || data.office.city };
    const reference = request ? `sygn. akt ${request.caseReference}` : null;
    const subtitle = [`${familyTitle(data)}, ${data.family.street}, ${data.family.postalCode} ${data.family.city}`, ...(reference ? [`Dla: ${request!.court}, ${request!.division}, ${reference}`] : [])];
    let done = 0;
    const step = (label: string) => onProgress({ label, done: done++, total });

    const bundleParts: BundlePart[] = [];
    const zipFiles: { name: string; bytes: Uint8Array }[] = [];
    for (const [index, part] of input.parts.entries()) {
      step(`Przygotowuję: ${EXPORT_PART_LABELS[part]}`);
      const number = String(index + 1).padStart(2, '0');
      const title = `${index + 1}. ${EXPORT_PART_LABELS[part]}`;
      if (part === 'documents' && snap.documents.length > 0) {
        bundleParts.push({ title, files: snap.documents.map((doc) => ({ ...doc, copy: true })) });
        snap.documents.forEach((doc, i) => zipFiles.push({ name: safeFileName(`${number}_${String(i + 1).padStart(2, '0')}_${doc.fileName}.pdf`), bytes: doc.bytes }));
        continue;
      }
      const model: CaseFilePartModel = { header, title: EXPORT_PART_LABELS[part], subtitle, entries: entriesOf(part, data), emptyText: EMPTY[part] };
      const bytes = await this.render(model);
      bundleParts.push({ title, files: [{ title: EXPORT_PART_LABELS[part], bytes }] });
      zipFiles.push({ name: safeFileName(`${number}_${sanitizeFileName(PART_FILE[part])}.pdf`), bytes });
    }

    step('Składam akta w jeden plik PDF');
    const base = `Akta_${sanitizeFileName(request ? request.caseReference : data.kase.number)}_${snap.today}`;
    const coverRows = [
      ...(request
        ? [
            { label: 'Sąd:', value: request.court },
            { label: 'Wydział:', value: request.division },
            { label: 'Sygnatura akt:', value: request.caseReference },
            { label: 'Pismo sądu z dnia:', value: pl(request.receivedOn) },
            { label: 'Sąd prosi o:', value: ASKS_ACCUSATIVE[request.asks] ?? COURT_ASKS_LABELS[request.asks] },
          ]
        : []),
      { label: 'Ośrodek:', value: data.office.name },
      { label: 'Znak sprawy:', value: data.kase.number },
      { label: 'Rodzina:', value: familyTitle(data) },
      { label: 'Przekazywane części:', value: input.parts.map((p) => EXPORT_PART_LABELS[p]).join(', ') },
      { label: 'Data sporządzenia:', value: pl(snap.today) },
      { label: 'Sporządził(a):', value: snap.preparedBy },
    ];
    // The covering letter (pismo przewodnie): to the court, its sygnatura, what is enclosed, signed.
    const letter = request
      ? {
          placeAndDate: `${data.office.place.trim() || data.office.city}, dnia ${formatDateLong(snap.today)}`,
          addressee: [request.court, request.division, ...(request.courtAddress?.trim() ? [request.courtAddress.trim()] : [])],
          reference: `Sygn. akt: ${request.caseReference}`,
          opening: `W odpowiedzi na pismo Sądu ${request.letterOn ? `z dnia ${formatDateLong(request.letterOn)}` : `, które wpłynęło dnia ${formatDateLong(request.receivedOn)},`} w sprawie rodziny zamieszkałej pod adresem: ${data.family.street}, ${data.family.postalCode} ${data.family.city}, przekazuję w załączeniu akta sprawy ${data.kase.number}, a w nich:`.replace('Sądu ,', 'Sądu,'),
          enclosures: input.parts.flatMap((part) =>
            part === 'documents' ? snap.documents.map((doc) => `${doc.title} (kopia)`) : [EXPORT_PART_LABELS[part]],
          ),
          signatory: { name: snap.preparedBy, role: snap.preparedByRole },
        }
      : null;
    const bundle = await this.assemble({
      letter,
      cover: { rows: coverRows, officeName: data.office.name, officeAddress: `${data.office.street}, ${data.office.postalCode} ${data.office.city}` },
      parts: bundleParts,
      stamp: `Akta sprawy ${data.kase.number}${reference ? ` – ${reference}` : ''}`,
      metadata: { title: `Akta sprawy ${data.kase.number}${reference ? ` – ${reference}` : ''}`, author: data.office.name, date: new Date(`${snap.today}T12:00:00Z`) },
    });

    step('Zapisuję pliki');
    const bundleName = safeFileName(`${base}.pdf`);
    const zipName = safeFileName(`${base}.zip`);
    const filesInZip: ExportedFile[] = zipFiles.map((f) => ({ name: f.name, sha256: sha256(f.bytes), bytes: f.bytes.length }));
    const manifest = {
      format: 'asysta-akta/1',
      office: { name: data.office.name, address: `${data.office.street}, ${data.office.postalCode} ${data.office.city}` },
      date: snap.today,
      preparedBy: snap.preparedBy,
      caseNumber: data.kase.number,
      request: request ? { court: request.court, division: request.division, caseReference: request.caseReference, receivedOn: request.receivedOn, asks: request.asks } : null,
      parts: input.parts,
      bundle: { name: bundleName, sha256: sha256(bundle.bytes), bytes: bundle.bytes.length, pages: bundle.pages },
      files: filesInZip,
    };
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    const sums = Buffer.from(`${[...filesInZip.map((f) => `${f.sha256}  ${f.name}`), `${sha256(manifestBytes)}  manifest.json`].join('\n')}\n`, 'utf8');
    const entries = [...zipFiles.map((f) => ({ name: f.name, data: Buffer.from(f.bytes) })), { name: 'manifest.json', data: manifestBytes }, { name: 'SUMY-SHA256.txt', data: sums }];
    const zipBytes = await zipAsync(entries, new Date(`${snap.today}T12:00:00Z`));
    const written = await writeAll(folder, [
      { name: bundleName, bytes: bundle.bytes },
      { name: zipName, bytes: zipBytes },
    ]);

    const result: ExportResult = {
      folder,
      bundle: { name: written[0]!, sha256: manifest.bundle.sha256, bytes: bundle.bytes.length, pages: bundle.pages },
      zip: { name: written[1]!, sha256: sha256(zipBytes), bytes: zipBytes.length },
      files: [...filesInZip, { name: 'manifest.json', sha256: sha256(manifestBytes), bytes: manifestBytes.length }, { name: 'SUMY-SHA256.txt', sha256: sha256(sums), bytes: sums.length }],
      contents: bundle.contents.filter((c) => c.level === 0).map((c) => ({ title: c.title, page: c.page })),
      ms: 0,
    };
    const s = ctx.ready();
    // What was written is audited, or removed (issue 14): a lock or sign-out while the files were
    // being written leaves no export in the folder that the audit trail does not know of.
    const auditOrRemove = async (work: () => Promise<void>) => {
      try {
        await work();
      } catch (error) {
        for (const name of written) await unlink(join(folder, name)).catch(() => undefined);
        if (error instanceof AppError) throw error;
        throw new AppError('INVALID_STATE', 'Sesja została zablokowana lub zamknięta w trakcie eksportu akt. Zapisane pliki usunięto — nic nie zostało przekazane. Zaloguj się i wykonaj eksport ponownie.');
      }
    };
    await auditOrRemove(() => s.db.write(async (m) => {
      await this.ports.audit.append(m, {
        actorId: s.user.id,
        action: 'court.export',
        entityType: request ? 'court_request' : 'case',
        entityId: request ? request.id : data.kase.id,
        caseId: data.kase.id,
        details: { requestId: request?.id ?? null, caseReference: request?.caseReference ?? null, parts: input.parts, bundle: result.bundle, zip: result.zip, files: result.files.map((f) => ({ name: f.name, sha256: f.sha256 })) },
      });
    }));
    step('Gotowe');
    result.ms = Math.round(performance.now() - started);
    return result;
  }
}

/** The folder exists, is a folder and can be written to; else a Polish error. */
async function checkFolder(folder: string): Promise<void> {
  try {
    const info = await stat(folder);
    if (!info.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    await access(folder, constants.W_OK);
  } catch (error) {
    throw folderError(error, folder);
  }
}

/** A free name: "x.pdf", else "x_2.pdf", "x_3.pdf"… (an earlier export is never overwritten). */
async function freeName(folder: string, name: string, taken: Set<string>): Promise<string> {
  const dot = name.lastIndexOf('.');
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? name : `${name.slice(0, dot)}_${n}${name.slice(dot)}`;
    if (taken.has(candidate)) continue;
    try {
      await stat(join(folder, candidate));
    } catch {
      return candidate;
    }
  }
  throw new AppError('IO_ERROR', 'W wybranym folderze jest zbyt wiele plików o tej nazwie. Wybierz inny folder.');
}

/**
 * Writes each file to a hidden temporary name, flushed to disk, then renames all of them; on any
 * failure removes what this run wrote. Returns the final names.
 */
export async function writeAll(folder: string, files: { name: string; bytes: Uint8Array }[]): Promise<string[]> {
  const temps: string[] = [];
  const finals: string[] = [];
  try {
    for (const file of files) {
      const temp = join(folder, `.asysta-${randomBytes(6).toString('hex')}.tmp`);
      temps.push(temp);
      const handle = await open(temp, 'wx', 0o644);
      try {
        await handle.writeFile(file.bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    const taken = new Set<string>();
    const names: string[] = [];
    for (const file of files) {
      const name = await freeName(folder, file.name, taken);
      taken.add(name);
      names.push(name);
    }
    for (const [index, temp] of temps.entries()) {
      const target = join(folder, names[index]!);
      await rename(temp, target);
      finals.push(target);
    }
    return names;
  } catch (error) {
    for (const path of [...temps, ...finals]) await unlink(path).catch(() => undefined);
    throw error instanceof AppError ? error : folderError(error, folder);
  }
}

/** Every kind the services write is labelled in EVENT_KIND_LABELS (shared/cases.ts). */
const eventKind = (kind: string): string => EVENT_KIND_LABELS[kind] ?? kind;

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "02.03.2026 – Wizyta: w domu rodziny"; a title that already starts with its kind says it once ("Wizyta: Wizyta:" no more). */
export function eventHeading(occurredOn: string, kind: string, title: string): string {
  const repeated = title.toLowerCase().startsWith(kind.toLowerCase());
  return `${pl(occurredOn)} – ${repeated ? title : `${kind}: ${title}`}`;
}

const EMPTY: Record<ExportPart, string> = {
  documents: 'W rejestrze nie ma dokumentów wydanych w tej sprawie.',
  interviews: 'W sprawie nie ma zakończonych wywiadów środowiskowych.',
  plans: 'W sprawie nie ma planów pracy z rodziną.',
  assessments: 'W sprawie nie ma okresowych ocen sytuacji rodziny.',
  chronology: 'Chronologia sprawy nie ma wpisów.',
  notes: 'W sprawie nie ma notatek.',
};

const PART_FILE: Record<ExportPart, string> = {
  documents: 'dokumenty',
  interviews: 'wywiady',
  plans: 'plany_pracy',
  assessments: 'oceny_okresowe',
  chronology: 'chronologia',
  notes: 'notatki',
};

function entriesOf(part: ExportPart, data: CaseData): CaseFileEntry[] {
  const name = (id: string | null) => (id ? (data.names.get(id) ?? '—') : '—');
  switch (part) {
    case 'documents':
      return [];
    case 'interviews':
      return data.interviews.map((interview): CaseFileEntry => {
        const form = INTERVIEW_FORMS[interview.formVersion] ?? CURRENT_INTERVIEW_FORM;
        const text: string[] = [];
        for (const segment of form.segments) {
          const answers = interview.segments[segment.code] ?? {};
          const filled = segment.fields.filter((f) => (answers[f.key] ?? '').trim() !== '');
          if (filled.length === 0) continue;
          text.push(`Część ${segment.code}. ${segment.title}`);
          for (const field of filled) text.push(`${field.label}: ${answers[field.key]!.trim()}`);
          text.push('');
        }
        const income = interview.incomeResult;
        return {
          heading: `${interview.kind === 'full' ? 'Rodzinny wywiad środowiskowy' : 'Aktualizacja wywiadu środowiskowego'} z dnia ${interview.conductedOn ? pl(interview.conductedOn) : '—'}`,
          meta: `Przeprowadził(a): ${name(interview.workerId)}`,
          fields: [
            { label: 'Miejsce:', value: interview.place },
            ...(income ? [{ label: 'Dochód na osobę:', value: `${formatZl(income.perPersonGr)} (${formatPercent(income.percentOfCriterion)} kryterium)` }] : []),
          ],
          text: text.join('\n').trim() || null,
        };
      });
    case 'plans':
      return data.plans
        .filter((p) => p.status !== 'draft')
        .map((plan) => ({ heading: planHeading(plan), meta: `Asystent rodziny: ${name(plan.assistantId)}`, fields: plan.coordinator ? [{ label: 'Koordynator:', value: plan.coordinator }] : [], text: planText(plan) || null }));
    case 'assessments':
      return data.assessments.map((a) => ({
        heading: `Okresowa ocena sytuacji rodziny z dnia ${pl(a.assessedOn)}`,
        meta: `Asystent rodziny: ${name(a.authorId)}`,
        fields: [
          { label: 'Okres oceny:', value: `${pl(a.periodFrom)} – ${pl(a.periodTo)}` },
          { label: 'Rekomendacja:', value: recommendationLabel(a) },
        ],
        text: assessmentText(a) || null,
      }));
    case 'chronology': {
      const intro: CaseFileEntry = {
        heading: 'Zgłoszenie i skład rodziny',
        meta: `Sprawa zgłoszona ${pl(data.kase.reportedOn)}; źródło: ${REPORT_SOURCE_LABELS[data.kase.source as ReportSource] ?? data.kase.source}`,
        fields: data.members.map((x) => ({ label: `${capitalise(relationOf(x.relation, x.person.sex))}:`, value: `${x.person.firstName} ${x.person.lastName}, ur. ${pl(x.person.birthDate)}` })),
        text: null,
      };
      return [
        intro,
        ...data.events.map((e) => ({
          heading: eventHeading(e.occurredOn, eventKind(e.kind), e.title),
          meta: `${e.authorId ? `Wpisał(a): ${name(e.authorId)}` : 'Wpis systemowy'}${e.significant ? ' · zdarzenie istotne' : ''}`,
          fields: [],
          text: e.body.trim() === '' ? null : e.body,
        })),
      ];
    }
    case 'notes':
      return data.events
        .filter((e) => e.kind === 'note' || e.kind === 'contact')
        .map((e) => ({ heading: `${pl(e.occurredOn)} – ${e.title}`, meta: `${eventKind(e.kind)} · ${name(e.authorId)}`, fields: [], text: e.body.trim() === '' ? null : e.body }));
  }
}
