/**
 * An export cut short by a lock (issue 14, Medium 8): what was written is audited, or removed —
 * never files in the folder that the audit trail does not know of, and never "nothing was saved"
 * over files that were.
 */
import { readdirSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { HEAD, setUpOffice, tempDir, testBackend, type TestBackend } from '../../../support/backend';
import { PASSWORD, caseWithRequest, signIn } from '../../../support/case-flow';
import { FONT_DIR, WORKER_PATH } from '../pdf/pdf-helpers';

let t: TestBackend;
let dir = '';
afterEach(async () => {
  await t?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('court export interrupted by a lock', () => {
  it('removes the files it wrote and says so, and audits nothing it did not leave', async () => {
    t = testBackend(undefined, { pdfWorkerPath: WORKER_PATH, fontDir: FONT_DIR });
    await setUpOffice(t);
    await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
    const { caseId } = await caseWithRequest(t, 'anowak', 1);
    await signIn(t, HEAD.login);
    dir = tempDir('asysta-akta-');
    // The idle lock strikes while the files are being written.
    const run = t.backend.courtExport.run(t.backend.requestContext('court:export'), { caseId, parts: ['chronology'], folder: dir }, (progress) => {
      if (progress.label === 'Zapisuję pliki') void t.backend.invoke('session:lock', {});
    });
    const outcome = await run.then(
      () => 'done' as const,
      (error: Error) => error,
    );
    await t.call('session:unlock', { password: HEAD.password });
    const audited = await t.call('audit:list', { action: 'court.export' });
    if (outcome === 'done') {
      // The audit entry got in before the lock: the files stay, and are on record.
      expect(audited).toHaveLength(1);
      expect(readdirSync(dir).sort()).toEqual((audited[0]!.details['files'] ? [(audited[0]!.details['bundle'] as { name: string }).name, (audited[0]!.details['zip'] as { name: string }).name] : []).sort());
    } else {
      expect(outcome.message).toContain('Zapisane pliki usunięto');
      expect(readdirSync(dir)).toEqual([]);
      expect(audited).toEqual([]);
    }
  }, 60_000);
});
