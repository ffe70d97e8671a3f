import { Alert, Button, Checkbox, Group, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { intakeSchema, REPORT_SOURCES, REPORT_SOURCE_LABELS } from '../../../shared/cases';
import { isValidIsoDate } from '../../../shared/domain/dates';
import { INTERVIEW_TERM_BASIS, INTERVIEW_WORKING_DAYS, URGENT_INTERVIEW_WORKING_DAYS, interviewDeadline } from '../../../shared/domain/deadlines';
import { MAX_HECTARES } from '../../../shared/domain/income';
import { can } from '../../../shared/domain/roles';
import { ApiError } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DateField } from '../../components/DateField';
import { NumberField } from '../../components/NumberField';
import { DraftStatus } from '../../components/DraftStatus';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { polishDate, todayIso } from '../../lib/dates';
import { formatDateTime, fullName } from '../../lib/format';
import { applyApiError } from '../../lib/forms';
import { BELOW } from '../../lib/layout';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { useAutosave, useStoredDraft } from '../../lib/useAutosave';
import { useUsers } from '../admin/users/usersQuery';
import { refreshCases } from '../cases/caseQueries';
import { ReasonsField } from '../cases/ReasonsField';
import { useNavigation } from '../layout/navigation';
import { useSession } from '../layout/session';
import {
  emptyIntake,
  emptyMember,
  intakeCandidate,
  intakeFormSchema,
  isIntakeField,
  parseIntakeDraft,
  type IntakeFormValues,
} from './intakeForm';
import { MemberCard } from './MemberCard';
import { OpenCasesWarning } from './OpenCasesWarning';
import { PageSection } from '../../components/PageSection';

const DRAFT_KEY = 'intake:new';
const SOURCE_OPTIONS = REPORT_SOURCES.map((value) => ({ value, label: REPORT_SOURCE_LABELS[value] }));

/** "Nowe zgłoszenie": restores an unsaved draft first, then shows the form. */
export function IntakePage() {
  const stored = useStoredDraft(DRAFT_KEY);

  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader
        title="Nowe zgłoszenie"
        description="Informacja o rodzinie, która ma trudności w wypełnianiu funkcji opiekuńczo-wychowawczych (art. 11 ust. 1 ustawy o wspieraniu rodziny). Od daty zgłoszenia biegnie termin wywiadu środowiskowego."
      />
      <QueryState isPending={stored.isPending} error={stored.error} onRetry={() => void stored.refetch()} loadingLabel="Wczytywanie formularza…" />
      {stored.isSuccess ? <IntakeForm restored={restoredDraft(stored.data)} /> : null}
    </Stack>
  );
}

function restoredDraft(stored: { data: string; updatedAt: string } | null): { values: IntakeFormValues; savedAt: string } | null {
  if (!stored) return null;
  const values = parseIntakeDraft(stored.data);
  return values ? { values, savedAt: stored.updatedAt } : null;
}

