import { Stack, Text } from '@mantine/core';
import type { CaseFileView } from '../../../shared/cases';
import { QueryState } from '../../components/QueryState';
import { polishDate } from '../../lib/dates';
import { useSession } from '../layout/session';
import { PlanReadView, PlanVersions } from './PlanPage';
import { isCaseAssistant, useFamilyWork } from './workQueries';

/** "Plan pracy": the plan in force and its versions; the assistant writes it on the plan screen. */
export function PlanTab({ file }: { file: CaseFileView }) {
  const { user } = useSession();
  const work = useFamilyWork(file.id);
  const current = work.data?.plans.find((plan) => plan.status === 'signed');
  const draft = work.data?.plans.find((plan) => plan.status === 'draft');
  const awaiting = work.data?.plans.find((plan) => plan.status === 'awaiting_approval');

  return (
    <Stack gap="lg">
      <QueryState isPending={work.isPending} error={work.error} onRetry={() => void work.refetch()} />
      {work.data && work.data.plans.length === 0 ? (
        <Text c="dimmed">
          {isCaseAssistant(user, file)
            ? 'Plan pracy z rodziną nie jest jeszcze napisany. Zacznij go przyciskiem „Napisz plan pracy z rodziną” w części „Następne kroki”.'
            : 'Plan pracy z rodziną pisze asystent rodziny razem z rodziną, w porozumieniu z pracownikiem socjalnym.'}
        </Text>
      ) : null}
      {awaiting ? (
        <Text>
          Wersja {awaiting.number} (podpisana {polishDate(awaiting.signedOn)}) czeka na zatwierdzenie przez kierownika — otwórz ją z listy wersji poniżej.
        </Text>
      ) : null}
      {draft ? (
        <Text>
          Projekt wersji {draft.number} jest w przygotowaniu{isCaseAssistant(user, file) ? ' — otwórz go z listy wersji poniżej.' : '.'}
        </Text>
      ) : null}
      <PlanVersions caseId={file.id} currentId={null} />
      {current ? <PlanReadView plan={current} /> : null}
    </Stack>
  );
}
