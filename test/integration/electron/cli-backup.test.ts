import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_CORRUPT_MESSAGE } from '../../../shared/backup';
import { HEAD, setUpOffice, tempDir, testBackend } from '../../support/backend';
import { STAFF, seedOffice } from '../../support/seed';

const dir = tempDir('asysta-cli-kopia-');
const dataDir = join(dir, 'dane');
let recoveryCode = '';
let users: string[] = [];

function cli(args: string[], stdin: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args], { input: stdin, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

function fingerprint(folder: string): Record<string, string> {
  return Object.fromEntries(readdirSync(folder).map((f) => [f, createHash('sha256').update(readFileSync(join(folder, f))).digest('hex')]));
}

beforeAll(async () => {
  const t = testBackend(dataDir);
  recoveryCode = await setUpOffice(t);
  await seedOffice(t);
  users = (await t.call('users:list', {})).map((u) => u.login);
  await t.backend.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CLI backup and restore', () => {
  let file = '';

  it('backup writes a dated file into a folder and prints its SHA-256', () => {
    const made = cli(['backup', '--data-dir', dataDir, '--login', HEAD.login, '--out', dir], `${HEAD.password}\n`);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    const name = readdirSync(dir).find((f) => f.endsWith('.asb'));
    expect(name).toMatch(/^asysta-kopia-\d{4}-\d{2}-\d{2}T\d{4}\.asb$/);
    file = join(dir, name ?? '');
    const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(made.out).toContain(`SHA-256: ${sha}`);
  });

  it('backup refuses a wrong password and a non-kierownik, writing nothing', () => {
    const before = fingerprint(dataDir);
    const wrong = cli(['backup', '--data-dir', dataDir, '--login', HEAD.login, '--out', join(dir, 'x.asb')], 'zle-haslo-123\n');
    expect(wrong.code).toBe(3);
    expect(wrong.err).toContain('Nieprawidłowy login lub hasło');
    const worker = cli(['backup', '--data-dir', dataDir, '--login', STAFF[0]!.login, '--out', join(dir, 'y.asb')], `${STAFF[0]!.password}\n`);
    expect(worker.code).toBe(3);
    expect(worker.err).toContain('Nie masz uprawnień do wykonywania kopii zapasowych.');
    expect(readdirSync(dir).filter((f) => f === 'x.asb' || f === 'y.asb')).toEqual([]);
    expect(fingerprint(dataDir)).toEqual(before);
  });

  it('restore with the recovery code and with a password brings the office back', async () => {
    const byCode = join(dir, 'odzyskane-kodem');
    const run = cli(['restore', '--data-dir', byCode, '--from', file], `${recoveryCode}\n`);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('Przywrócono dane z kopii zapasowej');
    const byPassword = join(dir, 'odzyskane-haslem');
    expect(cli(['restore', '--data-dir', byPassword, '--from', file, '--login', HEAD.login], `${HEAD.password}\n`).code).toBe(0);
    for (const folder of [byCode, byPassword]) {
      const t = testBackend(folder);
      await t.call('session:login', { login: HEAD.login, password: HEAD.password });
      expect((await t.call('users:list', {})).map((u) => u.login)).toEqual(users);
      await t.backend.close();
    }
    expect(cli(['verify', '--data-dir', byCode, '--login', HEAD.login], `${HEAD.password}\n`).code).toBe(0);
  });

  it('restore refuses a damaged backup, replacing nothing', () => {
    const bytes = readFileSync(file);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
    const bad = join(dir, 'uszkodzona.asb');
    writeFileSync(bad, bytes);
    const before = fingerprint(dataDir);
    const run = cli(['restore', '--data-dir', dataDir, '--from', bad], `${recoveryCode}\n`);
    expect(run.code).toBe(3);
    expect(run.err).toContain(BACKUP_CORRUPT_MESSAGE);
    expect(fingerprint(dataDir)).toEqual(before);
    expect(cli(['restore', '--data-dir', dataDir], `${recoveryCode}\n`).code).toBe(2);
  });
});
