/**
 * The court bundle assembled in the PDF worker (an 'assemble' job): the same pages and contents
 * as building it in-process, the stored parts' pages merged, "Strona N z M" on every page, the
 * main thread's bytes untouched; an unreadable part is refused naming it, in Polish.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PdfService } from '../../../../electron/pdf/pdf-service';
import { renderDocument } from '../../../../electron/pdf/render';
import type { BundleRequest } from '../../../../electron/pdf/worker-protocol';
import { buildBundle } from '../../../../electron/services/court-bundle';
import { zip, zipAsync } from '../../../../electron/services/zip';
import { assistantRequest, socialContractA } from '../../../fixtures/pdf/models';
import { FONT_DIR, WORKER_PATH, readPdf } from './pdf-helpers';

let service: PdfService | null = null;
afterEach(async () => {
  await service?.close();
  service = null;
});

async function request(): Promise<BundleRequest> {
  const contract = await renderDocument('social-contract', socialContractA, { fontDir: FONT_DIR });
  const wniosek = await renderDocument('assistant-request', assistantRequest, { fontDir: FONT_DIR });
  return {
    letter: null,
  cover: { rows: [{ label: 'Sąd:', value: 'Sąd Rejonowy w Bielicach' }, { label: 'Sygnatura akt:', value: 'III Nsm 123/25' }], officeName: 'MOPS w Bielicach', officeAddress: 'ul. Długa 1, 00-001 Bielice' },
    parts: [
      { title: '1. Dokumenty wydane', files: [{ title: 'Kontrakt socjalny nr 1/2026', bytes: contract }, { title: 'Wniosek nr 2/2026', bytes: wniosek }] },
      { title: '2. Chronologia sprawy', files: [{ title: 'Chronologia sprawy', bytes: wniosek }] },
    ],
    stamp: 'Akta sprawy OPS.1.2026 – sygn. akt III Nsm 123/25',
    metadata: { title: 'Akta sprawy OPS.1.2026', author: 'MOPS w Bielicach', date: new Date('2026-06-15T12:00:00Z') },
  };
}

describe('PdfService.assemble (the court bundle in the worker)', () => {
  it('builds the bundle of the in-process build: cover, contents, every part, "Strona N z M" on each page', async () => {
    service = new PdfService({ workerPath: WORKER_PATH, fontDir: FONT_DIR });
    const input = await request();
    const sent = input.parts.flatMap((part) => part.files.map((file) => Buffer.from(file.bytes)));
    const inWorker = await service.assemble(input);
    const inProcess = await buildBundle({ ...input, fontDir: FONT_DIR });
    expect(inWorker.pages).toBe(inProcess.pages);
    expect(inWorker.contents).toEqual(inProcess.contents);
    const [contract, wniosek] = await Promise.all(input.parts[0]!.files.map(async (file) => (await readPdf(file.bytes)).pageCount));
    expect(inWorker.contents).toEqual([
      { title: '1. Dokumenty wydane', page: 3, level: 0 },
      { title: 'Kontrakt socjalny nr 1/2026', page: 3, level: 1 },
      { title: 'Wniosek nr 2/2026', page: 3 + contract!, level: 1 },
      { title: '2. Chronologia sprawy', page: 3 + contract! + wniosek!, level: 0 },
    ]);
    expect(inWorker.pages).toBe(2 + contract! + 2 * wniosek!);
    // The parts' bytes stay usable in the main process (for the ZIP): copied to the worker, not moved.
    expect(input.parts.flatMap((part) => part.files.map((file) => Buffer.from(file.bytes)))).toEqual(sent);
    const pdf = await readPdf(inWorker.bytes);
    const reference = await readPdf(inProcess.bytes);
    expect(pdf.pageCount).toBe(inWorker.pages);
    expect(pdf.pages).toEqual(reference.pages);
    expect(pdf.pages[0]).toContain('III Nsm 123/25');
    expect(pdf.pages[1]).toContain('SPIS TREŚCI');
    expect(pdf.text).toContain('KONTRAKT SOCJALNY');
    pdf.pages.forEach((text, index) => expect(text).toContain(`Strona ${index + 1} z ${pdf.pageCount}`));
    expect(pdf.info['Title']).toBe('Akta sprawy OPS.1.2026');
  });

  it('refuses a part that is not a readable PDF, naming it in Polish', async () => {
    service = new PdfService({ workerPath: WORKER_PATH, fontDir: FONT_DIR });
    const input = await request();
    input.parts[1]!.files[0] = { title: 'Chronologia sprawy', bytes: new TextEncoder().encode('to nie jest PDF') };
    await expect(service.assemble(input)).rejects.toMatchObject({ code: 'RENDER_FAILED', message: 'Nie można odczytać pliku PDF „Chronologia sprawy”.' });
  });
});

describe('zipAsync (the export ZIP off the main thread)', () => {
  it('writes the very bytes zip() writes', async () => {
    const input = await request();
    const entries = [
      ...input.parts.flatMap((part, p) => part.files.map((file, f) => ({ name: `${p}_${f}_dokument.pdf`, data: Buffer.from(file.bytes) }))),
      { name: 'manifest.json', data: Buffer.from('{"zażółć":"gęślą jaźń"}\n', 'utf8') },
      { name: 'pusty.txt', data: Buffer.alloc(0) },
    ];
    const at = new Date('2026-06-15T12:00:00Z');
    const sync = zip(entries, at);
    expect(Buffer.compare(await zipAsync(entries, at), sync)).toBe(0);
    expect(sync.length).toBeGreaterThan(100);
  });
});
