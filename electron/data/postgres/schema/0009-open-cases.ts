import { ROLES } from '../../../../shared/domain/roles';
import { ident, type ServerRoles } from '../roles';
import type { ServerSchemaStep } from './step';

/**
 * A person's open cases for anyone who meets her at intake (issue 15, item 8): the embedded app
 * warns that a case is open and names its worker even to a worker who may not open it, so that no
 * second case is opened silently. Row-level security hides that case from her on the server, so
 * the server answers through this function (the owner's, SECURITY DEFINER) with only what the
 * warning needs — the case's id, number and state, who leads it, its active assistants — and the
 * app masks the number and state of a case the user may not open (services/open-cases.ts), as it
 * does on the embedded file. The person's id is one the user already holds (a duplicate hint).
 *
 * A second report may be added to such a case without seeing it (services/open-cases.ts
 * addReport): asysta.add_case_report writes that one chronology entry — kind 'intake', marked
 * significant, authored by the signed-in person (no one else's name) — into an open case, for a social worker or the
 * kierownik only; nothing else of the case is read or written.
 */
export const openCases: ServerSchemaStep = {
  version: 9,
  name: 'otwarte sprawy osoby',
  sql: (r: ServerRoles) => `
CREATE FUNCTION asysta.open_cases_of(person text)
RETURNS TABLE ("caseId" text, number text, status text, "reportedOn" text, "workerId" text, "workerName" text, "assistantIds" text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT c.id, c.number, c.status, c.reported_on, c.worker_id, u.first_name || ' ' || u.last_name,
         (SELECT string_agg(a.assistant_id, ',') FROM assignment a WHERE a.case_id = c.id AND a.ended_on IS NULL)
    FROM family_member fm JOIN case_file c ON c.family_id = fm.family_id JOIN "user" u ON u.id = c.worker_id
   WHERE fm.person_id = person AND fm.member_to IS NULL AND c.status NOT IN ('CLOSED', 'ARCHIVED')
     AND asysta.app_user_id() IS NOT NULL
   ORDER BY c.reported_on DESC, c.number DESC
$$;
REVOKE ALL ON FUNCTION asysta.open_cases_of(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION asysta.open_cases_of(text) TO ${ROLES.map((role) => ident(r.groups[role])).join(', ')};

CREATE FUNCTION asysta.add_case_report(event_id text, target text, occurred_on text, title text, body text, author text, created_at text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF author IS DISTINCT FROM asysta.app_user_id() OR NOT ((SELECT asysta.is_head()) OR (SELECT asysta.is_worker())) THEN
    RAISE EXCEPTION 'Kolejne zgłoszenie dołącza pracownik socjalny albo kierownik ośrodka, we własnym imieniu.' USING ERRCODE = '42501';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM case_file c WHERE c.id = target AND c.status NOT IN ('CLOSED', 'ARCHIVED')) THEN
    RAISE EXCEPTION 'Ta sprawa nie jest otwarta: zarejestruj nowe zgłoszenie.' USING ERRCODE = '22023';
  END IF;
  INSERT INTO case_event (id, case_id, occurred_on, kind, title, body, significant, author_id, ref_type, ref_id, created_at)
  VALUES (event_id, target, occurred_on, 'intake', title, body, true, author, NULL, NULL, created_at);
END $$;
REVOKE ALL ON FUNCTION asysta.add_case_report(text, text, text, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION asysta.add_case_report(text, text, text, text, text, text, text) TO ${ident(r.groups.social_worker)}, ${ident(r.groups.head)};
`,
};
