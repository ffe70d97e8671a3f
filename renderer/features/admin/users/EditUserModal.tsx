import { Button, Group, Modal, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import type { UserSummary } from '../../../../shared/ipc';
import { FormError } from '../../../components/FormError';
import { fullName } from '../../../lib/format';
import { applyApiError } from '../../../lib/forms';
import { useChannelMutation } from '../../../lib/useChannelMutation';
import { RolesField } from './RolesField';
import {
  UPDATE_USER_FIELDS,
  updateUserFormSchema,
  type UpdateUserFormInput,
  type UpdateUserFormOutput,
} from './userForms';
import { USERS_QUERY_KEY } from './usersQuery';

export function EditUserModal({ user, onClose }: { user: UserSummary | null; onClose: () => void }) {
  return (
    <Modal opened={user !== null} onClose={onClose} title={user ? `Zmiana danych: ${fullName(user)}` : ''}>
      {user ? <EditUserForm key={user.id} user={user} onDone={onClose} /> : null}
    </Modal>
  );
}

function EditUserForm({ user, onDone }: { user: UserSummary; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<UpdateUserFormInput, unknown, UpdateUserFormOutput>({
    resolver: zodResolver(updateUserFormSchema),
    defaultValues: {
      id: user.id,
      firstName: user.firstName,
      lastName: user.lastName,
      roles: user.roles,
      active: user.active,
      officePhone: user.officePhone,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const update = useChannelMutation('users:update');

  const submit = form.handleSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY });
      notifications.show({
        color: 'green',
        title: 'Zapisano zmiany',
        message: `Dane użytkownika ${fullName(saved)} zostały zmienione.`,
      });
      onDone();
    } catch (error) {
      applyApiError(error, form.setError, UPDATE_USER_FIELDS);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text c="dimmed">
          Login: <Text span fw={600} c="dark">{user.login}</Text> (loginu nie można zmienić).
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Imię" data-autofocus {...form.register('firstName')} error={errors.firstName?.message} />
          <TextInput label="Nazwisko" {...form.register('lastName')} error={errors.lastName?.message} />
          <TextInput label="Telefon służbowy" description="Drukowany na piśmie o przydzieleniu asystenta rodziny." inputWrapperOrder={['label', 'input', 'description', 'error']} {...form.register('officePhone')} error={errors.officePhone?.message} />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="roles"
          render={({ field, fieldState }) => (
            <RolesField value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
          )}
        />
        <Controller
          control={form.control}
          name="active"
          render={({ field, fieldState }) => (
            <Switch
              label="Konto aktywne"
              description="Nieaktywny użytkownik nie może się zalogować. Jego wpisy w sprawach i dzienniku zostają."
              checked={field.value}
              onChange={(event) => field.onChange(event.currentTarget.checked)}
              onBlur={field.onBlur}
              ref={field.ref}
              error={fieldState.error?.message}
            />
          )}
        />
        <FormError message={errors.root?.server?.message} title="Nie zapisano zmian" />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Anuluj
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Zapisz zmiany
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
