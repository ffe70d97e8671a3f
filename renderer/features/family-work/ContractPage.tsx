import { Alert, Badge, Button, Checkbox, Group, Modal, NativeSelect, Paper, Radio, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type DefaultValues } from 'react-hook-form';
import { z } from 'zod';
import { RELATION_LABELS, type CaseFileView } from '../../../shared/cases';
import { addMonths, type IsoDate } from '../../../shared/domain/dates';
import {
  CONTRACT_OUTCOMES,
  CONTRACT_OUTCOME_LABELS,
  CONTRACT_STATUS_LABELS,
  CONTRACT_VARIANTS,
  CONTRACT_VARIANT_LABELS,
  type ContractOutcome,
  type ContractStatus,
} from '../../../shared/domain/familyWork';
import { contractContentSchema, type ContractView } from '../../../shared/family-work';
import { text } from '../../../shared/schemas';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DateField, DateText } from '../../components/DateField';
import { DraftStatus } from '../../components/DraftStatus';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { polishDate, todayIso } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { applyApiError } from '../../lib/forms';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { useFormDraft } from '../../lib/useFormDraft';
import { familyName } from '../case-file/familyName';
import { refreshCases, useCaseFile } from '../cases/caseQueries';
import { useNavigation } from '../layout/navigation';
import { useSession } from '../layout/session';
import { useDraftSync } from './useDraftSync';
import { mayManageContracts, readDraft, useFamilyWork, workKey } from './workQueries';
import { ChoiceGroup, DialogButtons, SignSection } from './FormParts';

/** The form keeps partial goals as rows (react-hook-form's field arrays hold objects, not strings). */
const contractFormSchema = contractContentSchema.extend({ partialGoals: z.array(z.object({ text: text('Cel szczegółowy', 1000) })).max(30) });
type ContractFormInput = z.input<typeof contractFormSchema>;
type ContractFormOutput = z.output<typeof contractFormSchema>;

const PARTY_OPTIONS = [
  { value: 'client', label: 'Osoba / rodzina' },
  { value: 'worker', label: 'Pracownik socjalny' },
];
const ACTION_STATUS_OPTIONS = [
  { value: 'planned', label: 'Zaplanowane' },
  { value: 'done', label: 'Wykonane' },
  { value: 'not_done', label: 'Niewykonane' },
];
const STATUS_COLORS: Record<ContractStatus, string> = { draft: 'yellow', signed: 'blue', in_progress: 'blue', assessed: 'green', terminated: 'gray' };

export function ContractStatusBadge({ status }: { status: ContractStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size="lg">
      {CONTRACT_STATUS_LABELS[status]}
    </Badge>
  );
}

function relationLabel(relation: string): string {
  return relation in RELATION_LABELS ? RELATION_LABELS[relation as keyof typeof RELATION_LABELS].toLowerCase() : relation;
}

function toForm(contract: ContractView): ContractFormInput {
  const { variant, clientIds, causes, possibilities, limitations, mainGoal, actions, periodFrom, periodTo } = contract;
  return { variant, clientIds, causes, possibilities, limitations, mainGoal, actions, periodFrom, periodTo, partialGoals: contract.partialGoals.map((goal) => ({ text: goal })), labourMarket: contract.labourMarket ?? EMPTY_LABOUR_MARKET };
}

/** Variant B, part I B: the person's labour-market situation (printed on the kontrakt). */
const EMPTY_LABOUR_MARKET = { education: '', pupRegistration: '', unemploymentReason: '', profile: '' };
const LABOUR_MARKET_FIELDS = [
  { key: 'education', label: 'Wykształcenie' },
  { key: 'pupRegistration', label: 'Rejestracja w powiatowym urzędzie pracy', description: 'Np. „bezrobotna bez prawa do zasiłku od 12.01.2026” albo „nie jest zarejestrowana”.' },
  { key: 'unemploymentReason', label: 'Przyczyny pozostawania bez pracy' },
  { key: 'profile', label: 'Profil pomocy / forma wsparcia ustalona w urzędzie pracy' },
] as const;

