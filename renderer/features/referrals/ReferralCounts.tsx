/** Referrals, persons and households by month (issue 19), for the statistics page's period. */
import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { REFERRAL_PROGRAMME_LABELS } from '../../../shared/domain/foodAid';
import { call } from '../../api';
import { QueryState } from '../../components/QueryState';
import { downloadBase64 } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { useChannelMutation } from '../../lib/useChannelMutation';

const MIME = { csv: 'text/csv;charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export function ReferralCounts({ from, to }: { from: string; to: string }) {
  const rows = useQuery({ queryKey: ['referrals:monthly', from, to], queryFn: () => call('referrals:monthly', { from, to }) });
  const exportFile = useChannelMutation('referrals:exportMonthly');
  const [notice, setNotice] = useState<string | null>(null);
  const download = (format: 'csv' | 'xlsx') =>
    exportFile.mutate(
      { from, to, format },
      {
        onSuccess: (file) => {
          downloadBase64(file.fileName, file.bytes, MIME[format]);
          setNotice(`Zapisano ${file.fileName}.`);
        },
        onError: (e) => setNotice(errorMessage(e)),
      },
    );
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Skierowania według miesięcy">
      <Stack gap="sm">
        <Title order={2} fz={18}>
          Skierowania według miesięcy
        </Title>
        <Group gap="sm">
          <Button variant="light" onClick={() => download('xlsx')} loading={exportFile.isPending}>
            Skierowania: pobierz XLSX
          </Button>
          <Button variant="light" onClick={() => download('csv')} loading={exportFile.isPending}>
            Skierowania: pobierz CSV
          </Button>
        </Group>
        {notice ? <Text>{notice}</Text> : null}
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
