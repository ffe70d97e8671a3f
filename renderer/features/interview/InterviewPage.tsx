import { Alert, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { CaseFileView, InterviewView } from '../../../shared/cases';
import { isValidIsoDate } from '../../../shared/domain/dates';
import { INTERVIEW_TERM_BASIS, INTERVIEW_WORKING_DAYS, URGENT_INTERVIEW_WORKING_DAYS } from '../../../shared/domain/deadlines';
import { CURRENT_INTERVIEW_FORM, INTERVIEW_FORMS, missingMandatorySegments, type InterviewForm } from '../../../shared/domain/interviewForm';
import { can } from '../../../shared/domain/roles';
import { ApiError, call } from '../../api';
import { DateField } from '../../components/DateField';
import { DraftStatus } from '../../components/DraftStatus';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { polishDate, todayIso } from '../../lib/dates';
import { errorMessage, isSessionError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useFormDraft } from '../../lib/useFormDraft';
import { count } from '../../../shared/text';
import { familyName } from '../case-file/familyName';
import { ASSISTANT_SCOPE_NOTE } from '../case-file/InterviewsTab';
import { refreshCases, useCaseFile } from '../cases/caseQueries';
import { DueDate } from '../cases/DeadlineText';
import { useNavigation } from '../layout/navigation';
import { useSession } from '../layout/session';
import { DocumentsSection } from './DocumentsSection';
import { IncomeSection } from './IncomeSection';
import { InterviewReadView } from './InterviewReadView';
import {
  interviewFormSchema,
  parseInterviewDraft,
  sameInterview,
  toAnswers,
  toFormValues,
  toSaveInput,
  type InterviewValues,
} from './interviewForm';
import { SegmentsSection } from './SegmentsSection';
import { PageSection } from '../../components/PageSection';

/** Unsaved typing goes to the server at most this long after the first change (the local draft is kept every second). */
export const AUTOSAVE_MS = 30_000;

const interviewKey = (id: string) => ['interviews', id] as const;

/** "Wywiad środowiskowy": the questionnaire, the documents and the income test of one interview. */
export function InterviewPage({ caseId, interviewId }: { caseId: string; interviewId: string }) {
  const { user } = useSession();
  const { navigate } = useNavigation();
  const file = useCaseFile(caseId);
  const interview = useQuery({
    queryKey: interviewKey(interviewId),
    queryFn: () => call('interviews:get', { id: interviewId }),
    // The form is filled once; later reads happen on purpose (a conflict), never behind the user's back.
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
  const draft = useFormDraft(`interview:${interviewId}`);
  const ready = file.data && interview.data && draft.stored.isSuccess;
  const editable = Boolean(
    interview.data?.status === 'draft' && file.data?.access === 'full' && can(user.roles, 'cases.create'),
  );

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
        isPending={file.isPending || interview.isPending || draft.stored.isPending}
        error={file.error ?? interview.error ?? draft.stored.error}
        onRetry={() => {
          void file.refetch();
          void interview.refetch();
        }}
        loadingLabel="Wczytywanie wywiadu…"
      />
      {ready && file.data && interview.data ? (
        <>
          {file.data.access === 'assistant' || interview.data.hiddenSegments.length > 0 ? <Alert color="blue">{ASSISTANT_SCOPE_NOTE}</Alert> : null}
          {interview.data.status === 'completed' ? (
            <Alert color="green" title={interview.data.kind === 'update' ? 'Aktualizacja zakończona' : 'Wywiad zakończony'}>
              {interview.data.kind === 'update' ? 'Aktualizacja przeprowadzona' : 'Wywiad przeprowadzony'} {polishDate(interview.data.conductedOn)} ({interview.data.workerName}) jest zamknięty i nie można go zmieniać.
              Zmiany w sytuacji rodziny odnotowuje się w aktualizacji wywiadu.
            </Alert>
          ) : null}
          {editable ? (
            <InterviewEditor file={file.data} interview={interview.data} storedDraft={draft.stored.data ?? null} draft={draft} />
          ) : (
            <InterviewReadView file={file.data} interview={interview.data} definition={INTERVIEW_FORMS[interview.data.formVersion] ?? CURRENT_INTERVIEW_FORM} />
          )}
        </>
      ) : null}
    </Stack>
  );
}

type SaveState =
  | { status: 'clean' }
  | { status: 'dirty' }
  | { status: 'saving' }
  | { status: 'saved'; at: Date }
  | { status: 'invalid'; message: string }
  | { status: 'error'; message: string };

type SaveMode = 'manual' | 'auto' | 'leave';

function InterviewEditor({
  file,
  interview,
  storedDraft,
  draft,
}: {
  file: CaseFileView;
  interview: InterviewView;
  storedDraft: { data: string; updatedAt: string } | null;
  draft: ReturnType<typeof useFormDraft>;
}) {
  const queryClient = useQueryClient();
  const { navigate } = useNavigation();
  const definition: InterviewForm = INTERVIEW_FORMS[interview.formVersion] ?? CURRENT_INTERVIEW_FORM;
  const familyHectares = file.family.rural ? file.family.farmHectares : null;

  // What was typed before a lock or a crash, if it differs from what the server has.
  const [initial] = useState(() => {
    const server = toFormValues(interview, definition, familyHectares);
    const local = storedDraft ? parseInterviewDraft(storedDraft.data) : null;
    if (local && !sameInterview(local.values, server, definition)) {
      return { values: local.values, version: local.baseVersion, restoredAt: storedDraft?.updatedAt ?? null };
    }
    return { values: server, version: interview.version, restoredAt: null };
  });
  const schema = useMemo(() => interviewFormSchema(definition, file.reportedOn), [definition, file.reportedOn]);
  const form = useForm<InterviewValues>({ resolver: zodResolver(schema), defaultValues: initial.values });

  const [restoredAt, setRestoredAt] = useState(initial.restoredAt);
  const [saveState, setSaveState] = useState<SaveState>(initial.restoredAt ? { status: 'dirty' } : { status: 'clean' });
  const [conflict, setConflict] = useState<string | null>(null);
  const [completeError, setCompleteError] = useState<string | null>(null);
  const [busy, setBusy] = useState<null | 'save' | 'complete' | 'resolve'>(null);
  const [lastSaved, setLastSaved] = useState({ at: interview.updatedAt, by: interview.updatedByName });

  // Read and written only in callbacks: the version the next save is based on, and the autosave state.
  const version = useRef(initial.version);
  const dirty = useRef(initial.restoredAt !== null);
  const inConflict = useRef(false);
  const silent = useRef(false);
  const autosaveTimer = useRef<number | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const { schedule, discard } = draft;

  const saveNow = useCallback(
    async (mode: SaveMode): Promise<boolean> => {
      if (inFlight.current) await inFlight.current;
      if (autosaveTimer.current !== null) {
        window.clearTimeout(autosaveTimer.current);
        autosaveTimer.current = null;
      }
      const values = form.getValues();
      const check = schema.safeParse(values);
      if (!check.success) {
        // A wrong amount or date is not sent; the local draft keeps it until it is corrected.
        if (mode === 'manual') await form.trigger();
        if (mode !== 'leave') setSaveState({ status: 'invalid', message: check.error.issues[0]?.message ?? '' });
        return false;
      }
      const run = (async () => {
        dirty.current = false;
        if (mode !== 'leave') setSaveState({ status: 'saving' });
        try {
          const saved = await call('interviews:save', toSaveInput(values, definition, interview.id, version.current));
          version.current = saved.version;
          if (mode !== 'leave') {
            setSaveState({ status: 'saved', at: new Date() });
            setLastSaved({ at: saved.updatedAt, by: saved.updatedByName });
            setRestoredAt(null);
          }
          // Nothing typed while saving: the server has it all, the local draft is not needed.
          if (!dirty.current) await discard();
          return true;
        } catch (error) {
          dirty.current = true;
          if (error instanceof ApiError && error.code === 'CONFLICT') {
            inConflict.current = true;
            setConflict(error.message);
            setSaveState({ status: 'dirty' });
          } else if (!isSessionError(error)) {
            if (mode !== 'leave') setSaveState({ status: 'error', message: errorMessage(error) });
            if (error instanceof ApiError && error.fields?.['conductedOn']) {
              form.setError('conductedOn', { type: 'server', message: error.fields['conductedOn'] });
            }
          }
          return false;
        }
      })();
      inFlight.current = run;
      try {
        return await run;
      } finally {
        inFlight.current = null;
      }
    },
    [definition, discard, form, interview.id, schema],
  );

  const startAutosave = useCallback(() => {
    if (autosaveTimer.current !== null || inConflict.current) return;
    autosaveTimer.current = window.setTimeout(() => {
      autosaveTimer.current = null;
      if (dirty.current && !inConflict.current) void saveNow('auto');
    }, AUTOSAVE_MS);
  }, [saveNow]);

  // Every change: the local draft at once (debounced ~1 s), the server within AUTOSAVE_MS.
  useEffect(
    () =>
      form.subscribe({
      formState: { values: true },
      callback: ({ values }) => {
        if (silent.current) return;
        schedule(JSON.stringify({ baseVersion: version.current, values }));
        dirty.current = true;
        setSaveState((state) => (state.status === 'dirty' ? state : { status: 'dirty' }));
        // A refusal to complete was about the form as it was; it is stale once the user types.
        setCompleteError(null);
        startAutosave();
      },
    }),
    [form, schedule, startAutosave],
  );

  // A restored draft goes to the server like any other change; leaving the screen saves too.
  useEffect(() => {
    if (dirty.current) startAutosave();
    const timer = autosaveTimer;
    return () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = null;
      if (dirty.current && !inConflict.current) void saveNow('leave');
    };
  }, [saveNow, startAutosave]);

  const replaceValues = (values: InterviewValues) => {
    silent.current = true;
    form.reset(values);
    silent.current = false;
  };

  /** "Wczytaj najnowszą wersję": the other person's save wins, this user's typing is dropped on purpose. */
  const loadLatest = async () => {
    setBusy('resolve');
    try {
      const latest = await call('interviews:get', { id: interview.id });
      queryClient.setQueryData(interviewKey(interview.id), latest);
      version.current = latest.version;
      dirty.current = false;
      inConflict.current = false;
      replaceValues(toFormValues(latest, definition, familyHectares));
      await discard();
      setConflict(null);
      setRestoredAt(null);
      setLastSaved({ at: latest.updatedAt, by: latest.updatedByName });
      setSaveState({ status: 'clean' });
      if (latest.status === 'completed') await refreshCases(queryClient);
    } catch (error) {
      setSaveState({ status: 'error', message: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  /** "Zachowaj moją wersję": saved as the newest version on top of the other one; nothing is lost silently. */
  const keepMine = async () => {
    setBusy('resolve');
    try {
      const latest = await call('interviews:get', { id: interview.id });
      version.current = latest.version;
      inConflict.current = false;
      setConflict(null);
      // The status line says "Zapisano o …"; a toast would cover the buttons of the save bar.
      await saveNow('manual');
    } catch (error) {
      setSaveState({ status: 'error', message: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  const saveDraft = async () => {
    setBusy('save');
    await saveNow('manual');
    setBusy(null);
  };

  const complete = async () => {
    setCompleteError(null);
    setBusy('complete');
    try {
      if (dirty.current && !(await saveNow('manual'))) return;
      const completed = await call('interviews:complete', { id: interview.id, expectedVersion: version.current });
      version.current = completed.version;
      dirty.current = false;
      await discard();
      await refreshCases(queryClient);
      notifications.show(
        interview.kind === 'update'
          ? { color: 'green', title: 'Aktualizacja wywiadu zakończona', message: 'Następna aktualizacja za sześć miesięcy — termin jest w teczce sprawy.' }
          : { color: 'green', title: 'Wywiad środowiskowy zakończony', message: 'Następny krok: analiza sytuacji rodziny.' },
      );
      navigate(interview.kind === 'update' ? { view: 'case', caseId: file.id, tab: 'interviews' } : { view: 'case', caseId: file.id });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        inConflict.current = true;
        setConflict(error.message);
      } else {
        setCompleteError(errorMessage(error));
        if (error instanceof ApiError && error.fields?.['conductedOn']) {
          form.setError('conductedOn', { type: 'server', message: error.fields['conductedOn'] }, { shouldFocus: true });
        }
      }
    } finally {
      setBusy(null);
    }
  };

  const [segments, conductedOn] = useWatch({ control: form.control, name: ['segments', 'conductedOn'] });
  const missing = missingMandatorySegments(definition, toAnswers({ ...form.getValues(), segments }, definition));
  const missingTitles = definition.segments.filter((segment) => missing.includes(segment.code));
  const testDate = conductedOn && isValidIsoDate(conductedOn) ? conductedOn : file.reportedOn;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void saveDraft();
      }}
      noValidate
      aria-label="Wywiad środowiskowy"
    >
      <Stack gap="lg">
        {restoredAt ? (
          <Alert color="blue" title={`Przywrócono niezapisane zmiany z ${formatDateTime(restoredAt)}`}>
            Wywiad zawiera dane wpisane wcześniej, które nie zostały jeszcze zapisane w sprawie (np. przed blokadą ekranu). Zapiszą się
            automatycznie albo przyciskiem „Zapisz szkic”.
          </Alert>
        ) : null}
        {conflict ? (
          <Alert color="red" title="Ktoś inny zapisał ten wywiad w międzyczasie" role="alert">
            <Stack gap="sm">
              <Text>{conflict}</Text>
              <Text>Twoje zmiany są nadal w formularzu. Wybierz, co zrobić:</Text>
              <Group gap="sm">
                <Button color="red" variant="default" onClick={() => void loadLatest()} loading={busy === 'resolve'}>
                  Wczytaj najnowszą wersję
                </Button>
                <Button onClick={() => void keepMine()} loading={busy === 'resolve'}>
                  Zachowaj moją wersję
                </Button>
              </Group>
              <Text size="sm">
                „Wczytaj najnowszą wersję” odrzuca Twoje niezapisane zmiany. „Zachowaj moją wersję” zapisuje Twoje dane jako najnowsze — poprzednia
                wersja zostaje w rejestrze zmian sprawy.
              </Text>
            </Stack>
          </Alert>
        ) : null}

        <PageSection title="Przeprowadzenie wywiadu">
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
            <DateField
              control={form.control}
              name="conductedOn"
              label="Data wywiadu"
              description={`Nie wcześniej niż zgłoszenie (${polishDate(file.reportedOn)}) i nie później niż dziś.`}
              minDate={file.reportedOn}
              maxDate={todayIso()}
            />
            <TextInput
              label="Miejsce wywiadu"
              placeholder="Np. mieszkanie rodziny"
              {...form.register('place')}
              error={form.formState.errors.place?.message}
            />
            <InterviewTerm file={file} kind={interview.kind} />
          </SimpleGrid>
        </PageSection>

        <PageSection
          title="Części kwestionariusza"
          aside={
            <MissingPanel missing={missingTitles.map((segment) => `${segment.code} — ${segment.title}`)} />
          }
        >
          <SegmentsSection form={form} definition={definition} missing={missing} hidden={interview.hiddenSegments} alsoOpen={interview.kind === 'update' ? ['IV'] : []} />
        </PageSection>

        <PageSection title="Dokumenty">
          <Text c="dimmed">Dokumenty przedstawione przez każdą osobę: zaznacz, co dostarczono, czego brakuje, a co jej nie dotyczy.</Text>
          <DocumentsSection form={form} members={file.family.members} />
        </PageSection>

        <PageSection title="Dochód rodziny (test dochodowy)">
          <IncomeSection form={form} members={file.family.members} testDate={testDate} familyHectares={familyHectares} />
        </PageSection>

        <Paper
          withBorder
          radius="md"
          p="md"
          shadow="md"
          style={{ position: 'sticky', bottom: 'var(--mantine-spacing-md)', zIndex: 5 }}
          component="section"
          aria-label="Zapis wywiadu"
        >
          <Stack gap="xs">
            {completeError ? (
              <Alert color="red" title="Nie zakończono wywiadu" role="alert">
                {completeError}
              </Alert>
            ) : null}
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Stack gap={0}>
                <SaveStatus state={saveState} conflict={conflict !== null} />
                <Text size="sm" c="dimmed">
                  Ostatni zapis w sprawie: {formatDateTime(lastSaved.at)}
                  {lastSaved.by ? `, ${lastSaved.by}` : ''}
                </Text>
                {saveState.status === 'dirty' || saveState.status === 'invalid' ? (
                  <DraftStatus savedAt={draft.savedAt} problem={draft.problem} />
                ) : null}
              </Stack>
              <Group gap="sm">
                <Button type="submit" variant="default" loading={busy === 'save'} disabled={busy !== null && busy !== 'save'}>
                  Zapisz szkic
                </Button>
                <Button onClick={() => void complete()} loading={busy === 'complete'} disabled={busy !== null && busy !== 'complete'}>
                  {interview.kind === 'update' ? 'Zakończ aktualizację' : 'Zakończ wywiad'}
                </Button>
              </Group>
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </form>
  );
}

function SaveStatus({ state, conflict }: { state: SaveState; conflict: boolean }) {
  if (conflict) {
    return (
      <Text fw={600} c="red.8">
        Niezapisane zmiany — autozapis wstrzymany do rozstrzygnięcia konfliktu (powyżej).
      </Text>
    );
  }
  switch (state.status) {
    case 'clean':
      return <Text fw={600}>Wszystkie zmiany są zapisane.</Text>;
    case 'dirty':
      return (
        <Text fw={600} c="orange.9">
          Niezapisane zmiany — zapiszą się automatycznie w ciągu {AUTOSAVE_MS / 1000} s.
        </Text>
      );
    case 'saving':
      return <Text fw={600}>Zapisywanie…</Text>;
    case 'saved':
      return (
        <Text fw={600} c="green.9">
          Zapisano o {dayjs(state.at).format('HH:mm:ss')}.
        </Text>
      );
    case 'invalid':
      return (
        <Text fw={600} c="red.8">
          Nie zapisano w sprawie: popraw pola oznaczone na czerwono ({state.message}). Wpisane dane są w szkicu.
        </Text>
      );
    case 'error':
      return (
        <Text fw={600} c="red.8">
          Nie zapisano: {state.message}
        </Text>
      );
  }
}

function MissingPanel({ missing }: { missing: readonly string[] }) {
  if (missing.length === 0) {
    return (
      <Badge color="green" variant="light" size="lg" role="status">
        Obowiązkowe części wypełnione
      </Badge>
    );
  }
  return (
    <Paper withBorder radius="md" p="sm" bg="red.0" role="status" aria-live="polite">
      <Text fw={700} size="sm">
        Do zakończenia wywiadu brakuje:
      </Text>
      <List size="sm">
        {missing.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
    </Paper>
  );
}

/** When this wywiad is due: the term from the report, or for an update six months from the last one. */
function InterviewTerm({ file, kind }: { file: CaseFileView; kind: InterviewView['kind'] }) {
  const update = file.deadlines.find((deadline) => deadline.kind === 'interview_update');
  if (kind === 'update') {
    return (
      <Stack gap={2}>
        <Text size="sm" fw={600}>
          Termin aktualizacji
        </Text>
        {update ? <DueDate date={update.dueDate} /> : <Text>—</Text>}
        <Text size="sm" c="dimmed">
          Co najmniej raz na sześć miesięcy od ostatniego wywiadu.
        </Text>
      </Stack>
    );
  }
  const days = file.urgent ? URGENT_INTERVIEW_WORKING_DAYS : INTERVIEW_WORKING_DAYS;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        Termin wywiadu
      </Text>
      <DueDate date={file.interviewDue} />
      <Text size="sm" c="dimmed">
        {`${file.urgent ? 'Sprawa pilna: ' : ''}${count(days, 'dzień roboczy', 'dni robocze', 'dni roboczych')} od zgłoszenia (${INTERVIEW_TERM_BASIS}).`}
      </Text>
    </Stack>
  );
}
