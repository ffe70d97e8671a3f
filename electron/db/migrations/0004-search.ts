import type { MigrationInterface, QueryRunner } from 'typeorm';
import { foldForSearch as fold } from './frozen/text-2026';

/**
 * Search (issue 8): an FTS5 index inside the encrypted database over each case — members' names,
 * PESEL and document numbers, address, case number — all folded (the rule of shared/domain/text.ts, frozen in ./frozen/text-2026.ts) so that
 * "Zolc" finds "Żółć". `search_doc` gives each case a stable integer rowid for the index and keeps
 * its display label. Existing cases are indexed here; electron/services/search-index.ts keeps the
 * index current afterwards (this migration keeps its own copy of the rules, as migrations must not
 * change with later code).
 */
export class Search1795305603000 implements MigrationInterface {
  name = 'Search1795305603000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE search_doc (
      id integer PRIMARY KEY,
      case_id text NOT NULL UNIQUE REFERENCES case_file(id),
      family_name text NOT NULL,
      members text NOT NULL,
      address text NOT NULL
    )`);
    // Prefix indexes for 1–3 characters: the first letters typed are answered from the index.
    await db.query(`CREATE VIRTUAL TABLE case_search USING fts5(
      names, ids, address, number,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '1 2 3'
    )`);
    // The work tray and the statistics select cases by status across the office.
    await db.query('CREATE INDEX case_file_status ON case_file (status)');
    const cases = (await db.query(
      `SELECT c.id AS id, c.number AS number, c.family_id AS familyId, f.street AS street, f.postal_code AS postalCode, f.city AS city
         FROM case_file c JOIN family f ON f.id = c.family_id ORDER BY c.rowid`,
    )) as { id: string; number: string; familyId: string; street: string; postalCode: string; city: string }[];
    for (const c of cases) {
      const members = (await db.query(
        `SELECT p.first_name AS firstName, p.last_name AS lastName, p.pesel AS pesel, p.document_number AS documentNumber, fm.relation AS relation
           FROM family_member fm JOIN person p ON p.id = fm.person_id WHERE fm.family_id = ? ORDER BY fm.position`,
        [c.familyId],
      )) as { firstName: string; lastName: string; pesel: string | null; documentNumber: string | null; relation: string }[];
      const applicant = members.find((m) => m.relation === 'applicant') ?? members[0];
      const [doc] = (await db.query('INSERT INTO search_doc (case_id, family_name, members, address) VALUES (?, ?, ?, ?) RETURNING id', [
        c.id,
        applicant ? `${applicant.lastName} ${applicant.firstName}` : '—',
        JSON.stringify(members.map((m) => `${m.lastName} ${m.firstName}`)),
        `${c.street}, ${c.postalCode} ${c.city}`,
      ])) as { id: number }[];
      await db.query('INSERT INTO case_search (rowid, names, ids, address, number) VALUES (?, ?, ?, ?, ?)', [
        doc!.id,
        fold(members.map((m) => `${m.firstName} ${m.lastName}`).join(' ')),
        fold(members.flatMap((m) => [m.pesel, m.documentNumber]).filter(Boolean).join(' ')),
        fold(`${c.street.replace(/^\s*(ul|al|os|pl)\.\s*/i, '')} ${c.postalCode} ${c.city}`),
        fold(c.number),
      ]);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX case_file_status');
    await db.query('DROP TABLE case_search');
    await db.query('DROP TABLE search_doc');
  }
}
