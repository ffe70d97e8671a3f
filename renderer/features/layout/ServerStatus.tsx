/**
 * Server mode (issue 18) in the signed-in layout: where the data is (the header's badge), and a
 * banner that stays while the office server does not answer, with "Spróbuj ponownie". What the
 * user types meanwhile is kept as drafts on this PC (lib/offlineDrafts.ts) and sent when the
 * server answers again — the banner says so, so nobody closes the program in a hurry.
 */
import { Alert, Button, ColorSwatch, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { ServerAddress } from '../../../shared/ipc';
import { onReconnect, useServerConnection } from '../../lib/connection';
import { useDataVersionPolling } from '../../lib/useDataVersion';
import { useOfflineDraftSync } from '../../lib/useAutosave';

/** How the app names the office server: its address and port, as in the pairing code. */
export function serverLabel(server: ServerAddress): string {
  return `${server.host}:${server.port}`;
}

/**
 * What server mode adds to the signed-in layout: the data version's poll (the heartbeat and the
 * refresh after another PC's writes), drafts kept on this PC sent after sign-in and on reconnect,
 * and failed reads read again on reconnect.
 */
export function useServerMode(server: ServerAddress | null, userId: string) {
  const queryClient = useQueryClient();
  const version = useDataVersionPolling(server !== null);
  useOfflineDraftSync(userId);
  useEffect(
    () =>
      onReconnect(async () => {
        await queryClient.refetchQueries({ type: 'active', predicate: (query) => query.state.status === 'error' });
      }),
    [queryClient],
  );
  return { retry: version.check };
}

/** The menu's status line: the data is on the office server at this address, and whether it answers. */
export function ServerStatusLine({ server }: { server: ServerAddress }) {
  const { unreachable } = useServerConnection();
  return (
    <Group gap="xs" wrap="nowrap" px="sm" py={6} style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }} data-testid="server-status">
      <ColorSwatch color={unreachable ? 'var(--mantine-color-red-7)' : 'var(--mantine-color-green-7)'} size={10} withShadow={false} aria-hidden="true" />
      <Stack gap={0} miw={0}>
        <Text size="sm" fw={600} lh={1.3}>
          {unreachable ? 'Serwer biura — brak połączenia' : 'Serwer biura'}
        </Text>
        <Text size="sm" c="dimmed" lh={1.3} truncate="end" title={serverLabel(server)}>
          {serverLabel(server)}
        </Text>
      </Stack>
    </Group>
  );
}

/** Stays on top of every screen while the office server does not answer. */
export function ServerBanner({ server, retry }: { server: ServerAddress; retry: () => Promise<unknown> }) {
  const connection = useServerConnection();
  // Unmounted while the server answers: the next outage starts without the last one's check.
  return connection.unreachable ? <OutageAlert server={server} message={connection.message} retry={retry} /> : null;
}

function OutageAlert({ server, message, retry }: { server: ServerAddress; message: string | null; retry: () => Promise<unknown> }) {
  const [checking, setChecking] = useState(false);
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);

  const check = async () => {
    setChecking(true);
    try {
      await retry();
    } finally {
      setChecking(false);
      setCheckedAt(new Date());
    }
  };

  return (
    <Alert
      color="red"
      variant="filled"
      role="alert"
      title={`Brak połączenia z serwerem biura (${serverLabel(server)})`}
      mb="lg"
      style={{ position: 'sticky', top: 'calc(4rem + var(--mantine-spacing-xs))', zIndex: 20 }}
    >
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={4} maw={760}>
          {message ? <Text size="sm">{message}</Text> : null}
          <Text size="sm">
            Wpisane dane nie przepadną: szkice zostają na tym komputerze i zapiszą się na serwerze, gdy połączenie wróci. Program
            sprawdza połączenie co kilka sekund.
          </Text>
          {checkedAt ? (
            <Text size="sm" fw={600}>
              Serwer nadal nie odpowiada (sprawdzono o {dayjs(checkedAt).format('HH:mm:ss')}).
            </Text>
          ) : null}
        </Stack>
        <Button variant="white" color="red" onClick={() => void check()} loading={checking}>
          Spróbuj ponownie
        </Button>
      </Group>
    </Alert>
  );
}
