import { Alert, Badge, Button, Group, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { CaseFileView } from '../../../shared/cases';
import { AID_STATUSES } from '../../../shared/domain/caseFlow';
import { can } from '../../../shared/domain/roles';
import { polishDate } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { refreshCases } from '../cases/caseQueries';
import { useNavigation } from '../layout/navigation';
import { useSession } from '../layout/session';

export const ASSISTANT_SCOPE_NOTE =
  'Jako asystent rodziny widzisz dane tej rodziny w zakresie potrzebnym do pracy z nią (art. 16 ustawy o wspieraniu rodziny). Niektóre części wywiadu środowiskowego, np. sytuacja zdrowotna, są dla Ciebie ukryte.';

/**
 * While aid continues the wywiad is updated at least every six months (Part IV); the update starts
 * from the last completed wywiad's answers.
 */
function StartUpdateButton({ file }: { file: CaseFileView }) {
  const { navigate } = useNavigation();
  const queryClient = useQueryClient();
  const start = useChannelMutation('interviews:startUpdate');
  const run = async () => {
    try {
      const { interviewId } = await start.mutateAsync({ caseId: file.id });
      await refreshCases(queryClient);
      navigate({ view: 'interview', caseId: file.id, interviewId });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Nie rozpoczęto aktualizacji', message: errorMessage(error) });
    }
  };
  return (
    <Button onClick={() => void run()} loading={start.isPending}>
      Rozpocznij aktualizację wywiadu
    </Button>
  );
}

export function InterviewsTab({ file }: { file: CaseFileView }) {
  const { navigate } = useNavigation();
  const { user } = useSession();
  const update = file.deadlines.find((deadline) => deadline.kind === 'interview_update');
  const mayUpdate =
    file.access === 'full' &&
    can(user.roles, 'cases.create') &&
    AID_STATUSES.includes(file.status) &&
    file.interviews.some((interview) => interview.status === 'completed') &&
    !file.interviews.some((interview) => interview.status === 'draft');
  return (
    <>
      {mayUpdate ? (
        <Group justify="space-between" mb="md">
          <Text>{update ? `Następna aktualizacja wywiadu: do ${polishDate(update.dueDate)}.` : 'Wywiad aktualizuje się co najmniej raz na sześć miesięcy.'}</Text>
          <StartUpdateButton file={file} />
        </Group>
      ) : null}
      {file.access === 'assistant' ? (
        <Alert color="blue" mb="md">
          {ASSISTANT_SCOPE_NOTE}
        </Alert>
      ) : null}
      <Paper withBorder radius="md">
        <Table striped verticalSpacing="sm" horizontalSpacing="md" fz="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Rodzaj</Table.Th>
              <Table.Th>Stan</Table.Th>
              <Table.Th>Data przeprowadzenia</Table.Th>
              <Table.Th>
                <VisuallyHidden>Działania</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {file.interviews.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text c="dimmed" ta="center" py="md">
                    Wywiad środowiskowy nie został jeszcze rozpoczęty.
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              file.interviews.map((interview) => (
                <Table.Tr key={interview.id}>
                  <Table.Td>{interview.kind === 'full' ? 'Rodzinny wywiad środowiskowy' : 'Aktualizacja wywiadu'}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={interview.status === 'completed' ? 'green' : 'yellow'}>
                      {interview.status === 'completed' ? 'Zakończony' : 'W toku (szkic)'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{polishDate(interview.conductedOn)}</Table.Td>
                  <Table.Td ta="right">
                    <Button variant="default" onClick={() => navigate({ view: 'interview', caseId: file.id, interviewId: interview.id })}>
                      Otwórz
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </Paper>
    </>
  );
}
