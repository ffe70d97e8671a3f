/**
 * The bundled PDF worker (dist/electron/pdf-worker.cjs, `npm run build`) renders the same bytes as
 * the TypeScript source: the app starts this file, the other tests start the source through tsx.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { PdfService } from '../../../../electron/pdf/pdf-service';
import { renderDocument } from '../../../../electron/pdf/render';
import { socialContractA, workPlan } from '../../../fixtures/pdf/models';
import { FONT_DIR, readPdf } from './pdf-helpers';

const BUILT_WORKER = fileURLToPath(new URL('../../../../dist/electron/pdf-worker.cjs', import.meta.url));
const built = existsSync(BUILT_WORKER);
if (!built) console.warn(`${BUILT_WORKER} is missing: run \`npm run build\` first (npm test does). The built-worker test is skipped.`);

let service: PdfService | null = null;
afterEach(async () => {
  await service?.close();
  service = null;
});

describe.skipIf(!built)('the bundled PDF worker (dist/electron/pdf-worker.cjs)', () => {
  it('renders a document identical to the source build, with its Polish text', async () => {
    service = new PdfService({ workerPath: BUILT_WORKER, fontDir: FONT_DIR });
    const bytes = await service.render('social-contract', socialContractA);
    expect(Buffer.compare(bytes, await renderDocument('social-contract', socialContractA, { fontDir: FONT_DIR }))).toBe(0);
    const pdf = await readPdf(bytes);
    expect(pdf.text).toContain('KONTRAKT SOCJALNY');
    expect(pdf.text).toContain('Egzemplarz dla ośrodka');
    const plan = await readPdf(await service.render('family-work-plan', workPlan));
    expect(plan.text).toContain('PLAN PRACY Z RODZINĄ');
  });

  it('refuses an unprintable model with the Polish problems', async () => {
    service = new PdfService({ workerPath: BUILT_WORKER, fontDir: FONT_DIR });
    const bad = { ...socialContractA, period: { from: '2026-13-01', to: '2026-06-30' } };
    await expect(service.render('social-contract', bad)).rejects.toMatchObject({ code: 'INVALID_MODEL', message: expect.stringContaining('Nieprawidłowa data') });
  });
});
