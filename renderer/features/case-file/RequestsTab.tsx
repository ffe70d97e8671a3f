import { Badge, Paper, Stack, Text } from '@mantine/core';
import type { CaseFileView } from '../../../shared/cases';
import { polishDate } from '../../lib/dates';
import { REQUEST_STATUS_COLORS, REQUEST_STATUS_LABELS } from '../assignment/labels';

export function RequestsTab({ file }: { file: CaseFileView }) {
  if (file.requests.length === 0) return <Text c="dimmed">W tej sprawie nie złożono wniosku o asystenta rodziny.</Text>;
  return (
    <Stack gap="md">
      {file.requests.map((request) => (
        <Paper key={request.id} withBorder radius="md" p="md">
          <Stack gap="xs">
            <Badge color={REQUEST_STATUS_COLORS[request.status]} variant="light" size="lg">
              {REQUEST_STATUS_LABELS[request.status]}
            </Badge>
            <Text size="sm" c="dimmed">
              Wniosek z {polishDate(request.filedOn)}; pracownik socjalny: {request.filedByName}
              {request.decidedOn ? `; decyzja z ${polishDate(request.decidedOn)}` : ''}
            </Text>
            <Text fw={600}>Uzasadnienie</Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{request.justification}</Text>
            {request.referralOrganisation ? <Text>Przekazano do: {request.referralOrganisation}</Text> : null}
            {request.decisionNote ? (
              <>
                <Text fw={600}>Uzasadnienie kierownika</Text>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{request.decisionNote}</Text>
              </>
            ) : null}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
