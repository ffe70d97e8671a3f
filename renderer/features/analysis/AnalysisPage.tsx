import { Alert, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { analysisSaveSchema, type CaseFileView } from '../../../shared/cases';
import { ART7_REASONS, ART7_REASON_LABELS, type Art7Reason, type AvailableAction } from '../../../shared/domain/caseFlow';
import { can } from '../../../shared/domain/roles';
import { DateField } from '../../components/DateField';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { polishDate, todayIso } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { applyApiError } from '../../lib/forms';
import { BELOW } from '../../lib/layout';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { familyName } from '../case-file/familyName';
import { refreshCases, useCaseFile } from '../cases/caseQueries';
import { CaseStatusBadge } from '../cases/CaseStatusBadge';
import { ReasonsField } from '../cases/ReasonsField';
import { useNavigation } from '../layout/navigation';
import { useSession } from '../layout/session';
import { FileRequestForm } from './FileRequestForm';

const analysisFormSchema = analysisSaveSchema.omit({ caseId: true });
type AnalysisFormInput = z.input<typeof analysisFormSchema>;
type AnalysisFormOutput = z.output<typeof analysisFormSchema>;
const ANALYSIS_FIELDS = ['reasons', 'strengths', 'resources', 'conclusions', 'consentOn', 'consentPersons', 'earlierHelp', 'childrenLegal'] as const;

function isReason(value: string): value is Art7Reason {
  return (ART7_REASONS as readonly string[]).includes(value);
}

/** "Analiza sytuacji rodziny" (art. 11 ust. 2 u.w.r.): after the interview, before the decision on an assistant. */
export function AnalysisPage({ caseId }: { caseId: string }) {
  const { user } = useSession();
  const { navigate } = useNavigation();
  const file = useCaseFile(caseId);
  const data = file.data;
  const editable = data?.status === 'ANALYSIS' && data.access === 'full' && can(user.roles, 'cases.create');

  return (
    <Stack gap="lg" maw={1000}>
      <PageHeader
        title="Analiza sytuacji rodziny"
        description={data ? `Sprawa ${data.number} — ${familyName(data)}` : undefined}
        actions={
          <Button variant="default" onClick={() => navigate({ view: 'case', caseId, tab: 'analysis' })}>
            Wróć do teczki sprawy
          </Button>
        }
      />
      <QueryState isPending={file.isPending} error={file.error} onRetry={() => void file.refetch()} />
      {data && editable ? <AnalysisEditor file={data} /> : null}
      {data && !editable ? (
        <>
          <Alert color="blue">
            <Group gap="xs">
              <Text>Analizę zapisuje pracownik socjalny prowadzący sprawę, gdy sprawa ma stan „Analiza sytuacji rodziny”. Stan sprawy:</Text>
              <CaseStatusBadge status={data.status} />
            </Group>
          </Alert>
          <AnalysisSummary file={data} />
        </>
      ) : null}
    </Stack>
  );
}

/** The saved analysis, read-only (also the case file's "Analiza" tab). */
export function AnalysisSummary({ file }: { file: CaseFileView }) {
  const analysis = file.analysis;
  if (!analysis) return <Text c="dimmed">Analiza sytuacji rodziny nie została jeszcze zapisana.</Text>;
  const reasons = analysis.reasons.filter(isReason).map((reason) => ART7_REASON_LABELS[reason]);
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Block label="Przesłanki pomocy (art. 7 u.p.s.)">{reasons.length ? reasons.join('; ') : '—'}</Block>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Block label="Mocne strony rodziny">{analysis.strengths || '—'}</Block>
          <Block label="Zasoby rodziny i otoczenia">{analysis.resources || '—'}</Block>
        </SimpleGrid>
        <Block label="Wnioski">{analysis.conclusions || '—'}</Block>
        <Block label="Zgoda rodziny na współpracę z asystentem">
          {analysis.consentOn ? `Wyrażona ${polishDate(analysis.consentOn)}` : 'Nie odnotowano'}
        </Block>
      </Stack>
    </Paper>
  );
}

