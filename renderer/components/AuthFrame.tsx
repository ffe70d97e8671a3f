import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useAppStatus } from '../lib/status';

/**
 * The frame of the screens shown before the main layout: set-up, login, lock. In server mode it
 * says under the form where the office's data is (the office server's address).
 */
export function AuthFrame({
  title,
  subtitle,
  width = 460,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  width?: number;
  children: ReactNode;
}) {
  const server = useAppStatus().data?.server ?? null;
  return (
    <Box mih="100vh" bg="gray.1" py="xl" px="md">
      <Center mih="calc(100vh - 2 * var(--mantine-spacing-xl))">
        <Stack w="100%" maw={width} gap="md">
          <Text ta="center" fw={700} fz={28} c="petrol.8" aria-hidden="true">
            Asysta
          </Text>
          <Paper component="main" withBorder shadow="sm" p="xl" radius="md">
            <Stack gap="lg">
              <Stack gap={4}>
                <Title order={1} fz={24}>
                  {title}
                </Title>
                {subtitle ? <Text c="dimmed">{subtitle}</Text> : null}
              </Stack>
              {children}
            </Stack>
          </Paper>
          {server ? (
            <Text ta="center" size="sm" c="dimmed" data-testid="server-address">
              Dane ośrodka: serwer biura{' '}
              <Text span fw={600} c="dark">
                {server.host}:{server.port}
              </Text>
            </Text>
          ) : null}
        </Stack>
      </Center>
    </Box>
  );
}
