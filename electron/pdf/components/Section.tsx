import type { ReactNode } from 'react';
import { StyleSheet, View } from '@react-pdf/renderer';
import { Text } from './Text';
import { isBlank, paragraphs } from '../format';
import { COLOR, FONT_SIZE, styles, type Style } from './theme';

/** What a required section prints when it has no content: it is never left out. */
export const NO_DATA = 'brak danych';

const section = StyleSheet.create({
  section: { marginBottom: 8 },
  heading: {
    fontSize: FONT_SIZE.heading,
    lineHeight: 1.3,
    fontWeight: 700,
    marginTop: 6,
    marginBottom: 4,
  },
  subheading: { fontWeight: 700, marginTop: 3, marginBottom: 2 },
  row: { flexDirection: 'row', marginBottom: 2 },
  label: { color: COLOR.muted },
  value: { flex: 1 },
  listItem: { flexDirection: 'row', marginBottom: 2 },
  listMarker: { width: 16 },
  listText: { flex: 1 },
  copiesTo: { marginTop: 18, fontSize: FONT_SIZE.table, lineHeight: 1.35 },
  fillLine: {
    height: 18,
    borderBottomWidth: 0.6,
    borderBottomColor: COLOR.lightRule,
    borderBottomStyle: 'dotted',
  },
});

/** Below this many characters a paragraph is left-aligned: justified, a line or two of short text opens wide gaps. */
const JUSTIFY_FROM_CHARS = 240;

/** Free text justified when it is long enough to fill its lines, left-aligned when short. */
export function paragraphStyle(text: string): Style[] {
  return text.length < JUSTIFY_FROM_CHARS ? [styles.paragraph, { textAlign: 'left' }] : [styles.paragraph];
}

/** "brak danych" in italics. */
export function NoData({ text = NO_DATA }: { text?: string }) {
  return <Text style={styles.noData}>{text}</Text>;
}

interface HeadingProps {
  children: ReactNode;
  /** Points of what follows that must fit on the same page, or the heading moves to the next. */
  keepWithNext?: number;
}

/** A heading that is never left alone at the bottom of a page. */
export function SectionHeading({ children, keepWithNext = 36 }: HeadingProps) {
  return (
    <Text style={section.heading} minPresenceAhead={keepWithNext}>
      {children}
    </Text>
  );
}

export function SubHeading({ children, keepWithNext = 24 }: HeadingProps) {
  return (
    <Text style={section.subheading} minPresenceAhead={keepWithNext}>
      {children}
    </Text>
  );
}

interface SectionProps {
  title: string;
  /** When true the body is replaced by "brak danych" (the heading stays). */
  empty?: boolean;
  emptyText?: string;
  children?: ReactNode;
}

/**
 * A titled section; an empty one prints "brak danych" instead of disappearing. The heading is a
 * sibling of what precedes it, not the first child of a wrapper: react-pdf honours a heading's
 * minPresenceAhead only when something comes before it in its parent (breaking before the first
 * child "would not improve its presence"), so a heading first in its own View was left alone at
 * the foot of a page.
 */
export function Section({ title, empty = false, emptyText, children }: SectionProps) {
  return (
    <>
      <SectionHeading>{title}</SectionHeading>
      <View style={section.section}>{empty ? <NoData {...(emptyText === undefined ? {} : { text: emptyText })} /> : children}</View>
    </>
  );
}

/** Free text split at blank lines into justified paragraphs; blank → "brak danych". */
export function Paragraphs({ text }: { text: string | null }) {
  if (isBlank(text)) return <NoData />;
  return (
    <>
      {paragraphs(text).map((paragraph, index) => (
        <Text key={index} style={paragraphStyle(paragraph)} orphans={2} widows={2}>
          {paragraph}
        </Text>
      ))}
    </>
  );
}

/** A paragraph up to this long stays on one page with its section's heading. */
const KEEP_WITH_HEADING_CHARS = 700;

/**
 * A section made of one free text. Its heading and first paragraph (when not long) are one
 * unbreakable block: react-pdf moved a short paragraph whole to the next page (its orphans and
 * widows rule) and left the heading alone at the foot of the page before. A long first paragraph
 * flows, its first lines under the heading.
 */
export function TextSection({ title, text }: { title: string; text: string | null }) {
  const [first, ...rest] = isBlank(text) ? [] : paragraphs(text);
  if (first === undefined) return <Section title={title} empty />;
  return (
    <>
      <View wrap={first.length > KEEP_WITH_HEADING_CHARS}>
        <SectionHeading>{title}</SectionHeading>
        <Text style={paragraphStyle(first)} orphans={2} widows={2}>
          {first}
        </Text>
      </View>
      <View style={section.section}>
        {rest.map((paragraph, index) => (
          <Text key={index} style={paragraphStyle(paragraph)} orphans={2} widows={2}>
            {paragraph}
          </Text>
        ))}
      </View>
    </>
  );
}

interface LabelValueProps {
  label: string;
  value: string | null;
  /** Width of the label column in points. */
  labelWidth?: number;
}

/** "Label:   value" on one row; null or blank value → "brak danych". */
export function LabelValue({ label, value, labelWidth = 150 }: LabelValueProps) {
  return (
    <View style={section.row} wrap={false}>
      <Text style={[section.label, { width: labelWidth }]}>{label}</Text>
      <View style={section.value}>{isBlank(value) ? <NoData /> : <Text>{value}</Text>}</View>
    </View>
  );
}

interface ListProps {
  items: string[];
  /** Numbers ("1.", "2.") instead of dashes. */
  numbered?: boolean;
  /** Prefix of the numbers, e.g. "2." gives "2.1.", "2.2.". */
  numberPrefix?: string;
}

/** A list; an empty one prints "brak danych". */
export function List({ items, numbered = false, numberPrefix = '' }: ListProps) {
  if (items.length === 0) return <NoData />;
  return (
    <View>
      {items.map((item, index) => (
        <View key={index} style={section.listItem} wrap={item.length > 600}>
          <Text style={[section.listMarker, numbered ? { width: 16 + numberPrefix.length * 6 } : {}]}>
            {numbered ? `${numberPrefix}${index + 1}.` : '–'}
          </Text>
          <Text style={section.listText}>{item}</Text>
        </View>
      ))}
    </View>
  );
}

/** Dotted lines to write on by hand (e.g. an assessment made after printing). */
export function FillInLines({ count = 3 }: { count?: number }) {
  return (
    <View wrap={false}>
      {Array.from({ length: count }, (_, index) => (
        <View key={index} style={section.fillLine} />
      ))}
    </View>
  );
}

/** "Otrzymują:" at the foot of a letter: the recipients, then "a/a" (the office's file copy). */
export function CopiesTo({ recipients }: { recipients: string[] }) {
  return (
    <View style={section.copiesTo} wrap={false}>
      <Text style={styles.bold}>Otrzymują:</Text>
      {[...recipients, 'a/a'].map((recipient, index) => (
        <Text key={index}>
          {index + 1}. {recipient}
        </Text>
      ))}
    </View>
  );
}
