/**
 * `npm run cli -- export-case` (issue 7): the same export as the app's court:export, headless,
 * with the password on standard input; the written files match the hashes it prints.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEAD, setUpOffice, tempDir, testBackend } from '../../support/backend';
import { caseWithRequest, PASSWORD } from '../../support/case-flow';

const dir = tempDir('asysta-cli-export-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dataDir = join(dir, 'dane');
let caseId = '';
let courtRequestId = '';

function cli(args: string[], stdin: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args], { input: stdin, encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

beforeAll(async () => {
  const t = testBackend(dataDir);
  await setUpOffice(t);
  await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
  ({ caseId } = await caseWithRequest(t, 'anowak', 3));
  const request = await t.call('court:create', { caseId, court: 'Sąd Rejonowy w Bielicach', division: 'III Wydział Rodzinny i Nieletnich', caseReference: 'III Nsm 123/25', receivedOn: '2026-03-02', asks: 'case_file', deadline: '2026-03-16' });
  courtRequestId = request.id;
  await t.backend.close();
}, 60_000);

describe('CLI export-case', () => {
  it('exports a case for a request: the bundle and the ZIP, with the hashes printed', () => {
    const out = join(dir, 'akta');
    mkdirSync(out);
    const run = cli(['export-case', '--data-dir', dataDir, '--login', HEAD.login, '--case', caseId, '--request', courtRequestId, '--parts', 'chronology,interviews', '--out', out], `${HEAD.password}\n`);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('Przygotowuję akta…');
    expect(run.out).toContain('Przygotowuję: Wywiady środowiskowe');
    const files = readdirSync(out).sort();
    // Named from the sygnatura and the day of the export (the CLI runs on the real clock).
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^Akta_III_Nsm_123-25_\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(files[1]).toBe(files[0]!.replace(/\.pdf$/, '.zip'));
    for (const file of files) {
      const hash = createHash('sha256').update(readFileSync(join(out, file))).digest('hex');
      expect(run.out).toContain(`${file}`);
      expect(run.out).toContain(hash);
    }
  });

  it('refuses a wrong password, an unknown case and a missing folder, in Polish, writing nothing', () => {
    const out = join(dir, 'puste');
    mkdirSync(out);
    const unknown = cli(['export-case', '--data-dir', dataDir, '--login', HEAD.login, '--case', '00000000-0000-4000-8000-000000000000', '--out', out], `${HEAD.password}\n`);
    expect(unknown.code).toBe(3);
    expect(unknown.err).toContain('Nie znaleziono takiej sprawy.');
    const missing = cli(['export-case', '--data-dir', dataDir, '--login', HEAD.login, '--case', caseId, '--out', join(out, 'nie-ma')], `${HEAD.password}\n`);
    expect(missing.code).toBe(3);
    expect(missing.err).toContain('nie istnieje');
    const badParts = cli(['export-case', '--data-dir', dataDir, '--login', HEAD.login, '--case', caseId, '--parts', 'wszystko', '--out', out], `${HEAD.password}\n`);
    expect(badParts.code).toBe(2);
    expect(badParts.err).toContain('Nieznana część akt.');
    // Last: a wrong password delays this login's next attempts, even from a new process (issue 14).
    const wrong = cli(['export-case', '--data-dir', dataDir, '--login', HEAD.login, '--case', caseId, '--out', out], 'zle-haslo-123\n');
    expect(wrong.code).toBe(3);
    expect(wrong.err).toContain('Nieprawidłowy login lub hasło.');
    expect(readdirSync(out)).toEqual([]);
  });
});
