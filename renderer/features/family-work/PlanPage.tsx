import { Alert, Badge, Button, Group, NativeSelect, Paper, Radio, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { CaseFileView } from '../../../shared/cases';
import { PLAN_STATUS_LABELS, TASK_STATUSES, TASK_STATUS_LABELS, type PlanStatus } from '../../../shared/domain/familyWork';
import { can } from '../../../shared/domain/roles';
import { planContentSchema, planReturnSchema, type PlanView } from '../../../shared/family-work';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DateField } from '../../components/DateField';
import { DraftStatus } from '../../components/DraftStatus';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { polishDate, todayIso } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { applyApiError } from '../../lib/forms';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { readDraft, useAutosave, useStoredDraft } from '../../lib/useAutosave';
import { familyName } from '../case-file/familyName';
import { refreshCases, useCaseFile } from '../cases/caseQueries';
import { useNavigation } from '../layout/navigation';
import { useSession } from '../layout/session';
import { isCaseAssistant, planKey, useFamilyWork, usePlan } from './workQueries';
import { SignSection } from './FormParts';

type PlanFormInput = z.input<typeof planContentSchema>;
type PlanFormOutput = z.output<typeof planContentSchema>;
type PlanForm = UseFormReturn<PlanFormInput, unknown, PlanFormOutput>;

const STATUS_COLORS: Record<PlanStatus, string> = { draft: 'yellow', awaiting_approval: 'orange', signed: 'green', superseded: 'gray' };
const TASK_STATUS_OPTIONS = TASK_STATUSES.map((value) => ({ value, label: TASK_STATUS_LABELS[value] }));
const emptyTask = () => ({ description: '', responsible: '', deadline: '', expectedEffect: '', resources: '', status: 'planned' as const });

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size="lg">
      {PLAN_STATUS_LABELS[status]}
    </Badge>
  );
}

/**
 * "Plan pracy z rodziną" (art. 15 ust. 1 pkt 1–2 i ust. 3 u.w.r.): areas → goals → tasks. The
 * assistant edits the draft; a signed version is never edited — a new version supersedes it.
 */
export function PlanPage({ caseId, planId }: { caseId: string; planId: string }) {
  const { user } = useSession();
  const { navigate } = useNavigation();
  const file = useCaseFile(caseId);
  const plan = usePlan(planId);
  const draftKey = `plan:${planId}`;
  const draft = useStoredDraft(draftKey);
  const ready = file.data && plan.data && draft.isSuccess;
  const editable = ready && plan.data.status === 'draft' && isCaseAssistant(user, file.data);

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        title={plan.data ? `Plan pracy z rodziną — wersja ${plan.data.number}` : 'Plan pracy z rodziną'}
        description={file.data ? `Sprawa ${file.data.number} — ${familyName(file.data)}` : undefined}
        actions={
          <Button variant="default" onClick={() => navigate({ view: 'case', caseId, tab: 'plan' })}>
            Wróć do teczki sprawy
          </Button>
        }
      />
      <QueryState
        isPending={file.isPending || plan.isPending || draft.isPending}
        error={file.error ?? plan.error ?? draft.error}
        onRetry={() => void Promise.all([file.refetch(), plan.refetch()])}
        loadingLabel="Wczytywanie planu…"
      />
      {ready ? (
        editable ? (
          <PlanEditor plan={plan.data} draftKey={draftKey} storedDraft={draft.data ?? null} />
        ) : (
          <SignedPlan file={file.data} plan={plan.data} />
        )
      ) : null}
      {file.data ? <PlanVersions caseId={caseId} currentId={planId} /> : null}
    </Stack>
  );
}

