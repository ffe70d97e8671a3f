/**
 * The opinia o rodzinie for a court (art. 15 ust. 1 pkt 17 u.w.r.; docs/domain.md#the-court-opinion): the assistant
 * edits the sections prefilled from the case (chronology's significant entries, the plan, the
 * assessments), saves (the typing is kept as a draft), and submits it; the kierownik approves or
 * returns it with a reason; then it is issued as a numbered PDF through the document register.
 */
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import {
  COURT_ASKS_LABELS,
  OPINION_SECTION_KEYS,
  OPINION_SECTION_LABELS,
  OPINION_STATUS_LABELS,
  opinionSectionsSchema,
  type IssuedOpinion,
  type OpinionPage as OpinionPageView,
  type OpinionSections,
} from '../../../shared/court';
import { DraftStatus } from '../../components/DraftStatus';
import { FormError } from '../../components/FormError';
import { QueryState } from '../../components/QueryState';
import { polishDate } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { applyApiError } from '../../lib/forms';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { readDraft, useAutosave, useStoredDraft } from '../../lib/useAutosave';
import { refreshCases } from '../cases/caseQueries';
import { DueDate } from '../cases/DeadlineText';
import { useNavigation } from '../layout/navigation';
import { opinionKey, useOpinionPage } from './courtQueries';

type SectionsInput = z.input<typeof opinionSectionsSchema>;

export function OpinionPage({ caseId, requestId }: { caseId: string; requestId: string }) {
  const { navigate } = useNavigation();
  const page = useOpinionPage(requestId);
  return (
    <Stack gap="lg">
      <Group>
        <Button variant="subtle" onClick={() => navigate({ view: 'case', caseId, tab: 'court' })} leftSection={<span aria-hidden="true">←</span>}>
          Teczka sprawy
        </Button>
      </Group>
      <QueryState isPending={page.isPending} error={page.error} onRetry={() => void page.refetch()} loadingLabel="Wczytywanie opinii…" />
      {page.data ? <OpinionScreen page={page.data} /> : null}
    </Stack>
  );
}

function OpinionScreen({ page }: { page: OpinionPageView }) {
  const { request, opinion } = page;
  const status = opinion?.status ?? 'draft';
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} fz={26}>
          Opinia o rodzinie dla sądu
        </Title>
        <Text>
          {request.court}, {request.division} — <b>sygn. akt {request.caseReference}</b> · pismo z {polishDate(request.receivedOn)} · sąd prosi o: {COURT_ASKS_LABELS[request.asks]}
        </Text>
        <Group gap="sm">
          <Badge size="lg" color={status === 'issued' ? 'green' : status === 'approved' ? 'teal' : status === 'submitted' ? 'blue' : 'gray'} aria-label="Stan opinii">
            {OPINION_STATUS_LABELS[status]}
          </Badge>
          {request.status === 'open' ? <DueDate date={request.deadline} label="Termin odpowiedzi" /> : <Text size="sm">Odpowiedź wysłana {polishDate(request.answeredOn)}</Text>}
          <Text size="sm" c="dimmed">
            {request.familyName} · sprawa {request.caseNumber}
          </Text>
        </Group>
      </Stack>
      {opinion?.returnedReason && status === 'draft' ? (
        <Alert color="orange" title="Kierownik zwrócił opinię do poprawy">
          {opinion.returnedReason}
        </Alert>
      ) : null}
      {page.canEdit ? <EditorLoader page={page} /> : <ReadOnlySections sections={opinion?.sections ?? null} />}
      <Decisions page={page} />
    </Stack>
  );
}

function EditorLoader({ page }: { page: OpinionPageView }) {
  const draftKey = `opinion:${page.request.id}`;
  const draft = useStoredDraft(draftKey);
  if (!draft.isSuccess) return null;
  const version = page.opinion?.version ?? 0;
  return <Editor page={page} draftKey={draftKey} restored={readDraft<SectionsInput>(draft.data, version)} />;
}

