/**
 * The code cites the project's own documents: every `docs/<file>.md#<anchor>` it names exists in
 * the repository with that heading, and nothing cites a domain.md section number outside it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(path));
    else if (/\.(ts|tsx|mjs)$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces as hyphens. */
function anchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(file: string): Set<string> {
  return new Set(
    readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .filter((line) => /^#{1,6} /.test(line))
      .map((line) => anchor(line.replace(/^#+ /, ''))),
  );
}

describe('citations of the project docs', () => {
  const files = ['electron', 'shared', 'renderer', 'test', 'scripts'].filter((dir) => existsSync(join(ROOT, dir))).flatMap(sources);

  it('every docs/… citation names a file and a heading that exist', () => {
    const broken: string[] = [];
    for (const file of files) {
      for (const match of readFileSync(join(ROOT, file), 'utf8').matchAll(/\bdocs\/([\w./-]+\.md)(?:#([\w-]+))?/g)) {
        const target = join('docs', match[1]!);
        const where = `${relative(ROOT, join(ROOT, file))}: ${match[0]}`;
        if (!existsSync(join(ROOT, target))) broken.push(`${where} (no such file)`);
        else if (match[2] && !anchorsOf(target).has(match[2])) broken.push(`${where} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('nothing cites a section number of a domain.md that is not the project’s', () => {
    const stale = files.filter((file) => /(?<![\w/])domain\.md §/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(stale).toEqual([]);
  });

  it('computes GitHub’s anchors (the rule itself)', () => {
    expect(anchor('Data protection and the document register')).toBe('data-protection-and-the-document-register');
    expect(anchor("The kierownik's approval of a plan: office practice, a setting")).toBe('the-kierowniks-approval-of-a-plan-office-practice-a-setting');
  });
});