function emptyContract(file: CaseFileView): DefaultValues<ContractFormInput> {
  const today = todayIso();
  const applicant = file.family.members.find((member) => member.relation === 'applicant') ?? file.family.members[0];
  return {
    clientIds: applicant ? [applicant.person.id] : [],
    causes: '',
    possibilities: '',
    limitations: '',
    mainGoal: '',
    partialGoals: [],
    actions: [],
    periodFrom: today,
    periodTo: addMonths(today, 6),
    labourMarket: EMPTY_LABOUR_MARKET,
  };
}

/**
 * A new contract is created by its first save, which moves to its own screen (its id, its draft);
 * a refusal to sign it at that moment is handed over to that screen so the user still sees why.
 */
const signRefusals = new Map<string, string>();

function toInput(values: ContractFormOutput) {
  return { ...values, partialGoals: values.partialGoals.map((goal) => goal.text) };
}

/**
 * "Kontrakt socjalny" (art. 108 u.p.s.; wzory z rozporządzenia, Dz.U. 2010 nr 218 poz. 1439): the
 * social worker writes the draft with the person or family, signs it, then records how it goes.
 */
export function ContractPage({ caseId, contractId }: { caseId: string; contractId: string | null }) {
  const { user } = useSession();
  const { navigate } = useNavigation();
  const file = useCaseFile(caseId);
  const work = useFamilyWork(caseId);
  const draft = useFormDraft(`contract:${contractId ?? `new-${caseId}`}`);
  const contract = contractId ? work.data?.contracts.find((c) => c.id === contractId) : undefined;
  const ready = file.data && work.data && draft.stored.isSuccess;
  const manage = file.data ? mayManageContracts(user, file.data) : false;

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        title={contractId ? 'Kontrakt socjalny' : 'Nowy kontrakt socjalny'}
        description={file.data ? `Sprawa ${file.data.number} — ${familyName(file.data)}` : undefined}
        actions={
          <Button variant="default" onClick={() => navigate({ view: 'case', caseId, tab: 'contract' })}>
            Wróć do teczki sprawy
          </Button>
        }
      />
      <QueryState
        isPending={file.isPending || work.isPending || draft.stored.isPending}
        error={file.error ?? work.error ?? draft.stored.error}
        onRetry={() => void Promise.all([file.refetch(), work.refetch()])}
        loadingLabel="Wczytywanie kontraktu…"
      />
      {ready && contractId && !contract ? <Alert color="red">Nie znaleziono takiego kontraktu w tej sprawie.</Alert> : null}
      {ready && (!contractId || contract?.status === 'draft') && manage ? <ContractEditor file={file.data} contract={contract ?? null} draft={draft} /> : null}
      {ready && contract && (contract.status !== 'draft' || !manage) ? (
        <>
          <ContractReadView file={file.data} contract={contract} />
          {manage ? <ContractEvents contract={contract} /> : null}
        </>
      ) : null}
    </Stack>
  );
}

