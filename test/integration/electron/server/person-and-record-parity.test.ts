/**
 * Server schema step 13 (issue 18): the functions that let the app answer as on SQLite where
 * row-level security hides a person or a case's record say no more than the embedded app shows.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerOffice, type Person, type ServerOffice } from '../../../support/server-office';
import { writeFamily, type FamilyRows } from './family-rows';

let office: ServerOffice;
let anna: Person;
let beata: Person;
let ola: Person;
let annas: FamilyRows;

beforeAll(async () => {
  office = await startServerOffice();
  anna = await office.addPerson('anna', ['social_worker']);
  beata = await office.addPerson('beata', ['social_worker']);
  ola = await office.addPerson('ola', ['family_assistant']);
  annas = await writeFamily(anna.client, anna.id, ola.id, 'Żółć');
}, 180_000);
afterAll(() => office?.close());

describe('person and record parity (server step 13)', () => {
  it('tells another worker that a hidden person exists and who leads her case, never the case', async () => {
    const mother = annas.personIds[0]!;
    expect((await beata.client.query('SELECT 1 FROM person WHERE id = $1', [mother])).rowCount).toBe(0);
    expect((await beata.client.query('SELECT asysta.person_exists($1) AS found', [mother])).rows).toEqual([{ found: true }]);
    expect((await beata.client.query('SELECT asysta.person_exists($1) AS found', [randomUUID()])).rows).toEqual([{ found: false }]);
    expect((await beata.client.query('SELECT * FROM asysta.person_reach($1)', [mother])).rows).toEqual([{ case_id: null, worker_id: anna.id }]);
    // Her own worker and the kierownik get the case; an assistant's access is never full.
    expect((await anna.client.query('SELECT * FROM asysta.person_reach($1)', [mother])).rows).toEqual([{ case_id: annas.caseId, worker_id: anna.id }]);
    expect((await office.head.client.query('SELECT * FROM asysta.person_reach($1)', [mother])).rows).toEqual([{ case_id: annas.caseId, worker_id: anna.id }]);
    expect((await ola.client.query('SELECT * FROM asysta.person_reach($1)', [mother])).rows).toEqual([{ case_id: null, worker_id: anna.id }]);
  });

  it('tells the case of a record only for the four kinds the app opens by id', async () => {
    const [interviewId] = annas.rows['interview'] ?? [];
    expect(interviewId).toBeDefined();
    expect((await beata.client.query('SELECT asysta.record_case($1, $2) AS "caseId"', ['interview', interviewId])).rows).toEqual([{ caseId: annas.caseId }]);
    expect((await beata.client.query('SELECT asysta.record_case($1, $2) AS "caseId"', ['person', annas.personIds[0]])).rows).toEqual([{ caseId: null }]);
    expect((await beata.client.query('SELECT asysta.record_case($1, $2) AS "caseId"', ['plan', randomUUID()])).rows).toEqual([{ caseId: null }]);
  });
});
