import { Badge, Button, Group, Paper, PasswordInput, Stack, Table, Text, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ROLE_LABELS } from '../../../shared/domain/roles';
import { channels } from '../../../shared/ipc';
import { PasswordMeter } from '../../components/PasswordMeter';
import { ApiError } from '../../api';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { fullName } from '../../lib/format';
import { applyApiError } from '../../lib/forms';
import { PASSWORDS_DIFFER, passwordRepeatSchema } from '../../lib/passwords';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { useSession } from '../layout/session';
import { TextScaleSection } from './textScale';

const changePasswordFormSchema = channels['session:changePassword'].input
  .extend({ newPasswordRepeat: passwordRepeatSchema })
  .refine((value) => value.newPassword === value.newPasswordRepeat, {
    path: ['newPasswordRepeat'],
    error: PASSWORDS_DIFFER,
  });
type ChangePasswordInput = z.input<typeof changePasswordFormSchema>;
type ChangePasswordOutput = z.output<typeof changePasswordFormSchema>;

const EMPTY: ChangePasswordInput = { currentPassword: '', newPassword: '', newPasswordRepeat: '' };

export function AccountPage() {
  const { user } = useSession();

  return (
    <Stack gap="lg" maw={720}>
      <PageHeader title="Moje konto" description="Twoje dane w programie, wielkość tekstu i zmiana hasła." />

      <Paper withBorder radius="md" p="lg">
        <Table variant="vertical" withRowBorders={false} fz="md" verticalSpacing="xs">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={180}>Imię i nazwisko</Table.Th>
              <Table.Td>{fullName(user)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Login</Table.Th>
              <Table.Td ff="monospace">{user.login}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Role</Table.Th>
              <Table.Td>
                <Group gap={6}>
                  {user.roles.map((role) => (
                    <Badge key={role} variant="light">
                      {ROLE_LABELS[role]}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Text size="sm" c="dimmed" mt="sm">
          Imię, nazwisko i role zmienia kierownik ośrodka.
        </Text>
      </Paper>

      <TextScaleSection userId={user.id} />

      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <Title order={2} fz={20}>
            Zmiana hasła
          </Title>
          <ChangePasswordForm />
        </Stack>
      </Paper>
    </Stack>
  );
}

function ChangePasswordForm() {
  const form = useForm<ChangePasswordInput, unknown, ChangePasswordOutput>({
    resolver: zodResolver(changePasswordFormSchema),
    defaultValues: EMPTY,
  });
  const { errors, isSubmitting } = form.formState;
  const change = useChannelMutation('session:changePassword');

  const submit = form.handleSubmit(async ({ newPasswordRepeat: _repeat, ...input }) => {
    try {
      await change.mutateAsync(input);
      form.reset(EMPTY);
      notifications.show({
        color: 'green',
        title: 'Hasło zostało zmienione',
        message: 'Od teraz loguj się nowym hasłem.',
      });
    } catch (error) {
      form.resetField('currentPassword');
      if (error instanceof ApiError && error.code === 'WRONG_PASSWORD' && !error.fields) {
        form.setError('currentPassword', { type: 'server', message: error.message });
        form.setFocus('currentPassword');
        return;
      }
      applyApiError(error, form.setError, ['currentPassword', 'newPassword', 'newPasswordRepeat']);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={420}>
        <PasswordInput
          label="Obecne hasło"
          autoComplete="current-password"
          autoFocus
          {...form.register('currentPassword')}
          error={errors.currentPassword?.message}
        />
        <PasswordInput
          label="Nowe hasło"
          description={<PasswordMeter control={form.control} name="newPassword" />}
          autoComplete="new-password"
          {...form.register('newPassword')}
          error={errors.newPassword?.message}
        />
        <PasswordInput
          label="Powtórz nowe hasło"
          autoComplete="new-password"
          {...form.register('newPasswordRepeat')}
          error={errors.newPasswordRepeat?.message}
        />
        <FormError message={errors.root?.server?.message} title="Nie zmieniono hasła" />
        <Group>
          <Button type="submit" loading={isSubmitting}>
            Zmień hasło
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
