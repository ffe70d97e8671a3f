/** What happens to a signed kontrakt: its start, the actions' progress, a breach, the assessment or early termination. */
import { Button, Group, Modal, NativeSelect, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CONTRACT_OUTCOMES, CONTRACT_OUTCOME_LABELS, CONTRACT_STATUS_LABELS, type ContractOutcome } from '../../../shared/domain/familyWork';
import type { IsoDate } from '../../../shared/domain/dates';
import type { ContractView } from '../../../shared/family-work';
import { DateText } from '../../components/DateField';
import { FormError } from '../../components/FormError';
import { polishDate, todayIso } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { refreshCases } from '../cases/caseQueries';
import { ACTION_STATUS_OPTIONS } from './contractForm';
import { ChoiceGroup, DialogButtons } from './FormParts';

type EventDialog = 'breach' | 'assess' | 'terminate' | null;

/** What happens to a signed contract: its start, the actions' progress, a breach, the assessment or early termination. */
export function ContractEvents({ contract }: { contract: ContractView }) {
  const queryClient = useQueryClient();
  const event = useChannelMutation('contracts:event');
  const [dialog, setDialog] = useState<EventDialog>(null);
  const [error, setError] = useState<string | undefined>();
  const live = contract.status === 'signed' || contract.status === 'in_progress';

  const run = async (input: Parameters<typeof event.mutateAsync>[0], done: string): Promise<void> => {
    await event.mutateAsync(input);
    await refreshCases(queryClient);
    notifications.show({ color: 'green', title: done, message: 'Zdarzenie jest w chronologii sprawy.' });
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label="Realizacja kontraktu">
      <Stack gap="md">
        <Title order={2} fz={18}>
          Realizacja kontraktu
        </Title>
        <Table.ScrollContainer minWidth={720}>
          <Table withTableBorder fz="md" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Strona</Table.Th>
                <Table.Th>Działanie</Table.Th>
                <Table.Th>Termin</Table.Th>
                <Table.Th>Stan</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contract.actions.map((action) => (
                <Table.Tr key={action.id}>
                  <Table.Td>{action.party === 'client' ? 'Osoba / rodzina' : 'Pracownik socjalny'}</Table.Td>
                  <Table.Td>{action.description}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{polishDate(action.deadline)}</Table.Td>
                  <Table.Td>
                    {live ? (
                      <NativeSelect size="md"
                        aria-label={`Stan działania: ${action.description}`}
                        data={ACTION_STATUS_OPTIONS}
                        value={action.status}
                        onChange={(e) => {
                          setError(undefined);
                          const status = e.currentTarget.value as 'planned' | 'done' | 'not_done';
                          run({ id: contract.id, event: 'action_status', actionId: action.id, status }, 'Zmieniono stan działania').catch((err: unknown) => setError(errorMessage(err)));
                        }}
                      />
                    ) : (
                      (ACTION_STATUS_OPTIONS.find((o) => o.value === action.status)?.label ?? action.status)
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {live ? (
          <Group gap="sm">
            {contract.status === 'signed' ? (
              <Button
                onClick={() => {
                  setError(undefined);
                  run({ id: contract.id, event: 'start' }, 'Rozpoczęto realizację kontraktu').catch((err: unknown) => setError(errorMessage(err)));
                }}
              >
                Rozpocznij realizację
              </Button>
            ) : null}
            <Button variant="default" color="red" onClick={() => setDialog('breach')}>
              Odnotuj niedotrzymanie kontraktu
            </Button>
            <Button variant="default" onClick={() => setDialog('assess')}>
              Oceń realizację
            </Button>
            <Button variant="default" onClick={() => setDialog('terminate')}>
              Rozwiąż przed terminem
            </Button>
          </Group>
        ) : (
          <Text c="dimmed">Kontrakt jest {CONTRACT_STATUS_LABELS[contract.status].toLowerCase()}; nie odnotowuje się już w nim zdarzeń.</Text>
        )}
        <Text size="sm" c="dimmed">
          Niedotrzymanie kontraktu może być podstawą ograniczenia świadczeń pieniężnych (art. 11 ust. 2 ustawy o pomocy społecznej); każde odnotowane zdarzenie jest w chronologii sprawy.
        </Text>
        <FormError message={error} title="Nie zapisano" />
      </Stack>
      <EventModal
        opened={dialog === 'breach'}
        onClose={() => setDialog(null)}
        title="Niedotrzymanie kontraktu"
        withDate="Data niedotrzymania"
        noteLabel="Opis niedotrzymania kontraktu"
        noteRequired
        confirmLabel="Odnotuj"
        onConfirm={(date, note) => run({ id: contract.id, event: 'breach', occurredOn: date ?? '', note }, 'Odnotowano niedotrzymanie kontraktu')}
      />
      <EventModal
        opened={dialog === 'assess'}
        onClose={() => setDialog(null)}
        title="Ocena realizacji kontraktu"
        withOutcome
        noteLabel="Uzasadnienie oceny"
        confirmLabel="Zapisz ocenę"
        onConfirm={async (_date, note, outcome) => {
          if (outcome) await run({ id: contract.id, event: 'assess', outcome, note }, 'Oceniono realizację kontraktu');
        }}
      />
      <EventModal
        opened={dialog === 'terminate'}
        onClose={() => setDialog(null)}
        title="Rozwiązanie kontraktu przed terminem"
        withDate="Data rozwiązania"
        noteLabel="Przyczyna rozwiązania"
        noteRequired
        confirmLabel="Rozwiąż kontrakt"
        onConfirm={(date, note) => run({ id: contract.id, event: 'terminate', terminatedOn: date ?? '', reason: note }, 'Rozwiązano kontrakt')}
      />
    </Paper>
  );
}

function EventModal({
  opened,
  onClose,
  title,
  withDate,
  withOutcome,
  noteLabel,
  noteRequired,
  confirmLabel,
  onConfirm,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  withDate?: string;
  withOutcome?: boolean;
  noteLabel: string;
  noteRequired?: boolean;
  confirmLabel: string;
  onConfirm: (date: IsoDate | null, note: string, outcome: ContractOutcome | null) => Promise<void>;
}) {
  const [date, setDate] = useState<string | null>(todayIso());
  const [outcome, setOutcome] = useState<ContractOutcome | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setError(undefined);
    if (withDate && !date) return setError(`Podaj pole „${withDate}”.`);
    if (withOutcome && !outcome) return setError('Wybierz ocenę realizacji.');
    setBusy(true);
    try {
      await onConfirm(date, note, outcome);
      setNote('');
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <Stack gap="md">
        {withDate ? (
          <DateText label={withDate} maxDate={todayIso()} value={date} onChange={setDate} w={200} withAsterisk />
        ) : null}
        {withOutcome ? (
          <ChoiceGroup label="Ocena" options={CONTRACT_OUTCOMES} labels={CONTRACT_OUTCOME_LABELS} value={outcome} onChange={setOutcome} />
        ) : null}
        <Textarea size="md" label={noteLabel} withAsterisk={noteRequired} autosize minRows={3} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <FormError message={error} title="Nie zapisano" />
        <DialogButtons onCancel={onClose} onConfirm={() => void submit()} confirmLabel={confirmLabel} loading={busy} />
      </Stack>
    </Modal>
  );
}
