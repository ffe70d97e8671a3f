import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { REPORT_SOURCE_LABELS, type CaseFileView } from '../../../shared/cases';
import { ART7_REASONS, ART7_REASON_LABELS, type Art7Reason } from '../../../shared/domain/caseFlow';
import { polishDate } from '../../lib/dates';
import { CourtOrderSection } from './CourtOrderSection';

const isReason = (value: string): value is Art7Reason => (ART7_REASONS as readonly string[]).includes(value);

export function ReportTab({ file }: { file: CaseFileView }) {
  const reasons = file.reasons.filter(isReason);
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <Field label="Data zgłoszenia">{polishDate(file.reportedOn)}</Field>
            <Field label="Od kogo pochodzi informacja">
              {REPORT_SOURCE_LABELS[file.source]}
              {file.sourceDetails ? ` — ${file.sourceDetails}` : ''}
            </Field>
            <Field label="Termin wywiadu środowiskowego">{polishDate(file.interviewDue)}</Field>
          </SimpleGrid>
          <Group gap="xs">
            {file.urgent ? (
              <Badge color="red" variant="filled">
                Sprawa pilna
              </Badge>
            ) : null}
            {file.minorParent ? (
              <Badge color="grape" variant="light">
                Małoletni rodzic opuszczający placówkę (art. 11 u.w.r.)
              </Badge>
            ) : null}
          </Group>
          <Field label="Przesłanki pomocy (art. 7 u.p.s.)">{reasons.length ? reasons.map((r) => ART7_REASON_LABELS[r]).join('; ') : '—'}</Field>
          <Field label="Treść zgłoszenia">
            <Text component="span" style={{ whiteSpace: 'pre-wrap' }}>
              {file.report}
            </Text>
          </Field>
        </Stack>
      </Paper>
      <CourtOrderSection file={file} />
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={700} c="dimmed">
        {label}
      </Text>
      <Text>{children}</Text>
    </Stack>
  );
}
