import { Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { CaseFileView } from '../../../shared/cases';
import { VISIT_KINDS, VISIT_KIND_LABELS, visitSchema, type PlannedVisitView, type VisitKind, type VisitView } from '../../../shared/family-work';
import { DateField } from '../../components/DateField';
import { DraftStatus } from '../../components/DraftStatus';
import { FormError } from '../../components/FormError';
import { QueryState } from '../../components/QueryState';
import { polishDate, todayIso } from '../../lib/dates';
import { applyApiError } from '../../lib/forms';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { readDraft, useAutosave, useStoredDraft } from '../../lib/useAutosave';
import { refreshCases } from '../cases/caseQueries';
import { useSession } from '../layout/session';
import { mayRecordVisits, useFamilyWork } from './workQueries';

const visitFormSchema = visitSchema.omit({ caseId: true });
type VisitFormInput = z.input<typeof visitFormSchema>;
type VisitFormOutput = z.output<typeof visitFormSchema>;
const VISIT_FIELDS = ['visitedOn', 'place', 'participants', 'topics', 'agreed'] as const;

function emptyVisit(): VisitFormInput {
  return { visitedOn: todayIso(), place: '', participants: '', topics: '', agreed: '', significant: false };
}

/** "Wizyty": the assistant's visit diary (art. 15 ust. 1 u.w.r.); each visit also goes to the case chronology. */
export function VisitsTab({ file }: { file: CaseFileView }) {
  const { user } = useSession();
  const work = useFamilyWork(file.id);
  const mayAdd = mayRecordVisits(user, file);

  // A planned visit being recorded: the form takes its day and place.
  const [carrying, setCarrying] = useState<PlannedVisitView | null>(null);

  return (
    <Stack gap="lg">
      {mayAdd && work.data ? <PlannedVisits file={file} planned={work.data.plannedVisits} onRecord={setCarrying} /> : null}
      {mayAdd ? <VisitFormLoader file={file} carrying={carrying} /> : null}
      <QueryState isPending={work.isPending} error={work.error} onRetry={() => void work.refetch()} />
      {work.data ? <VisitList visits={work.data.visits} /> : null}
    </Stack>
  );
}

interface PlanValues {
  plannedOn: string;
  kind: VisitKind;
  place: string;
}

/** Visits planned ahead: on the assistant's tray until recorded (issue 15). */
function PlannedVisits({ file, planned, onRecord }: { file: CaseFileView; planned: PlannedVisitView[]; onRecord: (visit: PlannedVisitView) => void }) {
  const queryClient = useQueryClient();
  const plan = useChannelMutation('visits:plan');
  const form = useForm<PlanValues>({ defaultValues: { plannedOn: todayIso(), kind: 'home', place: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await plan.mutateAsync({ caseId: file.id, ...values });
      await refreshCases(queryClient);
      await queryClient.invalidateQueries();
      form.reset({ plannedOn: todayIso(), kind: 'home', place: '' });
      notifications.show({ color: 'green', title: 'Zaplanowano wizytę', message: `${polishDate(values.plannedOn)} — ${VISIT_KIND_LABELS[values.kind]}. Jest na pulpicie do czasu jej zapisania.` });
    } catch (error) {
      applyApiError(error, form.setError, ['plannedOn', 'kind', 'place']);
    }
  });
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label="Zaplanowane wizyty">
      <Stack gap="sm">
        <Title order={2} fz={20}>
          Zaplanowane wizyty ({planned.length})
        </Title>
        {planned.map((visit) => (
          <Group key={visit.id} justify="space-between" wrap="wrap">
            <Text>
              <strong>{polishDate(visit.plannedOn)}</strong> · {VISIT_KIND_LABELS[visit.kind]} · {visit.place}
            </Text>
            <Button variant="default" size="sm" onClick={() => onRecord(visit)} disabled={visit.plannedOn > todayIso()} aria-label={`Zapisz odbytą wizytę z ${polishDate(visit.plannedOn)}`}>
              Zapisz odbytą wizytę
            </Button>
          </Group>
        ))}
        <form onSubmit={submit} noValidate aria-label="Zaplanuj wizytę">
          <SimpleGrid cols={{ base: 1, md: 4 }} spacing="sm">
            <DateField control={form.control} name="plannedOn" label="Dzień wizyty" minDate={todayIso()} withAsterisk error={errors.plannedOn?.message} />
            <NativeSelect label="Rodzaj" data={VISIT_KINDS.map((value) => ({ value, label: VISIT_KIND_LABELS[value] }))} {...form.register('kind')} error={errors.kind?.message} />
            <TextInput label="Miejsce wizyty" {...form.register('place')} error={errors.place?.message} />
            <Button type="submit" mt={{ md: 24 }} loading={isSubmitting}>
              Zaplanuj wizytę
            </Button>
          </SimpleGrid>
        </form>
      </Stack>
    </Paper>
  );
}

