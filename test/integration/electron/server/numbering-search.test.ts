import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../../../shared/domain/text';
import { ServerDatabase } from '../../../../electron/data/postgres/server-database';
import { nextNumber } from '../../../../electron/data/queries/numbering';
import { searchCases } from '../../../../electron/data/queries/search';
import { searchHit, searchMatch, tsQuery } from '../../../../electron/data/search-terms';
import type { SearchHit } from '../../../../shared/search';
import { startServerOffice, type Person, type ServerOffice } from '../../../support/server-office';
import { insert, writeFamily } from './family-rows';

let office: ServerOffice;
let anna: Person;
let beata: Person;
beforeAll(async () => {
  office = await startServerOffice();
  anna = await office.addPerson('anna', ['social_worker']);
  beata = await office.addPerson('beata', ['social_worker']);
}, 120_000);
afterAll(() => office?.close());

describe('numbering on the server', () => {
  it('gives gapless, unique numbers per year to racing transactions, rolled-back ones leaving no gap', async () => {
    const writers = await Promise.all(Array.from({ length: 6 }, () => ServerDatabase.open(office.server.as(anna.role, anna.password))));
    const committed: number[] = [];
    const rolledBack = new Error('rolled back');
    try {
      await Promise.all(
        writers.map(async (db, w) => {
          for (let i = 0; i < 12; i += 1) {
            const value = await db
              .write(async (m) => {
                const taken = await nextNumber(m, 'document_number', '2027');
                // Hold the number a moment, as a transaction that renders its PDF would.
                await m.query('SELECT pg_sleep(0.002)');
                if ((w + i) % 3 === 0) throw rolledBack;
                return taken;
              })
              .catch((error: unknown) => {
                if (error !== rolledBack) throw error;
                return null;
              });
            if (value !== null) committed.push(value);
          }
        }),
      );
      const sorted = [...committed].sort((a, b) => a - b);
      expect(sorted).toEqual(Array.from({ length: committed.length }, (_, i) => i + 1));
      expect((await office.admin.query(`SELECT value FROM counter WHERE name = 'document_number.2027'`)).rows).toEqual([{ value: committed.length }]);
      // Years count on their own.
      expect(await writers[0]!.write((m) => nextNumber(m, 'document_number', '2028'))).toBe(1);
    } finally {
      for (const db of writers) await db.close();
    }
  });

  it('is the only way to a number: nobody writes the counters directly, nor asks for an unknown kind', async () => {
    await expect(anna.client.query(`UPDATE counter SET value = 0`)).rejects.toMatchObject({ code: '42501' });
    await expect(office.head.client.query(`INSERT INTO counter VALUES ('case_number.2030', 5)`)).rejects.toMatchObject({ code: '42501' });
    await expect(anna.client.query(`SELECT asysta.next_number('audit', '2026')`)).rejects.toThrow('Nieznany rodzaj numeru: audit.');
    await expect(anna.client.query(`SELECT asysta.next_number('case_number', '26')`)).rejects.toThrow('Rok numeru musi mieć cztery cyfry.');
  });
});

describe('search on the server', () => {
  let annasCase: string;
  let beatasCase: string;
  /** Each person's connection as the app makes it (ServerDatabase), for the seam's search. */
  const databases = new Map<pg.Client, ServerDatabase>();
  beforeAll(async () => {
    annasCase = (await writeFamily(anna.client, anna.id, anna.id, 'Żółć')).caseId;
    beatasCase = (await writeFamily(beata.client, beata.id, beata.id, 'Żółciński')).caseId;
    for (const person of [office.head, anna, beata]) databases.set(person.client, await ServerDatabase.open(office.server.as(person.role, person.password)));
  });
  afterAll(async () => {
    for (const db of databases.values()) await db.close();
  });
  /** data/queries/search.ts on the server, as the person: the database limits what she finds. */
  const searchCasesAs = async (client: pg.Client, query: string, limit: number): Promise<SearchHit[]> => {
    const match = searchMatch(query);
    if (!match) return [];
    const rows = await databases.get(client)!.read((m) => searchCases(m, match, limit, { all: true }));
    return rows.map(searchHit);
  };

  it('folds Polish letters exactly as the embedded index does', async () => {
    const samples = ['Żółć', 'ŻÓŁĆ', 'Ąę Śń Źż', 'Łukasz  Gęślą', 'Zażółć gęślą jaźń', 'ŁÓDŹ'];
    for (const sample of samples) {
      const { rows } = await anna.client.query<{ folded: string }>('SELECT asysta.fold($1) AS folded', [sample]);
      expect(rows[0]!.folded).toBe(fold(sample));
    }
  });

  it('"Zolc" finds "Żółć" by prefix, within the cases the user may open', async () => {
    expect(tsQuery('Zolc')).toBe(`'zolc':*`);
    const hits = async (client: pg.Client, query: string) => (await searchCasesAs(client, query, 20)).map((h) => h.caseId).sort();
    expect(await hits(office.head.client, 'Zolc')).toEqual([annasCase, beatasCase].sort());
    expect(await hits(office.head.client, 'zółci')).toEqual([beatasCase]);
    expect(await hits(anna.client, 'Zolc')).toEqual([annasCase]);
    expect(await hits(beata.client, 'ZOLC')).toEqual([beatasCase]);
    const [hit] = await searchCasesAs(anna.client, 'zol jas', 5);
    expect(hit).toMatchObject({ caseId: annasCase, familyName: 'Żółć Anna', members: ['Żółć Anna', 'Żółć Jaś'], address: 'ul. Polna 3, 00-001 Bielice' });
  });

  it('keeps the index current when a person is renamed, by any client', async () => {
    const personId = (await office.admin.query<{ person_id: string }>(
      `SELECT fm.person_id FROM family_member fm JOIN case_file c ON c.family_id = fm.family_id WHERE c.id = $1 AND fm.relation = 'child'`,
      [annasCase],
    )).rows[0]!.person_id;
    await anna.client.query(`UPDATE person SET first_name = 'Świętosław' WHERE id = $1`, [personId]);
    expect((await searchCasesAs(anna.client, 'swietos', 5)).map((h) => h.caseId)).toEqual([annasCase]);
    expect(await searchCasesAs(anna.client, 'jas', 5)).toEqual([]);
    // A new member of the family is found at once too.
    const now = new Date().toISOString();
    const t = { created_at: now, created_by: anna.id, updated_at: now, updated_by: anna.id, version: 1 };
    const newcomer = randomUUID();
    await insert(anna.client, 'person', { id: newcomer, pesel: '15210112345', first_name: 'Zdzisław', last_name: 'Kłębek', birth_date: '2015-01-01', sex: 'M', citizenship: 'PL', name_key: 'klebek zdzislaw', ...t });
    const familyId = (await anna.client.query<{ family_id: string }>('SELECT family_id FROM case_file WHERE id = $1', [annasCase])).rows[0]!.family_id;
    await insert(anna.client, 'family_member', { id: randomUUID(), family_id: familyId, person_id: newcomer, position: 2, relation: 'child', in_household: true, ...t });
    expect((await searchCasesAs(anna.client, 'klebek', 5)).map((h) => h.caseId)).toEqual([annasCase]);
    expect((await searchCasesAs(anna.client, '152101', 5)).map((h) => h.caseId)).toEqual([annasCase]);
  });
});
