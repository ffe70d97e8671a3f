/**
 * The cases behind a figure of the report (issue 17): "Zgłoszenia przyjęte w okresie" and "Sprawy
 * prowadzone w okresie", a page at a time from the main process (never the office whole), newest
 * report first; a number opens the case file.
 */
import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { STATS_CASE_MEASURE_LABELS, STATS_CASES_PAGE_SIZE_DEFAULT, type StatsCaseMeasure } from '../../../shared/stats';
import { call } from '../../api';
import { ListPager } from '../../components/ListPager';
import { QueryState } from '../../components/QueryState';
import { polishDate } from '../../lib/dates';
import { CaseStatusBadge } from '../cases/CaseStatusBadge';
import { useNavigation } from '../layout/navigation';
import type { Period } from './period';

export function StatsCases({ period, measure, onClose }: { period: Period; measure: StatsCaseMeasure; onClose: () => void }) {
  const { navigate } = useNavigation();
  const [page, setPage] = useState(1);
  const input = { ...period, measure, page, pageSize: STATS_CASES_PAGE_SIZE_DEFAULT };
  const cases = useQuery({ queryKey: ['stats:cases', input], queryFn: () => call('stats:cases', input), placeholderData: keepPreviousData });
  const rows = cases.data?.rows ?? [];
  const total = cases.data?.total ?? 0;
  const title = STATS_CASE_MEASURE_LABELS[measure];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={`Sprawy: ${title}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz={19}>
            {title}: sprawy
          </Title>
          <Button variant="default" size="xs" onClick={onClose}>
            Zamknij listę
          </Button>
        </Group>
        <QueryState isPending={cases.isPending} error={cases.error} onRetry={() => void cases.refetch()} loadingLabel="Wczytywanie spraw…" />
        {cases.data && total === 0 ? <Text c="dimmed">Nie ma takich spraw w tym okresie.</Text> : null}
        {rows.length > 0 ? (
          <Table striped highlightOnHover aria-label={`${title}: sprawy`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Numer</Table.Th>
                <Table.Th>Rodzina</Table.Th>
                <Table.Th>Stan</Table.Th>
                <Table.Th>Zgłoszono</Table.Th>
                <Table.Th>Zamknięto</Table.Th>
                <Table.Th>Pracownik socjalny</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.caseId}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor component="button" type="button" fw={600} onClick={() => navigate({ view: 'case', caseId: row.caseId })}>
                      {row.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{row.familyName}</Table.Td>
                  <Table.Td>
                    <CaseStatusBadge status={row.status} wrap />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{polishDate(row.reportedOn)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.closedOn ? polishDate(row.closedOn) : '—'}</Table.Td>
                  <Table.Td>{row.workerName}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        <ListPager label="Sprawy" total={total} page={page} pageSize={STATS_CASES_PAGE_SIZE_DEFAULT} shown={rows.length} onPage={setPage} />
      </Stack>
    </Paper>
  );
}
