import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../../electron/db/database';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { seedDemo } from '../../../../electron/tools/demo';
import { ftsQuery } from '../../../../electron/data/search-terms';
import { SearchService } from '../../../../electron/services/search';
import type { IntakeInput } from '../../../../shared/cases';
import { makePesel } from '../../../../shared/domain/pesel';
import { describeEngines, HEAD, setUpOffice, tempDir, testBackend, type Engine, type TestBackend } from '../../../support/backend';
import { caseWithRequest, PASSWORD, signIn } from '../../../support/case-flow';
import { filesUnder, plainTextIn } from '../../../support/seed';

let t: TestBackend | undefined;
let dir: string | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const MOTHER_PESEL = makePesel('1991-04-17', 'F', 211);
const CHILD_PESEL = makePesel('2015-09-03', 'M', 42);

const ZOLC: IntakeInput = {
  reportedOn: '2026-03-02',
  source: 'school',
  report: 'Syn często opuszcza zajęcia.',
  urgent: false,
  family: { kind: 'family', street: 'ul. Źródlana 17', postalCode: '74-202', city: 'Bielice', rural: true },
  members: [
    { relation: 'applicant', inHousehold: true, person: { pesel: MOTHER_PESEL, firstName: 'Małgorzata', lastName: 'Żółć', birthDate: '1991-04-17', sex: 'F' } },
    { relation: 'child', inHousehold: true, childWhereabouts: 'home', person: { pesel: CHILD_PESEL, firstName: 'Kacper', lastName: 'Żółć', birthDate: '2015-09-03', sex: 'M' } },
    {
      relation: 'partner',
      inHousehold: true,
      person: { documentType: 'passport', documentNumber: 'FX1234567', firstName: 'Ołeksandr', lastName: 'Шевченко', birthDate: '1988-01-30', sex: 'M', citizenship: 'ukraińskie' },
    },
  ],
};

/** Other families, written through the services (the demo seeder's bulk mode is the file's only). */
async function otherFamilies(tb: TestBackend): Promise<void> {
  await signIn(tb, 'ekos');
  for (const [i, lastName] of ['Kowalska', 'Kozłowska', 'Kos', 'Nowak', 'Kotowska'].entries()) {
    await tb.call('cases:create', {
      ...ZOLC,
      family: { ...ZOLC.family, street: `ul. Kolejowa ${i + 1}`, city: 'Kozielice' },
      members: [{ relation: 'applicant', inHousehold: true, person: { pesel: makePesel('1985-06-0' + String(i + 1), 'F', 300 + i), firstName: 'Maria', lastName, birthDate: `1985-06-0${i + 1}`, sex: 'F' } }],
    });
  }
}

async function office(engine: Engine = 'local'): Promise<{ t: TestBackend; zolc: { id: string; number: string }; ids: Record<string, string> }> {
  t = testBackend(undefined, { engine });
  await setUpOffice(t);
  const ids: Record<string, string> = {};
  for (const [login, firstName, lastName, role] of [
    ['anowak', 'Anna', 'Nowak', 'social_worker'],
    ['ekos', 'Ewa', 'Kos', 'social_worker'],
    ['bwisniewska', 'Bożena', 'Wiśniewska', 'family_assistant'],
    ['clis', 'Celina', 'Lis', 'family_assistant'],
  ] as const) {
    ids[login] = (await t.call('users:create', { firstName, lastName, login, password: PASSWORD, roles: [role] })).id;
  }
  // Other families around, so that every query has something to tell apart.
  if (engine === 'local') await seedDemo(t.backend, { families: 30, seed: 11, staffPassword: PASSWORD });
  else await otherFamilies(t);
  await signIn(t, 'anowak');
  const zolc = await t.call('cases:create', ZOLC);
  await signIn(t, HEAD.login);
  return { t, zolc, ids };
}

