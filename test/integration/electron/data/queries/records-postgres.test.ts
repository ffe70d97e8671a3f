/**
 * The referral, staff, open-case, request, draft, court-export, case-file and stats drill-down queries of
 * data/queries/ on the office server (issues 17, 18): each function runs on PostgreSQL through
 * the seam, as the app's own connection (ServerDatabase), over a few rows written by the people
 * themselves, and gives what SQLite gives — numbers as numbers, the same order, folded search.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerDatabase } from '../../../../../electron/data/postgres/server-database';
import { userNamesOf } from '../../../../../electron/data/queries/case-file';
import { registerDocumentRows } from '../../../../../electron/data/queries/court-export';
import { draftSizes } from '../../../../../electron/data/queries/drafts';
import { openCaseRows, openCaseWorkerNames } from '../../../../../electron/data/queries/open-cases';
import {
  assistantSeesReferral,
  caseSourceRows,
  countCaseSources,
  countReferrals,
  monthlyCounts,
  partnerListRows,
  referralRecord,
  referralRows,
  type ReferralFilter,
} from '../../../../../electron/data/queries/referrals';
import { caseHeads } from '../../../../../electron/data/queries/requests';
import { countStatsCases, statsCaseRows } from '../../../../../electron/data/queries/stats-cases';
import { activeCasesOf, familiesOfAssistant } from '../../../../../electron/data/queries/staff';
import { startServerOffice, type Person, type ServerOffice } from '../../../../support/server-office';
import { insert, writeFamily, type FamilyRows } from '../../server/family-rows';

let office: ServerOffice;
let anna: Person;
let ewa: Person;
let family: FamilyRows;
let head: ServerDatabase;
let asAnna: ServerDatabase;
let asEwa: ServerDatabase;
const ids = { sub: randomUUID(), partner: randomUUID(), point: randomUUID(), declaration: randomUUID(), referral: randomUUID(), other: randomUUID(), otherDeclaration: randomUUID(), stranger: randomUUID() };

const tracked = (userId: string) => {
  const now = new Date().toISOString();
  return { created_at: now, created_by: userId, updated_at: now, updated_by: userId, version: 1 };
};

beforeAll(async () => {
  office = await startServerOffice();
  anna = await office.addPerson('anna', ['social_worker']);
  ewa = await office.addPerson('ewa', ['family_assistant']);
  family = await writeFamily(anna.client, anna.id, ewa.id, 'Łęcka');
  const c = anna.client;
  const t = tracked(anna.id);
  await c.query(`UPDATE interview SET status = 'completed', conducted_on = '2026-02-20' WHERE case_id = $1`, [family.caseId]);
  // The app keeps name_key folded (shared/domain/text.ts personKey); family-rows writes it as typed.
  await c.query(`UPDATE person SET name_key = 'lecka anna' WHERE id = $1`, [family.personIds[0]]);
  await office.head.client.query(`INSERT INTO assignment (id, case_id, assistant_id, assigned_on, ended_on, created_at, created_by, updated_at, updated_by, version) VALUES ($1, $2, $3, '2026-02-01', NULL, $4, $5, $4, $5, 1)`, [randomUUID(), family.caseId, ewa.id, t.created_at, office.head.id]);
  const h = tracked(office.head.id);
  await insert(office.head.client, 'referral_subprogramme', { id: ids.sub, name: 'Podprogram 2026', valid_until: '2027-06-30', ...h });
  await insert(office.head.client, 'partner_organisation', { id: ids.partner, name: 'Bank Żywności w Słupsku', address: 'ul. Portowa 13', phone: '', active: true, ...h });
  await insert(office.head.client, 'distribution_point', { id: ids.point, partner_id: ids.partner, name: 'Punkt przy parafii św. Jadwigi', address: 'ul. Kościelna 2', hours: '', active: true, ...h });
  // One referral for the family's applicant (an assistant of the family sees it), one for a stranger (she does not).
  const stranger = { id: ids.stranger, pesel: '58071412345', document_type: 'id_card', document_number: 'XYZ123456', first_name: 'Zofia', last_name: 'Żuławska', birth_date: '1958-07-14', sex: 'F', citizenship: 'polskie', phone: null, name_key: 'zulawska zofia', ...t };
  await insert(c, 'person', stranger);
  const declaration = (id: string, personId: string) => ({ id, declared_on: '2026-02-27', source: 'declaration', interview_id: null, case_id: null, applicant_id: personId, members: JSON.stringify([{ personId, relation: 'applicant' }]), household_size: 1, income: '{"items":[]}', reasons: '["poverty"]', ...t });
  await insert(c, 'referral_declaration', declaration(ids.declaration, family.personIds[0]!));
  await insert(c, 'referral_declaration', declaration(ids.otherDeclaration, ids.stranger));
  const referral = (id: string, number: string, declarationId: string, personId: string, issuedOn: string, status: 'issued' | 'cancelled') => ({
    id, programme: 'fepz', subprogramme_id: ids.sub, number, document_id: randomUUID(), declaration_id: declarationId, person_id: personId, household_size: 3, per_person_gr: 90_000, threshold_gr: 218_095,
    eligibility: 'Kwalifikuje się.', admitted_group: null, partner_id: ids.partner, point_id: ids.point, valid_until: '2027-06-30', issued_on: issuedOn, issued_by: anna.id, status,
    duplicate_reason: null, cancel_reason: status === 'cancelled' ? 'Pomyłka.' : null, cancelled_on: null, cancelled_by: null, ...t,
  });
  await insert(c, 'referral', referral(ids.referral, '7/2026', ids.declaration, family.personIds[0]!, '2026-03-01', 'issued'));
  await insert(c, 'referral', referral(ids.other, '8/2026', ids.otherDeclaration, ids.stranger, '2026-03-02', 'cancelled'));
  head = await ServerDatabase.open(office.server.as(office.head.role, office.head.password));
  asAnna = await ServerDatabase.open(office.server.as(anna.role, anna.password));
  asEwa = await ServerDatabase.open(office.server.as(ewa.role, ewa.password));
}, 180_000);
afterAll(async () => {
  for (const db of [head, asAnna, asEwa]) await db?.close();
  await office?.close();
});

const filter = (change: Partial<ReferralFilter> = {}): ReferralFilter => ({ programme: 'fepz', subprogrammeId: null, status: null, words: [], peselDigits: null, assistantId: null, ...change });

describe('data/queries on PostgreSQL', () => {
  it('the referral register: page, total, folded words, PESEL digits, partner ids, an assistant’s share, numbers as numbers', async () => {
    expect(head.dialect).toBe('postgres');
    await head.read(async (m) => {
      expect(await countReferrals(m, filter())).toBe(2);
      const page = await referralRows(m, filter(), { sort: 'issuedOn', direction: 'desc' }, { limit: 1, offset: 0 });
      expect(page).toHaveLength(1);
      expect(page[0]).toMatchObject({ id: ids.other, number: '8/2026', personName: 'Zofia Żuławska', householdSize: 3, perPersonGr: 90_000, subprogrammeName: 'Podprogram 2026', partnerName: 'Bank Żywności w Słupsku', pointName: 'Punkt przy parafii św. Jadwigi', issuedByName: 'anna Testowa', status: 'cancelled', cancelReason: 'Pomyłka.' });
      expect((await referralRows(m, filter(), { sort: 'personName', direction: 'asc' }, { limit: 10, offset: 0 })).map((r) => r.id)).toEqual([ids.referral, ids.other]);
      expect(await countReferrals(m, filter({ status: 'issued' }))).toBe(1);
      expect(await countReferrals(m, filter({ words: [{ like: '%zulawska%', partnerIds: [], pointIds: [] }] }))).toBe(1);
      expect(await countReferrals(m, filter({ words: [{ like: '%8/2026%', partnerIds: [], pointIds: [] }] }))).toBe(1);
      expect(await countReferrals(m, filter({ words: [{ like: '%jadwigi%', partnerIds: [], pointIds: [ids.point] }] }))).toBe(2);
      expect(await countReferrals(m, filter({ words: [{ like: '%\\%%', partnerIds: [], pointIds: [] }] }))).toBe(0);
      expect(await countReferrals(m, filter({ peselDigits: '580714' }))).toBe(1);
      expect(await countReferrals(m, filter({ assistantId: ewa.id }))).toBe(1);
      expect(await assistantSeesReferral(m, ids.referral, ewa.id)).toBe(true);
      expect(await assistantSeesReferral(m, ids.other, ewa.id)).toBe(false);
      expect((await referralRecord(m, ids.referral))?.number).toBe('7/2026');
      expect(await partnerListRows(m, { programme: 'fepz', subprogrammeId: ids.sub, partnerId: ids.partner })).toEqual([{ number: '7/2026', name: 'Anna Łęcka', householdSize: 3, validUntil: '2027-06-30' }]);
      expect(await monthlyCounts(m, '2026-01-01', '2026-12-31')).toEqual([{ month: '2026-03', programme: 'fepz', referrals: 1, persons: 3, households: 1, cancelled: 1 }]);
    });
  });

  it('the cases a wywiad may come from: the latest completed wywiad, household size and family name, limited to the search’s hits', async () => {
    await head.read(async (m) => {
      expect(await countCaseSources(m, { workerId: null, caseIds: null })).toBe(1);
      expect(await countCaseSources(m, { workerId: null, caseIds: [randomUUID()] })).toBe(0);
      const rows = await caseSourceRows(m, { workerId: null, caseIds: [family.caseId, randomUUID()] }, { limit: 20, offset: 0 });
      expect(rows).toEqual([{ caseId: family.caseId, caseNumber: expect.stringMatching(/^OPS\.AR\.\d+\.2026$/) as unknown, reasons: '[]', conductedOn: '2026-02-20', householdSize: 2, familyName: 'Łęcka Anna' }]);
      expect(await countCaseSources(m, { workerId: ewa.id, caseIds: null })).toBe(0);
    });
  });

  it('staff, open cases, request heads, drafts, the register’s PDFs and the case file’s names', async () => {
    await head.read(async (m) => {
      expect(await familiesOfAssistant(m, ewa.id)).toBe(1);
      expect(await activeCasesOf(m, anna.id)).toEqual([{ caseId: family.caseId, number: expect.any(String) as unknown, familyName: 'Łęcka Anna', role: 'worker' }]);
      expect(await activeCasesOf(m, ewa.id)).toMatchObject([{ caseId: family.caseId, role: 'assistant' }]);
      const open = await openCaseRows(m, family.personIds[0]!);
      expect(open).toMatchObject([{ caseId: family.caseId, workerId: anna.id, workerName: 'anna Testowa', assistantIds: ewa.id }]);
      expect(await openCaseWorkerNames(m, family.personIds)).toEqual(['anna Testowa']);
      const heads = await caseHeads(m, [family.caseId, family.caseId, randomUUID()]);
      expect([...heads.values()]).toEqual([{ id: family.caseId, number: expect.any(String) as unknown, familyName: 'Łęcka Anna' }]);
      const documents = await registerDocumentRows(m, family.caseId);
      expect(documents).toHaveLength(1);
      expect(Buffer.isBuffer(documents[0]!.bytes)).toBe(true);
      expect(documents[0]!.bytes.toString()).toBe('%PDF');
      expect(documents[0]!.version).toBe(1);
      expect(await userNamesOf(m, [anna.id, ewa.id, randomUUID()])).toEqual(new Map([[anna.id, 'anna Testowa'], [ewa.id, 'ewa Testowa']]));
      // The statistics' drill-down: the case reported on 5 January, open since.
      expect(await countStatsCases(m, 'reported', { from: '2026-01-01', to: '2026-01-31' })).toBe(1);
      expect(await countStatsCases(m, 'reported', { from: '2026-02-01', to: '2026-02-28' })).toBe(0);
      expect(await statsCaseRows(m, 'active', { from: '2026-02-01', to: '2026-02-28' }, { limit: 10, offset: 0 })).toEqual([
        { caseId: family.caseId, number: expect.any(String) as unknown, familyName: 'Łęcka Anna', status: 'ASSISTANT_WORK', reportedOn: '2026-01-05', closedOn: null, workerName: 'anna Testowa' },
      ]);
    });
    await asAnna.read(async (m) => {
      expect(await draftSizes(m, anna.id, `case:${family.caseId}`)).toEqual([{ key: `case:${family.caseId}`, chars: 2 }]);
    });
  });
});
