import { Alert, Button, Checkbox, Group, Modal, NativeSelect, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { CaseFileView } from '../../../shared/cases';
import { STATUTORY_CASELOAD_CAP } from '../../../shared/domain/caseFlow';
import { can } from '../../../shared/domain/roles';
import type { StaffPeriodView } from '../../../shared/records';
import { ApiError, call } from '../../api';
import { DateField } from '../../components/DateField';
import { FormError } from '../../components/FormError';
import { polishDate, todayIso } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { useUsers } from '../admin/users/usersQuery';
import { useCaseloads } from '../assignment/requestQueries';
import { useIssueAndPrint } from '../documents/useIssueAndPrint';
import { refreshCases } from '../cases/caseQueries';
import { useSession } from '../layout/session';

type Role = 'worker' | 'assistant';
const ROLE_TITLES: Record<Role, string> = { worker: 'Zmień pracownika socjalnego', assistant: 'Zmień asystenta rodziny' };

const staffKey = (caseId: string) => ['cases', caseId, 'staff'] as const;

/** Who led the case and when; the kierownik hands it to another worker or assistant. */
export function StaffSection({ file }: { file: CaseFileView }) {
  const { user } = useSession();
  const history = useQuery({ queryKey: staffKey(file.id), queryFn: () => call('cases:staffHistory', { caseId: file.id }) });
  const [changing, setChanging] = useState<Role | null>(null);
  const isHead = can(user.roles, 'requests.decide');
  const open = file.status !== 'CLOSED' && file.status !== 'ARCHIVED';
  const letters = useIssueAndPrint(file.id);
  const periods = (rows: readonly StaffPeriodView[], role: string) =>
    rows.map((p) => (
      <Table.Tr key={`${role}-${p.userId}-${p.fromOn}`}>
        <Table.Td>{role}</Table.Td>
        <Table.Td fw={600}>{p.name}</Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          {polishDate(p.fromOn)} – {p.toOn ? polishDate(p.toOn) : 'nadal'}
        </Table.Td>
        <Table.Td>{p.endReason ?? (p.reason || '—')}</Table.Td>
        <Table.Td>
          {isHead && p.startedByChange && p.id !== null ? (
            <Button
              size="compact-sm"
              variant="light"
              loading={letters.busy === `staff-change-letter:${p.id}`}
              disabled={letters.busy !== null}
              onClick={() => void letters.print('staff-change-letter', p.id ?? '')}
              aria-label={`Drukuj pismo do rodziny o zmianie: ${p.name} od ${polishDate(p.fromOn)}`}
            >
              Pismo do rodziny
            </Button>
          ) : null}
        </Table.Td>
      </Table.Tr>
    ));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Osoby prowadzące sprawę">
      <Stack gap="sm">
        <Title order={3} fz={16}>
          Osoby prowadzące sprawę
        </Title>
        {letters.notice ? (
          <Alert color={letters.notice.color} role={letters.notice.color === 'red' ? 'alert' : 'status'} withCloseButton onClose={letters.clearNotice}>
            {letters.notice.text}
          </Alert>
        ) : null}
        {history.data ? (
          <Table verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Rola</Table.Th>
                <Table.Th>Osoba</Table.Th>
                <Table.Th>Okres</Table.Th>
                <Table.Th>Przyczyna zmiany</Table.Th>
                <Table.Th aria-label="Pismo do rodziny" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {periods(history.data.workers, 'Pracownik socjalny')}
              {periods(history.data.assistants, 'Asystent rodziny')}
            </Table.Tbody>
          </Table>
        ) : null}
        {isHead && open ? (
          <Group gap="sm">
            <Button variant="default" onClick={() => setChanging('worker')}>
              {ROLE_TITLES.worker}
            </Button>
            {file.assistant ? (
              <Button variant="default" onClick={() => setChanging('assistant')}>
                {ROLE_TITLES.assistant}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
      <Modal opened={changing !== null} onClose={() => setChanging(null)} title={changing ? ROLE_TITLES[changing] : ''} size="lg">
        {changing ? <StaffChangeForm file={file} role={changing} onDone={() => setChanging(null)} /> : null}
      </Modal>
    </Paper>
  );
}

interface StaffValues {
  userId: string;
  effectiveOn: string;
  reason: string;
  reasonInLetter: boolean;
}

function StaffChangeForm({ file, role, onDone }: { file: CaseFileView; role: Role; onDone: () => void }) {
  const queryClient = useQueryClient();
  const users = useUsers(role === 'worker');
  const caseloads = useCaseloads(role === 'assistant');
  const change = useChannelMutation('cases:changeStaff');
  const form = useForm<StaffValues>({ defaultValues: { userId: '', effectiveOn: todayIso(), reason: '', reasonInLetter: false } });
  const { errors, isSubmitting } = form.formState;
  const currentId = role === 'worker' ? file.worker.id : file.assistant?.id;
  const options =
    role === 'worker'
      ? (users.data ?? []).filter((u) => u.active && u.roles.includes('social_worker') && u.id !== currentId).map((u) => ({ value: u.id, label: `${u.firstName} ${u.lastName}` }))
      : (caseloads.data ?? []).filter((c) => c.assistantId !== currentId).map((c) => ({ value: c.assistantId, label: `${c.name} (${c.families} / ${Math.min(c.limit, STATUTORY_CASELOAD_CAP)} rodzin)` }));

  const submit = form.handleSubmit(async (values) => {
    try {
      await change.mutateAsync({ caseId: file.id, role, ...values });
      await refreshCases(queryClient);
      await queryClient.invalidateQueries({ queryKey: staffKey(file.id) });
      notifications.show({ color: 'green', title: 'Zapisano zmianę', message: 'Zmiana jest w historii sprawy i w chronologii. Pismo do rodziny wydrukujesz przyciskiem „Pismo do rodziny” w tabeli osób prowadzących sprawę.' });
      onDone();
    } catch (error) {
      let focused = false;
      if (error instanceof ApiError && error.fields) {
        for (const [key, message] of Object.entries(error.fields)) {
          if (key === 'userId' || key === 'effectiveOn' || key === 'reason') {
            form.setError(key, { type: 'server', message }, { shouldFocus: !focused });
            focused = true;
          }
        }
      }
      if (!focused) form.setError('root.server', { type: 'server', message: errorMessage(error) });
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={ROLE_TITLES[role]}>
      <Stack gap="sm">
        <Text size="sm">
          Teraz: <strong>{role === 'worker' ? file.worker.name : (file.assistant?.name ?? '—')}</strong>
        </Text>
        <NativeSelect
          label={role === 'worker' ? 'Nowy pracownik socjalny' : 'Nowy asystent rodziny'}
          description={role === 'assistant' ? `Liczba rodzin asystenta wobec limitu (art. 15 ust. 4 ustawy o wspieraniu rodziny: najwięcej ${STATUTORY_CASELOAD_CAP}).` : undefined}
          data={[{ value: '', label: 'Wybierz osobę' }, ...options]}
          {...form.register('userId')}
          error={errors.userId?.message}
        />
        <DateField control={form.control} name="effectiveOn" label="Od dnia" maxDate={todayIso()} withAsterisk error={errors.effectiveOn?.message} />
        <Textarea label="Przyczyna zmiany" autosize minRows={2} {...form.register('reason')} error={errors.reason?.message} />
        <Checkbox label="Podaj przyczynę zmiany w piśmie do rodziny" {...form.register('reasonInLetter')} />
        <FormError message={errors.root?.server?.message} title="Nie zapisano zmiany" />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Anuluj
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Zapisz zmianę
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
