import { Alert, Badge, Button, Group, NativeSelect, Paper, Radio, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { Controller, useFieldArray, useForm, type DefaultValues } from 'react-hook-form';
import type { z } from 'zod';
import type { CaseFileView } from '../../../shared/cases';
import type { CaseStatus } from '../../../shared/domain/caseFlow';
import { GOAL_ACHIEVEMENTS, GOAL_ACHIEVEMENT_LABELS, HANDOVER_STATUS_LABELS, RECOMMENDATIONS, RECOMMENDATION_LABELS, type HandoverStatus } from '../../../shared/domain/familyWork';
import { can } from '../../../shared/domain/roles';
import { assessmentHandOverSchema, assessmentSchema, type AssessmentView, type FamilyWorkView } from '../../../shared/family-work';
import type { SessionUser } from '../../../shared/ipc';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DateField } from '../../components/DateField';
import { DraftStatus } from '../../components/DraftStatus';
import { FormError } from '../../components/FormError';
import { QueryState } from '../../components/QueryState';
import { polishDate, todayIso } from '../../lib/dates';
import { applyApiError } from '../../lib/forms';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { readDraft, useAutosave, useStoredDraft } from '../../lib/useAutosave';
import { refreshCases } from '../cases/caseQueries';
import { DueDate } from '../cases/DeadlineText';
import { useSession } from '../layout/session';
import { isCaseAssistant, useFamilyWork } from './workQueries';

const assessmentFormSchema = assessmentSchema.omit({ caseId: true });
type AssessmentFormInput = z.input<typeof assessmentFormSchema>;
type AssessmentFormOutput = z.output<typeof assessmentFormSchema>;
/** A goal row as the form holds it: the degree is chosen by the user (none yet in a new row). */
type GoalRow = AssessmentFormInput['progress'][number];
const ASSESSMENT_FIELDS = ['assessedOn', 'periodFrom', 'periodTo', 'changes', 'cooperation', 'childrenSituation', 'recommendation', 'conclusions'] as const;

/** The goals of the plan in force, one row each (the assessment says how far each has come). */
function emptyAssessment(file: CaseFileView, work: FamilyWorkView): DefaultValues<AssessmentFormInput> {
  const plan = work.plans.find((p) => p.status === 'signed');
  const goals = plan ? plan.areas.flatMap((area) => area.goals.map((goal) => ({ area: area.name, goal: goal.name, progress: '' }))) : [];
  const since = work.assessments[0]?.assessedOn ?? file.assistant?.since ?? todayIso();
  return {
    assessedOn: todayIso(),
    periodFrom: since,
    periodTo: todayIso(),
    progress: goals,
    changes: '',
    cooperation: '',
    childrenSituation: '',
    conclusions: '',
  };
}

/** Why the assistant cannot record an assessment now. */
const NOT_YET: Partial<Record<CaseStatus, string>> = {
  ASSISTANT_ASSIGNED: 'Okresową ocenę zapisuje się w czasie realizacji planu, czyli po podpisaniu planu pracy z rodziną.',
  PLAN: 'Okresową ocenę zapisuje się w czasie realizacji planu, czyli po podpisaniu planu pracy z rodziną.',
  CLOSING: 'Propozycja zakończenia pracy z rodziną czeka na decyzję kierownika; do tego czasu nie zapisuje się nowej oceny.',
};

/** "Oceny okresowe": at least every six months (art. 15 ust. 1 pkt 15 u.w.r.); the next one due is always shown. */
export function AssessmentsTab({ file }: { file: CaseFileView }) {
  const { user } = useSession();
  const work = useFamilyWork(file.id);
  const mayAdd = isCaseAssistant(user, file) && file.status === 'IN_PROGRESS';

  return (
    <Stack gap="lg">
      <QueryState isPending={work.isPending} error={work.error} onRetry={() => void work.refetch()} />
      {work.data ? (
        <>
          <NextAssessment work={work.data} />
          {mayAdd ? <AssessmentFormLoader file={file} work={work.data} /> : null}
          {isCaseAssistant(user, file) && !mayAdd && NOT_YET[file.status] ? <Alert color="blue">{NOT_YET[file.status]}</Alert> : null}
          <AssessmentList assessments={work.data.assessments} user={user} mayHandOver={isCaseAssistant(user, file)} />
        </>
      ) : null}
    </Stack>
  );
}

