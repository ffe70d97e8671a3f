import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CaseFileView } from '../../../shared/cases';
import type { AvailableAction, CaseAction } from '../../../shared/domain/caseFlow';
import { polishDate } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { refreshCases } from '../cases/caseQueries';
import { useNavigation } from '../layout/navigation';
import { CloseCaseModal, ConfirmStepModal, DecideClosureModal, ProposeClosureModal } from './ClosureModals';
import { useFamilyWork } from './workQueries';

/** The steps of the work with the family this component handles (the rest stay in CaseActions). */
export const FAMILY_WORK_ACTIONS: readonly CaseAction[] = [
  'start_plan',
  'sign_plan',
  'revise_plan',
  'record_assessment',
  'propose_closure',
  'reject_closure',
  'start_monitoring',
  'approve_closure',
  'end_monitoring',
  'close',
];
const DECISIONS: readonly CaseAction[] = ['reject_closure', 'start_monitoring', 'approve_closure'];

type Dialog = 'propose' | 'decide' | 'endMonitoring' | 'close' | null;

/**
 * The next steps of the work with the family, from `file.actions` (the state machine, filtered by
 * role in the main process): the plan, the assessment, the proposal and approval of the end, the
 * monitoring and the closing of the case.
 */
export function FamilyWorkActions({ file, actions }: { file: CaseFileView; actions: readonly AvailableAction[] }) {
  const { navigate } = useNavigation();
  const queryClient = useQueryClient();
  const work = useFamilyWork(file.id);
  const createPlan = useChannelMutation('plans:create');
  const endMonitoring = useChannelMutation('closure:endMonitoring');
  const [dialog, setDialog] = useState<Dialog>(null);
  const has = (action: CaseAction) => actions.some((a) => a.action === action);
  const draftPlan = work.data?.plans.find((plan) => plan.status === 'draft');

  const newPlan = async () => {
    try {
      const plan = await createPlan.mutateAsync({ caseId: file.id, content: null });
      await refreshCases(queryClient);
      navigate({ view: 'plan', caseId: file.id, planId: plan.id });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Nie utworzono planu', message: errorMessage(error) });
    }
  };

  const buttons = [];
  if (has('start_plan') || has('revise_plan')) {
    buttons.push(
      <Button key="plan" loading={createPlan.isPending} onClick={() => void newPlan()}>
        {has('start_plan') ? 'Napisz plan pracy z rodziną' : 'Nowa wersja planu pracy'}
      </Button>,
    );
  }
  if (has('sign_plan') && draftPlan) {
    buttons.push(
      <Button key="draft-plan" onClick={() => navigate({ view: 'plan', caseId: file.id, planId: draftPlan.id })}>
        Otwórz projekt planu (wersja {draftPlan.number})
      </Button>,
    );
  }
  if (has('record_assessment')) {
    buttons.push(
      <Button key="assessment" variant="default" onClick={() => navigate({ view: 'case', caseId: file.id, tab: 'assessments' })}>
        Okresowa ocena sytuacji rodziny
      </Button>,
    );
  }
  if (has('propose_closure')) {
    buttons.push(
      <Button key="propose" variant="default" onClick={() => setDialog('propose')}>
        Zaproponuj zakończenie pracy z rodziną
      </Button>,
    );
  }
  if (DECISIONS.some(has)) {
    buttons.push(
      <Button key="decide" onClick={() => setDialog('decide')}>
        Rozpatrz propozycję zakończenia
      </Button>,
    );
  }
  if (has('end_monitoring') && work.data?.monitoringEndedOn) {
    buttons.push(
      <Text key="end-monitoring">
        Monitoring zakończony {polishDate(work.data.monitoringEndedOn)}. Sprawę zamyka kierownik ośrodka.
      </Text>,
    );
  } else if (has('end_monitoring') && work.data) {
    buttons.push(
      <Button key="end-monitoring" onClick={() => setDialog('endMonitoring')}>
        Zakończ monitoring rodziny
      </Button>,
    );
  }
  if (has('close')) {
    // After the monitoring the kierownik closes the case once the assistant has recorded its end;
    // a case of social work only (or referred elsewhere) is closed with the kierownik's own reason.
    const waiting = file.status === 'MONITORING' && work.data && !work.data.monitoringEndedOn;
    buttons.push(
      <Stack key="close" gap={2}>
        <Button disabled={Boolean(waiting) || (file.status === 'MONITORING' && !work.data)} onClick={() => setDialog('close')}>
          Zamknij sprawę
        </Button>
        {waiting ? (
          <Text size="sm" c="dimmed" maw={360}>
            Sprawę zamyka się, gdy asystent rodziny zakończy monitoring{work.data?.monitoringUntil ? ` (planowo do ${polishDate(work.data.monitoringUntil)})` : ''}.
          </Text>
        ) : null}
      </Stack>,
    );
  }

  return (
    <>
      {buttons}
      <ProposeClosureModal caseId={file.id} opened={dialog === 'propose'} onClose={() => setDialog(null)} />
      <DecideClosureModal
        caseId={file.id}
        work={work.data}
        offered={actions.map((a) => a.action)}
        opened={dialog === 'decide'}
        onClose={() => setDialog(null)}
      />
      <ConfirmStepModal
        opened={dialog === 'endMonitoring'}
        onClose={() => setDialog(null)}
        title="Zakończenie monitoringu rodziny"
        text="Monitoring rodziny po zakończeniu pracy zostanie zakończony. Potem kierownik ośrodka zamyka sprawę, a Twój dostęp do danych rodziny wygasa."
        confirmLabel="Zakończ monitoring"
        withNote={false}
        onConfirm={async () => {
          await endMonitoring.mutateAsync({ caseId: file.id });
          await refreshCases(queryClient);
          notifications.show({ color: 'green', title: 'Zakończono monitoring', message: 'Kierownik ośrodka może zamknąć sprawę.' });
        }}
      />
      <CloseCaseModal
        caseId={file.id}
        caseNumber={file.number}
        needsReason={file.status === 'SOCIAL_WORK'}
        endsAssignment={file.assistant !== null}
        opened={dialog === 'close'}
        onClose={() => setDialog(null)}
      />
    </>
  );
}
