import { Badge, Button, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../../shared/domain/roles';
import type { UserSummary } from '../../../../shared/ipc';
import { PageHeader } from '../../../components/PageHeader';
import { QueryState } from '../../../components/QueryState';
import { formatDate, formatDateTime, fullName } from '../../../lib/format';
import { useSession } from '../../layout/session';
import { CreateUserModal } from './CreateUserModal';
import { EditUserModal } from './EditUserModal';
import { HandOverModal } from './HandOverModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { useUsers } from './usersQuery';

const byName = (a: UserSummary, b: UserSummary) =>
  a.lastName.localeCompare(b.lastName, 'pl') || a.firstName.localeCompare(b.firstName, 'pl');

export function UsersPage() {
  const { user: me } = useSession();
  const users = useUsers();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserSummary | null>(null);
  const [resetting, setResetting] = useState<UserSummary | null>(null);
  const [handingOver, setHandingOver] = useState<UserSummary | null>(null);

  const rows = [...(users.data ?? [])].sort(byName);

  return (
    <Stack gap="lg">
      <PageHeader
        title="Użytkownicy"
        description="Osoby, które mogą pracować w programie, i ich role. Użytkownika, który odchodzi z ośrodka, oznacz jako nieaktywnego — jego wpisy w sprawach i dzienniku zostają."
        actions={<Button onClick={() => setCreating(true)}>Dodaj użytkownika</Button>}
      />

      <QueryState isPending={users.isPending} error={users.error} onRetry={() => void users.refetch()} />

      {users.data ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={860}>
            <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md" fz="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Imię i nazwisko</Table.Th>
                  <Table.Th>Login</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Aktywny</Table.Th>
                  <Table.Th>Utworzono</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Działania</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((user) => (
                  <Table.Tr key={user.id} c={user.active ? undefined : 'dimmed'}>
                    <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {fullName(user)}
                      {user.id === me.id ? (
                        <Text span c="dimmed" fw={400}>
                          {' '}
                          (Ty)
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td ff="monospace">{user.login}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Stack gap={0}>
                        {user.roles.map((role) => (
                          <Text key={role}>{ROLE_LABELS[role]}</Text>
                        ))}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      {user.active ? (
                        <Badge color="green" variant="light">
                          Tak
                        </Badge>
                      ) : (
                        <Badge color="gray" variant="light">
                          Nie
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }} title={formatDateTime(user.createdAt)}>
                      {formatDate(user.createdAt)}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          size="sm"
                          variant="default"
                          onClick={() => setEditing(user)}
                          aria-label={`Edytuj: ${fullName(user)}`}
                        >
                          Edytuj
                        </Button>
                        <Button
                          size="sm"
                          variant="default"
                          onClick={() => setResetting(user)}
                          aria-label={`Ustaw nowe hasło: ${fullName(user)}`}
                        >
                          Ustaw nowe hasło
                        </Button>
                        {user.active && (user.roles.includes('social_worker') || user.roles.includes('family_assistant')) ? (
                          <Button size="sm" variant="default" onClick={() => setHandingOver(user)} aria-label={`Przekaż sprawy: ${fullName(user)}`}>
                            Przekaż sprawy
                          </Button>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}

      <CreateUserModal opened={creating} onClose={() => setCreating(false)} />
      <EditUserModal user={editing} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <HandOverModal user={handingOver} onClose={() => setHandingOver(null)} />
    </Stack>
  );
}
