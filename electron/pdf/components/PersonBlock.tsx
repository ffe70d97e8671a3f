import { StyleSheet, View } from '@react-pdf/renderer';
import { Text } from './Text';
import { formatAddress, formatDate } from '../format';
import type { FamilyMember, IdentifiedPerson } from '../models';
import { LabelValue } from './Section';
import { Table } from './Table';
import type { TableColumn } from './Table';

const person = StyleSheet.create({
  block: { marginBottom: 6 },
  name: { fontWeight: 700, marginBottom: 1 },
});

/** Name, PESEL (or another identity document) and address of a person. */
export function PersonBlock({ person: p, prefix }: { person: IdentifiedPerson; prefix?: string }) {
  const identity =
    p.pesel !== null
      ? { label: 'PESEL:', value: p.pesel }
      : { label: 'Dokument tożsamości:', value: p.otherIdentityDocument };
  return (
    <View style={person.block} wrap={false}>
      <Text style={person.name}>
        {prefix !== undefined ? `${prefix} ` : ''}
        {p.fullName}
      </Text>
      <LabelValue label={identity.label} value={identity.value} labelWidth={130} />
      <LabelValue label="Adres zamieszkania:" value={p.address === null ? null : formatAddress(p.address)} labelWidth={130} />
    </View>
  );
}

const memberColumns: TableColumn<FamilyMember>[] = [
  { title: 'Lp.', width: 5, cell: (_, index) => `${index + 1}.`, align: 'right' },
  { title: 'Imię i nazwisko', width: 29, cell: (m) => m.fullName },
  { title: 'Stopień pokrewieństwa', width: 17, cell: (m) => m.relation },
  { title: 'Data urodzenia', width: 13, cell: (m) => (m.birthDate === null ? '—' : formatDate(m.birthDate)) },
  { title: 'Wspólne gospodarstwo', width: 14, cell: (m) => (m.sharesHousehold ? 'tak' : 'nie') },
  { title: 'Miejsce pobytu dziecka / uwagi', width: 22, cell: (m) => m.whereabouts ?? '' },
];

/** The family composition table under a section heading; empty prints "brak danych". */
export function FamilyMembersTable({ members, title }: { members: FamilyMember[]; title: string }) {
  return <Table title={title} titleLevel="section" columns={memberColumns} rows={members.map((row) => ({ kind: 'data', row }))} />;
}
