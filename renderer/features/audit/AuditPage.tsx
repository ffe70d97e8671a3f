import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AUDIT_ACTION_LABELS, auditActionLabel, auditEntityLabel } from '../../../shared/audit-labels';
import { can } from '../../../shared/domain/roles';
import type { AuditEntryView, AuditVerification, UserSummary } from '../../../shared/ipc';
import { call } from '../../api';
import { DateText } from '../../components/DateField';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { downloadCsv } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { fullName } from '../../lib/format';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { useUsers } from '../admin/users/usersQuery';
import { useSession } from '../layout/session';
import { AuditDetails, EntryTime } from './AuditDetails';

const PAGE_SIZE = 200;
const EXPORT_LIMIT = 1000;

interface AuditFilters {
  actorId: string | null;
  action: string | null;
  from: string | null;
  to: string | null;
}

const NO_FILTERS: AuditFilters = { actorId: null, action: null, from: null, to: null };

/** The filters as `audit:list` / `audit:exportCsv` take them (empty ones left out). */
function toInput(filters: AuditFilters) {
  return {
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
}

const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label, 'pl'));

export function AuditPage() {
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const { user: me } = useSession();
  // The user filter needs the list of users; without the right to read it the filter is hidden.
  const canListUsers = can(me.roles, 'users.manage');
  const users = useUsers(canListUsers);
  const datesInOrder = !filters.from || !filters.to || filters.from <= filters.to;

  const entries = useInfiniteQuery({
    queryKey: ['audit', 'list', filters],
    queryFn: ({ pageParam }) =>
      call('audit:list', { ...toInput(filters), limit: PAGE_SIZE, ...(pageParam ? { beforeId: pageParam } : {}) }),
    initialPageParam: undefined as number | undefined,
    // Entries come newest first: the next page is what lies before the last one shown.
    getNextPageParam: (last) => (last.length === PAGE_SIZE ? last[last.length - 1]?.id : undefined),
    enabled: datesInOrder,
  });

  const verify = useChannelMutation('audit:verify');
  const exportCsv = useChannelMutation('audit:exportCsv');
  const [verification, setVerification] = useState<AuditVerification | null>(null);

  const runVerify = async () => {
    setVerification(null);
    try {
      setVerification(await verify.mutateAsync({}));
    } catch {
      // The error is shown below the buttons (verify.error).
    }
    // Checking and exporting are recorded in the trail themselves.
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };

  const runExport = async () => {
    try {
      // The whole filtered trail up to the schema's maximum, not just the page on screen.
      const { fileName, csv } = await exportCsv.mutateAsync({ ...toInput(filters), limit: EXPORT_LIMIT });
      downloadCsv(fileName, csv);
      notifications.show({
        color: 'green',
        title: 'Przygotowano plik CSV',
        message: `${fileName}: plik zawiera dane osobowe — przechowuj go tak jak dokumenty ośrodka.`,
      });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Nie udało się wyeksportować dziennika', message: errorMessage(error) });
    }
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };

  const usersById = new Map<string, UserSummary>((users.data ?? []).map((user) => [user.id, user]));
  const userOptions = [...(users.data ?? [])]
    .sort((a, b) => a.lastName.localeCompare(b.lastName, 'pl'))
    .map((user) => ({ value: user.id, label: `${user.lastName} ${user.firstName} (${user.login})` }));
  const rows = entries.data?.pages.flat() ?? [];
  const brokenId = verification && !verification.ok ? verification.firstBrokenId : null;

  return (
    <Stack gap="lg">
      <PageHeader
        title="Dziennik zdarzeń"
        description="Kto, kiedy i co zrobił w programie. Wpisów nie można zmienić ani usunąć; sprawdzenie spójności wykrywa każdą ingerencję w dziennik."
        actions={
          <>
            <Button variant="default" onClick={() => void runVerify()} loading={verify.isPending}>
              Sprawdź spójność dziennika
            </Button>
            <Button variant="default" onClick={() => void runExport()} loading={exportCsv.isPending}>
              Eksportuj do CSV
            </Button>
          </>
        }
      />

      {verification ? <VerificationResult result={verification} /> : null}
      <FormError message={verify.error ? errorMessage(verify.error) : undefined} title="Nie udało się sprawdzić dziennika" />

      <Paper withBorder radius="md" p="md" component="section" aria-label="Filtry">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          {canListUsers ? (
            <Select
              label="Użytkownik"
              placeholder="Wszyscy"
              data={userOptions}
              value={filters.actorId}
              onChange={(actorId) => setFilters((current) => ({ ...current, actorId }))}
              searchable
              clearable
            />
          ) : null}
          <Select
            label="Rodzaj zdarzenia"
            placeholder="Wszystkie"
            data={ACTION_OPTIONS}
            value={filters.action}
            onChange={(action) => setFilters((current) => ({ ...current, action }))}
            searchable
            clearable
          />
          <DateText
            label="Data od"
            placeholder="DD.MM.RRRR (bez ograniczenia)"
            size="sm"
            value={filters.from}
            onChange={(from) => setFilters((current) => ({ ...current, from }))}
          />
          <DateText
            label="Data do"
            placeholder="DD.MM.RRRR (bez ograniczenia)"
            size="sm"
            value={filters.to}
            onChange={(to) => setFilters((current) => ({ ...current, to }))}
            error={datesInOrder ? undefined : 'Data do nie może być wcześniejsza niż data od.'}
          />
        </SimpleGrid>
        {Object.values(filters).some(Boolean) ? (
          <Group mt="sm">
            <Button variant="subtle" size="sm" onClick={() => setFilters(NO_FILTERS)}>
              Wyczyść filtry
            </Button>
          </Group>
        ) : null}
      </Paper>

      <QueryState isPending={entries.isPending && datesInOrder} error={entries.error} onRetry={() => void entries.refetch()} />

      {entries.data ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={860}>
            <Table striped verticalSpacing="xs" horizontalSpacing="sm" fz="sm" layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="14%">Czas</Table.Th>
                  <Table.Th w="15%">Użytkownik</Table.Th>
                  <Table.Th w="20%">Zdarzenie</Table.Th>
                  <Table.Th w="18%">Obiekt</Table.Th>
                  <Table.Th>Szczegóły</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Text c="dimmed" ta="center" py="md">
                        Brak wpisów spełniających wybrane warunki.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  rows.map((entry) => (
                    <AuditRow key={entry.id} entry={entry} usersById={usersById} broken={entry.id === brokenId} />
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}

      {entries.hasNextPage ? (
        <Group justify="center">
          <Button variant="default" onClick={() => void entries.fetchNextPage()} loading={entries.isFetchingNextPage}>
            Pokaż starsze wpisy
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

function AuditRow({
  entry,
  usersById,
  broken,
}: {
  entry: AuditEntryView;
  usersById: ReadonlyMap<string, UserSummary>;
  broken: boolean;
}) {
  const known = (action: string) => action in AUDIT_ACTION_LABELS;
  const warning = entry.action === 'session.login_failed' || entry.action === 'access.denied';
  return (
    <Table.Tr bg={broken ? 'red.1' : undefined} aria-invalid={broken || undefined}>
      <Table.Td>
        <EntryTime at={entry.at} />
        {broken ? (
          <Text size="sm" c="red.9" fw={700}>
            Naruszony wpis nr {entry.id}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>{entry.actorName ?? (entry.actorId ? 'konto spoza listy' : '—')}</Table.Td>
      <Table.Td>
        <Text fw={600} c={warning ? 'red.9' : undefined} ff={known(entry.action) ? undefined : 'monospace'}>
          {auditActionLabel(entry.action)}
        </Text>
      </Table.Td>
      <Table.Td>
        <EntityCell entry={entry} usersById={usersById} />
      </Table.Td>
      <Table.Td>
        <AuditDetails entry={entry} />
      </Table.Td>
    </Table.Tr>
  );
}

/** Objects of which the office has one: their id says nothing. */
const SINGLETONS = new Set(['office', 'settings']);

/** What the entry is about: the kind of record and what it is (a name, a case number, a document number). */
function EntityCell({ entry, usersById }: { entry: AuditEntryView; usersById: ReadonlyMap<string, UserSummary> }) {
  if (!entry.entityType && !entry.caseId) return <Text c="dimmed">—</Text>;
  const user = entry.entityType === 'user' && entry.entityId ? usersById.get(entry.entityId) : undefined;
  const named = entry.entityId && !SINGLETONS.has(entry.entityType ?? '') ? (user ? fullName(user) : entry.refs[entry.entityId]) : undefined;
  return (
    <Stack gap={0}>
      {entry.entityType ? (
        <Text size="sm">
          {auditEntityLabel(entry.entityType)}
          {named && entry.entityId !== entry.caseId ? `: ${named}` : ''}
        </Text>
      ) : null}
      {entry.caseId ? (
        <Text size="sm" c="dimmed">
          {entry.refs[entry.caseId] ?? 'sprawa'}
        </Text>
      ) : null}
    </Stack>
  );
}

function VerificationResult({ result }: { result: AuditVerification }) {
  if (result.ok) {
    return (
      <Alert color="green" title="Dziennik jest spójny">
        {result.message}
      </Alert>
    );
  }
  return (
    <Alert color="red" title="Dziennik został naruszony">
      <Stack gap={4}>
        {result.firstBrokenId !== null ? (
          <Text c="red.9" fw={700}>
            Pierwszy nieprawidłowy wpis: nr {result.firstBrokenId}.
          </Text>
        ) : null}
        <Text>{result.message}</Text>
        <Text size="sm">
          Zgłoś to osobie odpowiedzialnej za bezpieczeństwo danych (inspektorowi ochrony danych) i zachowaj kopię bazy.
        </Text>
      </Stack>
    </Alert>
  );
}
