/**
 * The office server's database side (issue 18): on a throwaway cluster (test/support/postgres.ts)
 * with BENCH_FAMILIES families (default 10 000) written in bulk, led by three social workers, a
 * quarter of them assigned to an assistant. Prints, through verify-full connections as each
 * person (row-level security on):
 * - search p50/p95 (prefix queries, "Zolc"-style folding) for the kierownik, a worker, the assistant;
 * - counting the visible cases per role (what RLS costs a whole-table read);
 * - audit appends per second (the trigger's advisory lock and hash) with one and with three writers;
 * - case numbers per second through the locked counter.
 * Figures only: the machine is shared; a person reads them.
 */
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { tsQuery } from '../../electron/data/search-terms';
import { ServerDatabase } from '../../electron/data/postgres/server-database';
import { nextNumber } from '../../electron/data/queries/numbering';
import { startServerOffice, type Person } from '../support/server-office';
import { percentile, report } from './stats';

const FAMILIES = Number(process.env['BENCH_FAMILIES'] ?? 10_000);
const SURNAMES = ['Żółć', 'Nowak', 'Kowalska', 'Wiśniewski', 'Wójcik', 'Kamińska', 'Lewandowski', 'Zieliński', 'Szymańska', 'Woźniak', 'Dąbrowski', 'Kozłowska', 'Jankowski', 'Mazur', 'Kwiatkowska', 'Krawczyk', 'Piotrowski', 'Grabowska', 'Nowakowski', 'Pawłowska', 'Michalski', 'Król', 'Wieczorek', 'Jabłońska', 'Wróbel', 'Majewski', 'Olszewska', 'Stępień', 'Malinowski', 'Jaworska'];
const FIRST = ['Anna', 'Katarzyna', 'Małgorzata', 'Agnieszka', 'Łucja', 'Piotr', 'Krzysztof', 'Józef', 'Paweł', 'Ścibor'];

async function timed(runs: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work(i);
    times.push(performance.now() - started);
  }
  return times;
}

/** Families, persons, members, cases and assignments in a few set-based statements (the triggers keep the search index). */
export async function seed(admin: pg.Client, workers: Person[], assistant: Person): Promise<number> {
  const started = performance.now();
  const now = new Date().toISOString();
  await admin.query('BEGIN');
  await admin.query(
    `INSERT INTO person (id, pesel, document_type, document_number, first_name, last_name, birth_date, sex, citizenship, phone, name_key, created_at, updated_at, version)
     SELECT 'p-' || g || '-' || k, lpad((g * 2 + k)::text, 11, '0'), NULL, NULL, ($2::text[])[1 + (g * 7 + k) % 10], ($1::text[])[1 + g % 30], '1990-01-01', 'F', 'PL', NULL, 'x', $3, $3, 1
       FROM generate_series(1, $4) g, generate_series(0, 1) k`,
    [SURNAMES, FIRST, now, FAMILIES],
  );
  await admin.query(
    `INSERT INTO family (id, kind, street, postal_code, city, rural, farm_hectares, housing, created_at, updated_at, version)
     SELECT 'f-' || g, 'family', 'ul. Polna ' || g, '00-001', 'Bielice', true, 0, 'dom', $1, $1, 1 FROM generate_series(1, $2) g`,
    [now, FAMILIES],
  );
  await admin.query(
    `INSERT INTO family_member (id, family_id, person_id, position, relation, in_household, created_at, updated_at, version)
     SELECT 'm-' || g || '-' || k, 'f-' || g, 'p-' || g || '-' || k, k, CASE k WHEN 0 THEN 'applicant' ELSE 'child' END, true, $1, $1, 1
       FROM generate_series(1, $2) g, generate_series(0, 1) k`,
    [now, FAMILIES],
  );
  await admin.query(
    `INSERT INTO case_file (id, number, family_id, status, reported_on, source, source_details, report, urgent, minor_parent, reasons, worker_id, interview_due, created_at, updated_at, version)
     SELECT 'c-' || g, 'OPS.AR.' || g || '.2026', 'f-' || g, 'ASSISTANT_WORK', '2026-01-05', 'school', '', '', false, false, '[]', ($1::text[])[1 + g % 3], '2026-01-20', $2, $2, 1
       FROM generate_series(1, $3) g`,
    [workers.map((w) => w.id), now, FAMILIES],
  );
  await admin.query(
    `INSERT INTO assignment (id, case_id, assistant_id, assigned_on, created_at, updated_at, version)
     SELECT 'a-' || g, 'c-' || g, $1, '2026-02-01', $2, $2, 1 FROM generate_series(1, $3) g WHERE g % 4 = 0`,
    [assistant.id, now, FAMILIES],
  );
  await admin.query('COMMIT');
  await admin.query('ANALYZE');
  return performance.now() - started;
}

