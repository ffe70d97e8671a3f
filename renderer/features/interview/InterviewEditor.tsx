/**
 * The wywiad being filled in: the questionnaire, the documents, the income test and the oświadczenie
 * o stanie majątkowym, saved by the app's one autosave (renderer/lib/useAutosave.ts: the draft at
 * once, the server within AUTOSAVE_MS, a conflict held for the user). "Zakończ wywiad" first saves,
 * then shows the summary of the wywiad as saved (CompleteInterviewModal) and completes on confirmation.
 */
import { Alert, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { CaseFileView, InterviewView } from '../../../shared/cases';
import { isValidIsoDate } from '../../../shared/domain/dates';
import { INTERVIEW_TERM_BASIS, INTERVIEW_WORKING_DAYS, URGENT_INTERVIEW_WORKING_DAYS } from '../../../shared/domain/deadlines';
import { CURRENT_INTERVIEW_FORM, INTERVIEW_FORMS, missingMandatorySegments, type InterviewForm } from '../../../shared/domain/interviewForm';
import { count } from '../../../shared/text';
import { ApiError, call } from '../../api';
import { DateField } from '../../components/DateField';
import { DraftStatus } from '../../components/DraftStatus';
import { PageSection } from '../../components/PageSection';
import { polishDate, todayIso } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useAutosave, type SaveState } from '../../lib/useAutosave';
import { refreshCases } from '../cases/caseQueries';
import { DueDate } from '../cases/DeadlineText';
import { useIssueAndPrint } from '../documents/useIssueAndPrint';
import { useNavigation } from '../layout/navigation';
import { AssetStatementSection } from './AssetStatementSection';
import { CompleteInterviewModal } from './CompleteInterviewModal';
import { DocumentsSection } from './DocumentsSection';
import { IncomeSection } from './IncomeSection';
import { parseInterviewDraft, sameInterview, toAnswers, toFormValues, toSaveInput, interviewFormSchema, type InterviewValues } from './interviewForm';
import { SegmentsSection } from './SegmentsSection';

/** Unsaved typing goes to the server at most this long after the first change (the local draft is kept every second). */
export const AUTOSAVE_MS = 30_000;

export const interviewKey = (id: string) => ['interviews', id] as const;

