/**
 * The document register's numbers with two PCs issuing at once (issue 18, item 5): each PC a
 * backend of its own joined to one throwaway server, the worker's requests printed on both at the
 * same moment (one each, two rounds, then a burst of ten at once); the year's numbers stay gapless
 * and unique (asysta.next_number through data/queries/numbering.ts), every PDF stored once. On the
 * server each issue holds the year's number while its PDF renders (docs/decisions/0005-…), so a
 * burst never runs out of re-renders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOffice, testBackend, type TestBackend } from '../../../support/backend';
import { caseWithRequest, PASSWORD } from '../../../support/case-flow';
import { FONT_DIR, WORKER_PATH } from '../pdf/pdf-helpers';

const WORKER = { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker' as const] };
const pdf = { pdfWorkerPath: WORKER_PATH, fontDir: FONT_DIR };

/** PC 1: the kierownik's; PC 2: the worker's. */
let pc1: TestBackend;
let pc2: TestBackend;

beforeAll(async () => {
  pc1 = testBackend(undefined, { engine: 'postgres', ...pdf });
  await setUpOffice(pc1);
  await pc1.call('users:create', WORKER);
  const { pairingCode } = await pc1.serverOffice!();
  pc2 = testBackend(undefined, { sameOfficeAs: pc1, ...pdf });
  await pc2.call('setup:joinServer', { pairingCode });
}, 120_000);

afterAll(async () => {
  await pc2?.cleanup();
  await pc1?.cleanup();
});

describe('the document register with two PCs', () => {
  it('numbers the requests printed at once on two PCs without a gap or a repeat', async () => {
    const requests: { caseId: string; requestId: string }[] = [];
    for (let i = 0; i < 4; i++) requests.push(await caseWithRequest(pc2, WORKER.login, 300 + i));
    // Two rounds, each PC printing one request at the same moment as the other.
    const numbers: string[] = [];
    for (let round = 0; round < 2; round++) {
      const pair = requests.slice(2 * round, 2 * round + 2);
      const issued = await Promise.all(pair.map(({ caseId, requestId }, i) => (i === 0 ? pc1 : pc2).call('documents:issue', { caseId, kind: 'assistant-request', subjectId: requestId })));
      numbers.push(...issued.map((d) => d.document.number));
    }
    expect(new Set(numbers).size).toBe(4);
    expect(numbers.map((n) => Number(n.split('/')[0])).sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
    expect(numbers.every((n) => n.endsWith('/2026'))).toBe(true);
  });

  it('issues a burst of ten documents printed at once on two PCs, numbered 5..14 without a gap', async () => {
    const requests: { caseId: string; requestId: string }[] = [];
    for (let i = 0; i < 10; i++) requests.push(await caseWithRequest(pc2, WORKER.login, 400 + i));
    const issued = await Promise.all(
      requests.map(({ caseId, requestId }, i) => (i % 2 === 0 ? pc1 : pc2).call('documents:issue', { caseId, kind: 'assistant-request', subjectId: requestId })),
    );
    const numbers = issued.map((d) => d.document.number);
    expect(issued.every((d) => !d.reprint)).toBe(true);
    expect(numbers.map((n) => Number(n.split('/')[0])).sort((a, b) => a - b)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(numbers.every((n) => n.endsWith('/2026'))).toBe(true);
    // Each stored once, under its own number, and readable on the other PC.
    for (const [i, { caseId }] of requests.entries()) {
      const list = await (i % 2 === 0 ? pc2 : pc1).call('documents:list', { caseId });
      expect(list.map((d) => d.number)).toEqual([numbers[i]]);
    }
  }, 120_000);
});
