/**
 * Backups for the kierownik (issue 9): one button makes a backup now and shows what was written
 * (file, size, SHA-256); the folder is chosen with the system's own folder picker (a USB stick, a
 * network share); how many copies are kept and how often the scheduled backup runs are settings.
 * Restoring is done from the login screen ("Przywróć z kopii zapasowej"), signed out.
 * On the office server (issue 18) this PC holds no database: the page says how backups are made
 * and restored on the server PC instead of offering local actions.
 */
import { Alert, Button, Code, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { BackupResult, BackupStatus } from '../../../shared/backup';
import type { ServerAddress, Settings } from '../../../shared/ipc';
import { settingsSchema } from '../../../shared/schemas';
import { count } from '../../../shared/text';
import { call } from '../../api';
import { FormError } from '../../components/FormError';
import { NumberField } from '../../components/NumberField';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { applyApiError } from '../../lib/forms';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { useSession } from '../layout/session';
import { BACKUP_STATUS_KEY, formatBytes, groupedHash } from './backupQueries';
import { PageSection } from '../../components/PageSection';
import { KeySection } from './KeySection';

export function BackupPage() {
  const { server } = useSession();
  return server ? <ServerBackupPage server={server} /> : <LocalBackupPage />;
}

/** Server mode: backups are the server PC's (`npm run server -- backup`), not this PC's. */
function ServerBackupPage({ server }: { server: ServerAddress }) {
  return (
    <Stack gap="lg" maw={900}>
      <PageHeader
        title="Kopie zapasowe"
        description={`Dane ośrodka są na serwerze biura (${server.host}:${server.port}), nie na tym komputerze. Kopie zapasowe robi się i przywraca na komputerze z serwerem.`}
      />
      <PageSection title="Kopia zapasowa na serwerze">
        <Text>
          Na komputerze z serwerem biura osoba, która się nim opiekuje, wpisuje w folderze programu polecenie i podaje hasło kopii
          (co najmniej 12 znaków; bez niego kopii nie da się odczytać):
        </Text>
        <Code block>npm run server -- backup --dir FOLDER_SERWERA --out FOLDER_KOPII</Code>
        <Text>
          Kopia jest zaszyfrowana i sprawdzana zaraz po zapisaniu. Najlepiej zapisywać ją na dysk zewnętrzny i ustawić w systemie
          zadanie, które robi ją codziennie.
        </Text>
      </PageSection>
      <PageSection title="Przywracanie i stan serwera">
        <Text>Przywracanie (obecna baza zostaje zachowana pod inną nazwą):</Text>
        <Code block>npm run server -- restore --dir FOLDER_SERWERA --from PLIK_KOPII</Code>
        <Text>Stan serwera, kod parowania dla kolejnych komputerów i to, czy folder danych jest na zaszyfrowanym dysku:</Text>
        <Code block>npm run server -- status --dir FOLDER_SERWERA</Code>
      </PageSection>
    </Stack>
  );
}

function LocalBackupPage() {
  const { settings } = useSession();
  const status = useQuery({ queryKey: BACKUP_STATUS_KEY, queryFn: () => call('backup:status', {}) });

  return (
    <Stack gap="lg" maw={900}>
      <PageHeader
        title="Kopie zapasowe"
        description="Kopia jest zaszyfrowana kluczem ośrodka: zgubiony pendrive nie ujawnia danych. Przywrócić ją można na ekranie logowania obecnym hasłem kierownika albo obecnym kodem odzyskiwania ośrodka."
      />
      <QueryState isPending={status.isPending} error={status.error} onRetry={() => void status.refetch()} />
      {status.data ? (
        <>
          <LastBackup status={status.data} />
          <RunBackup status={status.data} />
          <PageSection title="Folder kopii zapasowych">
            <FolderPicker folder={status.data.folder} />
          </PageSection>
          {settings ? (
            <PageSection title="Harmonogram i liczba kopii">
              <ScheduleForm settings={settings} />
            </PageSection>
          ) : null}
          <PageSection title="Klucz bazy i kod odzyskiwania">
            <KeySection hasFolder={status.data.folder !== null} />
          </PageSection>
        </>
      ) : null}
    </Stack>
  );
}

function LastBackup({ status }: { status: BackupStatus }) {
  return (
    <PageSection title="Ostatnia kopia zapasowa">
      {status.warning ? (
        <Alert color="orange" title="Kopia zapasowa jest nieaktualna">
          {status.message}
        </Alert>
      ) : null}
      {status.lastBackupAt ? (
        <Table variant="vertical" layout="fixed" withTableBorder>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={200}>Wykonana</Table.Th>
              <Table.Td>{formatDateTime(status.lastBackupAt)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Plik</Table.Th>
              <Table.Td>{status.lastFileName}</Table.Td>
            </Table.Tr>
            {status.lastSize !== null ? (
              <Table.Tr>
                <Table.Th>Rozmiar</Table.Th>
                <Table.Td>{formatBytes(status.lastSize)}</Table.Td>
              </Table.Tr>
            ) : null}
            {status.lastSha256 ? (
              <Table.Tr>
                <Table.Th>Suma SHA-256</Table.Th>
                <Table.Td>
                  <Code fz="sm">{groupedHash(status.lastSha256)}</Code>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      ) : (
        <Text>Nie wykonano jeszcze żadnej kopii zapasowej.</Text>
      )}
      {status.nextDueAt ? (
        <Text c="dimmed">
          Następna kopia automatyczna: {formatDateTime(status.nextDueAt)} (lub przy najbliższym logowaniu, jeśli program był wtedy wyłączony).
        </Text>
      ) : null}
    </PageSection>
  );
}

function RunBackup({ status }: { status: BackupStatus }) {
  const queryClient = useQueryClient();
  const run = useChannelMutation('backup:run');
  const [result, setResult] = useState<BackupResult | null>(null);

  const start = async () => {
    setResult(null);
    try {
      const made = await run.mutateAsync({});
      setResult(made);
      notifications.show({ color: 'green', title: 'Kopia zapasowa gotowa', message: `Zapisano plik ${made.fileName}.` });
    } catch {
      // Shown below the button.
    } finally {
      void queryClient.invalidateQueries({ queryKey: BACKUP_STATUS_KEY });
    }
  };

  return (
    <PageSection title="Kopia teraz">
      <Text>
        Kopia trafi do folderu{' '}
        {status.folder ? (
          <Text span fw={600}>
            {status.folder}
          </Text>
        ) : (
          'kopii zapasowych — najpierw go wybierz poniżej'
        )}
        . Program sprawdza zapisany plik, zanim uzna kopię za wykonaną.
      </Text>
      <Group>
        <Button size="md" onClick={() => void start()} loading={run.isPending} disabled={!status.folder}>
          Zrób kopię teraz
        </Button>
      </Group>
      {run.error ? <FormError title="Nie wykonano kopii zapasowej" message={errorMessage(run.error)} /> : null}
      {result ? (
        <Alert color="green" title="Kopia zapasowa wykonana i sprawdzona" role="status">
          <Stack gap={4}>
            <Text>
              Plik: <b>{result.fileName}</b>
            </Text>
            <Text>Folder: {result.folder}</Text>
            <Text>Rozmiar: {formatBytes(result.size)}</Text>
            <Text>
              Suma SHA-256: <Code fz="sm">{groupedHash(result.sha256)}</Code>
            </Text>
            {result.removed.length > 0 ? (
              <Text>Usunięto {count(result.removed.length, 'starszą kopię', 'starsze kopie', 'starszych kopii')}, zgodnie z ustawioną liczbą przechowywanych kopii.</Text>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
    </PageSection>
  );
}

function FolderPicker({ folder }: { folder: string | null }) {
  const queryClient = useQueryClient();
  const update = useChannelMutation('settings:update');
  const [error, setError] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);

  const pick = async () => {
    setError(null);
    setPicking(true);
    try {
      const chosen = await call('dialog:pickFolder', { purpose: 'backup' });
      if (chosen === null) return;
      await update.mutateAsync({ backupDir: chosen });
      void queryClient.invalidateQueries({ queryKey: BACKUP_STATUS_KEY });
      notifications.show({ color: 'green', title: 'Zapisano folder kopii zapasowych', message: chosen });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPicking(false);
    }
  };

  return (
    <Stack gap="sm">
      <Text>
        {folder ? (
          <>
            Kopie zapisywane są w folderze: <b>{folder}</b>
          </>
        ) : (
          'Nie wybrano jeszcze folderu. Najlepiej wskazać pendrive lub dysk sieciowy — kopia na tym samym dysku nie chroni przed jego awarią.'
        )}
      </Text>
      <Group>
        <Button variant="light" onClick={() => void pick()} loading={picking}>
          {folder ? 'Zmień folder…' : 'Wybierz folder…'}
        </Button>
      </Group>
      <FormError title="Nie zmieniono folderu" message={error ?? undefined} />
    </Stack>
  );
}

const scheduleSchema = settingsSchema.pick({ backupKeep: true, backupEveryHours: true });
type ScheduleInput = z.input<typeof scheduleSchema>;
type ScheduleOutput = z.output<typeof scheduleSchema>;

function ScheduleForm({ settings }: { settings: Settings }) {
  const queryClient = useQueryClient();
  const form = useForm<ScheduleInput, unknown, ScheduleOutput>({
    resolver: zodResolver(scheduleSchema),
    defaultValues: { backupKeep: settings.backupKeep, backupEveryHours: settings.backupEveryHours },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const update = useChannelMutation('settings:update');

  const submit = form.handleSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync(values);
      form.reset({ backupKeep: saved.backupKeep, backupEveryHours: saved.backupEveryHours });
      void queryClient.invalidateQueries({ queryKey: BACKUP_STATUS_KEY });
      notifications.show({ color: 'green', title: 'Zapisano ustawienia kopii zapasowych', message: `Przechowywanych kopii: ${saved.backupKeep}.` });
    } catch (error) {
      applyApiError(error, form.setError, ['backupKeep', 'backupEveryHours']);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NumberField
            control={form.control}
            name="backupKeep"
            label="Liczba przechowywanych kopii"
            description="Starsze kopie tego ośrodka są usuwane z folderu po wykonaniu nowej (od 1 do 100)."
            min={1}
            max={100}
          />
          <NumberField
            control={form.control}
            name="backupEveryHours"
            label="Kopia automatyczna co (godziny)"
            description="24 = raz dziennie. Wykonywana, gdy ktoś jest zalogowany, także zaraz po zalogowaniu."
            min={1}
            max={720}
          />
        </SimpleGrid>
        <FormError message={errors.root?.server?.message} title="Nie zapisano ustawień kopii" />
        <Group>
          <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
            Zapisz ustawienia kopii
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
