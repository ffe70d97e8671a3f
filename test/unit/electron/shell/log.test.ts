/**
 * What outside text may reach the shell's log: an unexpected error is written as its class,
 * code, a scrubbed message and its stack frames — never a value it carries (a TypeORM error's
 * query parameters), a quoted text, a long number (PESEL) or the user's home folder.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createShellLog, describeError, scrub, urlForLog } from '../../../../electron/shell/log';

const PESEL = '87112304123';

describe('scrub', () => {
  it('cuts quoted text, long numbers and the home folder, and keeps one line', () => {
    expect(scrub(`UNIQUE constraint failed: person.pesel = '${PESEL}'`)).toBe("UNIQUE constraint failed: person.pesel = '…'");
    expect(scrub(`Nie znaleziono "Jadwiga Szczęśniak" ani „Kołodziej”`)).toBe('Nie znaleziono "…" ani „…”');
    expect(scrub(`PESEL ${PESEL}, tel. 600123456`)).toBe('PESEL #, tel. #');
    expect(scrub(`${homedir()}/Dokumenty/kopie\nnext line`)).toBe('~/Dokumenty/kopie next line');
    expect(scrub('x'.repeat(500)).length).toBeLessThanOrEqual(201);
  });

  it('keeps of a URL only its scheme and host', () => {
    expect(urlForLog('app://asysta/Jadwiga/../package.json?q=Kowalska#x')).toBe('app://asysta/…');
    expect(urlForLog('https://example.com/')).toBe('https://example.com');
    expect(urlForLog('not a url Kowalska')).toBe('(malformed URL)');
  });
});

describe('describeError', () => {
  it('writes class, code, scrubbed message and frames, and none of the values an error carries', () => {
    const error = Object.assign(new Error(`SQLITE_CONSTRAINT: UNIQUE failed for '${PESEL}'`), {
      name: 'QueryFailedError',
      code: 'SQLITE_CONSTRAINT_UNIQUE',
      query: 'INSERT INTO person (first_name, pesel) VALUES (?, ?)',
      parameters: ['Jadwiga', PESEL],
    });
    const text = describeError(error);
    expect(text.split('\n')[0]).toBe("QueryFailedError [SQLITE_CONSTRAINT_UNIQUE]: SQLITE_CONSTRAINT: UNIQUE failed for '…'");
    expect(text).toMatch(/\n {4}at .*:\d+:\d+\)?$/m); // code locations kept whole
    const pdf = Object.assign(new Error('Nie udało się przygotować dokumentu do druku.'), {
      code: 'RENDER_FAILED',
      detail: `Error: Brak pliku czcionki ${homedir()}/fonts/DejaVuSans.ttf. Zainstaluj program ponownie.\n    at path (worker.cjs:398:45)`,
    });
    expect(describeError(pdf).split('\n').slice(0, 2)).toEqual([
      'Error [RENDER_FAILED]: Nie udało się przygotować dokumentu do druku.',
      '  (Error: Brak pliku czcionki ~/fonts/DejaVuSans.ttf. Zainstaluj program ponownie.)',
    ]);
    expect(text).not.toContain('Jadwiga');
    expect(text).not.toContain(PESEL);
    expect(text).not.toContain('INSERT');
    expect(describeError('Jadwiga')).toBe('(string)');
  });
});

describe('createShellLog', () => {
  it('writes to <logs>/asysta.log and rotates it at 1 MB', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asysta-log-'));
    try {
      const log = createShellLog(dir, { console: false });
      expect(log.file).toBe(join(dir, 'asysta.log'));
      log.info('Starting');
      log.warn('Denied navigation', urlForLog('https://example.com/?q=Jadwiga'));
      log.error('Unexpected error in cases:create', new Error(`bad '${PESEL}'`));
      const text = readFileSync(log.file, 'utf8');
      expect(text).toMatch(/\[info\] +Starting\n/);
      expect(text).toContain('Denied navigation: https://example.com/…');
      expect(text).toContain("Unexpected error in cases:create\nError: bad '…'");
      expect(text).not.toContain('Jadwiga');
      expect(text).not.toContain(PESEL);
      for (let i = 0; i < 12_000; i++) log.info(`Filler line ${'-'.repeat(80)}`);
      expect(readFileSync(join(dir, 'asysta.old.log'), 'utf8')).toContain('Starting');
      expect(readFileSync(log.file).length).toBeLessThan(1024 * 1024);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
