import { ROLES } from '../../../../shared/domain/roles';
import { ident, type ServerRoles } from '../roles';
import type { ServerSchemaStep } from './step';

/**
 * The same refusal for an office document (a referral's skierowanie) as for a case's (step 10):
 * row-level security hides another family's referral and its PDF from an assistant, so to the app
 * it looked absent ("Nie znaleziono") where the embedded app asks the referral's own check and
 * answers "not yours" (audited). asysta.office_document tells only the kind and subject of an
 * office document whose id the user holds, so that the same check runs on both engines
 * (data/queries/office-documents.ts, DocumentsService.read).
 */
export const officeDocuments: ServerSchemaStep = {
  version: 11,
  name: 'dokumenty ośrodka jak w aplikacji',
  sql: (r: ServerRoles) => `
CREATE FUNCTION asysta.office_document(target text) RETURNS TABLE (kind text, "subjectId" text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT d.kind, d.subject_id FROM document d WHERE asysta.app_user_id() IS NOT NULL AND d.id = target AND d.case_id IS NULL
$$;
REVOKE ALL ON FUNCTION asysta.office_document(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION asysta.office_document(text) TO ${ROLES.map((role) => ident(r.groups[role])).join(', ')};
`,
};
