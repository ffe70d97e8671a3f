import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The kierownik's tray and the case list sorted by name at 100 000 persons (issue 17), from keys
 * kept in the writing transaction instead of computed per case on every look:
 *
 * - `case_deadline`: per case, the date two deadlines counted in months start from — the last
 *   completed wywiad (aktualizacja wywiadu) and the last okresowa ocena, else the first
 *   assignment (ocena) — with the case's status. The office's tray counted them with two
 *   correlated subqueries for each of ~14 000 cases (≈ 100 ms of its 391 ms); now it counts them
 *   per day from an index, like the plan tasks and kontrakt actions of migration 0005.
 * - `case_file.family_key`: the applicant's folded name (person.name_key; '' for a family with no
 *   members), which the case list sorted by through a correlated subquery per case (467 ms);
 *   now read from an index in the list's order.
 * - the per-case deadlines (wywiad, end of monitoring, closure proposal) counted per day from
 *   indexes alone, and the caseloads' active assignments and each case's family likewise.
 *
 * Triggers keep both, whichever code path writes (the services, the demo's bulk copies), in the
 * same transaction; the office server has the same as PL/pgSQL triggers
 * (electron/data/postgres/schema/0007-tray-keys.ts).
 */
export class TrayAndSortKeys1795305617000 implements MigrationInterface {
  name = 'TrayAndSortKeys1795305617000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE case_deadline (
      case_id text NOT NULL,
      kind text NOT NULL,
      case_status text NOT NULL,
      counted_from text NOT NULL
    )`);
    await db.query('CREATE UNIQUE INDEX case_deadline_case ON case_deadline (case_id, kind)');
    await db.query('CREATE INDEX case_deadline_due ON case_deadline (kind, case_status, counted_from)');
    const lastInterview = (id: string) => `
      DELETE FROM case_deadline WHERE case_id = ${id} AND kind = 'interview_update';
      INSERT INTO case_deadline (case_id, kind, case_status, counted_from)
      SELECT c.id, 'interview_update', c.status, x.d
        FROM case_file c, (SELECT MAX(i.conducted_on) AS d FROM interview i WHERE i.case_id = ${id} AND i.status = 'completed') x
       WHERE c.id = ${id} AND x.d IS NOT NULL;`;
    const assessmentFrom = (id: string) => `
      DELETE FROM case_deadline WHERE case_id = ${id} AND kind = 'assessment';
      INSERT INTO case_deadline (case_id, kind, case_status, counted_from)
      SELECT c.id, 'assessment', c.status, x.d
        FROM case_file c, (SELECT COALESCE((SELECT MAX(s.assessed_on) FROM assessment s WHERE s.case_id = ${id}),
                                           (SELECT MIN(a.assigned_on) FROM assignment a WHERE a.case_id = ${id})) AS d) x
       WHERE c.id = ${id} AND x.d IS NOT NULL;`;
    await db.query(`CREATE TRIGGER case_deadline_interview_insert AFTER INSERT ON interview BEGIN ${lastInterview('NEW.case_id')} END`);
    await db.query(`CREATE TRIGGER case_deadline_interview_update AFTER UPDATE OF case_id, status, conducted_on ON interview BEGIN ${lastInterview('OLD.case_id')} ${lastInterview('NEW.case_id')} END`);
    await db.query(`CREATE TRIGGER case_deadline_interview_delete AFTER DELETE ON interview BEGIN ${lastInterview('OLD.case_id')} END`);
    await db.query(`CREATE TRIGGER case_deadline_assessment_insert AFTER INSERT ON assessment BEGIN ${assessmentFrom('NEW.case_id')} END`);
    await db.query(`CREATE TRIGGER case_deadline_assessment_update AFTER UPDATE OF case_id, assessed_on ON assessment BEGIN ${assessmentFrom('OLD.case_id')} ${assessmentFrom('NEW.case_id')} END`);
    await db.query(`CREATE TRIGGER case_deadline_assessment_delete AFTER DELETE ON assessment BEGIN ${assessmentFrom('OLD.case_id')} END`);
    await db.query(`CREATE TRIGGER case_deadline_assignment_insert AFTER INSERT ON assignment BEGIN ${assessmentFrom('NEW.case_id')} END`);
    await db.query(`CREATE TRIGGER case_deadline_assignment_update AFTER UPDATE OF case_id, assigned_on ON assignment BEGIN ${assessmentFrom('OLD.case_id')} ${assessmentFrom('NEW.case_id')} END`);
    await db.query(`CREATE TRIGGER case_deadline_assignment_delete AFTER DELETE ON assignment BEGIN ${assessmentFrom('OLD.case_id')} END`);
    await db.query(`CREATE TRIGGER case_deadline_status AFTER UPDATE OF status ON case_file BEGIN
      UPDATE case_deadline SET case_status = NEW.status WHERE case_id = NEW.id;
    END`);
    await db.query('CREATE TRIGGER case_deadline_case_delete AFTER DELETE ON case_file BEGIN DELETE FROM case_deadline WHERE case_id = OLD.id; END');
    await db.query(`INSERT INTO case_deadline (case_id, kind, case_status, counted_from)
      SELECT c.id, 'interview_update', c.status, MAX(i.conducted_on) FROM case_file c JOIN interview i ON i.case_id = c.id AND i.status = 'completed'
       GROUP BY c.id HAVING MAX(i.conducted_on) IS NOT NULL`);
    await db.query(`INSERT INTO case_deadline (case_id, kind, case_status, counted_from)
      SELECT id, 'assessment', status, d FROM (
        SELECT c.id, c.status, COALESCE((SELECT MAX(s.assessed_on) FROM assessment s WHERE s.case_id = c.id),
                                        (SELECT MIN(a.assigned_on) FROM assignment a WHERE a.case_id = c.id)) AS d
          FROM case_file c) WHERE d IS NOT NULL`);

    await db.query(`ALTER TABLE case_file ADD COLUMN family_key text NOT NULL DEFAULT ''`);
    const key = (family: string) => `COALESCE((SELECT p.name_key FROM family_member fm JOIN person p ON p.id = fm.person_id
                 WHERE fm.family_id = ${family} ORDER BY fm.relation = 'applicant' DESC, fm.position LIMIT 1), '')`;
    const rekey = (family: string) => `UPDATE case_file SET family_key = ${key('case_file.family_id')} WHERE family_id = ${family};`;
    await db.query(`CREATE TRIGGER family_key_case_insert AFTER INSERT ON case_file BEGIN UPDATE case_file SET family_key = ${key('NEW.family_id')} WHERE id = NEW.id; END`);
    await db.query(`CREATE TRIGGER family_key_case_update AFTER UPDATE OF family_id ON case_file BEGIN UPDATE case_file SET family_key = ${key('NEW.family_id')} WHERE id = NEW.id; END`);
    await db.query(`CREATE TRIGGER family_key_member_insert AFTER INSERT ON family_member BEGIN ${rekey('NEW.family_id')} END`);
    await db.query(`CREATE TRIGGER family_key_member_update AFTER UPDATE OF family_id, person_id, relation, position ON family_member BEGIN ${rekey('OLD.family_id')} ${rekey('NEW.family_id')} END`);
    await db.query(`CREATE TRIGGER family_key_member_delete AFTER DELETE ON family_member BEGIN ${rekey('OLD.family_id')} END`);
    await db.query(`CREATE TRIGGER family_key_person_update AFTER UPDATE OF name_key ON person BEGIN
      UPDATE case_file SET family_key = ${key('case_file.family_id')} WHERE family_id IN (SELECT fm.family_id FROM family_member fm WHERE fm.person_id = NEW.id);
    END`);
    await db.query(`UPDATE case_file SET family_key = ${key('case_file.family_id')}`);
    await db.query('CREATE INDEX case_file_family_key ON case_file (family_key, reported_on, id)');

    // The office's per-case deadlines counted per day, and a day's read, from the index alone.
    await db.query('CREATE INDEX case_file_interview_due ON case_file (status, interview_due)');
    await db.query('CREATE INDEX case_file_monitoring ON case_file (status, monitoring_ended_on, monitoring_until)');
    await db.query('CREATE INDEX case_file_closure ON case_file (status, closure_proposed_on)');
    // The caseloads: each assistant's active assignments, and each case's family, without reading the rows.
    await db.query('CREATE INDEX assignment_active ON assignment (assistant_id, case_id) WHERE ended_on IS NULL');
    await db.query('CREATE INDEX case_file_id_family ON case_file (id, family_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX case_file_id_family');
    await db.query('DROP INDEX assignment_active');
    await db.query('DROP INDEX case_file_closure');
    await db.query('DROP INDEX case_file_monitoring');
    await db.query('DROP INDEX case_file_interview_due');
    await db.query('DROP INDEX case_file_family_key');
    for (const trigger of ['family_key_person_update', 'family_key_member_delete', 'family_key_member_update', 'family_key_member_insert', 'family_key_case_update', 'family_key_case_insert']) {
      await db.query(`DROP TRIGGER ${trigger}`);
    }
    await db.query('ALTER TABLE case_file DROP COLUMN family_key');
    for (const trigger of [
      'case_deadline_case_delete',
      'case_deadline_status',
      'case_deadline_assignment_delete',
      'case_deadline_assignment_update',
      'case_deadline_assignment_insert',
      'case_deadline_assessment_delete',
      'case_deadline_assessment_update',
      'case_deadline_assessment_insert',
      'case_deadline_interview_delete',
      'case_deadline_interview_update',
      'case_deadline_interview_insert',
    ]) {
      await db.query(`DROP TRIGGER ${trigger}`);
    }
    await db.query('DROP TABLE case_deadline');
  }
}
