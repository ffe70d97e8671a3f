import { Paper, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { CASE_ACTION_LABELS, CASE_STATUS_LABELS, type CaseAction, type CaseStatus } from '../../../shared/domain/caseFlow';
import type { AuditEntryView } from '../../../shared/ipc';
import { call } from '../../api';
import { QueryState } from '../../components/QueryState';
import { AuditDetails, EntryTime } from '../audit/AuditDetails';
import { auditActionLabel, auditEntityLabel } from '../../../shared/audit-labels';

const isStatus = (value: unknown): value is CaseStatus => typeof value === 'string' && value in CASE_STATUS_LABELS;
const isAction = (value: unknown): value is CaseAction => typeof value === 'string' && value in CASE_ACTION_LABELS;

/** "Rejestr zmian": the audit trail of this one case (who read or changed what, and when). */
export function ChangeLogTab({ caseId }: { caseId: string }) {
  const log = useQuery({ queryKey: ['cases', 'changeLog', caseId], queryFn: () => call('cases:changeLog', { caseId }) });
  return (
    <>
      <QueryState isPending={log.isPending} error={log.error} onRetry={() => void log.refetch()} />
      {log.data ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="xs" horizontalSpacing="sm" fz="sm" layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="14%">Czas</Table.Th>
                  <Table.Th w="16%">Użytkownik</Table.Th>
                  <Table.Th w="26%">Zdarzenie</Table.Th>
                  <Table.Th>Szczegóły</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {log.data.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={4}>
                      <Text c="dimmed" ta="center" py="md">
                        Brak wpisów.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  log.data.map((entry) => <ChangeRow key={entry.id} entry={entry} />)
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
    </>
  );
}

function ChangeRow({ entry }: { entry: AuditEntryView }) {
  const { details } = entry;
  const warning = entry.action === 'access.denied';
  return (
    <Table.Tr>
      <Table.Td>
        <EntryTime at={entry.at} />
      </Table.Td>
      <Table.Td>{entry.actorName ?? '—'}</Table.Td>
      <Table.Td>
        <Text fw={600} c={warning ? 'red.9' : undefined}>
          {auditActionLabel(entry.action)}
        </Text>
        {entry.entityType && entry.entityType !== 'case' ? (
          <Text size="sm" c="dimmed">
            {auditEntityLabel(entry.entityType)}
            {entry.entityId && entry.refs[entry.entityId] ? `: ${entry.refs[entry.entityId]}` : ''}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        {entry.action === 'case.transition' && isStatus(details['from']) && isStatus(details['to']) ? (
          <Text size="sm">
            <Text span fw={600} size="sm">
              Stan:
            </Text>{' '}
            {CASE_STATUS_LABELS[details['from']]} → {CASE_STATUS_LABELS[details['to']]}
            {isAction(details['action']) ? ` (${CASE_ACTION_LABELS[details['action']]})` : ''}
          </Text>
        ) : (
          <AuditDetails entry={entry} />
        )}
      </Table.Td>
    </Table.Tr>
  );
}