function VisitFormLoader({ file, carrying }: { file: CaseFileView; carrying: PlannedVisitView | null }) {
  const draftKey = `visit:${file.id}`;
  const draft = useStoredDraft(draftKey);
  if (!draft.isSuccess) return null;
  return <VisitForm file={file} draftKey={draftKey} restored={readDraft<VisitFormInput>(draft.data, 0)} carrying={carrying} />;
}

function VisitForm({ file, draftKey, restored, carrying }: { file: CaseFileView; draftKey: string; restored: VisitFormInput | null; carrying: PlannedVisitView | null }) {
  const queryClient = useQueryClient();
  const add = useChannelMutation('visits:add');
  const form = useForm<VisitFormInput, unknown, VisitFormOutput>({ resolver: zodResolver(visitFormSchema), defaultValues: restored ?? emptyVisit() });
  const { settle, draft } = useAutosave({ key: draftKey, form, baseVersion: 0 });
  useEffect(() => {
    if (!carrying) return;
    form.setValue('plannedVisitId', carrying.id);
    form.setValue('visitedOn', carrying.plannedOn);
    form.setValue('place', carrying.place);
    form.setFocus('participants');
  }, [carrying, form]);
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    try {
      await add.mutateAsync({ caseId: file.id, ...values });
      await settle(emptyVisit());
      await refreshCases(queryClient);
      notifications.show({ color: 'green', title: 'Zapisano wizytę', message: `${polishDate(values.visitedOn)} — ${values.place}. Wizyta jest też w chronologii sprawy.` });
    } catch (error) {
      applyApiError(error, form.setError, VISIT_FIELDS);
    }
  });

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label="Nowa wizyta">
      <form onSubmit={submit} noValidate aria-label="Nowa wizyta">
        <Stack gap="md">
          <Title order={2} fz={20}>
            Nowa wizyta lub kontakt
          </Title>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <DateField control={form.control} name="visitedOn" label="Data wizyty" maxDate={todayIso()} withAsterisk />
            <TextInput label="Miejsce" withAsterisk size="md" {...form.register('place')} error={errors.place?.message} />
            <TextInput label="Uczestnicy" withAsterisk size="md" {...form.register('participants')} error={errors.participants?.message} />
          </SimpleGrid>
          <Textarea size="md" label="Tematy rozmowy" withAsterisk autosize minRows={3} {...form.register('topics')} error={errors.topics?.message} />
          <Textarea size="md" label="Ustalenia" description="Co uzgodniono z rodziną: kto, co i do kiedy." autosize minRows={2} {...form.register('agreed')} error={errors.agreed?.message} />
          <Checkbox label="Ważne zdarzenie — wyróżnij w chronologii sprawy" {...form.register('significant')} />
          <FormError message={errors.root?.server?.message} title="Nie zapisano wizyty" />
          <Group justify="space-between">
            <DraftStatus draft={draft} />
            <Button type="submit" loading={isSubmitting}>
              Zapisz wizytę
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function VisitList({ visits }: { visits: VisitView[] }) {
  if (visits.length === 0) return <Text c="dimmed">Nie zapisano jeszcze żadnej wizyty.</Text>;
  return (
    <Stack gap="sm" component="section" aria-label="Dziennik wizyt">
      <Title order={2} fz={20}>
        Dziennik wizyt ({visits.length})
      </Title>
      {visits.map((visit) => (
        <Paper key={visit.id} withBorder radius="md" p="md" component="article" aria-label={`Wizyta ${polishDate(visit.visitedOn)}`}>
          <Stack gap={6}>
            <Group justify="space-between" wrap="wrap">
              <Text fw={700}>
                {polishDate(visit.visitedOn)} · {visit.place}
              </Text>
              <Text size="sm" c="dimmed">
                Zapisał(a): {visit.authorName}
              </Text>
            </Group>
            <Text size="sm">
              <Text span fw={600}>
                Uczestnicy:{' '}
              </Text>
              {visit.participants}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{visit.topics}</Text>
            {visit.agreed ? (
              <Text style={{ whiteSpace: 'pre-wrap' }}>
                <Text span fw={600}>
                  Ustalenia:{' '}
                </Text>
                {visit.agreed}
              </Text>
            ) : null}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
