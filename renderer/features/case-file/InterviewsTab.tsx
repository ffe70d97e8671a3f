import { Alert, Badge, Button, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import type { CaseFileView } from '../../../shared/cases';
import { polishDate } from '../../lib/dates';
import { useNavigation } from '../layout/navigation';

export const ASSISTANT_SCOPE_NOTE =
  'Jako asystent rodziny widzisz dane tej rodziny w zakresie potrzebnym do pracy z nią (art. 16 ustawy o wspieraniu rodziny). Niektóre części wywiadu środowiskowego, np. sytuacja zdrowotna, są dla Ciebie ukryte.';

export function InterviewsTab({ file }: { file: CaseFileView }) {
  const { navigate } = useNavigation();
  return (
    <>
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
