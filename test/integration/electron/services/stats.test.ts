import { crc32, inflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { seedDemo, type DemoReport } from '../../../../electron/tools/demo';
import { ART7_REASONS, CLOSURE_REASONS, type Art7Reason, type ClosureReason } from '../../../../shared/domain/caseFlow';
import { CONTRACT_STATUSES, type ContractStatus } from '../../../../shared/domain/familyWork';
import { statsRows, type StatsView } from '../../../../shared/stats';
import { describeEngines, HEAD, OFFICE, setUpOffice, testBackend, type TestBackend } from '../../../support/backend';
import { caseWithRequest, PASSWORD, signIn } from '../../../support/case-flow';
import { FONT_DIR, WORKER_PATH } from '../pdf/pdf-helpers';
import { localDatabase } from '../../../../electron/db/database';
import { statementsRun } from '../../../support/statements';

let t: TestBackend | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const within = (date: string | null, from: string, to: string): date is string => date !== null && date >= from && date <= to;

/** The report counted from the seeder's own record of what it made (not from the database). */
function expected(report: DemoReport, from: string, to: string, generatedAt: string): StatsView {
  const assisted = report.families.filter((f) => f.assignedOn !== null && f.assignedOn <= to && (f.closedOn === null || f.closedOn >= from));
  const ended = report.families.filter((f) => f.assignedOn !== null && within(f.closedOn, from, to));
  const endedByReason = Object.fromEntries(CLOSURE_REASONS.map((r) => [r, ended.filter((f) => f.closureReason === r).length])) as Record<ClosureReason, number>;
  const active = report.families.filter((f) => f.reportedOn <= to && (f.closedOn === null || f.closedOn >= from));
  const byReason = Object.fromEntries(ART7_REASONS.map((r) => [r, active.filter((f) => f.reasons.includes(r)).length])) as Record<Art7Reason, number>;
  const interviews = report.families.filter((f) => f.interviewCompleted && within(f.interviewConductedOn, from, to));
  const contracts = report.families.flatMap((f) => f.contracts).filter((c) => c.periodFrom <= to && c.periodTo >= from);
  const byStatus = Object.fromEntries(CONTRACT_STATUSES.map((s) => [s, contracts.filter((c) => c.status === s).length])) as Record<ContractStatus, number>;
  return {
    from,
    to,
    generatedAt,
    assistants: {
      employed: report.from <= to ? report.staff.filter((s) => s.roles.includes('family_assistant')).length : 0,
      working: new Set(assisted.map((f) => f.assistantLogin)).size,
    },
    families: {
      withAssistant: assisted.length,
      new: assisted.filter((f) => f.assignedOn! >= from).length,
      continuing: assisted.filter((f) => f.assignedOn! < from).length,
      ended: ended.length,
      endedByReason,
      // The demo has no court-obliged families (issue 15: counted apart; records.test / court-order tests cover them).
      courtObliged: 0,
    },
    children: assisted.reduce((sum, f) => sum + f.members.filter((m) => m.relation === 'child' && m.inHousehold).length, 0),
    cases: { reported: report.families.filter((f) => within(f.reportedOn, from, to)).length, active: active.length, byReason },
    interviews: { completed: interviews.length, full: interviews.length, updates: 0, late: interviews.filter((f) => f.interviewConductedOn! > f.interviewDue).length },
    contracts: { total: contracts.length, signedInPeriod: report.families.flatMap((f) => f.contracts).filter((c) => within(c.signedOn, from, to)).length, byStatus },
    // Opinions issued in the period (the seeder issues a few, through the register, when it has a PDF worker).
    courtOpinions: report.families.flatMap((f) => f.court).filter((c) => c.opinion === 'issued' && within(c.issuedOn, from, to)).length,
  };
}

/** A small reader of the ZIP container, independent of the writer: entries by name, CRC checked. */
function unzip(bytes: Buffer): Map<string, string> {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(bytes.readUInt32LE(at)).toBe(0x02014b50);
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    expect(bytes.readUInt32LE(local)).toBe(0x04034b50);
    const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = bytes.subarray(dataAt, dataAt + size);
    const data = method === 8 ? inflateRawSync(raw) : raw;
    expect(crc32(data), name).toBe(crc);
    files.set(name, data.toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

describe('stats', () => {
  it('counts the sprawozdanie for any period as the seeder’s own record does', async () => {
    // With the PDF worker, so that the seeder issues opinions o rodzinie (counted as courtOpinions).
    t = testBackend(undefined, { pdfWorkerPath: WORKER_PATH, fontDir: FONT_DIR });
    t.clock.set('2026-07-10T08:00:00.000Z');
    await setUpOffice(t);
    const report = await seedDemo(t.backend, { families: 120, seed: 9, staffPassword: PASSWORD });
    for (const [from, to] of [
      ['2025-01-01', '2025-06-30'],
      ['2025-07-01', '2025-12-31'],
      ['2025-01-01', '2025-12-31'],
      ['2026-01-01', '2026-06-30'],
      ['2024-07-10', '2026-07-10'],
      ['2020-01-01', '2020-12-31'],
    ] as const) {
      const stats = await t.call('stats:get', { from, to });
      expect(stats, `${from} – ${to}`).toEqual(expected(report, from, to, '2026-07-10T08:00:00.000Z'));
    }
    const year = await t.call('stats:get', { from: '2025-01-01', to: '2025-12-31' });
    // The seeded office has something in every part of the report.
    expect(year.families.withAssistant).toBeGreaterThan(10);
    expect(year.families.new).toBeGreaterThan(0);
    expect(year.families.continuing).toBeGreaterThan(0);
    expect(year.families.ended).toBeGreaterThan(0);
    expect(year.children).toBeGreaterThan(year.families.withAssistant);
    expect(year.interviews.late).toBeGreaterThan(0);
    expect(year.contracts.total).toBeGreaterThan(0);
    const issued = report.families.flatMap((f) => f.court).filter((c) => c.opinion === 'issued');
    expect(issued.length).toBeGreaterThan(0);
    expect((await t.call('stats:get', { from: '2024-07-10', to: '2026-07-10' })).courtOpinions).toBe(issued.length);
  });

  it('reads a period from indexes alone: no statement walks the office’s cases, assignments or members', async () => {
    const tb = testBackend();
    t = tb;
    await setUpOffice(tb);
    await seedDemo(tb.backend, { families: 12, seed: 3, staffPassword: PASSWORD });
    const period = { from: '2025-01-01', to: '2025-12-31' };
    const statements = await statementsRun(tb.backend, () => tb.call('stats:get', period));
    expect(statements.length).toBeLessThanOrEqual(12);
    const db = localDatabase(tb.backend.readySession()!.db);
    for (const sql of statements) {
      const params = (sql.match(/\?/g) ?? []).map(() => '2025-06-30');
      const plan = ((await db.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, params)) as { detail: string }[]).map((r) => r.detail);
      // The small tables (staff, opinions) may be scanned; the office's large ones only searched by an index that answers alone.
      expect(plan.filter((line) => /^SCAN (a|c|fm|i|assignment|case_file|family_member|interview|contract)\b/.test(line)), sql).toEqual([]);
      expect(plan.filter((line) => /SEARCH (a|c|fm|i|case_file|contract) USING (INDEX|PRIMARY KEY)/.test(line)), sql).toEqual([]);
    }
  });

  it('exports CSV and XLSX with Polish headings, audits every export, and checks the period', async () => {
    t = testBackend();
    t.clock.set('2026-07-10T08:00:00.000Z');
    await setUpOffice(t);
    await seedDemo(t.backend, { families: 40, seed: 2, staffPassword: PASSWORD });
    const period = { from: '2025-01-01', to: '2025-12-31' };
    const stats = await t.call('stats:get', period);
    const rows = statsRows(stats);
    expect(rows.length).toBeGreaterThan(30);

    const csvFile = await t.call('stats:export', { ...period, format: 'csv' });
    expect(csvFile.fileName).toBe('sprawozdanie-wspieranie-rodziny-2025-01-01-2025-12-31.csv');
    const csv = Buffer.from(csvFile.bytes, 'base64').toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.slice(0, 6)).toEqual([
      'Sprawozdanie z zakresu wspierania rodziny — dane z Asysty',
      `Ośrodek;${OFFICE.name}`,
      'Okres sprawozdawczy;2025-01-01 – 2025-12-31',
      'Wygenerowano;10.07.2026, 10:00',
      '',
      'Dział;Wskaźnik;Liczba',
    ]);
    expect(lines.slice(6, -1)).toEqual(rows.map((r) => `${r.section};${r.label};${r.value}`));
    expect(lines.at(-1)).toBe('');
    expect(csv).toContain(`Rodziny z asystentem rodziny w okresie — ogółem;${stats.families.withAssistant}`);

    const xlsxFile = await t.call('stats:export', { ...period, format: 'xlsx' });
    expect(xlsxFile.fileName).toBe('sprawozdanie-wspieranie-rodziny-2025-01-01-2025-12-31.xlsx');
    const files = unzip(Buffer.from(xlsxFile.bytes, 'base64'));
    expect([...files.keys()]).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml']);
    expect(files.get('[Content_Types].xml')).toContain('PartName="/xl/worksheets/sheet1.xml"');
    expect(files.get('xl/workbook.xml')).toContain('<sheet name="Sprawozdanie" sheetId="1" r:id="rId1"/>');
    const sheet = files.get('xl/worksheets/sheet1.xml')!;
    const cells = [...sheet.matchAll(/<c r="([A-Z]+)(\d+)"( s="1")?( t="inlineStr")?>(?:<is><t xml:space="preserve">([^<]*)<\/t><\/is>|<v>([^<]*)<\/v>)<\/c>/g)].map((m) => ({
      ref: `${m[1]}${m[2]}`,
      bold: Boolean(m[3]),
      value: m[5] !== undefined ? m[5] : Number(m[6]),
    }));
    expect(cells.slice(0, 10)).toEqual([
      { ref: 'A1', bold: true, value: 'Sprawozdanie z zakresu wspierania rodziny — dane z Asysty' },
      { ref: 'A2', bold: false, value: 'Ośrodek' },
      { ref: 'B2', bold: false, value: OFFICE.name },
      { ref: 'A3', bold: false, value: 'Okres sprawozdawczy' },
      { ref: 'B3', bold: false, value: '2025-01-01 – 2025-12-31' },
      { ref: 'A4', bold: false, value: 'Wygenerowano' },
      { ref: 'B4', bold: false, value: '10.07.2026, 10:00' },
      { ref: 'A6', bold: true, value: 'Dział' },
      { ref: 'B6', bold: true, value: 'Wskaźnik' },
      { ref: 'C6', bold: true, value: 'Liczba' },
    ]);
    expect(cells.slice(10)).toEqual(
      rows.flatMap((r, i) => [
        { ref: `A${i + 7}`, bold: false, value: r.section },
        { ref: `B${i + 7}`, bold: false, value: r.label },
        // A zero is still a number cell.
        { ref: `C${i + 7}`, bold: false, value: r.value },
      ]),
    );

    const exports = await t.call('audit:list', { action: 'stats.export' });
    expect(exports.map((e) => e.details)).toEqual([
      { ...period, format: 'xlsx', fileName: xlsxFile.fileName },
      { ...period, format: 'csv', fileName: csvFile.fileName },
    ]);

    expect(await t.fail('stats:get', { from: '2025-12-31', to: '2025-01-01' })).toMatchObject({ code: 'VALIDATION', message: 'Popraw dane: Koniec okresu jest wcześniejszy niż jego początek.' });
    expect((await t.fail('stats:export', { from: '2001-01-01', to: '2025-01-01', format: 'csv' })).code).toBe('VALIDATION');
    expect((await t.fail('stats:export', { ...period, format: 'pdf' })).code).toBe('VALIDATION');
    await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
    await signIn(t, 'anowak');
    expect((await t.fail('stats:export', { ...period, format: 'csv' })).code).toBe('FORBIDDEN');
  });
});

describeEngines('stats through the backend', (engine) => {
  it('counts the same report on either engine', async () => {
    const tb = testBackend(undefined, { engine });
    t = tb;
    await setUpOffice(tb);
    await tb.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
    const assistant = await tb.call('users:create', { firstName: 'Bożena', lastName: 'Wiśniewska', login: 'bwisniewska', password: PASSWORD, roles: ['family_assistant'] });
    const assisted = await caseWithRequest(tb, 'anowak', 7);
    await caseWithRequest(tb, 'anowak', 8);
    await signIn(tb, HEAD.login);
    await tb.call('requests:decide', { requestId: assisted.requestId, decision: { kind: 'assign', assistantId: assistant.id } });
    const year = await tb.call('stats:get', { from: '2026-01-01', to: '2026-12-31' });
    expect(year).toMatchObject({
      assistants: { employed: 1, working: 1 },
      families: { withAssistant: 1, new: 1, continuing: 0, ended: 0, courtObliged: 0 },
      children: 1,
      cases: { reported: 2, active: 2 },
      interviews: { completed: 2, full: 2, updates: 0, late: 0 },
      contracts: { total: 0, signedInPeriod: 0 },
      courtOpinions: 0,
    });
    const before = await tb.call('stats:get', { from: '2025-01-01', to: '2025-12-31' });
    expect(before).toMatchObject({ assistants: { working: 0 }, families: { withAssistant: 0, ended: 0 }, children: 0, cases: { reported: 0, active: 0 }, interviews: { completed: 0 } });
  });
});
