/**
 * Every printed document, rendered from realistic data and read back with pdfjs: Polish (and
 * Ukrainian) letters intact, case number, page numbers, every required section present,
 * only embedded DejaVu fonts. Also writes PNG previews to test-results/pdf/ for a human.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderRequest } from '../../../../electron/pdf/render';
import type { DocumentRequest } from '../../../../electron/pdf/models';
import {
  CASE_NUMBER,
  NAME_WITH_ACCENTS,
  POLISH_PANGRAM,
  UKRAINIAN_NAME,
  allDocuments,
} from '../../../fixtures/pdf/models';
import { FONT_DIR, STANDARD_14, baseFontsInFile, hasPdftoppm, readPdf, squash, writePreview } from './pdf-helpers';
import type { ReadPdf } from './pdf-helpers';

interface Expectation {
  /** Section headings and fixed texts that must be printed. */
  required: string[];
  /** Printed copies in the PDF, each numbered from "Strona 1". */
  copies: number;
  caseNumber: string | null;
  /** Must come back exactly (Polish diacritics): the pangram is in a free text of the fixture. */
  pangram: boolean;
  /** Names compared without whitespace (pdfjs splits runs at a change of script). */
  names: string[];
}

const EXPECTED: Record<string, Expectation> = {
  'kontrakt-socjalny-A': {
    required: [
      'KONTRAKT SOCJALNY',
      'Egzemplarz dla klienta',
      'Egzemplarz dla ośrodka',
      'Strony kontraktu',
      'Część I A. Ocena sytuacji życiowej osoby lub rodziny',
      '1. Przyczyny trudnej sytuacji życiowej',
      '2. Możliwości (zasoby) pozwalające przezwyciężyć trudną sytuację',
      '3. Ograniczenia',
      'Część II A. Ustalenia kontraktu',
      '1. Cel główny',
      '2. Cele szczegółowe',
      '3. Działania stron kontraktu',
      '4. Okres obowiązywania kontraktu',
      'Ocena realizacji kontraktu',
      'Niedotrzymanie postanowień kontraktu',
      '06.05.2025: Klientka nie stawiła się na umówioną rozmowę w PUP',
      'Postanowienia końcowe',
      'Podpisy stron kontraktu',
      'podpis klienta',
      'podpis pracownika socjalnego',
      'PESEL:',
      'od 14.03.2025 do 30.09.2025',
    ],
    copies: 2,
    caseNumber: CASE_NUMBER,
    pangram: true,
    names: [UKRAINIAN_NAME, NAME_WITH_ACCENTS, 'Grażyna Źrebiec-Ćwikła'],
  },
  'kontrakt-socjalny-B': {
    required: [
      'KONTRAKT SOCJALNY',
      'Część I B. Ocena sytuacji życiowej osoby',
      '4. Sytuacja zawodowa',
      'Rejestracja w powiatowym urzędzie pracy:',
      'Przyczyny pozostawania bez pracy:',
      'Część II B. Ustalenia kontraktu',
      'Realizacja',
      'Ocena realizacji kontraktu',
      'Data oceny:',
      'Egzemplarz dla klienta',
      'Egzemplarz dla ośrodka',
    ],
    copies: 2,
    caseNumber: 'OPS.4011.31.2025',
    pangram: true,
    names: ['Nikodem Żyła'],
  },
  'wniosek-o-asystenta': {
    required: [
      'WNIOSEK',
      'o przydzielenie rodzinie asystenta rodziny',
      'art. 11 ust. 3',
      '1. Dane rodziny',
      '2. Skład rodziny',
      '3. Powody udzielania pomocy (art. 7 ustawy o pomocy społecznej)',
      '4. Trudności w wypełnianiu funkcji opiekuńczo-wychowawczych',
      '5. Mocne strony i zasoby rodziny',
      '6. Dotychczasowa pomoc i instytucje zaangażowane',
      '7. Sytuacja prawna dzieci',
      '8. Uzasadnienie wniosku',
      '9. Zgoda rodziny (art. 8 ust. 2',
      'René Müller-Łęcki – w dniu 19 lutego 2025 r.',
      'podpis pracownika socjalnego',
    ],
    copies: 1,
    caseNumber: CASE_NUMBER,
    pangram: true,
    names: [UKRAINIAN_NAME, NAME_WITH_ACCENTS, 'Łucja Ślęzak-Kovalenko'],
  },
  'przydzielenie-asystenta': {
    required: ['PRZYDZIELENIE ASYSTENTA RODZINY', 'art. 11 ust. 4', 'Wnioskodawca:', 'Dane asystenta rodziny', 'podpis kierownika', 'Otrzymują:', 'a/a'],
    copies: 1,
    caseNumber: CASE_NUMBER,
    pangram: false,
    names: ['Małgorzata Ściężka', 'Jadwiga Ćmielewska'],
  },
  'skierowanie-do-podmiotu': {
    required: ['SKIEROWANIE WNIOSKU O PRZYDZIELENIE ASYSTENTA RODZINY', 'art. 190', 'podpis kierownika', 'Otrzymują:'],
    copies: 1,
    caseNumber: CASE_NUMBER,
    pangram: false,
    names: ['Stowarzyszenie „Dobre Źródło”'],
  },
  'plan-pracy': {
    required: [
      'PLAN PRACY Z RODZINĄ',
      'wersja 2',
      '1. Dane rodziny i osoby prowadzące',
      'Koordynator rodzinnej pieczy zastępczej:',
      '2. Skład rodziny',
      '3. Diagnoza sytuacji rodziny (zasoby i trudności)',
      '4. Cele krótkoterminowe',
      'Zofia chodzi do szkoły codziennie',
      '5. Cele długoterminowe',
      '6. Obszary pracy, cele, działania, terminy i przewidywane efekty',
      '7. Sposób i termin przeglądu planu',
      'Przegląd planu co 3 miesiące',
      'podpis koordynatora rodzinnej pieczy zastępczej',
      'Osoba odpowiedzialna',
      'Oczekiwany efekt',
      'Obszar 1: Sytuacja mieszkaniowa',
      'brak zadań dla tego celu',
      'brak celów w tym obszarze',
      'podpis członka rodziny',
      'podpis asystenta rodziny',
      'w konsultacji z pracownikiem socjalnym',
      'podpis koordynatora rodzinnej pieczy zastępczej',
      'Zatwierdzam',
    ],
    copies: 1,
    caseNumber: CASE_NUMBER,
    pangram: true,
    names: [UKRAINIAN_NAME, NAME_WITH_ACCENTS, 'Anna Łaźniewska'],
  },
  'ocena-okresowa': {
    required: [
      'OKRESOWA OCENA SYTUACJI RODZINY',
      'za okres od 20.03.2025 do 19.09.2025',
      '1. Dane rodziny',
      '2. Realizacja celów planu pracy z rodziną',
      '3. Zmiany w sytuacji rodziny',
      '4. Współpraca rodziny z asystentem rodziny',
      '5. Sytuacja dzieci',
      '6. Wizyty asystenta rodziny w okresie oceny',
      'Liczba wizyt: 14; miejsca: dom rodziny (12), ośrodek (2).',
      '7. Wnioski i rekomendacja',
      '8. Przekazanie oceny kierownikowi ośrodka Data przekazania: 22 września 2025 r.',
      'Przyjęcie przez kierownika: 23 września 2025 r. – Jadwiga Ćmielewska, Kierownik Ośrodka',
      'Żółków Śląski, dnia 19 września 2025 r.',
      'Spłata zaległości czynszowych osiągnięty częściowo',
      'Rekomendacja: kontynuowanie pracy z rodziną ze zmianą planu pracy.',
      'Termin kolejnej oceny:',
    ],
    copies: 1,
    caseNumber: CASE_NUMBER,
    pangram: true,
    names: [UKRAINIAN_NAME],
  },
  'opinia-dla-sadu': {
    required: [
      'Sąd Rejonowy w Żółkowie Śląskim',
      'III Wydział Rodzinny i Nieletnich',
      'Sygn. akt: III Nsm 245/25',
      'dotyczy: pisma Sądu z dnia 22 września 2025 r.',
      'OPINIA O RODZINIE',
      'Rodzina, autor opinii i okres współpracy',
      'ul. Sądowa 1, 44-286 Żółków Śląski',
      'Źródła informacji (wizyty, instytucje, dokumenty)',
      'o rodzinie zamieszkałej pod adresem:',
      'od 01.03.2025 (nadal)',
      '1. Skład i historia rodziny',
      '2. Źródła informacji (wizyty, instytucje, dokumenty)',
      '3. Sytuacja mieszkaniowa',
      '4. Sytuacja finansowa',
      '5. Relacje w rodzinie',
      '6. Opieka nad dziećmi, szkoła i zdrowie',
      '7. Współpraca z instytucjami i realizacja planu pracy z rodziną',
      '8. Mocne strony rodziny i zagrożenia',
      '9. Wnioski',
      'podpis asystenta rodziny',
      'zatwierdzam – podpis kierownika',
    ],
    copies: 1,
    caseNumber: CASE_NUMBER,
    pangram: true,
    names: [UKRAINIAN_NAME],
  },
  'skierowanie-fepz': {
    required: [
      'SKIEROWANIE DO OTRZYMANIA POMOCY ŻYWNOŚCIOWEJ NR 17/2025',
      'Program Fundusze Europejskie na Pomoc Żywnościową 2021–2027',
      'Osoba skierowana',
      'PESEL: 57030801547',
      'Liczba osób w gospodarstwie domowym: 3',
      'oświadczenie o dochodach z dnia 01.06.2025',
      'Dochód na osobę: 1 500,00 zł',
      'Próg dochodowy na osobę: 2 180,95 zł – 265% kryterium 823,00 zł',
      'Ubóstwo; Niepełnosprawność',
      'Organizacja partnerska i punkt wydawania żywności',
      'Punkt przy parafii św. Jadwigi',
      'Podprogram: Podprogram 2025',
      'Skierowanie ważne do: 30.06.2026',
      'podpis pracownika socjalnego',
      'Klauzula informacyjna',
    ],
    copies: 1,
    caseNumber: null,
    pangram: true,
    names: ['Zofia Żuławska-Łęcka', 'Grażyna Źrebiec-Ćwikła'],
  },
  'pismo-zmiana-asystenta': {
    required: [
      'Żółków Śląski, dnia 3 marca 2025 r.',
      'Rodzina Kovalenko ul. Łąkowa 15 m. 3 44-286 Żółków Śląski',
      'ZMIANA ASYSTENTA RODZINY',
      'Szanowni Państwo,',
      'uprzejmie informuję, że z dniem 3 marca 2025 r. nastąpiła zmiana asystenta rodziny pracującego z Państwa rodziną.',
      'Asystent rodziny od 3 marca 2025 r.',
      'Imię i nazwisko: Bożena Wiśniewska',
      'Telefon służbowy: 32 555 01 23',
      'Dotychczasowy asystent rodziny: Grażyna Źrebiec-Ćwikła',
      'Przyczyna zmiany',
      'podpis kierownika',
      'Otrzymują: 1. Rodzina Kovalenko',
    ],
    copies: 1,
    caseNumber: CASE_NUMBER,
    pangram: true,
    names: ['Jadwiga Żółtowska', 'Bożena Wiśniewska'],
  },
  'wywiad-srodowiskowy': {
    required: [
      'Żółków Śląski, dnia 20 lutego 2025 r.',
      'RODZINNY WYWIAD ŚRODOWISKOWY',
      'Rozporządzenie MRiPS z dnia 8 kwietnia 2021 r. (Dz.U. 2021 poz. 893)',
      'Data wywiadu: 18.02.2025',
      'Skład rodziny w dniu wywiadu',
      'Część I.A. Dane osoby i rodziny',
      'Część I.H. Potrzeby zgłaszane przez osobę lub rodzinę',
      'Część I.I. Ocena sytuacji i wnioski pracownika socjalnego',
      'Dochód rodziny (test dochodowy, art. 8 ustawy o pomocy społecznej)',
      'Świadczenie wychowawcze nie wlicza się do dochodu',
      'Dokumenty',
      'podpis pracownika socjalnego',
    ],
    copies: 1,
    caseNumber: CASE_NUMBER,
    pangram: true,
    names: [UKRAINIAN_NAME, NAME_WITH_ACCENTS, 'Grażyna Źrebiec-Ćwikła'],
  },
  'oswiadczenie-majatkowe': {
    required: [
      'Żółków Śląski, dnia 18 lutego 2025 r.',
      'OŚWIADCZENIE O STANIE MAJĄTKOWYM',
      'Osoba składająca oświadczenie',
      'PESEL: 91070212345',
      'Osoby we wspólnym gospodarstwie domowym',
      'Oświadczam, że w skład majątku mojego i mojej rodziny wchodzą:',
      '1. Mieszkanie lub dom (tytuł prawny, powierzchnia, liczba izb) Mieszkanie komunalne',
      '2. Gospodarstwo rolne (powierzchnia w hektarach fizycznych i przeliczeniowych, tytuł prawny) nie posiadam',
      'Jestem świadoma odpowiedzialności karnej za złożenie fałszywego oświadczenia.',
      'podpis osoby składającej oświadczenie',
      'podpis pracownika socjalnego',
    ],
    copies: 1,
    caseNumber: CASE_NUMBER,
    pangram: false,
    names: [UKRAINIAN_NAME, 'Grażyna Źrebiec-Ćwikła'],
  },
};

