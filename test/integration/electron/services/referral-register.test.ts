/**
 * The referral registers and the wywiad picker as paged read models (issue 17; ADR 0004): filters,
 * order, page and total in SQL, a stable order (no referral on two pages, none missing), folded
 * search over names, numbers, partners and points, PESEL digits, and paging input refused in Polish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePesel } from '../../../../shared/domain/pesel';
import type { ReferralIssueInput, ReferralView } from '../../../../shared/referrals';
import { describeEngines, HEAD, setUpOffice, testBackend, type TestBackend } from '../../../support/backend';
import { caseWithRequest, PASSWORD, signIn } from '../../../support/case-flow';
import { FONT_DIR, WORKER_PATH } from '../pdf/pdf-helpers';

let t: TestBackend;
let o: { subId: string; partnerId: string; pointId: string };
const issued: ReferralView[] = [];

/** Surnames in an order a byte sort gets wrong: "Łęcka" belongs between "Kowal" and "Nowak". */
const SURNAMES = ['Nowak', 'Łęcka', 'Zając', 'Kowal', 'Adamska'];

function input(i: number): ReferralIssueInput {
  const birth = `19${60 + i}-03-0${i + 1}`;
  return {
    programme: 'fepz',
    subprogrammeId: o.subId,
    partnerId: o.partnerId,
    pointId: o.pointId,
    source: {
      kind: 'declaration',
      declaredOn: '2026-02-27',
      members: [{ key: 'm0', relation: 'applicant', person: { pesel: makePesel(birth, 'F', 50 + i), firstName: 'Maria', lastName: SURNAMES[i]!, birthDate: birth, sex: 'F' } }],
      income: { items: [{ personId: 'm0', source: 'old_age_pension', grossGr: 100_000, taxGr: 0, contributionsGr: 0, alimonyPaidGr: 0 }] },
      reasons: ['poverty'],
    },
  };
}

