import { Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { CASE_STATUSES, CASE_STATUS_LABELS, type CaseStatus } from '../../../shared/domain/caseFlow';
import { can } from '../../../shared/domain/roles';
import { CASE_LIST_PAGE_SIZE_DEFAULT, CASE_LIST_SORTS, type CaseListSort } from '../../../shared/cases';
import { ListPager } from '../../components/ListPager';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { polishDate } from '../../lib/dates';
import { useNavigation } from '../layout/navigation';
import { useSession } from '../layout/session';
import { SEARCH_DEBOUNCE_MS } from '../search/CaseSearch';
import { useCaseList } from './caseQueries';
import { CaseStatusBadge } from './CaseStatusBadge';
import { DeadlineText } from './DeadlineText';

const STATUS_OPTIONS = CASE_STATUSES.map((status) => ({ value: status, label: CASE_STATUS_LABELS[status] }));
/** Short labels: the whole choice stays readable in the field at 1366 px and at 130 % text. */
const SORT_OPTIONS: { value: `${CaseListSort}:${'asc' | 'desc'}`; label: string }[] = [
  { value: 'reportedOn:desc', label: 'Najnowsze zgłoszenia' },
  { value: 'reportedOn:asc', label: 'Najstarsze zgłoszenia' },
  { value: 'familyName:asc', label: 'Nazwisko A–Ż' },
  { value: 'familyName:desc', label: 'Nazwisko Ż–A' },
  { value: 'status:asc', label: 'Stan: od zgłoszenia' },
  { value: 'status:desc', label: 'Stan: od końca procesu' },
];

function isCaseStatus(value: string | null): value is CaseStatus {
  return value !== null && (CASE_STATUSES as readonly string[]).includes(value);
}

interface ListState {
  status: CaseStatus | null;
  search: string;
  sort: CaseListSort;
  direction: 'asc' | 'desc';
  page: number;
}

const INITIAL: ListState = { status: null, search: '', sort: 'reportedOn', direction: 'desc', page: 1 };
/** The list as the user left it: coming back from a case file shows the same filters and page (kept in memory only). */
let remembered: ListState = INITIAL;

function parseSort(value: string | null): Pick<ListState, 'sort' | 'direction'> | null {
  const [sort, direction] = (value ?? '').split(':');
  const known = CASE_LIST_SORTS.find((s) => s === sort);
  return known && (direction === 'asc' || direction === 'desc') ? { sort: known, direction } : null;
}

/** "Sprawy": the cases this user may see (the main process decides which, and pages them), newest report first. */
export function CasesPage() {
  const { user } = useSession();
  const { navigate } = useNavigation();
  const [state, setState] = useState<ListState>(remembered);
  const update = (change: Partial<ListState>) =>
    setState((current) => {
      // Any change of the filters or the order starts again at page 1.
      const next = { ...current, page: 1, ...change };
      remembered = next;
      return next;
    });
  const [search] = useDebouncedValue(state.search.trim(), SEARCH_DEBOUNCE_MS);
  const cases = useCaseList({
    ...(state.status ? { status: state.status } : {}),
    ...(search ? { q: search } : {}),
    sort: state.sort,
    direction: state.direction,
    page: state.page,
    pageSize: CASE_LIST_PAGE_SIZE_DEFAULT,
  });

  const rows = cases.data?.rows ?? [];
  const total = cases.data?.total ?? 0;
  const filtered = state.status !== null || search.length > 0;
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
            value={state.status}
            onChange={(value) => update({ status: isCaseStatus(value) ? value : null })}
            clearable
            w={300}
          />
          <TextInput
            label="Szukaj"
            description="Numer sprawy, nazwisko, PESEL lub adres (co najmniej 2 znaki)"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={state.search}
            onChange={(event) => update({ search: event.currentTarget.value })}
            w={320}
          />
          <Select
            label="Kolejność"
            data={SORT_OPTIONS}
            value={`${state.sort}:${state.direction}`}
            onChange={(value) => {
              const sort = parseSort(value);
              if (sort) update(sort);
            }}
            allowDeselect={false}
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
                        {total === 0 && !filtered ? 'Nie ma jeszcze żadnych spraw.' : 'Brak spraw spełniających wybrane warunki.'}
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
          <ListPager
            label="Sprawy"
            total={total}
            page={state.page}
            pageSize={CASE_LIST_PAGE_SIZE_DEFAULT}
            shown={rows.length}
            p="md"
            onPage={(page) =>
              setState((current) => {
                remembered = { ...current, page };
                return remembered;
              })
            }
          />
        </Paper>
      ) : null}
    </Stack>
  );
}
