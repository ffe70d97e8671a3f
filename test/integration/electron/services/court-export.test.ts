/**
 * The case-file export for a court (issue 7) from a seeded office, read back: the bundle's cover,
 * contents and every part at the page the contents give, "Strona N z M" on every page; the ZIP
 * unpacked with `unzip` and checked with `sha256sum -c`; nothing of another family anywhere; a
 * sygnatura with slashes; a missing or read-only folder leaves no file behind.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { EXPORT_PART_LABELS, EXPORT_PARTS } from '../../../../shared/court';
import { sanitizeFileName } from '../../../../shared/file-names';
import { seedDemo } from '../../../../electron/tools/demo';
import { folderError, writeAll } from '../../../../electron/services/court-export';
import { HEAD, setUpOffice, tempDir, testBackend, type TestBackend } from '../../../support/backend';
import { PASSWORD } from '../../../support/case-flow';
import { FONT_DIR, WORKER_PATH, hasPdftoppm, readPdf } from '../pdf/pdf-helpers';

const RESULTS = fileURLToPath(new URL('../../../../test-results/court', import.meta.url));

let t: TestBackend;
const dirs: string[] = [];
afterEach(async () => {
  await t?.cleanup();
  for (const dir of dirs.splice(0)) {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const flat = (text: string): string => text.replace(/\s+/g, ' ');

function folder(): string {
  const dir = tempDir('asysta-akta-');
  dirs.push(dir);
  return dir;
}

interface Seeded {
  caseId: string;
  caseNumber: string;
  /** Surnames and PESEL numbers of every other family of the office. */
  others: string[];
  mine: string[];
}

/** A seeded office (kierownik signed in); the case with the most chronology entries that has a plan. */
async function seededOffice(): Promise<Seeded> {
  t = testBackend(undefined, { pdfWorkerPath: WORKER_PATH, fontDir: FONT_DIR });
  await setUpOffice(t);
  await seedDemo(t.backend, { families: 8, seed: 7, staffPassword: PASSWORD });
  const cases = (await t.call('cases:list', { pageSize: 200 })).rows;
  const files = await Promise.all(cases.map((c) => t.call('cases:get', { id: c.id })));
  const richest = [...files].sort((a, b) => b.events.length - a.events.length)[0]!;
  const people = (file: (typeof files)[number]) => file.family.members.flatMap((m) => [m.person.lastName, ...(m.person.pesel ? [m.person.pesel] : [])]);
  const mine = new Set(people(richest));
  const others = [...new Set(files.filter((f) => f.id !== richest.id).flatMap(people))].filter((word) => !mine.has(word));
  return { caseId: richest.id, caseNumber: richest.number, others, mine: [...mine] };
}