export function InterviewEditor({
  file,
  interview,
  storedDraft,
}: {
  file: CaseFileView;
  interview: InterviewView;
  storedDraft: { data: string; updatedAt: string } | null;
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
  const [completeError, setCompleteError] = useState<string | null>(null);
  const [busy, setBusy] = useState<null | 'save' | 'complete' | 'resolve'>(null);
  const [summary, setSummary] = useState<InterviewView | null>(null);
  const [lastSaved, setLastSaved] = useState({ at: interview.updatedAt, by: interview.updatedByName });
  const printing = useIssueAndPrint(file.id);

  const autosave = useAutosave({
    key: `interview:${interview.id}`,
    form,
    baseVersion: initial.version,
    initiallyDirty: initial.restoredAt !== null,
    server: {
      delayMs: AUTOSAVE_MS,
      validate: async (values, mode) => {
        const check = schema.safeParse(values);
        if (check.success) return null;
        // A wrong amount or date is not sent; the local draft keeps it until it is corrected.
        if (mode === 'manual') await form.trigger();
        return check.error.issues[0]?.message ?? '';
      },
      save: async (values, version, mode) => {
        try {
          const saved = await call('interviews:save', toSaveInput(values, definition, interview.id, version));
          if (mode !== 'leave') {
            setLastSaved({ at: saved.updatedAt, by: saved.updatedByName });
            setRestoredAt(null);
          }
          return saved.version;
        } catch (error) {
          if (mode !== 'leave' && error instanceof ApiError && error.fields?.['conductedOn']) {
            form.setError('conductedOn', { type: 'server', message: error.fields['conductedOn'] });
          }
          throw error;
        }
      },
    },
  });

  // A refusal to complete was about the form as it was; it is stale once the user types.
  useEffect(() => form.subscribe({ formState: { values: true }, callback: () => setCompleteError(null) }), [form]);

  /** "Wczytaj najnowszą wersję": the other person's save wins, this user's typing is dropped on purpose. */
  const loadLatest = async () => {
    setBusy('resolve');
    try {
      const latest = await call('interviews:get', { id: interview.id });
      queryClient.setQueryData(interviewKey(interview.id), latest);
      await autosave.settle(toFormValues(latest, definition, familyHectares), latest.version);
      setRestoredAt(null);
      setLastSaved({ at: latest.updatedAt, by: latest.updatedByName });
      if (latest.status === 'completed') await refreshCases(queryClient);
    } catch (error) {
      setCompleteError(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  /** "Zachowaj moją wersję": saved as the newest version on top of the other one; nothing is lost silently. */
  const keepMine = async () => {
    setBusy('resolve');
    try {
      const latest = await call('interviews:get', { id: interview.id });
      autosave.resolveConflict(latest.version);
      // The status line says "Zapisano o …"; a toast would cover the buttons of the save bar.
      await autosave.saveNow('manual');
    } catch (error) {
      setCompleteError(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const saveDraft = async () => {
    setBusy('save');
    await autosave.saveNow('manual');
    setBusy(null);
  };

  /** Saves what is typed, then shows the summary of the wywiad as the server has it. */
  const review = async () => {
    setCompleteError(null);
    setBusy('complete');
    try {
      if (autosave.isDirty() && !(await autosave.saveNow('manual'))) return;
      setSummary(await call('interviews:get', { id: interview.id }));
    } catch (error) {
      setCompleteError(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const complete = async () => {
    setCompleteError(null);
    setBusy('complete');
    try {
      await call('interviews:complete', { id: interview.id, expectedVersion: autosave.version() });
      await autosave.settle(form.getValues());
      setSummary(null);
      await refreshCases(queryClient);
      notifications.show(
        interview.kind === 'update'
          ? { color: 'green', title: 'Aktualizacja wywiadu zakończona', message: 'Następna aktualizacja za sześć miesięcy — termin jest w teczce sprawy.' }
          : { color: 'green', title: 'Wywiad środowiskowy zakończony', message: 'Następny krok: analiza sytuacji rodziny. Wywiad wydrukujesz w zakładce wywiadów.' },
      );
      navigate(interview.kind === 'update' ? { view: 'case', caseId: file.id, tab: 'interviews' } : { view: 'case', caseId: file.id });
    } catch (error) {
      setCompleteError(errorMessage(error));
      if (error instanceof ApiError && error.fields?.['conductedOn']) {
        setSummary(null);
        form.setError('conductedOn', { type: 'server', message: error.fields['conductedOn'] }, { shouldFocus: true });
      }
    } finally {
      setBusy(null);
    }
  };

  /** The statement is printed as saved: save first, then issue it through the register. */
  const printStatement = async () => {
    if (autosave.isDirty() && !(await autosave.saveNow('manual'))) return;
    await printing.print('asset-statement', interview.id);
  };

  const [segments, conductedOn] = useWatch({ control: form.control, name: ['segments', 'conductedOn'] });
  const missing = missingMandatorySegments(definition, toAnswers({ ...form.getValues(), segments }, definition));
  const missingTitles = definition.segments.filter((segment) => missing.includes(segment.code));
  const testDate = conductedOn && isValidIsoDate(conductedOn) ? conductedOn : file.reportedOn;
  const conflict = autosave.conflict;

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
            <TextInput label="Miejsce wywiadu" placeholder="Np. mieszkanie rodziny" {...form.register('place')} error={form.formState.errors.place?.message} />
            <InterviewTerm file={file} kind={interview.kind} />
          </SimpleGrid>
        </PageSection>

        <PageSection title="Części kwestionariusza" aside={<MissingPanel missing={missingTitles.map((segment) => `${segment.code} — ${segment.title}`)} />}>
          <SegmentsSection form={form} definition={definition} missing={missing} hidden={interview.hiddenSegments} alsoOpen={interview.kind === 'update' ? ['IV'] : []} />
        </PageSection>

        <PageSection title="Dokumenty">
          <Text c="dimmed">Dokumenty przedstawione przez każdą osobę: zaznacz, co dostarczono, czego brakuje, a co jej nie dotyczy.</Text>
          <DocumentsSection form={form} members={file.family.members} />
        </PageSection>

        <PageSection title="Dochód rodziny (test dochodowy)">
          <IncomeSection form={form} members={file.family.members} testDate={testDate} familyHectares={familyHectares} />
        </PageSection>

        <PageSection title="Oświadczenie o stanie majątkowym">
          {printing.notice ? (
            <Alert color={printing.notice.color} role={printing.notice.color === 'red' ? 'alert' : 'status'} withCloseButton onClose={printing.clearNotice}>
              {printing.notice.text}
            </Alert>
          ) : null}
          <AssetStatementSection form={form} members={file.family.members} onPrint={() => void printStatement()} printing={printing.busy !== null} />
        </PageSection>

        <Paper withBorder radius="md" p="md" shadow="md" style={{ position: 'sticky', bottom: 'var(--mantine-spacing-md)', zIndex: 5 }} component="section" aria-label="Zapis wywiadu">
          <Stack gap="xs">
            {completeError && summary === null ? (
              <Alert color="red" title="Nie zakończono wywiadu" role="alert">
                {completeError}
              </Alert>
            ) : null}
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Stack gap={0}>
                <SaveStatus state={autosave.state} conflict={conflict !== null} />
                <Text size="sm" c="dimmed">
                  Ostatni zapis w sprawie: {formatDateTime(lastSaved.at)}
                  {lastSaved.by ? `, ${lastSaved.by}` : ''}
                </Text>
                {autosave.state.status === 'dirty' || autosave.state.status === 'invalid' || autosave.state.status === 'offline' ? <DraftStatus draft={autosave.draft} /> : null}
              </Stack>
              <Group gap="sm">
                <Button type="submit" variant="default" loading={busy === 'save'} disabled={busy !== null && busy !== 'save'}>
                  Zapisz szkic
                </Button>
                <Button onClick={() => void review()} loading={busy === 'complete' && summary === null} disabled={(busy !== null && busy !== 'complete') || conflict !== null}>
                  {interview.kind === 'update' ? 'Zakończ aktualizację' : 'Zakończ wywiad'}
                </Button>
              </Group>
            </Group>
          </Stack>
        </Paper>
      </Stack>
      <CompleteInterviewModal
        interview={summary}
        definition={definition}
        members={file.family.members}
        busy={busy === 'complete'}
        error={completeError}
        onConfirm={() => void complete()}
        onClose={() => {
          setSummary(null);
          setCompleteError(null);
        }}
      />
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
      );    case 'offline':
      return (
        <Text fw={600} c="orange.9">
          Nie zapisano w sprawie: brak połączenia z serwerem biura. Zmiany zapiszą się, gdy serwer znów odpowie.
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
