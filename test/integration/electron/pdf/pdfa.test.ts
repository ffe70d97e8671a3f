/**
 * PDF/A-2b structure of every document and of the court bundle (issue 16, item 8). veraPDF is not
 * available here: this checks what the standard asks of the file's structure — the binary header
 * comment, the trailer /ID, an sRGB output intent with its ICC profile, an uncompressed XMP
 * metadata stream identifying PDF/A-2 level B and agreeing with the information dictionary, every
 * font embedded (pdffonts, poppler), no transparency, encryption, JavaScript or annotations — and
 * that the same model still gives the same bytes. What only veraPDF could confirm: electron/pdf/README.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, type PDFNumber, type PDFObject } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { ICC_PROFILE_FILE, OUTPUT_CONDITION } from '../../../../electron/pdf/pdfa';
import { renderRequest } from '../../../../electron/pdf/render';
import { buildBundle } from '../../../../electron/services/court-bundle';
import type { DocumentRequest } from '../../../../electron/pdf/models';
import { allDocuments, assistantRequest, socialContractA } from '../../../fixtures/pdf/models';
import { FONT_DIR } from './pdf-helpers';

const work = mkdtempSync(join(tmpdir(), 'asysta-pdfa-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const text = (value: PDFObject | undefined): string | undefined => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined);

/** "D:20250919000000Z" or "D:20250919000000+02'00'" → the instant, for comparison with XMP. */
function pdfDate(value: string): number {
  const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'\d{2}'?)?$/.exec(value);
  if (!m) throw new Error(`Not a PDF date: ${value}`);
  const zone = m[7] === undefined || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].slice(4, 6)}`;
  return Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
}

function xmpValue(xmp: string, property: string): string | null {
  const m = new RegExp(`<${property}>(?:<rdf:(?:Alt|Seq)><rdf:li(?: xml:lang="x-default")?>)?([^<]*)`).exec(xmp);
  return m?.[1]?.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&') ?? null;
}

/** pdf-lib's loader gives raw (still encoded) streams. */
function rawStream(value: PDFObject | undefined): PDFRawStream {
  expect(value).toBeInstanceOf(PDFRawStream);
  return value as PDFRawStream;
}

function streamBytes(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of('Filter'));
  if (filter === undefined) return stream.contents;
  expect(filter).toBe(PDFName.of('FlateDecode'));
  return inflateSync(stream.contents);
}

/** Every check the structure of a PDF/A-2b file allows without veraPDF; returns the XMP for more. */
async function expectPdfA2b(bytes: Uint8Array, name: string): Promise<string> {
  const raw = Buffer.from(bytes);
  // Header: "%PDF-1.n" and a comment of four bytes above 127 on the next line.
  expect(raw.subarray(0, 7).toString('latin1'), name).toBe('%PDF-1.');
  const second = raw.subarray(raw.indexOf(0x0a) + 1, raw.indexOf(0x0a) + 6);
  expect(second[0], name).toBe(0x25);
  expect([...second.subarray(1, 5)].every((byte) => byte > 127), name).toBe(true);
  const latin = raw.toString('latin1');
  for (const forbidden of ['/Encrypt', '/JavaScript', '/JS ', '/SMask', '/Group', '/EmbeddedFiles', '/LZWDecode', '/ModificationDate']) {
    expect(latin.includes(forbidden), `${name}: ${forbidden}`).toBe(false);
  }
  // Opacity is only ever full (react-pdf writes /CA 1 and /ca 1).
  for (const m of latin.matchAll(/\/(CA|ca) ([\d.]+)/g)) expect(Number(m[2]), `${name}: /${m[1]}`).toBe(1);

  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const id = pdf.context.trailerInfo.ID;
  expect(id, `${name}: trailer /ID`).toBeInstanceOf(PDFArray);
  const ids = (id as PDFArray).asArray().map((part) => (part as PDFHexString).asString());
  expect(ids).toHaveLength(2);
  expect(ids[0]).toMatch(/^[0-9a-f]{32}$/);

  // Output intent: GTS_PDFA1, sRGB, with the shipped profile (3 components).
  const intents = pdf.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
  expect(intents.size(), name).toBe(1);
  const intent = intents.lookup(0, PDFDict);
  expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFA1'));
  expect(text(intent.get(PDFName.of('OutputConditionIdentifier')))).toBe(OUTPUT_CONDITION);
  const profile = rawStream(intent.lookup(PDFName.of('DestOutputProfile')));
  expect((profile.dict.get(PDFName.of('N')) as PDFNumber).asNumber()).toBe(3);
  const icc = streamBytes(profile);
  expect(Buffer.from(icc).equals(readFileSync(join(FONT_DIR, ICC_PROFILE_FILE))), name).toBe(true);
  expect(Buffer.from(icc.subarray(36, 40)).toString('latin1')).toBe('acsp');
  expect(Buffer.from(icc.subarray(16, 20)).toString('latin1')).toBe('RGB ');

  // XMP: uncompressed, PDF/A-2 level B, the information dictionary's values and dates.
  const metadata = rawStream(pdf.catalog.lookup(PDFName.of('Metadata')));
  expect(metadata.dict.get(PDFName.of('Type'))).toBe(PDFName.of('Metadata'));
  expect(metadata.dict.get(PDFName.of('Subtype'))).toBe(PDFName.of('XML'));
  expect(metadata.dict.get(PDFName.of('Filter')), `${name}: metadata must not be compressed`).toBeUndefined();
  const xmp = Buffer.from(metadata.contents).toString('utf8');
  expect(xmp).toMatch(/^<\?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"\?>/);
  expect(xmp).toMatch(/<\?xpacket end="w"\?>$/);
  expect(xmpValue(xmp, 'pdfaid:part')).toBe('2');
  expect(xmpValue(xmp, 'pdfaid:conformance')).toBe('B');
  const info = pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict);
  const field = (key: string) => text(info.lookup(PDFName.of(key)));
  const pairs: [string, string][] = [
    ['Title', 'dc:title'],
    ['Author', 'dc:creator'],
    ['Subject', 'dc:description'],
    ['Creator', 'xmp:CreatorTool'],
    ['Producer', 'pdf:Producer'],
    ['Keywords', 'pdf:Keywords'],
  ];
  for (const [key, property] of pairs) expect(xmpValue(xmp, property), `${name}: ${key}`).toBe(field(key) ?? null);
  expect(field('Title'), name).toBeTruthy();
  const created = field('CreationDate');
  const modified = field('ModDate');
  expect(created && modified, `${name}: dates`).toBeTruthy();
  expect(Date.parse(xmpValue(xmp, 'xmp:CreateDate') ?? ''), name).toBe(pdfDate(created ?? ''));
  expect(Date.parse(xmpValue(xmp, 'xmp:ModifyDate') ?? ''), name).toBe(pdfDate(modified ?? ''));
  // The document ID is the trailer's.
  const hex = ids[0] ?? '';
  expect(xmpValue(xmp, 'xmpMM:DocumentID')).toBe(`uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`);

  // No annotations (PDF/A would want their appearance and print flags).
  for (const page of pdf.getPages()) expect(page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.size() ?? 0, name).toBe(0);

  // Every font embedded, as poppler sees it.
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, bytes);
  const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  expect(rows.length, `${name}: fonts`).toBeGreaterThan(0);
  for (const row of rows) {
    const columns = row.trim().split(/\s+/);
    // name type [type…] encoding emb sub uni object ID: emb is the 5th from the end.
    expect(columns[columns.length - 5], `${name}: ${row}`).toBe('yes');
  }
  return xmp;
}

describe('PDF/A-2b', () => {
  it.each(allDocuments)('$name: output intent, XMP agreeing with the information dictionary, ID, fonts embedded', async ({ name, request }: { name: string; request: DocumentRequest }) => {
    const bytes = await renderRequest(request, { fontDir: FONT_DIR });
    await expectPdfA2b(bytes, name);
    // A reprint is the same file, ID and XMP included.
    expect(Buffer.compare(bytes, await renderRequest(request, { fontDir: FONT_DIR })), name).toBe(0);
  });

  it('derives the ID from the document: two documents of the same title and date differ in ID', async () => {
    const a = await renderRequest({ kind: 'assistant-request', model: assistantRequest }, { fontDir: FONT_DIR });
    const b = await renderRequest({ kind: 'assistant-request', model: { ...assistantRequest, justification: `${assistantRequest.justification} Inny tekst.` } }, { fontDir: FONT_DIR });
    const id = async (bytes: Uint8Array) => ((await PDFDocument.load(bytes)).context.trailerInfo.ID as PDFArray).lookup(0, PDFHexString).asString();
    expect(await id(a)).not.toBe(await id(b));
  });

  it('the court bundle: the same structure, and the same export gives the same bytes', async () => {
    const contract = await renderRequest({ kind: 'social-contract', model: socialContractA }, { fontDir: FONT_DIR });
    const wniosek = await renderRequest({ kind: 'assistant-request', model: assistantRequest }, { fontDir: FONT_DIR });
    const input = {
      letter: null,
      cover: { rows: [{ label: 'Sygnatura akt:', value: 'III Nsm 123/25' }], officeName: 'MOPS w Bielicach', officeAddress: 'ul. Długa 1, 00-001 Bielice' },
      parts: [{ title: '1. Dokumenty wydane', files: [{ title: 'Kontrakt socjalny nr 1/2026', bytes: contract }, { title: 'Wniosek nr 2/2026', bytes: wniosek, copy: true }] }],
      stamp: 'Akta sprawy OPS.1.2026 – sygn. akt III Nsm 123/25',
      metadata: { title: 'Akta sprawy OPS.1.2026 <dla sądu> & kopia', author: 'MOPS w Bielicach', date: new Date('2026-06-15T12:00:00Z') },
      fontDir: FONT_DIR,
    };
    const first = await buildBundle(input);
    const xmp = await expectPdfA2b(first.bytes, 'bundle');
    expect(xmp).toContain('Akta sprawy OPS.1.2026 &lt;dla sądu&gt; &amp; kopia');
    expect(Buffer.compare(first.bytes, (await buildBundle(input)).bytes)).toBe(0);
  });
});
