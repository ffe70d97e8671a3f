import { Button, Group, Modal, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { PasswordMeter } from '../../../components/PasswordMeter';
import { ApiError } from '../../../api';
import { FormError } from '../../../components/FormError';
import { fullName } from '../../../lib/format';
import { BELOW } from '../../../lib/layout';
import { applyApiError } from '../../../lib/forms';
import { useChannelMutation } from '../../../lib/useChannelMutation';
import { RolesField } from './RolesField';
import {
  CREATE_USER_FIELDS,
  createUserFormSchema,
  type CreateUserFormInput,
  type CreateUserFormOutput,
} from './userForms';
import { USERS_QUERY_KEY } from './usersQuery';

const EMPTY: CreateUserFormInput = {
  firstName: '',
  lastName: '',
  login: '',
  roles: [],
  password: '',
  passwordRepeat: '',
};

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Nowy użytkownik">
      {/* Mounted only while open: every opening starts with an empty form. */}
      {opened ? <CreateUserForm onDone={onClose} /> : null}
    </Modal>
  );
}

function CreateUserForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<CreateUserFormInput, unknown, CreateUserFormOutput>({
    resolver: zodResolver(createUserFormSchema),
    defaultValues: EMPTY,
  });
  const { errors, isSubmitting } = form.formState;
  const create = useChannelMutation('users:create');

  const submit = form.handleSubmit(async ({ passwordRepeat: _repeat, ...input }) => {
    try {
      const user = await create.mutateAsync(input);
      await queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY });
      notifications.show({
        color: 'green',
        title: 'Dodano użytkownika',
        message: `${fullName(user)} może się teraz zalogować jako „${user.login}”. Przekaż hasło początkowe osobiście.`,
      });
      onDone();
    } catch (error) {
      // The only conflict a new user can meet is a taken login: show it on that field.
      if (error instanceof ApiError && error.code === 'CONFLICT' && !error.fields) {
        form.setError('login', { type: 'server', message: error.message });
        form.setFocus('login');
        return;
      }
      applyApiError(error, form.setError, CREATE_USER_FIELDS);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Imię" data-autofocus {...form.register('firstName')} error={errors.firstName?.message} />
          <TextInput label="Nazwisko" {...form.register('lastName')} error={errors.lastName?.message} />
        </SimpleGrid>
        <TextInput
          label="Login"
          description="Małe litery bez polskich znaków, cyfry, kropka, myślnik lub podkreślenie, np. a.nowak"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          {...form.register('login')}
          error={errors.login?.message}
        />
        <Controller
          control={form.control}
          name="roles"
          render={({ field, fieldState }) => (
            <RolesField value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
          )}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <PasswordInput
            inputWrapperOrder={BELOW}
            label="Hasło początkowe"
            description={<PasswordMeter control={form.control} name="password" related={['login', 'firstName', 'lastName']} />}
            autoComplete="new-password"
            {...form.register('password')}
            error={errors.password?.message}
          />
          <PasswordInput
            inputWrapperOrder={BELOW}
            label="Powtórz hasło"
            description="Wpisz to samo hasło jeszcze raz."
            autoComplete="new-password"
            {...form.register('passwordRepeat')}
            error={errors.passwordRepeat?.message}
          />
        </SimpleGrid>
        <FormError message={errors.root?.server?.message} title="Nie dodano użytkownika" />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Anuluj
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Utwórz konto
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
