/**
 * Documents are rendered with no database lock held (issue 14, Medium 9): while the PDF worker is
 * slow or hung, other changes go through; a hung render fails the issue after the deadline in
 * Polish with nothing saved; a change made during the render is printed, never the stale model.
 * A fake PDF port stands in for the worker (documents.test.ts covers the real one).
 * On the office server the issue renders inside its transaction, holding the year's register
 * number (docs/decisions/0005-register-numbers-across-pcs.md): other changes still go through,
 * and a render that fails gives the number back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../../../electron/pdf/models';
import { PdfServiceError } from '../../../../electron/pdf/pdf-service';
import { DocumentsService, type PdfPort } from '../../../../electron/services/documents';
import { HEAD, setUpOffice, testBackend, type Engine, type TestBackend } from '../../../support/backend';
import { caseWithRequest, PASSWORD, signIn } from '../../../support/case-flow';

let t: TestBackend;
afterEach(async () => t?.cleanup());

/** A PDF port whose renders wait until the test lets them finish (or forever). */
function fakePdf() {
  const calls: { kind: DocumentKind; model: unknown; finish: () => void; fail: () => void }[] = [];
  const port: PdfPort = {
    render: (kind, model) =>
      new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
        calls.push({
          kind,
          model,
          finish: () => resolve(new TextEncoder().encode(`%PDF-1.7 fake ${calls.length}\n/Type /Page\n%%EOF`)),
          fail: () => reject(new PdfServiceError('RENDER_FAILED', 'Nie udało się przygotować dokumentu PDF.')),
        });
      }),
  };
  const rendering = async (count: number) => {
    for (let i = 0; i < 500 && calls.length < count; i++) await new Promise((r) => setTimeout(r, 10));
    expect(calls).toHaveLength(count);
  };
  return { port, calls, rendering };
}

/** Fails in words rather than hanging when a promise is still blocked. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: still waiting after ${ms} ms`)), ms))]);
}

async function office(renderTimeoutMs: number, engine: Engine = 'local') {
  t = testBackend(undefined, { engine });
  await setUpOffice(t);
  const anna = await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
  const { caseId, requestId } = await caseWithRequest(t, 'anowak', 1);
  await signIn(t, HEAD.login);
  const session = t.backend.readySession()!;
  const pdf = fakePdf();
  const documents = new DocumentsService(t.backend.audit, t.backend.cases, t.backend.office, () => pdf.port, { renderTimeoutMs });
  const issue = () => documents.issuing(() => session.db.write((m) => documents.issue(m, { user: session.user, settings: session.settings }, { caseId, kind: 'assistant-request', subjectId: requestId })));
  return { anna, caseId, requestId, pdf, issue };
}

describe('issuing a document while the PDF worker is slow or hung', () => {
  it('leaves the database to other changes, and times out in Polish with nothing saved', async () => {
    const { caseId, pdf, issue } = await office(1500);
    const issuing = issue();
    await pdf.rendering(1);
    // The render hangs; a note, a read and the change register go through meanwhile.
    await within(1000, 'a note during the render', t.call('cases:addNote', { caseId, occurredOn: '2026-03-02', kind: 'contact', title: 'Rozmowa telefoniczna z matką', body: '', significant: false }));
    expect(await within(1000, 'the register during the render', t.call('documents:list', { caseId }))).toEqual([]);

    const refused = await issuing.then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('trwało zbyt długo') });
    expect((refused as Error).message).toContain('Nic nie zostało zapisane w rejestrze dokumentów');
    expect(await t.call('documents:list', { caseId })).toEqual([]);
    expect((await t.call('audit:list', { action: 'document.issue' })).length).toBe(0);
  });

  it('prints what the records say when the render ends, and never numbers one document twice', async () => {
    const { anna, caseId, pdf, issue } = await office(10_000);
    const first = issue();
    const second = issue();
    await pdf.rendering(2);
    // While both render, the social worker's name changes: it is on the wniosek.
    await within(1000, 'a user change during the render', t.call('users:update', { id: anna.id, firstName: 'Anna', lastName: 'Nowak-Zielińska', roles: ['social_worker'], active: true }));
    pdf.calls[0]!.finish();
    pdf.calls[1]!.finish();
    // Neither stale model is stored: each issue renders again with the new name.
    await pdf.rendering(4);
    for (const stale of pdf.calls.slice(0, 2)) expect(JSON.stringify(stale.model)).not.toContain('Nowak-Zielińska');
    for (const fresh of pdf.calls.slice(2)) expect(JSON.stringify(fresh.model)).toContain('Anna Nowak-Zielińska');
    pdf.calls[2]!.finish();
    pdf.calls[3]!.finish();
    const issued = await within(2000, 'the first issue', first);
    // The second issue, after the first is stored, finds the same model: a reprint, not number 2/2026.
    const again = await within(2000, 'the second issue', second);
    expect(issued).toMatchObject({ reprint: false, document: { number: '1/2026', version: 1 } });
    expect(again).toMatchObject({ reprint: true, document: { id: issued.document.id } });
    expect(pdf.calls).toHaveLength(4);
    const listed = await t.call('documents:list', { caseId });
    expect(listed.map((d) => d.number)).toEqual(['1/2026']);
  });
});

describe('issuing a document on the office server', () => {
  it('holds the number while rendering: other changes go through, a failed render gives the number back', async () => {
    const { caseId, pdf, issue } = await office(10_000, 'postgres');
    const failing = issue();
    await pdf.rendering(1);
    await within(2000, 'a note during the render', t.call('cases:addNote', { caseId, occurredOn: '2026-03-02', kind: 'contact', title: 'Rozmowa telefoniczna z matką', body: '', significant: false }));
    pdf.calls[0]!.fail();
    const refused = await failing.then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('Nic nie zostało zapisane w rejestrze dokumentów') });
    expect(await t.call('documents:list', { caseId })).toEqual([]);
    // Printed again: the number the failed render took is given, no gap.
    const again = issue();
    await pdf.rendering(2);
    pdf.calls[1]!.finish();
    expect(await within(5000, 'the issue printed again', again)).toMatchObject({ reprint: false, document: { number: '1/2026', version: 1 } });
    expect(pdf.calls).toHaveLength(2);
  });
});
