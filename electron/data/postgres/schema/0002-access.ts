import { ROLES } from '../../../../shared/domain/roles';
import { ident, literal, type ServerRoles } from '../roles';
import type { ServerSchemaStep } from './step';

/** Tables holding a case's data, reached by their case_id (read and written alike). */
export const CASE_TABLES = [
  'interview',
  'analysis',
  'assistant_request',
  'assignment',
  'case_event',
  'contract',
  'plan',
  'visit',
  'assessment',
  'court_request',
  'court_opinion',
  'worker_assignment',
  'search_doc',
] as const;

/** Rows derived by triggers from plans and kontrakty: read only. */
export const DERIVED_CASE_TABLES = ['signed_plan_task', 'running_contract_action'] as const;

/** Every table with a family's data: row-level security is enabled and forced on each. */
export const FAMILY_DATA_TABLES = [
  'case_file',
  'family',
  'person',
  'family_member',
  'family_address',
  'child_placement',
  ...CASE_TABLES,
  ...DERIVED_CASE_TABLES,
  'document',
  'referral_declaration',
  'referral',
  'form_draft',
  'audit_log',
] as const;

/** The office's own settings and lists: everyone reads, the kierownik writes. */
const OFFICE_TABLES = ['office', 'food_aid_threshold', 'referral_subprogramme', 'partner_organisation', 'distribution_point'] as const;

/** The columns of "user" a client may write (db_role only through asysta.provision_login). */
const USER_COLUMNS = 'id, login, first_name, last_name, roles, active, created_at, created_by, updated_at, updated_by, version, office_phone';

const DEFINER = 'SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp';

/** "Visible to the signed-in person" for a row's case id: the kierownik every case, else her own. */
const caseVisible = (column: string) => `((SELECT asysta.is_head()) OR ${column} IN (SELECT asysta.my_cases()))`;
const staff = '((SELECT asysta.is_head()) OR (SELECT asysta.is_worker()))';

function groupsSql(r: ServerRoles): string {
  return ROLES.map(
    (role) => `DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal(r.groups[role])}) THEN CREATE ROLE ${ident(r.groups[role])} NOLOGIN; END IF;
END $$;`,
  ).join('\n');
}

