import type { ServerSchemaStep } from './step';

const tracked = `created_at text NOT NULL, created_by text REFERENCES "user"(id), updated_at text NOT NULL,
  updated_by text REFERENCES "user"(id), version integer NOT NULL`;

/**
 * The tables of the embedded schema's end state (electron/db/migrations 0001–0015) in
 * PostgreSQL's dialect, with the same table and column names so that the TypeORM entities
 * (electron/db/entities.ts) map onto both. Differences, each forced by the engine:
 * - `user` is a reserved word and is quoted;
 * - SQLite's `real` (8 bytes) is `double precision`, `blob` is `bytea`;
 * - flags SQLite keeps as integer 0/1 (the FEPŻ partners' `active`, `reason_in_letter`) are
 *   `boolean`, their entities' type;
 * - `search_doc.id` is an identity column (SQLite's INTEGER PRIMARY KEY assigned it); the FTS5
 *   table `case_search` has its own PostgreSQL form in 0005-search;
 * - the work tray's derived rows (signed_plan_task, running_contract_action) are kept by
 *   PL/pgSQL triggers reading the JSON with jsonb functions instead of json_each;
 * - `user.db_role` names the person's login role on the server (0002-access).
 * Dates stay ISO text as in SQLite: the services compare and store them as strings.
 */
