import { ROLES } from '../../../../shared/domain/roles';
import { ident, type ServerRoles } from '../roles';
import type { ServerSchemaStep } from './step';

/**
 * Gapless numbering per year under concurrent writers (issue 18, item 5): case numbers
 * ("OPS.12.2026") and the document register's numbers ("12/2026") come from `counter` rows named
 * as in the embedded database (`case_number.2026`, `document_number.2026`). The upsert locks the
 * year's row until the transaction ends: a second writer waits, and takes the next number only
 * once the first has committed — or the same number when the first rolled back. No client may
 * write `counter` itself; this function is the only way.
 */
export const numbering: ServerSchemaStep = {
  version: 4,
  name: 'numeracja bez luk',
  sql: (r: ServerRoles) => `
CREATE FUNCTION asysta.next_number(kind text, year text) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  result integer;
BEGIN
  IF kind NOT IN ('case_number', 'document_number') THEN RAISE EXCEPTION 'Nieznany rodzaj numeru: %.', kind USING ERRCODE = '22023'; END IF;
  IF year !~ '^[0-9]{4}$' THEN RAISE EXCEPTION 'Rok numeru musi mieć cztery cyfry.' USING ERRCODE = '22023'; END IF;
  IF asysta.app_user_id() IS NULL THEN RAISE EXCEPTION 'Numery nadaje się tylko z konta ośrodka.' USING ERRCODE = '42501'; END IF;
  INSERT INTO counter (name, value) VALUES (kind || '.' || year, 1)
  ON CONFLICT (name) DO UPDATE SET value = counter.value + 1
  RETURNING value INTO result;
  RETURN result;
END $$;
REVOKE ALL ON FUNCTION asysta.next_number(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION asysta.next_number(text, text) TO ${ROLES.map((role) => ident(r.groups[role])).join(', ')};
`,
};
