import { ROLES } from '../../../../shared/domain/roles';
import { GENESIS_HASH } from '../../audit-chain';
import { ident, literal, type ServerRoles } from '../roles';
import type { ServerSchemaStep } from './step';

/**
 * The audit trail computed by the database (issue 18, item 4). A BEFORE INSERT trigger takes a
 * transaction-scoped advisory lock (so appends are serialised until commit), reads the last
 * entry, and sets the new entry's number, time, previous hash and hash — whatever the client
 * sent for them. The hash is sha256 over the same canonical form electron/services/audit.ts
 * entryHash uses: the JSON array [id, at, actorId, action, entityType, entityId, caseId, details,
 * prevHash] with JSON.stringify's escaping (to_json gives the same for text and integers), so the
 * one `verify` checks a chain from either engine. It keeps `audit.head` in `setting` as the
 * embedded service does. UPDATE, DELETE and TRUNCATE are granted to nobody, and triggers refuse
 * them for any role but the schema owner (migrations).
 */
export const AUDIT_LOCK_KEY = 0x41756469; // "Audi"

const json = (expr: string) => `coalesce(to_json(${expr})::text, 'null')`;

export const audit: ServerSchemaStep = {
  version: 3,
  name: 'dziennik zdarzeń liczony w bazie',
  sql: (r: ServerRoles) => `
CREATE FUNCTION asysta.audit_canonical(id integer, at text, actor_id text, action text, entity_type text, entity_id text, case_id text, details text, prev_hash text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT '[' || id::text || ',' || ${json('at')} || ',' || ${json('actor_id')} || ',' || ${json('action')} || ',' || ${json('entity_type')}
      || ',' || ${json('entity_id')} || ',' || ${json('case_id')} || ',' || ${json('details')} || ',' || ${json('prev_hash')} || ']'
$$;
CREATE FUNCTION asysta.audit_hash(canonical text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to(canonical, 'UTF8')), 'hex')
$$;

CREATE FUNCTION asysta.audit_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  last_id integer;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(${AUDIT_LOCK_KEY});
  SELECT a.id, a.hash INTO last_id, last_hash FROM audit_log a ORDER BY a.id DESC LIMIT 1;
  NEW.id := coalesce(last_id, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, ${literal(GENESIS_HASH)});
  NEW.at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  IF NEW.details IS NULL THEN NEW.details := '{}'; END IF;
  NEW.hash := asysta.audit_hash(asysta.audit_canonical(NEW.id, NEW.at, NEW.actor_id, NEW.action, NEW.entity_type, NEW.entity_id, NEW.case_id, NEW.details, NEW.prev_hash));
  INSERT INTO setting (key, value, updated_at, updated_by)
  VALUES ('audit.head', json_build_object('id', NEW.id, 'hash', NEW.hash)::text, NEW.at, NEW.actor_id)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION asysta.audit_chain();

CREATE FUNCTION asysta.audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_user <> ${literal(r.owner)} THEN
    RAISE EXCEPTION 'Dziennika zdarzeń nie można zmieniać ani usuwać z niego wpisów.' USING ERRCODE = '42501';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION asysta.audit_append_only();
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION asysta.audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION asysta.audit_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC, ${ROLES.map((role) => ident(r.groups[role])).join(', ')};
`,
};
