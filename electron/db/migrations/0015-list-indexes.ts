import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the read models of large offices (issue 17): the case list's default order (newest
 * report first, ties by id) is read from an index instead of sorting every case the user may see,
 * so a page of a 30 000-family office costs its rows, not the office; a year's statistics read the
 * wywiady and kontrakty of the period from indexes by date.
 */
export class ListIndexes1795305615000 implements MigrationInterface {
  name = 'ListIndexes1795305615000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE INDEX case_file_reported ON case_file (reported_on, id)');
    // The statistics of a period: wywiady and kontrakty by their dates, read from the index alone
    // (their rows carry long JSON before these columns, read page by page when the table is scanned).
    await db.query('CREATE INDEX interview_conducted ON interview (status, conducted_on, kind, case_id)');
    await db.query('CREATE INDEX contract_period ON contract (period_from, period_to, status)');
    await db.query('CREATE INDEX contract_signed ON contract (signed_on)');
    // The kierownik's tray: plans waiting for approval and assessments handed over, found by their state.
    await db.query('CREATE INDEX plan_status ON plan (status, case_id)');
    await db.query('CREATE INDEX assessment_handover ON assessment (handover_status, case_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX assessment_handover');
    await db.query('DROP INDEX plan_status');
    await db.query('DROP INDEX contract_signed');
    await db.query('DROP INDEX contract_period');
    await db.query('DROP INDEX interview_conducted');
    await db.query('DROP INDEX case_file_reported');
  }
}
