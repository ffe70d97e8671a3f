import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The document register (issue 6; docs/domain.md#data-protection-and-the-document-register: a
 * printed or signed PDF never changes): every issued PDF with its office number, the version per kind and
 * subject, the template version, the hash of the model it was rendered from, its bytes and their
 * SHA-256, who issued it and when. Rows are only ever inserted: triggers refuse an update or a
 * delete, so a printed document cannot be silently rewritten by any code path.
 */
export class Documents1795305606000 implements MigrationInterface {
  name = 'Documents1795305606000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE document (
      id text PRIMARY KEY,
      case_id text NOT NULL REFERENCES case_file(id),
      kind text NOT NULL,
      subject_id text NOT NULL,
      number text NOT NULL UNIQUE,
      version integer NOT NULL CHECK (version >= 1),
      template_version text NOT NULL,
      model_hash text NOT NULL CHECK (length(model_hash) = 64),
      bytes blob NOT NULL,
      sha256 text NOT NULL CHECK (length(sha256) = 64),
      size integer NOT NULL,
      pages integer NOT NULL,
      issued_on text NOT NULL,
      issued_by text NOT NULL REFERENCES user(id),
      issued_at text NOT NULL,
      UNIQUE (kind, subject_id, version)
    )`);
    await db.query('CREATE INDEX document_case ON document (case_id, issued_at)');
    await db.query(`CREATE TRIGGER document_no_update BEFORE UPDATE ON document BEGIN
      SELECT RAISE(ABORT, 'document register rows are immutable');
    END`);
    await db.query(`CREATE TRIGGER document_no_delete BEFORE DELETE ON document BEGIN
      SELECT RAISE(ABORT, 'document register rows are immutable');
    END`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TRIGGER document_no_delete');
    await db.query('DROP TRIGGER document_no_update');
    await db.query('DROP INDEX document_case');
    await db.query('DROP TABLE document');
  }
}
