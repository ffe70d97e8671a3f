import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import { ROLE_LABELS } from '../../../shared/domain/roles';
import { useSession } from '../layout/session';

function greeting(hour: number): string {
  if (hour < 5 || hour >= 18) return 'Dobry wieczór';
  return 'Dzień dobry';
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The start page. The work tray (cases and deadlines) will take its place. */
export function HomePage() {
  const { user, office } = useSession();
  const now = dayjs();

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1} fz={28}>
          {greeting(now.hour())}, {user.firstName}!
        </Title>
        <Text c="dimmed">{capitalize(now.format('dddd, D MMMM YYYY'))}</Text>
      </Stack>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder padding="lg" radius="md">
          <Stack gap="xs">
            <Text size="sm" fw={700} c="dimmed" tt="uppercase">
              Ośrodek
            </Text>
            {office ? (
              <>
                <Text fw={600} fz="lg">
                  {office.name}
                </Text>
                <Stack gap={0}>
                  <Text>{office.street}</Text>
                  <Text>
                    {office.postalCode} {office.city}
                  </Text>
                  <Text c="dimmed">Gmina {office.gmina}</Text>
                </Stack>
              </>
            ) : (
              <Text c="dimmed">Brak danych ośrodka.</Text>
            )}
          </Stack>
        </Card>

        <Card withBorder padding="lg" radius="md">
          <Stack gap="xs">
            <Text size="sm" fw={700} c="dimmed" tt="uppercase">
              Twoje konto
            </Text>
            <Text fw={600} fz="lg">
              {user.firstName} {user.lastName}
            </Text>
            <Text>Login: {user.login}</Text>
            <Group gap="xs">
              {user.roles.map((role) => (
                <Badge key={role} variant="light" size="lg">
                  {ROLE_LABELS[role]}
                </Badge>
              ))}
            </Group>
          </Stack>
        </Card>
      </SimpleGrid>

      <Card withBorder padding="lg" radius="md">
        <Stack gap="xs">
          <Title order={2} fz={20}>
            Bieżąca praca
          </Title>
          <Text>
            W tym miejscu pojawi się lista spraw i terminów do załatwienia: nowe wnioski, zaplanowane wywiady, wizyty u
            rodzin i zbliżające się terminy sprawozdań dla sądu. Ta część programu jest jeszcze w przygotowaniu.
          </Text>
        </Stack>
      </Card>
    </Stack>
  );
}
