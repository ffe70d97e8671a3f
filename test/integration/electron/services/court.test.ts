/**
 * Court requests and the opinia o rodzinie (issue 7) over a real backend, a real encrypted
 * database and the real PDF worker: a request's life cycle and its deadline in the work tray,
 * the opinion drafted from the case, returned, approved and issued through the register, and who
 * may do what — on the embedded file and on the office server alike (describeEngines).
 */
import { readdirSync, rmSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import type { OpinionSections } from '../../../../shared/court';
import { describeEngines, HEAD, setUpOffice, tempDir, testBackend, type Engine, type TestBackend } from '../../../support/backend';
import { caseWithRequest, PASSWORD, signIn } from '../../../support/case-flow';
import { FONT_DIR, WORKER_PATH, readPdf } from '../pdf/pdf-helpers';

let t: TestBackend;
afterEach(async () => t?.cleanup());

const REQUEST = {
  court: 'Sąd Rejonowy w Bielicach',
  division: 'III Wydział Rodzinny i Nieletnich',
  caseReference: 'III Nsm 123/25',
  receivedOn: '2026-03-02',
  asks: 'opinion' as const,
  deadline: '2026-03-06',
};

async function assignedCase(engine: Engine): Promise<{ caseId: string }> {
  t = testBackend(undefined, { engine, pdfWorkerPath: WORKER_PATH, fontDir: FONT_DIR });
  await setUpOffice(t);
  await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
  const assistant = await t.call('users:create', { firstName: 'Bożena', lastName: 'Wiśniewska', login: 'bwisniewska', password: PASSWORD, roles: ['family_assistant'] });
  await t.call('users:create', { firstName: 'Cecylia', lastName: 'Dudek', login: 'cdudek', password: PASSWORD, roles: ['family_assistant'] });
  const { caseId, requestId } = await caseWithRequest(t, 'anowak', 1);
  await signIn(t, HEAD.login);
  await t.call('requests:decide', { requestId, decision: { kind: 'assign', assistantId: assistant.id } });
  return { caseId };
}

async function daysLater(days: number, password = PASSWORD): Promise<void> {
  t.clock.advance(days * 24 * 3600_000);
  await t.backend.lockIfIdle();
  const status = await t.call('app:status', {});
  if (status.state === 'locked') await t.call('session:unlock', { password });
}

const filled = (prefill: OpinionSections, conclusions: string): OpinionSections => ({ ...prefill, relations: 'Relacje matki z synem są ciepłe, konflikt z ojcem dziecka.', conclusions });

describeEngines('court requests', (engine) => {
  it('registers a request, shows its deadline in the tray (overdue when late), lists it per case and per user', async () => {
    const { caseId } = await assignedCase(engine);
    await signIn(t, 'bwisniewska');
    expect((await t.fail('court:create', { caseId, ...REQUEST, deadline: '2026-03-01' })).message).toBe('Termin odpowiedzi nie może być wcześniejszy niż data wpływu pisma.');
    expect((await t.fail('court:create', { caseId, ...REQUEST, receivedOn: '2026-03-05' })).message).toBe('Data wpływu nie może być z przyszłości.');
    expect((await t.fail('court:create', { caseId, ...REQUEST, caseReference: 'abc' })).code).toBe('VALIDATION');
    const request = await t.call('court:create', { caseId, ...REQUEST, notes: 'Pismo doręczone pocztą.' });
    expect(request).toMatchObject({ caseId, status: 'open', answeredOn: null, opinionStatus: null, caseReference: 'III Nsm 123/25', createdByName: 'Bożena Wiśniewska' });

    let tray = await t.call('tray:get', {});
    const item = tray.mine.groups.flatMap((g) => g.items).find((i) => i.kind === 'court');
    expect(item).toMatchObject({ caseId, dueDate: '2026-03-06', subjectId: request.id, urgency: 'this_week' });
    expect(item?.label).toContain('III Nsm 123/25');
    expect((await t.call('cases:get', { id: caseId })).deadlines.some((d) => d.kind === 'court' && d.dueDate === '2026-03-06')).toBe(true);

    await daysLater(10);
    tray = await t.call('tray:get', {});
    expect(tray.mine.groups[0]!.items.filter((i) => i.kind === 'court').map((i) => i.dueDate)).toEqual(['2026-03-06']);

    // The kierownik sees it in the office's tray and in the office's list; the worker in hers.
    await signIn(t, HEAD.login);
    tray = await t.call('tray:get', {});
    expect(tray.office?.groups[0]!.items.some((i) => i.kind === 'court' && i.subjectId === request.id)).toBe(true);
    expect((await t.call('court:list', {})).rows.map((r) => r.id)).toEqual([request.id]);
    await signIn(t, 'anowak');
    expect((await t.call('court:list', { caseId })).rows.map((r) => r.caseReference)).toEqual(['III Nsm 123/25']);
    // Another assistant sees none of it, and may not open the case's requests.
    await signIn(t, 'cdudek');
    expect(await t.call('court:list', {})).toEqual({ rows: [], total: 0, page: 1, pageSize: 50 });
    expect((await t.fail('court:list', { caseId })).code).toBe('FORBIDDEN');
    expect((await t.fail('opinions:get', { requestId: request.id })).code).toBe('FORBIDDEN');
    expect((await t.fail('court:answer', { requestId: request.id, sentOn: '2026-03-12' })).code).toBe('FORBIDDEN');

    // Answering a request for the opinion needs the opinion issued first; a request for the files only is answered directly.
    await signIn(t, 'anowak');
    expect((await t.fail('court:answer', { requestId: request.id, sentOn: '2026-03-12' })).message).toContain('najpierw ją wydaj');
    const files = await t.call('court:create', { caseId, ...REQUEST, caseReference: 'III Nsm 7/26', asks: 'case_file', receivedOn: '2026-03-10', deadline: '2026-03-24' });
    expect((await t.fail('court:answer', { requestId: files.id, sentOn: '2026-03-09' })).message).toBe('Data wysłania odpowiedzi nie może być wcześniejsza niż data wpływu pisma.');
    const answered = await t.call('court:answer', { requestId: files.id, sentOn: '2026-03-12' });
    expect(answered).toMatchObject({ status: 'answered', answeredOn: '2026-03-12' });
    expect((await t.fail('court:answer', { requestId: files.id, sentOn: '2026-03-12' })).code).toBe('INVALID_STATE');
    expect((await t.call('tray:get', {})).mine.groups.flatMap((g) => g.items).filter((i) => i.kind === 'court').map((i) => i.subjectId)).toEqual([request.id]);
    const audit = await signIn(t, HEAD.login).then(() => t.call('audit:list', { action: 'court_request.answer' }));
    expect(audit).toHaveLength(1);
  });

  it('the opinion: drafted from the case by the assistant, returned, approved by the kierownik, issued as a numbered PDF; the request is answered', async () => {
    const { caseId } = await assignedCase(engine);
    await signIn(t, 'bwisniewska');
    await t.call('cases:addNote', { caseId, occurredOn: '2026-03-02', kind: 'note', title: 'Syn wrócił do szkoły po przerwie', body: 'Pedagog potwierdza obecność.', significant: true });
    const request = await t.call('court:create', { caseId, ...REQUEST });

    let page = await t.call('opinions:get', { requestId: request.id });
    expect(page).toMatchObject({ opinion: null, canEdit: true, canApprove: false, canIssue: false });
    expect(page.prefill.compositionAndHistory).toContain('Marta Kowalczyk1');
    expect(page.prefill.compositionAndHistory).toContain('Syn wrócił do szkoły po przerwie');
    expect(page.prefill.housing).toContain('ul. Polna 3');
    expect(page.prefill.childcareSchoolHealth).toContain('Jan Kowalczyk1');

    let opinion = await t.call('opinions:save', { requestId: request.id, expectedVersion: 0, sections: { ...page.prefill, conclusions: '' } });
    expect(opinion).toMatchObject({ status: 'draft', authorName: 'Bożena Wiśniewska' });
    expect((await t.fail('opinions:save', { requestId: request.id, expectedVersion: 0, sections: page.prefill })).code).toBe('CONFLICT');
    expect((await t.fail('opinions:submit', { requestId: request.id })).message).toBe('Nie można przekazać opinii: uzupełnij sekcję „Wnioski”.');
    opinion = await t.call('opinions:save', { requestId: request.id, expectedVersion: opinion.version, sections: filled(page.prefill, 'Wskazane dalsze wsparcie asystenta rodziny.') });
    expect((await t.fail('opinions:save', { requestId: request.id, expectedVersion: opinion.version - 1, sections: page.prefill })).code).toBe('CONFLICT');
    opinion = await t.call('opinions:submit', { requestId: request.id });
    expect(opinion.status).toBe('submitted');
    expect((await t.fail('opinions:save', { requestId: request.id, expectedVersion: opinion.version, sections: page.prefill })).code).toBe('INVALID_STATE');
    expect((await t.fail('opinions:approve', { requestId: request.id })).code).toBe('FORBIDDEN');
    expect((await t.fail('opinions:issue', { requestId: request.id })).message).toBe('Wydać można tylko opinię zatwierdzoną przez kierownika.');

    // The kierownik returns it with a reason; the assistant corrects it and submits again.
    await signIn(t, HEAD.login);
    expect((await t.fail('opinions:save', { requestId: request.id, expectedVersion: opinion.version, sections: page.prefill })).code).toBe('FORBIDDEN');
    page = await t.call('opinions:get', { requestId: request.id });
    expect(page).toMatchObject({ canEdit: false, canApprove: true, canIssue: false });
    opinion = await t.call('opinions:return', { requestId: request.id, reason: 'Proszę opisać relacje z ojcem dziecka.' });
    expect(opinion).toMatchObject({ status: 'draft', returnedReason: 'Proszę opisać relacje z ojcem dziecka.' });
    await signIn(t, 'bwisniewska');
    page = await t.call('opinions:get', { requestId: request.id });
    expect(page.opinion?.returnedReason).toBe('Proszę opisać relacje z ojcem dziecka.');
    const sections = { ...page.opinion!.sections, relations: 'Ojciec dziecka kontaktuje się z synem co dwa tygodnie.' };
    await t.call('opinions:save', { requestId: request.id, expectedVersion: page.opinion!.version, sections });
    await t.call('opinions:submit', { requestId: request.id });
    await signIn(t, HEAD.login);
    opinion = await t.call('opinions:approve', { requestId: request.id });
    expect(opinion).toMatchObject({ status: 'approved', approvedByName: `${HEAD.firstName} ${HEAD.lastName}`, approvedOn: '2026-03-02' });

    const issued = await t.call('opinions:issue', { requestId: request.id });
    expect(issued).toMatchObject({ documentNumber: '1/2026', fileName: 'Opinia_III_Nsm_123-25.pdf' });
    expect((await t.fail('opinions:issue', { requestId: request.id })).message).toBe('Opinia została już wydana (nr 1/2026).');
    // Issuing sends nothing: the letter stays open until the opinion is posted and marked as sent.
    expect((await t.call('court:list', { caseId })).rows).toMatchObject([{ status: 'open', answeredOn: null, opinionStatus: 'issued' }]);
    await t.call('court:answer', { requestId: request.id, sentOn: '2026-03-02' });
    expect((await t.call('court:list', { caseId })).rows).toMatchObject([{ status: 'answered', answeredOn: '2026-03-02', opinionStatus: 'issued' }]);
    expect((await t.call('tray:get', {})).office?.byKind.court ?? 0).toBe(0);
    // The sprawozdanie counts the issued opinion in its period, and only there.
    expect((await t.call('stats:get', { from: '2026-01-01', to: '2026-06-30' })).courtOpinions).toBe(1);
    expect((await t.call('stats:get', { from: '2025-07-01', to: '2025-12-31' })).courtOpinions).toBe(0);

    const file = await t.call('documents:get', { documentId: issued.documentId });
    const pdf = await readPdf(new Uint8Array(Buffer.from(file.bytes, 'base64')));
    const text = pdf.text.replace(/\s+/g, ' ');
    for (const expected of ['OPINIA O RODZINIE', 'III Nsm 123/25', 'Sąd Rejonowy w Bielicach', 'Nr dokumentu: 1/2026', 'Ojciec dziecka kontaktuje się z synem co dwa tygodnie.', 'Wskazane dalsze wsparcie asystenta rodziny.', 'zatwierdzam']) {
      expect(text, expected).toContain(expected);
    }
    const actions = (await t.call('audit:list', { caseId })).map((e) => e.action);
    for (const action of ['court_request.create', 'court_opinion.create', 'court_opinion.submit', 'court_opinion.return', 'court_opinion.approve', 'document.issue', 'court_opinion.issue', 'court_request.answer']) {
      expect(actions, action).toContain(action);
    }
  });

  it('refuses an opinion for a request that asks only for the files, and to a social worker', async () => {
    const { caseId } = await assignedCase(engine);
    await signIn(t, 'anowak');
    const request = await t.call('court:create', { caseId, ...REQUEST, asks: 'case_file' });
    const empty = { compositionAndHistory: '', housing: '', finances: '', relations: '', childcareSchoolHealth: '', cooperationAndPlan: '', strengthsAndRisks: '', conclusions: '' };
    expect((await t.fail('opinions:save', { requestId: request.id, expectedVersion: 0, sections: empty })).code).toBe('FORBIDDEN');
    await signIn(t, 'bwisniewska');
    expect((await t.fail('opinions:save', { requestId: request.id, expectedVersion: 0, sections: empty })).message).toBe('Sąd prosi w tym piśmie tylko o akta sprawy, nie o opinię.');
    expect((await t.call('opinions:get', { requestId: request.id })).canEdit).toBe(false);
  });

  it('neither the export nor the opinion marks a request as answered: only the user, with the day it was sent', async () => {
    const { caseId } = await assignedCase(engine);
    const out = tempDir('asysta-akta-');
    try {
      await signIn(t, 'bwisniewska');
      const first = await t.call('court:create', { caseId, ...REQUEST, asks: 'both', caseReference: 'III Nsm 1/26' });
      const second = await t.call('court:create', { caseId, ...REQUEST, asks: 'both', caseReference: 'III Nsm 2/26' });
      const issue = async (requestId: string): Promise<void> => {
        await signIn(t, 'bwisniewska');
        const page = await t.call('opinions:get', { requestId });
        await t.call('opinions:save', { requestId, expectedVersion: 0, sections: filled(page.prefill, 'Wskazane dalsze wsparcie asystenta rodziny.') });
        await t.call('opinions:submit', { requestId });
        await signIn(t, HEAD.login);
        await t.call('opinions:approve', { requestId });
        await t.call('opinions:issue', { requestId });
      };
      const status = async (requestId: string) => (await t.call('court:list', { caseId })).rows.find((r) => r.id === requestId)!;

      // The case file exported and the opinion issued, in either order: nothing has been sent yet, both stay open.
      await signIn(t, HEAD.login);
      await t.call('court:export', { requestId: first.id, parts: ['chronology'], folder: out });
      expect(await status(first.id)).toMatchObject({ status: 'open', answeredOn: null });
      await daysLater(1, HEAD.password);
      await issue(first.id);
      expect(await status(first.id)).toMatchObject({ status: 'open', answeredOn: null, opinionStatus: 'issued' });
      await issue(second.id);
      await daysLater(2, HEAD.password);
      await t.call('court:export', { requestId: second.id, parts: ['chronology', 'notes'], folder: out });
      expect(await status(second.id)).toMatchObject({ status: 'open', answeredOn: null, opinionStatus: 'issued' });
      expect(await t.call('audit:list', { action: 'court_request.answer' })).toHaveLength(0);
      expect((await t.call('cases:get', { id: caseId })).events.filter((e) => e.title.startsWith('Odpowiedź wysłana do sądu'))).toHaveLength(0);
      // Posted: the user says so, with the day it went out; on record and in the chronology.
      await t.call('court:answer', { requestId: first.id, sentOn: '2026-03-04' });
      expect(await status(first.id)).toMatchObject({ status: 'answered', answeredOn: '2026-03-04' });
      const answers = await t.call('audit:list', { action: 'court_request.answer' });
      expect(answers.map((e) => [e.entityId, e.details['sentOn']])).toEqual([[first.id, '2026-03-04']]);
      const events = (await t.call('cases:get', { id: caseId })).events.filter((e) => e.title.startsWith('Odpowiedź wysłana do sądu'));
      expect(events.map((e) => e.occurredOn)).toEqual(['2026-03-04']);
      expect(readdirSync(out)).toHaveLength(4);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
