/**
 * "Kalendarz": the user's week, Monday to Sunday (issue 15, item 11) — the assistant's planned
 * visits with their type and place, plan tasks, assessments, the worker's wywiady and kontrakt
 * actions, the kierownik's decisions — day by day, from the tray's own rules (`tray:week`).
 * Keyboard: Tab through the days' items (Enter opens where the work is done), PageUp / PageDown
 * or the buttons for the previous / next week, Home for this week.
 */
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { mondayOf, type CalendarDay } from '../../../shared/calendar';
import { addDays, type IsoDate } from '../../../shared/domain/dates';
import { DEADLINE_KIND_LABELS } from '../../../shared/domain/deadlines';
import { formatDateLong } from '../../../shared/polish';
import { call } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { todayIso } from '../../lib/dates';
import { useNavigation } from '../layout/navigation';
import { TRAY_ACTIONS, trayItemRoute } from './trayRoutes';

/** "2 marca" (the year only when the week spans two). */
const dayAndMonth = (date: IsoDate) => formatDateLong(date).replace(/\s\d{4}\sr\.$/u, '');

export function CalendarWeekPage() {
  const [weekOf, setWeekOf] = useState(() => mondayOf(todayIso()));
  const week = useQuery({
    queryKey: ['tray', 'week', weekOf],
    queryFn: () => call('tray:week', { weekOf }),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });
  const move = (days: number) => setWeekOf((current) => addDays(current, days));
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'PageUp') move(-7);
    else if (event.key === 'PageDown') move(7);
    else if (event.key === 'Home' && event.altKey) setWeekOf(mondayOf(todayIso()));
    else return;
    event.preventDefault();
  };
  const from = week.data?.from ?? weekOf;
  const to = week.data?.to ?? addDays(weekOf, 6);
  const title = `${dayAndMonth(from)} – ${formatDateLong(to)}`;

  return (
    <Stack gap="lg" onKeyDown={onKeyDown}>
      <PageHeader
        title="Kalendarz"
        description={`Tydzień ${title}: wizyty i terminy z Twojego pulpitu. Klawisze Page Up i Page Down zmieniają tydzień.`}
        actions={
          <Group gap="sm">
            <Button variant="default" onClick={() => move(-7)} aria-keyshortcuts="PageUp">
              Poprzedni tydzień
            </Button>
            <Button variant="default" onClick={() => setWeekOf(mondayOf(todayIso()))} aria-keyshortcuts="Alt+Home">
              Bieżący tydzień
            </Button>
            <Button variant="default" onClick={() => move(7)} aria-keyshortcuts="PageDown">
              Następny tydzień
            </Button>
          </Group>
        }
      />
      <QueryState isPending={week.isPending} error={week.error} onRetry={() => void week.refetch()} loadingLabel="Wczytywanie tygodnia…" />
      {week.data ? (
        <section aria-label={`Tydzień ${title}`} aria-live="polite">
          <SimpleGrid cols={{ base: 1, md: 4, xl: 7 }} spacing="sm">
            {week.data.days.map((day) => (
              <Day key={day.date} day={day} today={week.data.today} />
            ))}
          </SimpleGrid>
        </section>
      ) : null}
    </Stack>
  );
}

function Day({ day, today }: { day: CalendarDay; today: IsoDate }) {
  const { navigate } = useNavigation();
  const isToday = day.date === today;
  const name = `${day.weekday}, ${dayAndMonth(day.date)}`;
  return (
    <Paper withBorder radius="md" p="sm" bg={day.workingDay ? undefined : 'gray.0'} component="section" aria-label={name} style={isToday ? { borderColor: 'var(--mantine-color-blue-6)', borderWidth: 2 } : undefined}>
      <Stack gap="xs">
        <Group gap={6} justify="space-between" wrap="nowrap">
          <Title order={2} fz={15}>
            {/* "Czwartek, 3 grudnia": only the first letter is a capital. */}
            {name.charAt(0).toUpperCase() + name.slice(1)}
          </Title>
          {isToday ? (
            <Badge size="sm" variant="filled">
              dziś
            </Badge>
          ) : null}
        </Group>
        {day.holiday ? (
          <Text size="sm" c="red.8" fw={600}>
            {day.holiday}
          </Text>
        ) : null}
        {day.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nic zaplanowanego.
          </Text>
        ) : (
          <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {day.items.map((item) => (
              <li key={`${item.kind}:${item.caseId}:${item.subjectId ?? ''}:${item.label}`}>
                <UnstyledButton
                  onClick={() => navigate(trayItemRoute(item))}
                  aria-label={`${item.label} — ${TRAY_ACTIONS[item.kind]}`}
                  w="100%"
                  p={6}
                  style={{ borderRadius: 6, border: '1px solid var(--mantine-color-gray-3)' }}
                >
                  <Text size="xs" c={item.urgency === 'overdue' ? 'red.8' : 'dimmed'} fw={600}>
                    {DEADLINE_KIND_LABELS[item.kind]}
                    {item.urgency === 'overdue' ? ' — po terminie' : ''}
                  </Text>
                  <Text size="sm">{item.label}</Text>
                  <Text size="xs" c="dimmed">
                    {item.familyName}
                  </Text>
                </UnstyledButton>
              </li>
            ))}
          </Stack>
        )}
        {day.total > day.items.length ? (
          <Text size="sm" c="dimmed">
            … i jeszcze {day.total - day.items.length} (pełna lista na pulpicie).
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
