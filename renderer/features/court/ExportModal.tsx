/**
 * "Akta dla sądu": the parts the court asked for, the folder (the system's folder picker), then
 * one PDF bundle and a ZIP with a SHA-256 manifest. While the main process prepares the files the
 * dialog polls court:exportProgress and shows a progress bar with the step ("Przygotowuję:
 * Chronologia sprawy"); the result lists the files and their SHA-256.
 */
import { Alert, Button, Checkbox, Code, Group, Loader, Modal, Progress, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EXPORT_PART_LABELS, EXPORT_PARTS, type CourtRequestView, type ExportPart, type ExportResult } from '../../../shared/court';
import { call } from '../../api';
import { errorMessage } from '../../lib/errors';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { refreshCases } from '../cases/caseQueries';

export function ExportModal({ request, opened, onClose }: { request: CourtRequestView; opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const pick = useChannelMutation('dialog:pickFolder');
  const run = useChannelMutation('court:export');
  const [parts, setParts] = useState<ExportPart[]>([...EXPORT_PARTS]);
  const [folder, setFolder] = useState<string | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const choose = () => {
    setProblem(null);
    pick.mutate(
      { purpose: 'export' },
      {
        onSuccess: (path) => {
          if (path !== null) setFolder(path);
        },
        onError: (error) => setProblem(errorMessage(error)),
      },
    );
  };

  const start = () => {
    if (folder === null) return;
    setProblem(null);
    setResult(null);
    run.mutate(
      { requestId: request.id, parts, folder },
      {
        onSuccess: async (value) => {
          setResult(value);
          await refreshCases(queryClient);
        },
        onError: (error) => setProblem(errorMessage(error)),
      },
    );
  };

  return (
    <Modal opened={opened} onClose={run.isPending ? () => undefined : onClose} title={`Akta dla sądu — sygn. akt ${request.caseReference}`} size="xl" closeOnClickOutside={!run.isPending}>
      <Stack gap="md">
        <Text size="sm">
          Zaznacz części akt, o które prosi sąd. Program zapisze jeden plik PDF (okładka, spis treści, wybrane części, numeracja stron) i archiwum ZIP z osobnymi plikami oraz sumami kontrolnymi SHA-256, aby sąd mógł sprawdzić, że niczego nie zmieniono.
        </Text>
        <Checkbox.Group label="Części akt" value={parts} onChange={(value) => setParts(EXPORT_PARTS.filter((p) => value.includes(p)))} withAsterisk>
          <Stack gap={6} mt="xs">
            {EXPORT_PARTS.map((part) => (
              <Checkbox key={part} value={part} label={EXPORT_PART_LABELS[part]} disabled={run.isPending} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group gap="sm" align="center">
          <Button variant="default" onClick={choose} loading={pick.isPending} disabled={run.isPending}>
            Wybierz folder…
          </Button>
          <Text size="sm" c={folder ? undefined : 'dimmed'} aria-label="Wybrany folder">
            {folder ?? 'Nie wybrano folderu (np. pendrive)'}
          </Text>
        </Group>
        {problem ? (
          <Alert color="red" role="alert" title="Nie zapisano akt">
            {problem}
          </Alert>
        ) : null}
        {run.isPending ? <ExportProgress requestId={request.id} /> : null}
        {result ? <ExportSummary result={result} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={run.isPending}>
            {result ? 'Zamknij' : 'Anuluj'}
          </Button>
          <Button onClick={start} disabled={folder === null || parts.length === 0 || run.isPending} loading={run.isPending}>
            Zapisz akta
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Polls the running export's step every 250 ms while it is mounted (only while court:export is pending). */
function ExportProgress({ requestId }: { requestId: string }) {
  const progress = useQuery({
    queryKey: ['court', 'exportProgress', requestId],
    queryFn: () => call('court:exportProgress', { requestId }),
    refetchInterval: 250,
    refetchIntervalInBackground: true,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const value = progress.data ?? null;
  const percent = value ? Math.round((100 * value.done) / value.total) : 0;
  return (
    <Stack gap={6} role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="xs" />
        <Text size="sm">{value ? `Krok ${value.step} z ${value.total}: ${value.label}` : 'Przygotowuję akta…'}</Text>
      </Group>
      <Progress value={percent} animated striped size="lg" aria-label="Postęp zapisywania akt" />
      <Text size="xs" c="dimmed">
        To może potrwać kilka sekund przy wielu dokumentach. Nie zamykaj programu i nie odłączaj nośnika.
      </Text>
    </Stack>
  );
}

function ExportSummary({ result }: { result: ExportResult }) {
  return (
    <Alert color="green" role="status" title="Zapisano akta dla sądu">
      <Stack gap="xs">
        <Text size="sm">
          W folderze {result.folder}: <b>{result.bundle.name}</b> ({result.bundle.pages} stron) i <b>{result.zip.name}</b>. Czas: {(result.ms / 1000).toFixed(1)} s.
        </Text>
        <Text size="sm">
          Zapisanie akt niczego jeszcze nie wysyła: gdy akta trafią do sądu, oznacz pismo przyciskiem „Odpowiedź wysłana” z datą wysłania.
        </Text>
        <Table withTableBorder fz="xs" aria-label="Pliki i sumy SHA-256">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Plik</Table.Th>
              <Table.Th>SHA-256</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[result.bundle, result.zip, ...result.files].map((file) => (
              <Table.Tr key={file.name}>
                <Table.Td>{file.name}</Table.Td>
                <Table.Td>
                  <Code fz="xs">{file.sha256}</Code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Alert>
  );
}
