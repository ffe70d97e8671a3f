import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case file at 100 000 persons (issue 17): a case's requests for an assistant were found by
 * scanning every request of the office (no index led with the case), about 10 ms of the case
 * file's 30 at 23 000 requests. The index also gives them in the file's order (newest first).
 */
export class CaseFileIndexes1795305616000 implements MigrationInterface {
  name = 'CaseFileIndexes1795305616000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE INDEX assistant_request_case ON assistant_request (case_id, filed_on)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX assistant_request_case');
  }
}
