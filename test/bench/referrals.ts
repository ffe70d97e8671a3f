/**
 * Referrals benchmark (issue 19): `npm run bench -- referrals`.
 *
 * - Qualification to printed skierowanie, warm: `referrals:issue` (persons into the register, the
 *   qualification, the PDF rendered by the worker and stored in the document register, audit) and
 *   then `documents:print` (the stored bytes written for the system viewer), as the screen does.
 * - The partner organisation's list for 5 000 referrals, as CSV and XLSX (`referrals:exportList`).
 * - The register of those 5 000 a page at a time (`referrals:list`: first and last page, by
 *   surname, a search by name and by the point's name).
 * Prints figures only; asserts nothing.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../../electron/backend';
import { ManualClock } from '../../electron/clock';
import { makePesel } from '../../shared/domain/pesel';
import { personKey } from '../../shared/domain/text';
import type { ReferralIssueInput } from '../../shared/referrals';
import { FAST_SCRYPT, HEAD, OFFICE, tempDir } from '../support/office';
import { median, percentile, report } from './stats';

const FONT_DIR = fileURLToPath(new URL('../../electron/pdf/fonts', import.meta.url));
const WORKER_PATH = fileURLToPath(new URL('../../electron/pdf/worker.ts', import.meta.url));
const WARM_UP = 5;
const RUNS = 25;
const LIST_SIZE = 5000;
const EXPORT_RUNS = 7;
const LIST_RUNS = 20;

function must<T>(result: { ok: true; value: unknown } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

export async function benchReferrals(): Promise<void> {
  const dir = tempDir('asysta-bench-referrals-');
  const backend = createBackend({
    dataDir: dir,
    clock: new ManualClock('2026-03-02T09:00:00.000Z'),
    scrypt: FAST_SCRYPT,
    idleCheckMs: 0,
    pdfWorkerPath: WORKER_PATH,
    fontDir: FONT_DIR,
    openFile: async () => undefined,
  });
  const call = async <T>(channel: string, input: unknown): Promise<T> => must<T>(await backend.invoke(channel, input));
  try {
    await call('setup:create', { office: OFFICE, head: HEAD });
    await call('session:login', { login: HEAD.login, password: HEAD.password });
    await call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: 'Pracownik-2026!', roles: ['social_worker'] });
    const sub = await call<{ id: string }>('referrals:saveSubprogramme', { name: 'Podprogram 2026', validUntil: '2027-06-30' });
    const partner = await call<{ id: string; points: { id: string }[] }>('referrals:savePartner', {
      name: 'Bank Żywności w Słupsku',
      address: 'ul. Portowa 13, 76-200 Słupsk',
      points: [{ name: 'Punkt przy parafii św. Jadwigi', address: 'ul. Kościelna 2, 74-202 Bielice', hours: 'wt. 10–14' }],
    });
    await call('session:logout', {});
    await call('session:login', { login: 'anowak', password: 'Pracownik-2026!' });

    let serial = 0;
    const input = (): ReferralIssueInput => {
      serial += 1;
      const birth = '1960-01-01';
      return {
        programme: 'fepz',
        subprogrammeId: sub.id,
        partnerId: partner.id,
        pointId: partner.points[0]!.id,
        source: {
          kind: 'declaration',
          declaredOn: '2026-02-27',
          members: [
            { key: 'm0', relation: 'applicant', person: { pesel: makePesel(birth, 'F', serial), firstName: 'Zofia', lastName: `Łęcka-${serial}`, birthDate: birth, sex: 'F' } },
            { key: 'm1', relation: 'child', person: { pesel: makePesel('2014-05-05', 'M', serial), firstName: 'Jan', lastName: `Łęcki-${serial}`, birthDate: '2014-05-05', sex: 'M' } },
          ],
          income: { items: [{ personId: 'm0', source: 'old_age_pension', grossGr: 250_000, taxGr: 0, contributionsGr: 0, alimonyPaidGr: 0 }] },
          reasons: ['poverty'],
        },
      };
    };

    const cold = performance.now();
    await call('referrals:issue', input());
    console.log(`\nReferrals — Node ${process.version}; first issue (worker start, fonts): ${(performance.now() - cold).toFixed(0)} ms`);
    for (let i = 0; i < WARM_UP; i++) await call('referrals:issue', input());
    const issue: number[] = [];
    const issueAndPrint: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const referral = await call<{ documentId: string }>('referrals:issue', input());
      issue.push(performance.now() - start);
      await call('documents:print', { documentId: referral.documentId });
      issueAndPrint.push(performance.now() - start);
    }
    report(`Qualification to printed skierowanie, warm (${RUNS} runs)`, [
      ['referrals:issue (qualify + render + register)', median(issue), percentile(issue, 95)],
      ['… + documents:print (file for the viewer)', median(issueAndPrint), percentile(issueAndPrint, 95)],
    ]);

    // 5 000 referrals for the partner's list, written straight into the database (minimal rows).
    const session = backend.readySession()!;
    const fill = performance.now();
    await session.db.write(async (m) => {
      const now = backend.clock.now().toISOString();
      const userId = session.user.id;
      for (let n = 0; n < LIST_SIZE; n++) {
        const personId = randomUUID();
        const declarationId = randomUUID();
        const last = `Kowalska-${n}`;
        await m.query(
          `INSERT INTO person (id, pesel, document_type, document_number, first_name, last_name, birth_date, sex, citizenship, phone, name_key, created_at, created_by, updated_at, updated_by, version)
           VALUES (?, NULL, 'id_card', ?, 'Maria', ?, '1970-01-01', 'F', 'polskie', NULL, ?, ?, ?, ?, ?, 1)`,
          [personId, `ABC${String(n).padStart(6, '0')}`, last, personKey(last, 'Maria'), now, userId, now, userId],
        );
        await m.query(
          `INSERT INTO referral_declaration VALUES (?, '2026-02-27', 'declaration', NULL, NULL, ?, ?, 3, '{"items":[]}', '["poverty"]', ?, ?, ?, ?, 1)`,
          [declarationId, personId, JSON.stringify([{ personId, relation: 'applicant' }]), now, userId, now, userId],
        );
        await m.query(
          `INSERT INTO referral (id, programme, subprogramme_id, number, document_id, declaration_id, person_id, household_size, per_person_gr, threshold_gr, eligibility,
             admitted_group, partner_id, point_id, valid_until, issued_on, issued_by, status, duplicate_reason, cancel_reason, cancelled_on, cancelled_by, created_at, created_by, updated_at, updated_by, version)
           VALUES (?, 'fepz', ?, ?, ?, ?, ?, 3, 0, 218095, 'Kwalifikuje się.', NULL, ?, ?, '2027-06-30', '2026-03-02', ?, 'issued', NULL, NULL, NULL, NULL, ?, ?, ?, ?, 1)`,
          [randomUUID(), sub.id, `B${n}/2026`, randomUUID(), declarationId, personId, partner.id, partner.points[0]!.id, userId, now, userId, now, userId],
        );
      }
    });
    console.log(`\n(${LIST_SIZE} referrals written in ${((performance.now() - fill) / 1000).toFixed(1)} s)`);
    const rows: [string, number, number | null][] = [];
    for (const format of ['csv', 'xlsx'] as const) {
      const samples: number[] = [];
      let size = 0;
      let count = 0;
      for (let i = 0; i < EXPORT_RUNS; i++) {
        const start = performance.now();
        const file = await call<{ bytes: string; rows: number }>('referrals:exportList', { programme: 'fepz', subprogrammeId: sub.id, partnerId: partner.id, format });
        samples.push(performance.now() - start);
        size = Buffer.from(file.bytes, 'base64').byteLength;
        count = file.rows;
      }
      rows.push([`${format.toUpperCase()}: ${count} rows, ${(size / 1024).toFixed(0)} KiB (audited)`, median(samples), percentile(samples, 95)]);
    }
    report(`Partner list export (${EXPORT_RUNS} runs each)`, rows);

    // The register of 5 000 referrals as the screen reads it: a page at a time, filtered in SQL.
    const page = async (label: string, input: Record<string, unknown>): Promise<[string, number, number]> => {
      const samples: number[] = [];
      let total = 0;
      for (let i = 0; i < LIST_RUNS + 3; i++) {
        const start = performance.now();
        const result = await call<{ total: number }>('referrals:list', { programme: 'fepz', ...input });
        if (i >= 3) samples.push(performance.now() - start);
        total = result.total;
      }
      return [`${label} (${total} found)`, median(samples), percentile(samples, 95)];
    };
    report(`Register referrals:list, ${LIST_SIZE} referrals (${LIST_RUNS} runs each)`, [
      await page('first page, newest first', {}),
      await page('last page', { page: Math.ceil(LIST_SIZE / 50) }),
      await page('by surname A→Ż, page 50', { sort: 'personName', direction: 'asc', page: 50 }),
      await page('search "kowalska-4321"', { query: 'kowalska-4321' }),
      await page('search by the point "jadwigi", page 10', { query: 'jadwigi', page: 10 }),
    ]);
  } finally {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run directly (npx tsx test/bench/referrals.ts) as well as from run.ts.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await benchReferrals();
