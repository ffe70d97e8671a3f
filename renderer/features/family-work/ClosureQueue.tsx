import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { QueryState } from '../../components/QueryState';
import { polishDate } from '../../lib/dates';
import { CLOSING_QUERY, useCaseList } from '../cases/caseQueries';
import { useNavigation } from '../layout/navigation';

/** The kierownik's second queue: proposals to end the work with a family, waiting for approval. */
export function ClosureQueue() {
  const { navigate } = useNavigation();
  const closing = useCaseList(CLOSING_QUERY);

  return (
    <Stack gap="sm" component="section" aria-label="Propozycje zakończenia pracy z rodziną">
      <Title order={2} fz={20}>
        Propozycje zakończenia pracy z rodziną
      </Title>
      <QueryState isPending={closing.isPending} error={closing.error} onRetry={() => void closing.refetch()} />
      {closing.data ? (
        <Paper withBorder radius="md">
          <Table striped verticalSpacing="sm" horizontalSpacing="md" fz="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Sprawa</Table.Th>
                <Table.Th>Rodzina</Table.Th>
                <Table.Th>Asystent rodziny</Table.Th>
                <Table.Th>Zgłoszenie sprawy</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {closing.data.rows.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text c="dimmed" ta="center" py="md">
                      Żadna propozycja zakończenia nie czeka na decyzję.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                closing.data.rows.map((kase) => (
                  <Table.Tr key={kase.id}>
                    <Table.Td>
                      <Anchor component="button" type="button" fw={600} onClick={() => navigate({ view: 'case', caseId: kase.id })}>
                        {kase.number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{kase.familyName}</Table.Td>
                    <Table.Td>{kase.assistantName ?? '—'}</Table.Td>
                    <Table.Td>{polishDate(kase.reportedOn)}</Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
          {closing.data.total > closing.data.rows.length ? (
            <Text size="sm" c="dimmed" p="sm">
              Pokazano {closing.data.rows.length} najstarszych z {closing.data.total} propozycji. Pozostałe pojawią się po rozpatrzeniu tych.
            </Text>
          ) : null}
        </Paper>
      ) : null}
    </Stack>
  );
}