export function NextAssessment({ work }: { work: FamilyWorkView }) {
  if (!work.nextAssessmentDue) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Następna okresowa ocena">
      <Group gap="sm" wrap="wrap">
        <Text fw={700}>Następna okresowa ocena sytuacji rodziny — termin:</Text>
        <DueDate date={work.nextAssessmentDue} />
        <Text size="sm" c="dimmed">
          (co najmniej raz na 6 miesięcy)
        </Text>
      </Group>
    </Paper>
  );
}

function AssessmentFormLoader({ file, work }: { file: CaseFileView; work: FamilyWorkView }) {
  const draftKey = `assessment:${file.id}`;
  const draft = useStoredDraft(draftKey);
  if (!draft.isSuccess) return null;
  return <AssessmentForm file={file} work={work} draftKey={draftKey} restored={readDraft<DefaultValues<AssessmentFormInput>>(draft.data, 0)} />;
}

function AssessmentForm({
  file,
  work,
  draftKey,
  restored,
}: {
  file: CaseFileView;
  work: FamilyWorkView;
  draftKey: string;
  restored: DefaultValues<AssessmentFormInput> | null;
}) {
  const queryClient = useQueryClient();
  const add = useChannelMutation('assessments:add');
  const form = useForm<AssessmentFormInput, unknown, AssessmentFormOutput>({
    resolver: zodResolver(assessmentFormSchema),
    defaultValues: restored ?? emptyAssessment(file, work),
  });
  const progress = useFieldArray({ control: form.control, name: 'progress' });
  const { settle, draft } = useAutosave({ key: draftKey, form, baseVersion: 0 });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    try {
      await add.mutateAsync({ caseId: file.id, ...values });
      await settle(emptyAssessment(file, work));
      await refreshCases(queryClient);
      notifications.show({ color: 'green', title: 'Zapisano okresową ocenę', message: `Ocena z ${polishDate(values.assessedOn)}.` });
    } catch (error) {
      applyApiError(error, form.setError, ASSESSMENT_FIELDS);
    }
  });

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label="Nowa okresowa ocena">
      <form onSubmit={submit} noValidate aria-label="Okresowa ocena sytuacji rodziny">
        <Stack gap="md">
          <Title order={2} fz={20}>
            Okresowa ocena sytuacji rodziny
          </Title>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <DateField
              control={form.control}
              name="assessedOn"
              label="Data oceny"
              description={file.assistant ? `Nie wcześniej niż przydzielenie asystenta (${polishDate(file.assistant.since)}).` : undefined}
              descriptionBelow
              maxDate={todayIso()}
              withAsterisk
            />
            <DateField control={form.control} name="periodFrom" label="Okres oceny od" maxDate={todayIso()} withAsterisk />
            <DateField control={form.control} name="periodTo" label="Okres oceny do" maxDate={todayIso()} withAsterisk />
          </SimpleGrid>
          <Stack gap="sm">
            <Title order={3} fz={17}>
              Postęp w realizacji celów
            </Title>
            {progress.fields.length === 0 ? <Text c="dimmed">Plan w realizacji nie ma celów — dodaj cel, którego dotyczy ocena.</Text> : null}
            {progress.fields.map((row, i) => (
              <Paper key={row.id} withBorder radius="sm" p="sm" role="group" aria-label={`Cel ${i + 1}`}>
                <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
                  <TextInput label="Obszar" {...form.register(`progress.${i}.area`)} error={errors.progress?.[i]?.area?.message} />
                  <TextInput label="Cel" withAsterisk {...form.register(`progress.${i}.goal`)} error={errors.progress?.[i]?.goal?.message} />
                  <NativeSelect
                    label="Stopień realizacji"
                    withAsterisk
                    data={[{ value: '', label: '— wybierz —' }, ...GOAL_ACHIEVEMENTS.map((value) => ({ value, label: GOAL_ACHIEVEMENT_LABELS[value] }))]}
                    {...form.register(`progress.${i}.achievement`)}
                    error={errors.progress?.[i]?.achievement?.message}
                  />
                </SimpleGrid>
                <Textarea mt="sm" size="md" label="Opis postępów i trudności" autosize minRows={2} {...form.register(`progress.${i}.progress`)} error={errors.progress?.[i]?.progress?.message} />
                <Group justify="flex-end" mt={6}>
                  <ConfirmButton
                    variant="subtle"
                    size="compact-sm"
                    onConfirm={() => progress.remove(i)}
                    title={`Usunąć cel ${i + 1} z oceny?`}
                    message="Cel i opis postępu zostaną usunięte z tej oceny."
                    confirmLabel="Usuń cel z oceny"
                  >
                    Usuń cel z oceny
                  </ConfirmButton>
                </Group>
              </Paper>
            ))}
            <Group>
              <Button variant="default" onClick={() => progress.append({ area: '', goal: '', progress: '' } as GoalRow, { focusName: `progress.${progress.fields.length}.goal` })}>
                Dodaj cel do oceny
              </Button>
            </Group>
          </Stack>
          <Textarea size="md" label="Zmiany w sytuacji rodziny" autosize minRows={3} {...form.register('changes')} error={errors.changes?.message} />
          <Textarea size="md" label="Współpraca rodziny z asystentem rodziny" autosize minRows={2} {...form.register('cooperation')} error={errors.cooperation?.message} />
          <Textarea size="md" label="Sytuacja dzieci" autosize minRows={2} {...form.register('childrenSituation')} error={errors.childrenSituation?.message} />
          <Controller
            control={form.control}
            name="recommendation"
            render={({ field, fieldState }) => (
              <Radio.Group size="md" label="Rekomendacja" withAsterisk value={field.value ?? null} onChange={field.onChange} error={fieldState.error?.message} name={field.name}>
                <Stack gap={6} mt={6}>
                  {RECOMMENDATIONS.map((value) => (
                    <Radio size="md" key={value} value={value} label={RECOMMENDATION_LABELS[value]} />
                  ))}
                </Stack>
              </Radio.Group>
            )}
          />
          <Textarea size="md" label="Wnioski (uzasadnienie rekomendacji)" autosize minRows={2} {...form.register('conclusions')} error={errors.conclusions?.message} />
          <FormError message={errors.root?.server?.message} title="Nie zapisano oceny" />
          <Group justify="space-between">
            <DraftStatus draft={draft} />
            <Button type="submit" loading={isSubmitting}>
              Zapisz ocenę
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