describeEngines('the referral register and the wywiad picker', (engine) => {
  beforeAll(async () => {
    t = testBackend(undefined, { engine, pdfWorkerPath: WORKER_PATH, fontDir: FONT_DIR, openFile: async () => undefined });
    issued.length = 0;
    await setUpOffice(t);
    await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
    const sub = await t.call('referrals:saveSubprogramme', { name: 'Podprogram 2026', validUntil: '2027-06-30' });
    const partner = await t.call('referrals:savePartner', {
      name: 'Bank Żywności w Słupsku',
      address: 'ul. Portowa 13, 76-200 Słupsk',
      points: [{ name: 'Punkt przy parafii św. Jadwigi', address: 'ul. Kościelna 2, 74-202 Bielice', hours: 'wt. 10–14' }],
    });
    o = { subId: sub.id, partnerId: partner.id, pointId: partner.points[0]!.id };
    await signIn(t, 'anowak');
    for (let i = 0; i < SURNAMES.length; i++) {
      t.clock.advance(60_000);
      issued.push(await t.call('referrals:issue', input(i)));
    }
    await t.call('referrals:cancel', { id: issued[3]!.id, reason: 'Pomyłka w danych.' });
  }, 120_000);
  afterAll(() => t?.cleanup());

  describe('the referral register, paged', () => {
    it('pages in a stable order with the total: every referral once, none on two pages', async () => {
      const seen: string[] = [];
      for (let page = 1; page <= 3; page++) {
        const result = await t.call('referrals:list', { programme: 'fepz', pageSize: 2, page });
        expect(result).toMatchObject({ total: 5, page, pageSize: 2 });
        expect(result.rows).toHaveLength(page < 3 ? 2 : 1);
        seen.push(...result.rows.map((r) => r.id));
      }
      expect(new Set(seen).size).toBe(5);
      expect([...seen].sort()).toEqual(issued.map((r) => r.id).sort());
      // Newest first: the same day, so the later issue comes first (and the id breaks a tie of the same minute).
      expect(seen).toEqual(issued.map((r) => r.id).reverse());
    });

    it('sorts by the folded surname, by number and by validity, each direction', async () => {
      const names = async (sort: 'personName' | 'number', direction: 'asc' | 'desc') => (await t.call('referrals:list', { programme: 'fepz', sort, direction })).rows.map((r) => r.personName.split(' ')[1]);
      expect(await names('personName', 'asc')).toEqual(['Adamska', 'Kowal', 'Łęcka', 'Nowak', 'Zając']);
      expect(await names('personName', 'desc')).toEqual(['Zając', 'Nowak', 'Łęcka', 'Kowal', 'Adamska']);
      expect(await names('number', 'asc')).toEqual(SURNAMES);
      const byValidity = await t.call('referrals:list', { programme: 'fepz', sort: 'validUntil', direction: 'asc', pageSize: 200 });
      expect(byValidity.rows).toHaveLength(5);
    });

    it('filters in SQL: state, folded words of the name, the number, the partner or point, and PESEL digits, with the right total', async () => {
      const cancelled = await t.call('referrals:list', { programme: 'fepz', status: 'cancelled' });
      expect(cancelled.total).toBe(1);
      expect(cancelled.rows.map((r) => r.id)).toEqual([issued[3]!.id]);
      expect(cancelled.rows[0]).toMatchObject({ status: 'cancelled', valid: false, cancelReason: 'Pomyłka w danych.' });
      expect((await t.call('referrals:list', { programme: 'fepz', status: 'issued' })).total).toBe(4);

      const lecka = await t.call('referrals:list', { programme: 'fepz', query: 'lecka' });
      expect(lecka.rows.map((r) => r.personName)).toEqual(['Maria Łęcka']);
      expect((await t.call('referrals:list', { programme: 'fepz', query: 'MARIA zając' })).total).toBe(1);
      expect((await t.call('referrals:list', { programme: 'fepz', query: 'maria' })).total).toBe(5);
      expect((await t.call('referrals:list', { programme: 'fepz', query: issued[2]!.number })).rows.map((r) => r.id)).toEqual([issued[2]!.id]);
      // The point's and the partner's names (folded): every referral goes there.
      expect((await t.call('referrals:list', { programme: 'fepz', query: 'jadwigi' })).total).toBe(5);
      expect((await t.call('referrals:list', { programme: 'fepz', query: 'zywnosci nowak' })).total).toBe(1);
      const pesel = makePesel('1961-03-02', 'F', 51);
      expect((await t.call('referrals:list', { programme: 'fepz', query: pesel.slice(0, 8) })).rows.map((r) => r.personName)).toEqual(['Maria Łęcka']);
      // LIKE's wildcards are the user's text, not patterns.
      expect((await t.call('referrals:list', { programme: 'fepz', query: '%' })).total).toBe(0);
      expect((await t.call('referrals:list', { programme: 'fepz', query: '_' })).total).toBe(0);
      expect((await t.call('referrals:list', { programme: 'shop' })).total).toBe(0);
      expect((await t.call('referrals:list', { programme: 'fepz', subprogrammeId: o.subId, pageSize: 3 })).total).toBe(5);
    });

    it('refuses paging input it does not know, in Polish', async () => {
      const tooMany = await t.fail('referrals:list', { programme: 'fepz', pageSize: 201 });
      expect(tooMany.code).toBe('VALIDATION');
      expect(tooMany.message).toContain('najwyżej 200 skierowań');
      const sort = await t.fail('referrals:list', { programme: 'fepz', sort: 'r.id; DROP TABLE referral' });
      expect(sort.code).toBe('VALIDATION');
      expect(sort.message).toContain('sortować');
      expect((await t.fail('referrals:list', { programme: 'fepz', page: 0 })).message).toContain('od 1');
      expect((await t.fail('referrals:list', { programme: 'fepz', direction: 'sideways' })).message).toContain('Kierunek');
      expect((await t.fail('referrals:list', { programme: 'fepz', query: 'x'.repeat(101) })).message).toContain('najwyżej 100 znaków');
      const far = await t.call('referrals:list', { programme: 'fepz', page: 99 });
      expect(far).toMatchObject({ rows: [], total: 5 });
    });
  });

  describe('the cases a wywiad may be taken from, paged', () => {
    it('pages and finds them by number or family name; a worker sees her own, the kierownik every one', async () => {
      const first = await caseWithRequest(t, 'anowak', 1);
      const second = await caseWithRequest(t, 'anowak', 2);
      await signIn(t, 'anowak');
      const all = await t.call('referrals:caseSources', {});
      expect(all.total).toBe(2);
      expect(all.rows.map((s) => s.caseId).sort()).toEqual([first.caseId, second.caseId].sort());
      const one = await t.call('referrals:caseSources', { pageSize: 1 });
      const two = await t.call('referrals:caseSources', { pageSize: 1, page: 2 });
      expect(one.total).toBe(2);
      expect([...one.rows, ...two.rows].map((s) => s.caseId).sort()).toEqual(all.rows.map((s) => s.caseId).sort());
      const target = all.rows.find((s) => s.caseId === second.caseId)!;
      expect(target.householdSize).toBeGreaterThan(0);
      const byNumber = await t.call('referrals:caseSources', { query: target.caseNumber });
      expect(byNumber.rows.map((s) => s.caseId)).toEqual([second.caseId]);
      const surname = target.familyName.split(' ')[0]!;
      expect((await t.call('referrals:caseSources', { query: surname.toLowerCase() })).rows.map((s) => s.caseId)).toContain(second.caseId);
      expect((await t.call('referrals:caseSources', { query: 'Nieistniejąca' })).total).toBe(0);
      expect((await t.fail('referrals:caseSources', { pageSize: 500 })).message).toContain('najwyżej 200 spraw');

      await signIn(t, HEAD.login);
      expect((await t.call('referrals:caseSources', {})).total).toBe(2);
      await t.call('users:create', { firstName: 'Ewa', lastName: 'Lis', login: 'elis', password: PASSWORD, roles: ['social_worker'] });
      await signIn(t, 'elis');
      expect(await t.call('referrals:caseSources', {})).toMatchObject({ rows: [], total: 0 });
    }, 120_000);
  });
});
