import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case process (issue 4): families and persons, cases, interviews (versioned segment JSON),
 * the analysis, requests for an assistant and the kierownik's decisions, assignments, the case
 * chronology, and form drafts that survive a lock or a crash.
 */
export class Cases1795305601000 implements MigrationInterface {
  name = 'Cases1795305601000';

  async up(db: QueryRunner): Promise<void> {
    const tracked = `created_at text NOT NULL, created_by text REFERENCES user(id), updated_at text NOT NULL,
      updated_by text REFERENCES user(id), version integer NOT NULL`;
    await db.query(`CREATE TABLE family (
      id text PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('single', 'family')),
      street text NOT NULL,
      postal_code text NOT NULL,
      city text NOT NULL,
      rural boolean NOT NULL,
      farm_hectares real NOT NULL CHECK (farm_hectares >= 0),
      housing text NOT NULL,
      ${tracked}
    )`);
    await db.query(`CREATE TABLE person (
      id text PRIMARY KEY,
      pesel text UNIQUE,
      document_type text,
      document_number text,
      first_name text NOT NULL,
      last_name text NOT NULL,
      birth_date text NOT NULL,
      sex text NOT NULL CHECK (sex IN ('F', 'M')),
      citizenship text NOT NULL,
      phone text,
      name_key text NOT NULL,
      ${tracked},
      CHECK (pesel IS NOT NULL OR (document_type IS NOT NULL AND document_number IS NOT NULL))
    )`);
    await db.query('CREATE INDEX person_name_birth ON person (name_key, birth_date)');
    await db.query(`CREATE TABLE family_member (
      id text PRIMARY KEY,
      family_id text NOT NULL REFERENCES family(id),
      person_id text NOT NULL REFERENCES person(id),
      position integer NOT NULL,
      relation text NOT NULL,
      in_household boolean NOT NULL,
      member_from text,
      member_to text,
      child_whereabouts text,
      ${tracked},
      UNIQUE (family_id, person_id)
    )`);
    await db.query('CREATE INDEX family_member_person ON family_member (person_id)');
    await db.query(`CREATE TABLE case_file (
      id text PRIMARY KEY,
      number text NOT NULL UNIQUE,
      family_id text NOT NULL REFERENCES family(id),
      status text NOT NULL,
      reported_on text NOT NULL,
      source text NOT NULL,
      source_details text NOT NULL,
      report text NOT NULL,
      urgent boolean NOT NULL,
      minor_parent boolean NOT NULL,
      reasons text NOT NULL,
      worker_id text NOT NULL REFERENCES user(id),
      interview_due text NOT NULL,
      consent_on text,
      closure_reason text,
      closure_note text,
      ${tracked}
    )`);
    await db.query('CREATE INDEX case_file_worker ON case_file (worker_id, status)');
    await db.query('CREATE INDEX case_file_family ON case_file (family_id)');
    await db.query(`CREATE TABLE interview (
      id text PRIMARY KEY,
      case_id text NOT NULL REFERENCES case_file(id),
      kind text NOT NULL CHECK (kind IN ('full', 'update')),
      form_version text NOT NULL,
      conducted_on text,
      place text NOT NULL,
      worker_id text NOT NULL REFERENCES user(id),
      segments text NOT NULL,
      documents text NOT NULL,
      income text NOT NULL,
      income_result text,
      status text NOT NULL CHECK (status IN ('draft', 'completed')),
      completed_at text,
      ${tracked}
    )`);
    await db.query('CREATE INDEX interview_case ON interview (case_id)');
    await db.query(`CREATE TABLE analysis (
      id text PRIMARY KEY,
      case_id text NOT NULL UNIQUE REFERENCES case_file(id),
      reasons text NOT NULL,
      strengths text NOT NULL,
      resources text NOT NULL,
      conclusions text NOT NULL,
      outcome text CHECK (outcome IN ('social_work', 'assistant')),
      consent_on text,
      ${tracked}
    )`);
    await db.query(`CREATE TABLE assistant_request (
      id text PRIMARY KEY,
      case_id text NOT NULL REFERENCES case_file(id),
      justification text NOT NULL,
      filed_on text NOT NULL,
      filed_by text NOT NULL REFERENCES user(id),
      status text NOT NULL CHECK (status IN ('pending', 'assigned', 'referred', 'returned')),
      decision_note text,
      referral_target text,
      referral_organisation text,
      decided_by text REFERENCES user(id),
      decided_on text,
      ${tracked}
    )`);
    await db.query('CREATE INDEX assistant_request_status ON assistant_request (status, filed_on)');
    await db.query(`CREATE TABLE assignment (
      id text PRIMARY KEY,
      case_id text NOT NULL REFERENCES case_file(id),
      assistant_id text NOT NULL REFERENCES user(id),
      assigned_on text NOT NULL,
      ended_on text,
      ${tracked}
    )`);
    await db.query('CREATE INDEX assignment_assistant ON assignment (assistant_id, ended_on)');
    await db.query('CREATE INDEX assignment_case ON assignment (case_id)');
    await db.query(`CREATE TABLE case_event (
      id text PRIMARY KEY,
      case_id text NOT NULL REFERENCES case_file(id),
      occurred_on text NOT NULL,
      kind text NOT NULL,
      title text NOT NULL,
      body text NOT NULL,
      significant boolean NOT NULL,
      author_id text REFERENCES user(id),
      ref_type text,
      ref_id text,
      created_at text NOT NULL
    )`);
    await db.query('CREATE INDEX case_event_case ON case_event (case_id, occurred_on)');
    await db.query(`CREATE TABLE form_draft (
      user_id text NOT NULL REFERENCES user(id),
      key text NOT NULL,
      data text NOT NULL,
      updated_at text NOT NULL,
      PRIMARY KEY (user_id, key)
    )`);
    await db.query(`CREATE TABLE counter (
      name text PRIMARY KEY,
      value integer NOT NULL
    )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['counter', 'form_draft', 'case_event', 'assignment', 'assistant_request', 'analysis', 'interview', 'case_file', 'family_member', 'person', 'family']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
