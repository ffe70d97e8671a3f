import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend';
import { tempDir } from '../../support/backend';

const dir = tempDir('asysta-cli-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dataDir = join(dir, 'dane');

function cli(args: string[], stdin: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args], { input: stdin, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

function fingerprint(folder: string): Record<string, string> {
  return Object.fromEntries(readdirSync(folder).map((f) => [f, createHash('sha256').update(readFileSync(join(folder, f))).digest('hex')]));
}

describe('admin CLI', () => {
  it('init creates the office and prints the recovery code; no entered text is readable in the folder', () => {
    const run = cli(['init', '--data-dir', dataDir, '--office', 'Ośrodek Pomocy Społecznej w Zambrowie', '--login', 'kierowniczka', '--gmina', 'Zambrów'], 'Bardzo-tajne-haslo-1\n');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/KOD ODZYSKIWANIA: ([A-Z2-7]{4}-){7}[A-Z2-7]{4}/);
    for (const file of readdirSync(dataDir)) {
      const bytes = readFileSync(join(dataDir, file));
      for (const needle of ['Zambrow', 'Zambrów', 'kierowniczka', 'Bardzo-tajne-haslo-1']) {
        expect(bytes.includes(Buffer.from(needle)), `${file} contains ${needle}`).toBe(false);
      }
    }
  });

  it('verify passes with the right password', () => {
    const run = cli(['verify', '--data-dir', dataDir, '--login', 'kierowniczka'], 'Bardzo-tajne-haslo-1\n');
    expect(run.code).toBe(0);
    expect(run.out).toContain('✔ Plik bazy danych jest spójny.');
    expect(run.out).toContain('✔ Dziennik zdarzeń jest spójny');
    expect(run.out).toContain('Baza danych jest w porządku.');
  });

  it('verify with a wrong password fails clearly and changes nothing', () => {
    const before = fingerprint(dataDir);
    const run = cli(['verify', '--data-dir', dataDir, '--login', 'kierowniczka'], 'zle-haslo\n');
    expect(run.code).toBe(3);
    expect(run.err).toContain('Nieprawidłowy login lub hasło. Niczego nie zmieniono.');
    expect(fingerprint(dataDir)).toEqual(before);
  });

  it('verify names a missing folder, a missing password and a broken audit chain', async () => {
    const missing = cli(['verify', '--data-dir', join(dir, 'nie-ma'), '--login', 'kierowniczka'], 'x\n');
    expect(missing.code).toBe(3);
    expect(missing.err).toContain('W tym folderze nie ma danych Asysty');
    const noPassword = cli(['verify', '--data-dir', dataDir, '--login', 'kierowniczka'], '');
    expect(noPassword.code).toBe(2);
    expect(noPassword.err).toContain('Nie podano hasła');

    const backend = createBackend({ dataDir, idleCheckMs: 0 });
    const key = await backend.unwrapWithPassword(await backend.readKeyring(), 'kierowniczka', 'Bardzo-tajne-haslo-1');
    const db = await backend.openDatabase(key!);
    await db.dataSource.query(`UPDATE audit_log SET details = '{}' WHERE id = 2`);
    await db.close();
    const broken = cli(['verify', '--data-dir', dataDir, '--login', 'kierowniczka'], 'Bardzo-tajne-haslo-1\n');
    expect(broken.code).toBe(4);
    expect(broken.out).toContain('✘ Dziennik zdarzeń jest naruszony od wpisu nr 2');
  });

  it('prints usage for an unknown command and refuses unknown options', () => {
    expect(cli(['nieznane'], '').code).toBe(2);
    const bad = cli(['verify', '--data-dir', dataDir, '--password', 'x'], '');
    expect(bad.code).toBe(2);
  });
});
