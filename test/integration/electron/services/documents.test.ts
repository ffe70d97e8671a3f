/**
 * The document register (issue 6) over a real backend, a real encrypted database and the real PDF
 * worker: issue → list → reprint gives the same bytes; a change of the data gives a new version
 * while the old one stays as it was; who may issue what; opening through the injected viewer.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import type { PlanArea } from '../../../../shared/domain/familyWork';
import { execute } from '../../../../electron/data/sql';
import { describeEngines, HEAD, setUpOffice, testBackend, type Engine, type TestBackend } from '../../../support/backend';
import { caseWithRequest, PASSWORD, signIn } from '../../../support/case-flow';
import { FONT_DIR, WORKER_PATH, hasPdftoppm, readPdf, writePreview } from '../pdf/pdf-helpers';

let t: TestBackend;
/** The engine of the running block (describeEngines below). */
let engine: Engine = 'local';
afterEach(async () => t?.cleanup());

const MISSING_ID = '00000000-0000-4000-8000-000000000000';
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const oneLine = (text: string): string => text.replace(/\s+/g, ' ');

const AREAS: PlanArea[] = [
  {
    name: 'Opieka nad dziećmi',
    goals: [
      {
        name: 'Regularne uczęszczanie syna do szkoły',
        tasks: [
          { description: 'Codzienne odprowadzanie syna do szkoły', responsible: 'Matka', deadline: '2026-06-30', expectedEffect: 'Frekwencja powyżej 90%', resources: 'Wsparcie babci', status: 'planned' },
        ],
      },
    ],
  },
];

interface Setup {
  caseId: string;
  caseNumber: string;
  requestId: string;
  opened: { path: string; mode: 'view' | 'print'; bytes: Buffer }[];
}

async function office(): Promise<Setup> {
  const opened: Setup['opened'] = [];
  t = testBackend(undefined, {
    engine,
    pdfWorkerPath: WORKER_PATH,
    fontDir: FONT_DIR,
    openFile: async (path, mode) => {
      opened.push({ path, mode, bytes: readFileSync(path) });
    },
  });
  await setUpOffice(t);
  await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
  await t.call('users:create', { firstName: 'Bożena', lastName: 'Wiśniewska', login: 'bwisniewska', password: PASSWORD, roles: ['family_assistant'] });
  await t.call('users:create', { firstName: 'Cecylia', lastName: 'Dudek', login: 'cdudek', password: PASSWORD, roles: ['family_assistant'] });
  const { caseId, requestId } = await caseWithRequest(t, 'anowak', 1);
  const file = await t.call('cases:get', { id: caseId });
  return { caseId, caseNumber: file.number, requestId, opened };
}

/** Days later: the idle session has locked itself meanwhile, so unlock it (a worker's password). */
async function daysLater(days: number): Promise<void> {
  t.clock.advance(days * 24 * 3600_000);
  await t.backend.lockIfIdle();
  await t.call('session:unlock', { password: PASSWORD });
}

async function bytesOf(documentId: string): Promise<Uint8Array> {
  const file = await t.call('documents:get', { documentId });
  expect(file.fileName).toMatch(/\.pdf$/);
  return new Uint8Array(Buffer.from(file.bytes, 'base64'));
}