function Block({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={700} c="dimmed">
        {label}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{children}</Text>
    </Stack>
  );
}

function defaults(file: CaseFileView): AnalysisFormInput {
  const analysis = file.analysis;
  return {
    reasons: (analysis?.reasons ?? file.reasons).filter(isReason),
    strengths: analysis?.strengths ?? '',
    resources: analysis?.resources ?? '',
    conclusions: analysis?.conclusions ?? '',
    consentOn: analysis?.consentOn ?? null,
    // One row per member: the date she consented, empty when she did not (printed on the wniosek as entered).
    consentPersons: file.family.members.map((member) => ({
      personId: member.person.id,
        givenOn: analysis?.consentPersons.find((entry) => entry.personId === member.person.id)?.givenOn ?? null,
    })),
    earlierHelp: analysis?.earlierHelp ?? '',
    childrenLegal: analysis?.childrenLegal ?? '',
  };
}

function AnalysisEditor({ file }: { file: CaseFileView }) {
  const queryClient = useQueryClient();
  const { navigate } = useNavigation();
  const save = useChannelMutation('analysis:save');
  const form = useForm<AnalysisFormInput, unknown, AnalysisFormOutput>({
    resolver: zodResolver(analysisFormSchema),
    defaultValues: defaults(file),
  });
  const { errors, isSubmitting, isDirty } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    try {
      await save.mutateAsync({ caseId: file.id, ...values });
      form.reset(values);
      await refreshCases(queryClient);
      notifications.show({ color: 'green', title: 'Zapisano analizę sytuacji rodziny', message: `Sprawa ${file.number}.` });
    } catch (error) {
      applyApiError(error, form.setError, ANALYSIS_FIELDS);
    }
  });

  const socialWork = file.actions.find((action) => action.action === 'choose_social_work');
  const request = file.actions.find((action) => action.action === 'request_assistant');
  // Requests come newest first: a returned one is what the kierownik asks to be improved.
  const returned = file.requests[0]?.status === 'returned' ? file.requests[0] : null;

  return (
    <>
      {returned ? (
        <Alert color="orange" title={`Kierownik zwrócił wniosek o asystenta${returned.decidedOn ? ` (${polishDate(returned.decidedOn)})` : ''}`}>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{returned.decisionNote}</Text>
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate aria-label="Analiza sytuacji rodziny">
        <Paper withBorder radius="md" p="lg">
          <Stack gap="md">
            <Controller
              control={form.control}
              name="reasons"
              render={({ field, fieldState }) => <ReasonsField value={field.value} onChange={field.onChange} error={fieldState.error?.message} />}
            />
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <Textarea
                label="Mocne strony rodziny"
                autosize
                minRows={4}
                {...form.register('strengths')}
                error={errors.strengths?.message}
              />
              <Textarea
                label="Zasoby rodziny i otoczenia"
                description="Osoby i instytucje, na które rodzina może liczyć."
                inputWrapperOrder={BELOW}
                autosize
                minRows={4}
                {...form.register('resources')}
                error={errors.resources?.message}
              />
            </SimpleGrid>
            <Textarea label="Wnioski z analizy" autosize minRows={4} {...form.register('conclusions')} error={errors.conclusions?.message} />
            <Textarea label="Dotychczasowa pomoc i instytucje zaangażowane" autosize minRows={2} {...form.register('earlierHelp')} error={errors.earlierHelp?.message} />
            <Textarea label="Sytuacja prawna dzieci" description="Władza rodzicielska, postępowania przed sądem, piecza zastępcza." inputWrapperOrder={BELOW} autosize minRows={2} {...form.register('childrenLegal')} error={errors.childrenLegal?.message} />
            <DateField
              control={form.control}
              name="consentOn"
              label="Data zgody rodziny na współpracę z asystentem rodziny"
              description="Wymagana przed złożeniem wniosku o asystenta (art. 8 ust. 2 ustawy o wspieraniu rodziny). Zgodę rodzina wyraża na piśmie."
              maxDate={todayIso()}
              maw={640}
            />
            <Stack gap={6} aria-label="Zgoda członków rodziny">
              <Text fw={600}>Kto wyraził zgodę i kiedy</Text>
              <Text c="dimmed" size="sm">
                Wpisz datę przy każdej osobie, która wyraziła zgodę; osoba bez daty nie wyraziła zgody. Na wniosku drukuje się dokładnie to, co tu wpisano.
              </Text>
              {file.family.members.map((member, index) => (
                <DateField key={member.id} control={form.control} name={`consentPersons.${index}.givenOn`} label={`${member.person.firstName} ${member.person.lastName}`} maxDate={todayIso()} maw={320} />
              ))}
            </Stack>
            <FormError message={errors.root?.server?.message} title="Nie zapisano analizy" />
            <Group justify="flex-end">
              <Button type="submit" loading={isSubmitting}>
                Zapisz analizę
              </Button>
            </Group>
          </Stack>
        </Paper>
      </form>

      <Paper withBorder radius="md" p="lg" component="section" aria-label="Dalszy krok">
        <Stack gap="md">
          <Title order={2} fz={20}>
            Dalszy krok
          </Title>
          {isDirty ? (
            <Alert color="yellow">Masz niezapisane zmiany w analizie. Zapisz analizę, zanim wybierzesz dalszy krok.</Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Paper withBorder radius="md" p="md">
              <Stack gap="sm">
                <Title order={3} fz={17}>
                  Praca socjalna bez asystenta
                </Title>
                <Text size="sm">Analiza nie wskazuje potrzeby asystenta: sprawa przechodzi do pracy socjalnej (możesz zawrzeć kontrakt socjalny).</Text>
                <SocialWorkButton file={file} action={socialWork} blocked={isDirty} onDone={() => navigate({ view: 'case', caseId: file.id })} />
              </Stack>
            </Paper>
            <Paper withBorder radius="md" p="md">
              <Stack gap="sm">
                <Title order={3} fz={17}>
                  Wniosek o asystenta rodziny
                </Title>
                {request && !request.enabled && request.message ? <Text c="orange.9">{request.message}</Text> : null}
                {request ? (
                  <FileRequestForm caseId={file.id} disabled={isDirty || !request.enabled} onDone={() => navigate({ view: 'case', caseId: file.id })} />
                ) : (
                  <Text c="dimmed">Wniosek składa pracownik socjalny prowadzący sprawę.</Text>
                )}
              </Stack>
            </Paper>
          </SimpleGrid>
        </Stack>
      </Paper>
    </>
  );
}

export function SocialWorkButton({
  file,
  action,
  blocked,
  onDone,
}: {
  file: CaseFileView;
  action: AvailableAction | undefined;
  blocked: boolean;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const choose = useChannelMutation('cases:chooseSocialWork');
  const [confirming, setConfirming] = useState(false);
  if (!action) return <Text c="dimmed">Tę decyzję podejmuje pracownik socjalny prowadzący sprawę.</Text>;

  const confirm = async () => {
    try {
      await choose.mutateAsync({ caseId: file.id });
      await refreshCases(queryClient);
      setConfirming(false);
      notifications.show({ color: 'green', title: 'Sprawa przeszła do pracy socjalnej', message: `Sprawa ${file.number}.` });
      onDone();
    } catch {
      // Shown in the dialog (choose.error).
    }
  };

  return (
    <>
      {!action.enabled && action.message ? <Text c="orange.9">{action.message}</Text> : null}
      <Group>
        <Button variant="default" disabled={blocked || !action.enabled} onClick={() => setConfirming(true)}>
          {action.label}
        </Button>
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Praca socjalna bez asystenta rodziny">
        <Stack gap="md">
          <Text>
            Sprawa {file.number} przejdzie do stanu „Praca socjalna”. Wniosku o asystenta rodziny nie będzie można już złożyć w tej analizie.
          </Text>
          <FormError message={choose.error ? errorMessage(choose.error) : undefined} title="Nie zmieniono stanu sprawy" />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Anuluj
            </Button>
            <Button onClick={() => void confirm()} loading={choose.isPending}>
              Potwierdź
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
