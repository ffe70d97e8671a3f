/**
 * Migrations import no live code: a migration must do the same on the day an old database meets
 * it, whatever shared/ and the services have become. What they need is frozen in
 * electron/db/migrations/frozen/, whose files are pinned by hash here.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addWorkingDays as frozenAddWorkingDays, isValidIsoDate as frozenIsValid } from '../../../../electron/db/migrations/frozen/calendar-2026';
import { foldForSearch } from '../../../../electron/db/migrations/frozen/text-2026';
import { addWorkingDays } from '../../../../shared/domain/calendar';
import { addDays, isValidIsoDate } from '../../../../shared/domain/dates';
import { fold } from '../../../../shared/domain/text';

const MIGRATIONS_DIR = resolve(__dirname, '../../../../electron/db/migrations');

/** Every `import … from`, `export … from`, `import(…)` and `require(…)` of a file, with whether it is type-only. */
function importsOf(source: string): { specifier: string; typeOnly: boolean }[] {
  const found: { specifier: string; typeOnly: boolean }[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?\bfrom\s+['"]([^'"]+)['"]/gm)) {
    found.push({ specifier: m[3]!, typeOnly: Boolean(m[2]) });
  }
  for (const m of source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) found.push({ specifier: m[1]!, typeOnly: false });
  for (const m of source.matchAll(/\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ specifier: m[1]!, typeOnly: false });
  return found;
}

function migrationFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (/\.(ts|tsx|js|mjs|cjs)$/.test(entry.name)) files.push(join(dir, entry.name));
    }
  };
  walk(MIGRATIONS_DIR);
  return files.sort();
}

/** Why a migration's import is refused, or null when it is allowed. */
function refusal(file: string, specifier: string, typeOnly: boolean): string | null {
  if (specifier.startsWith('node:')) return null;
  if (specifier === 'typeorm') return typeOnly ? null : 'TypeORM only as `import type`';
  if (!specifier.startsWith('.')) return 'a package';
  const target = resolve(dirname(file), specifier);
  const inside = relative(MIGRATIONS_DIR, target);
  return inside.startsWith('..') ? 'code outside electron/db/migrations/ (freeze a copy in migrations/frozen/)' : null;
}

/** SHA-256 of each frozen file (line endings normalised). A frozen file is never edited: add a new one. */
const FROZEN: Record<string, string> = {
  'calendar-2026.ts': 'a859d4cda1225edf919dd1bbbb88892d6e59cd171953a225eb159c06938a5fa2',
  'text-2026.ts': '88b688c6ed2120b309aeed4312ca0d371389f32160684da8afcccaff558f0cb4',
};

describe('migrations import no live code', () => {
  it('finds the imports it must judge (the scanner itself)', () => {
    const sample = `import type { A } from 'typeorm';\nimport { b } from '../../../shared/domain/text';\nexport { c } from './x';\nconst d = await import('../y');\nimport 'side-effect';`;
    expect(importsOf(sample)).toEqual([
      { specifier: 'typeorm', typeOnly: true },
      { specifier: '../../../shared/domain/text', typeOnly: false },
      { specifier: './x', typeOnly: false },
      { specifier: 'side-effect', typeOnly: false },
      { specifier: '../y', typeOnly: false },
    ]);
    const file = join(MIGRATIONS_DIR, '0099-x.ts');
    expect(refusal(file, '../../../shared/domain/text', false)).toMatch(/outside/);
    expect(refusal(file, 'typeorm', false)).toMatch(/import type/);
    expect(refusal(file, 'zod', false)).toBe('a package');
    expect(refusal(file, './frozen/calendar-2026', false)).toBeNull();
  });

  it('every migration imports only TypeORM types, node: built-ins and files of electron/db/migrations/', () => {
    const wrong: string[] = [];
    for (const file of migrationFiles()) {
      for (const { specifier, typeOnly } of importsOf(readFileSync(file, 'utf8'))) {
        const why = refusal(file, specifier, typeOnly);
        if (why) wrong.push(`${relative(MIGRATIONS_DIR, file)} imports '${specifier}': ${why}`);
      }
    }
    expect(wrong, 'A migration must not change when the app changes. Copy what it needs into electron/db/migrations/frozen/.').toEqual([]);
  });

  it('every migration has its own test (a database at N-1 with rows, migrated to N, its data checked)', () => {
    const tests = new Set(readdirSync(resolve(__dirname, 'migrations')));
    const missing = readdirSync(MIGRATIONS_DIR)
      .filter((name) => /^\d{4}-.*\.ts$/.test(name))
      .map((name) => name.replace(/\.ts$/, '.test.ts'))
      .filter((name) => !tests.has(name));
    expect(missing, 'Add test/integration/electron/db/migrations/<migration>.test.ts for each (see 0008-decision-due.test.ts).').toEqual([]);
  });

  it('the frozen helpers are never edited (their hashes are pinned)', () => {
    const dir = join(MIGRATIONS_DIR, 'frozen');
    const actual = Object.fromEntries(
      readdirSync(dir)
        .filter((name) => name.endsWith('.ts'))
        .sort()
        .map((name) => [name, createHash('sha256').update(readFileSync(join(dir, name), 'utf8').replace(/\r\n/g, '\n')).digest('hex')]),
    );
    expect(actual, 'A frozen helper changed or appeared. Never edit one; add a new file and pin its hash here.').toEqual(FROZEN);
  });

  it('the frozen copies gave the same answers as the live rules when they were frozen (2011–2040)', () => {
    // Should the live rule change deliberately (a new holiday), limit this comparison to the
    // years before the change. Never edit the frozen copy.
    for (let date = '2011-01-01'; date < '2041-01-01'; date = addDays(date, 1)) {
      expect(frozenAddWorkingDays(date, 7), date).toBe(addWorkingDays(date, 7));
    }
    for (const value of ['2026-02-29', '2024-02-29', '2026-13-01', '0000-01-01', '0001-01-01', '9999-12-31', '2026-1-01', '', 20260101, null]) {
      expect(frozenIsValid(value), String(value)).toBe(isValidIsoDate(value));
    }
    for (const value of ['Żółć  ŁÓDŹ ', 'Grzegorz Brzęczyszczykiewicz', 'ul. Polna 3, 74-202 Bielice', 'OPS.AR.1.2026']) {
      expect(foldForSearch(value)).toBe(fold(value));
    }
  });
});
