/**
 * Bad input: very long names and texts (nothing may be cut off), empty optional sections
 * ("brak danych", never a missing heading), a 300-task plan over many pages (header row
 * repeated on each), and models that cannot be printed.
 */
import { describe, expect, it } from 'vitest';
import { PdfModelError, renderDocument } from '../../../../electron/pdf/render';
import { OPINION_SECTIONS } from '../../../../electron/pdf/documents/CourtOpinion';
import {
  LONG_NAME,
  LONG_WORD,
  UNBROKEN,
  contractBWithoutProfile,
  emptyAssessment,
  emptyOpinion,
  emptyPlan,
  emptyRequest,
  longContract,
  longOpinion,
  planWithTasks,
  socialContractA,
  socialContractB,
  workPlan,
} from '../../../fixtures/pdf/models';
import { FONT_DIR, hasPdftoppm, missingWords, readPdf, squash, writePreview } from './pdf-helpers';

const options = { fontDir: FONT_DIR };
const oneLine = (text: string): string => text.replace(/\s+/g, ' ');
const count = (text: string, needle: string): number => text.split(needle).length - 1;

describe('very long names and texts', () => {
  it('kontrakt: every text is printed in full, a row taller than a page included', async () => {
    const bytes = await renderDocument('social-contract', longContract, options);
    const pdf = await readPdf(bytes);
    const body = squash(pdf.body);
    const paragraphs = [
      LONG_NAME,
      LONG_WORD,
      UNBROKEN,
      longContract.assessment.causes,
      longContract.assessment.possibilities,
      longContract.assessment.limitations,
      ...longContract.partialGoals,
    ];
    for (const piece of paragraphs) expect(body).toContain(squash(piece));
    // A table row split over pages interleaves its cells: check its words instead.
    for (const action of longContract.actions) expect(missingWords(action.description, pdf.body)).toEqual([]);
    // Two copies, each numbered from 1.
    expect(pdf.pageCount % 2).toBe(0);
    expect(oneLine(pdf.text)).toContain(`Strona 1 z ${pdf.pageCount / 2}`);
    if (hasPdftoppm()) writePreview('zz-long-kontrakt', bytes);
  });

  it('opinia: long sections flow over pages in full', async () => {
    const bytes = await renderDocument('court-opinion', longOpinion, options);
    const pdf = await readPdf(bytes);
    expect(pdf.pageCount).toBeGreaterThan(3);
    const text = squash(pdf.body);
    for (const section of Object.values(longOpinion.sections)) expect(text).toContain(squash(section ?? ''));
    expect(text).toContain(squash(LONG_NAME));
    expect(text).toContain(squash(UNBROKEN));
    pdf.pages.forEach((page, index) => expect(oneLine(page)).toContain(`Strona ${index + 1} z ${pdf.pageCount}`));
  });
});

describe('empty optional sections print "brak danych"', () => {
  it('opinia: every section heading stays, each with "brak danych"', async () => {
    const pdf = await readPdf(await renderDocument('court-opinion', emptyOpinion, options));
    const text = oneLine(pdf.text);
    expect(text).toContain('1. Skład i historia rodziny');
    OPINION_SECTIONS.forEach((section, index) => expect(text).toContain(`${index + 2}. ${section.title}`));
    // 8 text sections + the empty family table.
    expect(count(text, 'brak danych')).toBeGreaterThanOrEqual(9);
    expect(text).not.toContain('zatwierdzam');
  });

  it('plan pracy: no members, no diagnosis, no areas', async () => {
    const pdf = await readPdf(await renderDocument('family-work-plan', emptyPlan, options));
    const text = oneLine(pdf.text);
    for (const heading of ['2. Skład rodziny', '3. Diagnoza sytuacji rodziny', '6. Obszary pracy, cele, działania, terminy i przewidywane efekty', '7. Sposób i termin przeglądu planu']) {
      expect(text).toContain(heading);
    }
    expect(count(text, 'brak danych')).toBeGreaterThanOrEqual(3);
    expect(text).toContain('w konsultacji z pracownikiem socjalnym');
  });

  it('ocena okresowa: no goals, no changes described', async () => {
    const pdf = await readPdf(await renderDocument('periodic-assessment', emptyAssessment, options));
    const text = oneLine(pdf.text);
    expect(text).toContain('2. Realizacja celów planu pracy z rodziną');
    expect(text).toContain('3. Zmiany w sytuacji rodziny');
    expect(count(text, 'brak danych')).toBeGreaterThanOrEqual(5);
  });

  it('wniosek: no members, reasons nor difficulties', async () => {
    const pdf = await readPdf(await renderDocument('assistant-request', emptyRequest, options));
    const text = oneLine(pdf.text);
    expect(text).toContain('3. Powody udzielania pomocy');
    expect(count(text, 'brak danych')).toBeGreaterThanOrEqual(4);
    expect(text).toContain('w dniu 18 lutego 2025 r.');
    expect(text).not.toContain('r..');
  });

  it('kontrakt B: no activation profile, goals nor actions', async () => {
    const pdf = await readPdf(await renderDocument('social-contract', contractBWithoutProfile, options));
    const text = oneLine(pdf.text);
    expect(text).toContain('4. Sytuacja zawodowa');
    expect(text).toContain('3. Działania stron kontraktu');
    // Per copy: profile, partial goals, actions table.
    expect(count(text, 'brak danych')).toBeGreaterThanOrEqual(6);
  });
});

describe('plan pracy with 300 tasks', () => {
  it('runs over many pages with the table header on each page of the table', async () => {
    const model = planWithTasks(300);
    const bytes = await renderDocument('family-work-plan', model, options);
    const pdf = await readPdf(bytes);
    expect(pdf.pageCount).toBeGreaterThan(10);

    const tablePages = pdf.pages.filter((page) => page.includes('Zadanie '));
    expect(tablePages.length).toBeGreaterThan(10);
    for (const page of tablePages) {
      const text = oneLine(page);
      expect(text).toContain('Osoba odpowiedzialna');
      expect(text).toContain('Oczekiwany efekt');
    }
    pdf.pages.forEach((page, index) => {
      const text = oneLine(page);
      expect(text).toContain(`Strona ${index + 1} z ${pdf.pageCount}`);
      expect(text).toContain('Gminny Ośrodek Pomocy Społecznej w Żółkowie Śląskim');
    });

    // Every task is there, once; no row was split or lost.
    const all = oneLine(pdf.text);
    for (let task = 1; task <= 300; task += 1) expect(count(all, `Zadanie ${task}:`)).toBe(1);
    if (hasPdftoppm()) writePreview('zz-plan-300', bytes);
  }, 180_000); // react-pdf paginates in O(pages²): ~10 s here, slower on a shared CI machine
});

describe('models that cannot be printed', () => {
  it('refuses variant B with two clients', async () => {
    const model = { ...socialContractB, clients: socialContractA.clients };
    await expect(renderDocument('social-contract', model, options)).rejects.toBeInstanceOf(PdfModelError);
  });

  it('refuses a coordinated plan without a koordynator', async () => {
    const model = { ...workPlan, coordinator: null };
    await expect(renderDocument('family-work-plan', model, options)).rejects.toThrow(/koordynatora/);
  });

  it('refuses a malformed date with a Polish message', async () => {
    const model = { ...socialContractA, period: { from: '2025-03-14', to: '2025-13-01' } };
    await expect(renderDocument('social-contract', model, options)).rejects.toThrow(/Nieprawidłowa data/);
  });
});
