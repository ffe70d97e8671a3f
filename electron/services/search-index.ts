/**
 * The search index (issue 8): one FTS5 document per case, inside the encrypted database (no
 * plain-text index anywhere else), over the family members' names, PESEL / document numbers, the
 * address and the case number. The text is folded first (shared/domain/text.ts: "Żółć" → "zolc";
 * FTS5's remove_diacritics does not turn ł into l), and queries are folded the same way.
 *
 * `search_doc` maps a case to the FTS rowid (an INTEGER PRIMARY KEY, so VACUUM keeps it) and
 * holds the case's display label (applicant, members, address) for result lists and the tray.
 *
 * Keep it current in the transaction of every change: call `reindexCase` when a case is created,
 * `reindexFamily` when a family's address or members change, `reindexPerson` when a person's
 * names or numbers change.
 */
import { fold } from '../../shared/domain/text';
import { prepared, type HasConnection } from './raw-sql';

interface CaseHead {
  number: string;
  familyId: string;
  street: string;
  postalCode: string;
  city: string;
}

interface MemberRow {
  firstName: string;
  lastName: string;
  pesel: string | null;
  documentNumber: string | null;
  relation: string;
}

/** "ul. Polna 3" → "Polna 3": the street prefix would match every family. */
function streetText(street: string): string {
  return street.replace(/^\s*(ul|al|os|pl)\.\s*/i, '');
}

export function familyLabel(members: readonly MemberRow[]): string {
  const applicant = members.find((m) => m.relation === 'applicant') ?? members[0];
  return applicant ? `${applicant.lastName} ${applicant.firstName}` : '—';
}

/** The case's family as lists show it (the applicant, "Nowak Anna"), from the index's label. */
export function familyLabelOf(source: HasConnection, caseId: string): string {
  const row = prepared(source, 'SELECT family_name AS name FROM search_doc WHERE case_id = ?').get(caseId) as { name: string } | undefined;
  return row?.name ?? '—';
}

export function reindexCase(source: HasConnection, caseId: string): void {
  const head = prepared(
    source,
    `SELECT c.number AS number, c.family_id AS familyId, f.street AS street, f.postal_code AS postalCode, f.city AS city
       FROM case_file c JOIN family f ON f.id = c.family_id WHERE c.id = ?`,
  ).get(caseId) as CaseHead | undefined;
  if (!head) return;
  const members = prepared(
    source,
    `SELECT p.first_name AS firstName, p.last_name AS lastName, p.pesel AS pesel, p.document_number AS documentNumber, fm.relation AS relation
       FROM family_member fm JOIN person p ON p.id = fm.person_id WHERE fm.family_id = ? ORDER BY fm.position`,
  ).all(head.familyId) as MemberRow[];
  const address = `${head.street}, ${head.postalCode} ${head.city}`;
  const doc = prepared(
    source,
    `INSERT INTO search_doc (case_id, family_name, members, address) VALUES (?, ?, ?, ?)
       ON CONFLICT (case_id) DO UPDATE SET family_name = excluded.family_name, members = excluded.members, address = excluded.address
       RETURNING id`,
  ).get(caseId, familyLabel(members), JSON.stringify(members.map((m) => `${m.lastName} ${m.firstName}`)), address) as { id: number };
  prepared(source, 'DELETE FROM case_search WHERE rowid = ?').run(doc.id);
  prepared(source, 'INSERT INTO case_search (rowid, names, ids, address, number) VALUES (?, ?, ?, ?, ?)').run(
    doc.id,
    fold(members.map((m) => `${m.firstName} ${m.lastName}`).join(' ')),
    fold(members.flatMap((m) => [m.pesel, m.documentNumber]).filter((x): x is string => Boolean(x)).join(' ')),
    fold(`${streetText(head.street)} ${head.postalCode} ${head.city}`),
    fold(head.number),
  );
}

export function reindexFamily(source: HasConnection, familyId: string): void {
  const cases = prepared(source, 'SELECT id FROM case_file WHERE family_id = ?').all(familyId) as { id: string }[];
  for (const { id } of cases) reindexCase(source, id);
}

export function reindexPerson(source: HasConnection, personId: string): void {
  const families = prepared(source, 'SELECT DISTINCT family_id AS id FROM family_member WHERE person_id = ?').all(personId) as { id: string }[];
  for (const { id } of families) reindexFamily(source, id);
}

/** Every case anew (the migration that creates the index, or a repair). */
export function reindexAll(source: HasConnection): number {
  const cases = prepared(source, 'SELECT id FROM case_file ORDER BY rowid').all() as { id: string }[];
  for (const { id } of cases) reindexCase(source, id);
  return cases.length;
}
