import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addWorkingDays, isValidIsoDate } from './frozen/calendar-2026';

/** The office's default at the time of this migration (settings.decisionWorkingDays). */
const DEFAULT_DECISION_WORKING_DAYS = 7;

/**
 * The kierownik's decision on a request for an assistant has a due date of its own: the office's
 * term (a setting, in working days) counted from the filing, fixed when the request is filed, as
 * the wywiad's term is fixed at intake. Requests filed before this migration get the default term.
 */
export class DecisionDue1795305608000 implements MigrationInterface {
  name = 'DecisionDue1795305608000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE assistant_request ADD COLUMN decision_due text');
    const rows = (await db.query('SELECT id, filed_on FROM assistant_request')) as { id: string; filed_on: string }[];
    for (const row of rows) {
      const due = isValidIsoDate(row.filed_on) ? addWorkingDays(row.filed_on, DEFAULT_DECISION_WORKING_DAYS) : row.filed_on;
      await db.query('UPDATE assistant_request SET decision_due = ? WHERE id = ?', [due, row.id]);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE assistant_request DROP COLUMN decision_due');
  }
}