describeEngines('document register', (current) => {
  beforeAll(() => {
    engine = current;
  });

  it('issues a wniosek, lists it, and a reprint (even days later) returns the very same bytes', async () => {
    const { caseId, caseNumber, requestId, opened } = await office();
    const first = await t.call('documents:issue', { caseId, kind: 'assistant-request', subjectId: requestId });
    expect(first.reprint).toBe(false);
    expect(first.document).toMatchObject({ kind: 'assistant-request', number: '1/2026', version: 1, issuedOn: '2026-03-02', issuedByName: 'Anna Nowak', latest: true });
    expect(first.document.pages).toBeGreaterThan(0);

    const list = await t.call('documents:list', { caseId });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: first.document.id, number: '1/2026', kindLabel: 'Wniosek o przydzielenie asystenta rodziny', sha256: first.document.sha256 });
    expect(list[0]).not.toHaveProperty('bytes');

    const bytes = await bytesOf(first.document.id);
    expect(sha256(bytes)).toBe(first.document.sha256);
    expect(bytes.byteLength).toBe(first.document.size);
    const pdf = await readPdf(bytes);
    if (hasPdftoppm()) writePreview('register-wniosek', bytes);
    expect(pdf.pageCount).toBe(first.document.pages);
    const text = oneLine(pdf.text);
    expect(text).toContain('Nr dokumentu: 1/2026');
    expect(text).toContain(`Znak sprawy: ${caseNumber}`);
    expect(text).toContain('o przydzielenie rodzinie asystenta rodziny');
    expect(text).toContain('Bezradność opiekuńczo-wychowawcza.');
    expect(text).toContain('Anna Nowak');

    // Two days later, nothing changed: the same register entry and bytes, dated as first issued.
    await daysLater(2);
    const again = await t.call('documents:issue', { caseId, kind: 'assistant-request', subjectId: requestId });
    expect(again.reprint).toBe(true);
    expect(again.document).toMatchObject({ id: first.document.id, version: 1, sha256: first.document.sha256, issuedOn: '2026-03-02' });
    expect(await t.call('documents:list', { caseId })).toHaveLength(1);

    // Opening writes the stored bytes into the data folder's tmp/ and hands them to the viewer.
    await t.call('documents:open', { documentId: first.document.id });
    await t.call('documents:print', { documentId: first.document.id });
    expect(opened.map((entry) => entry.mode)).toEqual(['view', 'print']);
    for (const entry of opened) {
      expect(entry.path.startsWith(join(t.dataDir, 'tmp'))).toBe(true);
      expect(sha256(entry.bytes)).toBe(first.document.sha256);
    }
    expect(readdirSync(join(t.dataDir, 'tmp'))).toHaveLength(1);

    // Signing out (as locking) empties tmp/: no decrypted PDF stays on disk.
    await signIn(t, HEAD.login);
    expect(readdirSync(join(t.dataDir, 'tmp'))).toEqual([]);
    const entries = await t.call('audit:list', { caseId, limit: 1000 });
    const actions = entries.map((entry) => entry.action);
    expect(actions.filter((action) => action === 'document.issue')).toHaveLength(1);
    expect(actions.filter((action) => action === 'document.reprint')).toHaveLength(1);
    expect(actions).toContain('document.open');
    expect(actions).toContain('document.print');
    expect(actions).toContain('document.download');

    // A file left in tmp/ (the app was killed) is removed at the next start-up.
    writeFileSync(join(t.dataDir, 'tmp', 'left-over.pdf'), '%PDF');
    await t.backend.close();
    const restarted = testBackend(t.dataDir, engine === 'postgres' ? { sameOfficeAs: t } : { engine });
    expect(readdirSync(join(t.dataDir, 'tmp'))).toEqual([]);
    await restarted.backend.close();
  });

  it('a change of the data makes version 2 with its own hash; version 1 stays retrievable, unchanged', async () => {
    const { caseId, caseNumber } = await office();
    await signIn(t, 'anowak');
    const file = await t.call('cases:get', { id: caseId });
    const clientId = file.family.members[0]?.person.id ?? '';
    const content = {
      variant: 'A' as const,
      clientIds: [clientId],
      causes: 'Bezrobocie matki, zadłużenie mieszkania.',
      possibilities: 'Wykształcenie średnie, wsparcie babci.',
      limitations: 'Brak opieki nad synem po szkole.',
      mainGoal: 'Podjęcie zatrudnienia przez matkę.',
      partialGoals: ['Rejestracja w urzędzie pracy'],
      actions: [{ party: 'client' as const, description: 'Rejestracja w PUP w Bielicach', deadline: '2026-04-15' }],
      periodFrom: '2026-03-02',
      periodTo: '2026-08-31',
    };
    const contract = await t.call('contracts:create', { caseId, ...content });
    const v1 = await t.call('documents:issue', { caseId, kind: 'social-contract', subjectId: contract.id });
    expect(v1.document).toMatchObject({ version: 1, number: '1/2026' });
    const v1Bytes = await bytesOf(v1.document.id);
    const v1Text = oneLine((await readPdf(v1Bytes)).text);
    if (hasPdftoppm()) writePreview('register-kontrakt', v1Bytes);
    expect(v1Text).toContain('KONTRAKT SOCJALNY');
    expect(v1Text).toContain('Podjęcie zatrudnienia przez matkę.');
    expect(v1Text).toContain(`Znak sprawy: ${caseNumber}`);

    await t.call('contracts:save', { id: contract.id, expectedVersion: contract.version, ...content, mainGoal: 'Podjęcie pracy zarobkowej przez matkę do sierpnia.' });
    await daysLater(1);
    const v2 = await t.call('documents:issue', { caseId, kind: 'social-contract', subjectId: contract.id });
    expect(v2.reprint).toBe(false);
    expect(v2.document).toMatchObject({ version: 2, number: '1/2026 (wersja 2)', issuedOn: '2026-03-03', latest: true });
    expect(v2.document.id).not.toBe(v1.document.id);
    expect(v2.document.sha256).not.toBe(v1.document.sha256);
    const v2Text = oneLine((await readPdf(await bytesOf(v2.document.id))).text);
    expect(v2Text).toContain('Podjęcie pracy zarobkowej przez matkę do sierpnia.');
    expect(v2Text).toContain('Nr dokumentu: 1/2026 (wersja 2)');

    // Version 1 is still there, byte for byte, and marked as superseded in the list.
    expect(sha256(await bytesOf(v1.document.id))).toBe(v1.document.sha256);
    expect(Buffer.compare(await bytesOf(v1.document.id), v1Bytes)).toBe(0);
    const list = await t.call('documents:list', { caseId });
    expect(list.map((entry) => [entry.number, entry.latest])).toEqual([
      ['1/2026 (wersja 2)', true],
      ['1/2026', false],
    ]);
    // A reprint now gives version 2 again.
    expect((await t.call('documents:issue', { caseId, kind: 'social-contract', subjectId: contract.id })).document.id).toBe(v2.document.id);

    // No code path rewrites a register row: the table refuses it (on the server nobody is even granted UPDATE).
    const session = t.backend.readySession();
    await expect(session?.db.write((m) => execute(m, `UPDATE document SET sha256 = ? WHERE id = ?`, ['0'.repeat(64), v1.document.id]))).rejects.toThrow(
      /immutable|Nie masz dostępu do tych danych/,
    );
  });

  it('issues the plan and the assessment as the assistant, the assignment letter as the kierownik; each role only its kinds', async () => {
    const { caseId, requestId } = await office();
    const assistantId = (await signIn(t, HEAD.login), await t.call('assistants:caseloads', {})).find((a) => a.name === 'Bożena Wiśniewska')?.assistantId ?? '';
    await t.call('requests:decide', { requestId, decision: { kind: 'assign', assistantId } });
    const letter = await t.call('documents:issue', { caseId, kind: 'assistant-assignment', subjectId: requestId });
    const letterText = oneLine((await readPdf(await bytesOf(letter.document.id))).text);
    expect(letterText).toContain('PRZYDZIELENIE ASYSTENTA RODZINY');
    expect(letterText).toContain('Bożena Wiśniewska');
    expect(letterText).toContain('Grażyna Żółkiewska');

    await signIn(t, 'anowak');
    const refused = await t.fail('documents:issue', { caseId, kind: 'assistant-assignment', subjectId: requestId });
    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
    expect(refused.message).toContain('Nie masz uprawnień do wydania dokumentu „Pismo o przydzieleniu asystenta rodziny”');

    await signIn(t, 'bwisniewska');
    const plan = await t.call('plans:create', { caseId, content: { type: 'standard', coordinator: '', areas: AREAS } });
    const planDoc = await t.call('documents:issue', { caseId, kind: 'family-work-plan', subjectId: plan.id });
    const planText = oneLine((await readPdf(await bytesOf(planDoc.document.id))).text);
    expect(planText).toContain('PLAN PRACY Z RODZINĄ');
    expect(planText).toContain('Codzienne odprowadzanie syna do szkoły');
    await t.call('plans:sign', { id: plan.id, signedOn: '2026-03-02' });
    await t.call('assessments:add', { caseId, assessedOn: '2026-03-02', periodFrom: '2026-03-02', periodTo: '2026-03-02', progress: [{ goal: 'Regularne uczęszczanie syna do szkoły', achievement: 'partly_achieved', progress: 'Frekwencja 95%' }], changes: 'Matka podjęła pracę.', recommendation: 'continue' });
    const assessmentId = (await t.call('work:get', { caseId })).assessments[0]?.id ?? '';
    const assessment = await t.call('documents:issue', { caseId, kind: 'periodic-assessment', subjectId: assessmentId });
    const assessmentText = oneLine((await readPdf(await bytesOf(assessment.document.id))).text);
    expect(assessmentText).toContain('OKRESOWA OCENA SYTUACJI RODZINY');
    expect(assessmentText).toContain('Frekwencja 95%');

    // The kontrakt is the worker's: the assistant can neither issue it nor see it in the register.
    expect((await t.fail('documents:issue', { caseId, kind: 'social-contract', subjectId: MISSING_ID })).code).toBe('FORBIDDEN');
    const kinds = (await t.call('documents:list', { caseId })).map((entry) => entry.kind).sort();
    expect(kinds).toEqual(['assistant-assignment', 'family-work-plan', 'periodic-assessment']);
  });

  it('refuses an assistant of another family (audited) and answers an unknown subject in Polish', async () => {
    const { caseId, requestId } = await office();
    const issued = await t.call('documents:issue', { caseId, kind: 'assistant-request', subjectId: requestId });

    await signIn(t, HEAD.login);
    const unknown = await t.fail('documents:issue', { caseId, kind: 'social-contract', subjectId: MISSING_ID });
    expect(unknown).toEqual({ code: 'NOT_FOUND', message: 'Nie znaleziono takiego kontraktu socjalnego w tej sprawie. Odśwież teczkę sprawy i spróbuj ponownie.' });
    // A subject of another kind is not taken for it either.
    expect((await t.fail('documents:issue', { caseId, kind: 'family-work-plan', subjectId: requestId })).code).toBe('NOT_FOUND');

    await signIn(t, 'cdudek');
    for (const [channel, input] of [
      ['documents:issue', { caseId, kind: 'family-work-plan', subjectId: MISSING_ID }],
      ['documents:list', { caseId }],
      ['documents:get', { documentId: issued.document.id }],
      ['documents:open', { documentId: issued.document.id }],
    ] as const) {
      const error = await t.fail(channel, input);
      expect(error, channel).toEqual({ code: 'FORBIDDEN', message: 'Nie masz uprawnień do tej sprawy.' });
    }
    await signIn(t, HEAD.login);
    const denied = await t.call('audit:list', { action: 'access.denied', limit: 100 });
    expect(denied.map((entry) => entry.details['channel']).sort()).toEqual(['documents:get', 'documents:issue', 'documents:list', 'documents:open']);
    expect(denied.find((entry) => entry.details['channel'] === 'documents:issue')?.caseId).toBe(caseId);
    // Nothing was issued by the refused calls.
    expect(await t.call('documents:list', { caseId })).toHaveLength(1);
  });

  it('without a PDF worker the app says so in Polish and stores nothing', async () => {
    t = testBackend(undefined, { engine });
    await setUpOffice(t);
    await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
    const { caseId, requestId } = await caseWithRequest(t, 'anowak', 2);
    const error = await t.fail('documents:issue', { caseId, kind: 'assistant-request', subjectId: requestId });
    expect(error.message).toMatch(/^Drukowanie dokumentów nie jest dostępne/);
    expect(await t.call('documents:list', { caseId })).toEqual([]);
  });
});
