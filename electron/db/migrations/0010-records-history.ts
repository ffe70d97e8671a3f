import { randomUUID } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addWorkingDays, isValidIsoDate } from './frozen/calendar-2026';

/** The office's default decision term at the time of migration 0008 (settings.decisionWorkingDays). */
const DEFAULT_DECISION_WORKING_DAYS = 7;
/** The justification of a minor parent's mandatory request as shared/domain/caseFlow.ts worded it at this migration. */
const MINOR_PARENT_JUSTIFICATION =
  'Małoletni rodzic opuszczający młodzieżowy ośrodek wychowawczy, młodzieżowy ośrodek socjoterapii, schronisko dla nieletnich lub zakład poprawczy: ' +
  'po przeprowadzeniu wywiadu kierownik ośrodka przydziela asystenta rodziny (art. 11 ustawy o wspieraniu rodziny i systemie pieczy zastępczej).';
/** art. 15 ust. 4 u.w.r. */
const STATUTORY_CASELOAD_CAP = 15;

/**
 * Records that can be corrected and followed through time (issue 15, part B):
 *
 * - the family's addresses with their dates (family_address) and a child's stays in foster care
 *   or an institution (child_placement); membership already has member_from / member_to;
 * - who leads a case, with dates and reasons (worker_assignment), and why an assistant's
 *   assignment began or ended (assignment.reason, assignment.end_reason);
 * - how a request for an assistant came about (assistant_request.kind: the worker's request, the
 *   mandatory assignment for a minor parent leaving an institution, a court's obligation);
 * - a court's obligation to work with an assistant (art. 109 § 2 pkt 1 k.r.o.) on the case;
 * - the wywiad's terms are law, not settings: their old settings rows go; a caseload limit above
 *   the statutory cap is lowered to it;
 * - a minor parent's case left in the analysis by the older path moves to the kierownik's queue,
 *   as a pending mandatory request, like a new one.
 */
export class RecordsHistory1795305610000 implements MigrationInterface {
  name = 'RecordsHistory1795305610000';