function Editor({ page, draftKey, restored }: { page: OpinionPageView; draftKey: string; restored: SectionsInput | null }) {
  const queryClient = useQueryClient();
  const save = useChannelMutation('opinions:save');
  const submitOpinion = useChannelMutation('opinions:submit');
  const version = page.opinion?.version ?? 0;
  const start: SectionsInput = page.opinion?.sections ?? page.prefill;
  const form = useForm<SectionsInput, unknown, OpinionSections>({ resolver: zodResolver(opinionSectionsSchema), defaultValues: restored ?? start });
  const { settle, draft } = useAutosave({ key: draftKey, form, baseVersion: version });
  const { errors, isSubmitting } = form.formState;

  const persist = async (values: OpinionSections): Promise<boolean> => {
    try {
      await save.mutateAsync({ requestId: page.request.id, expectedVersion: version, sections: values });
      await settle(values);
      await queryClient.invalidateQueries({ queryKey: opinionKey(page.request.id) });
      return true;
    } catch (error) {
      applyApiError(error, form.setError, OPINION_SECTION_KEYS);
      return false;
    }
  };

  const onSave = form.handleSubmit(async (values) => {
    if (await persist(values)) notifications.show({ color: 'green', title: 'Zapisano projekt opinii', message: 'Możesz do niego wrócić w każdej chwili.' });
  });

  const onSubmit = form.handleSubmit(async (values) => {
    if (!(await persist(values))) return;
    try {
      await submitOpinion.mutateAsync({ requestId: page.request.id });
      await refreshCases(queryClient);
      notifications.show({ color: 'green', title: 'Przekazano opinię do zatwierdzenia', message: 'Kierownik zobaczy ją w liście pism sądów.' });
    } catch (error) {
      form.setError('root.server', { message: errorMessage(error) });
    }
  });

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label="Treść opinii">
      <form onSubmit={onSave} noValidate aria-label="Treść opinii">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Sekcje wypełniono z danych sprawy (skład rodziny, istotne zdarzenia z chronologii, plan pracy, oceny okresowe). Popraw je i uzupełnij; pusta sekcja zostanie wydrukowana jako „brak danych”.
          </Text>
          {OPINION_SECTION_KEYS.map((key, index) => (
            <Textarea
              key={key}
              label={`${index + 1}. ${OPINION_SECTION_LABELS[key]}`}
              autosize
              minRows={3}
              maxRows={16}
              withAsterisk={key === 'conclusions'}
              {...form.register(key)}
              error={errors[key]?.message}
            />
          ))}
          <FormError message={errors.root?.server?.message} title="Nie zapisano opinii" />
          <Group justify="space-between">
            <DraftStatus draft={draft} />
            <Group>
              <Button type="submit" variant="default" loading={isSubmitting && !submitOpinion.isPending}>
                Zapisz projekt
              </Button>
              <Button onClick={() => void onSubmit()} loading={submitOpinion.isPending}>
                Przekaż do zatwierdzenia
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ReadOnlySections({ sections }: { sections: OpinionSections | null }) {
  if (sections === null) return <Text c="dimmed">Asystent rodziny nie przygotował jeszcze opinii.</Text>;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label="Treść opinii">
      <Stack gap="md">
        {OPINION_SECTION_KEYS.map((key, index) => (
          <Stack key={key} gap={2}>
            <Text fw={700}>
              {index + 1}. {OPINION_SECTION_LABELS[key]}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }} c={sections[key].trim() === '' ? 'dimmed' : undefined}>
              {sections[key].trim() === '' ? 'brak danych' : sections[key]}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

function Decisions({ page }: { page: OpinionPageView }) {
  const queryClient = useQueryClient();
  const approve = useChannelMutation('opinions:approve');
  const giveBack = useChannelMutation('opinions:return');
  const issue = useChannelMutation('opinions:issue');
  const open = useChannelMutation('documents:open');
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedOpinion | null>(null);
  const requestId = page.request.id;
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: opinionKey(requestId) });
    await refreshCases(queryClient);
  };
  const fail = (error: unknown) => setProblem(errorMessage(error));
  const opinion = page.opinion;
  const documentId = issued?.documentId ?? opinion?.documentId ?? null;

  return (
    <Stack gap="sm">
      {problem ? (
        <Alert color="red" role="alert" withCloseButton onClose={() => setProblem(null)}>
          {problem}
        </Alert>
      ) : null}
      {opinion?.status === 'submitted' && !page.canApprove ? <Alert color="blue">Opinia czeka na zatwierdzenie przez kierownika.</Alert> : null}
      {opinion?.approvedByName && opinion.status !== 'draft' ? (
        <Text size="sm">
          Zatwierdził(a): {opinion.approvedByName}, {polishDate(opinion.approvedOn)}
        </Text>
      ) : null}
      {opinion?.status === 'issued' ? (
        <Alert color="green" title={`Opinia wydana: nr ${opinion.documentNumber ?? ''}`} role="status">
          Wydano {polishDate(opinion.issuedOn)}. SHA-256 pliku PDF: <code>{opinion.sha256}</code>. Opinię znajdziesz też w zakładce „Dokumenty”.
        </Alert>
      ) : null}
      <Group>
        {page.canApprove ? (
          <>
            <Button color="green" loading={approve.isPending} onClick={() => approve.mutate({ requestId }, { onSuccess: refresh, onError: fail })}>
              Zatwierdź opinię
            </Button>
            <Button color="orange" variant="light" onClick={() => setReturning(true)}>
              Zwróć do poprawy
            </Button>
          </>
        ) : null}
        {page.canIssue ? (
          <Button
            loading={issue.isPending}
            onClick={() =>
              issue.mutate(
                { requestId },
                {
                  onSuccess: async (value) => {
                    setIssued(value);
                    notifications.show({ color: 'green', title: 'Wydano opinię', message: `Nr ${value.documentNumber}. Pismo sądu oznaczono jako załatwione, jeśli prosił tylko o opinię.` });
                    await refresh();
                  },
                  onError: fail,
                },
              )
            }
          >
            Wydaj opinię (PDF)
          </Button>
        ) : null}
        {issue.isPending ? <Text size="sm">Przygotowuję dokument…</Text> : null}
        {documentId !== null || opinion?.status === 'issued' ? (
          <Button variant="default" loading={open.isPending} disabled={documentId === null} onClick={() => documentId && open.mutate({ documentId }, { onError: fail })}>
            Otwórz PDF
          </Button>
        ) : null}
      </Group>
      <Modal opened={returning} onClose={() => setReturning(false)} title="Zwróć opinię do poprawy">
        <Stack>
          <Textarea label="Co poprawić" withAsterisk autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReturning(false)}>
              Anuluj
            </Button>
            <Button
              color="orange"
              disabled={reason.trim() === ''}
              loading={giveBack.isPending}
              onClick={() =>
                giveBack.mutate(
                  { requestId, reason },
                  {
                    onSuccess: async () => {
                      setReturning(false);
                      await refresh();
                    },
                    onError: fail,
                  },
                )
              }
            >
              Zwróć
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
