/**
 * Money, percentages and dates are written one way on the screens, in the PDFs and in the
 * exports: by shared/polish.ts (formatZl, formatPercent, formatDateShort,
 * formatDateLong). No other module builds a decimal comma or an ISO-date parser of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
/** The modules that own the forms (and the frozen copies the migrations keep). */
const OWNERS = new Set(['shared/polish.ts', 'shared/domain/income.ts', 'shared/domain/dates.ts', 'shared/numbers.ts']);

const RULES: { name: string; pattern: RegExp }[] = [
  { name: 'a decimal comma made by hand (use formatPercent / formatZl from shared/polish.ts)', pattern: /toFixed\(\d\)\.replace\(\s*['"]\.['"]\s*,\s*['"],['"]\s*\)/ },
  { name: 'an ISO-date parser of its own (use shared/domain/dates.ts)', pattern: /\^\(\\d\{4\}\)-\(\\d\{2\}\)-\(\\d\{2\}\)\$/ },
];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && path !== join('electron', 'db', 'migrations', 'frozen')) out.push(...sources(path));
    } else if (/\.(ts|tsx)$/.test(entry.name)) out.push(path);
  }
  return out;
}

describe('one formatting module', () => {
  it('no screen, PDF or export formats money, percentages or ISO dates by hand', () => {
    const found: string[] = [];
    for (const file of ['renderer', 'electron', 'shared'].flatMap(sources)) {
      const name = relative(ROOT, join(ROOT, file)).split('\\').join('/');
      if (OWNERS.has(name)) continue;
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const rule of RULES) if (rule.pattern.test(text)) found.push(`${name}: ${rule.name}`);
    }
    expect(found).toEqual([]);
  });
});
