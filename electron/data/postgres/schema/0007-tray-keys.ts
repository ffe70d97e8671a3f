import { ROLES } from '../../../../shared/domain/roles';
import { ident, type ServerRoles } from '../roles';
import type { ServerSchemaStep } from './step';

const DEFINER = 'SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp';

/**
 * The server's counterpart of embedded migration 0017 (electron/db/migrations/0017-tray-and-sort-keys.ts),
 * the same tables, columns and indexes, kept by PL/pgSQL triggers in the writing transaction:
 * - `case_deadline`: per case, the date the aktualizacja wywiadu (the last completed wywiad) and
 *   the okresowa ocena (the last ocena, else the first assignment) are counted from, with the
 *   case's status; read only by clients, under the same row-level rule as the tray's other rows;
 * - `case_file.family_key`: the applicant's folded name for the case list's order, in byte order
 *   (COLLATE "C") as SQLite compares it, so both engines list cases alike;
 * - the indexes the tray counts per day from, and the caseloads' active assignments.
 * The trigger functions are the owner's (SECURITY DEFINER): the derived rows are written whoever
 * writes the record they follow. Existing rows are derived at once (the owner bypasses row security).
 */
export const trayKeys: ServerSchemaStep = {
  version: 7,
  name: 'klucze zasobnika i sortowania',
  sql: (r: ServerRoles) => `
CREATE TABLE case_deadline (
  case_id text NOT NULL,
  kind text NOT NULL,
  case_status text NOT NULL,
  counted_from text NOT NULL
);
CREATE UNIQUE INDEX case_deadline_case ON case_deadline (case_id, kind);
CREATE INDEX case_deadline_due ON case_deadline (kind, case_status, counted_from);
ALTER TABLE case_deadline ENABLE ROW LEVEL SECURITY; ALTER TABLE case_deadline FORCE ROW LEVEL SECURITY;
CREATE POLICY case_rows ON case_deadline USING ((SELECT asysta.is_head()) OR case_id IN (SELECT asysta.my_cases()))
  WITH CHECK ((SELECT asysta.is_head()) OR case_id IN (SELECT asysta.my_cases()));
GRANT SELECT ON case_deadline TO ${ROLES.map((role) => ident(r.groups[role])).join(', ')};

CREATE FUNCTION asysta.case_deadline_refresh(target text) RETURNS void LANGUAGE plpgsql ${DEFINER} AS $fn$
BEGIN
  IF target IS NULL THEN RETURN; END IF;
  DELETE FROM case_deadline WHERE case_id = target;
  INSERT INTO case_deadline (case_id, kind, case_status, counted_from)
  SELECT c.id, 'interview_update', c.status, x.d
    FROM case_file c, (SELECT max(i.conducted_on) AS d FROM interview i WHERE i.case_id = target AND i.status = 'completed') x
   WHERE c.id = target AND x.d IS NOT NULL;
  INSERT INTO case_deadline (case_id, kind, case_status, counted_from)
  SELECT c.id, 'assessment', c.status, x.d
    FROM case_file c, (SELECT coalesce((SELECT max(s.assessed_on) FROM assessment s WHERE s.case_id = target),
                                       (SELECT min(a.assigned_on) FROM assignment a WHERE a.case_id = target)) AS d) x
   WHERE c.id = target AND x.d IS NOT NULL;
END $fn$;
CREATE FUNCTION asysta.case_deadline_sync() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $fn$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM asysta.case_deadline_refresh(OLD.case_id); END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.case_id IS DISTINCT FROM OLD.case_id) THEN PERFORM asysta.case_deadline_refresh(NEW.case_id); END IF;
  RETURN NULL;
END $fn$;
CREATE TRIGGER case_deadline_interview AFTER INSERT OR DELETE OR UPDATE OF case_id, status, conducted_on ON interview
  FOR EACH ROW EXECUTE FUNCTION asysta.case_deadline_sync();
CREATE TRIGGER case_deadline_assessment AFTER INSERT OR DELETE OR UPDATE OF case_id, assessed_on ON assessment
  FOR EACH ROW EXECUTE FUNCTION asysta.case_deadline_sync();
CREATE TRIGGER case_deadline_assignment AFTER INSERT OR DELETE OR UPDATE OF case_id, assigned_on ON assignment
  FOR EACH ROW EXECUTE FUNCTION asysta.case_deadline_sync();
CREATE FUNCTION asysta.case_deadline_case() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $fn$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM case_deadline WHERE case_id = OLD.id;
  ELSE
    UPDATE case_deadline SET case_status = NEW.status WHERE case_id = NEW.id;
  END IF;
  RETURN NULL;
END $fn$;
CREATE TRIGGER case_deadline_status AFTER UPDATE OF status OR DELETE ON case_file FOR EACH ROW EXECUTE FUNCTION asysta.case_deadline_case();
SELECT asysta.case_deadline_refresh(c.id) FROM case_file c;

ALTER TABLE case_file ADD COLUMN family_key text COLLATE "C" NOT NULL DEFAULT '';
CREATE FUNCTION asysta.family_key_of(family text) RETURNS text LANGUAGE sql STABLE ${DEFINER} AS $fn$
  SELECT coalesce((SELECT p.name_key FROM family_member fm JOIN person p ON p.id = fm.person_id
                    WHERE fm.family_id = family ORDER BY fm.relation = 'applicant' DESC, fm.position LIMIT 1), '')
$fn$;
CREATE FUNCTION asysta.family_key_case() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $fn$
BEGIN
  NEW.family_key := asysta.family_key_of(NEW.family_id);
  RETURN NEW;
END $fn$;
CREATE TRIGGER family_key_case BEFORE INSERT OR UPDATE OF family_id ON case_file FOR EACH ROW EXECUTE FUNCTION asysta.family_key_case();
CREATE FUNCTION asysta.family_key_member() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $fn$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE case_file SET family_key = asysta.family_key_of(OLD.family_id) WHERE family_id = OLD.family_id;
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.family_id IS DISTINCT FROM OLD.family_id) THEN
    UPDATE case_file SET family_key = asysta.family_key_of(NEW.family_id) WHERE family_id = NEW.family_id;
  END IF;
  RETURN NULL;
END $fn$;
CREATE TRIGGER family_key_member AFTER INSERT OR DELETE OR UPDATE OF family_id, person_id, relation, position ON family_member
  FOR EACH ROW EXECUTE FUNCTION asysta.family_key_member();
CREATE FUNCTION asysta.family_key_person() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $fn$
BEGIN
  UPDATE case_file c SET family_key = asysta.family_key_of(c.family_id)
   WHERE c.family_id IN (SELECT fm.family_id FROM family_member fm WHERE fm.person_id = NEW.id);
  RETURN NULL;
END $fn$;
CREATE TRIGGER family_key_person AFTER UPDATE OF name_key ON person FOR EACH ROW EXECUTE FUNCTION asysta.family_key_person();
UPDATE case_file SET family_key = asysta.family_key_of(family_id);
CREATE INDEX case_file_family_key ON case_file (family_key, reported_on, id);

CREATE INDEX case_file_interview_due ON case_file (status, interview_due);
CREATE INDEX case_file_monitoring ON case_file (status, monitoring_ended_on, monitoring_until);
CREATE INDEX case_file_closure ON case_file (status, closure_proposed_on);
CREATE INDEX assignment_active ON assignment (assistant_id, case_id) WHERE ended_on IS NULL;
CREATE INDEX case_file_id_family ON case_file (id, family_id);
`,
};
