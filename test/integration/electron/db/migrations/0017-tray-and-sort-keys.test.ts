import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../../../electron/db/database';
import { MIGRATIONS } from '../../../../../electron/db/migrations';
import { TrayAndSortKeys1795305617000 } from '../../../../../electron/db/migrations/0017-tray-and-sort-keys';
import { tempDir } from '../../../../support/backend';
import { insertRow } from './rows';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function olderOffice(file: string, key: Buffer, at: number): Promise<void> {
  const old = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, at) });
  try {
    await insertRow(old, 'user', { id: 'u1', login: 'anowak', first_name: 'Anna', last_name: 'Nowak', roles: '["social_worker","family_assistant"]', active: 1, version: 1 });
    for (const f of ['f1', 'f2', 'f3']) await insertRow(old, 'family', { id: f, kind: 'family', street: 'ul. Polna 3', postal_code: '74-202', city: 'Bielice', rural: 0, farm_hectares: 0, housing: '', version: 1 });
    const person = (id: string, nameKey: string) => insertRow(old, 'person', { id, pesel: null, document_type: 'id_card', document_number: id, first_name: 'X', last_name: 'Y', birth_date: '1990-01-01', sex: 'F', citizenship: 'polskie', name_key: nameKey, version: 1 });
    await person('p1', 'zak anna');
    await person('p2', 'zak jan');
    await person('p3', 'abacka ewa');
    // f1: the applicant is the second by position; f2: one member; f3: none.
    await insertRow(old, 'family_member', { id: 'm1', family_id: 'f1', person_id: 'p2', position: 0, relation: 'spouse', in_household: 1, version: 1 });
    await insertRow(old, 'family_member', { id: 'm2', family_id: 'f1', person_id: 'p1', position: 1, relation: 'applicant', in_household: 1, version: 1 });
    await insertRow(old, 'family_member', { id: 'm3', family_id: 'f2', person_id: 'p3', position: 0, relation: 'applicant', in_household: 1, version: 1 });
    const kase = (id: string, family: string, status: string) =>
      insertRow(old, 'case_file', { id, number: `OPS.AR.${id}.2026`, family_id: family, status, reported_on: '2025-05-05', worker_id: 'u1', interview_due: '2025-05-19', reasons: '[]', version: 1 });
    await kase('c1', 'f1', 'IN_PROGRESS');
    await kase('c2', 'f2', 'ASSISTANT_ASSIGNED');
    await kase('c3', 'f3', 'INTERVIEW');
    const interview = (id: string, caseId: string, status: string, on: string | null) => insertRow(old, 'interview', { id, case_id: caseId, kind: 'full', form_version: '1', conducted_on: on, place: '', worker_id: 'u1', segments: '{}', documents: '[]', income: '{}', status, version: 1 });
    await interview('i1', 'c1', 'completed', '2025-06-01');
    await interview('i2', 'c1', 'completed', '2025-12-10');
    await interview('i3', 'c1', 'draft', '2026-01-20');
    await interview('i4', 'c3', 'draft', null);
    await insertRow(old, 'assignment', { id: 'a1', case_id: 'c1', assistant_id: 'u1', assigned_on: '2025-07-01', ended_on: null, version: 1 });
    await insertRow(old, 'assignment', { id: 'a2', case_id: 'c2', assistant_id: 'u1', assigned_on: '2025-08-15', ended_on: null, version: 1 });
    await insertRow(old, 'assessment', { id: 's1', case_id: 'c1', assessed_on: '2026-01-05', period_from: '2025-07-01', period_to: '2025-12-31', author_id: 'u1', version: 1 });
  } finally {
    await old.close();
  }
}

