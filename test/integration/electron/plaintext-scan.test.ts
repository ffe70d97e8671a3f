/**
 * No plain text at rest: an office seeded with distinctive Polish names, PESEL numbers and free
 * text; every file Asysta wrote — the data folder (with the WAL and shared-memory files while a
 * session is open), backups, a restored copy — is searched for each of them as UTF-8 and UTF-16LE.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HEAD, setUpOffice, tempDir, testBackend, type TestBackend } from '../../support/backend';
import { FAMILY, NEEDLES, STAFF, filesUnder, plainTextIn, seedOffice } from '../../support/seed';

const INTERVIEW_TEXT = 'Pani Gertruda Wierzchosławska opiekuje się wnukami; mieszkanie zawilgocone.';
const DRAFT_TEXT = 'Szkic notatki: Bogumiła Chrząszczewska prosi o kontakt.';
const ALL_NEEDLES = [
  ...NEEDLES,
  'Gertruda',
  'Wierzchosławska',
  'Chrząszczewska',
  'zawilgocone',
  // The folded search keys the database keeps beside the names.
  'szczesniak',
  'wisniewska',
];

const folders: string[] = [];
const backends: TestBackend[] = [];
afterAll(async () => {
  for (const b of backends) await b.cleanup();
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

function scan(paths: string[]): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const file of paths) {
    const hits = plainTextIn(file, ALL_NEEDLES);
    if (hits.length > 0) found[file] = hits;
  }
  return found;
}

describe('plain-text scan', () => {
  it('would find a name written as UTF-8 or UTF-16LE (the scan itself works)', () => {
    const dir = tempDir('asysta-skan-');
    folders.push(dir);
    writeFileSync(join(dir, 'utf8'), `xx${FAMILY[0]!.pesel}yy`);
    writeFileSync(join(dir, 'utf16'), Buffer.from(`xx${FAMILY[0]!.lastName}yy`, 'utf16le'));
    expect(scan(filesUnder(dir))).toEqual({ [join(dir, 'utf16')]: [FAMILY[0]!.lastName], [join(dir, 'utf8')]: [FAMILY[0]!.pesel] });
  });

  it('finds no name, PESEL or free text in any file Asysta wrote', async () => {
    const t = testBackend();
    backends.push(t);
    const recoveryCode = await setUpOffice(t);
    const { caseId } = await seedOffice(t);
    await t.call('drafts:save', { key: 'intake:new', data: JSON.stringify({ note: DRAFT_TEXT }) });

    // The worker leading the case writes part of the wywiad.
    await t.call('session:logout', {});
    const worker = STAFF[0]!;
    await t.call('session:login', { login: worker.login, password: worker.password });
    const { interviewId } = await t.call('cases:startInterview', { caseId });
    await t.call('interviews:save', {
      id: interviewId,
      expectedVersion: 1,
      conductedOn: '2026-03-02',
      place: 'Mieszkanie rodziny',
      segments: { 'I.A': { familyComposition: INTERVIEW_TEXT } },
      documents: {},
      income: { items: [] },
    });
    await t.call('session:logout', {});
    await t.call('session:login', { login: HEAD.login, password: HEAD.password });
    // The names are in the database (the scan would find them if they were stored as they are).
    const file = await t.call('cases:get', { id: caseId });
    expect(file.family.members.map((m) => m.person.pesel)).toEqual(FAMILY.map((p) => p.pesel));

    // While the session is open: the database, its WAL and shared-memory files, the key slots.
    const open = readdirSync(t.dataDir).sort();
    expect(open).toEqual(['asysta.db', 'asysta.db-shm', 'asysta.db-wal', 'asysta.keys.json']);
    expect(scan(filesUnder(t.dataDir))).toEqual({});

    const backups = tempDir('asysta-kopie-skan-');
    folders.push(backups);
    const made = await t.call('backup:run', { folder: backups });
    await t.call('session:lock', {});
    expect(readdirSync(t.dataDir).sort()).toEqual(['asysta.db', 'asysta.keys.json']);
    expect(readdirSync(backups)).toEqual([made.fileName]);
    expect(scan([...filesUnder(t.dataDir), ...filesUnder(backups)])).toEqual({});

    // A restored copy, and nothing left behind by the restore.
    const restored = testBackend();
    backends.push(restored);
    await restored.call('backup:restore', { method: 'recovery', file: join(backups, made.fileName), recoveryCode });
    expect(readdirSync(restored.dataDir).sort()).toEqual(['asysta.db', 'asysta.keys.json']);
    expect(scan(filesUnder(restored.dataDir))).toEqual({});
    await restored.call('session:login', { login: HEAD.login, password: HEAD.password });
    const again = await restored.call('cases:get', { id: caseId });
    expect(again.family.members.map((m) => `${m.person.firstName} ${m.person.lastName}`)).toEqual(FAMILY.map((p) => `${p.firstName} ${p.lastName}`));
    expect(basename(made.fileName)).toMatch(/\.asb$/);
  });
});