describe('case-file export for a court', () => {
  it('writes the bundle and the ZIP: cover, contents with the right pages, every part, manifest hashes, no other family', async () => {
    const { caseId, caseNumber, others, mine } = await seededOffice();
    expect(others.length).toBeGreaterThan(5);
    const file = await t.call('cases:get', { id: caseId });
    // Two stored documents from the register, merged as issued.
    const issued = [];
    for (const request of file.requests.slice(0, 1)) issued.push(await t.call('documents:issue', { caseId, kind: 'assistant-request', subjectId: request.id }));
    const request = await t.call('court:create', {
      caseId,
      court: 'Sąd Rejonowy w Bielicach',
      division: 'III Wydział Rodzinny i Nieletnich',
      caseReference: 'III Nsm 123/25',
      receivedOn: '2026-03-02',
      asks: 'both',
      deadline: '2026-03-16',
    });
    const out = folder();
    const result = await t.call('court:export', { requestId: request.id, parts: [...EXPORT_PARTS].reverse(), folder: out });

    // Exactly the two files, named from the sygnatura; nothing temporary left.
    expect(readdirSync(out).sort()).toEqual(['Akta_III_Nsm_123-25_2026-03-02.pdf', 'Akta_III_Nsm_123-25_2026-03-02.zip']);
    expect(result.bundle.name).toBe('Akta_III_Nsm_123-25_2026-03-02.pdf');
    const bundleBytes = readFileSync(join(out, result.bundle.name));
    expect(sha256(bundleBytes)).toBe(result.bundle.sha256);

    const pdf = await readPdf(new Uint8Array(bundleBytes));
    // Page images for a person to look at (test-results/court/bundle-*.png).
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'bundle.pdf'), bundleBytes);
    if (hasPdftoppm()) execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '4', join(RESULTS, 'bundle.pdf'), join(RESULTS, 'bundle')]);
    expect(pdf.pageCount).toBe(result.bundle.pages);
    pdf.pages.forEach((page, index) => expect(flat(page), `page ${index + 1}`).toContain(`Strona ${index + 1} z ${pdf.pageCount}`));
    // First the covering letter (pismo przewodnie): to the court, its sygnatura, the enclosures, signed.
    const letter = flat(pdf.pages[0]!);
    for (const expected of ['Sąd Rejonowy w Bielicach', 'Sygn. akt: III Nsm 123/25', 'W odpowiedzi na pismo Sądu', 'przekazuję w załączeniu', '(kopia)', 'Chronologia sprawy', '(podpis)', `${HEAD.firstName} ${HEAD.lastName}`, 'Kierownik Ośrodka']) {
      expect(letter, expected).toContain(expected);
    }
    // Copies of issued documents carry the certification line, to be signed on paper.
    const firstDocument = result.contents.find((c) => c.title.endsWith('Dokumenty wydane'))!.page;
    expect(flat(pdf.pages[firstDocument - 1]!)).toContain('Za zgodność z oryginałem');
    const cover = flat(pdf.pages[1]!);
    for (const expected of ['AKTA SPRAWY', 'Sąd Rejonowy w Bielicach', 'III Wydział Rodzinny i Nieletnich', 'III Nsm 123/25', 'Gminny Ośrodek Pomocy Społecznej w Bielicach', caseNumber, '02.03.2026', `${HEAD.firstName} ${HEAD.lastName}`]) {
      expect(cover, expected).toContain(expected);
    }
    // The parts in the order of the bundle (not of the request), each where the contents say.
    expect(result.contents.map((c) => c.title)).toEqual(EXPORT_PARTS.map((p, i) => `${i + 1}. ${EXPORT_PART_LABELS[p]}`));
    const toc = flat(pdf.pages[2]!);
    expect(toc).toContain('SPIS TREŚCI');
    for (const [index, entry] of result.contents.entries()) {
      expect(toc).toMatch(new RegExp(`${entry.title.replace('.', '\\.')} [. ]*${entry.page}`));
      const page = flat(pdf.pages[entry.page - 1]!);
      const part = EXPORT_PARTS[index]!;
      if (part === 'documents') expect(page).toContain('WNIOSEK');
      else expect(page, part).toContain(EXPORT_PART_LABELS[part].toUpperCase());
      expect(page).toContain(caseNumber);
    }
    const chronology = result.contents.find((c) => c.title.endsWith('Chronologia sprawy'))!.page;
    expect(flat(pdf.pages.slice(chronology - 1).join(' '))).toContain('Pismo sądu: Sąd Rejonowy w Bielicach');

    // The ZIP, unpacked and checked with the standard tools.
    const unpacked = folder();
    execFileSync('unzip', ['-q', join(out, result.zip.name), '-d', unpacked]);
    const names = readdirSync(unpacked).sort();
    expect(names).toEqual([...result.files.map((f) => f.name)].sort());
    expect(names).toContain('manifest.json');
    expect(execFileSync('sha256sum', ['-c', 'SUMY-SHA256.txt'], { cwd: unpacked, encoding: 'utf8' })).not.toMatch(/FAILED/);
    const manifest = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8')) as {
      office: { name: string };
      date: string;
      preparedBy: string;
      request: { caseReference: string; court: string };
      bundle: { name: string; sha256: string; pages: number };
      files: { name: string; sha256: string }[];
    };
    expect(manifest).toMatchObject({ office: { name: 'Gminny Ośrodek Pomocy Społecznej w Bielicach' }, date: '2026-03-02', request: { caseReference: 'III Nsm 123/25' }, bundle: { name: result.bundle.name, sha256: result.bundle.sha256, pages: pdf.pageCount } });
    for (const entry of manifest.files) expect(sha256(readFileSync(join(unpacked, entry.name))), entry.name).toBe(entry.sha256);
    // Every document of the case in the register (the one issued here and any opinion the seeder issued), the latest version of each.
    const register = (await t.call('documents:list', { caseId })).filter((d) => d.latest);
    expect(register.length).toBeGreaterThanOrEqual(issued.length);
    // Named by what they are and the date of their act, in the order of those dates.
    const documentFiles = manifest.files.filter((f) => /^01_\d{2}_[a-z_]+(_v\d+)?_\d{4}-\d{2}-\d{2}\.pdf$/.test(f.name));
    expect(documentFiles).toHaveLength(register.length);
    // The wniosek is named by its filing date (the seeded request was filed before the export day).
    expect(documentFiles.map((f) => f.name)).toContainEqual(expect.stringMatching(/^01_\d{2}_wniosek_o_asystenta_rodziny_\d{4}-\d{2}-\d{2}\.pdf$/));
    expect(documentFiles.map((f) => f.name)).not.toContain('01_01_wniosek_o_asystenta_rodziny_2026-03-02.pdf');
    const dates = documentFiles.map((f) => f.name.slice(-14, -4));
    expect(dates).toEqual([...dates].sort());
    expect(cover).toContain('Sąd prosi o:');
    expect(cover).not.toMatch(/Sąd prosi o: opinia\b/);

    // Nothing of another family: not in the bundle's text, not in any PDF of the ZIP, not in the manifest.
    const texts = [pdf.text, readFileSync(join(unpacked, 'manifest.json'), 'utf8')];
    for (const name of names.filter((n) => n.endsWith('.pdf'))) texts.push((await readPdf(new Uint8Array(readFileSync(join(unpacked, name))))).text);
    const all = texts.join('\n');
    for (const word of others) expect(all.includes(word), `another family's "${word}" in the export`).toBe(false);
    expect(mine.some((word) => all.includes(word))).toBe(true);
    for (const word of others) expect(bundleBytes.includes(Buffer.from(word, 'utf8')), word).toBe(false);

    // On record: which request, which parts, by whom, the files and their hashes.
    const [entry] = await t.call('audit:list', { action: 'court.export' });
    expect(entry).toMatchObject({ caseId, entityId: request.id, actorName: `${HEAD.firstName} ${HEAD.lastName}` });
    expect(entry!.details).toMatchObject({ requestId: request.id, caseReference: 'III Nsm 123/25', parts: [...EXPORT_PARTS], bundle: { name: result.bundle.name, sha256: result.bundle.sha256 } });

    // A second export to the same folder never overwrites the first.
    const again = await t.call('court:export', { requestId: request.id, parts: ['chronology'], folder: out });
    expect(again.bundle.name).toBe('Akta_III_Nsm_123-25_2026-03-02_2.pdf');
    expect(sha256(readFileSync(join(out, result.bundle.name)))).toBe(result.bundle.sha256);
  });

  it('shows its progress while it runs (court:exportProgress, polled as the window polls) and none after', async () => {
    const { caseId } = await seededOffice();
    const request = await t.call('court:create', { caseId, court: 'Sąd Rejonowy w Bielicach', division: 'III Wydział Rodzinny', caseReference: 'III Nsm 8/26', receivedOn: '2026-03-01', asks: 'case_file', deadline: '2026-03-20' });
    expect(await t.call('court:exportProgress', { requestId: request.id })).toBeNull();
    const out = folder();
    let finished = false;
    const running = t.call('court:export', { requestId: request.id, parts: [...EXPORT_PARTS], folder: out }).finally(() => (finished = true));
    const seen: { step: number; done: number; total: number; label: string }[] = [];
    while (!finished) {
      const progress = await t.call('court:exportProgress', { requestId: request.id });
      if (progress && !finished) seen.push(progress);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const result = await running;
    expect(result.bundle.pages).toBeGreaterThan(2);
    // Seen while running: the steps of the parts, in Polish, counting up to the total (parts + bundle + writing).
    expect(seen.length).toBeGreaterThan(0);
    for (const p of seen) {
      expect(p.total).toBe(EXPORT_PARTS.length + 2);
      expect(p.step).toBeGreaterThanOrEqual(1);
      expect(p.step).toBeLessThanOrEqual(p.total);
      expect(p.done).toBeLessThanOrEqual(p.total);
    }
    expect(seen.some((p) => p.label.startsWith('Przygotowuję: '))).toBe(true);
    const labels = [...new Set(seen.map((p) => p.label))];
    expect(labels.length).toBeGreaterThan(1);
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
    // Finished: nothing running for this request.
    expect(await t.call('court:exportProgress', { requestId: request.id })).toBeNull();
  });

  it('a missing or read-only folder: a Polish message, no file left; another family’s request is refused', async () => {
    const { caseId } = await seededOffice();
    const request = await t.call('court:create', { caseId, court: 'Sąd Rejonowy w Bielicach', division: 'III Wydział Rodzinny', caseReference: 'III Nsm 9/26', receivedOn: '2026-03-01', asks: 'case_file', deadline: '2026-03-20' });
    const base = folder();
    const missing = await t.fail('court:export', { requestId: request.id, parts: ['chronology'], folder: join(base, 'odlaczony-pendrive') });
    expect(missing).toMatchObject({ code: 'IO_ERROR' });
    expect(missing.message).toContain('nie istnieje');
    expect(readdirSync(base)).toEqual([]);

    // Read-only: a folder without write permission (or, for root, a file system that refuses writes).
    let readOnly = join(base, 'tylko-odczyt');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    if (process.getuid?.() === 0) readOnly = '/sys/fs';
    const before = readdirSync(readOnly);
    const refused = await t.fail('court:export', { requestId: request.id, parts: ['chronology', 'notes'], folder: readOnly });
    expect(refused).toMatchObject({ code: 'IO_ERROR' });
    expect(refused.message).toContain('brak uprawnień albo nośnik tylko do odczytu');
    expect(readdirSync(readOnly)).toEqual(before);
    expect((await t.call('audit:list', { action: 'court.export' })).length).toBe(0);

    expect((await t.fail('court:export', { requestId: request.id, parts: [], folder: base })).message).toContain('Wybierz co najmniej jedną część akt.');
    const opinionOnly = await t.call('court:create', { caseId, court: 'Sąd Rejonowy w Bielicach', division: 'III Wydział Rodzinny', caseReference: 'III Nsm 10/26', receivedOn: '2026-03-01', asks: 'opinion', deadline: '2026-03-20' });
    expect((await t.fail('court:export', { requestId: opinionOnly.id, parts: ['chronology'], folder: base })).message).toBe('Sąd prosi w tym piśmie tylko o opinię o rodzinie, nie o akta sprawy.');
    expect((await t.fail('court:export', { requestId: request.id, parts: ['chronology'], folder: 'akta' })).code).toBe('VALIDATION');

    // An assistant of another family may not export this case.
    const cases = (await t.call('cases:list', { pageSize: 200 })).rows;
    const other = cases.find((c) => c.id !== caseId && c.assistantName !== null && c.assistantName !== (cases.find((x) => x.id === caseId)?.assistantName ?? null));
    const users = await t.call('users:list', {});
    const stranger = users.find((u) => other && `${u.firstName} ${u.lastName}` === other.assistantName);
    expect(stranger, 'the seeded office has another assistant').toBeDefined();
    if (stranger) {
      await t.call('session:logout', {});
      await t.call('session:login', { login: stranger.login, password: PASSWORD });
      expect((await t.fail('court:export', { requestId: request.id, parts: ['chronology'], folder: base })).code).toBe('FORBIDDEN');
      expect(readdirSync(base)).toEqual(['tylko-odczyt']);
    }
  });

  it('an export interrupted half-way leaves nothing that looks complete; a full disk gets its own message', async () => {
    const out = folder();
    const first = new Uint8Array(1024).fill(1);
    // The second file fails while being written (as a pulled pendrive would): the first, already complete, is removed too.
    const broken = { name: 'b.zip', get bytes(): Uint8Array { throw Object.assign(new Error('write failed'), { code: 'EIO' }); } };
    await expect(writeAll(out, [{ name: 'a.pdf', bytes: first }, broken])).rejects.toMatchObject({ code: 'IO_ERROR' });
    expect(readdirSync(out)).toEqual([]);
    expect(await writeAll(out, [{ name: 'a.pdf', bytes: first }])).toEqual(['a.pdf']);
    expect(readdirSync(out)).toEqual(['a.pdf']);
    expect(folderError(Object.assign(new Error('x'), { code: 'ENOSPC' }), '/media/pendrive').message).toBe(
      'Brak miejsca na dysku w folderze „/media/pendrive”. Zwolnij miejsce albo wybierz inny nośnik. Nic nie zostało zapisane.',
    );
    expect(folderError(Object.assign(new Error('x'), { code: 'EROFS' }), '/media/cd').message).toContain('tylko do odczytu');
  });

  it('file names from a sygnatura are safe', () => {
    expect(sanitizeFileName('III Nsm 123/25')).toBe('III_Nsm_123-25');
    expect(sanitizeFileName('  IV RC 7\\26 ')).toBe('IV_RC_7-26');
    expect(sanitizeFileName('../../etc/passwd')).toBe('etc-passwd');
    expect(sanitizeFileName('Nsm: "5"?*<>|')).toBe('Nsm_5');
  });
});
