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

export function LoginScreen() {
  const [mode, setMode] = useState<'login' | 'recover'>('login');
  if (mode === 'recover') return <RecoveryForm onBack={() => setMode('login')} />;
  return <LoginForm onForgot={() => setMode('recover')} />;
}

function LoginForm({ onForgot }: { onForgot: () => void }) {
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
        </Stack>
      </form>
    </AuthFrame>
  );
}
