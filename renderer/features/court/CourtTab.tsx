/** "Sąd" in the case file: the court's letters about this family, their deadlines, the opinion and the export. */
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { CaseFileView } from '../../../shared/cases';
import { PAGE_SIZE_MAX } from '../../../shared/paging';
import { QueryState } from '../../components/QueryState';
import { useSession } from '../layout/session';
import { CourtActions } from './CourtActions';
import { CourtRequestModal } from './CourtRequestForm';
import { CourtRequestsTable } from './CourtRequestsTable';
import { useCourtRequests } from './courtQueries';

export function CourtTab({ file }: { file: CaseFileView }) {
  const { user } = useSession();
  // One family's letters: a handful, read in one page of the largest size (the rest, if ever, counted below).
  const requests = useCourtRequests(file.id, { pageSize: PAGE_SIZE_MAX });
  const rows = requests.data?.rows ?? [];
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} fz={20}>
          Pisma sądu
        </Title>
        <Button onClick={() => setAdding(true)}>Zarejestruj pismo sądu</Button>
      </Group>
      <Text size="sm" c="dimmed">
        Sąd rodzinny może poprosić o opinię o rodzinie (art. 15 ust. 1 pkt 17 ustawy o wspieraniu rodziny) albo o akta sprawy. Termin odpowiedzi jest na pulpicie asystenta, pracownika i kierownika.
      </Text>
      <QueryState isPending={requests.isPending} error={requests.error} onRetry={() => void requests.refetch()} />
      {requests.data && requests.data.total === 0 ? <Text c="dimmed">Sąd nie przysłał pism w tej sprawie.</Text> : null}
      {rows.length > 0 ? <CourtRequestsTable requests={rows} actions={(request) => <CourtActions request={request} user={user} fullAccess={file.access === 'full'} />} /> : null}
      {requests.data && requests.data.total > rows.length ? (
        <Text size="sm" c="dimmed">
          Pokazano {rows.length} z {requests.data.total} pism sądu w tej sprawie.
        </Text>
      ) : null}
      {adding ? <CourtRequestModal caseId={file.id} opened onClose={() => setAdding(false)} /> : null}
    </Stack>
  );
}
