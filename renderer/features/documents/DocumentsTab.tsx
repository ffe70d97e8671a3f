/**
 * "Dokumenty" in the case file: the register of the case's printed documents (number, kind,
 * version, date, author), each opened in the system's PDF viewer or printed from it, and the
 * documents the user may issue from the case's records. Issuing renders the PDF in the main
 * process's worker (a long plan takes a while: "Przygotowuję dokument…"); unchanged data gives
 * back the document already issued, a change makes a new version.
 */
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CaseFileView } from '../../../shared/cases';
import type { DocumentEntryView } from '../../../shared/documents';
import { polishDate } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { QueryState } from '../../components/QueryState';
import { useFamilyWork } from '../family-work/workQueries';
import { useSession } from '../layout/session';
import { documentsKey, issuableDocuments, useCaseDocuments, type IssuableDocument } from './documentQueries';

type Notice = { color: 'green' | 'blue' | 'red'; text: string };

export function DocumentsTab({ file }: { file: CaseFileView }) {
  const { user } = useSession();
  const queryClient = useQueryClient();
  const documents = useCaseDocuments(file.id);
  const work = useFamilyWork(file.id);
  const issue = useChannelMutation('documents:issue');
  const open = useChannelMutation('documents:open');
  const print = useChannelMutation('documents:print');
  const [issuing, setIssuing] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const issuable = issuableDocuments(user, file, work.data);

  const onIssue = (item: IssuableDocument) => {
    setIssuing(`${item.kind}:${item.subjectId}`);
    setNotice(null);
    issue.mutate(
      { caseId: file.id, kind: item.kind, subjectId: item.subjectId },
      {
        onSuccess: async ({ document, reprint }) => {
          setNotice(
            reprint
              ? { color: 'blue', text: `Dane się nie zmieniły: to ten sam dokument nr ${document.number} (wersja ${document.version}). Możesz go otworzyć albo wydrukować ponownie.` }
              : { color: 'green', text: `Wydano dokument nr ${document.number}${document.version > 1 ? ` — wersja ${document.version}, bo dane zmieniły się od poprzedniego wydruku` : ''}.` },
          );
          await queryClient.invalidateQueries({ queryKey: documentsKey(file.id) });
        },
        onError: (error) => setNotice({ color: 'red', text: errorMessage(error) }),
        onSettled: () => setIssuing(null),
      },
    );
  };

  const show = (mode: 'open' | 'print', document: DocumentEntryView) => {
    setNotice(null);
    (mode === 'open' ? open : print).mutate(
      { documentId: document.id },
      {
        onSuccess: () =>
          setNotice({
            color: 'blue',
            text:
              mode === 'open'
                ? `Dokument nr ${document.number} otwarto w przeglądarce plików PDF.`
                : `Dokument nr ${document.number} otwarto w przeglądarce plików PDF: wybierz w niej „Drukuj” (Ctrl+P).`,
          }),
        onError: (error) => setNotice({ color: 'red', text: errorMessage(error) }),
      },
    );
  };

  return (
    <Stack gap="lg">
      {notice ? (
        <Alert color={notice.color} role={notice.color === 'red' ? 'alert' : 'status'} withCloseButton onClose={() => setNotice(null)}>
          {notice.text}
        </Alert>
      ) : null}

      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="documents-issue-title">
        <Stack gap="sm">
          <Title order={2} fz="lg" id="documents-issue-title">
            Wydaj dokument
          </Title>
          {work.isPending && file.requests.length === 0 ? <Loader size="sm" aria-label="Wczytywanie" /> : null}
          {issuable.length === 0 ? (
            <Text c="dimmed">W tej sprawie nie ma jeszcze dokumentów, które możesz wydać.</Text>
          ) : (
            issuable.map((item) => {
              const key = `${item.kind}:${item.subjectId}`;
              const busy = issuing === key;
              return (
                <Group key={key} justify="space-between" wrap="nowrap" gap="md">
                  <Text>{item.label}</Text>
                  <Button variant="light" onClick={() => onIssue(item)} loading={busy} disabled={issuing !== null && !busy} aria-label={`Wydaj: ${item.label}`}>
                    Wydaj dokument
                  </Button>
                </Group>
              );
            })
          )}
          {issuing !== null ? (
            <Group gap="xs" role="status">
              <Loader size="xs" />
              <Text size="sm">Przygotowuję dokument…</Text>
            </Group>
          ) : null}
        </Stack>
      </Paper>

      <Stack gap="sm" component="section" aria-labelledby="documents-register-title">
        <Title order={2} fz="lg" id="documents-register-title">
          Rejestr dokumentów sprawy
        </Title>
        <QueryState isPending={documents.isPending} error={documents.error} onRetry={() => void documents.refetch()} loadingLabel="Wczytywanie dokumentów…" />
        {documents.data && documents.data.length === 0 ? <Text c="dimmed">W tej sprawie nie wydano jeszcze żadnego dokumentu.</Text> : null}
        {documents.data && documents.data.length > 0 ? (
          <Table striped highlightOnHover verticalSpacing="sm" aria-label="Dokumenty sprawy">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Numer</Table.Th>
                <Table.Th>Dokument</Table.Th>
                <Table.Th>Wersja</Table.Th>
                <Table.Th>Data</Table.Th>
                <Table.Th>Wydał(a)</Table.Th>
                <Table.Th>Strony</Table.Th>
                <Table.Th aria-label="Działania" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {documents.data.map((document) => (
                <Table.Tr key={document.id}>
                  <Table.Td>
                    <Text fw={600}>{document.number}</Text>
                  </Table.Td>
                  <Table.Td>{document.kindLabel}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text>{document.version}</Text>
                      {document.latest ? null : (
                        <Badge color="gray" variant="light" title="Dane zmieniły się; obowiązuje nowsza wersja">
                          zastąpiona
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text>{polishDate(document.issuedOn)}</Text>
                    <Text size="xs" c="dimmed" title={`SHA-256: ${document.sha256}`}>
                      wydano {formatDateTime(document.issuedAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{document.issuedByName}</Table.Td>
                  <Table.Td>{document.pages}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap" justify="flex-end">
                      <Button size="xs" variant="light" onClick={() => show('open', document)} aria-label={`Otwórz dokument ${document.number}`}>
                        Otwórz
                      </Button>
                      <Button size="xs" variant="default" onClick={() => show('print', document)} aria-label={`Drukuj dokument ${document.number}`}>
                        Drukuj
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </Stack>
  );
}
