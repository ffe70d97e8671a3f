/**
 * The work tray, the first screen after sign-in (issue 8): what is due for this user, grouped
 * overdue / within 7 days / later by the office's today (the main process's clock), each item one
 * click from where it is done. The kierownik also sees the whole office's deadlines, each
 * assistant's families against the limit, and the date of the last good backup.
 */
import { Alert, Anchor, Badge, Button, Group, Pagination, Paper, Progress, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { CaseloadView } from '../../../shared/cases';
import { DEADLINE_KIND_LABELS, type DeadlineUrgency } from '../../../shared/domain/deadlines';
import type { IsoDate } from '../../../shared/domain/dates';
import { can } from '../../../shared/domain/roles';
import { TRAY_LIMIT_DEFAULT, type TrayGroup, type TrayItem, type TrayList, type TrayQuery } from '../../../shared/tray';
import { call } from '../../api';
import { QueryState } from '../../components/QueryState';
import { polishDate } from '../../lib/dates';
import { formatDateTime } from '../../lib/format';
import { URGENCY_COLORS } from '../cases/DeadlineText';
import { useNavigation } from '../layout/navigation';
import { useSession } from '../layout/session';
import { BACKUP_STATUS_KEY } from '../backup/backupQueries';
import { dueInWords, TRAY_ACTIONS, trayItemRoute } from './trayRoutes';

export const TRAY_QUERY_KEY = ['tray'] as const;

const WEEKDAYS = ['niedziela', 'poniedziałek', 'wtorek', 'środa', 'czwartek', 'piątek', 'sobota'];

function todayInWords(today: IsoDate): string {
  const weekday = WEEKDAYS[new Date(`${today}T12:00:00Z`).getUTCDay()] ?? '';
  return `${weekday.charAt(0).toUpperCase()}${weekday.slice(1)}, ${polishDate(today)}`;
}

export function TrayPage() {
  const { user, server } = useSession();
  // The page each group shows; the first when not set (remembered while the screen is open).
  const [pages, setPages] = useState<TrayQuery['pages']>({});
  const tray = useQuery({
    queryKey: [...TRAY_QUERY_KEY, pages],
    queryFn: () => call('tray:get', { limit: TRAY_LIMIT_DEFAULT, pages }),
    refetchInterval: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
  const pager = (section: 'mine' | 'office') => (urgency: DeadlineUrgency, page: number) => setPages((current) => ({ ...current, [section]: { ...current[section], [urgency]: page } }));
  const isHead = can(user.roles, 'requests.decide');
  const data = tray.data;

  return (
    <Stack gap="lg" maw={1200}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Title order={1} fz={26}>
            Pulpit — do zrobienia
          </Title>
          <Text c="dimmed">
            {data ? `${todayInWords(data.today)}. ` : ''}
            Kliknij zadanie, aby przejść tam, gdzie się je wykonuje.
          </Text>
        </Stack>
      </Group>

      {/* On the office server, backups are the server PC's (Kopie zapasowe says how); this PC has none to report. */}
      {can(user.roles, 'backup.run') && server === null ? <BackupCard /> : null}

      <QueryState isPending={tray.isPending} error={tray.error} onRetry={() => void tray.refetch()} loadingLabel="Wczytywanie zadań…" />
      {data ? (
        isHead && data.office ? (
          <Tabs defaultValue="mine" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="mine" fz="md">
                Moje zadania ({totalOf(data.mine)})
              </Tabs.Tab>
              <Tabs.Tab value="office" fz="md">
                Cały ośrodek ({totalOf(data.office)})
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="mine" pt="md">
              <TrayListView name="Moje zadania" list={data.mine} today={data.today} onPage={pager('mine')} />
            </Tabs.Panel>
            <Tabs.Panel value="office" pt="md">
              <TrayListView name="Terminy ośrodka" list={data.office} today={data.today} onPage={pager('office')} />
            </Tabs.Panel>
          </Tabs>
        ) : (
          <TrayListView name="Moje zadania" list={data.mine} today={data.today} onPage={pager('mine')} />
        )
      ) : null}

      {data?.caseloads ? <Caseloads caseloads={data.caseloads} /> : null}
    </Stack>
  );
}

function totalOf(list: TrayList): number {
  return list.groups.reduce((sum, group) => sum + group.total, 0);
}

const EMPTY: Record<DeadlineUrgency, string> = {
  overdue: 'Nic nie jest po terminie.',
  this_week: 'Brak terminów w najbliższych 7 dniach.',
  later: 'Brak dalszych terminów.',
};

type OnPage = (urgency: DeadlineUrgency, page: number) => void;

function TrayListView({ name, list, today, onPage }: { name: string; list: TrayList; today: IsoDate; onPage: OnPage }) {
  return (
    <Stack gap="md" component="section" aria-label={name}>
      {list.groups.map((group) => (
        <TrayGroupView key={group.urgency} group={group} today={today} onPage={onPage} />
      ))}
    </Stack>
  );
}

function TrayGroupView({ group, today, onPage }: { group: TrayGroup; today: IsoDate; onPage: OnPage }) {
  const color = URGENCY_COLORS[group.urgency];
  const groupPages = Math.ceil(group.total / TRAY_LIMIT_DEFAULT);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={group.label} style={group.urgency === 'overdue' && group.total > 0 ? { borderColor: 'var(--mantine-color-red-4)' } : undefined}>
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={2} fz={19}>
            {group.label}
          </Title>
          <Badge color={group.total > 0 ? color : 'gray'} variant={group.urgency === 'overdue' && group.total > 0 ? 'filled' : 'light'} size="lg" aria-label={`Liczba zadań: ${group.total}`}>
            {group.total}
          </Badge>
        </Group>
        {group.items.length === 0 ? (
          <Text c="dimmed">{EMPTY[group.urgency]}</Text>
        ) : (
          <Table verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={190}>Termin</Table.Th>
                <Table.Th>Zadanie</Table.Th>
                <Table.Th w={240}>Rodzina</Table.Th>
                <Table.Th w={170}>Sprawa</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {group.items.map((item) => (
                <TrayRow key={`${item.kind}:${item.caseId}:${item.subjectId ?? ''}:${item.label}:${item.dueDate}`} item={item} today={today} />
              ))}
            </Table.Tbody>
          </Table>
        )}
        {group.items.length < group.total ? (
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text size="sm" c="dimmed" aria-live="polite">
              Pokazano {group.offset + 1}–{group.offset + group.items.length} z {group.total} — najpilniejsze pierwsze.
            </Text>
            <Pagination
              total={groupPages}
              value={Math.floor(group.offset / TRAY_LIMIT_DEFAULT) + 1}
              onChange={(page) => onPage(group.urgency, page)}
              getControlProps={(control) => ({ 'aria-label': `${group.label}: ${control === 'next' ? 'następna strona' : control === 'previous' ? 'poprzednia strona' : control === 'first' ? 'pierwsza strona' : 'ostatnia strona'}` })}
              getItemProps={(page) => ({ 'aria-label': `${group.label}: strona ${page}` })}
              withEdges
            />
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** The label without "— sprawa OPS.AR.1.2026": the row shows the case number in its own column. */
function withoutCaseNumber(label: string): string {
  return label.replace(/\s+—\s+sprawa\s+\S+$/, '');
}

function TrayRow({ item, today }: { item: TrayItem; today: IsoDate }) {
  const { navigate } = useNavigation();
  const open = () => navigate(trayItemRoute(item));
  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={0}>
          <Text fw={600} c={item.urgency === 'later' ? undefined : `${URGENCY_COLORS[item.urgency]}.9`} style={{ whiteSpace: 'nowrap' }}>
            {polishDate(item.dueDate)}
          </Text>
          <Text size="sm" c="dimmed">
            {dueInWords(item.dueDate, today)}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Stack gap={0}>
          <Anchor component="button" type="button" fw={600} ta="left" onClick={open} title={`Otwórz: ${TRAY_ACTIONS[item.kind]}`}>
            {withoutCaseNumber(item.label)}
          </Anchor>
          <Text size="sm" c="dimmed" title={DEADLINE_KIND_LABELS[item.kind]}>
            {capitalized(TRAY_ACTIONS[item.kind])}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text>{item.familyName}</Text>
      </Table.Td>
      <Table.Td>
        <Text style={{ whiteSpace: 'nowrap' }}>{item.caseNumber}</Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** Families per assistant against the office's limit (art. 15 ust. 4 u.w.r.). */
function Caseloads({ caseloads }: { caseloads: CaseloadView[] }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Obciążenie asystentów rodziny">
      <Stack gap="sm">
        <Title order={2} fz={19}>
          Obciążenie asystentów rodziny
        </Title>
        {caseloads.length === 0 ? (
          <Text c="dimmed">W ośrodku nie ma aktywnych kont asystentów rodziny.</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="sm">
            {caseloads.map((load) => (
              <CaseloadBar key={load.assistantId} load={load} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}

function CaseloadBar({ load }: { load: CaseloadView }) {
  const ratio = load.limit > 0 ? load.families / load.limit : 1;
  const color = ratio >= 1 ? 'red' : ratio >= 0.8 ? 'orange' : 'petrol';
  const text = `${load.families} z ${load.limit} ${load.limit === 1 ? 'rodziny' : 'rodzin'}`;
  return (
    <Stack gap={4} role="group" aria-label={`${load.name}: ${text}`}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text fw={600} truncate="end">
          {load.name}
        </Text>
        <Text c={ratio >= 1 ? 'red.9' : undefined} fw={ratio >= 1 ? 700 : 400} style={{ whiteSpace: 'nowrap' }}>
          {text}
          {ratio >= 1 ? ' — limit osiągnięty' : ''}
        </Text>
      </Group>
      <Progress value={Math.round(Math.min(ratio, 1) * 100)} color={color} size="lg" radius="sm" aria-label={`${load.name}: ${text}`} />
    </Stack>
  );
}

/** The last good backup, with a warning when there is none or it is old (kierownik). */
function BackupCard() {
  const { navigate } = useNavigation();
  const status = useQuery({ queryKey: BACKUP_STATUS_KEY, queryFn: () => call('backup:status', {}) });
  if (!status.data) return null;
  const { lastBackupAt, warning, message } = status.data;
  const body: ReactNode = lastBackupAt ? `Ostatnia dobra kopia zapasowa: ${formatDateTime(lastBackupAt)}.` : 'Nie wykonano jeszcze kopii zapasowej.';
  if (warning) {
    return (
      <section aria-label="Kopia zapasowa">
        <Alert color="orange" variant="light" title="Kopia zapasowa jest nieaktualna">
          <Stack gap="xs" align="flex-start">
            <Text>{message}</Text>
            <Button variant="filled" color="orange" onClick={() => navigate({ view: 'backup' })}>
              Przejdź do kopii zapasowych
            </Button>
          </Stack>
        </Alert>
      </section>
    );
  }
  return (
    <Paper withBorder radius="md" px="md" py="sm" component="section" aria-label="Kopia zapasowa">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text>
          <Text span fw={600}>
            {body}
          </Text>{' '}
          <Text span c="dimmed">
            {status.data.stored === null
              ? `Zachowywanych kopii: najwyżej ${status.data.keep}.`
              : `Przechowywanych kopii: ${status.data.stored} (zachowywanych najwyżej ${status.data.keep}).`}
          </Text>
        </Text>
        <Anchor component="button" type="button" onClick={() => navigate({ view: 'backup' })}>
          Kopie zapasowe
        </Anchor>
      </Group>
    </Paper>
  );
}
