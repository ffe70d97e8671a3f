/**
 * Food-aid (FEPŻ) and social-shop referrals (issue 19) over a real backend, a real encrypted
 * database and the real PDF worker: qualification without a case, the numbered PDF in the document
 * register (read back as text and looked at as a PNG), the bad-input rules (nothing saved), the
 * duplicate warning, the wywiad as the basis, the registers, exports, monthly counts and who sees what.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IncomeItem } from '../../../../shared/domain/income';
import { makePesel } from '../../../../shared/domain/pesel';
import type { ReferralIssueInput } from '../../../../shared/referrals';
import { DEFAULT_REFERRAL_SETTINGS, PARTNER_LIST_HEADERS } from '../../../../shared/referrals';
import { describeEngines, HEAD, setUpOffice, testBackend, type Engine, type TestBackend } from '../../../support/backend';
import { caseWithRequest, PASSWORD, signIn } from '../../../support/case-flow';
import { FONT_DIR, WORKER_PATH, STANDARD_14, baseFontsInFile, hasPdftoppm, readPdf, writePreview } from '../pdf/pdf-helpers';

let t: TestBackend;
/** The engine of the running block (describeEngines below). */
let engine: Engine = 'local';
afterEach(async () => t?.cleanup());

const oneLine = (text: string): string => text.replace(/\s+/g, ' ');
const pdfBytes = (base64: string): Uint8Array => new Uint8Array(Buffer.from(base64, 'base64'));
const pension = (personId: string, grossGr: number): IncomeItem => ({ personId, source: 'old_age_pension', grossGr, taxGr: 0, contributionsGr: 0, alimonyPaidGr: 0 });

interface Office {
  subId: string;
  partnerId: string;
  pointId: string;
}

async function office(today = '2026-03-02'): Promise<Office> {
  t = testBackend(undefined, { engine, pdfWorkerPath: WORKER_PATH, fontDir: FONT_DIR, openFile: async () => undefined });
  t.clock.set(`${today}T09:00:00.000Z`);
  await setUpOffice(t);
  await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
  await t.call('users:create', { firstName: 'Bożena', lastName: 'Wiśniewska', login: 'bwisniewska', password: PASSWORD, roles: ['family_assistant'] });
  const year = Number(today.slice(0, 4));
  const sub = await t.call('referrals:saveSubprogramme', { name: `Podprogram ${year}`, validUntil: `${year + 1}-06-30` });
  const partner = await t.call('referrals:savePartner', {
    name: 'Bank Żywności w Słupsku',
    address: 'ul. Portowa 13, 76-200 Słupsk',
    phone: '59 842 00 00',
    points: [{ name: 'Punkt przy parafii św. Jadwigi', address: 'ul. Kościelna 2, 74-202 Bielice', hours: 'wt. 10–14' }],
  });
  await t.call('referrals:saveSettings', {
    ...DEFAULT_REFERRAL_SETTINGS,
    rodoClause: 'Administratorem Pani/Pana danych jest GOPS w Bielicach. Klauzula ośrodka — Żółć.',
    shop: { ...DEFAULT_REFERRAL_SETTINGS.shop, name: 'Sklep Społeczny „Przystań”', address: 'ul. Rynek 5, 74-202 Bielice', mode: 'flat', flatGr: 210_000, art7Required: false, validityDays: 90, limitsText: 'Do 300 zł miesięcznie na gospodarstwo.', groupsRegardless: ['rodziny zastępcze', 'emeryci'] },
  });
  await signIn(t, 'anowak');
  return { subId: sub.id, partnerId: partner.id, pointId: partner.points[0]!.id };
}

function fepz(o: Office, declaredOn: string, members: { pesel: string; firstName: string; lastName: string; birthDate: string; sex: 'F' | 'M' }[], items: IncomeItem[], extra: Partial<ReferralIssueInput> = {}): ReferralIssueInput {
  return {
    programme: 'fepz',
    subprogrammeId: o.subId,
    partnerId: o.partnerId,
    pointId: o.pointId,
    source: {
      kind: 'declaration',
      declaredOn,
      members: members.map((person, i) => ({ key: `m${i}`, relation: i === 0 ? 'applicant' : 'child', person })),
      income: { items },
      reasons: ['poverty'],
    },
    ...extra,
  };
}