  async up(db: QueryRunner): Promise<void> {
    const tracked = `created_at text NOT NULL, created_by text REFERENCES user(id), updated_at text NOT NULL,
      updated_by text REFERENCES user(id), version integer NOT NULL`;
    await db.query(`CREATE TABLE family_address (
      id text PRIMARY KEY,
      family_id text NOT NULL REFERENCES family(id),
      street text NOT NULL,
      postal_code text NOT NULL,
      city text NOT NULL,
      rural boolean NOT NULL,
      from_on text,
      to_on text,
      ${tracked}
    )`);
    await db.query('CREATE INDEX family_address_family ON family_address (family_id, from_on)');
    await db.query(`CREATE TABLE child_placement (
      id text PRIMARY KEY,
      member_id text NOT NULL REFERENCES family_member(id),
      whereabouts text NOT NULL,
      from_on text NOT NULL,
      to_on text,
      note text NOT NULL,
      ${tracked}
    )`);
    await db.query('CREATE INDEX child_placement_member ON child_placement (member_id, from_on)');
    await db.query(`CREATE TABLE worker_assignment (
      id text PRIMARY KEY,
      case_id text NOT NULL REFERENCES case_file(id),
      worker_id text NOT NULL REFERENCES user(id),
      from_on text NOT NULL,
      to_on text,
      reason text NOT NULL,
      end_reason text,
      ${tracked}
    )`);
    await db.query('CREATE INDEX worker_assignment_case ON worker_assignment (case_id, from_on)');
    await db.query('ALTER TABLE assignment ADD COLUMN reason text');
    await db.query('ALTER TABLE assignment ADD COLUMN end_reason text');
    await db.query(`ALTER TABLE assistant_request ADD COLUMN kind text NOT NULL DEFAULT 'voluntary' CHECK (kind IN ('voluntary', 'minor_parent', 'court_obliged'))`);
    await db.query('ALTER TABLE case_file ADD COLUMN court_order_court text');
    await db.query('ALTER TABLE case_file ADD COLUMN court_order_reference text');
    await db.query('ALTER TABLE case_file ADD COLUMN court_order_on text');
    // Planned visits (issue 15, item 11): a visit row planned ahead, with its kind, until it is recorded.
    await db.query('ALTER TABLE visit ADD COLUMN planned boolean NOT NULL DEFAULT 0');
    await db.query(`ALTER TABLE visit ADD COLUMN kind text NOT NULL DEFAULT 'home'`);
    await db.query('CREATE INDEX visit_due ON visit (planned, visited_on)');

    // Today's address and leading worker, known since the report.
    await db.query(`INSERT INTO family_address (id, family_id, street, postal_code, city, rural, from_on, to_on, created_at, created_by, updated_at, updated_by, version)
      SELECT lower(hex(randomblob(16))), id, street, postal_code, city, rural, NULL, NULL, created_at, created_by, updated_at, updated_by, 1 FROM family`);
    await db.query(`INSERT INTO worker_assignment (id, case_id, worker_id, from_on, to_on, reason, end_reason, created_at, created_by, updated_at, updated_by, version)
      SELECT lower(hex(randomblob(16))), id, worker_id, reported_on, NULL, '', NULL, created_at, created_by, updated_at, updated_by, 1 FROM case_file`);

    await db.query(`DELETE FROM setting WHERE key IN ('settings.interviewWorkingDays', 'settings.urgentInterviewWorkingDays')`);
    await db.query(`UPDATE setting SET value = ? WHERE key = 'settings.caseloadLimit' AND CAST(value AS integer) > ?`, [String(STATUTORY_CASELOAD_CAP), STATUTORY_CASELOAD_CAP]);

    const minors = (await db.query(
      `SELECT c.id, c.worker_id, c.reported_on, c.created_at,
              (SELECT max(i.conducted_on) FROM interview i WHERE i.case_id = c.id AND i.status = 'completed') AS conducted_on
         FROM case_file c WHERE c.minor_parent = 1 AND c.status = 'ANALYSIS'`,
    )) as { id: string; worker_id: string; reported_on: string; created_at: string; conducted_on: string | null }[];
    for (const row of minors) {
      const filedOn = row.conducted_on ?? row.reported_on;
      const due = isValidIsoDate(filedOn) ? addWorkingDays(filedOn, DEFAULT_DECISION_WORKING_DAYS) : filedOn;
      await db.query(
        `INSERT INTO assistant_request (id, case_id, justification, filed_on, filed_by, status, decision_note, referral_target, referral_organisation,
           decided_by, decided_on, decision_due, kind, created_at, created_by, updated_at, updated_by, version)
         VALUES (?, ?, ?, ?, ?, 'pending', NULL, NULL, NULL, NULL, NULL, ?, 'minor_parent', ?, ?, ?, ?, 1)`,
        [randomUUID(), row.id, MINOR_PARENT_JUSTIFICATION, filedOn, row.worker_id, due, row.created_at, row.worker_id, row.created_at, row.worker_id],
      );
      await db.query(`UPDATE case_file SET status = 'ASSISTANT_REQUESTED' WHERE id = ?`, [row.id]);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX visit_due');
    await db.query('ALTER TABLE visit DROP COLUMN kind');
    await db.query('ALTER TABLE visit DROP COLUMN planned');
    for (const column of ['court_order_on', 'court_order_reference', 'court_order_court']) await db.query(`ALTER TABLE case_file DROP COLUMN ${column}`);
    await db.query('ALTER TABLE assistant_request DROP COLUMN kind');
    await db.query('ALTER TABLE assignment DROP COLUMN end_reason');
    await db.query('ALTER TABLE assignment DROP COLUMN reason');
    for (const table of ['worker_assignment', 'child_placement', 'family_address']) await db.query(`DROP TABLE ${table}`);
  }
}

