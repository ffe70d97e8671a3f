import { Anchor, Button, Code, List, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError } from '../../api';
import { AuthFrame } from '../../components/AuthFrame';
import { FormError } from '../../components/FormError';
import { applyApiError } from '../../lib/forms';
import { useAppStatus } from '../../lib/status';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { loginFormSchema, type LoginFormInput, type LoginFormOutput } from './loginForms';
import { RecoveryForm } from './RecoveryForm';
import { RestoreScreen } from '../backup/RestoreScreen';

export function LoginScreen() {
  const [mode, setMode] = useState<'login' | 'recover' | 'restore'>('login');
  // On the office server there is no recovery code nor a backup file on this PC: both are the server's.
  const onServer = useAppStatus().data?.mode === 'server';
  if (mode === 'recover') return onServer ? <ServerPasswordHelp onBack={() => setMode('login')} /> : <RecoveryForm onBack={() => setMode('login')} />;
  if (mode === 'restore' && !onServer) return <RestoreScreen onBack={() => setMode('login')} />;
  return <LoginForm onForgot={() => setMode('recover')} onRestore={onServer ? null : () => setMode('restore')} />;
}

/** Server mode: a forgotten password is set by the kierownik, or for a kierownik at the server PC. */
function ServerPasswordHelp({ onBack }: { onBack: () => void }) {
  return (
    <AuthFrame width={560} title="Nie pamiętasz hasła?" subtitle="Dane ośrodka są na serwerze biura, więc nowe hasło ustawia się tak:">
      <List spacing="sm">
        <List.Item>
          <Text>
            <Text span fw={600}>
              Pracownik:
            </Text>{' '}
            poproś kierownika — ustawi Ci nowe hasło w programie (Użytkownicy → Ustaw nowe hasło).
          </Text>
        </List.Item>
        <List.Item>
          <Text>
            <Text span fw={600}>
              Kierownik:
            </Text>{' '}
            na komputerze z serwerem biura osoba, która się nim opiekuje, wpisuje{' '}
            <Code>npm run server -- reset-password --dir FOLDER_SERWERA --login TWÓJ_LOGIN</Code> i podaje nowe hasło.
          </Text>
        </List.Item>
      </List>
      <Button variant="default" onClick={onBack}>
        Wróć do logowania
      </Button>
    </AuthFrame>
  );
}

function LoginForm({ onForgot, onRestore }: { onForgot: () => void; onRestore: (() => void) | null }) {
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
      // A refused password is typed anew; with the office server out of reach it was never checked: kept for the retry.
      const unchecked = error instanceof ApiError && error.code === 'SERVER_UNREACHABLE';
      if (!unchecked) form.resetField('password');
      applyApiError(error, form.setError, ['login', 'password']);
      form.setFocus(unchecked ? 'login' : 'password');
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
          {onRestore ? (
            <Anchor component="button" type="button" onClick={onRestore} ta="center" size="sm" c="dimmed">
              Przywróć z kopii zapasowej
            </Anchor>
          ) : null}
        </Stack>
      </form>
    </AuthFrame>
  );
}
