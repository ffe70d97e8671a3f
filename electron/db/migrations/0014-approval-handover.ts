import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The plan's optional approval and the assessment's handover to the kierownik (issue 16):
 * - plan: who approved it and when (where the office has plans approved, the setting
 *   planApprovalRequired), and why the kierownik returned it, when she did;
 * - assessment: the handover as steps — recorded, handed over (the day and by whom), received by
 *   the kierownik (the day and who). An assessment that already has its handover day becomes
 *   "handed over" (by its author: nobody else could have entered the day).
 * - plan: a status "awaiting_approval" between signed by the family and in force.
 * Each goal's degree of achievement lives in the assessment's progress JSON (no column).
 */
const OLD_STATUSES = "CHECK (status IN ('draft', 'signed', 'superseded'))";
const NEW_STATUSES = "CHECK (status IN ('draft', 'awaiting_approval', 'signed', 'superseded'))";

/**
 * SQLite cannot change a CHECK constraint in place: the plan table is rebuilt from its own stored
 * definition with the other list of statuses (nothing references plan by a foreign key), and its
 * indexes and triggers (the tray's signed_plan_task, migration 0005) are created again as they were.
 */
async function rebuildPlanStatuses(db: QueryRunner, from: string, to: string): Promise<void> {
  const [table] = (await db.query(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'plan'`)) as { sql: string }[];
  if (!table?.sql.includes(from)) throw new Error('Migration 0014: the plan table has not the expected status constraint.');
  const dependents = (await db.query(`SELECT sql FROM sqlite_master WHERE tbl_name = 'plan' AND type IN ('index', 'trigger') AND sql IS NOT NULL`)) as { sql: string }[];
  await db.query(table.sql.replace(from, to).replace(/^CREATE TABLE "?plan"?/, 'CREATE TABLE plan_rebuilt'));
  await db.query('INSERT INTO plan_rebuilt SELECT * FROM plan');
  await db.query('DROP TABLE plan');
  await db.query('ALTER TABLE plan_rebuilt RENAME TO plan');
  for (const { sql } of dependents) await db.query(sql);
}

export class ApprovalHandover1795305614000 implements MigrationInterface {
  name = 'ApprovalHandover1795305614000';

  async up(db: QueryRunner): Promise<void> {
    await rebuildPlanStatuses(db, OLD_STATUSES, NEW_STATUSES);
    const add = (table: string, column: string, type: string) => db.query(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
    await add('plan', 'approved_on', 'text');
    await add('plan', 'approved_by', 'text');
    await add('plan', 'returned_reason', 'text');
    await add('assessment', 'handover_status', "text NOT NULL DEFAULT 'recorded'");
    await add('assessment', 'handed_by', 'text');
    await add('assessment', 'received_on', 'text');
    await add('assessment', 'received_by', 'text');
    await db.query(`UPDATE assessment SET handover_status = 'handed_over', handed_by = author_id WHERE handed_on IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    // Without the step a plan waiting for approval has no state of its own: it goes back to a draft.
    await db.query(`UPDATE plan SET status = 'draft', signed_on = NULL WHERE status = 'awaiting_approval'`);
    for (const [table, column] of [
      ['plan', 'approved_on'],
      ['plan', 'approved_by'],
      ['plan', 'returned_reason'],
      ['assessment', 'handover_status'],
      ['assessment', 'handed_by'],
      ['assessment', 'received_on'],
      ['assessment', 'received_by'],
    ] as const) {
      await db.query(`ALTER TABLE ${table} DROP COLUMN ${column}`);
    }
    await rebuildPlanStatuses(db, NEW_STATUSES, OLD_STATUSES);
  }
}
