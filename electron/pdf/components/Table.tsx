import { StyleSheet, View } from '@react-pdf/renderer';
import { Text } from './Text';
import { fitWordsTo } from '../hyphenation';
import { NO_DATA, SectionHeading, SubHeading } from './Section';
import { COLOR, CONTENT_HEIGHT, CONTENT_WIDTH, FONT_SIZE, LINE_HEIGHT } from './theme';
import type { Style } from './theme';

export interface TableColumn<Row> {
  title: string;
  /** Share of the table width; the shares of all columns are normalised. */
  width: number;
  /** index: position among the data rows (group rows not counted), from 0. */
  cell: (row: Row, index: number) => string;
  align?: 'left' | 'center' | 'right';
}

/** A data row; a full-width row that opens a group ("Obszar 1: ..."); or a full-width note ("brak zadań"). */
export type TableRow<Row> =
  | { kind: 'data'; row: Row }
  | { kind: 'group'; label: string; level?: 1 | 2 }
  | { kind: 'note'; text: string };

interface TableProps<Row> {
  /**
   * The heading over the table. Given here (not as a sibling) so that it moves to the next
   * page together with the header row and the first row when they do not fit.
   */
  title?: string;
  titleLevel?: 'section' | 'sub';
  columns: TableColumn<Row>[];
  rows: TableRow<Row>[];
  /** Printed in one full-width row when there are no rows. */
  emptyText?: string;
  /** Table width in points (default: the page's text width). */
  width?: number;
}

const CELL_PADDING_X = 3;
const CELL_PADDING_Y = 2.5;
const BORDER = 0.5;

const table = StyleSheet.create({
  table: {
    borderTopWidth: BORDER,
    borderLeftWidth: BORDER,
    borderColor: COLOR.rule,
    borderStyle: 'solid',
    fontSize: FONT_SIZE.table,
    lineHeight: 1.3,
    marginBottom: 8,
  },
  row: { flexDirection: 'row' },
  headerRow: { flexDirection: 'row', backgroundColor: COLOR.tableHeader },
  cell: {
    paddingHorizontal: CELL_PADDING_X,
    paddingVertical: CELL_PADDING_Y,
    borderRightWidth: BORDER,
    borderBottomWidth: BORDER,
    borderColor: COLOR.rule,
    borderStyle: 'solid',
  },
  headerCell: { fontWeight: 700, fontSize: FONT_SIZE.tableHeader, lineHeight: 1.3 },
  group1: { fontWeight: 700, backgroundColor: COLOR.groupRow },
  group2: { fontWeight: 700 },
  empty: { fontStyle: 'italic', color: COLOR.muted },
});

/*
 * Rows are kept whole (wrap={false}) so a task is never cut in two across pages. But react-pdf
 * clips a non-wrapping element taller than a page, so a row that might not fit on one page
 * is allowed to split instead: its height is estimated generously from its text length.
 * DejaVu Sans averages about 0.55 em per character; 0.62 errs on the side of splitting.
 */
const CHAR_WIDTH_EM = 0.62;
const MAX_UNSPLIT_ROW_HEIGHT = CONTENT_HEIGHT * 0.6;

function estimateLines(text: string, widthPt: number, fontSize: number): number {
  const charsPerLine = Math.max(1, Math.floor((widthPt - 2 * CELL_PADDING_X) / (fontSize * CHAR_WIDTH_EM)));
  return text.split('\n').reduce((lines, part) => lines + Math.max(1, Math.ceil(part.length / charsPerLine)), 0);
}

function estimateHeight(texts: string[], widths: number[], fontSize: number): number {
  const lines = Math.max(...texts.map((text, i) => estimateLines(text, widths[i] ?? CONTENT_WIDTH, fontSize)));
  return lines * fontSize * LINE_HEIGHT + 2 * CELL_PADDING_Y;
}

function mayStayWhole(texts: string[], widths: number[], fontSize: number): boolean {
  return estimateHeight(texts, widths, fontSize) <= MAX_UNSPLIT_ROW_HEIGHT;
}

