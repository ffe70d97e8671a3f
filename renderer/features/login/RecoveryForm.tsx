import { Alert, Anchor, Button, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import { PasswordMeter } from '../../components/PasswordMeter';
import { AuthFrame } from '../../components/AuthFrame';
import { FormError } from '../../components/FormError';
import { BELOW } from '../../lib/layout';
import { applyApiError } from '../../lib/forms';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { recoverFormSchema, type RecoverFormInput, type RecoverFormOutput } from './loginForms';

/** Access with the printed recovery code: sets a new password for one account; then the person signs in with it. */
export function RecoveryForm({ onBack }: { onBack: () => void }) {
  const form = useForm<RecoverFormInput, unknown, RecoverFormOutput>({
    resolver: zodResolver(recoverFormSchema),
    defaultValues: { login: '', recoveryCode: '', newPassword: '', newPasswordRepeat: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const recover = useChannelMutation('session:recover');

  const submit = form.handleSubmit(async ({ newPasswordRepeat: _repeat, ...input }) => {
    try {
      await recover.mutateAsync(input);
      notifications.show({
        color: 'green',
        title: 'Ustawiono nowe hasło',
        message: 'Zaloguj się teraz nowym hasłem. Użycie kodu odzyskiwania zapisano w dzienniku zdarzeń.',
      });
      onBack();
    } catch (error) {
      applyApiError(error, form.setError, ['login', 'recoveryCode', 'newPassword']);
    }
  });

  return (
    <AuthFrame
      width={560}
      title="Odzyskiwanie dostępu"
      subtitle="Użyj kodu odzyskiwania wydrukowanego przy zakładaniu bazy (przechowywanego w sejfie ośrodka) i ustaw nowe hasło."
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Alert color="petrol">
            Nie masz dostępu do kodu? Poproś kierownika ośrodka o ustawienie nowego hasła w zakładce „Użytkownicy”.
          </Alert>
          <TextInput
            label="Login"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            {...form.register('login')}
            error={errors.login?.message}
          />
          <TextInput
            label="Kod odzyskiwania"
            description="32 znaki w grupach po 4; spacje i myślniki nie mają znaczenia."
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: 1 } }}
            {...form.register('recoveryCode')}
            error={errors.recoveryCode?.message}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <PasswordInput
              inputWrapperOrder={BELOW}
              label="Nowe hasło"
              description={<PasswordMeter control={form.control} name="newPassword" related={['login']} />}
              autoComplete="new-password"
              {...form.register('newPassword')}
              error={errors.newPassword?.message}
            />
            <PasswordInput
              inputWrapperOrder={BELOW}
              label="Powtórz nowe hasło"
              description="Wpisz to samo hasło jeszcze raz."
              autoComplete="new-password"
              {...form.register('newPasswordRepeat')}
              error={errors.newPasswordRepeat?.message}
            />
          </SimpleGrid>
          <FormError message={errors.root?.server?.message} />
          <Button type="submit" loading={isSubmitting} size="lg">
            Ustaw nowe hasło i zaloguj
          </Button>
          <Anchor component="button" type="button" onClick={onBack} ta="center">
            Wróć do logowania
          </Anchor>
        </Stack>
      </form>
    </AuthFrame>
  );
}
