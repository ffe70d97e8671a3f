import { AppShell, Badge, Burger, Button, Group, Kbd, NavLink, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { Fragment } from 'react';
import { can, ROLE_LABELS } from '../../../shared/domain/roles';
import type { OfficeInfo, ServerAddress, SessionUser, Settings } from '../../../shared/ipc';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { fullName } from '../../lib/format';
import { usePendingRequests } from '../assignment/requestQueries';
import { CLOSING_QUERY, useCaseList } from '../cases/caseQueries';
import { CaseSearch } from '../search/CaseSearch';
import { HOME, NavigationContext, routeKey, type Navigation, type Route } from './navigation';
import { canOpen, NAV_GROUP_LABELS, NAV_ITEMS, navSection, renderRoute, type NavCounter } from './routes';
import { ServerBanner, ServerStatusLine, useServerMode } from './ServerStatus';
import { SessionContext, type Session } from './session';
import { useIdleLock } from './useIdleLock';
import { useSessionActions } from './useSessionActions';
import { useTextScale } from '../account/textScale';

const DEFAULT_IDLE_MINUTES = 10;

export function MainLayout({
  user,
  office,
  settings,
  server,
  route,
  navigate,
}: {
  user: SessionUser;
  office: OfficeInfo | null;
  settings: Settings | null;
  /** The office server (server mode), null when the data is on this PC. */
  server: ServerAddress | null;
  route: Route;
  navigate: (route: Route) => void;
}) {
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const { lock, logout, touch, locking, loggingOut } = useSessionActions();
  useTextScale(user.id);
  const serverMode = useServerMode(server, user.id);

  useIdleLock({
    enabled: true,
    idleMinutes: settings?.idleLockMinutes ?? DEFAULT_IDLE_MINUTES,
    onIdle: lock,
    onActive: touch,
  });
  // Ctrl+L works in form fields too: locking must never wait for the focus to move.
  useHotkeys([['ctrl+l', lock]], [], true);

  const visibleItems = NAV_ITEMS.filter((item) => canOpen(user.roles, item.route.view));
  // A route the roles no longer allow (roles changed meanwhile) falls back to the start page.
  const shownRoute: Route = canOpen(user.roles, route.view) ? route : HOME;
  const section = navSection(shownRoute);
  const decides = can(user.roles, 'requests.decide');
  const pendingRequests = usePendingRequests(decides);
  // The same page lists the closure proposals waiting for the kierownik (ClosureQueue): counted too.
  const closing = useCaseList(CLOSING_QUERY, decides);
  const counters: Record<NavCounter, number> = { pendingRequests: (pendingRequests.data?.length ?? 0) + (closing.data?.total ?? 0) };
  const navigation: Navigation = {
    route: shownRoute,
    navigate: (next) => {
      closeNav();
      navigate(next);
    },
  };

  const groups = (['work', 'office', 'personal'] as const)
    .map((group) => ({ group, items: visibleItems.filter((item) => item.group === group) }))
    .filter(({ items }) => items.length > 0);

  const session: Session = { user, office, settings, server };

  return (
    <SessionContext value={session}>
      <NavigationContext value={navigation}>
        <AppShell
          // In rem, so that the header and the menu grow with the user's text size (Moje konto).
          header={{ height: '4rem' }}
          navbar={{ width: '15.5rem', breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
          padding="lg"
        >
          <AppShell.Header>
            <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
              <Group gap="md" wrap="nowrap" miw={0}>
                <Burger
                  opened={navOpened}
                  onClick={toggleNav}
                  hiddenFrom="sm"
                  size="sm"
                  aria-label={navOpened ? 'Zamknij menu' : 'Otwórz menu'}
                />
                <Text fw={700} fz={22} c="petrol.8">
                  Asysta
                </Text>
                {office ? (
                  <Text c="dimmed" truncate="end" visibleFrom="md" title={office.name}>
                    {office.name}
                  </Text>
                ) : null}
              </Group>
              {canOpen(user.roles, 'case') ? <CaseSearch /> : null}
              <Group gap="md" wrap="nowrap" style={{ flexShrink: 0 }}>
                <Stack gap={0} align="flex-end" visibleFrom="sm">
                  <Text fw={600} lh={1.3} style={{ whiteSpace: 'nowrap' }}>
                    {fullName(user)}
                  </Text>
                  <Text size="sm" c="dimmed" lh={1.3} style={{ whiteSpace: 'nowrap' }}>
                    {user.roles.map((role) => ROLE_LABELS[role]).join(', ')}
                  </Text>
                </Stack>
                <Tooltip
                  label={
                    <>
                      Skrót: <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">L</Kbd>
                    </>
                  }
                >
                  <Button variant="light" onClick={lock} loading={locking}>
                    Zablokuj
                  </Button>
                </Tooltip>
                <Button variant="default" onClick={logout} loading={loggingOut}>
                  Wyloguj
                </Button>
              </Group>
            </Group>
          </AppShell.Header>

          <AppShell.Navbar p="sm" component="nav" aria-label="Menu główne">
            <AppShell.Section grow component={ScrollArea}>
              <Stack gap="md">
                {groups.map(({ group, items }) => (
                  <Stack key={group} gap={2}>
                    {NAV_GROUP_LABELS[group] ? (
                      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4}>
                        {NAV_GROUP_LABELS[group]}
                      </Text>
                    ) : null}
                    {items.map((item) => {
                      const count = item.counter ? counters[item.counter] : 0;
                      return (
                        <NavLink
                          key={item.route.view}
                          component="button"
                          type="button"
                          label={item.label}
                          // The count is in the accessible name too ("Wnioski o asystenta, 2 oczekujące").
                          aria-label={count > 0 ? `${item.label}, oczekujące: ${count}` : undefined}
                          rightSection={
                            count > 0 ? (
                              <Badge size="md" color="orange" variant="filled" circle aria-hidden="true">
                                {count}
                              </Badge>
                            ) : null
                          }
                          active={section === item.route.view}
                          aria-current={section === item.route.view ? 'page' : undefined}
                          onClick={() => navigation.navigate(item.route)}
                          py="sm"
                          style={{ borderRadius: 'var(--mantine-radius-md)' }}
                        />
                      );
                    })}
                  </Stack>
                ))}
              </Stack>
            </AppShell.Section>
            {server ? (
              <AppShell.Section pt="sm">
                <ServerStatusLine server={server} />
              </AppShell.Section>
            ) : null}
          </AppShell.Navbar>

          <AppShell.Main bg="gray.0">
            {server ? <ServerBanner server={server} retry={serverMode.retry} /> : null}
            <ErrorBoundary resetKey={routeKey(shownRoute)}>
              {/* Keyed: another case or interview is a fresh screen (its own state, its own autosave). */}
              <Fragment key={routeKey(shownRoute)}>{renderRoute(shownRoute)}</Fragment>
            </ErrorBoundary>
          </AppShell.Main>
        </AppShell>
      </NavigationContext>
    </SessionContext>
  );
}
