import { Anchor, Button, Fieldset, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { RestoreResult } from '../../../shared/backup';
import { PasswordMeter } from '../../components/PasswordMeter';
import { AuthFrame } from '../../components/AuthFrame';
import { FormError } from '../../components/FormError';
import { BELOW } from '../../lib/layout';
import { applyApiError } from '../../lib/forms';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { RestoreScreen } from '../backup/RestoreScreen';
import {
  emptySetupForm,
  SETUP_FIELDS,
  setupFormSchema,
  type SetupFormInput,
  type SetupFormOutput,
} from './setupForm';

export interface SetupResult {
  recoveryCode: string;
  officeName: string;
}

/** First run: the office and its first account (the head), then the recovery code. */
export function SetupScreen({ onCreated, onRestored }: { onCreated: (result: SetupResult) => void; onRestored: (result: RestoreResult) => void }) {
  const form = useForm<SetupFormInput, unknown, SetupFormOutput>({
    resolver: zodResolver(setupFormSchema),
    defaultValues: emptySetupForm,
  });
  const { errors, isSubmitting } = form.formState;
  const create = useChannelMutation('setup:create');
  // A new PC can take the office's data from a backup instead of starting empty (issue 9).
  const [restoring, setRestoring] = useState(false);

  const submit = form.handleSubmit(async (values) => {
    const { passwordRepeat: _repeat, ...head } = values.head;
    try {
      const { recoveryCode } = await create.mutateAsync({ office: values.office, head });
      onCreated({ recoveryCode, officeName: values.office.name });
    } catch (error) {
      applyApiError(error, form.setError, SETUP_FIELDS);
    }
  });

  if (restoring) return <RestoreScreen onBack={() => setRestoring(false)} onRestored={onRestored} />;

  return (
    <AuthFrame
      width={720}
      title="Pierwsze uruchomienie"
      subtitle="Wpisz dane ośrodka i utwórz konto kierownika. Program założy zaszyfrowaną bazę danych na tym komputerze. Wszystkie pola są wymagane."
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Fieldset legend="Ośrodek">
            <Stack gap="sm">
              <TextInput
                label="Nazwa ośrodka"
                placeholder="np. Miejski Ośrodek Pomocy Społecznej w Łowiczu"
                autoFocus
                {...form.register('office.name')}
                error={errors.office?.name?.message}
              />
              <TextInput label="Ulica i numer" {...form.register('office.street')} error={errors.office?.street?.message} />
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <TextInput
                  label="Kod pocztowy"
                  placeholder="00-000"
                  inputMode="numeric"
                  {...form.register('office.postalCode')}
                  error={errors.office?.postalCode?.message}
                />
                <TextInput label="Miejscowość" {...form.register('office.city')} error={errors.office?.city?.message} />
                <TextInput label="Gmina" {...form.register('office.gmina')} error={errors.office?.gmina?.message} />
              </SimpleGrid>
            </Stack>
          </Fieldset>

          <Fieldset legend="Konto kierownika">
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                Kierownik dodaje pozostałych pracowników i nadaje im role. To konto ma dostęp do ustawień i dziennika
                zdarzeń.
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput label="Imię" {...form.register('head.firstName')} error={errors.head?.firstName?.message} />
                <TextInput label="Nazwisko" {...form.register('head.lastName')} error={errors.head?.lastName?.message} />
              </SimpleGrid>
              <TextInput
                label="Login"
                description="Małe litery bez polskich znaków, cyfry, kropka, myślnik lub podkreślenie, np. a.nowak"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                {...form.register('head.login')}
                error={errors.head?.login?.message}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <PasswordInput
                  inputWrapperOrder={BELOW}
                  label="Hasło"
                  description={<PasswordMeter control={form.control} name="head.password" related={['head.login', 'head.firstName', 'head.lastName']} />}
                  autoComplete="new-password"
                  {...form.register('head.password')}
                  error={errors.head?.password?.message}
                />
                <PasswordInput
                  inputWrapperOrder={BELOW}
                  label="Powtórz hasło"
                  description="Wpisz to samo hasło jeszcze raz."
                  autoComplete="new-password"
                  {...form.register('head.passwordRepeat')}
                  error={errors.head?.passwordRepeat?.message}
                />
              </SimpleGrid>
            </Stack>
          </Fieldset>

          <FormError message={errors.root?.server?.message} title="Nie udało się utworzyć bazy" />

          <Button type="submit" loading={isSubmitting} size="lg">
            Utwórz bazę ośrodka
          </Button>
          <Anchor component="button" type="button" onClick={() => setRestoring(true)} ta="center">
            Masz kopię zapasową z innego komputera? Przywróć z kopii zapasowej
          </Anchor>
        </Stack>
      </form>
    </AuthFrame>
  );
}
