import { ROLES } from '../../../../shared/domain/roles';
import { ident, type ServerRoles } from '../roles';
import type { ServerSchemaStep } from './step';

/**
 * The same answers as the embedded app where row-level security would change them (issue 18):
 * - A case the user may not open is hidden from her, so to the app it looked absent ("Nie
 *   znaleziono") where the embedded app says "not yours" and audits the attempt (access.denied).
 *   asysta.case_exists answers only whether a case of that id exists — an id she already holds —
 *   so that the app refuses and audits alike on both engines (data/queries/case-access.ts);
 *   asysta.document_case does the same for a stored document's id: the case it belongs to.
 * - A case's change register (cases:changeLog) is read by whoever may open the case, and the app
 *   shows each viewer only her share of it (services/audit-projection.ts): the audit entries of
 *   her cases are readable to her, besides her own; the rest of the trail stays the kierownik's.
 */
export const accessParity: ServerSchemaStep = {
  version: 10,
  name: 'dostęp jak w aplikacji',
  sql: (r: ServerRoles) => `
CREATE FUNCTION asysta.case_exists(target text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT asysta.app_user_id() IS NOT NULL AND EXISTS (SELECT 1 FROM case_file c WHERE c.id = target)
$$;
CREATE FUNCTION asysta.document_case(target text) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT d.case_id FROM document d WHERE asysta.app_user_id() IS NOT NULL AND d.id = target
$$;
REVOKE ALL ON FUNCTION asysta.case_exists(text), asysta.document_case(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION asysta.case_exists(text), asysta.document_case(text) TO ${ROLES.map((role) => ident(r.groups[role])).join(', ')};

DROP POLICY audit_read ON audit_log;
CREATE POLICY audit_read ON audit_log FOR SELECT USING (
  (SELECT asysta.is_head()) OR actor_id = (SELECT asysta.app_user_id()) OR case_id IN (SELECT asysta.my_cases()));
`,
};
