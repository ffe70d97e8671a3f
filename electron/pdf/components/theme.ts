/** Measures and styles shared by all documents: one place to change the look of every print. */
import { StyleSheet } from '@react-pdf/renderer';
import type { Styles } from '@react-pdf/renderer';
import { FONT_SANS } from '../font-family';

export type Style = Styles[string];

/** A4 in points. */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  marginX: 56, // ≈ 2 cm
  marginTop: 86, // room for the fixed office header
  marginBottom: 64, // room for the fixed footer
} as const;

/** Top of the running header (the office letterhead) on every page. */
export const HEADER_TOP = 30;

/**
 * Top of the running footer. Footers are placed from the top, not with `bottom`: react-pdf 4.9
 * drops a bottom-positioned element holding a page-number render prop whenever a lineHeight
 * is set (the text vanishes silently).
 */
export const FOOTER_TOP = PAGE.height - 44;

export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.marginX;
export const CONTENT_HEIGHT = PAGE.height - PAGE.marginTop - PAGE.marginBottom;

export const FONT_SIZE = {
  small: 7.5,
  table: 8,
  tableHeader: 7.5,
  body: 10,
  heading: 11,
  title: 14,
} as const;

/**
 * Unitless line height. react-pdf turns it into points with the font size of the style that
 * declares it, and children inherit the points: every style that changes fontSize must set
 * its own lineHeight, or a larger font overlaps the next line.
 */
export const LINE_HEIGHT = 1.35;

export const COLOR = {
  text: '#000000',
  muted: '#444444',
  rule: '#777777',
  lightRule: '#b5b5b5',
  tableHeader: '#e6e6e6',
  groupRow: '#f2f2f2',
} as const;

export const styles = StyleSheet.create({
  page: {
    fontFamily: FONT_SANS,
    fontSize: FONT_SIZE.body,
    lineHeight: LINE_HEIGHT,
    color: COLOR.text,
    paddingTop: PAGE.marginTop,
    paddingBottom: PAGE.marginBottom,
    paddingHorizontal: PAGE.marginX,
  },
  paragraph: { marginBottom: 5, textAlign: 'justify' },
  bold: { fontWeight: 700 },
  italic: { fontStyle: 'italic' },
  muted: { color: COLOR.muted },
  small: { fontSize: FONT_SIZE.small, lineHeight: 1.3 },
  noData: { fontStyle: 'italic', color: COLOR.muted },
});

/** The footer line of every page (placed from the top: a `bottom`-placed page number vanishes). */
export const FOOTER_STYLE = {
  position: 'absolute',
  top: FOOTER_TOP,
  left: PAGE.marginX,
  right: PAGE.marginX,
  flexDirection: 'row',
  justifyContent: 'space-between',
  paddingTop: 4,
  borderTopWidth: 0.5,
  borderTopColor: COLOR.rule,
  borderTopStyle: 'solid',
  fontSize: FONT_SIZE.small,
  lineHeight: 1.3,
  color: COLOR.muted,
} as const;