const ZOFIA = { pesel: makePesel('1958-07-14', 'F', 41), firstName: 'Zofia', lastName: 'Żuławska-Łęcka', birthDate: '1958-07-14', sex: 'F' as const };
const KUBA = { pesel: makePesel('2012-01-20', 'M', 42), firstName: 'Jakub', lastName: 'Łęcki', birthDate: '2012-01-20', sex: 'M' as const };

function withoutReasons(input: ReferralIssueInput): ReferralIssueInput {
  return { ...input, source: { ...input.source, reasons: [] } };
}

async function counts(): Promise<{ referrals: number; persons: number; documents: number; declarations: number }> {
  const s = t.backend.readySession()!;
  const [row] = (await s.db.read((m) =>
    m.query('SELECT (SELECT COUNT(*) FROM referral) AS referrals, (SELECT COUNT(*) FROM person) AS persons, (SELECT COUNT(*) FROM document) AS documents, (SELECT COUNT(*) FROM referral_declaration) AS declarations'),
  )) as { referrals: number; persons: number; documents: number; declarations: number }[];
  return row!;
}

describeEngines('referrals', (current) => {
  beforeAll(() => {
    engine = current;
  });

  describe('FEPŻ referral from a declaration, without a case', () => {
    it('qualifies, issues a numbered PDF in the document register, lists it, and the PDF says what the issue asks', async () => {
      const o = await office();
      const referral = await t.call('referrals:issue', fepz(o, '2026-02-27', [ZOFIA, KUBA], [pension('m0', 300_000), { ...pension('m1', 80_000), source: 'child_raising_benefit' }]));
      expect(referral).toMatchObject({ programme: 'fepz', number: '1/2026', householdSize: 2, perPersonGr: 150_000, thresholdGr: 218_095, status: 'issued', valid: true, validUntil: '2027-06-30', subprogrammeName: 'Podprogram 2026' });
      expect(referral.eligibility).toMatch(/^Kwalifikuje się: dochód na osobę 1\s500,00\szł nie przekracza 2\s180,95\szł \(265% kryterium/);

      // The persons joined the office's register (a later case or referral finds them by PESEL).
      const hints = await t.call('cases:findDuplicates', { pesel: ZOFIA.pesel });
      expect(hints).toHaveLength(1);

      const file = await t.call('documents:get', { documentId: referral.documentId });
      expect(file.fileName).toBe('skierowanie-1-2026.pdf');
      const bytes = pdfBytes(file.bytes);
      const pdf = await readPdf(bytes);
      const text = oneLine(pdf.text);
      for (const expected of [
        'SKIEROWANIE DO OTRZYMANIA POMOCY ŻYWNOŚCIOWEJ NR 1/2026',
        'Gminny Ośrodek Pomocy Społecznej w Bielicach',
        'Zofia Żuławska-Łęcka',
        `PESEL: ${ZOFIA.pesel}`,
        'Liczba osób w gospodarstwie domowym: 2',
        'oświadczenie o dochodach z dnia 27.02.2026',
        'Dochód na osobę: 1 500,00 zł',
        '2 180,95 zł – 265% kryterium 823,00 zł',
        'Ubóstwo',
        'Bank Żywności w Słupsku',
        'Punkt przy parafii św. Jadwigi',
        'Podprogram 2026',
        'Skierowanie ważne do: 30.06.2027',
        'Anna Nowak',
        'podpis pracownika socjalnego',
        'Klauzula informacyjna',
        'Klauzula ośrodka — Żółć.',
        'Strona 1 z 1',
      ]) {
        expect(text).toContain(expected);
      }
      // Font guard: only embedded DejaVu, never a standard-14 font without Polish letters.
      for (const font of pdf.fonts) expect(font.name).toMatch(/^[A-Z]{6}\+DejaVuSans(Mono)?(-[A-Za-z]+)?$/);
      for (const base of baseFontsInFile(bytes)) expect(STANDARD_14.includes(base.replace(/^[A-Z]{6}\+/, ''))).toBe(false);
      if (hasPdftoppm()) expect(readFileSync(writePreview('skierowanie-fepz', bytes)).subarray(1, 4).toString('latin1')).toBe('PNG');

      const register = (await t.call('referrals:list', { programme: 'fepz', subprogrammeId: o.subId })).rows;
      expect(register.map((r) => r.number)).toEqual(['1/2026']);
      expect((await t.call('referrals:list', { programme: 'fepz', query: 'łęcka' })).rows).toHaveLength(1);
      expect((await t.call('referrals:list', { programme: 'fepz', query: ZOFIA.pesel.slice(0, 6) })).rows).toHaveLength(1);
      expect((await t.call('referrals:list', { programme: 'fepz', query: 'Kowalski' })).rows).toHaveLength(0);
      expect((await t.call('referrals:list', { programme: 'shop' })).rows).toHaveLength(0);

      await signIn(t, HEAD.login);
      const audit = await t.call('audit:list', { action: 'referral.issue' });
      expect(audit[0]?.details).toMatchObject({ programme: 'fepz', number: '1/2026', householdSize: 2 });
    }, 60_000);

    it('refuses bad input in Polish and saves nothing', async () => {
      const o = await office();
      const before = await counts();
      const refusals: [ReferralIssueInput, RegExp][] = [
        [withoutReasons(fepz(o, '2026-02-27', [ZOFIA], [pension('m0', 100_000)])), /przesłankę z art\. 7/],
        [fepz(o, '2026-02-27', [ZOFIA], [pension('m0', 267_651)]), /przekracza próg 2\s676,50\szł/],
        [fepz(o, '2026-03-03', [ZOFIA], [pension('m0', 100_000)]), /nie może być z przyszłości/],
        [fepz(o, '2026-01-15', [ZOFIA], [pension('m0', 100_000)]), /ma 46 dni, a ośrodek przyjmuje najwyżej 30/],
        [fepz(o, '2026-02-27', [], []), /co najmniej jedną osobę/],
        [{ ...fepz(o, '2026-02-27', [ZOFIA], [pension('m0', 100_000)]), subprogrammeId: null }, /Wybierz podprogram/],
      ];
      for (const [input, message] of refusals) {
        const error = await t.fail('referrals:issue', input);
        expect(error.message, JSON.stringify(input.source).slice(0, 80)).toMatch(message);
      }
      expect(await counts()).toEqual(before);

      // A sub-programme without a validity date is refused too.
      await signIn(t, HEAD.login);
      expect((await t.fail('referrals:saveSubprogramme', { name: 'Podprogram bez daty', validUntil: null })).message).toMatch(/datę końca ważności/);
      expect((await t.call('referrals:config', {})).subprogrammes.map((s) => s.name)).toEqual(['Podprogram 2026']);
    }, 60_000);

    it('warns of a valid referral for the same sub-programme and issues a second one only with a reason', async () => {
      const o = await office();
      await t.call('referrals:issue', fepz(o, '2026-02-27', [ZOFIA], [pension('m0', 100_000)]));
      const person = (await t.call('cases:findDuplicates', { pesel: ZOFIA.pesel }))[0]!;
      const again: ReferralIssueInput = { ...fepz(o, '2026-03-01', [], []), source: { kind: 'declaration', declaredOn: '2026-03-01', members: [{ key: 'm0', relation: 'applicant', existingPersonId: person.personId }], income: { items: [pension('m0', 100_000)] }, reasons: ['disability'] } };
      const before = await counts();
      const warning = await t.fail('referrals:issue', again);
      expect(warning).toMatchObject({ code: 'CONFLICT', fields: { duplicateReason: 'Podaj powód wydania kolejnego skierowania.' } });
      expect(warning.message).toMatch(/ma już ważne skierowanie nr 1\/2026 .*ważne do 30\.06\.2027.*podaniem powodu/);
      expect(await counts()).toEqual(before);
      const second = await t.call('referrals:issue', { ...again, duplicateReason: 'Poprzednie skierowanie zaginęło przy przeprowadzce.' });
      expect(second).toMatchObject({ number: '2/2026', duplicateReason: 'Poprzednie skierowanie zaginęło przy przeprowadzce.' });

      // A new person with a PESEL already in the register is refused: choose her from the list instead.
      const twin = await t.fail('referrals:issue', fepz(o, '2026-03-01', [ZOFIA], [pension('m0', 100_000)], { duplicateReason: 'x' }));
      expect(twin).toMatchObject({ code: 'CONFLICT' });
      expect(twin.message).toMatch(/jest już w rejestrze ośrodka/);

      // Cancelled with a reason: no longer valid, a new one needs no reason.
      const cancelled = await t.call('referrals:cancel', { id: second.id, reason: 'Wydane omyłkowo.' });
      expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Wydane omyłkowo.', valid: false });
      expect((await t.fail('referrals:cancel', { id: second.id, reason: 'Jeszcze raz.' })).message).toMatch(/już anulowane/);
      expect((await t.call('referrals:list', { programme: 'fepz', status: 'cancelled' })).rows).toHaveLength(1);
    }, 60_000);
  });

  describe('the dated threshold through the service (the issue’s check values)', () => {
    it('2023-06-01: a single person with 2 000 zł is refused (235 % of 776 zł)', async () => {
      const o = await office('2023-06-02');
      const error = await t.fail('referrals:issue', fepz(o, '2023-06-01', [ZOFIA], [pension('m0', 200_000)]));
      expect(error.message).toMatch(/przekracza próg 1\s823,60\szł \(235% kryterium/);
    }, 60_000);

    it('2025-06-01: 2 500 zł is eligible, 2 700 zł is not (265 % of 1 010 zł = 2 676,50 zł)', async () => {
      const o = await office('2025-06-02');
      expect((await t.fail('referrals:issue', fepz(o, '2025-06-01', [ZOFIA], [pension('m0', 270_000)]))).message).toMatch(/przekracza próg 2\s676,50\szł/);
      const ok = await t.call('referrals:issue', fepz(o, '2025-06-01', [ZOFIA], [pension('m0', 250_000)]));
      expect(ok).toMatchObject({ thresholdGr: 267_650, perPersonGr: 250_000 });
    }, 60_000);

    it('the kierownik adds a share for a future date only; the history stays', async () => {
      await office();
      await signIn(t, HEAD.login);
      expect((await t.fail('referrals:addThreshold', { validFrom: '2026-03-02', percent: 280, legalSource: 'Zmiana' })).message).toMatch(/najwcześniej od jutra/);
      const table = await t.call('referrals:addThreshold', { validFrom: '2027-01-01', percent: 280, legalSource: 'Zmiana programu FEPŻ' });
      expect(table.map((r) => `${r.validFrom}:${r.percent}`)).toEqual(['2020-11-26:220', '2023-05-15:235', '2024-02-12:265', '2027-01-01:280']);
      expect((await t.fail('referrals:addThreshold', { validFrom: '2027-01-01', percent: 290, legalSource: 'Zmiana' })).code).toBe('CONFLICT');
    }, 60_000);
  });

  describe('social shop, the wywiad as the basis, lists and counts, roles', () => {
    it('issues a shop referral by the office’s flat limit and groups, in its own register', async () => {
      await office();
      const base: ReferralIssueInput = { programme: 'shop', source: { kind: 'declaration', declaredOn: '2026-03-02', members: [{ key: 'm0', relation: 'applicant', person: ZOFIA }], income: { items: [pension('m0', 400_000)] }, reasons: [] } };
      expect((await t.fail('referrals:issue', base)).message).toMatch(/przekracza limit sklepu socjalnego 2\s100,00\szł/);
      const shop = await t.call('referrals:issue', { ...base, admittedGroup: 'emeryci' });
      expect(shop).toMatchObject({ programme: 'shop', validUntil: '2026-05-30', subprogrammeName: null, partnerName: null });
      expect(shop.eligibility).toBe('Kwalifikuje się: grupa „emeryci” przyjmowana bez względu na dochód.');
      expect((await t.call('referrals:list', { programme: 'fepz' })).rows).toHaveLength(0);
      expect((await t.call('referrals:list', { programme: 'shop' })).rows.map((r) => r.number)).toEqual([shop.number]);
      const pdf = oneLine((await readPdf(pdfBytes((await t.call('documents:get', { documentId: shop.documentId })).bytes))).text);
      for (const expected of ['SKIEROWANIE DO SKLEPU SOCJALNEGO NR 1/2026', 'Sklep Społeczny „Przystań”', 'ul. Rynek 5, 74-202 Bielice', 'Grupa przyjmowana bez względu na dochód: emeryci', 'Limity zakupów', 'Do 300 zł miesięcznie na gospodarstwo.', 'Skierowanie ważne do: 30.05.2026']) {
        expect(pdf).toContain(expected);
      }
    }, 60_000);

    it('uses a case’s completed wywiad; an assistant sees only her families’ referrals; exports and counts are audited', async () => {
      const o = await office();
      const { caseId, requestId } = await caseWithRequest(t, 'anowak', 7);
      expect((await t.call('referrals:caseSources', {})).rows.map((s) => s.caseId)).toEqual([caseId]);
      const fromCase = await t.call('referrals:issue', { programme: 'fepz', subprogrammeId: o.subId, partnerId: o.partnerId, pointId: o.pointId, source: { kind: 'interview', caseId, reasons: ['parenting_helplessness'] } });
      expect(fromCase).toMatchObject({ householdSize: 2, perPersonGr: 0, personName: 'Marta Kowalczyk7' });
      const other = await t.call('referrals:issue', fepz(o, '2026-03-02', [ZOFIA], [pension('m0', 100_000)]));

      await signIn(t, HEAD.login);
      const assistant = (await t.call('users:list', {})).find((u) => u.login === 'bwisniewska')!;
      await t.call('requests:decide', { requestId, decision: { kind: 'assign', assistantId: assistant.id } });
      await signIn(t, 'bwisniewska');
      expect((await t.call('referrals:list', { programme: 'fepz' })).rows.map((r) => r.number)).toEqual([fromCase.number]);
      await t.call('documents:get', { documentId: fromCase.documentId });
      // The same refusal on both engines (on the server the row is hidden from her; asysta.office_document lets the referral's check answer).
      expect(await t.fail('documents:get', { documentId: other.documentId })).toMatchObject({ code: 'FORBIDDEN', message: 'Nie masz uprawnień do tego skierowania.' });
      expect((await t.fail('referrals:issue', fepz(o, '2026-03-02', [KUBA], []))).code).toBe('FORBIDDEN');
      expect((await t.fail('referrals:exportList', { programme: 'fepz', format: 'csv' })).code).toBe('FORBIDDEN');

      await signIn(t, 'anowak');
      const csv = await t.call('referrals:exportList', { programme: 'fepz', subprogrammeId: o.subId, partnerId: o.partnerId, format: 'csv' });
      const text = Buffer.from(csv.bytes, 'base64').toString('utf8');
      expect(csv).toMatchObject({ fileName: 'skierowania-fepz-podprogram-2026-2026-03-02.csv', rows: 2 });
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text).toContain(PARTNER_LIST_HEADERS.join(';'));
      expect(text).toContain('1/2026;Marta Kowalczyk7;2;30.06.2027');
      expect(text).toContain('2/2026;Zofia Żuławska-Łęcka;1;30.06.2027');
      // Minimal data: no PESEL, no income, no reasons.
      expect(text).not.toContain(ZOFIA.pesel);
      expect(text).not.toMatch(/zł|Ubóstwo/);
      const xlsx = await t.call('referrals:exportList', { programme: 'fepz', subprogrammeId: o.subId, format: 'xlsx' });
      expect(Buffer.from(xlsx.bytes, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');

      await signIn(t, HEAD.login);
      const exports = await t.call('audit:list', { action: 'referral.export' });
      expect(exports.map((e) => e.details['format'])).toEqual(['xlsx', 'csv']);
      await t.call('referrals:cancel', { id: other.id, reason: 'Rezygnacja z pomocy.' });
      expect(await t.call('audit:list', { action: 'referral.cancel' })).toHaveLength(1);
      expect(await t.call('referrals:monthly', { from: '2026-01-01', to: '2026-12-31' })).toEqual([
        { month: '2026-03', programme: 'fepz', referrals: 1, persons: 2, households: 1, cancelled: 1 },
      ]);
      const monthly = await t.call('referrals:exportMonthly', { from: '2026-01-01', to: '2026-12-31', format: 'csv' });
      expect(monthly.fileName).toBe('skierowania-miesiecznie-2026-01-01-2026-12-31.csv');
      const monthlyText = Buffer.from(monthly.bytes, 'base64').toString('utf8');
      expect(monthlyText).toContain('Miesiąc;Rodzaj;Skierowania;Osoby;Gospodarstwa domowe;Anulowane\r\n2026-03;Pomoc żywnościowa FEPŻ;1;2;1;1\r\n');
      expect((await t.call('audit:list', { action: 'referral.export' }))[0]?.details).toMatchObject({ list: 'monthly', format: 'csv', rows: 1 });
    }, 90_000);
  });
});
