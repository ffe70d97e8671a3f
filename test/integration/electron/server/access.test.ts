import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAMILY_DATA_TABLES } from '../../../../electron/data/postgres/schema/0002-access';
import { serverPaths, tool } from '../../../../electron/server/cluster';
import { startServerOffice, type Person, type ServerOffice } from '../../../support/server-office';
import { insert, writeFamily, type FamilyRows } from './family-rows';

const TABLES = [...FAMILY_DATA_TABLES, 'case_search'];
/** The referral register's tables, checked on their own below (a family's case has no referral). */
const FAMILY_TABLES = TABLES.filter((t) => t !== 'referral' && t !== 'referral_declaration');

let office: ServerOffice;
let anna: Person;
let beata: Person;
let ola: Person;
let ula: Person;
let annas: FamilyRows;
let beatas: FamilyRows;

beforeAll(async () => {
  office = await startServerOffice();
  anna = await office.addPerson('anna', ['social_worker']);
  beata = await office.addPerson('beata', ['social_worker']);
  ola = await office.addPerson('ola', ['family_assistant']);
  ula = await office.addPerson('ula', ['family_assistant']);
  annas = await writeFamily(anna.client, anna.id, ola.id, 'Żółć');
  beatas = await writeFamily(beata.client, beata.id, ula.id, 'Nowak');
  // The kierownik assigns Ola to Anna's family and Ula to Beata's.
  const now = new Date().toISOString();
  for (const [family, assistant] of [[annas, ola], [beatas, ula]] as const) {
    const id = randomUUID();
    await insert(office.head.client, 'assignment', {
      id, case_id: family.caseId, assistant_id: assistant.id, assigned_on: '2026-02-01', created_at: now, created_by: office.head.id, updated_at: now, updated_by: office.head.id, version: 1,
    });
    family.rows['assignment'] = [id];
  }
}, 180_000);
afterAll(() => office?.close());

const idsOf = (family: FamilyRows): string[] => [family.caseId, family.familyId, ...family.personIds, ...family.memberIds, ...Object.values(family.rows).flat()];

