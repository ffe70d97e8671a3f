import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../../../electron/db/database';
import { MIGRATIONS } from '../../../../../electron/db/migrations';
import { ApprovalHandover1795305614000 } from '../../../../../electron/db/migrations/0014-approval-handover';
import { tempDir } from '../../../../support/backend';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Query = (sql: string) => Promise<unknown>;

/** Inserts a row giving only the columns a test cares about: other required columns get a filler. */
async function insert(q: Query, table: string, values: Record<string, string | number | null>): Promise<void> {
  const columns = (await q(`PRAGMA table_info(${table})`)) as { name: string; type: string; notnull: number; dflt_value: string | null }[];
  const row = columns.flatMap((c) => {
    if (c.name in values) return [[c.name, values[c.name] ?? null] as const];
    if (c.notnull === 1 && c.dflt_value === null) return [[c.name, c.type.toLowerCase() === 'integer' ? 0 : 'x'] as const];
    return [];
  });
  const literal = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);
  await q(`INSERT INTO ${table} (${row.map(([name]) => name).join(', ')}) VALUES (${row.map(([, v]) => literal(v)).join(', ')})`);
}

const AREAS = JSON.stringify([{ name: 'Dom', goals: [{ name: 'Porządek', tasks: [{ description: 'Sprzątanie', deadline: '2026-06-30', status: 'planned' }] }] }]);

describe('migration 0014: the plan’s approval and the assessment’s handover', () => {
  it('rebuilds plan with the status "awaiting_approval" (rows, indexes and the tray’s triggers kept), adds the columns, marks assessments already handed over; and goes back down', async () => {
    dir = tempDir();
    const key = randomBytes(32);
    const file = join(dir, 'a.db');
    const at = MIGRATIONS.indexOf(ApprovalHandover1795305614000);
    expect(at).toBeGreaterThan(0);
    const old = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, at) });
    const q: Query = (sql) => old.dataSource.query(sql);
    await insert(q, 'user', { id: 'u1', login: 'bw', roles: '["family_assistant"]', active: 1, version: 1 });
    await insert(q, 'family', { id: 'f1', kind: 'family', version: 1 });
    await insert(q, 'case_file', { id: 'c1', number: 'OPS.AR.1.2026', family_id: 'f1', status: 'IN_PROGRESS', worker_id: 'u1', version: 1 });
    await insert(q, 'plan', { id: 'p1', case_id: 'c1', number: 1, type: 'standard', coordinator: '', areas: AREAS, status: 'signed', signed_on: '2026-03-02', assistant_id: 'u1', version: 1 });
    for (const [id, handed] of [['a1', '2026-03-05'], ['a2', null]] as const) {
      await insert(q, 'assessment', { id, case_id: 'c1', assessed_on: '2026-03-04', progress: '[]', recommendation: 'continue', author_id: 'u1', handed_on: handed, version: 1 });
    }
    const objects = async (db: Database) => (await db.dataSource.query(`SELECT type, name FROM sqlite_master WHERE tbl_name = 'plan' AND type IN ('index', 'trigger') ORDER BY name`)) as { type: string; name: string }[];
    const before = await objects(old);
    expect(before.filter((o) => o.type === 'trigger')).toHaveLength(3);
    await old.close();

    const db = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, at + 1) });
    try {
      const query = (sql: string) => db.dataSource.query(sql);
      expect(await objects(db)).toEqual(before);
      expect(await query(`SELECT id, status, signed_on, approved_on, approved_by, returned_reason FROM plan`)).toEqual([
        { id: 'p1', status: 'signed', signed_on: '2026-03-02', approved_on: null, approved_by: null, returned_reason: null },
      ]);
      expect(await query(`SELECT id, handover_status, handed_on, handed_by, received_on, received_by FROM assessment ORDER BY id`)).toEqual([
        { id: 'a1', handover_status: 'handed_over', handed_on: '2026-03-05', handed_by: 'u1', received_on: null, received_by: null },
        { id: 'a2', handover_status: 'recorded', handed_on: null, handed_by: null, received_on: null, received_by: null },
      ]);
      // The new status is accepted, a made-up one still refused; the tray's trigger still follows the status.
      await query(`UPDATE plan SET status = 'awaiting_approval' WHERE id = 'p1'`);
      expect(await query(`SELECT COUNT(*) AS n FROM signed_plan_task WHERE plan_id = 'p1'`)).toEqual([{ n: 0 }]);
      await expect(query(`UPDATE plan SET status = 'approved' WHERE id = 'p1'`)).rejects.toThrow(/CHECK constraint failed/);
      await query(`UPDATE plan SET status = 'signed' WHERE id = 'p1'`);
      expect(await query(`SELECT description FROM signed_plan_task WHERE plan_id = 'p1'`)).toEqual([{ description: 'Sprzątanie' }]);

      await query(`UPDATE plan SET status = 'awaiting_approval' WHERE id = 'p1'`);
      const runner = db.dataSource.createQueryRunner();
      try {
        await new ApprovalHandover1795305614000().down(runner);
      } finally {
        await runner.release();
      }
      expect(await query(`SELECT status, signed_on FROM plan`)).toEqual([{ status: 'draft', signed_on: null }]);
      await expect(query(`UPDATE plan SET status = 'awaiting_approval'`)).rejects.toThrow(/CHECK constraint failed/);
      expect(((await query('PRAGMA table_info(assessment)')) as { name: string }[]).map((c) => c.name)).not.toContain('handover_status');
      expect(await objects(db)).toEqual(before);
    } finally {
      await db.close();
    }
  });
});
