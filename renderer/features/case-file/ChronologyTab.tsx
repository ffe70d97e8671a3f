import { Badge, Button, Checkbox, Group, Modal, Paper, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { EVENT_KINDS, EVENT_KIND_LABELS, noteSchema, type CaseEventView, type CaseFileView } from '../../../shared/cases';
import { compare } from '../../../shared/domain/dates';
import { DateField } from '../../components/DateField';
import { FormError } from '../../components/FormError';
import { polishDate, todayIso } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { applyApiError } from '../../lib/forms';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { caseFileKey } from '../cases/caseQueries';

/** Newest first, as the main process sends them; a new note is put in its place without re-reading the file. */
function withEvent(file: CaseFileView, event: CaseEventView): CaseFileView {
  const events = [event, ...file.events.filter((e) => e.id !== event.id)];
  events.sort((a, b) => compare(b.occurredOn, a.occurredOn));
  return { ...file, events };
}

export function ChronologyTab({ file }: { file: CaseFileView }) {
  const queryClient = useQueryClient();
  const toggle = useChannelMutation('cases:setSignificant');
  const [adding, setAdding] = useState(false);
  const [onlySignificant, setOnlySignificant] = useState(false);
  const events = onlySignificant ? file.events.filter((event) => event.significant) : file.events;

  const setSignificant = async (event: CaseEventView, significant: boolean) => {
    try {
      await toggle.mutateAsync({ eventId: event.id, significant });
      queryClient.setQueryData<CaseFileView>(caseFileKey(file.id), (current) =>
        current ? { ...current, events: current.events.map((e) => (e.id === event.id ? { ...e, significant } : e)) } : current,
      );
    } catch (error) {
      notifications.show({ color: 'red', title: 'Nie zmieniono oznaczenia', message: errorMessage(error) });
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Checkbox
          label="Pokaż tylko wpisy istotne dla opinii sądowej"
          checked={onlySignificant}
          onChange={(event) => setOnlySignificant(event.currentTarget.checked)}
        />
        <Button onClick={() => setAdding(true)}>Dodaj notatkę</Button>
      </Group>
      {events.length === 0 ? <Text c="dimmed">Brak wpisów.</Text> : null}
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Chronologia sprawy">
        {events.map((event) => (
          <Paper key={event.id} component="li" withBorder radius="md" p="md" bg={event.significant ? 'yellow.0' : undefined}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
              <Stack gap={4} style={{ flex: 1 }}>
                <Group gap="sm">
                  <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
                    {polishDate(event.occurredOn)}
                  </Text>
                  <Badge variant="light" color="petrol">
                    {EVENT_KIND_LABELS[event.kind] ?? event.kind}
                  </Badge>
                  {event.authorName ? (
                    <Text size="sm" c="dimmed">
                      {event.authorName}
                    </Text>
                  ) : null}
                </Group>
                <Text fw={600}>{event.title}</Text>
                {event.body ? <Text style={{ whiteSpace: 'pre-wrap' }}>{event.body}</Text> : null}
              </Stack>
              <Button
                variant={event.significant ? 'filled' : 'default'}
                color="yellow.4"
                autoContrast
                aria-pressed={event.significant}
                onClick={() => void setSignificant(event, !event.significant)}
                leftSection={<span aria-hidden="true">{event.significant ? '★' : '☆'}</span>}
                style={{ flexShrink: 0 }}
              >
                Istotne dla opinii sądowej
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>
      <NoteModal file={file} opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}

const noteFormSchema = noteSchema.omit({ caseId: true });
type NoteInput = z.input<typeof noteFormSchema>;
type NoteOutput = z.output<typeof noteFormSchema>;
const NOTE_FIELDS = ['occurredOn', 'kind', 'title', 'body', 'significant'] as const;

function NoteModal({ file, opened, onClose }: { file: CaseFileView; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Nowy wpis w chronologii">
      {opened ? <NoteForm file={file} onDone={onClose} /> : null}
    </Modal>
  );
}

function NoteForm({ file, onDone }: { file: CaseFileView; onDone: () => void }) {
  const queryClient = useQueryClient();
  const add = useChannelMutation('cases:addNote');
  const form = useForm<NoteInput, unknown, NoteOutput>({
    resolver: zodResolver(noteFormSchema),
    defaultValues: { occurredOn: todayIso(), kind: 'note', title: '', body: '', significant: false },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    try {
      const event = await add.mutateAsync({ caseId: file.id, ...values });
      queryClient.setQueryData<CaseFileView>(caseFileKey(file.id), (current) => (current ? withEvent(current, event) : current));
      notifications.show({ color: 'green', title: 'Dodano wpis do chronologii', message: event.title });
      onDone();
    } catch (error) {
      applyApiError(error, form.setError, NOTE_FIELDS);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Group grow align="flex-start">
          <DateField control={form.control} name="occurredOn" label="Data" maxDate={todayIso()} />
          <Controller
            control={form.control}
            name="kind"
            render={({ field }) => (
              <Radio.Group label="Rodzaj wpisu" value={field.value} onChange={(value) => field.onChange(EVENT_KINDS.find((kind) => kind === value) ?? 'note')} size="md">
                <Group gap="md" mt={8}>
                  {EVENT_KINDS.map((kind) => (
                    <Radio key={kind} value={kind} label={EVENT_KIND_LABELS[kind]} />
                  ))}
                </Group>
              </Radio.Group>
            )}
          />
        </Group>
        <TextInput label="Tytuł" data-autofocus {...form.register('title')} error={errors.title?.message} />
        <Textarea label="Opis" autosize minRows={4} {...form.register('body')} error={errors.body?.message} />
        <Checkbox
          label="Istotne dla opinii sądowej"
          description="Wpisy oznaczone gwiazdką łatwo odnaleźć, gdy sąd poprosi o opinię o rodzinie."
          {...form.register('significant')}
        />
        <FormError message={errors.root?.server?.message} title="Nie dodano wpisu" />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Anuluj
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Dodaj wpis
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
