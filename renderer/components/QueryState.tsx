import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { errorMessage, isSessionError } from '../lib/errors';

/** Loading and error states of a query, the same on every screen. */
export function QueryState({
  isPending,
  error,
  onRetry,
  loadingLabel = 'Wczytywanie…',
}: {
  isPending: boolean;
  error: unknown;
  onRetry?: () => void;
  loadingLabel?: string;
}) {
  if (error && !isSessionError(error)) {
    return (
      <Alert color="red" title="Nie udało się wczytać danych">
        <Stack gap="sm" align="flex-start">
          <Text>{errorMessage(error)}</Text>
          {onRetry ? (
            <Button variant="light" color="red" onClick={onRetry}>
              Spróbuj ponownie
            </Button>
          ) : null}
        </Stack>
      </Alert>
    );
  }
  if (isPending || error) {
    return (
      <Center py="xl">
        <Stack align="center" gap="xs">
          <Loader aria-hidden="true" />
          <Text c="dimmed" role="status">
            {loadingLabel}
          </Text>
        </Stack>
      </Center>
    );
  }
  return null;
}
