import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormError } from '../../components/FormError';
import { QueryState } from '../../components/QueryState';
import { errorMessage } from '../../lib/errors';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { AssistantPicker } from '../assignment/AssistantPicker';
import { useCaseloads } from '../assignment/requestQueries';
import { refreshCases } from '../cases/caseQueries';

/**
 * seed 000 / art. 11 u.w.r.: a minor parent leaving a MOW, MOS, schronisko or zakład poprawczy
 * gets an assistant straight after the interview, without an analysis and a request.
 */
export function AssignDirectlyModal({ caseId, caseNumber, opened, onClose }: { caseId: string; caseNumber: string; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Przydział asystenta rodziny małoletniemu rodzicowi" size="xl">
      {opened ? <AssignDirectlyForm caseId={caseId} caseNumber={caseNumber} onDone={onClose} /> : null}
    </Modal>
  );
}

function AssignDirectlyForm({ caseId, caseNumber, onDone }: { caseId: string; caseNumber: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const caseloads = useCaseloads();
  const assign = useChannelMutation('cases:assignDirectly');
  const [assistantId, setAssistantId] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

  const submit = async () => {
    if (!assistantId) {
      setMissing(true);
      return;
    }
    try {
      await assign.mutateAsync({ caseId, assistantId });
      await refreshCases(queryClient);
      notifications.show({ color: 'green', title: 'Przydzielono asystenta rodziny', message: `Sprawa ${caseNumber}.` });
      onDone();
    } catch {
      void caseloads.refetch();
    }
  };

  return (
    <Stack gap="md">
      <Text>
        Małoletni rodzic opuszczający młodzieżowy ośrodek wychowawczy, młodzieżowy ośrodek socjoterapii, schronisko dla nieletnich lub zakład
        poprawczy otrzymuje asystenta rodziny po wywiadzie środowiskowym (art. 11 ustawy o wspieraniu rodziny).
      </Text>
      <QueryState isPending={caseloads.isPending} error={caseloads.error} onRetry={() => void caseloads.refetch()} />
      {caseloads.data ? (
        <AssistantPicker
          caseloads={caseloads.data}
          value={assistantId}
          onChange={(id) => {
            setAssistantId(id);
            setMissing(false);
          }}
          error={missing ? 'Wybierz asystenta rodziny.' : undefined}
        />
      ) : null}
      <FormError message={assign.error ? errorMessage(assign.error) : undefined} title="Nie przydzielono asystenta" />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onDone}>
          Anuluj
        </Button>
        <Button onClick={() => void submit()} loading={assign.isPending}>
          Przydziel asystenta
        </Button>
      </Group>
    </Stack>
  );
}
