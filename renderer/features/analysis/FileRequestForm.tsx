import { Button, Group, Stack, Textarea } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { channels } from '../../../shared/ipc';
import { FormError } from '../../components/FormError';
import { DateField } from '../../components/DateField';
import { todayIso } from '../../lib/dates';
import { applyApiError } from '../../lib/forms';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { refreshCases } from '../cases/caseQueries';

const requestFormSchema = channels['requests:file'].input.omit({ caseId: true });
type RequestFormInput = z.input<typeof requestFormSchema>;
type RequestFormOutput = z.output<typeof requestFormSchema>;

/** The social worker's request to the kierownik for a family assistant (art. 11 ust. 3 u.w.r.). */
export function FileRequestForm({
  caseId,
  onDone,
  onCancel,
  disabled,
}: {
  caseId: string;
  onDone: () => void;
  onCancel?: () => void;
  disabled?: boolean;
}) {
  const queryClient = useQueryClient();
  const file = useChannelMutation('requests:file');
  const form = useForm<RequestFormInput, unknown, RequestFormOutput>({
    resolver: zodResolver(requestFormSchema),
    defaultValues: { justification: '', filedOn: todayIso() },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ justification, filedOn }) => {
    try {
      await file.mutateAsync({ caseId, justification, ...(filedOn ? { filedOn } : {}) });
      await refreshCases(queryClient);
      notifications.show({ color: 'green', title: 'Złożono wniosek o asystenta rodziny', message: 'Wniosek czeka na decyzję kierownika ośrodka.' });
      onDone();
    } catch (error) {
      applyApiError(error, form.setError, ['justification', 'filedOn']);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Wniosek o asystenta rodziny">
      <Stack gap="md">
        <Textarea
          label="Uzasadnienie wniosku"
          description="Dlaczego rodzina potrzebuje asystenta: wnioski z wywiadu i analizy, zgoda rodziny na współpracę."
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          autosize
          minRows={4}
          disabled={disabled}
          {...form.register('justification')}
          error={errors.justification?.message}
        />
        <DateField
          control={form.control}
          name="filedOn"
          label="Data wniosku"
          description="Dzień złożenia wniosku; wcześniejszy, jeśli wniosek złożono na papierze i wpisujesz go później (dziennik odnotuje wpis z opóźnieniem)."
          maxDate={todayIso()}
          withAsterisk
          disabled={disabled}
        />
        <FormError message={errors.root?.server?.message} title="Nie złożono wniosku" />
        <Group justify="flex-end" gap="sm">
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              Anuluj
            </Button>
          ) : null}
          <Button type="submit" loading={isSubmitting} disabled={disabled}>
            Złóż wniosek o asystenta rodziny
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
