import { Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { CASE_STATUSES, CASE_STATUS_LABELS, type CaseStatus } from '../../../shared/domain/caseFlow';
import { can } from '../../../shared/domain/roles';
import { fold } from '../../../shared/domain/text';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { polishDate } from '../../lib/dates';
import { useNavigation } from '../layout/navigation';
import { useSession } from '../layout/session';
import { useCaseList } from './caseQueries';
import { CaseStatusBadge } from './CaseStatusBadge';
import { DeadlineText } from './DeadlineText';

const STATUS_OPTIONS = CASE_STATUSES.map((status) => ({ value: status, label: CASE_STATUS_LABELS[status] }));

function isCaseStatus(value: string | null): value is CaseStatus {
  return value !== null && (CASE_STATUSES as readonly string[]).includes(value);
}

/** "Sprawy": the cases this user may see (the main process decides which), newest report first. */
export function CasesPage() {
  const { user } = useSession();
  const { navigate } = useNavigation();
  const [status, setStatus] = useState<CaseStatus | null>(null);
  const [search, setSearch] = useState('');
  const cases = useCaseList(status);

  const needle = fold(search);
  const rows = (cases.data ?? []).filter(
    (row) => !needle || fold(`${row.number} ${row.familyName} ${row.city}`).includes(needle),
  );
  const open = (caseId: string) => navigate({ view: 'case', caseId });
  const isAssistantOnly = !can(user.roles, 'cases.create');

  return (
    <Stack gap="lg">
      <PageHeader
        title="Sprawy"
        description={
          isAssistantOnly
            ? 'Rodziny, z którymi pracujesz jako asystent rodziny.'
            : 'Sprawy rodzin, które prowadzisz lub do których masz dostęp. Kliknij numer sprawy, aby otworzyć teczkę.'
        }
        actions={
          can(user.roles, 'cases.create') ? <Button onClick={() => navigate({ view: 'intake' })}>Nowe zgłoszenie</Button> : null
        }
      />

      <Paper withBorder radius="md" p="md" component="section" aria-label="Filtry">
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select
            label="Stan sprawy"
            placeholder="Wszystkie"
            data={STATUS_OPTIONS}
            value={status}
            onChange={(value) => setStatus(isCaseStatus(value) ? value : null)}
            clearable
            w={300}
          />
          <TextInput
            label="Szukaj"
            description="Numer sprawy, nazwisko lub miejscowość"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={320}
          />
        </Group>
      </Paper>

      <QueryState isPending={cases.isPending} error={cases.error} onRetry={() => void cases.refetch()} />

      {cases.data ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={980}>
            <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md" fz="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Numer</Table.Th>
                  <Table.Th>Rodzina</Table.Th>
                  <Table.Th miw={170}>Stan</Table.Th>
                  <Table.Th>Zgłoszono</Table.Th>
                  <Table.Th>Pracownik socjalny</Table.Th>
                  <Table.Th>Asystent rodziny</Table.Th>
                  <Table.Th>Najbliższy termin</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={7}>
                      <Text c="dimmed" ta="center" py="md">
                        {cases.data.length === 0 && !status ? 'Nie ma jeszcze żadnych spraw.' : 'Brak spraw spełniających wybrane warunki.'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  rows.map((row) => (
                    <Table.Tr key={row.id} onClick={() => open(row.id)} style={{ cursor: 'pointer' }}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {/* The row is clickable; the number is the keyboard's way in. */}
                        <Anchor
                          component="button"
                          type="button"
                          fw={600}
                          onClick={(event) => {
                            event.stopPropagation();
                            open(row.id);
                          }}
                        >
                          {row.number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Text fw={600}>{row.familyName}</Text>
                          {row.urgent ? (
                            <Badge color="red" variant="filled" size="sm">
                              Pilna
                            </Badge>
                          ) : null}
                        </Group>
                        <Text size="sm" c="dimmed">
                          {row.city}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <CaseStatusBadge status={row.status} wrap />
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{polishDate(row.reportedOn)}</Table.Td>
                      <Table.Td>{row.workerName}</Table.Td>
                      <Table.Td>{row.assistantName ?? <Text c="dimmed">—</Text>}</Table.Td>
                      <Table.Td>
                        <DeadlineText deadline={row.nextDeadline} />
                      </Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
    </Stack>
  );
}
