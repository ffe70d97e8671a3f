import { Stack, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { auditFieldLabel } from '../../../shared/audit-labels';
import type { AuditEntryView } from '../../../shared/ipc';
import { detailLines } from './details';
import { formatFieldValue } from './labels';

/** An entry's details in Polish: "Stan: W realizacji → Oceniony", ids as names and numbers. */
export function AuditDetails({ entry }: { entry: Pick<AuditEntryView, 'details' | 'entityType' | 'refs'> }) {
  const lines = detailLines(entry.details);
  const context = { entityType: entry.entityType, refs: entry.refs };
  if (lines.length === 0) return <Text c="dimmed">—</Text>;
  return (
    <Stack gap={2}>
      {lines.map((line, index) =>
        line.kind === 'change' ? (
          <Text key={`${line.field}-${index}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
            <Text span fw={600} size="sm">
              {auditFieldLabel(line.field)}:
            </Text>{' '}
            <Text span size="sm" c="red.9">
              {formatFieldValue(line.field, line.before, context)}
            </Text>{' '}
            →{' '}
            <Text span size="sm" c="green.9">
              {formatFieldValue(line.field, line.after, context)}
            </Text>
          </Text>
        ) : (
          <Text key={`${line.field}-${index}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
            <Text span fw={600} size="sm">
              {auditFieldLabel(line.field)}:
            </Text>{' '}
            {formatFieldValue(line.field, line.value, context)}
          </Text>
        ),
      )}
    </Stack>
  );
}

/** The date over the time, so that the column stays narrow. */
export function EntryTime({ at }: { at: string }) {
  const time = dayjs(at);
  if (!time.isValid()) return <>{at}</>;
  return (
    <>
      <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
        {time.format('DD.MM.YYYY')}
      </Text>{' '}
      <Text span size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {time.format('HH:mm:ss')}
      </Text>
    </>
  );
}
