import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Court requests (issue 7): a family court asks for an opinia o rodzinie and/or the case file by a
 * deadline (docs/domain.md#the-court-opinion). One opinion per request, with its life cycle
 * draft → submitted → approved → issued; the issued PDF lives in the document register (0006),
 * the opinion keeps its register id, number and SHA-256. Indexes named for the work tray's court rule
 * (electron/services/deadline-queries.ts): by case and by due date.
 */
export class CourtRequests1795305607000 implements MigrationInterface {
  name = 'CourtRequests1795305607000';

  async up(db: QueryRunner): Promise<void> {
    const tracked = `created_at text NOT NULL, created_by text REFERENCES user(id), updated_at text NOT NULL,
      updated_by text REFERENCES user(id), version integer NOT NULL`;
    await db.query(`CREATE TABLE court_request (
      id text PRIMARY KEY,
      case_id text NOT NULL REFERENCES case_file(id),
      court text NOT NULL,
      division text NOT NULL,
      case_reference text NOT NULL,
      received_on text NOT NULL,
      asks text NOT NULL CHECK (asks IN ('opinion', 'case_file', 'both')),
      deadline text NOT NULL,
      status text NOT NULL CHECK (status IN ('open', 'answered')),
      answered_on text,
      notes text NOT NULL,
      ${tracked}
    )`);
    await db.query('CREATE INDEX court_request_case ON court_request (case_id, status, deadline)');
    await db.query('CREATE INDEX court_request_due ON court_request (status, deadline)');
    await db.query(`CREATE TABLE court_opinion (
      id text PRIMARY KEY,
      request_id text NOT NULL UNIQUE REFERENCES court_request(id),
      case_id text NOT NULL REFERENCES case_file(id),
      status text NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'issued')),
      sections text NOT NULL,
      author_id text NOT NULL REFERENCES user(id),
      submitted_on text,
      approved_by text REFERENCES user(id),
      approved_on text,
      returned_reason text,
      document_number text UNIQUE,
      document_id text,
      issued_on text,
      sha256 text,
      ${tracked}
    )`);
    await db.query('CREATE INDEX court_opinion_case ON court_opinion (case_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE court_opinion');
    await db.query('DROP TABLE court_request');
  }
}
