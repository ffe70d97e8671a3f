import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import {
  CHILD_WHEREABOUTS_LABELS,
  DOCUMENT_TYPE_LABELS,
  RELATION_LABELS,
  type CaseFileView,
  type MemberView,
} from '../../../shared/cases';
import { SEX_LABELS } from '../../../shared/domain/pesel';
import { ageInYears, polishDate, todayIso } from '../../lib/dates';
import { count } from '../../../shared/text';
import { FamilyChangeModal } from './FamilyChangeModal';
import { StaffSection } from './StaffSection';

function label<K extends string>(labels: Record<K, string>, key: string | null): string {
  if (!key) return '—';
  return key in labels ? labels[key as K] : key;
}

function identity(member: MemberView): string {
  const { pesel, documentType, documentNumber } = member.person;
  if (pesel) return pesel;
  if (documentNumber) return `${label(DOCUMENT_TYPE_LABELS, documentType)} ${documentNumber}`;
  return '—';
}

/** "kobieta, 35 lat" / "chłopiec, 10 lat": what a social worker asks first about a person. */
function personNote(member: MemberView): string {
  const age = ageInYears(member.person.birthDate, todayIso());
  const sex = age < 18 ? (member.person.sex === 'F' ? 'dziewczynka' : 'chłopiec') : SEX_LABELS[member.person.sex];
  return `${sex}, ${count(age, 'rok', 'lata', 'lat')}`;
}

/** "od 10.03.2026", "do 16.03.2026": when someone joined or left after the report. */
function membership(member: MemberView): string | null {
  if (member.memberTo) return `Wyprowadził(a) się ${polishDate(member.memberTo)}`;
  if (member.memberFrom) return `W rodzinie od ${polishDate(member.memberFrom)}`;
  return null;
}

export function FamilyTab({ file }: { file: CaseFileView }) {
  const { family } = file;
  const [changing, setChanging] = useState(false);
  const previous = family.addresses.filter((a) => a.toOn !== null);
  return (
    <Stack gap="md">
      <Group>
        <Button variant="default" onClick={() => setChanging(true)} disabled={file.status === 'CLOSED' || file.status === 'ARCHIVED'}>
          Zgłoś zmianę w rodzinie
        </Button>
      </Group>
      <FamilyChangeModal file={file} opened={changing} onClose={() => setChanging(false)} />
      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <Stack gap={2}>
            <Text size="sm" fw={700} c="dimmed">
              Adres
            </Text>
            <Text>{family.street}</Text>
            <Text>
              {family.postalCode} {family.city}
            </Text>
            {previous.map((a) => (
              <Text key={`${a.street}-${a.toOn}`} size="sm" c="dimmed">
                Wcześniej{a.fromOn ? ` (od ${polishDate(a.fromOn)})` : ''} do {polishDate(a.toOn!)}: {a.street}, {a.postalCode} {a.city}
              </Text>
            ))}
          </Stack>
          <Stack gap={2}>
            <Text size="sm" fw={700} c="dimmed">
              Gospodarstwo domowe
            </Text>
            <Text>{family.kind === 'single' ? 'Osoba samotnie gospodarująca' : 'Rodzina'}</Text>
            <Text>
              {family.rural
                ? `Wieś; gospodarstwo rolne: ${String(family.farmHectares).replace('.', ',')} ha przeliczeniowych`
                : 'Bez gospodarstwa rolnego'}
            </Text>
          </Stack>
          <Stack gap={2}>
            <Text size="sm" fw={700} c="dimmed">
              Warunki mieszkaniowe
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{family.housing || '—'}</Text>
          </Stack>
        </SimpleGrid>
      </Paper>

      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={1000}>
          <Table striped verticalSpacing="sm" horizontalSpacing="md" fz="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Imię i nazwisko</Table.Th>
                <Table.Th>Kim jest w rodzinie</Table.Th>
                <Table.Th>Data urodzenia</Table.Th>
                <Table.Th>PESEL / dokument</Table.Th>
                <Table.Th>Obywatelstwo</Table.Th>
                <Table.Th>Telefon</Table.Th>
                <Table.Th>Wspólne gospodarstwo</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {family.members.map((member) => (
                <Table.Tr key={member.id} c={member.memberTo ? 'dimmed' : undefined}>
                  <Table.Td>
                    <Text fw={600}>
                      {member.person.firstName} {member.person.lastName}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {personNote(member)}
                    </Text>
                    {membership(member) ? (
                      <Text size="sm" c="orange.9">
                        {membership(member)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text>{label(RELATION_LABELS, member.relation)}</Text>
                    {member.childWhereabouts ? (
                      <Text size="sm" c="dimmed">
                        {label(CHILD_WHEREABOUTS_LABELS, member.childWhereabouts)}
                      </Text>
                    ) : null}
                    {member.placements.map((p) => (
                      <Text key={p.id} size="sm" c="dimmed">
                        {label(CHILD_WHEREABOUTS_LABELS, p.whereabouts)}: od {polishDate(p.fromOn)}
                        {p.toOn ? ` do ${polishDate(p.toOn)}` : ''}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{polishDate(member.person.birthDate)}</Table.Td>
                  <Table.Td ff={member.person.pesel ? 'monospace' : undefined}>{identity(member)}</Table.Td>
                  <Table.Td>{member.person.citizenship}</Table.Td>
                  <Table.Td>{member.person.phone ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group>
                      <Badge variant="light" color={member.inHousehold ? 'green' : 'gray'}>
                        {member.inHousehold ? 'Tak' : 'Nie'}
                      </Badge>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <StaffSection file={file} />
    </Stack>
  );
}
