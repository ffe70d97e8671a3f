/** Registering a court's letter on a case: court, division, sygnatura, dates, what is asked (draft kept while typing). */
import { Button, Group, Modal, Radio, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { COURT_ASKS, COURT_ASKS_LABELS, courtRequestSchema } from '../../../shared/court';
import { DateField } from '../../components/DateField';
import { DraftStatus } from '../../components/DraftStatus';
import { FormError } from '../../components/FormError';
import { polishDate, todayIso } from '../../lib/dates';
import { applyApiError } from '../../lib/forms';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { readDraft, useAutosave, useStoredDraft } from '../../lib/useAutosave';
import { refreshCases } from '../cases/caseQueries';

const formSchema = courtRequestSchema.omit({ caseId: true });
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;
const FIELDS = ['court', 'division', 'courtAddress', 'caseReference', 'letterOn', 'receivedOn', 'asks', 'deadline', 'notes'] as const;

function empty(): FormInput {
  return { court: '', division: '', courtAddress: '', caseReference: '', letterOn: '', receivedOn: todayIso(), asks: 'both', deadline: '', notes: '' };
}

export function CourtRequestModal({ caseId, opened, onClose }: { caseId: string; opened: boolean; onClose: () => void }) {
  const draftKey = `court-request:${caseId}`;
  const draft = useStoredDraft(draftKey);
  return (
    <Modal opened={opened} onClose={onClose} title="Nowe pismo sądu" size="lg">
      {draft.isSuccess ? <CourtRequestForm caseId={caseId} draftKey={draftKey} restored={readDraft<FormInput>(draft.data, 0)} onDone={onClose} /> : null}
    </Modal>
  );
}

function CourtRequestForm({ caseId, draftKey, restored, onDone }: { caseId: string; draftKey: string; restored: FormInput | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const create = useChannelMutation('court:create');
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(formSchema), defaultValues: restored ?? empty() });
  const { settle, draft } = useAutosave({ key: draftKey, form, baseVersion: 0 });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    try {
      const request = await create.mutateAsync({ caseId, ...values });
      await settle(empty());
      await refreshCases(queryClient);
      notifications.show({ color: 'green', title: 'Zarejestrowano pismo sądu', message: `Sygn. akt ${request.caseReference}, termin odpowiedzi ${polishDate(request.deadline)}. Termin jest na pulpicie.` });
      onDone();
    } catch (error) {
      applyApiError(error, form.setError, FIELDS);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Nowe pismo sądu">
      <Stack gap="md">
        <TextInput label="Sąd" placeholder="Sąd Rejonowy w …" withAsterisk {...form.register('court')} error={errors.court?.message} />
        <TextInput label="Wydział" placeholder="III Wydział Rodzinny i Nieletnich" withAsterisk {...form.register('division')} error={errors.division?.message} />
        <TextInput label="Adres sądu" placeholder="ul. Sądowa 1, 74-202 Bielice" description="Drukowany na opinii jako adresat." inputWrapperOrder={['label', 'input', 'description', 'error']} {...form.register('courtAddress')} error={errors.courtAddress?.message} />
        <TextInput label="Sygnatura akt" placeholder="III Nsm 123/25" withAsterisk {...form.register('caseReference')} error={errors.caseReference?.message} />
        <SimpleGrid cols={3}>
          <DateField control={form.control} name="letterOn" label="Data pisma sądu" maxDate={todayIso()} />
          <DateField control={form.control} name="receivedOn" label="Data wpływu pisma" maxDate={todayIso()} withAsterisk />
          <DateField control={form.control} name="deadline" label="Termin odpowiedzi" withAsterisk />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="asks"
          render={({ field }) => (
            <Radio.Group label="Sąd prosi o" withAsterisk value={field.value} onChange={field.onChange} error={errors.asks?.message}>
              <Group mt="xs">
                {COURT_ASKS.map((asks) => (
                  <Radio key={asks} value={asks} label={COURT_ASKS_LABELS[asks]} />
                ))}
              </Group>
            </Radio.Group>
          )}
        />
        <Textarea label="Uwagi" autosize minRows={2} {...form.register('notes')} error={errors.notes?.message} />
        <FormError message={errors.root?.server?.message} title="Nie zarejestrowano pisma" />
        <Group justify="space-between">
          <DraftStatus draft={draft} />
          <Button type="submit" loading={isSubmitting}>
            Zarejestruj pismo
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
