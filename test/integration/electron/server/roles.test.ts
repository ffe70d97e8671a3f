import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scramVerifier, serverRoles } from '../../../../electron/data/postgres/roles';
import { serverPaths, tool } from '../../../../electron/server/cluster';
import { startServerOffice, type Person, type ServerOffice } from '../../../support/server-office';

let office: ServerOffice;
let anna: Person;
beforeAll(async () => {
  office = await startServerOffice();
  anna = await office.addPerson('anna', ['social_worker']);
}, 120_000);
afterAll(() => office?.close());

const groups = serverRoles().groups;

async function groupsOf(role: string): Promise<string[]> {
  const { rows } = await office.admin.query<{ group: string }>(
    `SELECT g.rolname AS group FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = $1 ORDER BY 1`,
    [role],
  );
  return rows.map((r) => r.group);
}

describe('login roles on the server', () => {
  it('each person is a LOGIN role with a SCRAM verifier, in the group of each of her roles', async () => {
    expect(anna.role).toBe('asysta.anna');
    expect(await groupsOf(anna.role)).toEqual([groups.social_worker]);
    expect(await groupsOf(office.head.role)).toEqual([groups.head]);
    const { rows } = await office.admin.query<{ rolcanlogin: boolean; rolpassword: string }>('SELECT rolcanlogin, rolpassword FROM pg_authid WHERE rolname = $1', [anna.role]);
    expect(rows[0]!.rolcanlogin).toBe(true);
    expect(rows[0]!.rolpassword).toMatch(/^SCRAM-SHA-256\$4096:/);
  });

  it('follows the user record: roles change the groups, switching the account off takes the login away', async () => {
    await office.head.client.query(`UPDATE "user" SET roles = '["social_worker","family_assistant"]' WHERE id = $1`, [anna.id]);
    expect(await groupsOf(anna.role)).toEqual([groups.family_assistant, groups.social_worker].sort());
    await office.head.client.query(`UPDATE "user" SET active = false WHERE id = $1`, [anna.id]);
    expect(await groupsOf(anna.role)).toEqual([]);
    await expect(office.connect(anna.role, anna.password)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    await office.head.client.query(`UPDATE "user" SET active = true, roles = '["social_worker"]' WHERE id = $1`, [anna.id]);
    expect(await groupsOf(anna.role)).toEqual([groups.social_worker]);
    await expect(office.connect(anna.role, anna.password)).resolves.toBeDefined();
  });

  it('only the kierownik creates accounts and sets others’ passwords; anyone changes her own', async () => {
    await expect(anna.client.query(`UPDATE "user" SET roles = '["head"]' WHERE id = $1`, [anna.id])).rejects.toMatchObject({ code: '42501' });
    await expect(anna.client.query('SELECT asysta.set_password($1, $2)', [office.head.id, scramVerifier('Przejęte-Hasło-123')])).rejects.toMatchObject({ code: '42501' });
    await expect(anna.client.query('SELECT asysta.provision_login($1, $2)', [anna.id, scramVerifier('Cokolwiek-Długie-1')])).rejects.toMatchObject({ code: '42501' });
    await expect(anna.client.query(`UPDATE "user" SET db_role = 'asysta.kierownik' WHERE id = $1`, [anna.id])).rejects.toMatchObject({ code: '42501' });
    // A password in clear is refused: only a verifier reaches the server.
    await expect(office.head.client.query('SELECT asysta.set_password($1, $2)', [anna.id, 'Hasło-jawnym-tekstem-1'])).rejects.toThrow('Hasło musi przyjść jako weryfikator SCRAM-SHA-256.');
    await office.head.client.query('SELECT asysta.set_password($1, $2)', [anna.id, scramVerifier('Nowe-Hasło-Od-Kierownika-1')]);
    await expect(office.connect(anna.role, anna.password)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    const again = await office.connect(anna.role, 'Nowe-Hasło-Od-Kierownika-1');
    await again.query('SELECT asysta.change_own_password($1)', [scramVerifier('Moje-Własne-Hasło-2')]);
    await expect(office.connect(anna.role, 'Moje-Własne-Hasło-2')).resolves.toBeDefined();
  });

  it('a verifier made on the client opens the account to node-postgres and to psql alike, SASLprep included', async () => {
    // A no-break space and the "ﬁ" ligature: both change under SASLprep (space, NFKC "fi").
    const password = 'Zaro\u00a0\ufb01na-Hasło-Długie-7';
    await office.head.client.query('SELECT asysta.set_password($1, $2)', [anna.id, scramVerifier(password)]);
    await expect(office.connect(anna.role, password)).resolves.toBeDefined();
    const config = office.server.config;
    const conninfo = `host=127.0.0.1 port=${config.port} dbname=${config.database} user=${anna.role} sslmode=verify-full sslrootcert=${serverPaths(office.server.dir).caCertFile}`;
    const psql = spawnSync(tool(config.binDir, 'psql'), [conninfo, '-XAtq', '-c', 'SELECT current_user'], { env: { ...process.env, PGPASSWORD: password }, encoding: 'utf8' });
    expect(psql.stderr).toBe('');
    expect(psql.stdout.trim()).toBe(anna.role);
  });

  it('a person writes her own preferences, not another’s, nor the office’s settings or the audit head', async () => {
    const row = (key: string) => [key, '115', new Date().toISOString(), anna.id];
    const upsert = 'INSERT INTO setting (key, value, updated_at, updated_by) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO UPDATE SET value = excluded.value';
    await expect(anna.client.query(upsert, row(`account.textScale.${anna.id}`))).resolves.toMatchObject({ rowCount: 1 });
    await expect(anna.client.query(upsert, row(`account.textScale.${office.head.id}`))).rejects.toMatchObject({ code: '42501' });
    await expect(anna.client.query(upsert, row('settings.caseloadLimit'))).rejects.toMatchObject({ code: '42501' });
    await expect(office.head.client.query(upsert, row('audit.head'))).rejects.toMatchObject({ code: '42501' });
    await expect(office.head.client.query(upsert, row('settings.caseloadLimit'))).resolves.toMatchObject({ rowCount: 1 });
  });

  it('every SECURITY DEFINER function has a fixed search_path, and none is executable by PUBLIC', async () => {
    const { rows } = await office.admin.query<{ name: string; config: string[] | null; public: boolean }>(
      `SELECT p.proname AS name, p.proconfig AS config, has_function_privilege('public', p.oid, 'EXECUTE') AS public
         FROM pg_proc p WHERE p.pronamespace = 'asysta'::regnamespace AND p.prosecdef`,
    );
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((r) => !(r.config ?? []).some((c) => c.startsWith('search_path=pg_catalog')))).toEqual([]);
    expect(rows.filter((r) => r.public).map((r) => r.name)).toEqual([]);
  });
});
