import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../../../electron/db/database';
import { MIGRATIONS } from '../../../../../electron/db/migrations';
import { Search1795305603000 } from '../../../../../electron/db/migrations/0004-search';
import { tempDir } from '../../../../support/backend';
import { insertRow } from './rows';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0004: the search index', () => {
  it('indexes the cases already there, folded, with their family label and address', async () => {
    dir = tempDir();
    const key = randomBytes(32);
    const file = join(dir, 'a.db');
    const at = MIGRATIONS.indexOf(Search1795305603000);
    const old = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, at) });
    await insertRow(old, 'user', { id: 'u1', login: 'anowak', first_name: 'Anna', last_name: 'Nowak', roles: '["social_worker"]', active: 1, version: 1 });
    await insertRow(old, 'family', { id: 'f1', kind: 'family', street: 'ul. Źródlana 7', postal_code: '74-202', city: 'Łobez', rural: 0, farm_hectares: 0, housing: '', version: 1 });
    await insertRow(old, 'person', { id: 'p1', pesel: '85031512345', first_name: 'Małgorzata', last_name: 'Żółć', birth_date: '1985-03-15', sex: 'F', citizenship: 'PL', name_key: 'zolc malgorzata', version: 1 });
    await insertRow(old, 'person', { id: 'p2', pesel: null, document_type: 'passport', document_number: 'AB123', first_name: 'Jan', last_name: 'Żółć', birth_date: '2010-01-01', sex: 'M', citizenship: 'UA', name_key: 'zolc jan', version: 1 });
    // The child is listed first: the label names the applicant, wherever she stands.
    await insertRow(old, 'family_member', { id: 'm2', family_id: 'f1', person_id: 'p2', position: 0, relation: 'child', in_household: 1, version: 1 });
    await insertRow(old, 'family_member', { id: 'm1', family_id: 'f1', person_id: 'p1', position: 1, relation: 'applicant', in_household: 1, version: 1 });
    await insertRow(old, 'case_file', { id: 'c1', number: 'OPS.AR.4.2026', family_id: 'f1', status: 'REPORTED', reported_on: '2026-03-02', worker_id: 'u1', interview_due: '2026-03-16', reasons: '[]', version: 1 });
    await old.close();

    const db = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, at + 1) });
    try {
      expect(await db.dataSource.query('SELECT case_id, family_name, members, address FROM search_doc')).toEqual([
        { case_id: 'c1', family_name: 'Żółć Małgorzata', members: JSON.stringify(['Żółć Jan', 'Żółć Małgorzata']), address: 'ul. Źródlana 7, 74-202 Łobez' },
      ]);
      const found = async (match: string) =>
        ((await db.dataSource.query('SELECT d.case_id FROM case_search s JOIN search_doc d ON d.id = s.rowid WHERE case_search MATCH ?', [match])) as { case_id: string }[]).map((r) => r.case_id);
      expect(await found('names:zolc')).toEqual(['c1']);
      expect(await found('names:malgo*')).toEqual(['c1']);
      expect(await found('ids:85031512345')).toEqual(['c1']);
      expect(await found('ids:ab123')).toEqual(['c1']);
      expect(await found('address:zrodlana')).toEqual(['c1']);
      expect(await found('address:lobez')).toEqual(['c1']);
      expect(await found('address:ul')).toEqual([]); // the street's "ul." prefix is not indexed
      expect(await found('number:"ops ar 4 2026"')).toEqual(['c1']);
      expect(await found('names:nowak')).toEqual([]);
      expect(await db.dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'case_file_status'`)).toEqual([{ name: 'case_file_status' }]);
    } finally {
      await db.close();
    }
  });
});
