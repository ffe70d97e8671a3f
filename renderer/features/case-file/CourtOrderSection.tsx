import { Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { CaseFileView } from '../../../shared/cases';
import { can } from '../../../shared/domain/roles';
import { COURT_ORDER_BASIS } from '../../../shared/records';
import { ApiError } from '../../api';
import { DateField } from '../../components/DateField';
import { FormError } from '../../components/FormError';
import { polishDate, todayIso } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { refreshCases } from '../cases/caseQueries';
import { useSession } from '../layout/session';

/** A court obliged the family to work with an assistant: recorded on the case, shown with its sygnatura. */
export function CourtOrderSection({ file }: { file: CaseFileView }) {
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const mayRecord = file.access === 'full' && can(user.roles, 'cases.create') && file.status !== 'CLOSED' && file.status !== 'ARCHIVED';
  if (!file.courtOrder && !mayRecord) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Zobowiązanie przez sąd">
      <Stack gap="xs">
        <Title order={3} fz={16}>
          Zobowiązanie przez sąd do pracy z asystentem
        </Title>
        {file.courtOrder ? (
          <Text>
            {file.courtOrder.court}, sygn. akt <strong>{file.courtOrder.reference}</strong>, postanowienie z {polishDate(file.courtOrder.orderedOn)} ({COURT_ORDER_BASIS}). Wniosek o asystenta nie wymaga
            dobrowolnej zgody rodziny.
          </Text>
        ) : (
          <Text c="dimmed">Brak. Jeśli sąd zobowiązał rodzinę do pracy z asystentem ({COURT_ORDER_BASIS}), odnotuj postanowienie.</Text>
        )}
        {mayRecord ? (
          <Group>
            <Button variant="default" onClick={() => setOpen(true)}>
              {file.courtOrder ? 'Popraw dane postanowienia' : 'Odnotuj postanowienie sądu'}
            </Button>
          </Group>
        ) : null}
      </Stack>
      <Modal opened={open} onClose={() => setOpen(false)} title="Postanowienie sądu" size="lg">
        {open ? <CourtOrderForm file={file} onDone={() => setOpen(false)} /> : null}
      </Modal>
    </Paper>
  );
}

interface Values {
  court: string;
  reference: string;
  orderedOn: string;
}

function CourtOrderForm({ file, onDone }: { file: CaseFileView; onDone: () => void }) {
  const queryClient = useQueryClient();
  const record = useChannelMutation('cases:courtOrder');
  const form = useForm<Values>({
    defaultValues: { court: file.courtOrder?.court ?? '', reference: file.courtOrder?.reference ?? '', orderedOn: file.courtOrder?.orderedOn ?? todayIso() },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await record.mutateAsync({ caseId: file.id, ...values });
      await refreshCases(queryClient);
      notifications.show({ color: 'green', title: 'Odnotowano postanowienie sądu', message: `Sygnatura ${values.reference}.` });
      onDone();
    } catch (error) {
      let focused = false;
      if (error instanceof ApiError && error.fields) {
        for (const [key, message] of Object.entries(error.fields)) {
          if (key === 'court' || key === 'reference' || key === 'orderedOn') {
            form.setError(key, { type: 'server', message }, { shouldFocus: !focused });
            focused = true;
          }
        }
      }
      if (!focused) form.setError('root.server', { type: 'server', message: errorMessage(error) });
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Postanowienie sądu">
      <Stack gap="sm">
        <TextInput label="Sąd" placeholder="np. Sąd Rejonowy w Pyrzycach, III Wydział Rodzinny i Nieletnich" {...form.register('court')} error={errors.court?.message} />
        <TextInput label="Sygnatura akt" {...form.register('reference')} error={errors.reference?.message} />
        <DateField control={form.control} name="orderedOn" label="Data postanowienia" maxDate={todayIso()} withAsterisk error={errors.orderedOn?.message} />
        <FormError message={errors.root?.server?.message} title="Nie zapisano postanowienia" />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Anuluj
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Zapisz postanowienie
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
