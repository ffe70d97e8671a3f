import { Stack, Text } from '@mantine/core';
import { detailLines } from './details';
import { fieldLabel, formatValue } from './labels';

export function AuditDetails({ details }: { details: Record<string, unknown> }) {
  const lines = detailLines(details);
  if (lines.length === 0) return <Text c="dimmed">—</Text>;
  return (
    <Stack gap={2}>
      {lines.map((line, index) =>
        line.kind === 'change' ? (
          <Text key={`${line.field}-${index}`} size="sm">
            <Text span fw={600} size="sm">
              {fieldLabel(line.field)}:
            </Text>{' '}
            <Text span size="sm" c="red.9">
              {formatValue(line.before)}
            </Text>{' '}
            →{' '}
            <Text span size="sm" c="green.9">
              {formatValue(line.after)}
            </Text>
          </Text>
        ) : (
          <Text key={`${line.field}-${index}`} size="sm">
            <Text span fw={600} size="sm">
              {fieldLabel(line.field)}:
            </Text>{' '}
            {formatValue(line.value)}
          </Text>
        ),
      )}
    </Stack>
  );
}