export const tables: ServerSchemaStep = {
  version: 1,
  name: 'tabele',
  sql: () => `
CREATE TABLE office (
  id integer PRIMARY KEY CHECK (id = 1),
  name text NOT NULL,
  street text NOT NULL,
  postal_code text NOT NULL,
  city text NOT NULL,
  gmina text NOT NULL,
  created_at text NOT NULL,
  created_by text,
  updated_at text NOT NULL,
  updated_by text,
  version integer NOT NULL,
  place text
);
CREATE TABLE setting (
  key text PRIMARY KEY,
  value text NOT NULL,
  updated_at text NOT NULL,
  updated_by text
);
CREATE TABLE "user" (
  id text PRIMARY KEY,
  login text NOT NULL UNIQUE,
  first_name text NOT NULL,
  last_name text NOT NULL,
  roles text NOT NULL,
  active boolean NOT NULL,
  created_at text NOT NULL,
  created_by text REFERENCES "user"(id),
  updated_at text NOT NULL,
  updated_by text REFERENCES "user"(id),
  version integer NOT NULL,
  office_phone text,
  db_role text UNIQUE
);
CREATE TABLE audit_log (
  id integer PRIMARY KEY,
  at text NOT NULL,
  actor_id text,
  action text NOT NULL,
  entity_type text,
  entity_id text,
  case_id text,
  details text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log (actor_id, id);
CREATE INDEX audit_log_case ON audit_log (case_id, id);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TABLE family (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('single', 'family')),
  street text NOT NULL,
  postal_code text NOT NULL,
  city text NOT NULL,
  rural boolean NOT NULL,
  farm_hectares double precision NOT NULL CHECK (farm_hectares >= 0),
  housing text NOT NULL,
  ${tracked}
);
CREATE TABLE person (
  id text PRIMARY KEY,
  pesel text UNIQUE,
  document_type text,
  document_number text,
  first_name text NOT NULL,
  last_name text NOT NULL,
  birth_date text NOT NULL,
  sex text NOT NULL CHECK (sex IN ('F', 'M')),
  citizenship text NOT NULL,
  phone text,
  name_key text NOT NULL,
  ${tracked},
  CHECK (pesel IS NOT NULL OR (document_type IS NOT NULL AND document_number IS NOT NULL))
);
CREATE INDEX person_name_birth ON person (name_key, birth_date);
CREATE TABLE family_member (
  id text PRIMARY KEY,
  family_id text NOT NULL REFERENCES family(id),
  person_id text NOT NULL REFERENCES person(id),
  position integer NOT NULL,
  relation text NOT NULL,
  in_household boolean NOT NULL,
  member_from text,
  member_to text,
  child_whereabouts text,
  ${tracked},
  UNIQUE (family_id, person_id)
);
CREATE INDEX family_member_person ON family_member (person_id);
CREATE TABLE case_file (
  id text PRIMARY KEY,
  number text NOT NULL UNIQUE,
  family_id text NOT NULL REFERENCES family(id),
  status text NOT NULL,
  reported_on text NOT NULL,
  source text NOT NULL,
  source_details text NOT NULL,
  report text NOT NULL,
  urgent boolean NOT NULL,
  minor_parent boolean NOT NULL,
  reasons text NOT NULL,
  worker_id text NOT NULL REFERENCES "user"(id),
  interview_due text NOT NULL,
  consent_on text,
  closure_reason text,
  closure_note text,
  ${tracked},
  closure_proposed_on text,
  monitoring_until text,
  monitoring_ended_on text,
  closed_on text,
  court_order_court text,
  court_order_reference text,
  court_order_on text
);
CREATE INDEX case_file_worker ON case_file (worker_id, status);
CREATE INDEX case_file_family ON case_file (family_id);
CREATE INDEX case_file_status ON case_file (status);
CREATE INDEX case_file_status_id ON case_file (status, id);
CREATE INDEX case_file_reported ON case_file (reported_on, id);
CREATE TABLE interview (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES case_file(id),
  kind text NOT NULL CHECK (kind IN ('full', 'update')),
  form_version text NOT NULL,
  conducted_on text,
  place text NOT NULL,
  worker_id text NOT NULL REFERENCES "user"(id),
  segments text NOT NULL,
  documents text NOT NULL,
  income text NOT NULL,
  income_result text,
  status text NOT NULL CHECK (status IN ('draft', 'completed')),
  completed_at text,
  ${tracked},
  asset_statement text
);
CREATE INDEX interview_case ON interview (case_id);
CREATE INDEX interview_case_completed ON interview (case_id, status, conducted_on);
CREATE INDEX interview_conducted ON interview (status, conducted_on, kind, case_id);
CREATE TABLE analysis (
  id text PRIMARY KEY,
  case_id text NOT NULL UNIQUE REFERENCES case_file(id),
  reasons text NOT NULL,
  strengths text NOT NULL,
  resources text NOT NULL,
  conclusions text NOT NULL,
  outcome text CHECK (outcome IN ('social_work', 'assistant')),
  consent_on text,
  ${tracked},
  consent_persons text NOT NULL DEFAULT '[]',
  earlier_help text NOT NULL DEFAULT '',
  children_legal text NOT NULL DEFAULT ''
);
CREATE TABLE assistant_request (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES case_file(id),
  justification text NOT NULL,
  filed_on text NOT NULL,
  filed_by text NOT NULL REFERENCES "user"(id),
  status text NOT NULL CHECK (status IN ('pending', 'assigned', 'referred', 'returned')),
  decision_note text,
  referral_target text,
  referral_organisation text,
  decided_by text REFERENCES "user"(id),
  decided_on text,
  ${tracked},
  decision_due text,
  kind text NOT NULL DEFAULT 'voluntary' CHECK (kind IN ('voluntary', 'minor_parent', 'court_obliged'))
);
CREATE INDEX assistant_request_status ON assistant_request (status, filed_on);
CREATE TABLE assignment (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES case_file(id),
  assistant_id text NOT NULL REFERENCES "user"(id),
  assigned_on text NOT NULL,
  ended_on text,
  ${tracked},
  reason text,
  end_reason text,
  reason_in_letter boolean NOT NULL DEFAULT false
);
CREATE INDEX assignment_assistant ON assignment (assistant_id, ended_on);
CREATE INDEX assignment_case ON assignment (case_id);
CREATE INDEX assignment_case_assigned ON assignment (case_id, assigned_on);
CREATE TABLE case_event (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES case_file(id),
  occurred_on text NOT NULL,
  kind text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  significant boolean NOT NULL,
  author_id text REFERENCES "user"(id),
  ref_type text,
  ref_id text,
  created_at text NOT NULL
);
CREATE INDEX case_event_case ON case_event (case_id, occurred_on);
CREATE TABLE form_draft (
  user_id text NOT NULL REFERENCES "user"(id),
  key text NOT NULL,
  data text NOT NULL,
  updated_at text NOT NULL,
  PRIMARY KEY (user_id, key)
);
CREATE TABLE counter (
  name text PRIMARY KEY,
  value integer NOT NULL
);

CREATE TABLE contract (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES case_file(id),
  variant text NOT NULL CHECK (variant IN ('A', 'B')),
  status text NOT NULL,
  client_ids text NOT NULL,
  worker_id text NOT NULL REFERENCES "user"(id),
  causes text NOT NULL,
  possibilities text NOT NULL,
  limitations text NOT NULL,
  main_goal text NOT NULL,
  partial_goals text NOT NULL,
  actions text NOT NULL,
  period_from text NOT NULL,
  period_to text NOT NULL,
  signed_on text,
  outcome text,
  outcome_note text,
  terminated_on text,
  termination_reason text,
  ${tracked},
  labour_market text
);
CREATE INDEX contract_case ON contract (case_id);
CREATE INDEX contract_period ON contract (period_from, period_to, status);
CREATE INDEX contract_signed ON contract (signed_on);
CREATE TABLE plan (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES case_file(id),
  number integer NOT NULL,
  type text NOT NULL CHECK (type IN ('standard', 'coordinated')),
  coordinator text NOT NULL,
  areas text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'awaiting_approval', 'signed', 'superseded')),
  signed_on text,
  assistant_id text NOT NULL REFERENCES "user"(id),
  ${tracked},
  diagnosis text NOT NULL DEFAULT '',
  short_term_goals text NOT NULL DEFAULT '',
  long_term_goals text NOT NULL DEFAULT '',
  review text NOT NULL DEFAULT '',
  approved_on text,
  approved_by text,
  returned_reason text,
  UNIQUE (case_id, number)
);
CREATE INDEX plan_status ON plan (status, case_id);
CREATE TABLE visit (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES case_file(id),
  visited_on text NOT NULL,
  place text NOT NULL,
  participants text NOT NULL,
  topics text NOT NULL,
  agreed text NOT NULL,
  author_id text NOT NULL REFERENCES "user"(id),
  ${tracked},
  planned boolean NOT NULL DEFAULT false,
  kind text NOT NULL DEFAULT 'home'
);
CREATE INDEX visit_case ON visit (case_id, visited_on);
CREATE INDEX visit_due ON visit (planned, visited_on);
CREATE TABLE assessment (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES case_file(id),
  assessed_on text NOT NULL,
  period_from text NOT NULL,
  period_to text NOT NULL,
  progress text NOT NULL,
  changes text NOT NULL,
  recommendation text NOT NULL,
  author_id text NOT NULL REFERENCES "user"(id),
  ${tracked},
  cooperation text NOT NULL DEFAULT '',
  children_situation text NOT NULL DEFAULT '',
  conclusions text NOT NULL DEFAULT '',
  handed_on text,
  handover_status text NOT NULL DEFAULT 'recorded',
  handed_by text,
  received_on text,
  received_by text
);
CREATE INDEX assessment_case ON assessment (case_id, assessed_on);
CREATE INDEX assessment_handover ON assessment (handover_status, case_id);

CREATE TABLE search_doc (
  id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  case_id text NOT NULL UNIQUE REFERENCES case_file(id),
  family_name text NOT NULL,
  members text NOT NULL,
  address text NOT NULL
);

CREATE TABLE signed_plan_task (
  plan_id text NOT NULL,
  case_id text NOT NULL,
  case_status text NOT NULL,
  description text NOT NULL,
  deadline text NOT NULL,
  status text NOT NULL
);
CREATE INDEX signed_plan_task_plan ON signed_plan_task (plan_id);
CREATE INDEX signed_plan_task_case ON signed_plan_task (case_id, status, deadline);
CREATE INDEX signed_plan_task_due ON signed_plan_task (case_status, status, deadline);
CREATE TABLE running_contract_action (
  contract_id text NOT NULL,
  case_id text NOT NULL,
  case_status text NOT NULL,
  description text NOT NULL,
  deadline text NOT NULL,
  status text NOT NULL
);
CREATE INDEX running_contract_action_contract ON running_contract_action (contract_id);
CREATE INDEX running_contract_action_case ON running_contract_action (case_id, status, deadline);
CREATE INDEX running_contract_action_due ON running_contract_action (case_status, status, deadline);

-- The tray's rows follow plans and kontrakty in the same transaction, whichever client writes
-- (the same rules as the embedded migration 0005's triggers). SECURITY DEFINER: the derived rows
-- are written whatever the writer's own grants on them (none: clients only read them).
CREATE FUNCTION asysta.plan_tasks_sync() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $fn$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM signed_plan_task WHERE plan_id = OLD.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'signed' THEN
    INSERT INTO signed_plan_task (plan_id, case_id, case_status, description, deadline, status)
    SELECT NEW.id, NEW.case_id, (SELECT c.status FROM case_file c WHERE c.id = NEW.case_id), t.value ->> 'description', t.value ->> 'deadline', t.value ->> 'status'
      FROM jsonb_array_elements(NEW.areas::jsonb) ar, jsonb_array_elements(ar.value -> 'goals') g, jsonb_array_elements(g.value -> 'tasks') t;
  END IF;
  RETURN NULL;
END $fn$;
CREATE TRIGGER plan_tasks_insert AFTER INSERT ON plan FOR EACH ROW EXECUTE FUNCTION asysta.plan_tasks_sync();
CREATE TRIGGER plan_tasks_update AFTER UPDATE OF id, case_id, status, areas ON plan FOR EACH ROW EXECUTE FUNCTION asysta.plan_tasks_sync();
CREATE TRIGGER plan_tasks_delete AFTER DELETE ON plan FOR EACH ROW EXECUTE FUNCTION asysta.plan_tasks_sync();

CREATE FUNCTION asysta.contract_actions_sync() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $fn$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM running_contract_action WHERE contract_id = OLD.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status IN ('signed', 'in_progress') THEN
    INSERT INTO running_contract_action (contract_id, case_id, case_status, description, deadline, status)
    SELECT NEW.id, NEW.case_id, (SELECT c.status FROM case_file c WHERE c.id = NEW.case_id), a.value ->> 'description', a.value ->> 'deadline', a.value ->> 'status'
      FROM jsonb_array_elements(NEW.actions::jsonb) a;
  END IF;
  RETURN NULL;
END $fn$;
CREATE TRIGGER contract_actions_insert AFTER INSERT ON contract FOR EACH ROW EXECUTE FUNCTION asysta.contract_actions_sync();
CREATE TRIGGER contract_actions_update AFTER UPDATE OF id, case_id, status, actions ON contract FOR EACH ROW EXECUTE FUNCTION asysta.contract_actions_sync();
CREATE TRIGGER contract_actions_delete AFTER DELETE ON contract FOR EACH ROW EXECUTE FUNCTION asysta.contract_actions_sync();

CREATE FUNCTION asysta.case_status_to_items() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $fn$
BEGIN
  UPDATE signed_plan_task SET case_status = NEW.status WHERE case_id = NEW.id;
  UPDATE running_contract_action SET case_status = NEW.status WHERE case_id = NEW.id;
  RETURN NULL;
END $fn$;
CREATE TRIGGER case_status_to_items AFTER UPDATE OF status ON case_file FOR EACH ROW EXECUTE FUNCTION asysta.case_status_to_items();

CREATE TABLE document (
  id text PRIMARY KEY,
  case_id text REFERENCES case_file(id),
  kind text NOT NULL,
  subject_id text NOT NULL,
  number text NOT NULL UNIQUE,
  version integer NOT NULL CHECK (version >= 1),
  template_version text NOT NULL,
  model_hash text NOT NULL CHECK (length(model_hash) = 64),
  bytes bytea NOT NULL,
  sha256 text NOT NULL CHECK (length(sha256) = 64),
  size integer NOT NULL,
  pages integer NOT NULL,
  issued_on text NOT NULL,
  issued_by text NOT NULL REFERENCES "user"(id),
  issued_at text NOT NULL,
  dated text,
  UNIQUE (kind, subject_id, version)
);
CREATE INDEX document_case ON document (case_id, issued_at);
CREATE FUNCTION asysta.document_immutable() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'document register rows are immutable';
END $fn$;
CREATE TRIGGER document_no_update BEFORE UPDATE ON document FOR EACH ROW EXECUTE FUNCTION asysta.document_immutable();
CREATE TRIGGER document_no_delete BEFORE DELETE ON document FOR EACH ROW EXECUTE FUNCTION asysta.document_immutable();
CREATE TRIGGER document_no_truncate BEFORE TRUNCATE ON document FOR EACH STATEMENT EXECUTE FUNCTION asysta.document_immutable();

CREATE TABLE court_request (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES case_file(id),
  court text NOT NULL,
  division text NOT NULL,
  case_reference text NOT NULL,
  received_on text NOT NULL,
  asks text NOT NULL CHECK (asks IN ('opinion', 'case_file', 'both')),
  deadline text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'answered')),
  answered_on text,
  notes text NOT NULL,
  ${tracked},
  court_address text NOT NULL DEFAULT '',
  letter_on text
);
CREATE INDEX court_request_case ON court_request (case_id, status, deadline);
CREATE INDEX court_request_due ON court_request (status, deadline);
CREATE TABLE court_opinion (
  id text PRIMARY KEY,
  request_id text NOT NULL UNIQUE REFERENCES court_request(id),
  case_id text NOT NULL REFERENCES case_file(id),
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'issued')),
  sections text NOT NULL,
  author_id text NOT NULL REFERENCES "user"(id),
  submitted_on text,
  approved_by text REFERENCES "user"(id),
  approved_on text,
  returned_reason text,
  document_number text UNIQUE,
  document_id text,
  issued_on text,
  sha256 text,
  ${tracked}
);
CREATE INDEX court_opinion_case ON court_opinion (case_id);

CREATE TABLE family_address (
  id text PRIMARY KEY,
  family_id text NOT NULL REFERENCES family(id),
  street text NOT NULL,
  postal_code text NOT NULL,
  city text NOT NULL,
  rural boolean NOT NULL,
  from_on text,
  to_on text,
  ${tracked}
);
CREATE INDEX family_address_family ON family_address (family_id, from_on);
CREATE TABLE child_placement (
  id text PRIMARY KEY,
  member_id text NOT NULL REFERENCES family_member(id),
  whereabouts text NOT NULL,
  from_on text NOT NULL,
  to_on text,
  note text NOT NULL,
  ${tracked}
);
CREATE INDEX child_placement_member ON child_placement (member_id, from_on);
CREATE TABLE worker_assignment (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES case_file(id),
  worker_id text NOT NULL REFERENCES "user"(id),
  from_on text NOT NULL,
  to_on text,
  reason text NOT NULL,
  end_reason text,
  ${tracked},
  reason_in_letter boolean NOT NULL DEFAULT false
);
CREATE INDEX worker_assignment_case ON worker_assignment (case_id, from_on);

CREATE TABLE food_aid_threshold (
  valid_from text PRIMARY KEY,
  percent integer NOT NULL CHECK (percent BETWEEN 100 AND 1000),
  legal_source text NOT NULL,
  created_at text NOT NULL,
  created_by text REFERENCES "user"(id)
);
INSERT INTO food_aid_threshold VALUES
  ('2020-11-26', 220, 'Program Operacyjny Pomoc Żywnościowa 2014–2020', '2026-12-01T00:00:00.000Z', NULL),
  ('2023-05-15', 235, 'Program Operacyjny Pomoc Żywnościowa 2014–2020 (zmiana kryterium)', '2026-12-01T00:00:00.000Z', NULL),
  ('2024-02-12', 265, 'Program Fundusze Europejskie na Pomoc Żywnościową 2021–2027', '2026-12-01T00:00:00.000Z', NULL);
CREATE TABLE referral_subprogramme (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  valid_until text NOT NULL CHECK (length(valid_until) = 10),
  ${tracked}
);
CREATE TABLE partner_organisation (
  id text PRIMARY KEY,
  name text NOT NULL,
  address text NOT NULL,
  phone text NOT NULL,
  active boolean NOT NULL,
  ${tracked}
);
CREATE TABLE distribution_point (
  id text PRIMARY KEY,
  partner_id text NOT NULL REFERENCES partner_organisation(id),
  name text NOT NULL,
  address text NOT NULL,
  hours text NOT NULL,
  active boolean NOT NULL,
  ${tracked}
);
CREATE INDEX distribution_point_partner ON distribution_point (partner_id);
CREATE TABLE referral_declaration (
  id text PRIMARY KEY,
  declared_on text NOT NULL,
  source text NOT NULL CHECK (source IN ('declaration', 'interview')),
  interview_id text REFERENCES interview(id),
  case_id text REFERENCES case_file(id),
  applicant_id text NOT NULL REFERENCES person(id),
  members text NOT NULL,
  household_size integer NOT NULL CHECK (household_size >= 1),
  income text NOT NULL,
  reasons text NOT NULL,
  ${tracked}
);
CREATE TABLE referral (
  id text PRIMARY KEY,
  programme text NOT NULL CHECK (programme IN ('fepz', 'shop')),
  subprogramme_id text REFERENCES referral_subprogramme(id),
  number text NOT NULL UNIQUE,
  document_id text NOT NULL,
  declaration_id text NOT NULL REFERENCES referral_declaration(id),
  person_id text NOT NULL REFERENCES person(id),
  household_size integer NOT NULL CHECK (household_size >= 1),
  per_person_gr integer NOT NULL,
  threshold_gr integer NOT NULL,
  eligibility text NOT NULL,
  admitted_group text,
  partner_id text REFERENCES partner_organisation(id),
  point_id text REFERENCES distribution_point(id),
  valid_until text NOT NULL,
  issued_on text NOT NULL,
  issued_by text NOT NULL REFERENCES "user"(id),
  status text NOT NULL CHECK (status IN ('issued', 'cancelled')),
  duplicate_reason text,
  cancel_reason text,
  cancelled_on text,
  cancelled_by text REFERENCES "user"(id),
  ${tracked},
  CHECK (programme = 'shop' OR subprogramme_id IS NOT NULL),
  CHECK (status = 'issued' OR cancel_reason IS NOT NULL)
);
CREATE INDEX referral_register ON referral (programme, subprogramme_id, issued_on);
CREATE INDEX referral_person ON referral (person_id, programme, status);
CREATE INDEX referral_declaration_applicant ON referral_declaration (applicant_id);
`,
};
