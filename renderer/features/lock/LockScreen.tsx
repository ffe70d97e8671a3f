import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { channels, type SessionUser } from '../../../shared/ipc';
import { AuthFrame } from '../../components/AuthFrame';
import { FormError } from '../../components/FormError';
import { errorMessage } from '../../lib/errors';
import { fullName } from '../../lib/format';
import { applyApiError } from '../../lib/forms';
import { useChannelMutation } from '../../lib/useChannelMutation';

const unlockSchema = channels['session:unlock'].input;
type UnlockInput = z.input<typeof unlockSchema>;
type UnlockOutput = z.output<typeof unlockSchema>;

/** The locked session: nothing of the office's data is shown until the same user types her password. */
export function LockScreen({ user }: { user: SessionUser | null }) {
  const form = useForm<UnlockInput, unknown, UnlockOutput>({
    resolver: zodResolver(unlockSchema),
    defaultValues: { password: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const unlock = useChannelMutation('session:unlock');
  const logout = useChannelMutation('session:logout');
  const [logoutError, setLogoutError] = useState<string | null>(null);

  const submit = form.handleSubmit(async (values) => {
    try {
      await unlock.mutateAsync(values);
    } catch (error) {
      form.resetField('password');
      applyApiError(error, form.setError, ['password']);
      form.setFocus('password');
    }
  });

  const signOut = async () => {
    setLogoutError(null);
    try {
      await logout.mutateAsync({});
    } catch (error) {
      setLogoutError(errorMessage(error));
    }
  };

  return (
    <AuthFrame
      title="Sesja zablokowana"
      subtitle={
        user ? (
          <>
            Zalogowano jako <Text span fw={600} c="dark">{fullName(user)}</Text> ({user.login}). Wpisz swoje hasło, aby
            wrócić do pracy.
          </>
        ) : (
          'Wpisz swoje hasło, aby wrócić do pracy.'
        )
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PasswordInput
            label="Hasło"
            autoComplete="current-password"
            autoFocus
            {...form.register('password')}
            error={errors.password?.message}
          />
          <FormError message={errors.root?.server?.message} />
          <Button type="submit" loading={isSubmitting} size="lg">
            Odblokuj
          </Button>
        </Stack>
      </form>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          To nie Ty? Wyloguj tę osobę, aby zalogować się na swoje konto.
        </Text>
        <Group>
          <Button variant="default" onClick={() => void signOut()} loading={logout.isPending}>
            Wyloguj
          </Button>
        </Group>
        <FormError message={logoutError ?? undefined} />
      </Stack>
    </AuthFrame>
  );
}
