/** A list of court requests with their deadlines, shared by the case tab and the office's "Sądy" list. */
import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { COURT_ASKS_LABELS, COURT_REQUEST_STATUS_LABELS, OPINION_STATUS_LABELS, type CourtRequestView } from '../../../shared/court';
import { polishDate } from '../../lib/dates';
import { DueDate } from '../cases/DeadlineText';

export function CourtRequestsTable({
  requests,
  onOpenCase,
  actions,
}: {
  requests: CourtRequestView[];
  /** The office's list: a first column naming the case, which opens it. */
  onOpenCase?: (request: CourtRequestView) => void;
  actions: (request: CourtRequestView) => ReactNode;
}) {
  const showCase = onOpenCase !== undefined;
  return (
    <Table striped highlightOnHover verticalSpacing="sm" aria-label="Pisma sądów">
      <Table.Thead>
        <Table.Tr>
          {showCase ? <Table.Th>Sprawa</Table.Th> : null}
          <Table.Th>Sąd i sygnatura</Table.Th>
          <Table.Th>Wpłynęło</Table.Th>
          <Table.Th>Sąd prosi o</Table.Th>
          <Table.Th>Termin</Table.Th>
          <Table.Th>Stan</Table.Th>
          <Table.Th aria-label="Czynności" />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {requests.map((request) => (
          <Table.Tr key={request.id}>
            {showCase ? (
              <Table.Td>
                <Anchor component="button" type="button" fw={600} onClick={() => onOpenCase?.(request)} aria-label={`Otwórz sprawę ${request.caseNumber}`}>
                  {request.familyName}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {request.caseNumber}
                </Text>
              </Table.Td>
            ) : null}
            <Table.Td>
              <Text fw={600}>sygn. akt {request.caseReference}</Text>
              <Text size="sm">
                {request.court}, {request.division}
              </Text>
            </Table.Td>
            <Table.Td>{polishDate(request.receivedOn)}</Table.Td>
            <Table.Td>{COURT_ASKS_LABELS[request.asks]}</Table.Td>
            <Table.Td>{request.status === 'open' ? <DueDate date={request.deadline} /> : <Text size="sm">{polishDate(request.deadline)}</Text>}</Table.Td>
            <Table.Td>
              <Stack gap={2}>
                <Text size="sm" fw={700} c={request.status === 'open' ? 'orange.8' : 'green.8'}>
                  {request.status === 'open' ? COURT_REQUEST_STATUS_LABELS.open : `Wysłano ${polishDate(request.answeredOn)}`}
                </Text>
                {request.opinionStatus ? <Text size="sm">Opinia: {OPINION_STATUS_LABELS[request.opinionStatus].toLowerCase()}</Text> : null}
              </Stack>
            </Table.Td>
            <Table.Td>
              <Group gap="xs" justify="flex-end" wrap="wrap" maw={260} ml="auto">
                {actions(request)}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
