/**
 * The root: providers, and the one decision of which screen to show, taken from `app:status`
 * ('setup' → set-up, 'login' → login, 'locked' → lock screen, 'ready' → the app).
 */
import { Alert, Button, Center, Loader, MantineProvider, Stack, Text } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications, notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { RestoreResult } from '../shared/backup';
import { AuthFrame } from './components/AuthFrame';
import { RestoreDone } from './features/backup/RestoreScreen';
import { ErrorBoundary } from './components/ErrorBoundary';
import { HOME, type Route } from './features/layout/navigation';
import { MainLayout } from './features/layout/MainLayout';
import { LockScreen } from './features/lock/LockScreen';
import { LoginScreen } from './features/login/LoginScreen';
import { RecoveryCodeScreen } from './features/setup/RecoveryCodeScreen';
import { ServerOfficeCreated } from './features/setup/ServerOfficeCreated';
import { SetupScreen, type ServerSetupResult, type SetupResult } from './features/setup/SetupScreen';
import { errorMessage } from './lib/errors';
import { forgetSessionData, queryClient } from './lib/queryClient';
import { useAppStatus } from './lib/status';
import { theme } from './theme';

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" forceColorScheme="light">
      <DatesProvider settings={{ locale: 'pl', firstDayOfWeek: 1 }}>
        <QueryClientProvider client={queryClient}>
          {/* Top centre: toasts never cover the save buttons, which sit at the bottom right of forms. */}
          <Notifications position="top-center" autoClose={6000} />
          <ErrorBoundary>
            <Screens />
          </ErrorBoundary>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}

function Screens() {
  const status = useAppStatus();
  // Held here, not in the set-up screen: the status turns to 'login' as soon as set-up succeeds,
  // but the code must stay on screen until the user confirms she has stored it.
  const [setupResult, setSetupResult] = useState<SetupResult | null>(null);
  // The same for an office set up on the office server: what the other PCs do next stays until read.
  const [serverSetup, setServerSetup] = useState<ServerSetupResult | null>(null);
  // The same for a restore on a new PC: the status turns from 'setup' to 'login' once the data are back.
  const [restored, setRestored] = useState<RestoreResult | null>(null);
  // Held here so that after a lock and unlock the user is back where she was.
  const [route, setRoute] = useState<Route>(HOME);

  const state = status.data?.state;
  useEffect(() => {
    // Locked or signed out: nothing read for the session stays in memory, nor on screen
    // (a toast may name a case: the next person at the desk must not see it).
    if (state !== undefined && state !== 'ready') {
      forgetSessionData();
      notifications.clean();
    }
  }, [state]);
  // A new sign-in starts on the start page; an unlock returns to the screen left.
  const [previousState, setPreviousState] = useState(state);
  if (state !== previousState) {
    setPreviousState(state);
    if (state === 'login' || state === 'setup') setRoute(HOME);
  }

  if (setupResult) {
    return (
      <RecoveryCodeScreen
        recoveryCode={setupResult.recoveryCode}
        officeName={setupResult.officeName}
        onDone={() => setSetupResult(null)}
      />
    );
  }

  if (serverSetup) return <ServerOfficeCreated result={serverSetup} onDone={() => setServerSetup(null)} />;

  if (restored) return <RestoreDone result={restored} onDone={() => setRestored(null)} />;

  if (!status.data) {
    if (status.error) {
      return <StartupError message={errorMessage(status.error)} onRetry={() => void status.refetch()} />;
    }
    return (
      <Center mih="100vh">
        <Stack align="center" gap="xs">
          <Loader aria-hidden="true" />
          <Text c="dimmed" role="status">
            Uruchamianie…
          </Text>
        </Stack>
      </Center>
    );
  }

  const { user, office, settings } = status.data;
  switch (status.data.state) {
    case 'setup':
      return <SetupScreen onCreated={setSetupResult} onCreatedOnServer={setServerSetup} onRestored={setRestored} />;
    case 'login':
      return <LoginScreen />;
    case 'locked':
      return <LockScreen user={user} />;
    case 'ready':
      if (!user) return <LoginScreen />;
      return <MainLayout user={user} office={office} settings={settings} server={status.data.server} route={route} navigate={setRoute} />;
  }
}

/** The database cannot be opened (missing, foreign, newer, damaged): say so, and what to do. */
function StartupError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <AuthFrame title="Nie można uruchomić programu" width={600}>
      <Alert color="red">{message}</Alert>
      <Text>
        Jeśli problem się powtarza, zamknij program i skontaktuj się z osobą, która opiekuje się komputerami w ośrodku.
        Nie usuwaj plików programu — może to spowodować utratę danych.
      </Text>
      <Button variant="default" onClick={onRetry}>
        Spróbuj ponownie
      </Button>
    </AuthFrame>
  );
}