/**
 * A bordered table whose header row repeats at the top of every page the table runs onto
 * (a `fixed` child of the table view) and whose rows are not split between pages.
 */
export function Table<Row>({ title, titleLevel = 'sub', columns, rows, emptyText = NO_DATA, width = CONTENT_WIDTH }: TableProps<Row>) {
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  const widths = columns.map((column) => (column.width / total) * width);
  const cellStyle = (index: number): Style[] => {
    const column = columns[index];
    const own: Style = { width: widths[index] ?? 0, textAlign: column?.align ?? 'left' };
    return [table.cell, own];
  };

  // Break points for words wider than their cell (one callback per column, not per cell).
  const inner = (cellWidth: number) => cellWidth - 2 * CELL_PADDING_X - BORDER;
  const headerFit = widths.map((w) => fitWordsTo(inner(w), FONT_SIZE.tableHeader, true));
  const cellFit = widths.map((w) => fitWordsTo(inner(w), FONT_SIZE.table));
  const fullRowFit = fitWordsTo(inner(width), FONT_SIZE.table, true);
  // What must fit below the heading: the header row and the rows up to the first data row
  // (react-pdf would otherwise leave the repeated header row alone at the foot of a page).
  let lead = estimateHeight(columns.map((column) => column.title), widths, FONT_SIZE.tableHeader);
  if (rows.length === 0) lead += estimateHeight([emptyText], [width], FONT_SIZE.table);
  for (const entry of rows.slice(0, 3)) {
    if (entry.kind === 'data') {
      lead += estimateHeight(columns.map((column) => column.cell(entry.row, 0)), widths, FONT_SIZE.table);
      break;
    }
    lead += estimateHeight([entry.kind === 'group' ? entry.label : entry.text], [width], FONT_SIZE.table);
  }
  lead = Math.min(lead, MAX_UNSPLIT_ROW_HEIGHT);
  const heading =
    title === undefined ? (
      <View style={{ height: 0 }} minPresenceAhead={lead} />
    ) : titleLevel === 'section' ? (
      <SectionHeading keepWithNext={lead + 4}>{title}</SectionHeading>
    ) : (
      <SubHeading keepWithNext={lead + 4}>{title}</SubHeading>
    );

  let dataIndex = -1;
  return (
    <>
      {heading}
      <View style={[table.table, { width }]}>
        <View fixed style={table.headerRow} wrap={false}>
          {columns.map((column, index) => (
            <Text key={index} style={[...cellStyle(index), table.headerCell]} hyphenationCallback={headerFit[index]}>
              {column.title}
            </Text>
          ))}
        </View>
        {rows.length === 0 && (
          <View style={table.row} wrap={false}>
            <Text style={[table.cell, table.empty, { width }]} hyphenationCallback={fullRowFit}>
              {emptyText}
            </Text>
          </View>
        )}
        {rows.map((entry, rowIndex) => {
          if (entry.kind === 'data') dataIndex += 1;
          if (entry.kind === 'group') {
            const style = entry.level === 2 ? table.group2 : table.group1;
            return (
              <View key={rowIndex} style={table.row} wrap={!mayStayWhole([entry.label], [width], FONT_SIZE.table)} minPresenceAhead={40}>
                <Text style={[table.cell, style, { width }]} hyphenationCallback={fullRowFit}>
                  {entry.label}
                </Text>
              </View>
            );
          }
          if (entry.kind === 'note') {
            return (
              <View key={rowIndex} style={table.row} wrap={!mayStayWhole([entry.text], [width], FONT_SIZE.table)}>
                <Text style={[table.cell, table.empty, { width }]} hyphenationCallback={fullRowFit}>
                  {entry.text}
                </Text>
              </View>
            );
          }
          const texts = columns.map((column) => column.cell(entry.row, dataIndex));
          return (
            <View key={rowIndex} style={table.row} wrap={!mayStayWhole(texts, widths, FONT_SIZE.table)}>
              {texts.map((text, index) => (
                <Text key={index} style={cellStyle(index)} hyphenationCallback={cellFit[index]}>
                  {text}
                </Text>
              ))}
            </View>
          );
        })}
      </View>
    </>
  );
}
