import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The work tray (issue 8) reads every deadline of the office at once. Plan tasks and kontrakt
 * actions live in JSON columns (plan.areas, contract.actions); unpacking them for a whole office
 * on every look is too slow, so SQLite keeps them as rows itself: triggers on plan and contract
 * re-derive the rows whenever those records are written, by any code path, in the same
 * transaction. Only what the deadline rules read is kept: the tasks of signed plans, the actions
 * of signed or running kontrakty (electron/services/deadline-queries.ts).
 * Both carry their case's status (kept by a trigger on case_file), so the office's items are
 * counted from an index alone. Plus covering indexes for the last wywiad and the first assignment.
 */
export class Tray1795305604000 implements MigrationInterface {
  name = 'Tray1795305604000';

  async up(db: QueryRunner): Promise<void> {
    // case_status: the status of the task's case, kept by the trigger on case_file below, so that the
    // office's tasks are counted from one index without looking up every case.
    await db.query(`CREATE TABLE signed_plan_task (
      plan_id text NOT NULL,
      case_id text NOT NULL,
      case_status text NOT NULL,
      description text NOT NULL,
      deadline text NOT NULL,
      status text NOT NULL
    )`);
    await db.query('CREATE INDEX signed_plan_task_plan ON signed_plan_task (plan_id)');
    await db.query('CREATE INDEX signed_plan_task_case ON signed_plan_task (case_id, status, deadline)');
    await db.query('CREATE INDEX signed_plan_task_due ON signed_plan_task (case_status, status, deadline)');
    const planTasks = `
      INSERT INTO signed_plan_task (plan_id, case_id, case_status, description, deadline, status)
      SELECT NEW.id, NEW.case_id, (SELECT c.status FROM case_file c WHERE c.id = NEW.case_id), t.value ->> '$.description', t.value ->> '$.deadline', t.value ->> '$.status'
        FROM json_each(NEW.areas) ar, json_each(ar.value, '$.goals') g, json_each(g.value, '$.tasks') t`;
    await db.query(`CREATE TRIGGER plan_tasks_insert AFTER INSERT ON plan WHEN NEW.status = 'signed' BEGIN ${planTasks}; END`);
    await db.query(`CREATE TRIGGER plan_tasks_update AFTER UPDATE OF id, case_id, status, areas ON plan BEGIN
      DELETE FROM signed_plan_task WHERE plan_id = OLD.id;
      ${planTasks} WHERE NEW.status = 'signed';
    END`);
    await db.query('CREATE TRIGGER plan_tasks_delete AFTER DELETE ON plan BEGIN DELETE FROM signed_plan_task WHERE plan_id = OLD.id; END');
    await db.query(`INSERT INTO signed_plan_task (plan_id, case_id, case_status, description, deadline, status)
      SELECT p.id, p.case_id, c.status, t.value ->> '$.description', t.value ->> '$.deadline', t.value ->> '$.status'
        FROM plan p JOIN case_file c ON c.id = p.case_id, json_each(p.areas) ar, json_each(ar.value, '$.goals') g, json_each(g.value, '$.tasks') t
       WHERE p.status = 'signed'`);

    await db.query(`CREATE TABLE running_contract_action (
      contract_id text NOT NULL,
      case_id text NOT NULL,
      case_status text NOT NULL,
      description text NOT NULL,
      deadline text NOT NULL,
      status text NOT NULL
    )`);
    await db.query('CREATE INDEX running_contract_action_contract ON running_contract_action (contract_id)');
    await db.query('CREATE INDEX running_contract_action_case ON running_contract_action (case_id, status, deadline)');
    await db.query('CREATE INDEX running_contract_action_due ON running_contract_action (case_status, status, deadline)');
    const actions = `
      INSERT INTO running_contract_action (contract_id, case_id, case_status, description, deadline, status)
      SELECT NEW.id, NEW.case_id, (SELECT c.status FROM case_file c WHERE c.id = NEW.case_id), a.value ->> '$.description', a.value ->> '$.deadline', a.value ->> '$.status'
        FROM json_each(NEW.actions) a`;
    await db.query(`CREATE TRIGGER contract_actions_insert AFTER INSERT ON contract WHEN NEW.status IN ('signed', 'in_progress') BEGIN ${actions}; END`);
    await db.query(`CREATE TRIGGER contract_actions_update AFTER UPDATE OF id, case_id, status, actions ON contract BEGIN
      DELETE FROM running_contract_action WHERE contract_id = OLD.id;
      ${actions} WHERE NEW.status IN ('signed', 'in_progress');
    END`);
    await db.query('CREATE TRIGGER contract_actions_delete AFTER DELETE ON contract BEGIN DELETE FROM running_contract_action WHERE contract_id = OLD.id; END');
    await db.query(`INSERT INTO running_contract_action (contract_id, case_id, case_status, description, deadline, status)
      SELECT k.id, k.case_id, c.status, a.value ->> '$.description', a.value ->> '$.deadline', a.value ->> '$.status'
        FROM contract k JOIN case_file c ON c.id = k.case_id, json_each(k.actions) a WHERE k.status IN ('signed', 'in_progress')`);
    await db.query(`CREATE TRIGGER case_status_to_items AFTER UPDATE OF status ON case_file BEGIN
      UPDATE signed_plan_task SET case_status = NEW.status WHERE case_id = NEW.id;
      UPDATE running_contract_action SET case_status = NEW.status WHERE case_id = NEW.id;
    END`);

    await db.query('CREATE INDEX interview_case_completed ON interview (case_id, status, conducted_on)');
    await db.query('CREATE INDEX assignment_case_assigned ON assignment (case_id, assigned_on)');
    await db.query('CREATE INDEX case_file_status_id ON case_file (status, id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX case_file_status_id');
    await db.query('DROP INDEX assignment_case_assigned');
    await db.query('DROP INDEX interview_case_completed');
    for (const trigger of ['case_status_to_items', 'contract_actions_delete', 'contract_actions_update', 'contract_actions_insert', 'plan_tasks_delete', 'plan_tasks_update', 'plan_tasks_insert']) {
      await db.query(`DROP TRIGGER ${trigger}`);
    }
    await db.query('DROP TABLE running_contract_action');
    await db.query('DROP TABLE signed_plan_task');
  }
}