function IntakeForm({
  restored,
}: {
  restored: { values: IntakeFormValues; savedAt: string } | null;
}) {
  const { user } = useSession();
  const { navigate } = useNavigation();
  const queryClient = useQueryClient();
  const isHead = can(user.roles, 'users.manage');
  const isWorker = user.roles.includes('social_worker');
  // A kierownik who does not lead cases herself gives the case to a social worker.
  const workerRequired = !isWorker;
  const schema = useMemo(() => intakeFormSchema({ workerRequired }), [workerRequired]);
  const form = useForm<IntakeFormValues>({
    resolver: zodResolver(schema),
    defaultValues: restored?.values ?? emptyIntake(),
  });
  const { control, register, formState } = form;
  const { errors, isSubmitting } = formState;
  const members = useFieldArray({ control, name: 'members' });
  const [restoredAt, setRestoredAt] = useState<string | null>(restored?.savedAt ?? null);
  const create = useChannelMutation('cases:create');

  // Every change goes to the draft (debounced); nothing typed is lost to a lock or a crash.
  const { discard, draft } = useAutosave({ key: DRAFT_KEY, form, baseVersion: 0 });

  const [reportedOn, urgent, rural, memberValues, postalCode] = useWatch({
    control,
    name: ['reportedOn', 'urgent', 'family.rural', 'members', 'family.postalCode'],
  });
  const due = reportedOn && isValidIsoDate(reportedOn) ? interviewDeadline(reportedOn, urgent) : null;
  const days = urgent ? URGENT_INTERVIEW_WORKING_DAYS : INTERVIEW_WORKING_DAYS;

  const users = useUsers(isHead);
  const workerOptions = (users.data ?? [])
    .filter((candidate) => candidate.active && candidate.roles.includes('social_worker'))
    .sort((a, b) => a.lastName.localeCompare(b.lastName, 'pl'))
    .map((candidate) => ({ value: candidate.id, label: candidate.id === user.id ? `${fullName(candidate)} (ja)` : fullName(candidate) }));

  // A member's open case: a second case only when the user says so (issue 15, item 8).
  const [secondCase, setSecondCase] = useState(false);

  const submit = form.handleSubmit(async (values) => {
    try {
      const input = intakeSchema.parse(intakeCandidate(values));
      const created = await create.mutateAsync({ ...input, secondCase });
      await discard();
      await refreshCases(queryClient);
      notifications.show({
        color: 'green',
        title: `Zarejestrowano sprawę ${created.number}`,
        message: due ? `Termin wywiadu środowiskowego: ${polishDate(due)}.` : 'Następny krok: wywiad środowiskowy.',
      });
      navigate({ view: 'case', caseId: created.id });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        form.setError('root.server', { type: 'server', message: error.message });
        return;
      }
      applyApiError(error, form.setError, isIntakeField);
    }
  });

  const clear = async () => {
    form.reset(emptyIntake());
    await discard();
    setRestoredAt(null);
  };

  const usedPersonIds = memberValues.map((member) => member.existingPersonId).filter((id): id is string => Boolean(id));

  return (
    <form onSubmit={submit} noValidate aria-label="Nowe zgłoszenie">
      <Stack gap="lg">
        {restoredAt ? (
          <Alert color="blue" title={`Przywrócono niezapisany szkic z ${formatDateTime(restoredAt)}`}>
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Text>Formularz zawiera dane wpisane wcześniej, ale jeszcze niezarejestrowane. Sprawdź je i dokończ zgłoszenie.</Text>
              <ConfirmButton
                variant="default"
                onConfirm={clear}
                title="Odrzucić szkic?"
                message="Dane wpisane wcześniej w tym zgłoszeniu zostaną usunięte, a formularz zacznie się od nowa. Tego nie można cofnąć."
                confirmLabel="Odrzuć szkic"
              >
                Odrzuć szkic i zacznij od nowa
              </ConfirmButton>
            </Group>
          </Alert>
        ) : null}

        <PageSection title="Zgłoszenie">
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
            <DateField control={control} name="reportedOn" label="Data zgłoszenia" maxDate={todayIso()} withAsterisk />
            <Controller
              control={control}
              name="source"
              render={({ field, fieldState }) => (
                <Select
                  label="Od kogo pochodzi informacja"
                  withAsterisk
                  placeholder="Wybierz"
                  data={SOURCE_OPTIONS}
                  value={field.value}
                  onChange={(value) => field.onChange(REPORT_SOURCES.find((source) => source === value) ?? null)}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={fieldState.error?.message}
                  allowDeselect={false}
                />
              )}
            />
            <TextInput
              label="Szczegóły źródła"
              placeholder="Np. pedagog Szkoły Podstawowej nr 2"
              {...register('sourceDetails')}
              error={errors.sourceDetails?.message}
            />
          </SimpleGrid>
          <Textarea
            label="Treść zgłoszenia"
            withAsterisk
            description="Co się dzieje w rodzinie, kto to zauważył, czego dotyczy obawa."
            inputWrapperOrder={BELOW}
            autosize
            minRows={4}
            maxRows={14}
            {...register('report')}
            error={errors.report?.message}
          />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <Checkbox
              label="Sprawa pilna"
              description={`Wywiad najpóźniej w ciągu ${URGENT_INTERVIEW_WORKING_DAYS} dni roboczych (${INTERVIEW_TERM_BASIS}).`}
              {...register('urgent')}
            />
            <Checkbox
              label="Małoletni rodzic opuszczający MOW, MOS, schronisko dla nieletnich lub zakład poprawczy"
              description="Po wywiadzie kierownik przydziela asystenta rodziny obowiązkowo (art. 11 ustawy o wspieraniu rodziny)."
              {...register('minorParent')}
            />
          </SimpleGrid>
          {due ? (
            <Text role="status">
              Termin wywiadu środowiskowego: <strong>{polishDate(due)}</strong> ({days} dni roboczych od zgłoszenia — {INTERVIEW_TERM_BASIS}).
            </Text>
          ) : null}
          <Controller
            control={control}
            name="reasons"
            render={({ field, fieldState }) => (
              <ReasonsField
                value={field.value}
                onChange={field.onChange}
                error={fieldState.error?.message}
                description="Jeśli są już znane; uzupełnisz je w analizie sytuacji rodziny."
              />
            )}
          />
        </PageSection>

        <PageSection title="Adres i warunki rodziny">
          <Controller
            control={control}
            name="family.kind"
            render={({ field }) => (
              <Radio.Group label="Gospodarstwo domowe" value={field.value} onChange={(value) => field.onChange(value === 'single' ? 'single' : 'family')} size="md">
                <Group gap="lg" mt={8}>
                  <Radio value="family" label="Rodzina" />
                  <Radio value="single" label="Osoba samotnie gospodarująca" />
                </Group>
              </Radio.Group>
            )}
          />
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
            <TextInput label="Ulica i numer" withAsterisk {...register('family.street')} error={errors.family?.street?.message} />
            <TextInput
              label="Kod pocztowy"
              withAsterisk
              placeholder="00-000"
              inputMode="numeric"
              maxLength={6}
              {...register('family.postalCode', {
                // "74202" typed without the dash is understood.
                onBlur: () => {
                  if (/^\d{5}$/.test(postalCode)) form.setValue('family.postalCode', `${postalCode.slice(0, 2)}-${postalCode.slice(2)}`);
                },
              })}
              error={errors.family?.postalCode?.message}
            />
            <TextInput label="Miejscowość" withAsterisk {...register('family.city')} error={errors.family?.city?.message} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <Checkbox label="Rodzina mieszka na wsi lub ma gospodarstwo rolne" mt={{ md: 34 }} {...register('family.rural')} />
            {rural ? (
              <NumberField
                control={control}
                name="family.farmHectares"
                label="Gospodarstwo rolne (hektary przeliczeniowe)"
                description="Z nakazu płatniczego podatku rolnego; 0, jeśli rodzina nie ma gospodarstwa."
                scale={4}
                min={0}
                max={MAX_HECTARES}
                unit="ha"
                maw="none"
              />
            ) : null}
          </SimpleGrid>
          <Textarea
            label="Warunki mieszkaniowe"
            description="Np. mieszkanie komunalne, 2 pokoje, ogrzewanie piecowe."
            inputWrapperOrder={BELOW}
            autosize
            minRows={2}
            {...register('family.housing')}
            error={errors.family?.housing?.message}
          />
        </PageSection>

        <PageSection title="Osoby w rodzinie">
          <Text c="dimmed">
            Najpierw osoba, której dotyczy zgłoszenie. Zanim program doda nową osobę, sprawdza, czy nie ma jej już w bazie ośrodka.
          </Text>
          {members.fields.map((field, index) => (
            <MemberCard
              key={field.id}
              index={index}
              form={form}
              canRemove={members.fields.length > 1}
              onRemove={() => members.remove(index)}
              checkDuplicates={can(user.roles, 'persons.checkDuplicates')}
              usedPersonIds={usedPersonIds.filter((id) => id !== memberValues[index]?.existingPersonId)}
            />
          ))}
          {errors.members?.message ? <Text c="red.8">{errors.members.message}</Text> : null}
          <Group>
            <Button variant="default" onClick={() => members.append(emptyMember(null), { shouldFocus: false })}>
              Dodaj osobę
            </Button>
          </Group>
        </PageSection>

        {isHead ? (
          <PageSection title="Prowadzenie sprawy">
            <Controller
              control={control}
              name="workerId"
              render={({ field, fieldState }) => (
                <Select
                  label="Pracownik socjalny prowadzący sprawę"
                  withAsterisk={workerRequired}
                  description={workerRequired ? undefined : 'Bez wyboru sprawę prowadzisz Ty.'}
                  placeholder={users.isPending ? 'Wczytywanie…' : 'Wybierz'}
                  data={workerOptions}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={fieldState.error?.message}
                  clearable={!workerRequired}
                  maw={480}
                />
              )}
            />
            {users.data && workerOptions.length === 0 ? (
              <Alert color="yellow">W ośrodku nie ma aktywnego pracownika socjalnego. Dodaj go w części „Użytkownicy”.</Alert>
            ) : null}
          </PageSection>
        ) : null}

        <OpenCasesWarning
          personIds={usedPersonIds}
          report={() => {
            const v = form.getValues();
            return { reportedOn: v.reportedOn ?? '', source: v.source, sourceDetails: v.sourceDetails, report: v.report };
          }}
          secondCase={secondCase}
          onSecondCase={setSecondCase}
          onAdded={discard}
        />
        <FormError message={errors.root?.server?.message} title="Nie zarejestrowano zgłoszenia" />
        {Object.keys(errors).some((key) => key !== 'root') && formState.isSubmitted ? (
          <Text c="red.8" role="alert">
            Formularz zawiera błędy — popraw pola oznaczone na czerwono.
          </Text>
        ) : null}

        <Group justify="space-between" wrap="wrap">
          <DraftStatus draft={draft} />
          <Group gap="sm">
            <ConfirmButton
              variant="default"
              color="red"
              onConfirm={clear}
              title="Wyczyścić formularz?"
              message="Wszystko, co wpisano w tym zgłoszeniu (także zapisany szkic), zostanie usunięte. Tego nie można cofnąć."
              confirmLabel="Wyczyść formularz"
            >
              Wyczyść formularz
            </ConfirmButton>
            <Button type="submit" loading={isSubmitting}>
              Zarejestruj zgłoszenie
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

