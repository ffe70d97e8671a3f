/** "Sąd" in the case file: the court's letters about this family, their deadlines, the opinion and the export. */
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { CaseFileView } from '../../../shared/cases';
import { QueryState } from '../../components/QueryState';
import { useSession } from '../layout/session';
import { CourtActions } from './CourtActions';
import { CourtRequestModal } from './CourtRequestForm';
import { CourtRequestsTable } from './CourtRequestsTable';
import { useCourtRequests } from './courtQueries';

export function CourtTab({ file }: { file: CaseFileView }) {
  const { user } = useSession();
  const requests = useCourtRequests(file.id);
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
      {requests.data && requests.data.length === 0 ? <Text c="dimmed">Sąd nie przysłał pism w tej sprawie.</Text> : null}
      {requests.data && requests.data.length > 0 ? (
        <CourtRequestsTable requests={requests.data} actions={(request) => <CourtActions request={request} user={user} fullAccess={file.access === 'full'} />} />
      ) : null}
      {adding ? <CourtRequestModal caseId={file.id} opened onClose={() => setAdding(false)} /> : null}
    </Stack>
  );
}
