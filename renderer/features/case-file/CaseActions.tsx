import { Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { CaseFileView } from '../../../shared/cases';
import type { AvailableAction } from '../../../shared/domain/caseFlow';
import { can } from '../../../shared/domain/roles';
import { errorMessage } from '../../lib/errors';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { FileRequestForm } from '../analysis/FileRequestForm';
import { SocialWorkButton } from '../analysis/AnalysisPage';
import { DecisionModal, type DecisionKind } from '../assignment/DecisionModal';
import { refreshCases } from '../cases/caseQueries';
import { useNavigation } from '../layout/navigation';
import { useSession } from '../layout/session';
import { FAMILY_WORK_ACTIONS, FamilyWorkActions } from '../family-work/FamilyWorkActions';

type Dialog = { kind: 'request' } | { kind: 'decision'; decision: DecisionKind } | null;

/**
 * The next steps of the case, as the main process computed them for this user (`file.actions`):
 * enabled ones as buttons, disabled ones with the reason, so the user sees what is missing.
 */
export function CaseActions({ file }: { file: CaseFileView }) {
  const { navigate } = useNavigation();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const start = useChannelMutation('cases:startInterview');
  const [dialog, setDialog] = useState<Dialog>(null);
  const full = file.access === 'full';
  const draftInterview = file.interviews.find((interview) => interview.status === 'draft');
  const pendingRequest = file.requests.find((request) => request.status === 'pending') ?? null;

  const startInterview = async () => {
    try {
      const { interviewId } = await start.mutateAsync({ caseId: file.id });
      await refreshCases(queryClient);
      navigate({ view: 'interview', caseId: file.id, interviewId });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Nie rozpoczęto wywiadu', message: errorMessage(error) });
    }
  };

  const items: ReactNode[] = [];
  const notes: string[] = [];
  const workActions: AvailableAction[] = [];

  if (full && draftInterview && file.status === 'INTERVIEW') {
    items.push(
      <Button key="open-interview" onClick={() => navigate({ view: 'interview', caseId: file.id, interviewId: draftInterview.id })}>
        Otwórz wywiad środowiskowy
      </Button>,
    );
  }
  if (full && file.status === 'ANALYSIS' && can(user.roles, 'cases.create')) {
    items.push(
      <Button key="analysis" onClick={() => navigate({ view: 'analysis', caseId: file.id })}>
        Analiza sytuacji rodziny
      </Button>,
    );
  }

  for (const action of file.actions) {
    const disabledNote = !action.enabled && action.message ? action.message : null;
    switch (action.action) {
      case 'start_interview':
        items.push(
          <Button key={action.action} disabled={!action.enabled} loading={start.isPending} onClick={() => void startInterview()}>
            {action.label}
          </Button>,
        );
        if (disabledNote) notes.push(disabledNote);
        break;
      case 'complete_interview':
      case 'complete_interview_minor_parent':
        // Completed on the interview screen, where the latest typing is saved first.
        notes.push(
          action.enabled
            ? action.action === 'complete_interview'
              ? 'Obowiązkowe części wywiadu są wypełnione: wywiad można zakończyć na ekranie wywiadu.'
              : 'Obowiązkowe części wywiadu są wypełnione: po zakończeniu wywiadu sprawa trafi do kierownika, który przydzieli asystenta rodziny (małoletni rodzic opuszczający placówkę).'
            : `${disabledNote ?? 'Wywiadu nie można jeszcze zakończyć.'} Uzupełnij je na ekranie wywiadu.`,
        );
        break;
      case 'choose_social_work':
        items.push(<SocialWorkButton key={action.action} file={file} action={action} blocked={false} onDone={() => undefined} />);
        break;
      case 'request_assistant':
        items.push(
          <Button key={action.action} variant="default" disabled={!action.enabled} onClick={() => setDialog({ kind: 'request' })}>
            {action.label}
          </Button>,
        );
        if (disabledNote) notes.push(disabledNote);
        break;
      case 'assign_assistant': {
        // The assistant is chosen in the dialog (the main process checks the caseload limit there);
        // what the case itself lacks (e.g. interview parts) disables the button, with the reason.
        items.push(
          <Button
            key={action.action}
            disabled={!action.enabled || !pendingRequest}
            onClick={() => setDialog({ kind: 'decision', decision: 'assign' })}
          >
            {action.label}
          </Button>,
        );
        if (disabledNote) notes.push(disabledNote);
        break;
      }
      case 'refer':
      case 'return_to_worker':
        items.push(
          <Button
            key={action.action}
            variant="default"
            disabled={!pendingRequest}
            onClick={() => setDialog({ kind: 'decision', decision: action.action === 'refer' ? 'refer' : 'return' })}
          >
            {action.label}
          </Button>,
        );
        break;
      default:
        if (FAMILY_WORK_ACTIONS.includes(action.action)) workActions.push(action);
        else items.push(<LaterAction key={action.action} action={action} />);
    }
  }
  if (workActions.length > 0) items.push(<FamilyWorkActions key="family-work" file={file} actions={workActions} />);

  // Nothing for this user to do now: say who has the next move.
  const waiting =
    items.length === 0 && notes.length === 0 && file.status === 'ASSISTANT_REQUESTED'
      ? 'Wniosek o asystenta rodziny czeka na decyzję kierownika ośrodka.'
      : null;
  if (items.length === 0 && notes.length === 0 && !waiting) return null;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Następne kroki">
      <Stack gap="sm">
        <Title order={2} fz={18}>
          Następne kroki
        </Title>
        {items.length > 0 ? (
          <Group gap="sm" align="flex-start">
            {items}
          </Group>
        ) : null}
        {waiting ? <Text>{waiting}</Text> : null}
        {notes.map((note) => (
          <Text key={note} c="orange.9">
            {note}
          </Text>
        ))}
      </Stack>

      <Modal opened={dialog?.kind === 'request'} onClose={() => setDialog(null)} title="Wniosek o asystenta rodziny" size="lg">
        {dialog?.kind === 'request' ? <FileRequestForm caseId={file.id} onDone={() => setDialog(null)} onCancel={() => setDialog(null)} /> : null}
      </Modal>
      <DecisionModal
        request={dialog?.kind === 'decision' ? pendingRequest : null}
        initialKind={dialog?.kind === 'decision' ? dialog.decision : 'assign'}
        onClose={() => setDialog(null)}
      />
    </Paper>
  );
}

/** A step without its own screen yet (e.g. reopening or archiving a case): shown, not offered. */
function LaterAction({ action }: { action: AvailableAction }) {
  return (
    <Stack gap={2}>
      <Button variant="default" disabled>
        {action.label}
      </Button>
      <Text size="sm" c="dimmed" maw={360}>
        {action.enabled ? 'Ta czynność będzie dostępna w kolejnej wersji programu.' : action.message}
      </Text>
    </Stack>
  );
}
