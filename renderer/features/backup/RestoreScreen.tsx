/**
 * Restoring the office's data from a backup (issue 9), reached from the login screen: nobody is
 * signed in while the database is replaced. The file is chosen with the system's own picker; the
 * backup is opened with the recovery code or the kierownik's login and password from the day of
 * the backup. A damaged or forged file is refused before anything is replaced (the main process
 * keeps the current data aside until the restored copy has been checked).
 */
import { Alert, Anchor, Button, Code, Group, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { backupRestoreSchema, type RestoreResult } from '../../../shared/backup';
import { ApiError, call } from '../../api';
import { AuthFrame } from '../../components/AuthFrame';
import { ConfirmDialog } from '../../components/ConfirmButton';
import { FormError } from '../../components/FormError';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { groupedHash } from './backupQueries';

type Method = 'recovery' | 'password';
type Field = 'file' | 'recoveryCode' | 'login' | 'password';

/** The last part of a path, Windows or POSIX. */
function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * `onRestored`: the caller keeps the result on screen itself (the first-run screen gives way to the
 * login screen as soon as the data are back); without it this screen shows the result.
 */
export function RestoreScreen({ onBack, onRestored }: { onBack: () => void; onRestored?: (result: RestoreResult) => void }) {
  const [file, setFile] = useState<string | null>(null);
  const [method, setMethod] = useState<Method>('recovery');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({});
  const [picking, setPicking] = useState(false);
  const [done, setDone] = useState<RestoreResult | null>(null);
  const [confirming, setConfirming] = useState(false);
  const restore = useChannelMutation('backup:restore');

  const pick = async () => {
    setPicking(true);
    try {
      const chosen = await call('dialog:pickBackupFile', {});
      if (chosen !== null) {
        setFile(chosen);
        setErrors({});
      }
    } catch (error) {
      setErrors({ form: errorMessage(error) });
    } finally {
      setPicking(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = method === 'recovery' ? { method, file: file ?? '', recoveryCode } : { method, file: file ?? '', login, password };
    if (!file) {
      setErrors({ file: 'Najpierw wybierz plik kopii zapasowej.' });
      return;
    }
    const parsed = backupRestoreSchema.safeParse(input);
    if (!parsed.success) {
      const next: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        if (key === 'file' || key === 'recoveryCode' || key === 'login' || key === 'password') next[key] ??= issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    // Nothing is replaced before the user has said yes to what will happen (ConfirmDialog).
    setConfirming(true);
  };

  const run = async () => {
    const input = method === 'recovery' ? { method, file: file ?? '', recoveryCode } : { method, file: file ?? '', login, password };
    try {
      const result = await restore.mutateAsync(input);
      if (onRestored) onRestored(result);
      else setDone(result);
      setPassword('');
      setRecoveryCode('');
    } catch (error) {
      setPassword('');
      const fields = error instanceof ApiError ? error.fields : undefined;
      setErrors({ form: errorMessage(error), ...(fields ? { recoveryCode: fields['recoveryCode'], login: fields['login'], password: fields['password'] } : {}) });
    }
  };

  if (done) return <RestoreDone result={done} onDone={onBack} />;

  return (
    <AuthFrame
      width={600}
      title="Przywracanie danych z kopii"
      subtitle="Dane ośrodka zostaną zastąpione zawartością kopii zapasowej. Obecne dane zostaną zachowane obok, dopóki kopia nie zostanie sprawdzona."
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Stack gap={6}>
            <Text fw={600}>Plik kopii zapasowej</Text>
            <Group gap="sm" wrap="nowrap">
              <Button variant="light" onClick={() => void pick()} loading={picking}>
                {file ? 'Wybierz inny plik…' : 'Wybierz plik kopii…'}
              </Button>
              <Text truncate="end" c={file ? undefined : 'dimmed'} title={file ?? undefined} aria-label="Wybrany plik">
                {file ? fileNameOf(file) : 'Nie wybrano pliku (asysta-kopia-….asb)'}
              </Text>
            </Group>
            {errors.file ? (
              <Text c="red.8" size="sm">
                {errors.file}
              </Text>
            ) : null}
          </Stack>
          <Stack gap={6}>
            <Text fw={600} id="restore-method">
              Czym otworzyć kopię
            </Text>
            <SegmentedControl
              aria-labelledby="restore-method"
              value={method}
              onChange={(value) => {
                setMethod(value === 'password' ? 'password' : 'recovery');
                setErrors({});
              }}
              data={[
                { value: 'recovery', label: 'Kod odzyskiwania' },
                { value: 'password', label: 'Login i hasło kierownika' },
              ]}
            />
          </Stack>
          {method === 'recovery' ? (
            <TextInput
              label="Kod odzyskiwania"
              description="32 znaki w grupach po 4, wydrukowane przy zakładaniu bazy; spacje i myślniki nie mają znaczenia."
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: 1 } }}
              value={recoveryCode}
              onChange={(event) => setRecoveryCode(event.currentTarget.value)}
              error={errors.recoveryCode}
            />
          ) : (
            <>
              <TextInput
                label="Login kierownika"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                value={login}
                onChange={(event) => setLogin(event.currentTarget.value)}
                error={errors.login}
              />
              <PasswordInput
                label="Hasło"
                description="Twoje obecne hasło kierownika. Na nowym komputerze, bez danych ośrodka: hasło z dnia wykonania kopii."
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={errors.password}
              />
            </>
          )}
          <FormError title="Nie przywrócono danych" message={errors.form} />
          <Button type="submit" size="lg" color="orange" loading={restore.isPending}>
            Przywróć dane z kopii
          </Button>
          <Anchor component="button" type="button" onClick={onBack} ta="center">
            Wróć do logowania
          </Anchor>
        </Stack>
      </form>
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={run}
        color="orange"
        title="Zastąpić dane ośrodka kopią?"
        message={
          <Stack gap="xs">
            <Text>
              Wszystkie obecne dane ośrodka zostaną zastąpione zawartością kopii <b>{file ? fileNameOf(file) : ''}</b>. Zmiany wprowadzone po dniu wykonania
              kopii trzeba będzie wpisać ponownie.
            </Text>
            <Text size="sm" c="dimmed">
              Uszkodzona lub podrobiona kopia zostanie odrzucona, zanim cokolwiek zostanie zastąpione.
            </Text>
          </Stack>
        }
        confirmLabel="Tak, przywróć dane z kopii"
      />
    </AuthFrame>
  );
}

/** What was restored, until the user goes on to the login screen. */
export function RestoreDone({ result, onDone }: { result: RestoreResult; onDone: () => void }) {
  return (
    <AuthFrame width={600} title="Dane przywrócone" subtitle="Kopia zapasowa została sprawdzona i przywrócona.">
      <Alert color="green" title="Przywrócono dane z kopii zapasowej" role="status">
        <Stack gap={4}>
          <Text>
            Plik: <b>{result.fileName}</b>
          </Text>
          <Text>Kopia wykonana: {formatDateTime(result.backupCreatedAt)}</Text>
          <Text>Sprawdzonych wpisów dziennika zdarzeń: {result.auditEntries}</Text>
          <Text>
            Suma SHA-256: <Code fz="sm">{groupedHash(result.sha256)}</Code>
          </Text>
        </Stack>
      </Alert>
      <Text>
        Zaloguj się swoim obecnym hasłem (na nowym komputerze: hasłem z dnia wykonania kopii). Zmiany wprowadzone po dniu kopii trzeba wpisać ponownie; dane
        sprzed przywrócenia zostały zachowane obok, w folderze danych.
      </Text>
      <Button size="lg" onClick={onDone}>
        Przejdź do logowania
      </Button>
    </AuthFrame>
  );
}
