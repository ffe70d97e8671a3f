import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search and the statistics at 100 000 persons (issue 17: search p95 ≤ 2 ms, a year's statistics
 * ≤ 500 ms).
 *
 * - The search index gets a prefix index of 4 characters too (FTS5 `prefix = '1 2 3 4'`): a case
 *   number ends in its year ("…86.2025"), and the year as a prefix was answered by merging every
 *   term that starts with it — the documents of a whole year, read in full for each case number
 *   typed (≈ 1 ms of the search's p95). The FTS5 table is rebuilt with the option (an FTS5 table's
 *   options cannot be altered), keeping every document and its rowid (search_doc.id).
 * - Covering indexes for what the statistics read: the assignments of a period, each one's case
 *   by its id (family, worker, closure reason, court order, wywiad deadline — the search's check
 *   of a worker's case reads it too), the cases open in a period with their reasons, and a
 *   family's children. Without them every such read was a table row (a case's row carries its
 *   whole report text), page by page through the cipher.
 */
export class SearchAndStats1795305618000 implements MigrationInterface {
  name = 'SearchAndStats1795305618000';

  async up(db: QueryRunner): Promise<void> {
    await this.rebuildSearch(db, '1 2 3 4');
    await db.query('CREATE INDEX assignment_period ON assignment (assigned_on, ended_on, case_id, assistant_id)');
    await db.query('CREATE INDEX case_file_facts ON case_file (id, family_id, worker_id, interview_due, closure_reason, court_order_reference)');
    await db.query('CREATE INDEX case_file_open ON case_file (reported_on, closed_on, reasons)');
    await db.query('CREATE INDEX family_member_child ON family_member (family_id, relation, in_household, person_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX family_member_child');
    await db.query('DROP INDEX case_file_open');
    await db.query('DROP INDEX case_file_facts');
    await db.query('DROP INDEX assignment_period');
    await this.rebuildSearch(db, '1 2 3');
  }

  /** The FTS5 table anew with these prefix indexes, its documents copied with their rowids. */
  private async rebuildSearch(db: QueryRunner, prefix: string): Promise<void> {
    await db.query(`CREATE VIRTUAL TABLE case_search_rebuilt USING fts5(
      names, ids, address, number,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '${prefix}'
    )`);
    await db.query('INSERT INTO case_search_rebuilt (rowid, names, ids, address, number) SELECT rowid, names, ids, address, number FROM case_search');
    await db.query('DROP TABLE case_search');
    await db.query('ALTER TABLE case_search_rebuilt RENAME TO case_search');
  }
}
