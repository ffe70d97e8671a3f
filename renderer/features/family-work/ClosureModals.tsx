import { Alert, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CLOSURE_REASONS, CLOSURE_REASON_LABELS, type CaseAction, type ClosureReason } from '../../../shared/domain/caseFlow';
import type { FamilyWorkView } from '../../../shared/family-work';
import { FormError } from '../../components/FormError';
import { polishDate } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { refreshCases } from '../cases/caseQueries';
import { useSession } from '../layout/session';
import { ChoiceGroup, DialogButtons } from './FormParts';

export function closureReasonLabel(reason: string | null): string {
  return reason && reason in CLOSURE_REASON_LABELS ? CLOSURE_REASON_LABELS[reason as ClosureReason] : '—';
}

/** The reason for ending the work (or closing the case); choosing one clears the last error. */
function ReasonChoice(props: { label: string; name: string; value: ClosureReason | null; onChange: (reason: ClosureReason) => void; onTouched: () => void }) {
  const { onChange, onTouched, ...rest } = props;
  return (
    <ChoiceGroup
      {...rest}
      options={CLOSURE_REASONS}
      labels={CLOSURE_REASON_LABELS}
      onChange={(reason) => {
        onChange(reason);
        onTouched();
      }}
    />
  );
}

/** The assistant proposes ending the work with the family, with the reason (art. 15 ust. 1 pkt 16 u.w.r.). */
export function ProposeClosureModal({ caseId, opened, onClose }: { caseId: string; opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const propose = useChannelMutation('closure:propose');
  const [reason, setReason] = useState<ClosureReason | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = async () => {
    setError(undefined);
    if (!reason) {
      setError('Wybierz przyczynę zakończenia pracy z rodziną.');
      return;
    }
    try {
      await propose.mutateAsync({ caseId, reason, note });
      await refreshCases(queryClient);
      notifications.show({ color: 'green', title: 'Przekazano propozycję zakończenia', message: 'Propozycję zatwierdza albo odrzuca kierownik ośrodka.' });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Propozycja zakończenia pracy z rodziną" size="lg">
      <Stack gap="md">
        <ReasonChoice label="Przyczyna zakończenia" name="closure-reason" value={reason} onChange={setReason} onTouched={() => setError(undefined)} />
        <Textarea size="md"
          label="Uzasadnienie"
          description={reason === 'other' ? 'Przy innej przyczynie opisz ją — bez tego propozycja nie zostanie przyjęta.' : 'Krótko: co osiągnięto albo dlaczego praca nie może trwać.'}
          autosize
          minRows={3}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <FormError message={error} title="Nie przekazano propozycji" />
        <DialogButtons onCancel={onClose} onConfirm={() => void submit()} confirmLabel="Przekaż propozycję kierownikowi" loading={propose.isPending} />
      </Stack>
    </Modal>
  );
}

type Decision = 'monitor' | 'close' | 'reject';
const DECISION_ACTION: Record<Decision, CaseAction> = { monitor: 'start_monitoring', close: 'approve_closure', reject: 'reject_closure' };

/** The kierownik approves the proposed end (with monitoring, or closing at once) or rejects it. */
export function DecideClosureModal({
  caseId,
  work,
  offered,
  opened,
  onClose,
}: {
  caseId: string;
  work: FamilyWorkView | undefined;
  offered: readonly CaseAction[];
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { settings } = useSession();
  const decide = useChannelMutation('closure:decide');
  const [decision, setDecision] = useState<Decision | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const months = settings?.monitoringMonths;
  const labels: Record<Decision, string> = {
    monitor: `Zatwierdzam zakończenie — rodzina pozostaje pod monitoringiem${months ? ` przez ${months} mies.` : ''}`,
    close: 'Zatwierdzam zakończenie bez monitoringu i zamykam sprawę (np. rodzina wyprowadziła się)',
    reject: 'Nie zatwierdzam — praca z rodziną trwa dalej',
  };
  const choices = (Object.keys(DECISION_ACTION) as Decision[]).filter((d) => offered.includes(DECISION_ACTION[d]));

  const submit = async () => {
    setError(undefined);
    if (!decision) {
      setError('Wybierz decyzję.');
      return;
    }
    try {
      await decide.mutateAsync({ caseId, decision, note });
      await refreshCases(queryClient);
      notifications.show({
        color: 'green',
        title: decision === 'reject' ? 'Nie zatwierdzono zakończenia' : 'Zatwierdzono zakończenie pracy z rodziną',
        message: decision === 'monitor' ? 'Rozpoczął się monitoring rodziny.' : decision === 'close' ? 'Sprawa jest zamknięta.' : 'Asystent kontynuuje pracę z rodziną.',
      });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Propozycja zakończenia pracy z rodziną" size="lg">
      <Stack gap="md">
        {work ? <ClosureProposal work={work} /> : null}
        <ChoiceGroup label="Decyzja" name="closure-decision" options={choices} labels={labels} value={decision} onChange={setDecision} />
        <Textarea size="md" label="Uwagi" autosize minRows={2} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
        <FormError message={error} title="Nie zapisano decyzji" />
        <DialogButtons onCancel={onClose} onConfirm={() => void submit()} confirmLabel="Zapisz decyzję" loading={decide.isPending} />
      </Stack>
    </Modal>
  );
}

/** What the assistant proposed: the reason, her justification and the date. */
export function ClosureProposal({ work }: { work: FamilyWorkView }) {
  return (
    <Alert color="orange" title={`Propozycja zakończenia${work.closureProposedOn ? ` z ${polishDate(work.closureProposedOn)}` : ''}`}>
      <Stack gap={4}>
        <Text>
          <Text span fw={700}>
            Przyczyna:{' '}
          </Text>
          {closureReasonLabel(work.closureReason)}
        </Text>
        {work.closureNote ? <Text style={{ whiteSpace: 'pre-wrap' }}>Uzasadnienie: {work.closureNote}</Text> : null}
      </Stack>
    </Alert>
  );
}

/** A confirmation with an optional note, for the last steps: ending the monitoring, closing the case. */
export function ConfirmStepModal({
  opened,
  onClose,
  title,
  text,
  confirmLabel,
  withNote,
  onConfirm,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  text: string;
  confirmLabel: string;
  withNote: boolean;
  onConfirm: (note: string) => Promise<void>;
}) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setError(undefined);
    setBusy(true);
    try {
      await onConfirm(note);
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
        <Text>{text}</Text>
        {withNote ? <Textarea size="md" label="Uwagi" autosize minRows={2} value={note} onChange={(event) => setNote(event.currentTarget.value)} /> : null}
        <FormError message={error} title="Nie wykonano" />
        <DialogButtons onCancel={onClose} onConfirm={() => void submit()} confirmLabel={confirmLabel} loading={busy} />
      </Stack>
    </Modal>
  );
}

/**
 * The kierownik closes the case: after the monitoring (the reason is the approved proposal's), or a
 * case of social work only, which has no proposal — then she gives the reason herself.
 */
export function CloseCaseModal({
  caseId,
  caseNumber,
  needsReason,
  endsAssignment,
  opened,
  onClose,
}: {
  caseId: string;
  caseNumber: string;
  needsReason: boolean;
  endsAssignment: boolean;
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const close = useChannelMutation('cases:close');
  const [reason, setReason] = useState<ClosureReason | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = async () => {
    setError(undefined);
    if (needsReason && !reason) {
      setError('Wybierz przyczynę zamknięcia sprawy.');
      return;
    }
    try {
      await close.mutateAsync({ caseId, note, ...(needsReason && reason ? { reason } : {}) });
      await refreshCases(queryClient);
      notifications.show({ color: 'green', title: 'Sprawa zamknięta', message: `Sprawa ${caseNumber}.` });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Zamknięcie sprawy ${caseNumber}`} size="lg">
      <Stack gap="md">
        <Text>Sprawa zostanie zamknięta{endsAssignment ? ', a przydział asystenta rodziny zakończony — asystent traci dostęp do danych rodziny' : ''}.</Text>
        {needsReason ? (
          <ReasonChoice label="Przyczyna zamknięcia" name="close-reason" value={reason} onChange={setReason} onTouched={() => setError(undefined)} />
        ) : null}
        <Textarea size="md" label="Uwagi" description={needsReason ? 'Przy innej przyczynie opisz ją tutaj.' : undefined} autosize minRows={2} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
        <FormError message={error} title="Nie zamknięto sprawy" />
        <DialogButtons onCancel={onClose} onConfirm={() => void submit()} confirmLabel="Zamknij sprawę" loading={close.isPending} />
      </Stack>
    </Modal>
  );
}
