import { ROLES } from '../../../../shared/domain/roles';
import { ident, type ServerRoles } from '../roles';
import type { ServerSchemaStep } from './step';

/**
 * Search on the server (issue 18, item 5) with the embedded index's folding
 * (shared/domain/text.ts fold: "Zolc" finds "Żółć"): `unaccent` behind an IMMUTABLE wrapper
 * (asysta.fold), a tsvector per case generated from the folded text, a GIN index, and prefix
 * queries (electron/data/postgres/search.ts builds them like ftsQuery). The database keeps the
 * index itself: triggers on cases, families, members and persons rewrite a case's document in
 * the same transaction (the embedded search-index.ts rules: the applicant's label, the members'
 * names, PESEL and document numbers, the address without "ul.", the case number). The tables are
 * under row-level security like any family data; the search runs in asysta.search_cases, which
 * returns only the cases its caller may open.
 */
export const search: ServerSchemaStep = {
  version: 5,
  name: 'wyszukiwanie',
  asSuperuser: () => 'CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;',
  sql: (r: ServerRoles) => `
CREATE FUNCTION asysta.fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, value)), '\\s+', ' ', 'g'))
$$;
-- The words of folded text: every run of letters and digits ("OPS.AR.12.2026" → "ops ar 12 2026").
CREATE FUNCTION asysta.search_words(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT btrim(regexp_replace(asysta.fold(value), '[^[:alnum:]]+', ' ', 'g'))
$$;

CREATE TABLE case_search (
  doc_id integer PRIMARY KEY REFERENCES search_doc(id) ON DELETE CASCADE,
  names text NOT NULL,
  ids text NOT NULL,
  address text NOT NULL,
  number text NOT NULL,
  document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', asysta.search_words(names)), 'A')
    || setweight(to_tsvector('simple', asysta.search_words(ids)), 'A')
    || setweight(to_tsvector('simple', asysta.search_words(number)), 'B')
    || setweight(to_tsvector('simple', asysta.search_words(address)), 'C')
  ) STORED
);
CREATE INDEX case_search_document ON case_search USING gin (document);
ALTER TABLE case_search ENABLE ROW LEVEL SECURITY; ALTER TABLE case_search FORCE ROW LEVEL SECURITY;
CREATE POLICY visible_docs ON case_search FOR SELECT USING (doc_id IN (SELECT d.id FROM search_doc d));
GRANT SELECT ON case_search TO ${ROLES.map((role) => ident(r.groups[role])).join(', ')};
GRANT EXECUTE ON FUNCTION asysta.fold(text), asysta.search_words(text) TO ${ROLES.map((role) => ident(r.groups[role])).join(', ')};

-- The search itself: ranked on the GIN index, then limited to the cases the caller may open (the
-- kierownik all, else asysta.my_cases()). A function of the owner's, because row-level security
-- would keep the planner from the index (@@ is not leakproof) and filter three tables per row.
CREATE FUNCTION asysta.search_cases(query text, lim integer)
RETURNS TABLE ("caseId" text, number text, status text, "familyName" text, members text, address text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  WITH q AS (SELECT to_tsquery('simple', query) AS q),
  mine AS MATERIALIZED (SELECT asysta.my_cases() AS case_id)
  SELECT d.case_id, c.number, c.status, d.family_name, d.members, d.address
    FROM (SELECT s.doc_id, ts_rank(s.document, q.q) AS score
            FROM case_search s CROSS JOIN q
            JOIN search_doc sd ON sd.id = s.doc_id
           WHERE s.document @@ q.q
             AND ((SELECT asysta.is_head()) OR sd.case_id IN (SELECT mine.case_id FROM mine))
           ORDER BY score DESC, s.doc_id
           LIMIT least(lim, 200)) r
    JOIN search_doc d ON d.id = r.doc_id
    JOIN case_file c ON c.id = d.case_id
   ORDER BY r.score DESC, d.family_name, c.number
$$;
GRANT EXECUTE ON FUNCTION asysta.search_cases(text, integer) TO ${ROLES.map((role) => ident(r.groups[role])).join(', ')};

CREATE FUNCTION asysta.reindex_case(target text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  head record;
  doc integer;
BEGIN
  SELECT c.number, c.family_id, f.street, f.postal_code, f.city INTO head FROM case_file c JOIN family f ON f.id = c.family_id WHERE c.id = target;
  IF NOT FOUND THEN RETURN; END IF;
  WITH m AS (
    SELECT p.first_name, p.last_name, p.pesel, p.document_number, fm.relation, fm.position
      FROM family_member fm JOIN person p ON p.id = fm.person_id WHERE fm.family_id = head.family_id
  )
  INSERT INTO search_doc (case_id, family_name, members, address)
  VALUES (
    target,
    coalesce((SELECT m.last_name || ' ' || m.first_name FROM m ORDER BY m.relation = 'applicant' DESC, m.position LIMIT 1), '—'),
    coalesce((SELECT '[' || string_agg(to_json(m.last_name || ' ' || m.first_name)::text, ',' ORDER BY m.position) || ']' FROM m), '[]'),
    head.street || ', ' || head.postal_code || ' ' || head.city
  )
  ON CONFLICT (case_id) DO UPDATE SET family_name = excluded.family_name, members = excluded.members, address = excluded.address
  RETURNING id INTO doc;
  INSERT INTO case_search (doc_id, names, ids, address, number)
  SELECT doc,
         coalesce(string_agg(p.first_name || ' ' || p.last_name, ' ' ORDER BY fm.position), ''),
         coalesce(string_agg(concat_ws(' ', p.pesel, p.document_number), ' ' ORDER BY fm.position), ''),
         regexp_replace(head.street, '^\\s*(ul|al|os|pl)\\.\\s*', '', 'i') || ' ' || head.postal_code || ' ' || head.city,
         head.number
    FROM family_member fm JOIN person p ON p.id = fm.person_id WHERE fm.family_id = head.family_id
  ON CONFLICT (doc_id) DO UPDATE SET names = excluded.names, ids = excluded.ids, address = excluded.address, number = excluded.number;
END $$;

CREATE FUNCTION asysta.reindex_trigger() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  target text;
  row_data jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
BEGIN
  FOR target IN
    SELECT c.id FROM case_file c
     WHERE CASE TG_TABLE_NAME
             WHEN 'case_file' THEN c.id = row_data ->> 'id'
             WHEN 'family' THEN c.family_id = row_data ->> 'id'
             WHEN 'family_member' THEN c.family_id = row_data ->> 'family_id'
             WHEN 'person' THEN c.family_id IN (SELECT fm.family_id FROM family_member fm WHERE fm.person_id = row_data ->> 'id')
           END
  LOOP
    PERFORM asysta.reindex_case(target);
  END LOOP;
  RETURN NULL;
END $$;
CREATE TRIGGER search_case AFTER INSERT OR UPDATE OF number, family_id ON case_file FOR EACH ROW EXECUTE FUNCTION asysta.reindex_trigger();
CREATE TRIGGER search_family AFTER UPDATE OF street, postal_code, city ON family FOR EACH ROW EXECUTE FUNCTION asysta.reindex_trigger();
CREATE TRIGGER search_member AFTER INSERT OR UPDATE OR DELETE ON family_member FOR EACH ROW EXECUTE FUNCTION asysta.reindex_trigger();
CREATE TRIGGER search_person AFTER UPDATE OF first_name, last_name, pesel, document_number ON person FOR EACH ROW EXECUTE FUNCTION asysta.reindex_trigger();
`,
};
