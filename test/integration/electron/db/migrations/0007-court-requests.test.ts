import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../../../electron/db/database';
import { MIGRATIONS } from '../../../../../electron/db/migrations';
import { CourtRequests1795305607000 } from '../../../../../electron/db/migrations/0007-court-requests';
import { tempDir } from '../../../../support/backend';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0007: court requests', () => {
  it('adds court requests and opinions to a database with cases; one opinion per request; asks and status are checked', async () => {
    dir = tempDir();
    const key = randomBytes(32);
    const file = join(dir, 'a.db');
    const index = MIGRATIONS.indexOf(CourtRequests1795305607000);
    expect(index, 'registered in migrations/index.ts').toBeGreaterThan(0);
    const old = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, index) });
    await old.dataSource.query(`INSERT INTO user VALUES ('u1', 'anowak', 'Anna', 'Nowak', '["social_worker"]', 1, 'x', NULL, 'x', NULL, 1)`);
    await old.dataSource.query(`INSERT INTO family VALUES ('f1', 'family', 'ul. Polna 3', '74-202', 'Bielice', 1, 0, '', 'x', NULL, 'x', NULL, 1)`);
    await old.dataSource.query(
      `INSERT INTO case_file (id, number, family_id, status, reported_on, source, source_details, report, urgent, minor_parent, reasons, worker_id, interview_due, created_at, updated_at, version)
       VALUES ('c1', 'OPS.AR.1.2026', 'f1', 'IN_PROGRESS', '2026-01-05', 'school', '', 'r', 0, 0, '[]', 'u1', '2026-01-23', 'x', 'x', 1)`,
    );
    await old.close();

    const db = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, index + 1) });
    try {
      expect(await db.dataSource.query('SELECT number FROM case_file')).toEqual([{ number: 'OPS.AR.1.2026' }]);
      for (const table of ['court_request', 'court_opinion']) {
        const columns = (await db.dataSource.query(`PRAGMA table_info(${table})`)) as { name: string; type: string }[];
        expect(columns.length, table).toBeGreaterThan(10);
        expect(columns.filter((c) => c.type === '').map((c) => c.name), `${table}: columns without a type`).toEqual([]);
      }
      const indexes = ((await db.dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'court_request'`)) as { name: string }[]).map((r) => r.name);
      expect(indexes).toEqual(expect.arrayContaining(['court_request_case', 'court_request_due']));
      const request = (id: string, asks: string) =>
        db.dataSource.query(`INSERT INTO court_request VALUES (?, 'c1', 'Sąd Rejonowy', 'III Wydział', 'III Nsm 1/26', '2026-03-02', ?, '2026-03-16', 'open', NULL, '', 'x', 'u1', 'x', 'u1', 1)`, [id, asks]);
      await request('r1', 'both');
      await expect(request('r2', 'everything')).rejects.toThrow(/CHECK/);
      const opinion = (id: string) =>
        db.dataSource.query(`INSERT INTO court_opinion (id, request_id, case_id, status, sections, author_id, created_at, updated_at, version) VALUES (?, 'r1', 'c1', 'draft', '{}', 'u1', 'x', 'x', 1)`, [id]);
      await opinion('o1');
      await expect(opinion('o2')).rejects.toThrow(/UNIQUE/);
    } finally {
      await db.close();
    }
  });
});
