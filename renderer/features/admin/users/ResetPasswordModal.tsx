import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import type { UserSummary } from '../../../../shared/ipc';
import { PasswordMeter } from '../../../components/PasswordMeter';
import { FormError } from '../../../components/FormError';
import { fullName } from '../../../lib/format';
import { applyApiError } from '../../../lib/forms';
import { useChannelMutation } from '../../../lib/useChannelMutation';
import {
  resetPasswordFormSchema,
  type ResetPasswordFormInput,
  type ResetPasswordFormOutput,
} from './userForms';

export function ResetPasswordModal({ user, onClose }: { user: UserSummary | null; onClose: () => void }) {
  return (
    <Modal opened={user !== null} onClose={onClose} title={user ? `Nowe hasło: ${fullName(user)}` : ''} size="md">
      {user ? <ResetPasswordForm key={user.id} user={user} onDone={onClose} /> : null}
    </Modal>
  );
}

function ResetPasswordForm({ user, onDone }: { user: UserSummary; onDone: () => void }) {
  const form = useForm<ResetPasswordFormInput, unknown, ResetPasswordFormOutput>({
    resolver: zodResolver(resetPasswordFormSchema),
    defaultValues: { newPassword: '', newPasswordRepeat: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const reset = useChannelMutation('users:resetPassword');

  const submit = form.handleSubmit(async ({ newPassword }) => {
    try {
      await reset.mutateAsync({ id: user.id, newPassword });
      notifications.show({
        color: 'green',
        title: 'Ustawiono nowe hasło',
        message: `Przekaż je osobiście: ${fullName(user)} zaloguje się nim i zmieni je w „Moim koncie”.`,
      });
      onDone();
    } catch (error) {
      applyApiError(error, form.setError, ['newPassword', 'newPasswordRepeat']);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Alert color="petrol">
          Dotychczasowe hasło użytkownika ({user.login}) przestanie działać. Zrób to tylko na prośbę tej osoby i po
          sprawdzeniu jej tożsamości.
        </Alert>
        <PasswordInput
          label="Nowe hasło"
          description={<PasswordMeter control={form.control} name="newPassword" />}
          autoComplete="new-password"
          data-autofocus
          {...form.register('newPassword')}
          error={errors.newPassword?.message}
        />
        <PasswordInput
          label="Powtórz nowe hasło"
          autoComplete="new-password"
          {...form.register('newPasswordRepeat')}
          error={errors.newPasswordRepeat?.message}
        />
        <FormError message={errors.root?.server?.message} title="Nie ustawiono hasła" />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Anuluj
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Ustaw hasło
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