function SignedPlan({ file, plan }: { file: CaseFileView; plan: PlanView }) {
  const { user } = useSession();
  const { navigate } = useNavigation();
  const queryClient = useQueryClient();
  const create = useChannelMutation('plans:create');
  const [error, setError] = useState<string | undefined>();
  const mayRevise = plan.status === 'signed' && isCaseAssistant(user, file) && file.actions.some((a) => a.action === 'revise_plan');

  const newVersion = async () => {
    setError(undefined);
    try {
      const next = await create.mutateAsync({ caseId: file.id, content: null });
      await refreshCases(queryClient);
      navigate({ view: 'plan', caseId: file.id, planId: next.id });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Stack gap="md">
      <Alert color={plan.status === 'draft' ? 'yellow' : 'blue'}>
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text>
            {plan.status === 'signed'
              ? `Plan podpisany ${polishDate(plan.signedOn)}. Podpisanego planu nie zmienia się — zmiany wprowadza nowa wersja, która go zastąpi.`
              : plan.status === 'awaiting_approval'
                ? `Plan podpisany ${polishDate(plan.signedOn)} czeka na zatwierdzenie przez kierownika. Obowiązuje od zatwierdzenia.`
                : plan.status === 'superseded'
                  ? `Ta wersja (podpisana ${polishDate(plan.signedOn)}) została zastąpiona nowszą.`
                  : 'Projekt planu pisze asystent rodziny przydzielony do tej rodziny.'}
          </Text>
          {mayRevise ? (
            <Button onClick={() => void newVersion()} loading={create.isPending}>
              Nowa wersja
            </Button>
          ) : null}
        </Group>
      </Alert>
      <FormError message={error} title="Nie utworzono nowej wersji" />
      {plan.status === 'awaiting_approval' && can(user.roles, 'familyWork.supervise') ? <PlanApproval plan={plan} /> : null}
      <PlanReadView plan={plan} />
    </Stack>
  );
}

const returnFormSchema = planReturnSchema.omit({ id: true });

/** Where the office has plans approved: the kierownik approves the signed plan, or returns it with her reason. */
function PlanApproval({ plan }: { plan: PlanView }) {
  const queryClient = useQueryClient();
  const approve = useChannelMutation('plans:approve');
  const giveBack = useChannelMutation('plans:return');
  const [error, setError] = useState<string | undefined>();
  const form = useForm<z.input<typeof returnFormSchema>, unknown, z.output<typeof returnFormSchema>>({ resolver: zodResolver(returnFormSchema), defaultValues: { reason: '' } });
  const done = async (updated: PlanView, title: string) => {
    queryClient.setQueryData(planKey(plan.id), updated);
    await refreshCases(queryClient);
    notifications.show({ color: 'green', title, message: `Plan pracy z rodziną, wersja ${updated.number}.` });
  };
  const approvePlan = async () => {
    setError(undefined);
    try {
      await done(await approve.mutateAsync({ id: plan.id }), 'Zatwierdzono plan');
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const returnPlan = form.handleSubmit(async ({ reason }) => {
    setError(undefined);
    try {
      await done(await giveBack.mutateAsync({ id: plan.id, reason }), 'Zwrócono plan asystentowi rodziny');
    } catch (e) {
      applyApiError(e, form.setError, ['reason'] as const);
    }
  });
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label="Zatwierdzenie planu">
      <Stack gap="sm">
        <Title order={2} fz={20}>
          Zatwierdzenie planu
        </Title>
        <Group>
          <Button onClick={() => void approvePlan()} loading={approve.isPending}>
            Zatwierdź plan
          </Button>
        </Group>
        <FormError message={error} title="Nie zatwierdzono planu" />
        <form onSubmit={returnPlan} noValidate aria-label="Zwrot planu">
          <Stack gap="sm">
            <Textarea size="md" autosize minRows={2} label="Powód zwrotu planu" description="Plan wróci do asystenta jako projekt; po poprawkach rodzina i asystent podpiszą go ponownie." inputWrapperOrder={['label', 'input', 'description', 'error']} {...form.register('reason')} error={form.formState.errors.reason?.message} />
            <FormError message={form.formState.errors.root?.server?.message} title="Nie zwrócono planu" />
            <Group>
              <Button type="submit" variant="default" loading={giveBack.isPending}>
                Zwróć do poprawy
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}

/** A plan as signed: read-only, area by area. */
export function PlanReadView({ plan }: { plan: PlanView }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label={`Plan w wersji ${plan.number}`}>
      <Stack gap="md">
        <Group gap="sm" wrap="wrap">
          <PlanStatusBadge status={plan.status} />
          <Text c="dimmed">
            Wersja {plan.number} · asystent rodziny: {plan.assistantName}
            {plan.signedOn ? ` · podpisany ${polishDate(plan.signedOn)}` : ''}
            {plan.approvedOn ? ` · zatwierdzony ${polishDate(plan.approvedOn)} (${plan.approvedByName ?? '—'})` : ''}
          </Text>
        </Group>
        {plan.type === 'coordinated' ? (
          <Text>
            Plan skoordynowany z planem pomocy dziecku. Koordynator rodzinnej pieczy zastępczej: <strong>{plan.coordinator || '—'}</strong>
          </Text>
        ) : null}
        {PLAN_TEXTS.map((field) =>
          plan[field.key].trim() === '' ? null : (
            <Stack key={field.key} gap={4}>
              <Title order={2} fz={17}>
                {field.label}
              </Title>
              <Text style={{ whiteSpace: 'pre-line' }}>{plan[field.key]}</Text>
            </Stack>
          ),
        )}
        {plan.areas.length === 0 ? <Text c="dimmed">Plan nie ma jeszcze żadnego obszaru.</Text> : null}
        {plan.areas.map((area, i) => (
          <Stack key={i} gap="sm">
            <Title order={2} fz={20}>
              {i + 1}. {area.name}
            </Title>
            {area.goals.map((goal, j) => (
              <Stack key={j} gap={6} pl="md">
                <Title order={3} fz={17}>
                  Cel {i + 1}.{j + 1}: {goal.name}
                </Title>
                <Table.ScrollContainer minWidth={800}>
                  <Table withTableBorder striped fz="sm" verticalSpacing="xs">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Zadanie</Table.Th>
                        <Table.Th>Odpowiada</Table.Th>
                        <Table.Th>Termin</Table.Th>
                        <Table.Th>Spodziewany efekt</Table.Th>
                        <Table.Th>Zasoby</Table.Th>
                        <Table.Th>Stan</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {goal.tasks.map((task, k) => (
                        <Table.Tr key={k}>
                          <Table.Td>{task.description}</Table.Td>
                          <Table.Td>{task.responsible}</Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{polishDate(task.deadline)}</Table.Td>
                          <Table.Td>{task.expectedEffect}</Table.Td>
                          <Table.Td>{task.resources || '—'}</Table.Td>
                          <Table.Td>{TASK_STATUS_LABELS[task.status]}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Stack>
            ))}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

/** The versions of the family's plan, newest first. */
export function PlanVersions({ caseId, currentId }: { caseId: string; currentId: string | null }) {
  const { navigate } = useNavigation();
  const work = useFamilyWork(caseId);
  if (!work.data || work.data.plans.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Wersje planu">
      <Stack gap="sm">
        <Title order={2} fz={18}>
          Wersje planu
        </Title>
        <Table fz="md" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Wersja</Table.Th>
              <Table.Th>Stan</Table.Th>
              <Table.Th>Podpisano</Table.Th>
              <Table.Th>Asystent rodziny</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {work.data.plans.map((plan) => (
              <Table.Tr key={plan.id}>
                <Table.Td>{plan.number}</Table.Td>
                <Table.Td>
                  <PlanStatusBadge status={plan.status} />
                </Table.Td>
                <Table.Td>{polishDate(plan.signedOn)}</Table.Td>
                <Table.Td>{plan.assistantName}</Table.Td>
                <Table.Td>
                  {plan.id === currentId ? (
                    <Text c="dimmed">otwarta</Text>
                  ) : (
                    <Button variant="subtle" onClick={() => navigate({ view: 'plan', caseId, planId: plan.id })} aria-label={`Otwórz wersję ${plan.number}`}>
                      Otwórz
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

function toForm(plan: PlanView): PlanFormInput {
  return { type: plan.type, coordinator: plan.coordinator, areas: plan.areas, diagnosis: plan.diagnosis, shortTermGoals: plan.shortTermGoals, longTermGoals: plan.longTermGoals, review: plan.review };
}

/** The plan's texts printed before and after its areas (art. 15 ust. 3 u.w.r.). */
const PLAN_TEXTS = [
  { key: 'diagnosis', label: 'Diagnoza sytuacji rodziny (zasoby i trudności)', description: 'W pierwszym planie wypełniona z analizy sytuacji rodziny; popraw ją z rodziną.' },
  { key: 'shortTermGoals', label: 'Cele krótkoterminowe', description: 'Co rodzina chce osiągnąć w najbliższych miesiącach.' },
  { key: 'longTermGoals', label: 'Cele długoterminowe', description: 'Dokąd prowadzi praca z rodziną.' },
  { key: 'review', label: 'Sposób i termin przeglądu planu', description: 'Np. „przegląd co 3 miesiące na spotkaniu z rodziną, najbliższy do 30.09.2026”.' },
] as const;

function PlanEditor({ plan, draftKey, storedDraft }: { plan: PlanView; draftKey: string; storedDraft: { data: string } | null }) {
  const queryClient = useQueryClient();
  const save = useChannelMutation('plans:save');
  const sign = useChannelMutation('plans:sign');
  const [version, setVersion] = useState(plan.version);
  const [restored] = useState(() => readDraft<PlanFormInput>(storedDraft, plan.version));
  const [showRestored, setShowRestored] = useState(restored !== null);
  const form = useForm<PlanFormInput, unknown, PlanFormOutput>({ resolver: zodResolver(planContentSchema), defaultValues: restored ?? toForm(plan) });
  const { settle, draft } = useAutosave({ key: draftKey, form, baseVersion: version });
  const areas = useFieldArray({ control: form.control, name: 'areas' });
  const type = useWatch({ control: form.control, name: 'type' });
  const [signedOn, setSignedOn] = useState<string | null>(todayIso());
  const [signError, setSignError] = useState<string | undefined>();
  // A refusal to sign was about the form as it was; it is stale once the user changes something.
  useEffect(() => form.subscribe({ formState: { values: true }, callback: () => setSignError(undefined) }), [form]);
  const { errors, isSubmitting } = form.formState;

  const saveValues = async (values: PlanFormOutput): Promise<PlanView> => {
    const saved = await save.mutateAsync({ id: plan.id, expectedVersion: version, ...values });
    setVersion(saved.version);
    setShowRestored(false);
    queryClient.setQueryData(planKey(plan.id), saved);
    await settle(toForm(saved));
    return saved;
  };

  const submit = form.handleSubmit(async (values) => {
    setSignError(undefined);
    try {
      await saveValues(values);
      await refreshCases(queryClient);
      notifications.show({ color: 'green', title: 'Zapisano projekt planu', message: `Wersja ${plan.number}.` });
    } catch (error) {
      applyApiError(error, form.setError, (key) => key === 'type' || key === 'coordinator' || key.startsWith('areas') || PLAN_TEXTS.some((field) => field.key === key));
    }
  });

  const signPlan = form.handleSubmit(async (values) => {
    setSignError(undefined);
    if (!signedOn) {
      setSignError('Podaj datę podpisania planu.');
      return;
    }
    try {
      await saveValues(values);
    } catch (error) {
      applyApiError(error, form.setError, (key) => key === 'type' || key === 'coordinator' || key.startsWith('areas') || PLAN_TEXTS.some((field) => field.key === key));
      return;
    }
    try {
      const signed = await sign.mutateAsync({ id: plan.id, signedOn });
      queryClient.setQueryData(planKey(plan.id), signed);
      await refreshCases(queryClient);
      notifications.show({
        color: 'green',
        title: `Podpisano plan pracy z rodziną (wersja ${signed.number})`,
        message: signed.status === 'awaiting_approval' ? 'Plan czeka na zatwierdzenie przez kierownika.' : 'Rozpoczęła się realizacja planu.',
      });
    } catch (error) {
      // The plan is saved; what blocks the signature is said here, and nothing typed is lost.
      setSignError(errorMessage(error));
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Projekt planu pracy z rodziną">
      <Stack gap="md">
        {plan.returnedReason ? (
          <Alert color="orange" title="Kierownik zwrócił plan do poprawy">
            <Text style={{ whiteSpace: 'pre-line' }}>{plan.returnedReason}</Text>
          </Alert>
        ) : null}
        {showRestored ? <Alert color="yellow">Przywrócono niezapisany szkic tego planu. Zapisz projekt, aby zachować zmiany.</Alert> : null}
        <Paper withBorder radius="md" p="lg">
          <Stack gap="md">
            <Controller
              control={form.control}
              name="type"
              render={({ field }) => (
                <Radio.Group size="md" label="Rodzaj planu" value={field.value} onChange={field.onChange} name={field.name}>
                  <Stack gap={6} mt={6}>
                    <Radio size="md" value="standard" label="Plan pracy z rodziną" />
                    <Radio size="md" value="coordinated" label="Plan skoordynowany z planem pomocy dziecku (dziecko w pieczy zastępczej, art. 15 ust. 1 pkt 2)" />
                  </Stack>
                </Radio.Group>
              )}
            />
            {type === 'coordinated' ? (
              <TextInput
                label="Koordynator rodzinnej pieczy zastępczej"
                description="Imię i nazwisko koordynatora, z którym uzgodniono plan."
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                maw={520}
                {...form.register('coordinator')}
                error={errors.coordinator?.message}
              />
            ) : null}
            {PLAN_TEXTS.map((field) => (
              <Textarea
                key={field.key}
                size="md"
                autosize
                minRows={2}
                label={field.label}
                description={field.description}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                {...form.register(field.key)}
                error={errors[field.key]?.message}
              />
            ))}
          </Stack>
        </Paper>

        {areas.fields.map((area, i) => (
          <AreaFields key={area.id} form={form} index={i} onRemove={() => areas.remove(i)} />
        ))}
        {areas.fields.length === 0 ? <Text c="dimmed">Plan nie ma jeszcze żadnego obszaru. Zacznij od obszaru, np. „Opieka i wychowanie dzieci”.</Text> : null}
        <Group>
          <Button
            variant="default"
            onClick={() =>
              areas.append({ name: '', goals: [{ name: '', tasks: [emptyTask()] }] }, { focusName: `areas.${areas.fields.length}.name` })
            }
          >
            Dodaj obszar
          </Button>
        </Group>

        <FormError message={errors.root?.server?.message} title="Nie zapisano planu" />
        <Group justify="space-between">
          <DraftStatus draft={draft} />
          <Button type="submit" loading={isSubmitting && !sign.isPending}>
            Zapisz projekt
          </Button>
        </Group>

        <SignSection
          title="Podpisanie planu"
          note="Plan podpisują rodzina i asystent. Podpisanego planu nie można zmieniać — późniejsze zmiany wprowadza nowa wersja."
          signedOn={signedOn}
          onSignedOnChange={setSignedOn}
          signLabel="Podpisz plan"
          onSign={() => void signPlan()}
          loading={sign.isPending}
          error={signError}
          errorTitle="Nie podpisano planu"
        />
      </Stack>
    </form>
  );
}

function AreaFields({ form, index, onRemove }: { form: PlanForm; index: number; onRemove: () => void }) {
  const goals = useFieldArray({ control: form.control, name: `areas.${index}.goals` });
  const error = form.formState.errors.areas?.[index];
  const areaName = useWatch({ control: form.control, name: `areas.${index}.name` }).trim();
  return (
    <Paper withBorder radius="md" p="lg" role="group" aria-label={`Obszar ${index + 1}`} bg="gray.0">
      <Stack gap="md">
        <Group align="flex-end" gap="md">
          {/* First in the tab order, shown on the right: Tab from the name never lands on it. */}
          <ConfirmButton
            variant="subtle"
            style={{ order: 2 }}
            onConfirm={onRemove}
            title={`Usunąć obszar ${index + 1}?`}
            message={`Obszar ${index + 1}${areaName ? ` („${areaName}”)` : ''} zostanie usunięty z planu razem z celami i zadaniami (${goals.fields.length}). Zmiana trafi do planu po zapisaniu.`}
            confirmLabel="Usuń obszar"
          >
            Usuń obszar
          </ConfirmButton>
          <TextInput
            label={`Obszar ${index + 1}`}
            withAsterisk
            placeholder="np. Opieka i wychowanie dzieci"
            style={{ flex: 1 }}
            size="md"
            {...form.register(`areas.${index}.name`)}
            error={error?.name?.message}
          />
        </Group>
        {goals.fields.map((goal, j) => (
          <GoalFields key={goal.id} form={form} area={index} index={j} onRemove={() => goals.remove(j)} />
        ))}
        <Group>
          <Button variant="default" onClick={() => goals.append({ name: '', tasks: [emptyTask()] }, { focusName: `areas.${index}.goals.${goals.fields.length}.name` })}>
            Dodaj cel w obszarze {index + 1}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function GoalFields({ form, area, index, onRemove }: { form: PlanForm; area: number; index: number; onRemove: () => void }) {
  const tasks = useFieldArray({ control: form.control, name: `areas.${area}.goals.${index}.tasks` });
  const error = form.formState.errors.areas?.[area]?.goals?.[index];
  const label = `Cel ${area + 1}.${index + 1}`;
  return (
    <Paper withBorder radius="md" p="md" role="group" aria-label={label}>
      <Stack gap="sm">
        <Group align="flex-end" gap="md">
          <ConfirmButton
            variant="subtle"
            style={{ order: 2 }}
            onConfirm={onRemove}
            title={`Usunąć cel ${area + 1}.${index + 1}?`}
            message={`Cel ${area + 1}.${index + 1} zostanie usunięty z planu razem z zadaniami (${tasks.fields.length}). Zmiana trafi do planu po zapisaniu.`}
            confirmLabel="Usuń cel"
          >
            Usuń cel
          </ConfirmButton>
          <TextInput label={label} withAsterisk style={{ flex: 1 }} size="md" {...form.register(`areas.${area}.goals.${index}.name`)} error={error?.name?.message} />
        </Group>
        {tasks.fields.length === 0 ? (
          <Text c="orange.9" size="sm">
            Ten cel nie ma zadań. Plan można zapisać, ale podpisać dopiero, gdy każdy cel ma co najmniej jedno zadanie.
          </Text>
        ) : null}
        {tasks.fields.map((task, k) => (
          <TaskFields key={task.id} form={form} area={area} goal={index} index={k} onRemove={() => tasks.remove(k)} />
        ))}
        <Group>
          <Button
            variant="light"
            onClick={() => tasks.append(emptyTask(), { focusName: `areas.${area}.goals.${index}.tasks.${tasks.fields.length}.description` })}
          >
            Dodaj zadanie do celu {area + 1}.{index + 1}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function TaskFields({ form, area, goal, index, onRemove }: { form: PlanForm; area: number; goal: number; index: number; onRemove: () => void }) {
  const base = `areas.${area}.goals.${goal}.tasks.${index}` as const;
  const error = form.formState.errors.areas?.[area]?.goals?.[goal]?.tasks?.[index];
  return (
    <Paper withBorder radius="sm" p="sm" role="group" aria-label={`Zadanie ${area + 1}.${goal + 1}.${index + 1}`}>
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <Textarea label="Zadanie" size="md" withAsterisk autosize minRows={1} {...form.register(`${base}.description`)} error={error?.description?.message} />
          <Textarea label="Spodziewany efekt" size="md" withAsterisk autosize minRows={1} {...form.register(`${base}.expectedEffect`)} error={error?.expectedEffect?.message} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
          <TextInput label="Osoba odpowiedzialna" size="md" withAsterisk {...form.register(`${base}.responsible`)} error={error?.responsible?.message} />
          <DateField control={form.control} name={`${base}.deadline`} label="Termin" withAsterisk />
          <TextInput label="Zasoby" size="md" {...form.register(`${base}.resources`)} error={error?.resources?.message} />
          <NativeSelect label="Stan" data={TASK_STATUS_OPTIONS} size="md" {...form.register(`${base}.status`)} />
        </SimpleGrid>
        <Group justify="flex-end">
          <ConfirmButton
            variant="subtle"
            size="compact-sm"
            onConfirm={onRemove}
            ariaLabel={`Usuń zadanie ${area + 1}.${goal + 1}.${index + 1}`}
            title={`Usunąć zadanie ${area + 1}.${goal + 1}.${index + 1}?`}
            message="Zadanie zostanie usunięte z planu. Zmiana trafi do planu po zapisaniu."
            confirmLabel="Usuń zadanie"
          >
            Usuń zadanie
          </ConfirmButton>
        </Group>
      </Stack>
    </Paper>
  );
}
