/**
 * First run: how this PC works with the office's data (issue 18).
 * - "Ten komputer": the office and its kierownik in an encrypted database on this PC, then the
 *   recovery code (as before the office server existed), or a restore from a backup;
 * - "Serwer w biurze" → "Dołącz do serwera biura": the pairing code, then the sign-in screen;
 * - "Serwer w biurze" → "Załóż ośrodek na serwerze": the pairing code, the one-time setup code,
 *   the office and its kierownik.
 * One form holds every path's fields, so switching paths or a refused code loses nothing typed.
 */
import { Alert, Anchor, Button, Code, Fieldset, Group, PasswordInput, Radio, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch, type Resolver, type UseFormReturn } from 'react-hook-form';
import type { RestoreResult } from '../../../shared/backup';
import type { ServerAddress } from '../../../shared/ipc';
import { AuthFrame } from '../../components/AuthFrame';
import { FormError } from '../../components/FormError';
import { PasswordMeter } from '../../components/PasswordMeter';
import { applyApiError } from '../../lib/forms';
import { BELOW } from '../../lib/layout';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { RestoreScreen } from '../backup/RestoreScreen';
import { pairingFeedback } from './pairingCheck';
import { emptySetupForm, SETUP_FIELDS, SETUP_FORM_SCHEMAS, type SetupFormInput, type SetupPath } from './setupForm';

export interface SetupResult {
  recoveryCode: string;
  officeName: string;
}

export interface ServerSetupResult {
  server: ServerAddress;
  officeName: string;
}

// Each path's schema validates the fields it sends; the others' values stay in the form untouched.
const RESOLVERS: Record<SetupPath, Resolver<SetupFormInput>> = {
  local: zodResolver(SETUP_FORM_SCHEMAS.local) as unknown as Resolver<SetupFormInput>,
  join: zodResolver(SETUP_FORM_SCHEMAS.join) as unknown as Resolver<SetupFormInput>,
  create: zodResolver(SETUP_FORM_SCHEMAS.create) as unknown as Resolver<SetupFormInput>,
};

const SUBMIT_LABELS: Record<SetupPath, string> = {
  local: 'Utwórz bazę ośrodka',
  join: 'Dołącz do serwera',
  create: 'Załóż ośrodek na serwerze',
};

const FAILURE_TITLES: Record<SetupPath, string> = {
  local: 'Nie udało się utworzyć bazy',
  join: 'Nie udało się dołączyć do serwera',
  create: 'Nie udało się założyć ośrodka na serwerze',
};

export function SetupScreen({
  onCreated,
  onCreatedOnServer,
  onRestored,
}: {
  onCreated: (result: SetupResult) => void;
  onCreatedOnServer: (result: ServerSetupResult) => void;
  onRestored: (result: RestoreResult) => void;
}) {
  const [where, setWhere] = useState<'local' | 'server'>('local');
  const [serverPath, setServerPath] = useState<'join' | 'create'>('join');
  const path: SetupPath = where === 'local' ? 'local' : serverPath;
  // The resolver asks for the path when it validates (after the render that showed it).
  const pathRef = useRef(path);
  useEffect(() => {
    pathRef.current = path;
  }, [path]);

  const form = useForm<SetupFormInput>({
    resolver: (values, context, options) => RESOLVERS[pathRef.current](values, context, options),
    defaultValues: emptySetupForm,
  });
  const { errors, isSubmitting } = form.formState;
  const create = useChannelMutation('setup:create');
  const join = useChannelMutation('setup:joinServer');
  const createOnServer = useChannelMutation('setup:createOnServer');
  // A new PC can take the office's data from a backup instead of starting empty (issue 9).
  const [restoring, setRestoring] = useState(false);

  const switchPath = (next: () => void) => {
    // The other path's refusals do not belong to this one; the values stay.
    form.clearErrors();
    next();
  };

  // `values` are the path's schema's output: only the fields that path sends (join: the code alone).
  const submit = form.handleSubmit(async (values) => {
    const headOf = () => {
      const { passwordRepeat: _repeat, ...head } = values.head;
      return head;
    };
    try {
      if (path === 'local') {
        const { recoveryCode } = await create.mutateAsync({ office: values.office, head: headOf() });
        onCreated({ recoveryCode, officeName: values.office.name });
      } else if (path === 'join') {
        // Afterwards app:status says 'login': the sign-in screen follows by itself.
        await join.mutateAsync({ pairingCode: values.pairingCode });
      } else {
        const server = await createOnServer.mutateAsync({ pairingCode: values.pairingCode, setupCode: values.setupCode, office: values.office, head: headOf() });
        onCreatedOnServer({ server, officeName: values.office.name });
      }
    } catch (error) {
      applyApiError(error, form.setError, SETUP_FIELDS);
    }
  });

  if (restoring) return <RestoreScreen onBack={() => setRestoring(false)} onRestored={onRestored} />;

  return (
    <AuthFrame width={760} title="Pierwsze uruchomienie" subtitle="Wybierz, gdzie będą dane ośrodka, i wypełnij formularz poniżej. Wszystkie pola są wymagane.">
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Radio.Group
            label="Gdzie będą dane ośrodka?"
            value={where}
            onChange={(value) => switchPath(() => setWhere(value === 'server' ? 'server' : 'local'))}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
              <ChoiceCard value="local" title="Ten komputer">
                Zaszyfrowana baza na tym komputerze. Dla ośrodka, w którym z programu korzysta się na jednym komputerze.
              </ChoiceCard>
              <ChoiceCard value="server" title="Serwer w biurze">
                Jedna baza na serwerze w biurze: kilka osób pracuje jednocześnie, każda na swoim komputerze.
              </ChoiceCard>
            </SimpleGrid>
          </Radio.Group>

          {where === 'server' ? (
            <Stack gap="xs">
              <SegmentedControl
                fullWidth
                value={serverPath}
                onChange={(value) => switchPath(() => setServerPath(value === 'create' ? 'create' : 'join'))}
                data={[
                  { value: 'join', label: 'Dołącz do serwera biura' },
                  { value: 'create', label: 'Załóż ośrodek na serwerze' },
                ]}
                aria-label="Co zrobić na serwerze biura?"
              />
              <Text size="sm" c="dimmed">
                {serverPath === 'join'
                  ? 'Ośrodek działa już na serwerze biura: ten komputer do niego dołączy, a potem każdy loguje się swoim loginem i hasłem.'
                  : 'Serwer jest nowy i nie ma na nim jeszcze ośrodka: założysz ośrodek i konto kierownika. Pozostałe komputery biura potem do niego dołączą.'}
              </Text>
            </Stack>
          ) : (
            <Text c="dimmed">Wpisz dane ośrodka i utwórz konto kierownika. Program założy zaszyfrowaną bazę danych na tym komputerze.</Text>
          )}

          {where === 'server' ? <ServerCodes form={form} withSetupCode={serverPath === 'create'} /> : null}
          {path !== 'join' ? <OfficeAndHeadFields form={form} autoFocus={path === 'local'} /> : null}

          <FormError message={errors.root?.server?.message} title={FAILURE_TITLES[path]} />

          <Button type="submit" loading={isSubmitting} size="lg">
            {SUBMIT_LABELS[path]}
          </Button>
          {path === 'local' ? (
            <Anchor component="button" type="button" onClick={() => setRestoring(true)} ta="center">
              Masz kopię zapasową z innego komputera? Przywróć z kopii zapasowej
            </Anchor>
          ) : null}
        </Stack>
      </form>
    </AuthFrame>
  );
}

