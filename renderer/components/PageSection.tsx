import { Group, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * One titled part of a page (a bordered `<section>` named by its title for screen readers);
 * `aside` goes to the right of the title (e.g. a status badge).
 */
export function PageSection({ title, aside, children }: { title: string; aside?: ReactNode; children: ReactNode }) {
  const heading = (
    <Title order={2} fz={20}>
      {title}
    </Title>
  );
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label={title}>
      <Stack gap="md">
        {aside === undefined ? (
          heading
        ) : (
          <Group justify="space-between" align="flex-start" wrap="wrap">
            {heading}
            {aside}
          </Group>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