/** The server's search as the app runs it (data/queries/search.ts): asysta.search_cases as the person. */
function searchCases(client: pg.Client, query: string, limit: number): Promise<unknown> {
  return client.query('SELECT * FROM asysta.search_cases($1, $2)', [tsQuery(query), limit]);
}

export async function benchServerDb(): Promise<void> {
  const office = await startServerOffice();
  try {
    const workers = [await office.addPerson('anna', ['social_worker']), await office.addPerson('beata', ['social_worker']), await office.addPerson('celina', ['social_worker'])];
    const assistant = await office.addPerson('ola', ['family_assistant']);
    const seedMs = await seed(office.admin, workers, assistant);
    console.log(`\nServer database bench: ${FAMILIES} families seeded in ${(seedMs / 1000).toFixed(1)} s (search index kept by the triggers).`);

    const queries = ['Zolc', 'now', 'kowal', 'wisn', 'Łucja', 'dabr', 'kozl', 'maz', 'anna woz', 'OPS.AR.12'];
    const people: [string, pg.Client][] = [['kierownik', office.head.client], ['pracownik socjalny', workers[0]!.client], ['asystent rodziny', assistant.client]];
    const rows: [string, number, number][] = [];
    for (const [label, client] of people) {
      for (let i = 0; i < 5; i += 1) await searchCases(client, queries[i % queries.length]!, 20);
      const times = await timed(100, (i) => searchCases(client, queries[i % queries.length]!, 20));
      rows.push([`search, ${label}`, percentile(times, 50), percentile(times, 95)]);
    }
    for (const [label, client] of people) {
      const times = await timed(20, () => client.query('SELECT count(*) FROM case_file'));
      rows.push([`count visible cases, ${label}`, percentile(times, 50), percentile(times, 95)]);
    }
    report('Server: search and row-level security (verify-full connections as each person)', rows);

    const appendOne = (client: pg.Client, actorId: string) =>
      client.query(`INSERT INTO audit_log (id, at, actor_id, action, details, prev_hash, hash) VALUES (0, '', $1, 'bench.append', '{}', '', '')`, [actorId]);
    let started = performance.now();
    for (let i = 0; i < 500; i += 1) await appendOne(workers[0]!.client, workers[0]!.id);
    const single = 500 / ((performance.now() - started) / 1000);
    started = performance.now();
    await Promise.all(workers.map(async (w) => { for (let i = 0; i < 200; i += 1) await appendOne(w.client, w.id); }));
    const three = 600 / ((performance.now() - started) / 1000);
    const numbering = await Promise.all(workers.map((w) => ServerDatabase.open(office.server.as(w.role, w.password))));
    started = performance.now();
    await Promise.all(
      numbering.map(async (db) => {
        for (let i = 0; i < 100; i += 1) await db.write((m) => nextNumber(m, 'case_number', '2031'));
      }),
    );
    const numbers = 300 / ((performance.now() - started) / 1000);
    for (const db of numbering) await db.close();
    console.log(`\n== Server: writes through the database's own rules`);
    console.log(`  audit appends, 1 writer      ${single.toFixed(0).padStart(6)} /s`);
    console.log(`  audit appends, 3 writers     ${three.toFixed(0).padStart(6)} /s`);
    console.log(`  case numbers, 3 writers      ${numbers.toFixed(0).padStart(6)} /s (each in its own transaction)`);
  } finally {
    await office.close();
  }
}
