/** "Sądy": every court letter of the cases this user may open (the kierownik: the office), open ones first by deadline, a page at a time. */
import { SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { COURT_LIST_PAGE_SIZE_DEFAULT } from '../../../shared/court';
import { ListPager } from '../../components/ListPager';
import { QueryState } from '../../components/QueryState';
import { useNavigation } from '../layout/navigation';
import { useSession } from '../layout/session';
import { CourtActions } from './CourtActions';
import { CourtRequestsTable } from './CourtRequestsTable';
import { useCourtRequests } from './courtQueries';

export function CourtListPage() {
  const { user } = useSession();
  const { navigate } = useNavigation();
  const [show, setShow] = useState<'open' | 'all'>('open');
  const [page, setPage] = useState(1);
  const requests = useCourtRequests(null, { ...(show === 'open' ? { status: 'open' as const } : {}), page });
  const list = requests.data?.rows ?? [];
  const total = requests.data?.total ?? 0;
  return (
    <Stack gap="lg">
      <Title order={1} fz={26}>
        Pisma sądów
      </Title>
      <SegmentedControl
        value={show}
        onChange={(value) => {
          setShow(value === 'all' ? 'all' : 'open');
          setPage(1);
        }}
        data={[
          { value: 'open', label: 'Do odpowiedzi' },
          { value: 'all', label: 'Wszystkie' },
        ]}
        w={320}
      />
      <QueryState isPending={requests.isPending} error={requests.error} onRetry={() => void requests.refetch()} loadingLabel="Wczytywanie pism sądów…" />
      {requests.data && total === 0 ? <Text c="dimmed">{show === 'open' ? 'Nie ma pism sądów czekających na odpowiedź.' : 'Nie ma pism sądów.'}</Text> : null}
      {list.length > 0 ? (
        <CourtRequestsTable
          requests={list}
          onOpenCase={(request) => navigate({ view: 'case', caseId: request.caseId, tab: 'court' })}
          actions={(request) => <CourtActions request={request} user={user} fullAccess={user.roles.includes('head') || user.roles.includes('social_worker')} />}
        />
      ) : null}
      <ListPager label="Pisma" total={total} page={page} pageSize={COURT_LIST_PAGE_SIZE_DEFAULT} shown={list.length} onPage={setPage} />
    </Stack>
  );
}