function policiesSql(): string {
  const out: string[] = [];
  for (const table of FAMILY_DATA_TABLES) out.push(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY; ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;`);
  for (const table of [...CASE_TABLES, ...DERIVED_CASE_TABLES]) {
    out.push(`CREATE POLICY case_rows ON ${table} USING ${caseVisible('case_id')} WITH CHECK ${caseVisible('case_id')};`);
  }
  out.push(`
CREATE POLICY case_read ON case_file FOR SELECT USING ${caseVisible('id')};
CREATE POLICY case_insert ON case_file FOR INSERT WITH CHECK ((SELECT asysta.is_head()) OR ((SELECT asysta.is_worker()) AND worker_id = (SELECT asysta.app_user_id())));
CREATE POLICY case_update ON case_file FOR UPDATE USING ${caseVisible('id')}
  WITH CHECK ((SELECT asysta.is_head()) OR ((SELECT asysta.is_worker()) AND worker_id = (SELECT asysta.app_user_id())) OR id IN (SELECT asysta.my_assignments()));
CREATE POLICY case_delete ON case_file FOR DELETE USING ${caseVisible('id')};

CREATE POLICY family_rows ON family USING ((SELECT asysta.is_head()) OR id IN (SELECT asysta.my_families()));
CREATE POLICY family_insert ON family FOR INSERT WITH CHECK ${staff};
CREATE POLICY person_read ON person FOR SELECT USING ((SELECT asysta.is_head()) OR id IN (SELECT asysta.my_persons(false)));
CREATE POLICY person_insert ON person FOR INSERT WITH CHECK ${staff};
CREATE POLICY person_update ON person FOR UPDATE USING ((SELECT asysta.is_head()) OR id IN (SELECT asysta.my_persons(true)));
CREATE POLICY person_delete ON person FOR DELETE USING ((SELECT asysta.is_head()) OR id IN (SELECT asysta.my_persons(true)));
CREATE POLICY family_rows ON family_member USING ((SELECT asysta.is_head()) OR family_id IN (SELECT asysta.my_families()));
CREATE POLICY family_rows ON family_address USING ((SELECT asysta.is_head()) OR family_id IN (SELECT asysta.my_families()));
CREATE POLICY member_rows ON child_placement USING ((SELECT asysta.is_head()) OR member_id IN (SELECT fm.id FROM family_member fm));

CREATE POLICY declaration_rows ON referral_declaration USING (${staff} OR id IN (SELECT asysta.my_declarations()))
  WITH CHECK ${staff};
CREATE POLICY referral_rows ON referral USING (${staff} OR declaration_id IN (SELECT asysta.my_declarations()))
  WITH CHECK ${staff};
CREATE POLICY document_read ON document FOR SELECT USING (
  ${caseVisible('case_id')} OR (case_id IS NULL AND (${staff} OR id IN (SELECT r.document_id FROM referral r))));
CREATE POLICY document_insert ON document FOR INSERT WITH CHECK (
  issued_by = (SELECT asysta.app_user_id()) AND (${caseVisible('case_id')} OR (case_id IS NULL AND ${staff})));

CREATE POLICY own_drafts ON form_draft USING (user_id = (SELECT asysta.app_user_id()));
CREATE POLICY audit_read ON audit_log FOR SELECT USING ((SELECT asysta.is_head()) OR actor_id = (SELECT asysta.app_user_id()));
CREATE POLICY audit_insert ON audit_log FOR INSERT WITH CHECK (actor_id IS NULL OR actor_id = (SELECT asysta.app_user_id()));

-- Settings are not family data, but two kinds of row need a rule: the audit chain's head is the
-- trigger's alone, and a person's own preferences (account.<name>.<user id>) are hers.
ALTER TABLE setting ENABLE ROW LEVEL SECURITY; ALTER TABLE setting FORCE ROW LEVEL SECURITY;
CREATE POLICY setting_read ON setting FOR SELECT USING (true);
CREATE POLICY setting_write ON setting FOR INSERT WITH CHECK (
  key <> 'audit.head' AND ((SELECT asysta.is_head()) OR (key LIKE 'account.%' AND key LIKE '%.' || (SELECT asysta.app_user_id()))));
CREATE POLICY setting_update ON setting FOR UPDATE USING (
  key <> 'audit.head' AND ((SELECT asysta.is_head()) OR (key LIKE 'account.%' AND key LIKE '%.' || (SELECT asysta.app_user_id()))));
CREATE POLICY setting_delete ON setting FOR DELETE USING (key <> 'audit.head' AND (SELECT asysta.is_head()));
`);
  return out.join('\n');
}

function grantsSql(r: ServerRoles): string {
  const all = ROLES.map((role) => ident(r.groups[role])).join(', ');
  const head = ident(r.groups.head);
  const writable = ['case_file', 'family', 'person', 'family_member', 'family_address', 'child_placement', ...CASE_TABLES, 'referral_declaration', 'referral', 'form_draft'];
  return `
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA asysta FROM PUBLIC;
GRANT USAGE ON SCHEMA asysta TO ${all};
GRANT SELECT ON asysta.schema_version, asysta.server_info TO ${all};
GRANT USAGE ON SCHEMA public TO ${all};
GRANT SELECT, INSERT, UPDATE, DELETE ON ${writable.join(', ')} TO ${all};
GRANT SELECT ON ${DERIVED_CASE_TABLES.join(', ')} TO ${all};
GRANT SELECT, INSERT ON document, audit_log TO ${all};
GRANT SELECT, INSERT, UPDATE, DELETE ON setting TO ${all};
GRANT SELECT ON ${OFFICE_TABLES.join(', ')} TO ${all};
GRANT INSERT, UPDATE ON ${OFFICE_TABLES.join(', ')} TO ${head};
GRANT SELECT ON "user" TO ${all};
GRANT INSERT (${USER_COLUMNS}), UPDATE (${USER_COLUMNS}) ON "user" TO ${head};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${all};
GRANT EXECUTE ON FUNCTION asysta.app_user_id(), asysta.is_head(), asysta.is_worker(), asysta.is_assistant(), asysta.my_cases(), asysta.my_assignments(),
  asysta.my_families(), asysta.my_persons(boolean), asysta.my_declarations(), asysta.change_own_password(text) TO ${all};
GRANT EXECUTE ON FUNCTION asysta.provision_login(text, text), asysta.set_password(text, text) TO ${head};
GRANT EXECUTE ON FUNCTION asysta.person_matches(text, text, text) TO ${head}, ${ident(r.groups.social_worker)};
GRANT USAGE ON SCHEMA asysta TO ${ident(r.setup)};
GRANT SELECT ON asysta.schema_version TO ${ident(r.setup)};
GRANT EXECUTE ON FUNCTION asysta.create_office(jsonb, jsonb, jsonb, text) TO ${ident(r.setup)};
`;
}

function functionsSql(r: ServerRoles): string {
  const group = (role: keyof ServerRoles['groups']) => literal(r.groups[role]);
  return `
-- Who is signed in: session_user (not current_user, which a SECURITY DEFINER function or SET ROLE changes).
CREATE FUNCTION asysta.app_user_id() RETURNS text LANGUAGE sql STABLE ${DEFINER} AS $$
  SELECT u.id FROM "user" u WHERE u.db_role = session_user AND u.active
$$;
CREATE FUNCTION asysta.is_head() RETURNS boolean LANGUAGE sql STABLE ${DEFINER} AS $$
  SELECT pg_has_role(session_user, ${group('head')}, 'MEMBER') AND asysta.app_user_id() IS NOT NULL
$$;
CREATE FUNCTION asysta.is_worker() RETURNS boolean LANGUAGE sql STABLE ${DEFINER} AS $$
  SELECT pg_has_role(session_user, ${group('social_worker')}, 'MEMBER') AND asysta.app_user_id() IS NOT NULL
$$;
CREATE FUNCTION asysta.is_assistant() RETURNS boolean LANGUAGE sql STABLE ${DEFINER} AS $$
  SELECT pg_has_role(session_user, ${group('family_assistant')}, 'MEMBER') AND asysta.app_user_id() IS NOT NULL
$$;

-- The record-level rules of shared/domain/roles.ts caseAccess, below the kierownik (who sees all):
-- a social worker the cases she leads, an assistant the cases of the families assigned to her now.
-- Who is asking is read once per statement (scalar subqueries), not once per row.
CREATE FUNCTION asysta.my_assignments() RETURNS SETOF text LANGUAGE sql STABLE ${DEFINER} AS $$
  SELECT a.case_id FROM assignment a
   WHERE (SELECT asysta.is_assistant()) AND a.assistant_id = (SELECT asysta.app_user_id()) AND a.ended_on IS NULL
$$;
CREATE FUNCTION asysta.my_cases() RETURNS SETOF text LANGUAGE sql STABLE ${DEFINER} AS $$
  SELECT c.id FROM case_file c WHERE (SELECT asysta.is_worker()) AND c.worker_id = (SELECT asysta.app_user_id())
  UNION
  SELECT asysta.my_assignments()
$$;
-- The families of those cases; for a social worker also a family with no case yet (an intake
-- writes the family before its case).
CREATE FUNCTION asysta.my_families() RETURNS SETOF text LANGUAGE sql STABLE ${DEFINER} AS $$
  SELECT c.family_id FROM case_file c WHERE c.id IN (SELECT asysta.my_cases())
  UNION
  SELECT f.id FROM family f WHERE (SELECT asysta.is_worker()) AND NOT EXISTS (SELECT 1 FROM case_file c WHERE c.family_id = f.id)
$$;
-- Persons of those families; for a social worker also a person in nobody's case (anyone may take
-- her into a new case) and, to read only, one with a food-aid referral (the register is the
-- office's: referrals.view).
CREATE FUNCTION asysta.my_persons(for_write boolean) RETURNS SETOF text LANGUAGE sql STABLE ${DEFINER} AS $$
  SELECT fm.person_id FROM family_member fm WHERE fm.family_id IN (SELECT asysta.my_families())
  UNION
  SELECT p.id FROM person p
   WHERE (SELECT asysta.is_worker())
     AND (NOT EXISTS (SELECT 1 FROM family_member fm JOIN case_file c ON c.family_id = fm.family_id WHERE fm.person_id = p.id)
          OR (NOT for_write AND (EXISTS (SELECT 1 FROM referral r WHERE r.person_id = p.id)
                                 OR EXISTS (SELECT 1 FROM referral_declaration d WHERE d.applicant_id = p.id))))
$$;
-- An assistant's share of the referral register: declarations with a member of her families.
CREATE FUNCTION asysta.my_declarations() RETURNS SETOF text LANGUAGE sql STABLE ${DEFINER} AS $$
  SELECT d.id FROM referral_declaration d, jsonb_array_elements(d.members::jsonb) m
   WHERE (SELECT asysta.is_assistant())
     AND (m.value ->> 'personId') IN (SELECT fm.person_id FROM family_member fm WHERE fm.family_id IN (SELECT asysta.my_families()))
$$;

-- Duplicate detection at intake (persons.checkDuplicates): office-wide, but only which persons
-- match and which workers lead their cases — never a name or a case's contents of someone else's
-- family; the app shows those only for the persons the user may read anyway.
CREATE FUNCTION asysta.person_matches(pesel text, name_key text, birth_date text)
RETURNS TABLE (person_id text, matched_by text, worker_ids text[]) LANGUAGE plpgsql STABLE ${DEFINER} AS $$
BEGIN
  IF NOT (asysta.is_head() OR asysta.is_worker()) THEN
    RAISE EXCEPTION 'Nie masz uprawnień do wyszukiwania osób w ośrodku.' USING ERRCODE = '42501';
  END IF;
  RETURN QUERY
    SELECT m.id, m.by, coalesce(array_agg(DISTINCT c.worker_id) FILTER (WHERE c.worker_id IS NOT NULL), '{}')
      FROM (SELECT p.id, 'pesel' AS by FROM person p WHERE person_matches.pesel IS NOT NULL AND p.pesel = person_matches.pesel
            UNION
            SELECT p.id, 'name_and_birth_date' FROM person p
             WHERE p.name_key = person_matches.name_key AND p.birth_date = person_matches.birth_date
               AND (person_matches.pesel IS NULL OR p.pesel IS DISTINCT FROM person_matches.pesel)) m
      LEFT JOIN family_member fm ON fm.person_id = m.id
      LEFT JOIN case_file c ON c.family_id = fm.family_id
     GROUP BY m.id, m.by;
END $$;

-- User management (the kierownik's users.manage). Passwords arrive as SCRAM verifiers made on
-- the client (roles.ts scramVerifier), never in clear.
CREATE FUNCTION asysta.require_verifier(verifier text) RETURNS void LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF verifier IS NULL OR verifier !~ '^SCRAM-SHA-256\\$[0-9]+:[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
    RAISE EXCEPTION 'Hasło musi przyjść jako weryfikator SCRAM-SHA-256.' USING ERRCODE = '22023';
  END IF;
END $$;

-- Group memberships and LOGIN follow the user row (roles, active), whoever changes it.
CREATE FUNCTION asysta.sync_login() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
DECLARE
  wanted jsonb := NEW.roles::jsonb;
BEGIN
  IF NEW.db_role IS NULL THEN RETURN NULL; END IF;
  ${ROLES.map(
    (role) => `IF wanted ? ${literal(role)} AND NEW.active THEN EXECUTE format('GRANT %I TO %I', ${group(role)}, NEW.db_role);
  ELSE EXECUTE format('REVOKE %I FROM %I', ${group(role)}, NEW.db_role); END IF;`,
  ).join('\n  ')}
  EXECUTE format('ALTER ROLE %I %s', NEW.db_role, CASE WHEN NEW.active THEN 'LOGIN' ELSE 'NOLOGIN' END);
  RETURN NULL;
END $$;
CREATE TRIGGER user_login AFTER INSERT OR UPDATE OF roles, active, db_role ON "user" FOR EACH ROW EXECUTE FUNCTION asysta.sync_login();

-- A new user's login role: "<prefix>.<login>", with her password's verifier.
CREATE FUNCTION asysta.provision_login(target text, verifier text) RETURNS text LANGUAGE plpgsql ${DEFINER} AS $$
DECLARE
  account "user"%ROWTYPE;
  role_name text;
BEGIN
  IF session_user <> ${literal(r.setup)} AND NOT asysta.is_head() THEN
    RAISE EXCEPTION 'Konta zakłada kierownik ośrodka.' USING ERRCODE = '42501';
  END IF;
  PERFORM asysta.require_verifier(verifier);
  SELECT * INTO account FROM "user" WHERE id = target FOR UPDATE;
  IF NOT FOUND THEN RAISE EXCEPTION 'Nie ma takiego użytkownika.' USING ERRCODE = '02000'; END IF;
  IF account.db_role IS NOT NULL THEN RAISE EXCEPTION 'Ten użytkownik ma już konto na serwerze.' USING ERRCODE = '42710'; END IF;
  role_name := ${literal(`${r.prefix}.`)} || account.login;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
    RAISE EXCEPTION 'Na serwerze jest już konto %.', role_name USING ERRCODE = '42710';
  END IF;
  EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', role_name, verifier);
  UPDATE "user" SET db_role = role_name WHERE id = target;
  RETURN role_name;
END $$;

CREATE FUNCTION asysta.set_password(target text, verifier text) RETURNS void LANGUAGE plpgsql ${DEFINER} AS $$
DECLARE
  role_name text;
BEGIN
  IF NOT asysta.is_head() THEN RAISE EXCEPTION 'Hasła innych osób ustawia kierownik ośrodka.' USING ERRCODE = '42501'; END IF;
  PERFORM asysta.require_verifier(verifier);
  SELECT db_role INTO role_name FROM "user" WHERE id = target;
  IF role_name IS NULL THEN RAISE EXCEPTION 'Ten użytkownik nie ma konta na serwerze.' USING ERRCODE = '02000'; END IF;
  EXECUTE format('ALTER ROLE %I PASSWORD %L', role_name, verifier);
END $$;

CREATE FUNCTION asysta.change_own_password(verifier text) RETURNS void LANGUAGE plpgsql ${DEFINER} AS $$
DECLARE
  role_name text;
BEGIN
  PERFORM asysta.require_verifier(verifier);
  SELECT db_role INTO role_name FROM "user" WHERE db_role = session_user AND active;
  IF role_name IS NULL THEN RAISE EXCEPTION 'To konto nie należy do ośrodka.' USING ERRCODE = '42501'; END IF;
  EXECUTE format('ALTER ROLE %I PASSWORD %L', role_name, verifier);
END $$;

-- The office's first step (cli init --server): the office row, the kierownik and her login role, and their audit entries (actor: the kierownik), once. The setup
-- role logs in only until then.
CREATE FUNCTION asysta.create_office(office jsonb, head jsonb, entries jsonb, verifier text) RETURNS text LANGUAGE plpgsql ${DEFINER} AS $$
DECLARE
  now_text text := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  head_id text := head ->> 'id';
  role_name text;
BEGIN
  IF EXISTS (SELECT 1 FROM office) THEN RAISE EXCEPTION 'Ośrodek na tym serwerze jest już założony.' USING ERRCODE = '42710'; END IF;
  INSERT INTO "user" (id, login, first_name, last_name, roles, active, created_at, created_by, updated_at, updated_by, version)
  VALUES (head_id, head ->> 'login', head ->> 'firstName', head ->> 'lastName', '["head"]', true, now_text, NULL, now_text, NULL, 1);
  INSERT INTO office (id, name, street, postal_code, city, gmina, place, created_at, created_by, updated_at, updated_by, version)
  VALUES (1, office ->> 'name', office ->> 'street', office ->> 'postalCode', office ->> 'city', office ->> 'gmina', office ->> 'place',
          now_text, head_id, now_text, head_id, 1);
  INSERT INTO audit_log (at, actor_id, action, entity_type, entity_id, case_id, details, prev_hash, hash)
  SELECT '', head_id, e ->> 'action', e ->> 'entity_type', e ->> 'entity_id', NULL, e ->> 'details', '', ''
    FROM jsonb_array_elements(entries) WITH ORDINALITY AS x(e, n) ORDER BY n;
  role_name := asysta.provision_login(head_id, verifier);
  EXECUTE format('ALTER ROLE %I NOLOGIN', ${literal(r.setup)});
  RETURN role_name;
END $$;
`;
}

/**
 * Access enforced in the database (issue 18, item 3): the group roles, the functions the
 * policies call, forced row-level security on every table with family data, the grants, and
 * the functions user management calls.
 */
export const access: ServerSchemaStep = {
  version: 2,
  name: 'role i dostęp do wierszy',
  asSuperuser: (r) => `
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal(r.setup)}) THEN CREATE ROLE ${ident(r.setup)} NOLOGIN; END IF;
END $$;
${groupsSql(r)}
DO $$ BEGIN
  EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO ${ROLES.map((role) => ident(r.groups[role]).replace(/%/g, '%%')).join(', ')}, ${ident(r.setup)}', current_database());
END $$;
GRANT ${ROLES.map((role) => ident(r.groups[role])).join(', ')}, ${ident(r.setup)} TO ${ident(r.owner)} WITH ADMIN OPTION;
`,
  sql: (r) => `${functionsSql(r)}\n${policiesSql()}\n${grantsSql(r)}`,
};
