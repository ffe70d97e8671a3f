/**
 * The register of one programme's referrals (FEPŻ by sub-programme, or the social shop): search,
 * status, open and print the PDF, cancel with a reason, and the partner organisation's list as CSV
 * or XLSX (minimal data; the export is audited by the main process). An assistant sees only her
 * families' referrals and neither cancels nor exports.
 */
import { Alert, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { can } from '../../../shared/domain/roles';
import type { ReferralProgramme } from '../../../shared/domain/foodAid';
import { formatZl } from '../../../shared/domain/income';
import { REFERRAL_LIST_PAGE_SIZE_DEFAULT, REFERRAL_LIST_SORTS, REFERRAL_STATUS_LABELS, type ReferralConfigView, type ReferralListSort, type ReferralStatus, type ReferralView } from '../../../shared/referrals';
import { call } from '../../api';
import { ListPager } from '../../components/ListPager';
import { QueryState } from '../../components/QueryState';
import { polishDate } from '../../lib/dates';
import { downloadBase64 } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { useSession } from '../layout/session';
import { SEARCH_DEBOUNCE_MS } from '../search/CaseSearch';

const MIME = { csv: 'text/csv;charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

const SORT_OPTIONS: { value: `${ReferralListSort}:${'asc' | 'desc'}`; label: string }[] = [
  { value: 'issuedOn:desc', label: 'Najnowsze' },
  { value: 'issuedOn:asc', label: 'Najstarsze' },
  { value: 'personName:asc', label: 'Nazwisko A–Ż' },
  { value: 'personName:desc', label: 'Nazwisko Ż–A' },
  { value: 'validUntil:asc', label: 'Ważne do: najwcześniej' },
  { value: 'number:asc', label: 'Numer' },
];

interface RegisterState {
  subprogrammeId: string | null;
  status: ReferralStatus | null;
  query: string;
  sort: ReferralListSort;
  direction: 'asc' | 'desc';
  page: number;
}

/** Each programme's register as the user left it: coming back shows the same filters and page (kept in memory only, as the case list does). */
const remembered = new Map<ReferralProgramme, RegisterState>();

function parseSort(value: string | null): Pick<RegisterState, 'sort' | 'direction'> | null {
  const [sort, direction] = (value ?? '').split(':');
  const known = REFERRAL_LIST_SORTS.find((s) => s === sort);
  return known && (direction === 'asc' || direction === 'desc') ? { sort: known, direction } : null;
}

export function RegisterTab({ programme, config }: { programme: ReferralProgramme; config: ReferralConfigView }) {
  const { user } = useSession();
  const issues = can(user.roles, 'referrals.issue');
  const [state, setState] = useState<RegisterState>(
    () => remembered.get(programme) ?? { subprogrammeId: programme === 'fepz' ? (config.subprogrammes[0]?.id ?? null) : null, status: null, query: '', sort: 'issuedOn', direction: 'desc', page: 1 },
  );
  const update = (change: Partial<RegisterState>) =>
    setState((current) => {
      // Any change of the filters or the order starts again at page 1.
      const next = { ...current, page: 1, ...change };
      remembered.set(programme, next);
      return next;
    });
  const { subprogrammeId, status } = state;
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ color: string; text: string } | null>(null);
  const [cancelling, setCancelling] = useState<ReferralView | null>(null);
  const [reason, setReason] = useState('');
  const queryClient = useQueryClient();
  const [query] = useDebouncedValue(state.query.trim(), SEARCH_DEBOUNCE_MS);
  const filter = { programme, ...(subprogrammeId ? { subprogrammeId } : {}), ...(status ? { status } : {}), query, sort: state.sort, direction: state.direction, page: state.page, pageSize: REFERRAL_LIST_PAGE_SIZE_DEFAULT };
  const list = useQuery({ queryKey: ['referrals:list', filter], queryFn: () => call('referrals:list', filter), placeholderData: keepPreviousData });
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  const open = useChannelMutation('documents:open');
  const print = useChannelMutation('documents:print');
  const cancel = useChannelMutation('referrals:cancel');
  const exportList = useChannelMutation('referrals:exportList');
  const name = programme === 'fepz' ? 'Skierowania FEPŻ' : 'Skierowania do sklepu socjalnego';

  const show = (mode: 'open' | 'print', r: ReferralView) =>
    (mode === 'open' ? open : print).mutate(
      { documentId: r.documentId },
      {
        onSuccess: () => setNotice({ color: 'blue', text: mode === 'open' ? `Skierowanie nr ${r.number} otwarto w przeglądarce plików PDF.` : `Skierowanie nr ${r.number} otwarto w przeglądarce plików PDF: wybierz w niej „Drukuj” (Ctrl+P).` }),
        onError: (e) => setNotice({ color: 'red', text: errorMessage(e) }),
      },
    );

  const download = (format: 'csv' | 'xlsx') =>
    exportList.mutate(
      { programme, format, ...(subprogrammeId ? { subprogrammeId } : {}), ...(partnerId ? { partnerId } : {}) },
      {
        onSuccess: (file) => {
          downloadBase64(file.fileName, file.bytes, MIME[format]);
          setNotice({ color: 'green', text: `Zapisano listę ${file.fileName} (${file.rows} skierowań).` });
        },
        onError: (e) => setNotice({ color: 'red', text: errorMessage(e) }),
      },
    );

  const confirmCancel = () => {
    if (!cancelling) return;
    cancel.mutate(
      { id: cancelling.id, reason },
      {
        onSuccess: (r) => {
          setNotice({ color: 'green', text: `Anulowano skierowanie nr ${r.number}.` });
          setCancelling(null);
          setReason('');
          void queryClient.invalidateQueries({ queryKey: ['referrals:list'] });
        },
        onError: (e) => setNotice({ color: 'red', text: errorMessage(e) }),
      },
    );
  };

  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        {programme === 'fepz' ? (
          <Select label="Podprogram" data={config.subprogrammes.map((s) => ({ value: s.id, label: s.name }))} value={subprogrammeId} onChange={(value) => update({ subprogrammeId: value })} clearable placeholder="Wszystkie" w={220} />
        ) : null}
        <Select
          label="Stan"
          data={(['issued', 'cancelled'] as const).map((s) => ({ value: s, label: REFERRAL_STATUS_LABELS[s] }))}
          value={status}
          onChange={(value) => update({ status: value === 'issued' || value === 'cancelled' ? value : null })}
          clearable
          placeholder="Wszystkie"
          w={180}
        />
        <TextInput label="Szukaj" placeholder="nazwisko, numer, PESEL" value={state.query} onChange={(e) => update({ query: e.currentTarget.value })} w={260} />
        <Select
          label="Kolejność"
          data={SORT_OPTIONS}
          value={`${state.sort}:${state.direction}`}
          onChange={(value) => {
            const sort = parseSort(value);
            if (sort) update(sort);
          }}
          allowDeselect={false}
          w={200}
        />
      </Group>
      {issues ? (
        <Group gap="md" align="flex-end" wrap="wrap">
          {programme === 'fepz' ? (
            <Select label="Lista dla organizacji" data={config.partners.map((p) => ({ value: p.id, label: p.name }))} value={partnerId} onChange={setPartnerId} clearable placeholder="Wszystkie organizacje" w={300} />
          ) : null}
          <Button variant="light" onClick={() => download('xlsx')} loading={exportList.isPending}>
            Lista dla partnera (XLSX)
          </Button>
          <Button variant="light" onClick={() => download('csv')} loading={exportList.isPending}>
            Lista dla partnera (CSV)
          </Button>
        </Group>
      ) : null}
      {notice ? (
        <Alert color={notice.color} withCloseButton onClose={() => setNotice(null)}>
          {notice.text}
        </Alert>
      ) : null}
      <QueryState isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} loadingLabel="Wczytywanie skierowań…" />
      {list.data && total === 0 ? <Text c="dimmed">Nie ma skierowań spełniających warunki.</Text> : null}
      {rows.length > 0 ? (
        <Table striped highlightOnHover aria-label={name}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Nr</Table.Th>
              <Table.Th>Osoba</Table.Th>
              <Table.Th>Osób</Table.Th>
              <Table.Th>Dochód na osobę</Table.Th>
              <Table.Th>{programme === 'fepz' ? 'Punkt wydawania' : 'Wydano'}</Table.Th>
              <Table.Th>Ważne do</Table.Th>
              <Table.Th>Stan</Table.Th>
              <Table.Th>Działania</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.number}</Table.Td>
                <Table.Td>
                  {r.personName}
                  {r.duplicateReason ? <Text fz="xs" c="dimmed">Kolejne: {r.duplicateReason}</Text> : null}
                </Table.Td>
                <Table.Td>{r.householdSize}</Table.Td>
                <Table.Td>{formatZl(r.perPersonGr)}</Table.Td>
                <Table.Td>{programme === 'fepz' ? (r.pointName ?? '—') : `${polishDate(r.issuedOn)}, ${r.issuedByName}`}</Table.Td>
                <Table.Td>{polishDate(r.validUntil)}</Table.Td>
                <Table.Td>
                  <Text fz="sm" fw={600} c={r.status === 'cancelled' ? 'gray.7' : r.valid ? 'green.8' : 'yellow.9'} style={{ whiteSpace: 'nowrap' }}>
                    {r.status === 'cancelled' ? 'Anulowane' : r.valid ? 'Ważne' : 'Wygasłe'}
                  </Text>
                  {r.cancelReason ? <Text fz="xs">{r.cancelReason}</Text> : null}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="xs" variant="subtle" onClick={() => show('open', r)} aria-label={`Otwórz skierowanie nr ${r.number}`}>
                      Otwórz
                    </Button>
                    <Button size="xs" variant="subtle" onClick={() => show('print', r)} aria-label={`Drukuj skierowanie nr ${r.number}`}>
                      Drukuj
                    </Button>
                    {issues && r.status === 'issued' ? (
                      <Button size="xs" variant="subtle" color="red" onClick={() => setCancelling(r)} aria-label={`Anuluj skierowanie nr ${r.number}`}>
                        Anuluj
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <ListPager label="Skierowania" total={total} page={state.page} pageSize={REFERRAL_LIST_PAGE_SIZE_DEFAULT} shown={rows.length} onPage={(page) => setState((current) => { const next = { ...current, page }; remembered.set(programme, next); return next; })} />
      <Modal opened={cancelling !== null} onClose={() => setCancelling(null)} title={`Anulowanie skierowania nr ${cancelling?.number ?? ''}`}>
        <Stack gap="sm">
          <Textarea label="Powód anulowania" value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCancelling(null)}>
              Wróć
            </Button>
            <Button color="red" onClick={confirmCancel} disabled={reason.trim() === ''} loading={cancel.isPending}>
              Anuluj skierowanie
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