describeEngines('search:cases', (engine) => {
  it('finds a family by folded names, first names, PESEL, document, address and case number', async () => {
    const { t, zolc } = await office(engine);
    const first = async (query: string) => (await t.call('search:cases', { query }))[0];
    const ids = async (query: string, limit = 20) => (await t.call('search:cases', { query, limit })).map((h) => h.caseId);

    // "Zolc" finds "Żółć" (ł is not a diacritic to Unicode: folded by hand), in any case and spelling.
    for (const query of ['Zolc', 'zolc', 'Żółć', 'ŻÓŁĆ', 'zółć', 'Zol', 'Kacper Żółć', 'zolc kacper', 'małgorzata zo']) {
      expect((await first(query))?.caseId, query).toBe(zolc.id);
    }
    // A first name alone: every Małgorzata of the office, this one among them.
    expect(await ids('Malgorzata', 100)).toContain(zolc.id);
    expect(await first('Zolc')).toEqual({
      caseId: zolc.id,
      number: zolc.number,
      status: 'REPORTED',
      familyName: 'Żółć Małgorzata',
      members: ['Żółć Małgorzata', 'Żółć Kacper', 'Шевченко Ołeksandr'],
      address: 'ul. Źródlana 17, 74-202 Bielice',
    });
    // PESEL: whole or its beginning (while typing); identity document; Cyrillic names.
    expect(await ids(MOTHER_PESEL)).toEqual([zolc.id]);
    expect(await ids(CHILD_PESEL.slice(0, 8))).toContain(zolc.id);
    expect(await ids(MOTHER_PESEL.slice(0, 6))).toContain(zolc.id);
    expect((await first('FX1234567'))?.caseId).toBe(zolc.id);
    expect((await first('fx12345'))?.caseId).toBe(zolc.id);
    expect((await first('шевченко'))?.caseId).toBe(zolc.id);
    // Address: street without its "ul.", house number (a prefix, like every word: 17 also finds 170), village.
    expect(await ids('Zrodlana 17 Bielice')).toContain(zolc.id);
    expect(await ids('ul. Źródlana 17, 74-202 Bielice')).toContain(zolc.id);
    // Case number, whole or partial.
    expect(await ids(zolc.number)).toEqual([zolc.id]);
    expect((await first(zolc.number.split('.').slice(2).join('.')))?.caseId).toBe(zolc.id);

    // Too little to search for, and anything that looks like FTS5 syntax, answer safely.
    expect(await t.call('search:cases', { query: 'z' })).toEqual([]);
    expect(await t.call('search:cases', { query: '  ' })).toEqual([]);
    for (const query of ['"', '*', 'OR', 'NEAR(', 'zolc OR kowal', 'a"b', '-zolc', 'names:zolc', '^zolc', '(', ')', '{', "'", "'; DROP TABLE case_file; --", 'zolc AND NOT x']) {
      const result = await t.backend.invoke('search:cases', { query });
      expect(result.ok, query).toBe(true);
    }
    // Column filters and operators are plain words to the search: "names:zolc" is the phrase "names zolc".
    expect(await t.call('search:cases', { query: 'names:zolc' })).toEqual([]);
    expect(ftsQuery('OPS.AR.12.2026 Żółć')).toBe('"ops ar 12 2026"* "zolc"*');
    expect(ftsQuery('a"b')).toBe('"a b"*');
    // Bounded input and limit.
    expect((await t.fail('search:cases', { query: 'x'.repeat(201) })).code).toBe('VALIDATION');
    expect(await ids('ko', 3)).toHaveLength(3);
  });

  it('answers each user only within her access: the worker her cases, the assistant her families', async () => {
    const { t, zolc, ids } = await office(engine);
    await signIn(t, 'ekos');
    expect(await t.call('search:cases', { query: 'Zolc' })).toEqual([]);
    await signIn(t, 'anowak');
    expect((await t.call('search:cases', { query: 'Zolc' })).map((h) => h.caseId)).toEqual([zolc.id]);

    // An assistant finds a family only while it is assigned to her.
    const { caseId, requestId } = await caseWithRequest(t, 'anowak', 77);
    await signIn(t, 'clis');
    expect(await t.call('search:cases', { query: 'Kowalczyk77' })).toEqual([]);
    await signIn(t, HEAD.login);
    await t.call('requests:decide', { requestId, decision: { kind: 'assign', assistantId: ids['clis']! } });
    await signIn(t, 'clis');
    expect((await t.call('search:cases', { query: 'kowalczyk77 marta' })).map((h) => h.caseId)).toEqual([caseId]);
    expect(await t.call('search:cases', { query: 'Zolc' })).toEqual([]);
    // Whatever she types, nothing of another assistant's or an unassigned family comes back.
    const visible = new Set((await t.call('cases:list', { pageSize: 200 })).rows.map((c) => c.id));
    for (const query of ['ko', 'an', 'ma', 'ul', '74', 'OPS', '20']) {
      for (const hit of await t.call('search:cases', { query, limit: 100 })) expect(visible.has(hit.caseId), query).toBe(true);
    }
    await signIn(t, 'bwisniewska');
    expect(await t.call('search:cases', { query: 'Kowalczyk77' })).toEqual([]);
  });

  it('lists cases found by name, PESEL or number before those found by address, the newest case first; the limit keeps the newest', async () => {
    const tb = testBackend(undefined, { engine });
    t = tb;
    await setUpOffice(tb);
    await tb.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
    await signIn(tb, 'anowak');
    const member = (relation: 'applicant' | 'partner' | 'child', firstName: string, lastName: string, birthDate: string, serial: number) => ({
      relation,
      inHousehold: true,
      ...(relation === 'child' ? { childWhereabouts: 'home' as const } : {}),
      person: { pesel: makePesel(birthDate, relation === 'partner' ? 'M' : 'F', serial), firstName, lastName, birthDate, sex: relation === 'partner' ? ('M' as const) : ('F' as const) },
    });
    const family = (street: string) => ({ ...ZOLC.family, street });
    // The oldest: one member, her name matches (a short document: bm25 put it first).
    const older = await tb.call('cases:create', { ...ZOLC, family: family('ul. Lipowa 1'), members: [member('applicant', 'Alicja', 'Brzozowska', '1980-01-01', 11)] });
    // Newer: a larger family, one name matches.
    const newer = await tb.call('cases:create', {
      ...ZOLC,
      family: family('ul. Lipowa 2'),
      members: [member('applicant', 'Joanna', 'Kwiatkowska', '1981-02-02', 12), member('partner', 'Jan', 'Brzozowski', '1979-03-03', 13), member('child', 'Ola', 'Kwiatkowska', '2012-04-04', 14)],
    });
    // The newest: found only by its street.
    const byStreet = await tb.call('cases:create', { ...ZOLC, family: family('ul. Brzozowa 3'), members: [member('applicant', 'Ewa', 'Lis', '1985-05-05', 15)] });
    await signIn(tb, HEAD.login);
    const ids = async (query: string, limit = 20) => (await tb.call('search:cases', { query, limit })).map((h) => h.caseId);
    expect(await ids('Brzozow')).toEqual([newer.id, older.id, byStreet.id]);
    expect(await ids('brzozow', 2)).toEqual([newer.id, older.id]);
    expect(await ids('brzozow', 1)).toEqual([newer.id]);
    // Every word must match; the address tier holds what is found with the address's help.
    expect(await ids('brzozowa 3')).toEqual([byStreet.id]);
    expect(await ids('lipowa')).toEqual([newer.id, older.id]);
    expect(await ids(older.number)).toEqual([older.id]);
  });

});

