/** A kontrakt socjalny as signed or as the user may only read it, and its status badge. */
import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { CaseFileView } from '../../../shared/cases';
import { CONTRACT_OUTCOME_LABELS, CONTRACT_STATUS_LABELS, CONTRACT_VARIANT_LABELS, type ContractOutcome, type ContractStatus } from '../../../shared/domain/familyWork';
import type { ContractView } from '../../../shared/family-work';
import { polishDate } from '../../lib/dates';

const STATUS_COLORS: Record<ContractStatus, string> = { draft: 'yellow', signed: 'blue', in_progress: 'blue', assessed: 'green', terminated: 'gray' };

export function ContractStatusBadge({ status }: { status: ContractStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size="lg">
      {CONTRACT_STATUS_LABELS[status]}
    </Badge>
  );
}

export function ContractReadView({ file, contract }: { file: CaseFileView; contract: ContractView }) {
  const names = new Map(file.family.members.map((m) => [m.person.id, `${m.person.firstName} ${m.person.lastName}`]));
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label="Treść kontraktu">
      <Stack gap="md">
        <Group gap="sm" wrap="wrap">
          <ContractStatusBadge status={contract.status} />
          <Text c="dimmed">
            {CONTRACT_VARIANT_LABELS[contract.variant]} · okres {polishDate(contract.periodFrom)} – {polishDate(contract.periodTo)}
            {contract.signedOn ? ` · podpisany ${polishDate(contract.signedOn)}` : ''}
          </Text>
        </Group>
        <Text>
          <strong>Strony:</strong> {contract.clientIds.map((id) => names.get(id) ?? '—').join(', ')} oraz pracownik socjalny {contract.workerName}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <Block label="Przyczyny trudnej sytuacji">{contract.causes}</Block>
          <Block label="Możliwości">{contract.possibilities}</Block>
          <Block label="Ograniczenia">{contract.limitations}</Block>
        </SimpleGrid>
        <Block label="Cel główny">{contract.mainGoal}</Block>
        {contract.partialGoals.length > 0 ? <Block label="Cele szczegółowe">{contract.partialGoals.map((goal, i) => `${i + 1}. ${goal}`).join('\n')}</Block> : null}
        {contract.outcome ? (
          <Alert color="green" title="Ocena realizacji kontraktu">
            {CONTRACT_OUTCOME_LABELS[contract.outcome as ContractOutcome] ?? contract.outcome}
            {contract.outcomeNote ? ` — ${contract.outcomeNote}` : ''}
          </Alert>
        ) : null}
        {contract.terminatedOn ? (
          <Alert color="gray" title={`Kontrakt rozwiązany ${polishDate(contract.terminatedOn)}`}>
            {contract.terminationReason}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}

function Block({ label, children }: { label: string; children: string }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={700} c="dimmed">
        {label}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{children || '—'}</Text>
    </Stack>
  );
}