/** Collapses whitespace so that text wrapped over lines compares with the source. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').replace(/ ([,.):])/g, '$1');

describe.each(allDocuments)('$name', ({ name, request }: { name: string; request: DocumentRequest }) => {
  const expected = EXPECTED[name];
  let bytes: Uint8Array;
  let pdf: ReadPdf;

  beforeAll(async () => {
    bytes = await renderRequest(request, { fontDir: FONT_DIR });
    pdf = await readPdf(bytes);
  });

  it('has expectations', () => {
    expect(expected, `add ${name} to EXPECTED`).toBeDefined();
  });

  it('is a PDF with its metadata taken from the model', () => {
    const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
    expect(head).toBe('%PDF-');
    expect(pdf.info['Producer']).toBe('Asysta');
    expect(pdf.info['Creator']).toMatch(/^Asysta \([a-z-]+\/[\w.-]+\)$/);
    const issuedOn = request.model.header.issuedOn;
    expect(pdf.info['CreationDate']).toBe(`D:${issuedOn.replaceAll('-', '')}000000Z`);
  });

  it('prints every required section', () => {
    const text = oneLine(pdf.text);
    for (const required of expected?.required ?? []) expect(text).toContain(required);
  });

  it('keeps Polish, accented and Cyrillic letters exactly', () => {
    if (expected?.pangram === true) expect(oneLine(pdf.text)).toContain(POLISH_PANGRAM);
    const squashed = squash(pdf.text);
    for (const person of expected?.names ?? []) expect(squashed).toContain(squash(person));
  });

  it('prints the case number on every page', () => {
    if (expected?.caseNumber === null || expected === undefined) return;
    pdf.pages.forEach((page) => expect(oneLine(page)).toContain(`Znak sprawy: ${expected.caseNumber}`));
  });

  it('numbers the pages "Strona N z M" within each copy', () => {
    const copies = expected?.copies ?? 1;
    expect(pdf.pageCount % copies).toBe(0);
    const perCopy = pdf.pageCount / copies;
    pdf.pages.forEach((page, index) => {
      expect(oneLine(page)).toContain(`Strona ${(index % perCopy) + 1} z ${perCopy}`);
    });
  });

  it('uses only the embedded DejaVu fonts (font guard)', () => {
    expect(pdf.fonts.length).toBeGreaterThan(0);
    for (const font of pdf.fonts) {
      expect(font.missingFile, `${font.name} is not embedded`).toBe(false);
      expect(font.name).toMatch(/^[A-Z]{6}\+DejaVuSans(Mono)?(-[A-Za-z]+)?$/);
    }
    for (const baseFont of baseFontsInFile(bytes)) {
      expect(STANDARD_14.some((standard) => baseFont === standard || baseFont.endsWith(`+${standard}`))).toBe(false);
      expect(baseFont).toContain('DejaVu');
    }
  });

  it.skipIf(!hasPdftoppm())('writes a PNG preview of page 1 to test-results/pdf/', () => {
    const png = writePreview(name, bytes);
    expect(png).toMatch(/\.png$/);
  });
});

if (!hasPdftoppm()) {
  console.warn('pdftoppm not found: PNG previews skipped (apt-get install poppler-utils).');
}
