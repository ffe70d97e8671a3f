import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../../../electron/db/database';
import { MIGRATIONS } from '../../../../../electron/db/migrations';
import { SearchAndStats1795305618000 } from '../../../../../electron/db/migrations/0018-search-and-stats';
import { tempDir } from '../../../../support/backend';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** What the statistics and the search read, each from an index alone after the migration. */
const READS: [what: string, sql: string, index: string][] = [
  ['the assignments of a period', `SELECT a.case_id, a.assistant_id FROM assignment a WHERE a.assigned_on <= '2025-12-31' AND (a.ended_on IS NULL OR a.ended_on >= '2025-01-01')`, 'assignment_period'],
  ['a case’s facts by its id', `SELECT c.family_id, c.worker_id, c.closure_reason, c.court_order_reference, c.interview_due FROM case_file c INDEXED BY case_file_facts WHERE c.id = 'c1'`, 'case_file_facts'],
  ['the cases open in a period, with their reasons', `SELECT c.reasons FROM case_file c WHERE c.reported_on <= '2025-12-31' AND (c.closed_on IS NULL OR c.closed_on >= '2025-01-01')`, 'case_file_open'],
  ['a family’s children in the household', `SELECT fm.person_id FROM family_member fm WHERE fm.family_id = 'f1' AND fm.relation = 'child' AND fm.in_household = 1`, 'family_member_child'],
];

const ftsSql = async (db: Database) => ((await db.dataSource.query(`SELECT sql FROM sqlite_master WHERE name = 'case_search'`)) as { sql: string }[])[0]!.sql;

describe('migration 0018: search and the statistics at 100 000 persons', () => {
  it('rebuilds the search index with 4-character prefixes, keeping every document and its rowid; adds covering indexes; undoes both', async () => {
    dir = tempDir();
    const key = randomBytes(32);
    const file = join(dir, 'a.db');
    const at = MIGRATIONS.indexOf(SearchAndStats1795305618000);
    expect(at).toBeGreaterThan(0);
    const plan = async (db: Database, sql: string) => ((await db.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`)) as { detail: string }[]).map((r) => r.detail).join(' | ');
    const docs = `SELECT rowid, names, ids, address, number FROM case_search ORDER BY rowid`;
    const before = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, at) });
    let indexed: unknown[];
    try {
      for (const [what, sql, index] of READS.filter(([, sql]) => !sql.includes('INDEXED BY'))) expect(await plan(before, sql), what).not.toContain(`COVERING INDEX ${index}`);
      expect(await ftsSql(before)).toContain(`prefix = '1 2 3'`);
      // Documents as the index holds them (folded text), with rowids that are not 1, 2, 3.
      for (const [rowid, names, number] of [
        [7, 'anna zolc jas zolc', 'ops ar 86 2025'],
        [12, 'ewa nowak', 'ops ar 123 2024'],
        [40, 'lucja kos', 'ops ar 9 2025'],
      ] as const) {
        await before.dataSource.query('INSERT INTO case_search (rowid, names, ids, address, number) VALUES (?, ?, ?, ?, ?)', [rowid, names, '', 'polna 3 00 001 bielice', number]);
      }
      indexed = (await before.dataSource.query(docs)) as unknown[];
    } finally {
      await before.close();
    }

    const db = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, at + 1) });
    try {
      expect(await ftsSql(db)).toContain(`prefix = '1 2 3 4'`);
      expect(await db.dataSource.query(docs)).toEqual(indexed);
      const match = async (query: string) => ((await db.dataSource.query('SELECT rowid FROM case_search WHERE case_search MATCH ? ORDER BY rowid DESC', [query])) as { rowid: number }[]).map((r) => r.rowid);
      expect(await match('"2025"*')).toEqual([40, 7]);
      expect(await match('"ops ar 86 2025"*')).toEqual([7]);
      expect(await match('"zolc"*')).toEqual([7]);
      expect(await match('{names ids number} : ("bielice"*)')).toEqual([]);
      for (const [what, sql, index] of READS) expect(await plan(db, sql), what).toContain(`USING COVERING INDEX ${index}`);

      const runner = db.dataSource.createQueryRunner();
      try {
        await new SearchAndStats1795305618000().down(runner);
      } finally {
        await runner.release();
      }
      expect(await db.dataSource.query(`SELECT name FROM sqlite_master WHERE name IN ('assignment_period', 'case_file_facts', 'case_file_open', 'family_member_child')`)).toEqual([]);
      expect(await ftsSql(db)).toContain(`prefix = '1 2 3'`);
      expect(await db.dataSource.query(docs)).toEqual(indexed);
    } finally {
      await db.close();
    }
  });
});
