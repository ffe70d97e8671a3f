import { StyleSheet, View } from '@react-pdf/renderer';
import { Text } from './Text';
import { BLANK_DATE, formatDate } from '../format';
import type { IsoDate } from '../models';
import { COLOR, FONT_SIZE } from './theme';

export interface SignatureSpec {
  /** Printed under the line in brackets: "podpis klienta". */
  caption: string;
  /** Name (and role) printed under the caption; null leaves room to write it by hand. */
  name: string | null;
  role?: string | null;
  /** Place and date line above the signature; date null prints a blank to fill in. */
  dated?: { place: string; date: IsoDate | null };
}

const sig = StyleSheet.create({
  blocks: { flexDirection: 'row', flexWrap: 'wrap', justifyContent: 'space-between', marginTop: 14 },
  block: { marginBottom: 14 },
  dated: { fontSize: FONT_SIZE.table, lineHeight: 1.3, marginBottom: 2 },
  space: { height: 34 },
  line: { borderBottomWidth: 0.6, borderBottomColor: COLOR.text, borderBottomStyle: 'dotted' },
  caption: { fontSize: FONT_SIZE.small, lineHeight: 1.3, color: COLOR.muted, textAlign: 'center', marginTop: 2 },
  name: { fontSize: FONT_SIZE.table + 0.5, lineHeight: 1.3, textAlign: 'center', marginTop: 1 },
  role: { fontSize: FONT_SIZE.small, lineHeight: 1.3, textAlign: 'center' },
  title: { fontWeight: 700, marginTop: 10 },
});



function SignatureBox({ spec, width }: { spec: SignatureSpec; width: string }) {
  return (
    <View style={[sig.block, { width }]} wrap={false}>
      {spec.dated !== undefined && (
        <Text style={sig.dated}>
          {spec.dated.place}, dnia {spec.dated.date === null ? BLANK_DATE : formatDate(spec.dated.date)}
        </Text>
      )}
      <View style={sig.space} />
      <View style={sig.line} />
      <Text style={sig.caption}>({spec.caption})</Text>
      {spec.name !== null && <Text style={sig.name}>{spec.name}</Text>}
      {spec.role !== undefined && spec.role !== null && <Text style={sig.role}>{spec.role}</Text>}
    </View>
  );
}

interface SignaturesProps {
  signatures: SignatureSpec[];
  /** Signatures side by side per row (default 2). */
  columns?: 1 | 2 | 3;
  /** Optional line above the blocks: "Podpisy stron:". */
  title?: string;
}

/**
 * Signature blocks: room to sign, a dotted line, "(podpis ...)", the printed name and role.
 * All blocks and their title stay together on one page.
 */
export function Signatures({ signatures, columns = 2, title }: SignaturesProps) {
  const width = columns === 1 ? '45%' : columns === 2 ? '45%' : '30%';
  const single = columns === 1;
  // Each row of blocks stays whole on one page, inside the margins, and the title stays with the
  // first row (a block split, or printed over the footer, is not a signature a court can rely on).
  // Rows, not the whole group: a family of many signatories would not fit on one page.
  const perRow = single ? 1 : columns;
  const rows: SignatureSpec[][] = [];
  for (let i = 0; i < signatures.length; i += perRow) rows.push(signatures.slice(i, i + perRow));
  const row = (specs: SignatureSpec[], key: number) => (
    <View key={key} style={[sig.blocks, single ? { justifyContent: 'flex-end' } : {}]} wrap={false}>
      {specs.map((spec, index) => (
        <SignatureBox key={index} spec={spec} width={width} />
      ))}
    </View>
  );
  const [first = [], ...rest] = rows;
  return (
    <>
      <View wrap={false}>
        {title !== undefined && <Text style={sig.title}>{title}</Text>}
        {row(first, 0)}
      </View>
      {rest.map((specs, index) => row(specs, index + 1))}
    </>
  );
}