describe('migration 0017: the tray’s per-case dates and the case list’s name key', () => {
  it('derives them for the cases already there, keeps them current by triggers, reads them from indexes, and drops them on the way down', async () => {
    dir = tempDir();
    const key = randomBytes(32);
    const file = join(dir, 'a.db');
    const at = MIGRATIONS.indexOf(TrayAndSortKeys1795305617000);
    expect(at).toBeGreaterThan(0);
    await olderOffice(file, key, at);

    const db = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, at + 1) });
    const q = (sql: string) => db.dataSource.query(sql) as Promise<unknown[]>;
    const deadlines = () => q('SELECT case_id, kind, case_status, counted_from FROM case_deadline ORDER BY case_id, kind');
    const keys = () => q('SELECT id, family_key FROM case_file ORDER BY id');
    try {
      // The last completed wywiad (not the draft); the last ocena, else the first assignment; nothing for a case with neither.
      expect(await deadlines()).toEqual([
        { case_id: 'c1', kind: 'assessment', case_status: 'IN_PROGRESS', counted_from: '2026-01-05' },
        { case_id: 'c1', kind: 'interview_update', case_status: 'IN_PROGRESS', counted_from: '2025-12-10' },
        { case_id: 'c2', kind: 'assessment', case_status: 'ASSISTANT_ASSIGNED', counted_from: '2025-08-15' },
      ]);
      // The applicant's folded name, whatever her position; '' for a family with no members.
      expect(await keys()).toEqual([
        { id: 'c1', family_key: 'zak anna' },
        { id: 'c2', family_key: 'abacka ewa' },
        { id: 'c3', family_key: '' },
      ]);

      // Kept current: a wywiad completed, an ocena withdrawn, a new assignment, a status, a case added.
      await q(`UPDATE interview SET status = 'completed', conducted_on = '2026-02-01' WHERE id = 'i4'`);
      await q(`DELETE FROM assessment WHERE id = 's1'`);
      await q(`UPDATE assignment SET assigned_on = '2025-08-01' WHERE id = 'a2'`);
      await q(`UPDATE case_file SET status = 'CLOSING' WHERE id = 'c1'`);
      await q(`UPDATE interview SET status = 'draft' WHERE id = 'i2'`);
      expect(await deadlines()).toEqual([
        { case_id: 'c1', kind: 'assessment', case_status: 'CLOSING', counted_from: '2025-07-01' },
        { case_id: 'c1', kind: 'interview_update', case_status: 'CLOSING', counted_from: '2025-06-01' },
        { case_id: 'c2', kind: 'assessment', case_status: 'ASSISTANT_ASSIGNED', counted_from: '2025-08-01' },
        { case_id: 'c3', kind: 'interview_update', case_status: 'INTERVIEW', counted_from: '2026-02-01' },
      ]);
      await q(`DELETE FROM interview WHERE id = 'i4'`);
      await q(`DELETE FROM assignment WHERE id = 'a2'`);
      expect((await deadlines()).filter((r) => (r as { case_id: string }).case_id !== 'c1')).toEqual([]);

      // A rename, a new applicant, a member leaving, a family with its first member, a new case.
      await q(`UPDATE person SET name_key = 'zakowska anna' WHERE id = 'p1'`);
      expect((await keys())[0]).toEqual({ id: 'c1', family_key: 'zakowska anna' });
      await q(`UPDATE family_member SET relation = 'applicant' WHERE id = 'm1'`);
      await q(`UPDATE family_member SET relation = 'spouse' WHERE id = 'm2'`);
      expect((await keys())[0]).toEqual({ id: 'c1', family_key: 'zak jan' });
      await q(`DELETE FROM family_member WHERE id = 'm1'`);
      expect((await keys())[0]).toEqual({ id: 'c1', family_key: 'zakowska anna' });
      await insertRow(db, 'family_member', { id: 'm4', family_id: 'f3', person_id: 'p2', position: 0, relation: 'applicant', in_household: 1, version: 1 });
      await insertRow(db, 'case_file', { id: 'c4', number: 'OPS.AR.c4.2026', family_id: 'f2', status: 'REPORTED', reported_on: '2026-02-02', worker_id: 'u1', interview_due: '2026-02-16', reasons: '[]', version: 1 });
      expect(await keys()).toEqual([
        { id: 'c1', family_key: 'zakowska anna' },
        { id: 'c2', family_key: 'abacka ewa' },
        { id: 'c3', family_key: 'zak jan' },
        { id: 'c4', family_key: 'abacka ewa' },
      ]);

      // Read from the indexes: the list by name without sorting every case, the office's per-day counts, the caseloads.
      const plan = async (sql: string) => ((await q(`EXPLAIN QUERY PLAN ${sql}`)) as { detail: string }[]).map((r) => r.detail).join(' | ');
      const byName = await plan('SELECT c.id FROM case_file c ORDER BY c.family_key ASC, c.reported_on ASC, c.id ASC LIMIT 50 OFFSET 100');
      expect(byName).toContain('case_file_family_key');
      expect(byName).not.toContain('TEMP B-TREE');
      expect(await plan(`SELECT x.counted_from, COUNT(*) FROM case_deadline x INDEXED BY case_deadline_due WHERE x.kind = 'assessment' AND x.case_status IN ('PLAN', 'IN_PROGRESS') GROUP BY x.counted_from`)).toContain('COVERING INDEX case_deadline_due');
      expect(await plan(`SELECT c.interview_due, COUNT(*) FROM case_file c WHERE c.status IN ('REPORTED', 'INTERVIEW') GROUP BY c.interview_due`)).toContain('COVERING INDEX case_file_interview_due');
      expect(await plan(`SELECT c.monitoring_until, COUNT(*) FROM case_file c WHERE c.status = 'MONITORING' AND c.monitoring_until IS NOT NULL AND c.monitoring_ended_on IS NULL GROUP BY 1`)).toContain('COVERING INDEX case_file_monitoring');
      const loads = await plan(
        'SELECT a.assistant_id, COUNT(DISTINCT c.family_id) FROM assignment a INDEXED BY assignment_active JOIN case_file c INDEXED BY case_file_id_family ON c.id = a.case_id WHERE a.ended_on IS NULL GROUP BY a.assistant_id',
      );
      expect(loads).toContain('COVERING INDEX case_file_id_family');

      const runner = db.dataSource.createQueryRunner();
      try {
        await new TrayAndSortKeys1795305617000().down(runner);
      } finally {
        await runner.release();
      }
      expect(await q(`SELECT name FROM sqlite_master WHERE name LIKE 'case_deadline%' OR name LIKE 'family_key%' OR name IN ('assignment_active', 'case_file_id_family', 'case_file_interview_due', 'case_file_monitoring', 'case_file_closure')`)).toEqual([]);
      expect(((await q('PRAGMA table_info(case_file)')) as { name: string }[]).map((c) => c.name)).not.toContain('family_key');
    } finally {
      await db.close();
    }
  });
});
