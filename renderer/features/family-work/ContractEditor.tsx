/**
 * The kontrakt socjalny being written (art. 108 u.p.s.): the draft with the person or family, saved
 * by the social worker's button, its typing kept by the app's one autosave (a lock or a crash loses
 * nothing); signing saves it first.
 */
import { Alert, Button, Checkbox, Group, NativeSelect, Paper, Radio, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type DefaultValues } from 'react-hook-form';
import type { CaseFileView } from '../../../shared/cases';
import { CONTRACT_VARIANTS, CONTRACT_VARIANT_LABELS } from '../../../shared/domain/familyWork';
import type { ContractView } from '../../../shared/family-work';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DateField } from '../../components/DateField';
import { DraftStatus } from '../../components/DraftStatus';
import { FormError } from '../../components/FormError';
import { polishDate, todayIso } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { applyApiError } from '../../lib/forms';
import { useAutosave, readDraft } from '../../lib/useAutosave';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { refreshCases } from '../cases/caseQueries';
import { useNavigation } from '../layout/navigation';
import {
  contractFormSchema,
  emptyContract,
  LABOUR_MARKET_FIELDS,
  PARTY_OPTIONS,
  relationLabel,
  signRefusals,
  toForm,
  toInput,
  type ContractFormInput,
  type ContractFormOutput,
} from './contractForm';
import { SignSection } from './FormParts';
import { workKey } from './workQueries';

export function ContractEditor({ file, contract, storedDraft }: { file: CaseFileView; contract: ContractView | null; storedDraft: { data: string } | null }) {
  const queryClient = useQueryClient();
  const { navigate } = useNavigation();
  const create = useChannelMutation('contracts:create');
  const save = useChannelMutation('contracts:save');
  const event = useChannelMutation('contracts:event');
  const [version, setVersion] = useState(contract?.version ?? 0);
  const [restored] = useState(() => readDraft<DefaultValues<ContractFormInput>>(storedDraft, contract?.version ?? 0));
  const [showRestored, setShowRestored] = useState(restored !== null);
  const form = useForm<ContractFormInput, unknown, ContractFormOutput>({
    resolver: zodResolver(contractFormSchema),
    defaultValues: restored ?? (contract ? toForm(contract) : emptyContract(file)),
  });
  const { settle, discard, draft } = useAutosave({ key: `contract:${contract?.id ?? `new-${file.id}`}`, form, baseVersion: version });
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
      await discard();
      await refreshCases(queryClient);
      return created;
    }
    const saved = await save.mutateAsync({ id: contract.id, expectedVersion: version, ...toInput(values) });
    setVersion(saved.version);
    setShowRestored(false);
    await settle(toForm(saved), saved.version);
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
          <DraftStatus draft={draft} />
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
