/**
 * "Wywiad środowiskowy": loads the case, the wywiad and the form's stored draft, then shows the
 * editor (a draft the user may change, InterviewEditor.tsx) or the read view (a completed wywiad,
 * or one the user may only read, InterviewReadView.tsx) with its printing through the register.
 */
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { CaseFileView, InterviewView } from '../../../shared/cases';
import { mayIssue } from '../../../shared/documents';
import { CURRENT_INTERVIEW_FORM, INTERVIEW_FORMS } from '../../../shared/domain/interviewForm';
import { can } from '../../../shared/domain/roles';
import { call } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { polishDate } from '../../lib/dates';
import { useStoredDraft } from '../../lib/useAutosave';
import { familyName } from '../case-file/familyName';
import { ASSISTANT_SCOPE_NOTE } from '../case-file/InterviewsTab';
import { useCaseFile } from '../cases/caseQueries';
import { useIssueAndPrint } from '../documents/useIssueAndPrint';
import { useNavigation } from '../layout/navigation';
import { useSession } from '../layout/session';
import { InterviewEditor, interviewKey } from './InterviewEditor';
import { InterviewReadView } from './InterviewReadView';

export function InterviewPage({ caseId, interviewId }: { caseId: string; interviewId: string }) {
  const { user } = useSession();
  const { navigate } = useNavigation();
  const file = useCaseFile(caseId);
  const interview = useQuery({
    queryKey: interviewKey(interviewId),
    queryFn: () => call('interviews:get', { id: interviewId }),
    // The form is filled once; later reads happen on purpose (a conflict), never behind the user's back
    // ('static': not even when another PC's change refreshes the app's reads, lib/dataVersion.ts).
    staleTime: 'static',
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
  const draft = useStoredDraft(`interview:${interviewId}`);
  const ready = file.data && interview.data && draft.isSuccess;
  const editable = Boolean(interview.data?.status === 'draft' && file.data?.access === 'full' && can(user.roles, 'cases.create'));

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        title={interview.data?.kind === 'update' ? 'Aktualizacja wywiadu środowiskowego' : 'Wywiad środowiskowy'}
        description={
          file.data
            ? `Sprawa ${file.data.number} — ${familyName(file.data)}. Kwestionariusz według rozporządzenia z 8 kwietnia 2021 r. (Dz.U. 2021 poz. 893).` +
              (interview.data?.kind === 'update'
                ? ' Aktualizacja zaczyna się od odpowiedzi z ostatniego wywiadu: popraw to, co się zmieniło, i opisz zmiany w części IV.'
                : '')
            : undefined
        }
        actions={
          <Button variant="default" onClick={() => navigate({ view: 'case', caseId, tab: 'interviews' })}>
            Wróć do teczki sprawy
          </Button>
        }
      />
      <QueryState
        isPending={file.isPending || interview.isPending || draft.isPending}
        error={file.error ?? interview.error ?? draft.error}
        onRetry={() => {
          void file.refetch();
          void interview.refetch();
        }}
        loadingLabel="Wczytywanie wywiadu…"
      />
      {ready && file.data && interview.data ? (
        <>
          {file.data.access === 'assistant' || interview.data.hiddenSegments.length > 0 ? <Alert color="blue">{ASSISTANT_SCOPE_NOTE}</Alert> : null}
          {interview.data.status === 'completed' ? <CompletedNotice file={file.data} interview={interview.data} /> : null}
          {editable ? (
            <InterviewEditor file={file.data} interview={interview.data} storedDraft={draft.data ?? null} />
          ) : (
            <InterviewReadView file={file.data} interview={interview.data} definition={INTERVIEW_FORMS[interview.data.formVersion] ?? CURRENT_INTERVIEW_FORM} />
          )}
        </>
      ) : null}
    </Stack>
  );
}

/** A completed wywiad is locked; it is printed (and its statement) through the document register. */
function CompletedNotice({ file, interview }: { file: CaseFileView; interview: InterviewView }) {
  const { user } = useSession();
  const printing = useIssueAndPrint(file.id);
  const mayPrint = file.access === 'full' && mayIssue(user.roles, 'interview-record');
  const update = interview.kind === 'update';
  return (
    <Alert color="green" title={update ? 'Aktualizacja zakończona' : 'Wywiad zakończony'}>
      <Stack gap="sm">
        <span>
          {update ? 'Aktualizacja przeprowadzona' : 'Wywiad przeprowadzony'} {polishDate(interview.conductedOn)} ({interview.workerName}) jest zamknięty i nie można go
          zmieniać. Zmiany w sytuacji rodziny odnotowuje się w aktualizacji wywiadu.
        </span>
        {mayPrint ? (
          <Group gap="sm">
            <Button variant="light" loading={printing.busy === `interview-record:${interview.id}`} disabled={printing.busy !== null} onClick={() => void printing.print('interview-record', interview.id)}>
              {update ? 'Drukuj aktualizację wywiadu' : 'Drukuj wywiad'}
            </Button>
            {interview.assets ? (
              <Button variant="light" loading={printing.busy === `asset-statement:${interview.id}`} disabled={printing.busy !== null} onClick={() => void printing.print('asset-statement', interview.id)}>
                Drukuj oświadczenie o stanie majątkowym
              </Button>
            ) : null}
          </Group>
        ) : null}
        {printing.notice ? (
          <Alert color={printing.notice.color} role={printing.notice.color === 'red' ? 'alert' : 'status'} withCloseButton onClose={printing.clearNotice}>
            {printing.notice.text}
          </Alert>
        ) : null}
      </Stack>
    </Alert>
  );
}
