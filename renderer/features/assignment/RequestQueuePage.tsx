import { Anchor, Button, Group, Paper, Spoiler, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { REQUEST_KIND_LABELS, type RequestView } from '../../../shared/cases';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { polishDate } from '../../lib/dates';
import { DueDate } from '../cases/DeadlineText';
import { ClosureQueue } from '../family-work/ClosureQueue';
import { useNavigation } from '../layout/navigation';
import { caseloadText } from './AssistantPicker';
import { DecisionModal } from './DecisionModal';
import { useCaseloads, usePendingRequests } from './requestQueries';

/** "Wnioski o asystenta": the kierownik's queue, oldest first, with the assistants' caseloads beside it. */
export function RequestQueuePage() {
  const { navigate } = useNavigation();
  const queue = usePendingRequests(true);
  const caseloads = useCaseloads();
  const [deciding, setDeciding] = useState<RequestView | null>(null);

  return (
    <Stack gap="lg">
      <PageHeader
        title="Wnioski o asystenta rodziny"
        description="Wnioski pracowników socjalnych czekające na Twoją decyzję: przydział asystenta z ośrodka, przekazanie do jednostki gminy lub podmiotu, któremu zlecono pracę z rodziną, albo zwrot do pracownika (art. 11 ust. 3 ustawy o wspieraniu rodziny)."
      />

      <QueryState isPending={queue.isPending} error={queue.error} onRetry={() => void queue.refetch()} />

      {queue.data ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={960}>
            <Table striped verticalSpacing="sm" horizontalSpacing="md" fz="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Sprawa</Table.Th>
                  <Table.Th>Rodzina</Table.Th>
                  <Table.Th>Pracownik socjalny</Table.Th>
                  <Table.Th>Data wniosku</Table.Th>
                  <Table.Th>Termin decyzji</Table.Th>
                  <Table.Th>Uzasadnienie</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Działania</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {queue.data.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={7}>
                      <Text c="dimmed" ta="center" py="md">
                        Żaden wniosek nie czeka na decyzję.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  queue.data.map((request) => (
                    <Table.Tr key={request.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Anchor component="button" type="button" fw={600} onClick={() => navigate({ view: 'case', caseId: request.caseId, tab: 'requests' })}>
                          {request.caseNumber}
                        </Anchor>
                      </Table.Td>
                      <Table.Td fw={600}>{request.familyName}</Table.Td>
                      <Table.Td>{request.filedByName}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{polishDate(request.filedOn)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{request.decisionDue ? <DueDate date={request.decisionDue} /> : '—'}</Table.Td>
                      <Table.Td maw={420}>
                        {request.kind !== 'voluntary' ? (
                          <Text size="sm" fw={600}>
                            {REQUEST_KIND_LABELS[request.kind]}
                          </Text>
                        ) : null}
                        <Spoiler maxHeight={72} showLabel="Pokaż całość" hideLabel="Zwiń">
                          <Text style={{ whiteSpace: 'pre-wrap' }}>{request.justification}</Text>
                        </Spoiler>
                      </Table.Td>
                      <Table.Td>
                        <Button onClick={() => setDeciding(request)} aria-label={`Zdecyduj: sprawa ${request.caseNumber}`}>
                          Zdecyduj
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}

      <Paper withBorder radius="md" p="lg" component="section" aria-label="Obciążenie asystentów rodziny">
        <Stack gap="sm">
          <Text fw={600} fz="lg">
            Obciążenie asystentów rodziny
          </Text>
          <QueryState isPending={caseloads.isPending} error={caseloads.error} onRetry={() => void caseloads.refetch()} />
          {caseloads.data?.length === 0 ? <Text c="dimmed">W ośrodku nie ma aktywnego asystenta rodziny.</Text> : null}
          <Group gap="lg" wrap="wrap">
            {(caseloads.data ?? []).map((caseload) => (
              <Text key={caseload.assistantId}>
                {caseload.name}: <strong>{caseloadText(caseload)}</strong>
                {caseload.families >= caseload.limit ? ' (limit osiągnięty)' : ''}
              </Text>
            ))}
          </Group>
        </Stack>
      </Paper>

      <ClosureQueue />

      <DecisionModal request={deciding} onClose={() => setDeciding(null)} />
    </Stack>
  );
}
