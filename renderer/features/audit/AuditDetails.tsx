import { Stack, Text } from '@mantine/core';
import { detailLines } from './details';
import { fieldLabel, formatFieldValue } from './labels';

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
              {formatFieldValue(line.field, line.before)}
            </Text>{' '}
            →{' '}
            <Text span size="sm" c="green.9">
              {formatFieldValue(line.field, line.after)}
            </Text>
          </Text>
        ) : (
          <Text key={`${line.field}-${index}`} size="sm">
            <Text span fw={600} size="sm">
              {fieldLabel(line.field)}:
            </Text>{' '}
            {formatFieldValue(line.field, line.value)}
          </Text>
        ),
      )}
    </Stack>
  );
}
