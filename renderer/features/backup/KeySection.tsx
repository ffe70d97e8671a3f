/**
 * The office's key (issue 14): "Zmień klucz bazy" gives the database a new master key and seals it
 * again to every remaining account and the recovery code; "Nowy kod odzyskiwania" retires the old
 * code. Both say what a key change cannot undo — backups made before it still open with the
 * passwords of their day — and the key change offers to delete this office's older backups.
 */
import { Alert, Button, Checkbox, Code, Group, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api';
import { REKEY_WARNING } from '../../../shared/backup';
import { ConfirmDialog } from '../../components/ConfirmButton';
import { DateText } from '../../components/DateField';
import { FormError } from '../../components/FormError';
import { errorMessage } from '../../lib/errors';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { BACKUP_STATUS_KEY } from './backupQueries';

export function KeySection({ hasFolder }: { hasFolder: boolean }) {
  const queryClient = useQueryClient();
  const rekey = useChannelMutation('backup:rekey');
  const newCode = useChannelMutation('backup:newRecoveryCode');
  const [destroy, setDestroy] = useState(false);
  const [before, setBefore] = useState<string | null>(null);
  const [asking, setAsking] = useState<'rekey' | 'code' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const busy = rekey.isPending || newCode.isPending;

  const runRekey = async () => {
    setError(null);
    try {
      const result = await rekey.mutateAsync({ destroyBackupsBefore: destroy ? before : null });
      await queryClient.invalidateQueries({ queryKey: BACKUP_STATUS_KEY });
      notifications.show({
        color: 'green',
        title: 'Zmieniono klucz bazy',
        message:
          result.removedBackups.length > 0
            ? `Usunięto starsze kopie zapasowe: ${result.removedBackups.join(', ')}.`
            : `Baza ma nowy klucz (${(result.durationMs / 1000).toLocaleString('pl-PL', { maximumFractionDigits: 1 })} s).`,
      });
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const runNewCode = async () => {
    setError(null);
    try {
      setCode((await newCode.mutateAsync({})).recoveryCode);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <Stack gap="sm">
      <Text>
        Klucz bazy zmienia się sam, gdy wyłączasz konto lub ustawiasz komuś nowe hasło: dawne hasło tej osoby nie otworzy już bazy, nawet z kopią pliku
        kluczy. Możesz też zmienić klucz w każdej chwili, np. po zgubieniu nośnika.
      </Text>
      <Alert color="yellow" title="Czego zmiana klucza nie cofa">
        {REKEY_WARNING}
      </Alert>
      <Checkbox
        label="Usuń kopie zapasowe tego ośrodka wykonane przed dniem:"
        checked={destroy}
        onChange={(event) => setDestroy(event.currentTarget.checked)}
        disabled={!hasFolder || busy}
        description={hasFolder ? 'Tylko z folderu kopii zapasowych ośrodka; innych plików nie rusza.' : 'Najpierw wskaż folder kopii zapasowych.'}
      />
      {destroy ? <DateText label="Dzień" value={before} onChange={setBefore} maw={220} /> : null}
      {rekey.isPending ? <RekeyProgressBar /> : null}
      {newCode.isPending ? <KeyChangeNote value={null} /> : null}
      <FormError title="Nie zmieniono klucza" message={error ?? undefined} />
      <Group>
        <Button color="orange" onClick={() => setAsking('rekey')} disabled={busy || (destroy && !before)} loading={rekey.isPending}>
          Zmień klucz bazy
        </Button>
        <Button variant="light" onClick={() => setAsking('code')} disabled={busy} loading={newCode.isPending}>
          Nowy kod odzyskiwania
        </Button>
      </Group>
      {code ? (
        <Alert color="blue" title="Nowy kod odzyskiwania — pokazujemy go tylko raz">
          <Stack gap={4}>
            <Code fz="lg" aria-label="Nowy kod odzyskiwania">
              {code}
            </Code>
            <Text size="sm">Wydrukuj go lub zapisz i przechowuj w sejfie ośrodka. Poprzedni kod już nie działa (ale otwiera kopie zapasowe sprzed zmiany).</Text>
          </Stack>
        </Alert>
      ) : null}
      <ConfirmDialog
        opened={asking === 'rekey'}
        onClose={() => setAsking(null)}
        onConfirm={runRekey}
        color="orange"
        title="Zmienić klucz bazy?"
        message={
          <Stack gap="xs">
            <Text>Baza zostanie zaszyfrowana nowym kluczem. Hasła wszystkich aktywnych kont i kod odzyskiwania nadal działają.</Text>
            <Text size="sm">{REKEY_WARNING}</Text>
            {destroy && before ? <Text fw={600}>Kopie tego ośrodka wykonane przed wybranym dniem zostaną usunięte.</Text> : null}
          </Stack>
        }
        confirmLabel="Tak, zmień klucz"
      />
      <ConfirmDialog
        opened={asking === 'code'}
        onClose={() => setAsking(null)}
        onConfirm={runNewCode}
        color="orange"
        title="Utworzyć nowy kod odzyskiwania?"
        message="Obecny kod odzyskiwania przestanie otwierać bazę, a baza dostanie nowy klucz. Nowy kod zobaczysz tylko raz."
        confirmLabel="Tak, utwórz nowy kod"
      />
    </Stack>
  );
}

/** Polls the key change's measured progress (bytes copied and rewritten) while backup:rekey is pending. */
function RekeyProgressBar() {
  const progress = useQuery({
    queryKey: ['backup', 'rekeyProgress'],
    queryFn: () => call('backup:rekeyProgress', {}),
    refetchInterval: 250,
    refetchIntervalInBackground: true,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const value = progress.data ?? null;
  return <KeyChangeNote value={value && !value.done ? value.percent : null} />;
}

/** The bar: the percentage when measured, moving stripes until the first figure arrives. */
function KeyChangeNote({ value }: { value: number | null }) {
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Progress value={value ?? 100} animated={value === null} striped={value === null} aria-label="Trwa zmiana klucza" />
      <Text size="sm" c="dimmed">
        {value === null ? 'Trwa zmiana klucza' : `Trwa zmiana klucza: ${value} %`} — cała baza jest przepisywana (w dużym ośrodku do kilkudziesięciu sekund).
        Nie wyłączaj komputera; przerwanie nie uszkodzi danych.
      </Text>
    </Stack>
  );
}
