import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The foundation: the office, settings, users and the hash-chained audit log. */
export class Initial1795305600000 implements MigrationInterface {
  name = 'Initial1795305600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE office (
      id integer PRIMARY KEY CHECK (id = 1),
      name text NOT NULL,
      street text NOT NULL,
      postal_code text NOT NULL,
      city text NOT NULL,
      gmina text NOT NULL,
      created_at text NOT NULL,
      created_by text,
      updated_at text NOT NULL,
      updated_by text,
      version integer NOT NULL
    )`);
    await db.query(`CREATE TABLE setting (
      key text PRIMARY KEY,
      value text NOT NULL,
      updated_at text NOT NULL,
      updated_by text
    )`);
    await db.query(`CREATE TABLE user (
      id text PRIMARY KEY,
      login text NOT NULL UNIQUE,
      first_name text NOT NULL,
      last_name text NOT NULL,
      roles text NOT NULL,
      active boolean NOT NULL,
      created_at text NOT NULL,
      created_by text REFERENCES user(id),
      updated_at text NOT NULL,
      updated_by text REFERENCES user(id),
      version integer NOT NULL
    )`);
    // id is the chain's sequence number: no AUTOINCREMENT gaps are expected, so a gap is a deletion.
    await db.query(`CREATE TABLE audit_log (
      id integer PRIMARY KEY,
      at text NOT NULL,
      actor_id text,
      action text NOT NULL,
      entity_type text,
      entity_id text,
      case_id text,
      details text NOT NULL,
      prev_hash text NOT NULL,
      hash text NOT NULL
    )`);
    await db.query(`CREATE INDEX audit_log_actor ON audit_log (actor_id, id)`);
    await db.query(`CREATE INDEX audit_log_case ON audit_log (case_id, id)`);
    await db.query(`CREATE INDEX audit_log_at ON audit_log (at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE audit_log');
    await db.query('DROP TABLE user');
    await db.query('DROP TABLE setting');
    await db.query('DROP TABLE office');
  }
}
