/**
 * The documents printed from the records of people and of the wywiad (issue 15, items 6 and 13),
 * through the register and read back with pdfjs: the family's letter after a change of assistant or
 * social worker (dated with the change, the new person's phone, the reason only when chosen), the
 * rodzinny wywiad środowiskowy (dated with its completion, printed only once completed, unchanged
 * by later family changes) and the oświadczenie o stanie majątkowym (dated with its signing).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatDateLong } from '../../../../shared/polish';
import { HEAD, setUpOffice, testBackend, type TestBackend } from '../../../support/backend';
import { caseWithRequest, MANDATORY_SEGMENTS, PASSWORD, signIn, simpleIntake } from '../../../support/case-flow';
import { FONT_DIR, WORKER_PATH, readPdf } from '../pdf/pdf-helpers';

let t: TestBackend;
afterEach(async () => t?.cleanup());

const oneLine = (text: string): string => text.replace(/\s+/g, ' ');
const long = (date: string): string => oneLine(formatDateLong(date));

async function daysLater(days: number, password = PASSWORD): Promise<void> {
  t.clock.advance(days * 24 * 3600_000);
  await t.backend.lockIfIdle();
  await t.call('session:unlock', { password });
}

async function printed(caseId: string, kind: 'staff-change-letter' | 'interview-record' | 'asset-statement', subjectId: string) {
  const issued = await t.call('documents:issue', { caseId, kind, subjectId });
  const file = await t.call('documents:get', { documentId: issued.document.id });
  const text = oneLine((await readPdf(new Uint8Array(Buffer.from(file.bytes, 'base64')))).text);
  return { issued, text };
}

async function office(): Promise<void> {
  t = testBackend(undefined, { pdfWorkerPath: WORKER_PATH, fontDir: FONT_DIR });
  await setUpOffice(t);
  await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
  await t.call('users:create', { firstName: 'Ewa', lastName: 'Zielińska', login: 'ezielinska', password: PASSWORD, roles: ['social_worker'] });
  await t.call('users:create', { firstName: 'Bożena', lastName: 'Wiśniewska', login: 'bwisniewska', password: PASSWORD, roles: ['family_assistant'] });
  await t.call('users:create', { firstName: 'Celina', lastName: 'Nowicka', login: 'cnowicka', password: PASSWORD, roles: ['family_assistant'] });
}

describe('the family letter after a change of assistant or social worker', () => {
  it('is dated with the change, names the new person with her phone, prints the reason only when chosen, and is the kierownik’s', async () => {
    await office();
    const { caseId, requestId } = await caseWithRequest(t, 'anowak', 1);
    await daysLater(1);
    await signIn(t, HEAD.login);
    const loads = await t.call('assistants:caseloads', {});
    const first = loads.find((a) => a.name === 'Bożena Wiśniewska')?.assistantId ?? '';
    const second = loads.find((a) => a.name === 'Celina Nowicka')?.assistantId ?? '';
    await t.call('users:update', { id: second, firstName: 'Celina', lastName: 'Nowicka', roles: ['family_assistant'], active: true, officePhone: '32 555 02 02' });
    await t.call('requests:decide', { requestId, decision: { kind: 'assign', assistantId: first } });

    // Five days later the kierownik records a change made two days before, with the reason for the family.
    await daysLater(5, HEAD.password);
    await t.call('cases:changeStaff', { caseId, role: 'assistant', userId: second, effectiveOn: '2026-03-06', reason: 'Długotrwała nieobecność dotychczasowej asystentki.', reasonInLetter: true });
    const users = await t.call('users:list', {});
    const worker = users.find((u) => u.login === 'ezielinska')?.id ?? '';
    await t.call('cases:changeStaff', { caseId, role: 'worker', userId: worker, effectiveOn: '2026-03-07', reason: 'Reorganizacja rejonów (sprawa wewnętrzna).' });
    const history = await t.call('cases:staffHistory', { caseId });
    expect(history.assistants.map((p) => p.startedByChange)).toEqual([false, true]);
    expect(history.workers.map((p) => p.startedByChange)).toEqual([false, true]);
    const assistantChange = history.assistants[1]?.id ?? '';
    const workerChange = history.workers[1]?.id ?? '';

    await daysLater(2, HEAD.password);
    const letter = await printed(caseId, 'staff-change-letter', assistantChange);
    expect(letter.issued.document.kindLabel).toBe('Pismo do rodziny o zmianie asystenta lub pracownika socjalnego');
    expect(letter.text).toContain(`Bielice, dnia ${long('2026-03-06')}`);
    expect(letter.text).toMatch(/Rodzina Kowalczyk1 ul\. Polna 3 74-202 Bielice/);
    expect(letter.text).toContain('ZMIANA ASYSTENTA RODZINY');
    expect(letter.text).toContain(`uprzejmie informuję, że z dniem ${long('2026-03-06')} nastąpiła zmiana asystenta rodziny pracującego z Państwa rodziną.`);
    expect(letter.text).toContain('Imię i nazwisko: Celina Nowicka');
    expect(letter.text).toContain('Telefon służbowy: 32 555 02 02');
    expect(letter.text).toContain('Dotychczasowy asystent rodziny: Bożena Wiśniewska');
    expect(letter.text).toContain('Przyczyna zmiany Długotrwała nieobecność dotychczasowej asystentki.');
    expect(letter.text).toContain('podpis kierownika');
    // The day of printing is not the letter's date.
    expect(letter.text).not.toContain(long('2026-03-10'));

    const workerLetter = await printed(caseId, 'staff-change-letter', workerChange);
    expect(workerLetter.text).toContain('ZMIANA PRACOWNIKA SOCJALNEGO');
    expect(workerLetter.text).toContain(`Pracownik socjalny od ${long('2026-03-07')}`);
    expect(workerLetter.text).toContain('Imię i nazwisko: Ewa Zielińska');
    expect(workerLetter.text).toContain('Dotychczasowy pracownik socjalny: Anna Nowak');
    // Not chosen for the letter: the reason stays in the file.
    expect(workerLetter.text).not.toContain('Przyczyna zmiany');
    expect(workerLetter.text).not.toContain('Reorganizacja');

    // A reprint gives the same document; the first assistant has the przydzielenie, not this letter.
    expect((await t.call('documents:issue', { caseId, kind: 'staff-change-letter', subjectId: assistantChange })).reprint).toBe(true);
    expect((await t.fail('documents:issue', { caseId, kind: 'staff-change-letter', subjectId: history.assistants[0]?.id ?? '' })).code).toBe('INVALID_STATE');

    // The kierownik signs it: the worker cannot issue it.
    await signIn(t, 'ezielinska');
    expect((await t.fail('documents:issue', { caseId, kind: 'staff-change-letter', subjectId: assistantChange })).code).toBe('FORBIDDEN');
  });
});

describe('the wywiad and the oświadczenie o stanie majątkowym', () => {
  it('print the wywiad as completed (dated with its completion) and the statement dated with its signing, and the wywiad stays as it stood after the family moves', async () => {
    await office();
    await signIn(t, 'anowak');
    const { id: caseId } = await t.call('cases:create', simpleIntake(2));
    const { interviewId } = await t.call('cases:startInterview', { caseId });
    const marta = (await t.call('cases:get', { id: caseId })).family.members[0]?.person.id ?? '';
    const saved = await t.call('interviews:save', {
      id: interviewId,
      expectedVersion: 1,
      conductedOn: '2026-03-02',
      place: 'Dom rodziny',
      segments: { ...MANDATORY_SEGMENTS, 'I.C': { housing: 'Mieszkanie komunalne, dwa pokoje.' } },
      documents: { [marta]: { id: 'received', salary: 'missing' } },
      income: { items: [{ personId: marta, source: 'employment', grossGr: 300_000, taxGr: 20_000, contributionsGr: 40_000, alimonyPaidGr: 0 }] },
      assets: { declarantId: marta, signedOn: '2026-03-02', dwelling: 'Mieszkanie komunalne, najem, 48 m².', farm: '', otherRealEstate: '', vehicles: 'Opel Astra z 2006 r.', savings: '', other: '' },
    });
    expect(saved.assets?.dwelling).toBe('Mieszkanie komunalne, najem, 48 m².');

    // Not completed yet: its text is not final.
    expect((await t.fail('documents:issue', { caseId, kind: 'interview-record', subjectId: interviewId })).code).toBe('INVALID_STATE');

    await daysLater(2);
    await t.call('interviews:complete', { id: interviewId, expectedVersion: saved.version });
    await daysLater(1);
    const record = await printed(caseId, 'interview-record', interviewId);
    expect(record.text).toContain(`Bielice, dnia ${long('2026-03-04')}`);
    expect(record.text).toContain('RODZINNY WYWIAD ŚRODOWISKOWY');
    expect(record.text).toContain('Data wywiadu: 02.03.2026');
    expect(record.text).toContain('Część I.C. Warunki bytowe');
    expect(record.text).toContain('Mieszkanie komunalne, dwa pokoje.');
    expect(record.text).toContain('Część I.J. Plan pomocy Wniosek o asystenta, kontakt ze szkołą.');
    expect(record.text).toContain('Marta Kowalczyk2');
    expect(record.text).toContain('2 400,00 zł');
    expect(record.text).toMatch(/stanowi [\d,]+ % kryterium i (mieści się w kryterium dochodowym|przekracza kryterium dochodowe)/);
    expect(record.text).toContain('Otrzymano: – Dowód osobisty lub inny dokument tożsamości Brakuje: – Zaświadczenie lub oświadczenie o wynagrodzeniu');
    // The segments are in the form's order; part IV belongs to an update only.
    expect(record.text.indexOf('Część I.A.')).toBeLessThan(record.text.indexOf('Część I.C.'));
    expect(record.text.indexOf('Część I.C.')).toBeLessThan(record.text.indexOf('Część I.J.'));
    expect(record.text).not.toContain('Część IV');

    const statement = await printed(caseId, 'asset-statement', interviewId);
    expect(statement.text).toContain(`Bielice, dnia ${long('2026-03-02')}`);
    expect(statement.text).toContain('OŚWIADCZENIE O STANIE MAJĄTKOWYM');
    expect(statement.text).toContain('Marta Kowalczyk2');
    expect(statement.text).toContain('1. Mieszkanie lub dom (tytuł prawny, powierzchnia, liczba izb) Mieszkanie komunalne, najem, 48 m².');
    expect(statement.text).toContain('2. Gospodarstwo rolne (powierzchnia w hektarach fizycznych i przeliczeniowych, tytuł prawny) nie posiadam');
    expect(statement.text).toContain('Jestem świadoma odpowiedzialności karnej za złożenie fałszywego oświadczenia.');

    // The family moves afterwards: the wywiad prints as it stood (the very same document).
    await t.call('family:change', { caseId, effectiveOn: '2026-03-05', change: { kind: 'address', street: 'ul. Nowa 1', postalCode: '74-202', city: 'Bielice', rural: false } });
    const again = await t.call('documents:issue', { caseId, kind: 'interview-record', subjectId: interviewId });
    expect(again.reprint).toBe(true);
    expect(again.document.id).toBe(record.issued.document.id);

    // The statement lists what the household owns: not for the assistant (art. 16 u.w.r.).
    await signIn(t, HEAD.login);
    expect((await t.call('interviews:get', { id: interviewId })).assets?.declarantId).toBe(marta);
  });

  it('refuses a statement made by someone outside the family, or signed on a day still to come', async () => {
    await office();
    await signIn(t, 'anowak');
    const { id: caseId } = await t.call('cases:create', simpleIntake(3));
    const { interviewId } = await t.call('cases:startInterview', { caseId });
    const base = { id: interviewId, expectedVersion: 1, conductedOn: '2026-03-02', place: '', segments: {}, documents: {}, income: { items: [] } };
    const blank = { farm: '', otherRealEstate: '', vehicles: '', savings: '', other: '', dwelling: '' };
    const stranger = await t.fail('interviews:save', { ...base, assets: { ...blank, declarantId: '00000000-0000-4000-8000-000000000001', signedOn: null } });
    expect(stranger.message).toContain('członek tej rodziny');
    const future = await t.fail('interviews:save', { ...base, assets: { ...blank, declarantId: null, signedOn: '2026-03-09' } });
    expect(future.code).toBe('VALIDATION');
    // Nothing was lost or half-saved.
    expect((await t.call('interviews:get', { id: interviewId })).version).toBe(1);
  });
});
