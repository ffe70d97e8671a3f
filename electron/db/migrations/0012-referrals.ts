import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The FEPŻ shares at the time of this migration (shared/domain/income.ts FOOD_AID_THRESHOLDS). */
const SEED_THRESHOLDS: readonly [string, number, string][] = [
  ['2020-11-26', 220, 'Program Operacyjny Pomoc Żywnościowa 2014–2020'],
  ['2023-05-15', 235, 'Program Operacyjny Pomoc Żywnościowa 2014–2020 (zmiana kryterium)'],
  ['2024-02-12', 265, 'Program Fundusze Europejskie na Pomoc Żywnościową 2021–2027'],
];

/**
 * Food-aid (FEPŻ) and social-shop referrals (issue 19; docs/referrals.md):
 * - the office's dated FEPŻ threshold table, seeded with the programme's history;
 * - sub-programmes (each with its validity end), partner organisations and their distribution points;
 * - declarations (oświadczenie o dochodach, or a case's wywiad used instead) and referrals, each
 *   referral a numbered PDF in the document register;
 * - the document register takes documents without a case (a referral is issued to a person, most of
 *   them have no case): `document.case_id` becomes nullable. SQLite cannot drop a NOT NULL, so the
 *   table is rebuilt from its own stored definition (columns added by other migrations are kept),
 *   with its index and the triggers that keep rows immutable.
 */
export class Referrals1795305612000 implements MigrationInterface {
  name = 'Referrals1795305612000';

  async up(db: QueryRunner): Promise<void> {
    const tracked = `created_at text NOT NULL, created_by text REFERENCES user(id), updated_at text NOT NULL,
      updated_by text REFERENCES user(id), version integer NOT NULL`;
    await db.query(`CREATE TABLE food_aid_threshold (
      valid_from text PRIMARY KEY,
      percent integer NOT NULL CHECK (percent BETWEEN 100 AND 1000),
      legal_source text NOT NULL,
      created_at text NOT NULL,
      created_by text REFERENCES user(id)
    )`);
    for (const [validFrom, percent, source] of SEED_THRESHOLDS) {
      await db.query('INSERT INTO food_aid_threshold VALUES (?, ?, ?, ?, NULL)', [validFrom, percent, source, '2026-12-01T00:00:00.000Z']);
    }
    await db.query(`CREATE TABLE referral_subprogramme (
      id text PRIMARY KEY,
      name text NOT NULL UNIQUE,
      valid_until text NOT NULL CHECK (length(valid_until) = 10),
      ${tracked}
    )`);
    await db.query(`CREATE TABLE partner_organisation (
      id text PRIMARY KEY,
      name text NOT NULL,
      address text NOT NULL,
      phone text NOT NULL,
      active integer NOT NULL,
      ${tracked}
    )`);
    await db.query(`CREATE TABLE distribution_point (
      id text PRIMARY KEY,
      partner_id text NOT NULL REFERENCES partner_organisation(id),
      name text NOT NULL,
      address text NOT NULL,
      hours text NOT NULL,
      active integer NOT NULL,
      ${tracked}
    )`);
    await db.query('CREATE INDEX distribution_point_partner ON distribution_point (partner_id)');
    await db.query(`CREATE TABLE referral_declaration (
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
    )`);
    await db.query(`CREATE TABLE referral (
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
      issued_by text NOT NULL REFERENCES user(id),
      status text NOT NULL CHECK (status IN ('issued', 'cancelled')),
      duplicate_reason text,
      cancel_reason text,
      cancelled_on text,
      cancelled_by text REFERENCES user(id),
      ${tracked},
      CHECK (programme = 'shop' OR subprogramme_id IS NOT NULL),
      CHECK (status = 'issued' OR cancel_reason IS NOT NULL)
    )`);
    await db.query('CREATE INDEX referral_register ON referral (programme, subprogramme_id, issued_on)');
    await db.query('CREATE INDEX referral_person ON referral (person_id, programme, status)');

    await rebuildDocumentWithOptionalCase(db);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE referral');
    await db.query('DROP TABLE referral_declaration');
    await db.query('DROP TABLE distribution_point');
    await db.query('DROP TABLE partner_organisation');
    await db.query('DROP TABLE referral_subprogramme');
    await db.query('DROP TABLE food_aid_threshold');
  }
}

async function rebuildDocumentWithOptionalCase(db: QueryRunner): Promise<void> {
  const objects = (await db.query("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'document' AND sql IS NOT NULL")) as { type: string; name: string; sql: string }[];
  const table = objects.find((o) => o.type === 'table');
  if (!table) throw new Error('migration 0012: table document is missing');
  const relaxed = table.sql.replace(/case_id\s+text\s+NOT\s+NULL/i, 'case_id text');
  if (relaxed === table.sql) throw new Error('migration 0012: document.case_id is not declared NOT NULL as expected');
  const columns = ((await db.query('PRAGMA table_info(document)')) as { name: string }[]).map((c) => `"${c.name}"`).join(', ');
  const others = objects.filter((o) => o.type !== 'table');
  for (const o of others) await db.query(`DROP ${o.type === 'trigger' ? 'TRIGGER' : 'INDEX'} "${o.name}"`);
  await db.query('ALTER TABLE document RENAME TO document_before_0012');
  await db.query(relaxed);
  await db.query(`INSERT INTO document (${columns}) SELECT ${columns} FROM document_before_0012`);
  await db.query('DROP TABLE document_before_0012');
  // Indexes first, the triggers that refuse updates and deletes last.
  for (const o of [...others].sort((a, b) => (a.type === 'trigger' ? 1 : 0) - (b.type === 'trigger' ? 1 : 0))) await db.query(o.sql);
}
