import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the read models of large offices (issue 17): the case list's default order (newest
 * report first, ties by id) is read from an index instead of sorting every case the user may see,
 * so a page of a 30 000-family office costs its rows, not the office.
 */
export class ListIndexes1795305615000 implements MigrationInterface {
  name = 'ListIndexes1795305615000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE INDEX case_file_reported ON case_file (reported_on, id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX case_file_reported');
  }
}
