import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { AuthFrame } from '../../components/AuthFrame';
import { FormError } from '../../components/FormError';
import { applyApiError } from '../../lib/forms';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { loginFormSchema, type LoginFormInput, type LoginFormOutput } from './loginForms';
import { RecoveryForm } from './RecoveryForm';
import { RestoreScreen } from '../backup/RestoreScreen';

export function LoginScreen() {
  const [mode, setMode] = useState<'login' | 'recover' | 'restore'>('login');
  if (mode === 'recover') return <RecoveryForm onBack={() => setMode('login')} />;
  if (mode === 'restore') return <RestoreScreen onBack={() => setMode('login')} />;
  return <LoginForm onForgot={() => setMode('recover')} onRestore={() => setMode('restore')} />;
}

function LoginForm({ onForgot, onRestore }: { onForgot: () => void; onRestore: () => void }) {
  const form = useForm<LoginFormInput, unknown, LoginFormOutput>({
    resolver: zodResolver(loginFormSchema),
    defaultValues: { login: '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const login = useChannelMutation('session:login');

  const submit = form.handleSubmit(async (values) => {
    try {
      await login.mutateAsync(values);
    } catch (error) {
      form.resetField('password');
      applyApiError(error, form.setError, ['login', 'password']);
      form.setFocus('password');
    }
  });

  return (
    <AuthFrame title="Logowanie" subtitle="Wpisz swój login i hasło.">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Login"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            {...form.register('login')}
            error={errors.login?.message}
          />
          <PasswordInput
            label="Hasło"
            autoComplete="current-password"
            {...form.register('password')}
            error={errors.password?.message}
          />
          <FormError message={errors.root?.server?.message} />
          <Button type="submit" loading={isSubmitting} size="lg">
            Zaloguj
          </Button>
          <Anchor component="button" type="button" onClick={onForgot} ta="center">
            Nie pamiętasz hasła?
          </Anchor>
          <Anchor component="button" type="button" onClick={onRestore} ta="center" size="sm" c="dimmed">
            Przywróć z kopii zapasowej
          </Anchor>
        </Stack>
      </form>
    </AuthFrame>
  );
}
