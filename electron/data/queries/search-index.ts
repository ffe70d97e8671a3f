/**
 * The search index's SQL (services/search-index.ts says what goes into it). On SQLite the service
 * writes each case's document itself, folded in TypeScript (FTS5 cannot fold ł → l); on the
 * office server the database's triggers write it (server schema step 0005), in the same
 * transaction as the change, whichever client makes it — so the writes here are SQLite's only.
 */
import type { EntityManager } from 'typeorm';
import { execute, queryAll, queryOne } from '../sql';

export interface CaseHead {
  number: string;
  familyId: string;
  street: string;
  postalCode: string;
  city: string;
}

export interface MemberRow {
  firstName: string;
  lastName: string;
  pesel: string | null;
  documentNumber: string | null;
  relation: string;
}

/** search_doc: the case's label for result lists and the tray. */
export interface SearchDoc {
  familyName: string;
  /** JSON array of "Nazwisko Imię". */
  members: string;
  address: string;
}

/** The FTS5 document: folded text per column. */
export interface FtsDoc {
  names: string;
  ids: string;
  address: string;
  number: string;
}

export async function caseHead(m: EntityManager, caseId: string): Promise<CaseHead | undefined> {
  return queryOne<CaseHead>(
    m,
    `SELECT c.number AS number, c.family_id AS "familyId", f.street AS street, f.postal_code AS "postalCode", f.city AS city
       FROM case_file c JOIN family f ON f.id = c.family_id WHERE c.id = ?`,
    [caseId],
  );
}

export async function familyMembers(m: EntityManager, familyId: string): Promise<MemberRow[]> {
  return queryAll<MemberRow>(
    m,
    `SELECT p.first_name AS "firstName", p.last_name AS "lastName", p.pesel AS pesel, p.document_number AS "documentNumber", fm.relation AS relation
       FROM family_member fm JOIN person p ON p.id = fm.person_id WHERE fm.family_id = ? ORDER BY fm.position`,
    [familyId],
  );
}

/** Writes the case's label and its FTS5 document (SQLite; search_doc.id stays the case's FTS rowid). */
export async function writeSearchDoc(m: EntityManager, caseId: string, doc: SearchDoc, fts: FtsDoc): Promise<void> {
  const row = await queryOne<{ id: number }>(
    m,
    `INSERT INTO search_doc (case_id, family_name, members, address) VALUES (?, ?, ?, ?)
       ON CONFLICT (case_id) DO UPDATE SET family_name = excluded.family_name, members = excluded.members, address = excluded.address
       RETURNING id`,
    [caseId, doc.familyName, doc.members, doc.address],
  );
  await execute(m, 'DELETE FROM case_search WHERE rowid = ?', [row!.id]);
  await execute(m, 'INSERT INTO case_search (rowid, names, ids, address, number) VALUES (?, ?, ?, ?, ?)', [row!.id, fts.names, fts.ids, fts.address, fts.number]);
}

export async function casesOfFamily(m: EntityManager, familyId: string): Promise<string[]> {
  return (await queryAll<{ id: string }>(m, 'SELECT id FROM case_file WHERE family_id = ?', [familyId])).map((r) => r.id);
}

export async function familiesOfPerson(m: EntityManager, personId: string): Promise<string[]> {
  return (await queryAll<{ id: string }>(m, 'SELECT DISTINCT family_id AS id FROM family_member WHERE person_id = ?', [personId])).map((r) => r.id);
}
