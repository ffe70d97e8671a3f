import { ROLES } from '../../../../shared/domain/roles';
import { ident, type ServerRoles } from '../roles';
import type { ServerSchemaStep } from './step';

/**
 * The same answers as the embedded app for persons and case records hidden by row-level security
 * (issue 18, after steps 10 and 12):
 * - asysta.person_exists and asysta.person_reach let the intake's duplicate hint and the check
 *   before linking a person (services/cases/intake.ts personReach) see another worker's person as
 *   the embedded app does: that she exists, the workers leading her cases, and the ids only of the
 *   cases the user may open fully (the kierownik's, or a social worker's own) — the same as
 *   personReach shows there, never a name or a case's contents.
 * - asysta.record_case tells the case of a plan, kontrakt, assessment or wywiad whose id the user
 *   holds, so that a record of a case she may not open answers "not yours" (FORBIDDEN, audited)
 *   as on SQLite instead of "not found" (data/queries/case-access.ts).
 */
export const personAndRecordParity: ServerSchemaStep = {
  version: 13,
  name: 'osoby i zapisy spraw jak w aplikacji',
  sql: (r: ServerRoles) => `
CREATE FUNCTION asysta.person_exists(target text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT asysta.app_user_id() IS NOT NULL AND EXISTS (SELECT 1 FROM person p WHERE p.id = target)
$$;
CREATE FUNCTION asysta.person_reach(target text) RETURNS TABLE (case_id text, worker_id text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT CASE WHEN asysta.is_head() OR (asysta.is_worker() AND c.worker_id = asysta.app_user_id()) THEN c.id END, c.worker_id
    FROM family_member fm JOIN case_file c ON c.family_id = fm.family_id
   WHERE asysta.app_user_id() IS NOT NULL AND fm.person_id = target
   ORDER BY c.id
$$;
CREATE FUNCTION asysta.record_case(kind text, target text) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT CASE
    WHEN asysta.app_user_id() IS NULL THEN NULL
    WHEN kind = 'plan' THEN (SELECT x.case_id FROM plan x WHERE x.id = target)
    WHEN kind = 'contract' THEN (SELECT x.case_id FROM contract x WHERE x.id = target)
    WHEN kind = 'assessment' THEN (SELECT x.case_id FROM assessment x WHERE x.id = target)
    WHEN kind = 'interview' THEN (SELECT x.case_id FROM interview x WHERE x.id = target)
  END
$$;
REVOKE ALL ON FUNCTION asysta.person_exists(text), asysta.person_reach(text), asysta.record_case(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION asysta.person_exists(text), asysta.person_reach(text), asysta.record_case(text, text) TO ${ROLES.map((role) => ident(r.groups[role])).join(', ')};
`,
};
