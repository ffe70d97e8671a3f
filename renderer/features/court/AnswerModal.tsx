/** Marking a court's letter as answered with the date the answer was sent. */
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { DateText } from '../../components/DateField';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CourtRequestView } from '../../../shared/court';
import { todayIso } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { refreshCases } from '../cases/caseQueries';

export function AnswerModal({ request, opened, onClose }: { request: CourtRequestView; opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const answer = useChannelMutation('court:answer');
  const [sentOn, setSentOn] = useState<string | null>(todayIso());
  const [problem, setProblem] = useState<string | null>(null);

  const save = () => {
    setProblem(null);
    answer.mutate(
      { requestId: request.id, sentOn: sentOn ?? '' },
      {
        onSuccess: async () => {
          await refreshCases(queryClient);
          onClose();
        },
        onError: (error) => setProblem(errorMessage(error)),
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Odpowiedź wysłana — sygn. akt ${request.caseReference}`}>
      <Stack gap="md">
        <Text size="sm">Podaj dzień, w którym odpowiedź (opinia lub akta) została wysłana do sądu. Termin zniknie z pulpitu.</Text>
        <DateText label="Data wysłania" value={sentOn} onChange={setSentOn} maxDate={todayIso()} withAsterisk />
        {problem ? (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Anuluj
          </Button>
          <Button onClick={save} loading={answer.isPending} disabled={sentOn === null}>
            Zapisz
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
