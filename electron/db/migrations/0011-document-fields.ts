import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fields the statutory documents print and the app had no input for (issue 16):
 * - analysis: the consent as recorded, per person and date; earlier help and the institutions
 *   involved; the children's legal situation (the wniosek o przydzielenie asystenta rodziny);
 * - contract: variant B's labour-market part (education, PUP registration, why unemployed, profile);
 * - plan: the diagnosis (prefilled from the analysis, editable), short- and long-term goals, how and
 *   when the plan is reviewed;
 * - assessment: the family's cooperation, the children's situation, conclusions, the day it was
 *   handed to the kierownik;
 * - court request: the court's address and the date of its letter (not the day it arrived);
 * - user: the office phone printed on the przydzielenie; office: the place in "Bielice, dnia …";
 * - document (the register): the date of the act the document records.
 * Existing rows get empty values: the documents print them as not recorded, never invented.
 */
export class DocumentFields1795305611000 implements MigrationInterface {
  name = 'DocumentFields1795305611000';

  async up(db: QueryRunner): Promise<void> {
    const add = (table: string, column: string, type: string) => db.query(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
    await add('analysis', 'consent_persons', "text NOT NULL DEFAULT '[]'");
    await add('analysis', 'earlier_help', "text NOT NULL DEFAULT ''");
    await add('analysis', 'children_legal', "text NOT NULL DEFAULT ''");
    await add('contract', 'labour_market', 'text');
    await add('plan', 'diagnosis', "text NOT NULL DEFAULT ''");
    await add('plan', 'short_term_goals', "text NOT NULL DEFAULT ''");
    await add('plan', 'long_term_goals', "text NOT NULL DEFAULT ''");
    await add('plan', 'review', "text NOT NULL DEFAULT ''");
    await add('assessment', 'cooperation', "text NOT NULL DEFAULT ''");
    await add('assessment', 'children_situation', "text NOT NULL DEFAULT ''");
    await add('assessment', 'conclusions', "text NOT NULL DEFAULT ''");
    await add('assessment', 'handed_on', 'text');
    await add('court_request', 'court_address', "text NOT NULL DEFAULT ''");
    await add('court_request', 'letter_on', 'text');
    await add('user', 'office_phone', 'text');
    await add('office', 'place', 'text');
    // The register keeps the date of the act each document records (its header's date), so that
    // the court bundle orders and names documents by it.
    await add('document', 'dated', 'text');
  }

  async down(db: QueryRunner): Promise<void> {
    const drop = (table: string, column: string) => db.query(`ALTER TABLE ${table} DROP COLUMN ${column}`);
    for (const [table, column] of [
      ['analysis', 'consent_persons'],
      ['analysis', 'earlier_help'],
      ['analysis', 'children_legal'],
      ['contract', 'labour_market'],
      ['plan', 'diagnosis'],
      ['plan', 'short_term_goals'],
      ['plan', 'long_term_goals'],
      ['plan', 'review'],
      ['assessment', 'cooperation'],
      ['assessment', 'children_situation'],
      ['assessment', 'conclusions'],
      ['assessment', 'handed_on'],
      ['court_request', 'court_address'],
      ['court_request', 'letter_on'],
      ['user', 'office_phone'],
      ['office', 'place'],
      ['document', 'dated'],
    ] as const) {
      await drop(table, column);
    }
  }
}