const HANDOVER_COLORS: Record<HandoverStatus, string> = { recorded: 'yellow', handed_over: 'blue', received: 'green' };

function AssessmentList({ assessments, user, mayHandOver }: { assessments: AssessmentView[]; user: SessionUser; mayHandOver: boolean }) {
  if (assessments.length === 0) return <Text c="dimmed">Nie zapisano jeszcze żadnej okresowej oceny.</Text>;
  return (
    <Stack gap="sm" component="section" aria-label="Zapisane oceny">
      <Title order={2} fz={20}>
        Zapisane oceny ({assessments.length})
      </Title>
      {assessments.map((a) => (
        <Paper key={a.id} withBorder radius="md" p="md" component="article" aria-label={`Ocena z ${polishDate(a.assessedOn)}`}>
          <Stack gap="xs">
            <Group justify="space-between" wrap="wrap">
              <Text fw={700}>
                Ocena z {polishDate(a.assessedOn)} (okres {polishDate(a.periodFrom)} – {polishDate(a.periodTo)})
              </Text>
              <Text size="sm" c="dimmed">
                Ocenił(a): {a.authorName}
              </Text>
            </Group>
            {a.progress.length > 0 ? (
              <Table withTableBorder fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="30%">Cel</Table.Th>
                    <Table.Th w="20%">Stopień realizacji</Table.Th>
                    <Table.Th>Opis postępów i trudności</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {a.progress.map((p, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{p.area ? `${p.area}: ${p.goal}` : p.goal}</Table.Td>
                      <Table.Td>{p.achievement ? GOAL_ACHIEVEMENT_LABELS[p.achievement] : '—'}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{p.progress}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
            {a.changes ? <Text style={{ whiteSpace: 'pre-wrap' }}>Zmiany w sytuacji rodziny: {a.changes}</Text> : null}
            <Text fw={600}>Rekomendacja: {RECOMMENDATION_LABELS[a.recommendation]}</Text>
            <Handover assessment={a} user={user} mayHandOver={mayHandOver} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/** The assessment's way to the kierownik: the assistant hands it over (on a day she gives), the kierownik confirms she received it. */
function Handover({ assessment: a, user, mayHandOver }: { assessment: AssessmentView; user: SessionUser; mayHandOver: boolean }) {
  const queryClient = useQueryClient();
  const receive = useChannelMutation('assessments:receive');
  const mayReceive = can(user.roles, 'familyWork.supervise') && a.handoverStatus === 'handed_over';
  const confirm = async () => {
    try {
      await receive.mutateAsync({ id: a.id });
      await refreshCases(queryClient);
      notifications.show({ color: 'green', title: 'Przyjęto ocenę', message: `Ocena z ${polishDate(a.assessedOn)} przyjęta.` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Nie przyjęto oceny', message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <Stack gap={6} role="group" aria-label="Przekazanie kierownikowi">
      <Group gap="sm" wrap="wrap">
        <Badge color={HANDOVER_COLORS[a.handoverStatus]} variant="light" size="lg">
          {HANDOVER_STATUS_LABELS[a.handoverStatus]}
        </Badge>
        {a.handedOn ? (
          <Text size="sm">
            Przekazano {polishDate(a.handedOn)}
            {a.handedByName ? ` (${a.handedByName})` : ''}
          </Text>
        ) : null}
        {a.receivedOn ? (
          <Text size="sm">
            Przyjęto {polishDate(a.receivedOn)}
            {a.receivedByName ? ` (${a.receivedByName})` : ''}
          </Text>
        ) : null}
        {mayReceive ? (
          <Button size="compact-md" onClick={() => void confirm()} loading={receive.isPending}>
            Potwierdź przyjęcie oceny
          </Button>
        ) : null}
      </Group>
      {mayHandOver && a.handoverStatus === 'recorded' ? <HandOverForm assessment={a} /> : null}
    </Stack>
  );
}

const handOverFormSchema = assessmentHandOverSchema.omit({ id: true });

function HandOverForm({ assessment }: { assessment: AssessmentView }) {
  const queryClient = useQueryClient();
  const handOver = useChannelMutation('assessments:handOver');
  const form = useForm<z.input<typeof handOverFormSchema>, unknown, z.output<typeof handOverFormSchema>>({
    resolver: zodResolver(handOverFormSchema),
    defaultValues: { handedOn: todayIso() },
  });
  const submit = form.handleSubmit(async (values) => {
    try {
      await handOver.mutateAsync({ id: assessment.id, ...values });
      await refreshCases(queryClient);
      notifications.show({ color: 'green', title: 'Przekazano ocenę kierownikowi', message: `Dnia ${polishDate(values.handedOn)}.` });
    } catch (error) {
      applyApiError(error, form.setError, ['handedOn'] as const);
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Przekaż ocenę kierownikowi">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <DateField control={form.control} name="handedOn" label="Data przekazania kierownikowi" maxDate={todayIso()} minDate={assessment.assessedOn} withAsterisk />
        <Button type="submit" variant="default" loading={form.formState.isSubmitting}>
          Przekaż kierownikowi
        </Button>
      </Group>
      <FormError message={form.formState.errors.root?.server?.message} title="Nie przekazano oceny" />
    </form>
  );
}
