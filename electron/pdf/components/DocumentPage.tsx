import { useId } from 'react';
import type { ReactNode } from 'react';
import { Page, StyleSheet, View } from '@react-pdf/renderer';
import { Text } from './Text';
import { BLANK_DATE, formatDateLong } from '../format';
import type { DocumentHeader } from '../models';
import { COPY_LABEL_COLUMN_MARK, COPY_LABEL_MARK, PAGE_GROUP_MARK } from '../page-numbers';
import { COLOR, FONT_SIZE, FOOTER_STYLE, HEADER_TOP, LINE_HEIGHT, PAGE, styles } from './theme';

const frame = StyleSheet.create({
  header: {
    position: 'absolute',
    top: HEADER_TOP,
    left: PAGE.marginX,
    right: PAGE.marginX,
    flexDirection: 'row',
    justifyContent: 'space-between',
    alignItems: 'flex-end',
    paddingBottom: 5,
    borderBottomWidth: 0.75,
    borderBottomColor: COLOR.rule,
    borderBottomStyle: 'solid',
    fontSize: FONT_SIZE.small + 0.5,
    lineHeight: 1.3,
  },
  office: { maxWidth: '62%' },
  officeName: { fontWeight: 700, fontSize: FONT_SIZE.small + 1.5, lineHeight: 1.3 },
  caseInfo: { maxWidth: '36%', alignItems: 'flex-end', textAlign: 'right' },
  copyLabel: { fontWeight: 700, marginTop: 1 },
  /** Room for a copy label (one line of the header's text), stamped by page-numbers.ts. */
  copyLabelSlot: { marginTop: 1, height: (FONT_SIZE.small + 0.5) * 1.3 },
  footer: FOOTER_STYLE,
  footerTitle: { maxWidth: '75%' },
  placeDate: { textAlign: 'right', marginBottom: 14 },
  // Inset: react-pdf shifts a centred line that fills the whole width by half its trailing space,
  // past the right margin.
  titleBlock: { alignItems: 'center', marginBottom: 14, paddingHorizontal: 12 },
  title: { fontSize: FONT_SIZE.title, lineHeight: 1.25, fontWeight: 700, textAlign: 'center', letterSpacing: 0.5 },
  subtitle: { fontSize: FONT_SIZE.body, lineHeight: LINE_HEIGHT, textAlign: 'center', marginTop: 3 },
  addressee: { marginLeft: '52%', marginBottom: 18 },
  addresseeLine: { fontWeight: 700 },
});

interface DocumentPageProps {
  header: DocumentHeader;
  /** Short title for the running footer. */
  title: string;
  /** "Egzemplarz dla klienta"... printed in the running header of every page of this copy. */
  copyLabel?: string;
  /**
   * Leave room in the running header for a label that differs between copies of an otherwise
   * identical document: the pages are rendered once and stamped once per copy with its label
   * (page-numbers.ts, DocumentDefinition.copies in render.ts), instead of laid out per copy.
   */
  copyLabelSlot?: boolean;
  children: ReactNode;
}

/**
 * An A4 page that flows onto as many pages as its content needs, with the office letterhead
 * (name, address, case number) on top and the title and "Strona N z M" at the bottom of each.
 * Page numbers count the pages of this <Page> only, so each copy of a document starts at 1.
 * They are stamped after rendering (page-numbers.ts: a react-pdf `render` prop would make it lay
 * every page out again); the empty View marks where this <Page> begins for the stamp.
 */
export function DocumentPage({ header, title, copyLabel, copyLabelSlot = false, children }: DocumentPageProps) {
  const { office } = header;
  const mark = `${PAGE_GROUP_MARK}${useId()}`;
  return (
    <Page size="A4" style={styles.page} wrap>
      <View fixed style={frame.header}>
        <View style={frame.office}>
          <Text style={frame.officeName}>{office.name}</Text>
          <Text>
            {office.street}, {office.postalCode} {office.city}
          </Text>
        </View>
        <View style={frame.caseInfo} {...(copyLabelSlot ? { id: COPY_LABEL_COLUMN_MARK } : {})}>
          {header.caseNumber !== null && <Text>Znak sprawy: {header.caseNumber}</Text>}
          {header.documentNumber !== null && <Text>Nr dokumentu: {header.documentNumber}</Text>}
          {copyLabel !== undefined && <Text style={frame.copyLabel}>{copyLabel}</Text>}
          {/* Zero width at the column's right edge: the mark gives where the label ends. */}
          {copyLabelSlot && <View id={COPY_LABEL_MARK} style={frame.copyLabelSlot} />}
        </View>
      </View>

      <View id={mark} />
      {children}

      <View fixed style={frame.footer}>
        <Text style={frame.footerTitle}>{title}</Text>
        {/* "Strona N z M" goes here, right-aligned: stamped by page-numbers.ts. */}
      </View>
    </Page>
  );
}




/**
 * "Kraśnik, dnia 7 marca 2025 r.", right-aligned, as the first line of a document: the date of the
 * act the document records (header.dated), never the day it was printed; blank for a draft.
 */
export function PlaceAndDate({ header }: { header: DocumentHeader }) {
  return <Text style={frame.placeDate}>{placeAndDate(header)}</Text>;
}

export function placeAndDate(header: DocumentHeader): string {
  return `${header.place}, dnia ${header.dated === null ? BLANK_DATE : formatDateLong(header.dated)}`;
}

/** The centred title of a document, with optional lines under it (legal basis, period...). */
export function DocumentTitle({ title, subtitle }: { title: string; subtitle?: string | string[] }) {
  const lines = subtitle === undefined ? [] : Array.isArray(subtitle) ? subtitle : [subtitle];
  return (
    <View style={frame.titleBlock} minPresenceAhead={80}>
      <Text style={frame.title}>{title}</Text>
      {lines.map((line, index) => (
        <Text key={index} style={frame.subtitle}>
          {line}
        </Text>
      ))}
    </View>
  );
}

/** The addressee of a letter, in the right half of the page. */
export function Addressee({ lines }: { lines: string[] }) {
  return (
    <View style={frame.addressee} wrap={false}>
      {lines.map((line, index) => (
        <Text key={index} style={frame.addresseeLine}>
          {line}
        </Text>
      ))}
    </View>
  );
}
