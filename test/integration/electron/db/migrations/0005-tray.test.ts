import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../../../electron/db/database';
import { MIGRATIONS } from '../../../../../electron/db/migrations';
import { Tray1795305604000 } from '../../../../../electron/db/migrations/0005-tray';
import { tempDir } from '../../../../support/backend';
import { insertRow } from './rows';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const areas = (tasks: { description: string; deadline: string; status: string }[]) => JSON.stringify([{ name: 'Zdrowie', goals: [{ goal: 'Szczepienia', tasks }] }]);
const actions = (list: { description: string; deadline: string; status: string }[]) => JSON.stringify(list);

describe('migration 0005: the tray’s task and action rows', () => {
  it('unpacks the signed plans’ tasks and the running kontrakty’s actions already there, and keeps them current afterwards', async () => {
    dir = tempDir();
    const key = randomBytes(32);
    const file = join(dir, 'a.db');
    const at = MIGRATIONS.indexOf(Tray1795305604000);
    const old = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, at) });
    await insertRow(old, 'user', { id: 'u1', login: 'anowak', first_name: 'Anna', last_name: 'Nowak', roles: '["family_assistant"]', active: 1, version: 1 });
    await insertRow(old, 'family', { id: 'f1', kind: 'family', street: 'ul. Polna 3', postal_code: '74-202', city: 'Bielice', rural: 0, farm_hectares: 0, housing: '', version: 1 });
    await insertRow(old, 'case_file', { id: 'c1', number: 'OPS.AR.1.2026', family_id: 'f1', status: 'IN_PROGRESS', reported_on: '2026-01-05', worker_id: 'u1', interview_due: '2026-01-19', reasons: '[]', version: 1 });
    const task = { description: 'Wizyta u pediatry', deadline: '2026-04-30', status: 'in_progress' };
    await insertRow(old, 'plan', { id: 'p-signed', case_id: 'c1', number: 1, type: 'standard', coordinator: '', status: 'signed', assistant_id: 'u1', areas: areas([task]), version: 1 });
    await insertRow(old, 'plan', { id: 'p-draft', case_id: 'c1', number: 2, type: 'standard', coordinator: '', status: 'draft', assistant_id: 'u1', areas: areas([{ ...task, description: 'Szkic' }]), version: 1 });
    const action = { description: 'Zapisanie dziecka do przedszkola', deadline: '2026-05-15', status: 'planned' };
    await insertRow(old, 'contract', { id: 'k-running', case_id: 'c1', variant: 'A', status: 'in_progress', client_ids: '[]', worker_id: 'u1', partial_goals: '[]', actions: actions([action]), period_from: '2026-02-01', period_to: '2026-07-31', version: 1 });
    await insertRow(old, 'contract', { id: 'k-draft', case_id: 'c1', variant: 'A', status: 'draft', client_ids: '[]', worker_id: 'u1', partial_goals: '[]', actions: actions([{ ...action, description: 'Szkic' }]), period_from: '2026-02-01', period_to: '2026-07-31', version: 1 });
    await old.close();

    const db = await Database.open({ file, masterKey: key, migrations: MIGRATIONS.slice(0, at + 1) });
    try {
      const q = (sql: string) => db.dataSource.query(sql) as Promise<unknown[]>;
      expect(await q('SELECT plan_id, case_id, case_status, description, deadline, status FROM signed_plan_task')).toEqual([
        { plan_id: 'p-signed', case_id: 'c1', case_status: 'IN_PROGRESS', ...task },
      ]);
      expect(await q('SELECT contract_id, case_id, case_status, description, deadline, status FROM running_contract_action')).toEqual([
        { contract_id: 'k-running', case_id: 'c1', case_status: 'IN_PROGRESS', ...action },
      ]);

      // The triggers keep the rows current: a plan signed, a task done, a case closed, a kontrakt ended.
      await q(`UPDATE plan SET status = 'signed' WHERE id = 'p-draft'`);
      await q(`UPDATE plan SET areas = '${areas([{ ...task, status: 'done' }])}' WHERE id = 'p-signed'`);
      await q(`UPDATE case_file SET status = 'CLOSED' WHERE id = 'c1'`);
      await q(`UPDATE contract SET status = 'completed' WHERE id = 'k-running'`);
      expect(await q('SELECT plan_id, case_status, description, status FROM signed_plan_task ORDER BY plan_id')).toEqual([
        { plan_id: 'p-draft', case_status: 'CLOSED', description: 'Szkic', status: 'in_progress' },
        { plan_id: 'p-signed', case_status: 'CLOSED', description: task.description, status: 'done' },
      ]);
      expect(await q('SELECT contract_id FROM running_contract_action')).toEqual([]);
      await q(`DELETE FROM plan WHERE id = 'p-draft'`);
      expect(await q('SELECT plan_id FROM signed_plan_task')).toEqual([{ plan_id: 'p-signed' }]);
    } finally {
      await db.close();
    }
  });
});
