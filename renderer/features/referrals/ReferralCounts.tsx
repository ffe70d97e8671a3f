/** Referrals, persons and households by month (issue 19), for the statistics page's period. */
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { REFERRAL_PROGRAMME_LABELS } from '../../../shared/domain/foodAid';
import { call } from '../../api';
import { QueryState } from '../../components/QueryState';

export function ReferralCounts({ from, to }: { from: string; to: string }) {
  const rows = useQuery({ queryKey: ['referrals:monthly', from, to], queryFn: () => call('referrals:monthly', { from, to }) });
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Skierowania według miesięcy">
      <Stack gap="sm">
        <Title order={2} fz={18}>
          Skierowania według miesięcy
        </Title>
        <QueryState isPending={rows.isPending} error={rows.error} onRetry={() => void rows.refetch()} loadingLabel="Liczenie skierowań…" />
        {rows.data && rows.data.length === 0 ? <Text c="dimmed">W tym okresie nie wydano skierowań.</Text> : null}
        {rows.data && rows.data.length > 0 ? (
          <Table aria-label="Skierowania według miesięcy">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Miesiąc</Table.Th>
                <Table.Th>Rodzaj</Table.Th>
                <Table.Th>Skierowania</Table.Th>
                <Table.Th>Osoby</Table.Th>
                <Table.Th>Gospodarstwa domowe</Table.Th>
                <Table.Th>Anulowane</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.data.map((r) => (
                <Table.Tr key={`${r.month}-${r.programme}`}>
                  <Table.Td>{r.month}</Table.Td>
                  <Table.Td>{REFERRAL_PROGRAMME_LABELS[r.programme]}</Table.Td>
                  <Table.Td>{r.referrals}</Table.Td>
                  <Table.Td>{r.persons}</Table.Td>
                  <Table.Td>{r.households}</Table.Td>
                  <Table.Td>{r.cancelled}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </Paper>
  );
}