describe('search:cases, the embedded file', () => {
  it('keeps the index inside the encrypted database: no name is readable in any file', async () => {
    const { t } = await office();
    const dataDir = t.dataDir;
    await t.call('session:logout', {});
    await t.backend.close();
    for (const file of filesUnder(dataDir)) {
      expect(plainTextIn(file, ['Żółć', 'zolc', 'Źródlana', 'zrodlana', 'Шевченко', MOTHER_PESEL, 'FX1234567', 'fx1234567']), file).toEqual([]);
    }
  });

  it('indexes the cases of an older database when it is migrated', async () => {
    dir = tempDir();
    const key = randomBytes(32);
    const file = join(dir, 'a.db');
    const old = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, 3) });
    const tracked = `'2026-01-01T00:00:00.000Z', NULL, '2026-01-01T00:00:00.000Z', NULL, 1`;
    await old.dataSource.query(`INSERT INTO user VALUES ('u1', 'anowak', 'Anna', 'Nowak', '["social_worker"]', 1, ${tracked})`);
    await old.dataSource.query(`INSERT INTO family VALUES ('f1', 'family', 'ul. Łąkowa 5', '74-204', 'Kozielice', 1, 0, '', ${tracked})`);
    await old.dataSource.query(`INSERT INTO person VALUES ('p1', ?, NULL, NULL, 'Łucja', 'Gąsiorowska', '1991-04-17', 'F', 'polskie', NULL, 'gasiorowska lucja', ${tracked})`, [MOTHER_PESEL]);
    await old.dataSource.query(`INSERT INTO family_member VALUES ('m1', 'f1', 'p1', 0, 'applicant', 1, NULL, NULL, NULL, ${tracked})`);
    await old.dataSource.query(
      `INSERT INTO case_file (id, number, family_id, status, reported_on, source, source_details, report, urgent, minor_parent, reasons, worker_id, interview_due, created_at, updated_at, version)
       VALUES ('c1', 'OPS.AR.1.2026', 'f1', 'REPORTED', '2026-01-01', 'school', '', 'Zgłoszenie', 0, 0, '[]', 'u1', '2026-01-21', 'x', 'x', 1)`,
    );
    await old.close();

    const db = await Database.open({ file, masterKey: key });
    try {
      const head = { user: { id: 'h', login: 'h', firstName: 'K', lastName: 'K', roles: ['head' as const] }, settings: {} as never };
      const hits = await db.read(async (m) => new SearchService().search(m, 'gasiorowska lucja', 10, head));
      expect(hits).toEqual([{ caseId: 'c1', number: 'OPS.AR.1.2026', status: 'REPORTED', familyName: 'Gąsiorowska Łucja', members: ['Gąsiorowska Łucja'], address: 'ul. Łąkowa 5, 74-204 Kozielice' }]);
      expect(await db.read(async (m) => new SearchService().search(m, 'lakowa kozielice', 10, head))).toHaveLength(1);
    } finally {
      await db.close();
    }
  });
});
