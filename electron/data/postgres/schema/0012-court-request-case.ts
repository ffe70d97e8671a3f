import { ROLES } from '../../../../shared/domain/roles';
import { ident, type ServerRoles } from '../roles';
import type { ServerSchemaStep } from './step';

/**
 * The same refusal for a court request as for its case (step 10): row-level security hides the
 * request of a case the user may not open, so to the app it looked absent ("Nie znaleziono") where
 * the embedded app answers "not yours" (audited). asysta.court_request_case tells only the case of
 * a request whose id the user holds, so that the court service refuses alike on both engines
 * (data/queries/case-access.ts, CourtService.loadRequest).
 */
export const courtRequestCase: ServerSchemaStep = {
  version: 12,
  name: 'pisma sądu jak w aplikacji',
  sql: (r: ServerRoles) => `
CREATE FUNCTION asysta.court_request_case(target text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT q.case_id FROM court_request q WHERE asysta.app_user_id() IS NOT NULL AND q.id = target
$$;
REVOKE ALL ON FUNCTION asysta.court_request_case(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION asysta.court_request_case(text) TO ${ROLES.map((role) => ident(r.groups[role])).join(', ')};
`,
};