function ChoiceCard({ value, title, children }: { value: string; title: string; children: string }) {
  return (
    // A card is a button, which centres its content; the two cards' texts start at the same height.
    <Radio.Card value={value} radius="md" p="md" display="flex" style={{ alignItems: 'flex-start' }}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Radio.Indicator mt={2} />
        <Stack gap={2}>
          <Text fw={700}>{title}</Text>
          <Text size="sm" c="dimmed">
            {children}
          </Text>
        </Stack>
      </Group>
    </Radio.Card>
  );
}

/** The pairing code (checked as it is typed) and, for a new office, the one-time setup code; where both come from. */
function ServerCodes({ form, withSetupCode }: { form: UseFormReturn<SetupFormInput>; withSetupCode: boolean }) {
  const { errors } = form.formState;
  return (
    <Fieldset legend="Połączenie z serwerem biura">
      <Stack gap="sm">
        <PairingCodeField form={form} />
        {withSetupCode ? (
          <TextInput
            label="Kod założenia biura"
            description="Jednorazowy; wypisany tylko raz, przy zakładaniu serwera, w wierszu „Kod założenia biura”."
            inputWrapperOrder={BELOW}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            {...form.register('setupCode')}
            error={errors.setupCode?.message}
          />
        ) : null}
        <Alert color="blue" variant="light" title="Skąd wziąć kody?">
          <Stack gap={6}>
            <Text size="sm">
              Wypisuje je komputer z serwerem biura. Osoba, która go założyła poleceniem <Code>npm run server -- init</Code>, dostała wtedy
              kod parowania i jednorazowy kod założenia biura.
            </Text>
            <Text size="sm">
              Kod parowania można w każdej chwili wyświetlić ponownie na komputerze z serwerem: <Code>npm run server -- status --dir FOLDER_SERWERA</Code>{' '}
              (wiersz „Kod parowania”). Ten sam kod wpisuje się na każdym komputerze biura.
            </Text>
          </Stack>
        </Alert>
      </Stack>
    </Fieldset>
  );
}

function PairingCodeField({ form }: { form: UseFormReturn<SetupFormInput> }) {
  const code = useWatch({ control: form.control, name: 'pairingCode' });
  const feedback = pairingFeedback(code);
  const submitted = form.formState.errors.pairingCode?.message;
  // The check as typed speaks first; what the submit found stays until the code changes.
  const error = feedback.tone === 'error' ? feedback.text : feedback.tone === 'ok' ? undefined : submitted;
  const description =
    feedback.tone === 'ok' ? (
      <Text span size="sm" c="green.9" fw={600}>
        {feedback.text}
      </Text>
    ) : feedback.tone === 'progress' ? (
      feedback.text
    ) : feedback.tone === 'none' ? (
      'Np. 230AG-08M2M-W0049-26D25-ASKQH-2CTNE-YCVQQ-FZ8TV. Wielkość liter, myślniki i odstępy nie mają znaczenia.'
    ) : undefined;
  return (
    <TextInput
      label="Kod parowania"
      description={description}
      inputWrapperOrder={BELOW}
      autoFocus
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      {...form.register('pairingCode')}
      error={error}
    />
  );
}

function OfficeAndHeadFields({ form, autoFocus }: { form: UseFormReturn<SetupFormInput>; autoFocus: boolean }) {
  const { errors } = form.formState;
  return (
    <>
      <Fieldset legend="Ośrodek">
        <Stack gap="sm">
          <TextInput
            label="Nazwa ośrodka"
            placeholder="np. Miejski Ośrodek Pomocy Społecznej w Łowiczu"
            autoFocus={autoFocus}
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
            Kierownik dodaje pozostałych pracowników i nadaje im role. To konto ma dostęp do ustawień i dziennika zdarzeń.
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
    </>
  );
}