function ContractEditor({ file, contract, draft }: { file: CaseFileView; contract: ContractView | null; draft: ReturnType<typeof useFormDraft> }) {
  const queryClient = useQueryClient();
  const { navigate } = useNavigation();
  const create = useChannelMutation('contracts:create');
  const save = useChannelMutation('contracts:save');
  const event = useChannelMutation('contracts:event');
  const [version, setVersion] = useState(contract?.version ?? 0);
  const [restored] = useState(() => readDraft<DefaultValues<ContractFormInput>>(draft.stored.data, contract?.version ?? 0));
  const [showRestored, setShowRestored] = useState(restored !== null);
  const form = useForm<ContractFormInput, unknown, ContractFormOutput>({
    resolver: zodResolver(contractFormSchema),
    defaultValues: restored ?? (contract ? toForm(contract) : emptyContract(file)),
  });
  const { settle } = useDraftSync(form, draft, version);
  const goals = useFieldArray({ control: form.control, name: 'partialGoals' });
  const actions = useFieldArray({ control: form.control, name: 'actions' });
  const [signedOn, setSignedOn] = useState<string | null>(todayIso());
  const [signError, setSignError] = useState<string | undefined>(() => (contract ? signRefusals.get(contract.id) : undefined));
  useEffect(() => {
    if (contract) signRefusals.delete(contract.id);
  }, [contract]);
  // A refusal to sign was about the form as it was; it is stale once the user changes something.
  useEffect(() => form.subscribe({ formState: { values: true }, callback: () => setSignError(undefined) }), [form]);
  const { errors, isSubmitting } = form.formState;
  const variant = useWatch({ control: form.control, name: 'variant' });
  const isField = (key: string) => ['variant', 'clientIds', 'causes', 'possibilities', 'limitations', 'mainGoal', 'periodFrom', 'periodTo'].includes(key) || /^(actions|partialGoals|labourMarket)\./.test(key);

  /** Creates the contract or saves its draft; returns the saved contract. */
  const persist = async (values: ContractFormOutput): Promise<ContractView> => {
    if (!contract) {
      const created = await create.mutateAsync({ caseId: file.id, ...toInput(values) });
      await draft.discard();
      await refreshCases(queryClient);
      return created;
    }
    const saved = await save.mutateAsync({ id: contract.id, expectedVersion: version, ...toInput(values) });
    setVersion(saved.version);
    setShowRestored(false);
    await settle(toForm(saved));
    queryClient.setQueryData(workKey(file.id), (old: { contracts: ContractView[] } | undefined) =>
      old ? { ...old, contracts: old.contracts.map((c) => (c.id === saved.id ? saved : c)) } : old,
    );
    return saved;
  };

  const submit = form.handleSubmit(async (values) => {
    setSignError(undefined);
    try {
      const saved = await persist(values);
      notifications.show({ color: 'green', title: 'Zapisano projekt kontraktu', message: 'Kontrakt można podpisać, gdy strony go uzgodnią.' });
      if (!contract) navigate({ view: 'contract', caseId: file.id, contractId: saved.id });
    } catch (error) {
      applyApiError(error, form.setError, isField);
    }
  });

  const sign = form.handleSubmit(async (values) => {
    setSignError(undefined);
    if (!signedOn) {
      setSignError('Podaj datę podpisania kontraktu.');
      return;
    }
    let saved: ContractView;
    try {
      saved = await persist(values);
    } catch (error) {
      applyApiError(error, form.setError, isField);
      return;
    }
    try {
      await event.mutateAsync({ id: saved.id, event: 'sign', signedOn });
      await refreshCases(queryClient);
      notifications.show({ color: 'green', title: 'Podpisano kontrakt socjalny', message: `Data podpisania: ${polishDate(signedOn)}.` });
      if (!contract) navigate({ view: 'contract', caseId: file.id, contractId: saved.id });
    } catch (error) {
      // The draft is saved; the reason it cannot be signed (e.g. a deadline outside the period) is shown here.
      if (contract) setSignError(errorMessage(error));
      else {
        signRefusals.set(saved.id, errorMessage(error));
        navigate({ view: 'contract', caseId: file.id, contractId: saved.id });
      }
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Projekt kontraktu socjalnego">
      <Stack gap="md">
        {showRestored ? <Alert color="yellow">Przywrócono niezapisany szkic kontraktu. Zapisz projekt, aby zachować zmiany.</Alert> : null}
        <Paper withBorder radius="md" p="lg">
          <Stack gap="md">
            <Controller
              control={form.control}
              name="variant"
              render={({ field, fieldState }) => (
                <Radio.Group size="md" label="Wzór kontraktu" withAsterisk value={field.value ?? null} onChange={field.onChange} error={fieldState.error?.message} name={field.name}>
                  <Stack gap={6} mt={6}>
                    {CONTRACT_VARIANTS.map((value) => (
                      <Radio size="md" key={value} value={value} label={CONTRACT_VARIANT_LABELS[value]} />
                    ))}
                  </Stack>
                </Radio.Group>
              )}
            />
            <Controller
              control={form.control}
              name="clientIds"
              render={({ field, fieldState }) => (
                <Checkbox.Group size="md" label="Strona kontraktu (osoba lub członkowie rodziny)" withAsterisk value={field.value} onChange={field.onChange} error={fieldState.error?.message}>
                  <Group gap="lg" mt={6}>
                    {file.family.members.map((member) => (
                      <Checkbox
                        key={member.person.id}
                        value={member.person.id}
                        label={`${member.person.firstName} ${member.person.lastName} (${relationLabel(member.relation)})`}
                      />
                    ))}
                  </Group>
                </Checkbox.Group>
              )}
            />
            <Text size="sm" c="dimmed">
              Drugą stroną jest pracownik socjalny prowadzący sprawę: {file.worker.name}.
            </Text>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" maw={520}>
              <DateField control={form.control} name="periodFrom" label="Kontrakt obowiązuje od" withAsterisk />
              <DateField control={form.control} name="periodTo" label="Kontrakt obowiązuje do" withAsterisk />
            </SimpleGrid>
          </Stack>
        </Paper>

        <Paper withBorder radius="md" p="lg" component="section" aria-label="Ocena sytuacji">
          <Stack gap="md">
            <Title order={2} fz={18}>
              Ocena sytuacji
            </Title>
            <Textarea label="Przyczyny trudnej sytuacji życiowej" autosize minRows={2} size="md" {...form.register('causes')} error={errors.causes?.message} />
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <Textarea label="Możliwości" description="Mocne strony, zasoby osoby i otoczenia." inputWrapperOrder={['label', 'input', 'description', 'error']} autosize minRows={2} size="md" {...form.register('possibilities')} error={errors.possibilities?.message} />
              <Textarea label="Ograniczenia" description="Co utrudnia wyjście z trudnej sytuacji." inputWrapperOrder={['label', 'input', 'description', 'error']} autosize minRows={2} size="md" {...form.register('limitations')} error={errors.limitations?.message} />
            </SimpleGrid>
            {variant === 'B' ? (
              <Stack gap="sm" aria-label="Sytuacja zawodowa (część I B)">
                <Title order={3} fz={16}>
                  Sytuacja zawodowa (część I B)
                </Title>
                {LABOUR_MARKET_FIELDS.map((field) => (
                  <Textarea
                    key={field.key}
                    label={field.label}
                    {...('description' in field ? { description: field.description, inputWrapperOrder: ['label', 'input', 'description', 'error'] as ('label' | 'input' | 'description' | 'error')[] } : {})}
                    autosize
                    minRows={1}
                    size="md"
                    {...form.register(`labourMarket.${field.key}`)}
                    error={errors.labourMarket?.[field.key]?.message}
                  />
                ))}
              </Stack>
            ) : null}
          </Stack>
        </Paper>

        <Paper withBorder radius="md" p="lg" component="section" aria-label="Cele">
          <Stack gap="md">
            <Title order={2} fz={18}>
              Cele
            </Title>
            <Textarea label="Cel główny" withAsterisk autosize minRows={1} size="md" {...form.register('mainGoal')} error={errors.mainGoal?.message} />
            {goals.fields.map((goal, i) => (
              <Group key={goal.id} align="flex-end" gap="sm">
                <ConfirmButton
                  variant="subtle"
                  style={{ order: 2 }}
                  onConfirm={() => goals.remove(i)}
                  ariaLabel={`Usuń cel szczegółowy ${i + 1}`}
                  title={`Usunąć cel szczegółowy ${i + 1}?`}
                  message="Cel zostanie usunięty z kontraktu. Zmiana trafi do kontraktu po zapisaniu."
                  confirmLabel="Usuń cel"
                >
                  Usuń
                </ConfirmButton>
                <TextInput label={`Cel szczegółowy ${i + 1}`} style={{ flex: 1 }} size="md" {...form.register(`partialGoals.${i}.text`)} error={errors.partialGoals?.[i]?.text?.message} />
              </Group>
            ))}
            <Group>
              <Button variant="default" onClick={() => goals.append({ text: '' }, { focusName: `partialGoals.${goals.fields.length}.text` })}>
                Dodaj cel szczegółowy
              </Button>
            </Group>
          </Stack>
        </Paper>

        <Paper withBorder radius="md" p="lg" component="section" aria-label="Działania stron">
          <Stack gap="md">
            <Title order={2} fz={18}>
              Działania stron
            </Title>
            <Text size="sm" c="dimmed">
              Co zobowiązuje się zrobić osoba lub rodzina, a co pracownik socjalny — i do kiedy. Terminy muszą mieścić się w okresie obowiązywania kontraktu.
            </Text>
            {actions.fields.map((action, i) => (
              <Paper key={action.id} withBorder radius="sm" p="sm" role="group" aria-label={`Działanie ${i + 1}`}>
                <Group align="flex-start" gap="sm" wrap="wrap">
                  <NativeSelect label="Strona" data={PARTY_OPTIONS} size="md" w={210} {...form.register(`actions.${i}.party`)} />
                  <Textarea label="Działanie" withAsterisk autosize minRows={1} size="md" style={{ flex: 1, minWidth: 280 }} {...form.register(`actions.${i}.description`)} error={errors.actions?.[i]?.description?.message} />
                  <DateField control={form.control} name={`actions.${i}.deadline`} label="Termin" withAsterisk maw={180} />
                  <ConfirmButton
                    variant="subtle"
                    mt={28}
                    onConfirm={() => actions.remove(i)}
                    ariaLabel={`Usuń działanie ${i + 1}`}
                    title={`Usunąć działanie ${i + 1}?`}
                    message="Działanie zostanie usunięte z kontraktu. Zmiana trafi do kontraktu po zapisaniu."
                    confirmLabel="Usuń działanie"
                  >
                    Usuń
                  </ConfirmButton>
                </Group>
              </Paper>
            ))}
            <Group>
              <Button
                variant="default"
                onClick={() => actions.append({ party: 'client', description: '', deadline: '', status: 'planned' }, { focusName: `actions.${actions.fields.length}.description` })}
              >
                Dodaj działanie
              </Button>
            </Group>
            {errors.actions?.root?.message ?? errors.actions?.message ? <Text c="red.8">{errors.actions?.root?.message ?? errors.actions?.message}</Text> : null}
          </Stack>
        </Paper>

        <FormError message={errors.root?.server?.message} title="Nie zapisano kontraktu" />
        <Group justify="space-between">
          <DraftStatus savedAt={draft.savedAt} problem={draft.problem} />
          <Button type="submit" loading={isSubmitting && !event.isPending}>
            Zapisz projekt kontraktu
          </Button>
        </Group>

        <SignSection
          title="Podpisanie kontraktu"
          note="Podpisany kontrakt nie jest już zmieniany: można odnotować jego realizację, niedotrzymanie, ocenić go albo rozwiązać."
          signedOn={signedOn}
          onSignedOnChange={setSignedOn}
          signLabel="Podpisz kontrakt"
          onSign={() => void sign()}
          loading={event.isPending}
          error={signError}
          errorTitle="Nie podpisano kontraktu"
        />
      </Stack>
    </form>
  );
}

export function ContractReadView({ file, contract }: { file: CaseFileView; contract: ContractView }) {
  const names = new Map(file.family.members.map((m) => [m.person.id, `${m.person.firstName} ${m.person.lastName}`]));
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label="Treść kontraktu">
      <Stack gap="md">
        <Group gap="sm" wrap="wrap">
          <ContractStatusBadge status={contract.status} />
          <Text c="dimmed">
            {CONTRACT_VARIANT_LABELS[contract.variant]} · okres {polishDate(contract.periodFrom)} – {polishDate(contract.periodTo)}
            {contract.signedOn ? ` · podpisany ${polishDate(contract.signedOn)}` : ''}
          </Text>
        </Group>
        <Text>
          <strong>Strony:</strong> {contract.clientIds.map((id) => names.get(id) ?? '—').join(', ')} oraz pracownik socjalny {contract.workerName}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <Block label="Przyczyny trudnej sytuacji">{contract.causes}</Block>
          <Block label="Możliwości">{contract.possibilities}</Block>
          <Block label="Ograniczenia">{contract.limitations}</Block>
        </SimpleGrid>
        <Block label="Cel główny">{contract.mainGoal}</Block>
        {contract.partialGoals.length > 0 ? <Block label="Cele szczegółowe">{contract.partialGoals.map((goal, i) => `${i + 1}. ${goal}`).join('\n')}</Block> : null}
        {contract.outcome ? (
          <Alert color="green" title="Ocena realizacji kontraktu">
            {CONTRACT_OUTCOME_LABELS[contract.outcome as ContractOutcome] ?? contract.outcome}
            {contract.outcomeNote ? ` — ${contract.outcomeNote}` : ''}
          </Alert>
        ) : null}
        {contract.terminatedOn ? (
          <Alert color="gray" title={`Kontrakt rozwiązany ${polishDate(contract.terminatedOn)}`}>
            {contract.terminationReason}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}

function Block({ label, children }: { label: string; children: string }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={700} c="dimmed">
        {label}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{children || '—'}</Text>
    </Stack>
  );
}

type EventDialog = 'breach' | 'assess' | 'terminate' | null;

/** What happens to a signed contract: its start, the actions' progress, a breach, the assessment or early termination. */
function ContractEvents({ contract }: { contract: ContractView }) {
  const queryClient = useQueryClient();
  const event = useChannelMutation('contracts:event');
  const [dialog, setDialog] = useState<EventDialog>(null);
  const [error, setError] = useState<string | undefined>();
  const live = contract.status === 'signed' || contract.status === 'in_progress';

  const run = async (input: Parameters<typeof event.mutateAsync>[0], done: string): Promise<void> => {
    await event.mutateAsync(input);
    await refreshCases(queryClient);
    notifications.show({ color: 'green', title: done, message: 'Zdarzenie jest w chronologii sprawy.' });
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label="Realizacja kontraktu">
      <Stack gap="md">
        <Title order={2} fz={18}>
          Realizacja kontraktu
        </Title>
        <Table.ScrollContainer minWidth={720}>
          <Table withTableBorder fz="md" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Strona</Table.Th>
                <Table.Th>Działanie</Table.Th>
                <Table.Th>Termin</Table.Th>
                <Table.Th>Stan</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contract.actions.map((action) => (
                <Table.Tr key={action.id}>
                  <Table.Td>{action.party === 'client' ? 'Osoba / rodzina' : 'Pracownik socjalny'}</Table.Td>
                  <Table.Td>{action.description}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{polishDate(action.deadline)}</Table.Td>
                  <Table.Td>
                    {live ? (
                      <NativeSelect size="md"
                        aria-label={`Stan działania: ${action.description}`}
                        data={ACTION_STATUS_OPTIONS}
                        value={action.status}
                        onChange={(e) => {
                          setError(undefined);
                          const status = e.currentTarget.value as 'planned' | 'done' | 'not_done';
                          run({ id: contract.id, event: 'action_status', actionId: action.id, status }, 'Zmieniono stan działania').catch((err: unknown) => setError(errorMessage(err)));
                        }}
                      />
                    ) : (
                      (ACTION_STATUS_OPTIONS.find((o) => o.value === action.status)?.label ?? action.status)
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {live ? (
          <Group gap="sm">
            {contract.status === 'signed' ? (
              <Button
                onClick={() => {
                  setError(undefined);
                  run({ id: contract.id, event: 'start' }, 'Rozpoczęto realizację kontraktu').catch((err: unknown) => setError(errorMessage(err)));
                }}
              >
                Rozpocznij realizację
              </Button>
            ) : null}
            <Button variant="default" color="red" onClick={() => setDialog('breach')}>
              Odnotuj niedotrzymanie kontraktu
            </Button>
            <Button variant="default" onClick={() => setDialog('assess')}>
              Oceń realizację
            </Button>
            <Button variant="default" onClick={() => setDialog('terminate')}>
              Rozwiąż przed terminem
            </Button>
          </Group>
        ) : (
          <Text c="dimmed">Kontrakt jest {CONTRACT_STATUS_LABELS[contract.status].toLowerCase()}; nie odnotowuje się już w nim zdarzeń.</Text>
        )}
        <Text size="sm" c="dimmed">
          Niedotrzymanie kontraktu może być podstawą ograniczenia świadczeń pieniężnych (art. 11 ust. 2 ustawy o pomocy społecznej); każde odnotowane zdarzenie jest w chronologii sprawy.
        </Text>
        <FormError message={error} title="Nie zapisano" />
      </Stack>
      <EventModal
        opened={dialog === 'breach'}
        onClose={() => setDialog(null)}
        title="Niedotrzymanie kontraktu"
        withDate="Data niedotrzymania"
        noteLabel="Opis niedotrzymania kontraktu"
        noteRequired
        confirmLabel="Odnotuj"
        onConfirm={(date, note) => run({ id: contract.id, event: 'breach', occurredOn: date ?? '', note }, 'Odnotowano niedotrzymanie kontraktu')}
      />
      <EventModal
        opened={dialog === 'assess'}
        onClose={() => setDialog(null)}
        title="Ocena realizacji kontraktu"
        withOutcome
        noteLabel="Uzasadnienie oceny"
        confirmLabel="Zapisz ocenę"
        onConfirm={async (_date, note, outcome) => {
          if (outcome) await run({ id: contract.id, event: 'assess', outcome, note }, 'Oceniono realizację kontraktu');
        }}
      />
      <EventModal
        opened={dialog === 'terminate'}
        onClose={() => setDialog(null)}
        title="Rozwiązanie kontraktu przed terminem"
        withDate="Data rozwiązania"
        noteLabel="Przyczyna rozwiązania"
        noteRequired
        confirmLabel="Rozwiąż kontrakt"
        onConfirm={(date, note) => run({ id: contract.id, event: 'terminate', terminatedOn: date ?? '', reason: note }, 'Rozwiązano kontrakt')}
      />
    </Paper>
  );
}

function EventModal({
  opened,
  onClose,
  title,
  withDate,
  withOutcome,
  noteLabel,
  noteRequired,
  confirmLabel,
  onConfirm,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  withDate?: string;
  withOutcome?: boolean;
  noteLabel: string;
  noteRequired?: boolean;
  confirmLabel: string;
  onConfirm: (date: IsoDate | null, note: string, outcome: ContractOutcome | null) => Promise<void>;
}) {
  const [date, setDate] = useState<string | null>(todayIso());
  const [outcome, setOutcome] = useState<ContractOutcome | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setError(undefined);
    if (withDate && !date) return setError(`Podaj pole „${withDate}”.`);
    if (withOutcome && !outcome) return setError('Wybierz ocenę realizacji.');
    setBusy(true);
    try {
      await onConfirm(date, note, outcome);
      setNote('');
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <Stack gap="md">
        {withDate ? (
          <DateText label={withDate} maxDate={todayIso()} value={date} onChange={setDate} w={200} withAsterisk />
        ) : null}
        {withOutcome ? (
          <ChoiceGroup label="Ocena" options={CONTRACT_OUTCOMES} labels={CONTRACT_OUTCOME_LABELS} value={outcome} onChange={setOutcome} />
        ) : null}
        <Textarea size="md" label={noteLabel} withAsterisk={noteRequired} autosize minRows={3} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <FormError message={error} title="Nie zapisano" />
        <DialogButtons onCancel={onClose} onConfirm={() => void submit()} confirmLabel={confirmLabel} loading={busy} />
      </Stack>
    </Modal>
  );
}
