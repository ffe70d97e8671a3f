import { Button, Group, Modal, Paper, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { decisionSchema, REQUEST_KIND_LABELS, type RequestView } from '../../../shared/cases';
import { MINOR_PARENT_BASIS, REFERRAL_TARGETS, REFERRAL_TARGET_LABELS } from '../../../shared/domain/caseFlow';
import { FormError } from '../../components/FormError';
import { QueryState } from '../../components/QueryState';
import { DateField } from '../../components/DateField';
import { polishDate, todayIso } from '../../lib/dates';
import { applyApiError } from '../../lib/forms';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { refreshCases } from '../cases/caseQueries';
import { AssistantPicker } from './AssistantPicker';
import { useCaseloads } from './requestQueries';

export type DecisionKind = 'assign' | 'refer' | 'return';

const decisionValuesSchema = z.object({
  kind: z.enum(['assign', 'refer', 'return']),
  assistantId: z.string().nullable(),
  target: z.enum(REFERRAL_TARGETS).nullable(),
  organisation: z.string(),
  reason: z.string(),
  decidedOn: z.string(),
});
type DecisionValues = z.infer<typeof decisionValuesSchema>;

function decisionCandidate(values: DecisionValues): unknown {
  switch (values.kind) {
    case 'assign':
      return { kind: 'assign', assistantId: values.assistantId ?? '' };
    case 'refer':
      return { kind: 'refer', target: values.target ?? '', organisation: values.organisation };
    case 'return':
      return { kind: 'return', reason: values.reason };
  }
}

/** Validated by the same decisionSchema the main process uses. */
const decisionFormSchema = decisionValuesSchema.superRefine((values, ctx) => {
  const parsed = decisionSchema.safeParse(decisionCandidate(values));
  if (parsed.success) return;
  for (const issue of parsed.error.issues) {
    const [field] = issue.path;
    const message =
      field === 'target' ? 'Wybierz, komu przekazujesz sprawę.' : issue.message;
    ctx.addIssue({ code: 'custom', path: typeof field === 'string' ? [field] : [], message });
  }
});

const TARGET_OPTIONS = REFERRAL_TARGETS.map((value) => ({ value, label: REFERRAL_TARGET_LABELS[value] }));

/** The kierownik's decision on a request for an assistant (art. 11 ust. 3 u.w.r.). */
export function DecisionModal({
  request,
  initialKind = 'assign',
  onClose,
}: {
  request: RequestView | null;
  initialKind?: DecisionKind;
  onClose: () => void;
}) {
  return (
    <Modal opened={request !== null} onClose={onClose} title="Decyzja w sprawie wniosku o asystenta rodziny" size="xl">
      {request ? <DecisionForm request={request} initialKind={initialKind} onDone={onClose} /> : null}
    </Modal>
  );
}

function DecisionForm({ request, initialKind, onDone }: { request: RequestView; initialKind: DecisionKind; onDone: () => void }) {
  const queryClient = useQueryClient();
  const caseloads = useCaseloads();
  const decide = useChannelMutation('requests:decide');
  const form = useForm<DecisionValues>({
    resolver: zodResolver(decisionFormSchema),
    defaultValues: { kind: request.kind === 'minor_parent' ? 'assign' : initialKind, assistantId: null, target: null, organisation: '', reason: '', decidedOn: todayIso() },
  });
  const { errors, isSubmitting } = form.formState;
  const kind = useWatch({ control: form.control, name: 'kind' });
  // art. 11 u.w.r.: a minor parent leaving an institution gets an assistant; no other decision.
  const mandatory = request.kind === 'minor_parent';

  const submit = form.handleSubmit(async (values) => {
    try {
      const decision = decisionSchema.parse(decisionCandidate(values));
      const result = await decide.mutateAsync({ requestId: request.id, decision, ...(values.decidedOn ? { decidedOn: values.decidedOn } : {}) });
      await refreshCases(queryClient);
      const chosen = caseloads.data?.find((c) => c.assistantId === values.assistantId);
      notifications.show({
        color: 'green',
        title: `Sprawa ${result.caseNumber}: decyzja zapisana`,
        message:
          result.status === 'assigned'
            ? `Przydzielono asystenta rodziny${chosen ? `: ${chosen.name}` : ''}.`
            : result.status === 'referred'
              ? `Sprawę przekazano: ${result.referralOrganisation ?? ''}.`
              : 'Wniosek wrócił do pracownika socjalnego z uzasadnieniem.',
      });
      onDone();
    } catch (error) {
      // E.g. the limit of families was reached meanwhile: the main process's Polish refusal.
      applyApiError(error, form.setError, ['assistantId', 'organisation', 'reason', 'target', 'decidedOn']);
      void caseloads.refetch();
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Paper withBorder radius="md" p="sm" bg="gray.0">
          <Stack gap={4}>
            <Text fw={600}>
              Sprawa {request.caseNumber} — {request.familyName}
            </Text>
            <Text size="sm" c="dimmed">
              Wniosek z {polishDate(request.filedOn)}; pracownik socjalny: {request.filedByName}
            </Text>
            <Text size="sm" fw={500}>
              {REQUEST_KIND_LABELS[request.kind]}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{request.justification}</Text>
          </Stack>
        </Paper>

        <Controller
          control={form.control}
          name="kind"
          render={({ field }) => (
            <Radio.Group label="Decyzja" value={field.value} onChange={(value) => field.onChange(value === 'refer' || value === 'return' ? value : 'assign')} size="md">
              <Stack gap="xs" mt="xs">
                <Radio value="assign" label="Przydzielam asystenta rodziny z ośrodka" />
                {mandatory ? (
                  <Text size="sm" c="dimmed">
                    Przydział jest obowiązkowy: wniosku nie można zwrócić ani przekazać innemu podmiotowi ({MINOR_PARENT_BASIS}).
                  </Text>
                ) : (
                  <>
                    <Radio value="refer" label="Przekazuję do jednostki gminy lub podmiotu, któremu zlecono pracę z rodziną" />
                    <Radio value="return" label="Zwracam wniosek pracownikowi socjalnemu" />
                  </>
                )}
              </Stack>
            </Radio.Group>
          )}
        />

        {kind === 'assign' ? (
          <>
            <QueryState isPending={caseloads.isPending} error={caseloads.error} onRetry={() => void caseloads.refetch()} loadingLabel="Wczytywanie obciążenia asystentów…" />
            {caseloads.data ? (
              <Controller
                control={form.control}
                name="assistantId"
                render={({ field, fieldState }) => (
                  <AssistantPicker caseloads={caseloads.data} value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
                )}
              />
            ) : null}
          </>
        ) : null}

        {kind === 'refer' ? (
          <>
            <Controller
              control={form.control}
              name="target"
              render={({ field, fieldState }) => (
                <Select
                  label="Komu przekazujesz sprawę"
                  placeholder="Wybierz"
                  data={TARGET_OPTIONS}
                  value={field.value}
                  onChange={(value) => field.onChange(REFERRAL_TARGETS.find((target) => target === value) ?? null)}
                  error={fieldState.error?.message}
                  allowDeselect={false}
                />
              )}
            />
            <TextInput label="Nazwa podmiotu" {...form.register('organisation')} error={errors.organisation?.message} />
          </>
        ) : null}

        {kind === 'return' ? (
          <Textarea
            label="Uzasadnienie zwrotu"
            description="Pracownik socjalny zobaczy je w teczce sprawy; sprawa wraca do analizy sytuacji rodziny."
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            autosize
            minRows={3}
            {...form.register('reason')}
            error={errors.reason?.message}
          />
        ) : null}

        <DateField
          control={form.control}
          name="decidedOn"
          label="Data decyzji"
          description="Dzień decyzji; wcześniejszy, jeśli decyzję podjęto na papierze i wpisujesz ją później (dziennik odnotuje wpis z opóźnieniem)."
          minDate={request.filedOn}
          maxDate={todayIso()}
          withAsterisk
        />
        <FormError message={errors.root?.server?.message} title="Nie zapisano decyzji" />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Anuluj
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Zapisz decyzję
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
