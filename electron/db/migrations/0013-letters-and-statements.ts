import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15, items 6 and 13:
 * - assignment, worker_assignment: whether the reason for a change of assistant or social worker is
 *   printed in the letter to the family (the kierownik chooses at the change; existing rows: no);
 * - interview: the oświadczenie o stanie majątkowym taken with the wywiad (JSON, null: none taken),
 *   printed through the document register with its signing date.
 */
export class LettersAndStatements1795305613000 implements MigrationInterface {
  name = 'LettersAndStatements1795305613000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE assignment ADD COLUMN reason_in_letter integer NOT NULL DEFAULT 0');
    await db.query('ALTER TABLE worker_assignment ADD COLUMN reason_in_letter integer NOT NULL DEFAULT 0');
    await db.query('ALTER TABLE interview ADD COLUMN asset_statement text');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE interview DROP COLUMN asset_statement');
    await db.query('ALTER TABLE worker_assignment DROP COLUMN reason_in_letter');
    await db.query('ALTER TABLE assignment DROP COLUMN reason_in_letter');
  }
}