/** Every row of `table` the client can read, as JSON text. */
async function visible(client: pg.Client, table: string): Promise<string[]> {
  return (await client.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM ${table} t`)).rows.map((r) => r.row);
}

async function sees(client: pg.Client, family: FamilyRows, table: string): Promise<boolean> {
  if (table === 'case_search') {
    // Its rows hold folded text and the search document's number: match them by that number.
    const doc = (await office.admin.query<{ id: number }>('SELECT id FROM search_doc WHERE case_id = $1', [family.caseId])).rows[0]!.id;
    return (await client.query('SELECT 1 FROM case_search WHERE doc_id = $1', [doc])).rowCount === 1;
  }
  const ids = idsOf(family);
  return (await visible(client, table)).some((row) => ids.some((id) => row.includes(id)));
}

describe('row-level security on the server', () => {
  it('enables and forces it on every table with family data', async () => {
    const { rows } = await office.admin.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = ANY($1) AND relkind = 'r'`,
      [TABLES],
    );
    expect(rows.map((r) => r.relname).sort()).toEqual([...TABLES].sort());
    expect(rows.filter((r) => !r.relrowsecurity || !r.relforcerowsecurity)).toEqual([]);
  });

  it('a social worker reads her own family in every table and nothing of another worker’s', async () => {
    for (const table of FAMILY_TABLES) {
      expect({ table, own: await sees(anna.client, annas, table) }).toEqual({ table, own: true });
      expect({ table, other: await sees(anna.client, beatas, table) }).toEqual({ table, other: false });
      expect({ table, other: await sees(beata.client, annas, table) }).toEqual({ table, other: false });
    }
  });

  it('the kierownik reads every family', async () => {
    for (const table of FAMILY_TABLES.filter((t) => t !== 'form_draft')) {
      expect({ table, both: (await sees(office.head.client, annas, table)) && (await sees(office.head.client, beatas, table)) }).toEqual({ table, both: true });
    }
  });

  it('an assistant reads the family assigned to her now, no other, and none once the assignment ends', async () => {
    for (const table of FAMILY_TABLES.filter((t) => t !== 'form_draft' && t !== 'audit_log')) {
      expect({ table, assigned: await sees(ola.client, annas, table) }).toEqual({ table, assigned: true });
      expect({ table, other: await sees(ola.client, beatas, table) }).toEqual({ table, other: false });
    }
    await office.head.client.query(`UPDATE assignment SET ended_on = '2026-03-01' WHERE case_id = $1`, [annas.caseId]);
    try {
      for (const table of FAMILY_TABLES) expect({ table, after: await sees(ola.client, annas, table) }).toEqual({ table, after: false });
    } finally {
      await office.head.client.query('UPDATE assignment SET ended_on = NULL WHERE case_id = $1', [annas.caseId]);
    }
  });

  it('a social worker can neither change, delete nor add rows in another worker’s family', async () => {
    for (const [table, ids] of Object.entries(beatas.rows)) {
      for (const id of ids) {
        const update = await anna.client.query(`UPDATE ${table} SET id = id WHERE id = $1`, [id]).catch((error: { code?: string }) => error);
        const remove = await anna.client.query(`DELETE FROM ${table} WHERE id = $1`, [id]).catch((error: { code?: string }) => error);
        for (const outcome of [update, remove]) {
          // Either the row is not there for her (no row touched) or the statement is refused outright.
          expect({ table, outcome: 'rowCount' in outcome ? outcome.rowCount : outcome.code }).toEqual({ table, outcome: 'rowCount' in outcome ? 0 : '42501' });
        }
      }
    }
    const now = new Date().toISOString();
    const tracked = { created_at: now, created_by: anna.id, updated_at: now, updated_by: anna.id, version: 1 };
    await expect(
      insert(anna.client, 'visit', { id: randomUUID(), case_id: beatas.caseId, visited_on: '2026-02-10', place: 'dom', participants: '[]', topics: '', agreed: '', author_id: anna.id, ...tracked }),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(
      insert(anna.client, 'family_member', { id: randomUUID(), family_id: beatas.familyId, person_id: annas.personIds[0], position: 5, relation: 'other', in_household: false, ...tracked }),
    ).rejects.toMatchObject({ code: '42501' });
    // Nor give her own case to another worker behind the kierownik's back.
    await expect(anna.client.query('UPDATE case_file SET worker_id = $1 WHERE id = $2', [beata.id, annas.caseId])).rejects.toMatchObject({ code: '42501' });
  });

  it('the referral register is the office’s for the workers, and an assistant’s only for her families', async () => {
    const now = new Date().toISOString();
    const subprogramme = randomUUID();
    await insert(office.head.client, 'referral_subprogramme', { id: subprogramme, name: 'FEPŻ 2026', valid_until: '2026-12-31', created_at: now, created_by: office.head.id, updated_at: now, updated_by: office.head.id, version: 1 });
    const person = randomUUID();
    const t = { created_at: now, created_by: anna.id, updated_at: now, updated_by: anna.id, version: 1 };
    await insert(anna.client, 'person', { id: person, pesel: '90010112345', first_name: 'Zenon', last_name: 'Bez Sprawy', birth_date: '1990-01-01', sex: 'M', citizenship: 'PL', name_key: 'bez sprawy zenon', ...t });
    const declaration = randomUUID();
    await insert(anna.client, 'referral_declaration', { id: declaration, declared_on: '2026-02-01', source: 'declaration', applicant_id: person, members: JSON.stringify([{ personId: person }]), household_size: 1, income: '[]', reasons: '[]', ...t });
    await insert(anna.client, 'referral', {
      id: randomUUID(), programme: 'fepz', subprogramme_id: subprogramme, number: 'FEPZ/1/2026', document_id: randomUUID(), declaration_id: declaration, person_id: person, household_size: 1,
      per_person_gr: 100000, threshold_gr: 200000, eligibility: 'eligible', valid_until: '2026-12-31', issued_on: '2026-02-01', issued_by: anna.id, status: 'issued', ...t,
    });
    for (const client of [anna.client, beata.client, office.head.client]) {
      expect((await client.query('SELECT 1 FROM referral WHERE person_id = $1', [person])).rowCount).toBe(1);
      expect((await client.query('SELECT 1 FROM person WHERE id = $1', [person])).rowCount).toBe(1);
    }
    expect((await ola.client.query('SELECT 1 FROM referral WHERE person_id = $1', [person])).rowCount).toBe(0);
    expect((await ola.client.query('SELECT 1 FROM person WHERE id = $1', [person])).rowCount).toBe(0);
    // A declaration naming a member of the family she works with is hers to read.
    const ofHerFamily = randomUUID();
    await insert(anna.client, 'referral_declaration', {
      id: ofHerFamily, declared_on: '2026-02-02', source: 'declaration', applicant_id: annas.personIds[0], members: JSON.stringify([{ personId: annas.personIds[0] }]), household_size: 1, income: '[]', reasons: '[]', ...t,
    });
    expect((await ola.client.query('SELECT id FROM referral_declaration')).rows).toEqual([{ id: ofHerFamily }]);
    expect((await ula.client.query('SELECT id FROM referral_declaration')).rows).toEqual([]);
  });

  it('duplicate detection tells a worker that another worker’s person exists and who leads her case, nothing more', async () => {
    const other = beatas.personIds[0]!;
    const { rows } = await anna.client.query<{ person_id: string; matched_by: string; worker_ids: string[] }>('SELECT * FROM asysta.person_matches(NULL, $1, $2)', ['nowak', '1990-01-01']);
    expect(rows).toEqual([{ person_id: other, matched_by: 'name_and_birth_date', worker_ids: [beata.id] }]);
    expect((await anna.client.query('SELECT 1 FROM person WHERE id = $1', [other])).rowCount).toBe(0);
    await expect(ola.client.query('SELECT * FROM asysta.person_matches(NULL, $1, $2)', ['nowak', '1990-01-01'])).rejects.toMatchObject({ code: '42501' });
  });

  it('with psql and her own password (verify-full), a social worker reads no other worker’s family', () => {
    const config = office.server.config;
    const conninfo = [
      `host=127.0.0.1 port=${config.port} dbname=${config.database} user=${anna.role}`,
      `sslmode=verify-full sslrootcert=${serverPaths(office.server.dir).caCertFile}`,
    ].join(' ');
    const psql = (sql: string) =>
      spawnSync(tool(config.binDir, 'psql'), [conninfo, '-XAtq', '-c', sql], { env: { ...process.env, PGPASSWORD: anna.password }, encoding: 'utf8' });
    const own = psql(`SELECT count(*) FROM case_file; SELECT string_agg(last_name, ',') FROM person WHERE id IN ('${annas.personIds.join("','")}','${beatas.personIds.join("','")}')`);
    expect(own.stderr).toBe('');
    expect(own.stdout.trim().split('\n')).toEqual(['1', 'Żółć,Żółć']);
    const wrong = spawnSync(tool(config.binDir, 'psql'), [conninfo, '-XAtq', '-c', 'SELECT 1'], { env: { ...process.env, PGPASSWORD: 'not her password' }, encoding: 'utf8' });
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toMatch(/password authentication failed/);
  });
});
