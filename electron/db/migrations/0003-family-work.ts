import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Working with the family (issue 5): kontrakty socjalne, versioned plany pracy z rodziną, the
 * assistant's visit diary, periodic assessments, and closure with monitoring on the case.
 */
export class FamilyWork1795305602000 implements MigrationInterface {
  name = 'FamilyWork1795305602000';

  async up(db: QueryRunner): Promise<void> {
    const tracked = `created_at text NOT NULL, created_by text REFERENCES user(id), updated_at text NOT NULL,
      updated_by text REFERENCES user(id), version integer NOT NULL`;
    await db.query(`CREATE TABLE contract (
      id text PRIMARY KEY,
      case_id text NOT NULL REFERENCES case_file(id),
      variant text NOT NULL CHECK (variant IN ('A', 'B')),
      status text NOT NULL,
      client_ids text NOT NULL,
      worker_id text NOT NULL REFERENCES user(id),
      causes text NOT NULL,
      possibilities text NOT NULL,
      limitations text NOT NULL,
      main_goal text NOT NULL,
      partial_goals text NOT NULL,
      actions text NOT NULL,
      period_from text NOT NULL,
      period_to text NOT NULL,
      signed_on text,
      outcome text,
      outcome_note text,
      terminated_on text,
      termination_reason text,
      ${tracked}
    )`);
    await db.query('CREATE INDEX contract_case ON contract (case_id)');
    await db.query(`CREATE TABLE plan (
      id text PRIMARY KEY,
      case_id text NOT NULL REFERENCES case_file(id),
      number integer NOT NULL,
      type text NOT NULL CHECK (type IN ('standard', 'coordinated')),
      coordinator text NOT NULL,
      areas text NOT NULL,
      status text NOT NULL CHECK (status IN ('draft', 'signed', 'superseded')),
      signed_on text,
      assistant_id text NOT NULL REFERENCES user(id),
      ${tracked},
      UNIQUE (case_id, number)
    )`);
    await db.query(`CREATE TABLE visit (
      id text PRIMARY KEY,
      case_id text NOT NULL REFERENCES case_file(id),
      visited_on text NOT NULL,
      place text NOT NULL,
      participants text NOT NULL,
      topics text NOT NULL,
      agreed text NOT NULL,
      author_id text NOT NULL REFERENCES user(id),
      ${tracked}
    )`);
    await db.query('CREATE INDEX visit_case ON visit (case_id, visited_on)');
    await db.query(`CREATE TABLE assessment (
      id text PRIMARY KEY,
      case_id text NOT NULL REFERENCES case_file(id),
      assessed_on text NOT NULL,
      period_from text NOT NULL,
      period_to text NOT NULL,
      progress text NOT NULL,
      changes text NOT NULL,
      recommendation text NOT NULL,
      author_id text NOT NULL REFERENCES user(id),
      ${tracked}
    )`);
    await db.query('CREATE INDEX assessment_case ON assessment (case_id, assessed_on)');
    await db.query('ALTER TABLE case_file ADD COLUMN closure_proposed_on text');
    await db.query('ALTER TABLE case_file ADD COLUMN monitoring_until text');
    await db.query('ALTER TABLE case_file ADD COLUMN monitoring_ended_on text');
    await db.query('ALTER TABLE case_file ADD COLUMN closed_on text');
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['assessment', 'visit', 'plan', 'contract']) await db.query(`DROP TABLE ${table}`);
    for (const column of ['closure_proposed_on', 'monitoring_until', 'monitoring_ended_on', 'closed_on']) {
      await db.query(`ALTER TABLE case_file DROP COLUMN ${column}`);
    }
  }
}
