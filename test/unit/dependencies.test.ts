/**
 * No dead dependencies: every package in package.json is imported by the code, the tests, the
 * build configuration or the scripts, or is a tool that a package.json script runs, or the types
 * of one of those.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

interface PackageJson {
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  bin?: string | Record<string, string>;
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;

function files(dir: string): string[] {
  if (!existsSync(join(ROOT, dir))) return [];
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...files(path));
    else if (/\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** The text of everything that may import a package. */
const code = [
  ...['electron', 'shared', 'renderer', 'test', 'scripts', 'build'].flatMap(files),
  ...readdirSync(ROOT).filter((name) => /\.(ts|js|mjs|cjs)$/.test(name)),
]
  .map((file) => readFileSync(join(ROOT, file), 'utf8'))
  .join('\n');

/** The commands the package.json scripts run. */
const scripts = Object.values(pkg.scripts ?? {}).join(' && ');

function binsOf(name: string): string[] {
  const file = join(ROOT, 'node_modules', name, 'package.json');
  if (!existsSync(file)) return [];
  const bin = (JSON.parse(readFileSync(file, 'utf8')) as PackageJson).bin;
  return bin === undefined ? [] : typeof bin === 'string' ? [name.split('/').pop()!] : Object.keys(bin);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const imported = (name: string) => new RegExp(`(from\\s+|import\\s*\\(\\s*|require\\s*\\(\\s*|import\\s+)['"]${escape(name)}(/[^'"]*)?['"]`).test(code);
const run = (name: string) => binsOf(name).some((bin) => new RegExp(`(^|[\\s&|;(])(npx\\s+)?${escape(bin)}(\\s|$)`).test(scripts));

function used(name: string, all: string[]): boolean {
  if (name.startsWith('@types/')) {
    const of = name.slice('@types/'.length).replace(/^(.+)__(.+)$/, '@$1/$2');
    return of === 'node' || (all.includes(of) && used(of, all)) || imported(of);
  }
  return imported(name) || run(name);
}

describe('dependencies', () => {
  it('every package in package.json is used', () => {
    const all = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
    expect(all.filter((name) => !used(name, all)), 'Remove the unused packages (npm uninstall), or import them where they are needed.').toEqual([]);
  });

  it('tells a used package from an unused one (the check itself)', () => {
    expect(used('zod', ['zod'])).toBe(true);
    expect(used('vitest', ['vitest'])).toBe(true); // run by a script
    expect(used('left-pad', ['left-pad'])).toBe(false);
    expect(used('@types/left-pad', ['@types/left-pad'])).toBe(false);
  });
});
