/**
 * PDF/A-2b (ISO 19005-2, level B) for every document the app prints and for the court bundle,
 * applied with pdf-lib to the finished file (react-pdf cannot write it itself):
 * - an sRGB output intent (GTS_PDFA1) with the ICC profile shipped beside the fonts
 *   (`fonts/sRGB.icc`, zlib licence: `fonts/sRGB.icc.LICENSE`), which makes the documents'
 *   DeviceRGB and DeviceGray colours device-independent;
 * - an XMP metadata stream (uncompressed, as PDF/A requires) declaring pdfaid:part 2 and
 *   conformance B, carrying the same title, author, subject, creator, producer and dates as the
 *   information dictionary; react-pdf's non-standard /ModificationDate becomes /ModDate;
 * - a trailer /ID and an xmpMM:DocumentID derived from the document's own bytes, never from the
 *   clock or chance: the same model still gives the same file, and the register's SHA-256 of a
 *   reprint still matches.
 * Fonts are embedded DejaVu subsets already (font-guard.test.ts); react-pdf writes no
 * transparency groups, soft masks or annotations. What only veraPDF could confirm is listed in
 * electron/pdf/README.md.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';

/** The sRGB profile, in the folder of the fonts (shipped with them: electron-builder's extraResources). */
export const ICC_PROFILE_FILE = 'sRGB.icc';
export const OUTPUT_CONDITION = 'sRGB IEC61966-2.1';

const profiles = new Map<string, Uint8Array>();

function iccProfile(resourceDir: string): Uint8Array {
  const path = join(resourceDir, ICC_PROFILE_FILE);
  let profile = profiles.get(path);
  if (profile === undefined) {
    profile = readFileSync(path);
    profiles.set(path, profile);
  }
  return profile;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** "2025-09-19T00:00:00Z": the information dictionary's date in XMP form (whole seconds, UTC, as written there). */
function xmpDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** "uuid:d2b80444-6878-8cd6-adf3-2311457399e8" from 16 bytes of hex. */
function uuidOf(hex: string): string {
  return `uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

interface InfoFields {
  title: string | undefined;
  author: string | undefined;
  subject: string | undefined;
  keywords: string | undefined;
  creator: string | undefined;
  producer: string | undefined;
  created: Date | undefined;
  modified: Date | undefined;
}

/** The XMP packet mirroring the information dictionary, with the PDF/A identification. */
export function xmpPacket(info: InfoFields, documentId: string): string {
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li></rdf:Alt>`;
  const properties = [
    '<pdfaid:part>2</pdfaid:part>',
    '<pdfaid:conformance>B</pdfaid:conformance>',
    '<dc:format>application/pdf</dc:format>',
    info.title === undefined ? null : `<dc:title>${alt(info.title)}</dc:title>`,
    info.author === undefined ? null : `<dc:creator><rdf:Seq><rdf:li>${escapeXml(info.author)}</rdf:li></rdf:Seq></dc:creator>`,
    info.subject === undefined ? null : `<dc:description>${alt(info.subject)}</dc:description>`,
    info.keywords === undefined ? null : `<pdf:Keywords>${escapeXml(info.keywords)}</pdf:Keywords>`,
    info.producer === undefined ? null : `<pdf:Producer>${escapeXml(info.producer)}</pdf:Producer>`,
    info.creator === undefined ? null : `<xmp:CreatorTool>${escapeXml(info.creator)}</xmp:CreatorTool>`,
    info.created === undefined ? null : `<xmp:CreateDate>${xmpDate(info.created)}</xmp:CreateDate>`,
    info.modified === undefined ? null : `<xmp:ModifyDate>${xmpDate(info.modified)}</xmp:ModifyDate>`,
    info.modified === undefined ? null : `<xmp:MetadataDate>${xmpDate(info.modified)}</xmp:MetadataDate>`,
    `<xmpMM:DocumentID>${documentId}</xmpMM:DocumentID>`,
    `<xmpMM:InstanceID>${documentId}</xmpMM:InstanceID>`,
  ].filter((line): line is string => line !== null);
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">',
    ...properties,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

/** react-pdf writes the modification date under a key no reader knows; PDF/A wants /ModDate. */
function fixModificationDate(pdf: PDFDocument): void {
  const info = pdf.context.lookupMaybe(pdf.context.trailerInfo.Info, PDFDict);
  if (info === undefined) return;
  const misnamed = info.get(PDFName.of('ModificationDate'));
  if (misnamed === undefined) return;
  info.delete(PDFName.of('ModificationDate'));
  if (info.get(PDFName.of('ModDate')) === undefined) info.set(PDFName.of('ModDate'), misnamed);
}

/**
 * Makes a loaded or newly built document PDF/A-2b (see above). `idSeed`: bytes that identify the
 * document's content (react-pdf's output; the bundle's parts), from which its ID is derived.
 */
export function makePdfA(pdf: PDFDocument, options: { resourceDir: string; idSeed: Uint8Array }): void {
  fixModificationDate(pdf);
  const hex = createHash('sha256').update(options.idSeed).digest('hex').slice(0, 32);
  pdf.context.trailerInfo.ID = pdf.context.obj([PDFHexString.of(hex), PDFHexString.of(hex)]);

  const xmp = xmpPacket(
    {
      title: pdf.getTitle(),
      author: pdf.getAuthor(),
      subject: pdf.getSubject(),
      keywords: pdf.getKeywords(),
      creator: pdf.getCreator(),
      producer: pdf.getProducer(),
      created: pdf.getCreationDate(),
      modified: pdf.getModificationDate(),
    },
    uuidOf(hex),
  );
  const metadata = pdf.context.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
  pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(metadata));

  const profile = pdf.context.flateStream(iccProfile(options.resourceDir), { N: 3 });
  const intent = pdf.context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of(OUTPUT_CONDITION),
    Info: PDFString.of(OUTPUT_CONDITION),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: pdf.context.register(profile),
  });
  pdf.catalog.set(PDFName.of('OutputIntents'), pdf.context.obj([intent]));
}

/** Saves a document the way every print is saved: no object streams (readers and tests look into the dictionaries), no yielding. */
export async function savePdf(pdf: PDFDocument): Promise<Uint8Array<ArrayBuffer>> {
  const saved = await pdf.save({
    useObjectStreams: false,
    addDefaultPage: false,
    updateFieldAppearances: false,
    // pdf-lib would yield to the event loop every 50 objects: this runs in the worker, no need.
    objectsPerTick: Number.POSITIVE_INFINITY,
  });
  const out = new Uint8Array(saved.byteLength);
  out.set(saved);
  return out;
}
