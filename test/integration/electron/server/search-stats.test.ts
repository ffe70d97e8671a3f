/**
 * The search's order and the statistics on the office server, through the seam (data/queries/
 * search.ts, stats.ts and StatsService) as the app runs them: a ServerDatabase connected as the
 * person, over rows written through the people's own connections.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../electron/clock';
import { ServerDatabase } from '../../../../electron/data/postgres/server-database';
import { searchCases } from '../../../../electron/data/queries/search';
import * as q from '../../../../electron/data/queries/stats';
import { searchMatch } from '../../../../electron/data/search-terms';
import { StatsService } from '../../../../electron/services/stats';
import { startServerOffice, type Person, type ServerOffice } from '../../../support/server-office';
import { insert, writeFamily, type FamilyRows } from './family-rows';

let office: ServerOffice;
let anna: Person;
let beata: Person;
let ola: Person;
let head: ServerDatabase;
let annaDb: ServerDatabase;
let older: FamilyRows;
let newer: FamilyRows;
let newest: FamilyRows;

beforeAll(async () => {
  office = await startServerOffice();
  anna = await office.addPerson('anna', ['social_worker']);
  beata = await office.addPerson('beata', ['social_worker']);
  ola = await office.addPerson('ola', ['family_assistant']);
  // Oldest first: every family lives at ul. Polna 3; only the newer one is called Polnarska.
  older = await writeFamily(anna.client, anna.id, ola.id, 'Kowal');
  newer = await writeFamily(anna.client, anna.id, ola.id, 'Polnarska');
  newest = await writeFamily(beata.client, beata.id, ola.id, 'Nowak');
  head = await ServerDatabase.open(office.server.as(office.head.role, office.head.password));
  annaDb = await ServerDatabase.open(office.server.as(anna.role, anna.password));
}, 120_000);
afterAll(async () => {
  await head?.close();
  await annaDb?.close();
  await office?.close();
});

const ids = async (db: ServerDatabase, query: string, limit = 20) => {
  const match = searchMatch(query)!;
  return (await db.read((m) => searchCases(m, match, limit, { all: true }))).map((h) => h.caseId);
};

describe('search order on the server, as on SQLite', () => {
  it('lists cases found by name before those found by address, newest first; the limit keeps the newest; a worker only hers', async () => {
    expect(await ids(head, 'polna')).toEqual([newer.caseId, newest.caseId, older.caseId]);
    expect(await ids(head, 'polna', 2)).toEqual([newer.caseId, newest.caseId]);
    expect(await ids(head, 'Polna 3 Bielice')).toEqual([newest.caseId, newer.caseId, older.caseId]);
    expect(await ids(annaDb, 'polna')).toEqual([newer.caseId, older.caseId]);
    expect(await ids(annaDb, 'nowak')).toEqual([]);
  });
});

describe('statistics on the server', () => {
  const period = { from: '2026-01-01', to: '2026-12-31' };
  beforeAll(async () => {
    const now = new Date().toISOString();
    const t = { created_at: now, created_by: anna.id, updated_at: now, updated_by: anna.id, version: 1 };
    // The older family: assisted since before the period, the work ended in it (goals met).
    await insert(office.admin, 'assignment', { id: randomUUID(), case_id: older.caseId, assistant_id: ola.id, assigned_on: '2025-11-01', ended_on: '2026-03-01', ...t });
    await office.admin.query(`UPDATE case_file SET closure_reason = 'goals_met', closed_on = '2026-03-01', status = 'CLOSED', reasons = '["addiction","poverty"]' WHERE id = $1`, [older.caseId]);
    // The newer: assisted from within the period, still, by a court's order.
    await insert(office.admin, 'assignment', { id: randomUUID(), case_id: newer.caseId, assistant_id: ola.id, assigned_on: '2026-02-01', ended_on: null, ...t });
    await office.admin.query(`UPDATE case_file SET court_order_reference = 'III Nsm 5/26', reasons = '["poverty"]' WHERE id = $1`, [newer.caseId]);
    // A full wywiad conducted after its deadline (2026-01-20), and a kontrakt signed in the period.
    await office.admin.query(`UPDATE interview SET status = 'completed', conducted_on = '2026-02-01' WHERE case_id = $1`, [older.caseId]);
    await office.admin.query(`UPDATE contract SET signed_on = '2026-02-01' WHERE case_id = $1`, [newer.caseId]);
  });

  it('counts each part of the report with the same queries as SQLite', async () => {
    await head.read(async (m) => {
      expect(await q.assistantsEmployed(m, period)).toBe(1);
      expect(await q.assistantsWorking(m, period)).toBe(1);
      expect(await q.familyCounts(m, period)).toEqual({ withAssistant: 2, continuing: 1, courtObliged: 1, ended: [{ reason: 'goals_met', families: 1 }] });
      // Each family of writeFamily has one child in the household.
      expect(await q.childrenOfAssistedFamilies(m, period)).toBe(2);
      expect(await q.casesReported(m, period)).toBe(3);
      expect(await q.casesActive(m, period)).toBe(3);
      expect(await q.casesActive(m, { from: '2026-04-01', to: '2026-12-31' })).toBe(2);
      expect((await q.activeCasesByReason(m, period)).sort((a, b) => a.key.localeCompare(b.key))).toEqual([
        { key: 'addiction', n: 1 },
        { key: 'poverty', n: 2 },
      ]);
      expect(await q.interviewCounts(m, period)).toEqual({ completed: 1, full: 1, updates: 0, late: 1 });
      expect(await q.contractsByStatus(m, period)).toEqual([{ key: 'signed', n: 3 }]);
      expect(await q.contractsSigned(m, period)).toBe(1);
      expect(await q.courtOpinionsIssued(m, period)).toBe(0);
      // Outside the period: nothing of the families' work.
      expect(await q.familyCounts(m, { from: '2024-01-01', to: '2024-12-31' })).toEqual({ withAssistant: 0, continuing: 0, courtObliged: 0, ended: [] });
    });
  });

  it('gives the whole report through StatsService as on SQLite', async () => {
    const view = await head.read((m) => new StatsService(new ManualClock('2026-12-03T10:00:00.000Z')).get(m, '2026-01-01', '2026-12-31'));
    expect(view).toMatchObject({
      assistants: { employed: 1, working: 1 },
      families: { withAssistant: 2, new: 1, continuing: 1, ended: 1, courtObliged: 1, endedByReason: { goals_met: 1 } },
      children: 2,
      cases: { reported: 3, active: 3, byReason: { addiction: 1, poverty: 2 } },
      interviews: { completed: 1, full: 1, updates: 0, late: 1 },
      contracts: { total: 3, signedInPeriod: 1, byStatus: { signed: 3 } },
      courtOpinions: 0,
    });
  });
});
