import { Button, Group, List, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import type { UserSummary } from '../../../../shared/ipc';
import { ApiError, call } from '../../../api';
import { DateField } from '../../../components/DateField';
import { FormError } from '../../../components/FormError';
import { todayIso } from '../../../lib/dates';
import { errorMessage } from '../../../lib/errors';
import { useChannelMutation } from '../../../lib/useChannelMutation';
import { useCaseloads } from '../../assignment/requestQueries';
import { refreshCases } from '../../cases/caseQueries';
import { useUsers } from './usersQuery';

const fullName = (u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`;

/** Before a user leaves: every case she leads goes to another worker or assistant, from a date, for a reason. */
export function HandOverModal({ user, onClose }: { user: UserSummary | null; onClose: () => void }) {
  return (
    <Modal opened={user !== null} onClose={onClose} title={user ? `Przekaż sprawy: ${fullName(user)}` : ''} size="lg">
      {user ? <HandOverForm user={user} onDone={onClose} /> : null}
    </Modal>
  );
}

interface HandOverValues {
  workerId: string;
  assistantId: string;
  effectiveOn: string;
  reason: string;
}

function HandOverForm({ user, onDone }: { user: UserSummary; onDone: () => void }) {
  const queryClient = useQueryClient();
  const cases = useQuery({ queryKey: ['users', user.id, 'activeCases'], queryFn: () => call('users:activeCases', { id: user.id }) });
  const users = useUsers();
  const caseloads = useCaseloads();
  const handOver = useChannelMutation('users:handOver');
  const form = useForm<HandOverValues>({ defaultValues: { workerId: '', assistantId: '', effectiveOn: todayIso(), reason: '' } });
  const { errors, isSubmitting } = form.formState;
  const list = cases.data ?? [];
  const asWorker = list.some((c) => c.role === 'worker');
  const asAssistant = list.some((c) => c.role === 'assistant');

  const submit = form.handleSubmit(async (values) => {
    try {
      const { moved } = await handOver.mutateAsync({
        fromUserId: user.id,
        ...(values.workerId ? { workerId: values.workerId } : {}),
        ...(values.assistantId ? { assistantId: values.assistantId } : {}),
        effectiveOn: values.effectiveOn,
        reason: values.reason,
      });
      await refreshCases(queryClient);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      notifications.show({ color: 'green', title: 'Przekazano sprawy', message: `Przekazano spraw: ${moved}. Konto można teraz wyłączyć.` });
      onDone();
    } catch (error) {
      let focused = false;
      if (error instanceof ApiError && error.fields) {
        for (const [key, message] of Object.entries(error.fields)) {
          if (key === 'workerId' || key === 'assistantId' || key === 'effectiveOn' || key === 'reason') {
            form.setError(key, { type: 'server', message }, { shouldFocus: !focused });
            focused = true;
          }
        }
      }
      if (!focused) form.setError('root.server', { type: 'server', message: errorMessage(error) });
    }
  });

  if (cases.data && list.length === 0) {
    return (
      <Stack>
        <Text>{fullName(user)} nie prowadzi żadnych spraw.</Text>
        <Group justify="flex-end">
          <Button onClick={onDone}>Zamknij</Button>
        </Group>
      </Stack>
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-label="Przekazanie spraw">
      <Stack gap="sm">
        <Text fw={600}>Sprawy prowadzone teraz:</Text>
        <List>
          {list.map((c) => (
            <List.Item key={`${c.caseId}-${c.role}`}>
              {c.number} — {c.familyName} ({c.role === 'worker' ? 'pracownik socjalny' : 'asystent rodziny'})
            </List.Item>
          ))}
        </List>
        {asWorker ? (
          <NativeSelect
            label="Pracownik socjalny, który przejmie sprawy"
            data={[{ value: '', label: 'Wybierz osobę' }, ...(users.data ?? []).filter((u) => u.active && u.id !== user.id && u.roles.includes('social_worker')).map((u) => ({ value: u.id, label: fullName(u) }))]}
            {...form.register('workerId')}
            error={errors.workerId?.message}
          />
        ) : null}
        {asAssistant ? (
          <NativeSelect
            label="Asystent rodziny, który przejmie rodziny"
            data={[{ value: '', label: 'Wybierz osobę' }, ...(caseloads.data ?? []).filter((c) => c.assistantId !== user.id).map((c) => ({ value: c.assistantId, label: `${c.name} (${c.families} / ${c.limit} rodzin)` }))]}
            {...form.register('assistantId')}
            error={errors.assistantId?.message}
          />
        ) : null}
        <DateField control={form.control} name="effectiveOn" label="Od dnia" maxDate={todayIso()} withAsterisk error={errors.effectiveOn?.message} />
        <Textarea label="Przyczyna przekazania" autosize minRows={2} {...form.register('reason')} error={errors.reason?.message} />
        <FormError message={errors.root?.server?.message} title="Nie przekazano spraw" />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Anuluj
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Przekaż sprawy
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
