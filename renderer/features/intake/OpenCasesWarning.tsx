import { Alert, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import type { ReportSource } from '../../../shared/cases';
import type { OpenCaseView } from '../../../shared/records';
import { call } from '../../api';
import { errorMessage } from '../../lib/errors';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { refreshCases } from '../cases/caseQueries';
import { useNavigation } from '../layout/navigation';

export interface ReportFields {
  reportedOn: string;
  source: ReportSource | null;
  sourceDetails: string;
  report: string;
}

/**
 * A person chosen from the register has an open case: say so and who leads it, and offer to add
 * this report to that case; a second case needs the box ticked (the main process checks it too).
 */
export function OpenCasesWarning({
  personIds,
  report,
  secondCase,
  onSecondCase,
  onAdded,
}: {
  personIds: readonly string[];
  report: () => ReportFields;
  secondCase: boolean;
  onSecondCase: (value: boolean) => void;
  onAdded: () => Promise<void>;
}) {
  const queryClient = useQueryClient();
  const { navigate } = useNavigation();
  const add = useChannelMutation('cases:addReport');
  const results = useQueries({
    queries: personIds.map((personId) => ({ queryKey: ['persons', personId, 'openCases'], queryFn: () => call('cases:openCasesOf', { personId }) })),
  });
  const found = personIds.flatMap((personId, i) => (results[i]?.data ?? []).map((open) => ({ personId, open })));
  if (found.length === 0) return null;

  const attach = async (personId: string, open: OpenCaseView) => {
    const fields = report();
    try {
      const result = await add.mutateAsync({
        personId,
        ...(open.caseId ? { caseId: open.caseId } : {}),
        reportedOn: fields.reportedOn,
        source: fields.source ?? ('' as ReportSource),
        sourceDetails: fields.sourceDetails,
        report: fields.report,
      });
      await onAdded();
      await refreshCases(queryClient);
      notifications.show({
        color: 'green',
        title: 'Zgłoszenie dołączone do otwartej sprawy',
        message: result.number ? `Sprawa ${result.number}; prowadzi: ${result.workerName}.` : `Sprawę prowadzi: ${result.workerName}. Zobaczy zgłoszenie w chronologii sprawy.`,
      });
      if (result.caseId) navigate({ view: 'case', caseId: result.caseId, tab: 'chronology' });
      else navigate({ view: 'home' });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Nie dołączono zgłoszenia', message: errorMessage(error) });
    }
  };

  return (
    <Alert color="orange" title="Osoba z tego zgłoszenia ma otwartą sprawę" role="status">
      <Stack gap="sm">
        {found.map(({ personId, open }) => (
          <Group key={`${personId}-${open.caseId ?? open.workerName}`} justify="space-between" wrap="wrap" gap="sm">
            <Text>
              {open.number ? `Sprawa ${open.number} (${open.statusLabel ?? ''}) jest otwarta` : 'Osoba ma otwartą sprawę'}; prowadzi: <strong>{open.workerName}</strong>.
            </Text>
            <Button variant="filled" color="orange.8" loading={add.isPending} onClick={() => void attach(personId, open)}>
              Dołącz to zgłoszenie do tej sprawy
            </Button>
          </Group>
        ))}
        <Checkbox
          label="Mimo to zakładam drugą, osobną sprawę"
          checked={secondCase}
          onChange={(event) => onSecondCase(event.currentTarget.checked)}
        />
      </Stack>
    </Alert>
  );
}
