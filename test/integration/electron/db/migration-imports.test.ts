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

/**
 * SHA-256 of each migration a released version has run (line endings normalised). A released
 * migration is never edited, not even a comment: a change to the schema is a new migration.
 * Add a migration here when a version that contains it is released.
 */
const SHIPPED: Record<string, string> = {
  '0001-initial.ts': '4bd51f593327a7afad2d469f75a7c68d89c676151a02f4228191c195b6fd48d8',
  '0002-cases.ts': '6653a34797e1f8cf28508d693ef51c4f504fb52fa6743a32e1ed6a3ae39063c2',
  '0003-family-work.ts': '62308c3ff5c2fea80ed8ea87c602b707d55ca7b44d4d58b8f2846c014b4d5768',
  '0004-search.ts': '4b9ea09ac4615e38f0895da4ff48545e25f69076479cfdaaf32d0f4e547b3d62',
  '0005-tray.ts': '4b1b0e8d16a0802dbe6fd4f312af00ef624dcabd2aae5eea422076fcabec41c4',
  '0006-documents.ts': '2f9a153ba49d7c07b01b2f6b727f9d3e3f269c85739705c18baa9c8227191c6a',
  '0007-court-requests.ts': '3a14ff91066dcad5f8ec901f36b3db309a418bc3942c1a28fdf18283a0723193',
  '0008-decision-due.ts': 'a8c3f9bc82c4b05c36fe07a1e1591525cdd6ac1bb1f75811bc6158d901cf4834',
  '0010-records-history.ts': 'c50f589af53dc4e6c053a76c01ecd4cb6f2ed6b802894844f3a26eab0e463675',
  '0011-document-fields.ts': '4440e81c9de9fada0bb0c04af02d86b2b2cfcfd771777340b9998ba0b0053264',
  '0012-referrals.ts': '1661fabce110b83d78ab1e4c9bbb7b0158d08fe722bfd85cec632345c51c8d54',
};

const sha256Of = (file: string) => createHash('sha256').update(readFileSync(file, 'utf8').replace(/\r\n/g, '\n')).digest('hex');

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
        .map((name) => [name, sha256Of(join(dir, name))]),
    );
    expect(actual, 'A frozen helper changed or appeared. Never edit one; add a new file and pin its hash here.').toEqual(FROZEN);
  });

  it('the released migrations are never edited (their hashes are pinned)', () => {
    const actual = Object.fromEntries(Object.keys(SHIPPED).map((name) => [name, sha256Of(join(MIGRATIONS_DIR, name))]));
    expect(actual, 'A released migration changed. Old databases have already run it: put the change in a new migration and restore this file.').toEqual(SHIPPED);
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
