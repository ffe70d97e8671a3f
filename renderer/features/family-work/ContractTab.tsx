import { Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import type { CaseFileView } from '../../../shared/cases';
import { CONTRACT_VARIANT_LABELS } from '../../../shared/domain/familyWork';
import { QueryState } from '../../components/QueryState';
import { polishDate } from '../../lib/dates';
import { useNavigation } from '../layout/navigation';
import { useSession } from '../layout/session';
import { ContractStatusBadge } from './ContractPage';
import { mayManageContracts, useFamilyWork } from './workQueries';

const CLOSED = ['CLOSED', 'ARCHIVED', 'REFERRED'];

/** "Kontrakt socjalny": the case's contracts (the social worker's; not shown to the assistant, art. 16 u.w.r.). */
export function ContractTab({ file }: { file: CaseFileView }) {
  const { user } = useSession();
  const { navigate } = useNavigation();
  const work = useFamilyWork(file.id);
  const manage = mayManageContracts(user, file);
  const mayCreate = manage && !CLOSED.includes(file.status) && !work.data?.contracts.some((c) => c.status === 'draft');

  return (
    <Stack gap="lg">
      {mayCreate ? (
        <Group>
          <Button onClick={() => navigate({ view: 'contract', caseId: file.id, contractId: null })}>Nowy kontrakt socjalny</Button>
        </Group>
      ) : null}
      <QueryState isPending={work.isPending} error={work.error} onRetry={() => void work.refetch()} />
      {work.data && work.data.contracts.length === 0 ? <Text c="dimmed">W tej sprawie nie zawarto kontraktu socjalnego.</Text> : null}
      {work.data && work.data.contracts.length > 0 ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={860}>
            <Table striped fz="md" verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Stan</Table.Th>
                  <Table.Th>Wzór</Table.Th>
                  <Table.Th>Cel główny</Table.Th>
                  <Table.Th>Okres</Table.Th>
                  <Table.Th>Podpisano</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {work.data.contracts.map((contract) => (
                  <Table.Tr key={contract.id}>
                    <Table.Td>
                      <ContractStatusBadge status={contract.status} />
                    </Table.Td>
                    <Table.Td>{CONTRACT_VARIANT_LABELS[contract.variant].split(' — ')[0]}</Table.Td>
                    <Table.Td>{contract.mainGoal || '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {polishDate(contract.periodFrom)} – {polishDate(contract.periodTo)}
                    </Table.Td>
                    <Table.Td>{polishDate(contract.signedOn)}</Table.Td>
                    <Table.Td>
                      <Button variant="subtle" onClick={() => navigate({ view: 'contract', caseId: file.id, contractId: contract.id })}>
                        {contract.status === 'draft' && manage ? 'Edytuj' : 'Otwórz'}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
    </Stack>
  );
}
