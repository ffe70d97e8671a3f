import { Button, Checkbox, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { OfficeInfo, Settings } from '../../../../shared/ipc';
import { CASELOAD_CAP_BASIS, STATUTORY_CASELOAD_CAP } from '../../../../shared/domain/caseFlow';
import { INTERVIEW_TERM_BASIS, INTERVIEW_WORKING_DAYS, URGENT_INTERVIEW_WORKING_DAYS } from '../../../../shared/domain/deadlines';
import {
  IDLE_LOCK_MAX_MINUTES,
  IDLE_LOCK_MIN_MINUTES,
  officeSchema,
  settingsSchema,
} from '../../../../shared/schemas';
import { call } from '../../../api';
import { FormError } from '../../../components/FormError';
import { NumberField } from '../../../components/NumberField';
import { PageHeader } from '../../../components/PageHeader';
import { QueryState } from '../../../components/QueryState';
import { applyApiError } from '../../../lib/forms';
import { useChannelMutation } from '../../../lib/useChannelMutation';
import { useSession } from '../../layout/session';
import { PageSection } from '../../../components/PageSection';

export const OFFICE_QUERY_KEY = ['office'] as const;

export function SettingsPage() {
  const { settings } = useSession();
  const office = useQuery({ queryKey: OFFICE_QUERY_KEY, queryFn: () => call('office:get', {}) });

  return (
    <Stack gap="lg" maw={900}>
      <PageHeader
        title="Ustawienia"
        description="Dane ośrodka, które trafiają na dokumenty, oraz zasady pracy programu. Każda zmiana jest zapisywana w dzienniku zdarzeń."
      />

      <PageSection title="Dane ośrodka">
        <QueryState isPending={office.isPending} error={office.error} onRetry={() => void office.refetch()} />
        {office.data ? <OfficeForm office={office.data} /> : null}
      </PageSection>

      {settings ? (
        <>
          <PageSection title="Bezpieczeństwo">
            <IdleLockForm settings={settings} />
          </PageSection>
          <PageSection title="Prowadzenie spraw">
            <CaseRulesForm settings={settings} />
          </PageSection>
        </>
      ) : (
        <Text c="dimmed">Ustawienia nie są dostępne.</Text>
      )}
    </Stack>
  );
}

type OfficeInput = z.input<typeof officeSchema>;
type OfficeOutput = z.output<typeof officeSchema>;
const OFFICE_FIELDS = ['name', 'street', 'postalCode', 'city', 'gmina', 'place'] as const;

function OfficeForm({ office }: { office: OfficeInfo }) {
  const queryClient = useQueryClient();
  const form = useForm<OfficeInput, unknown, OfficeOutput>({
    resolver: zodResolver(officeSchema),
    defaultValues: office,
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const update = useChannelMutation('office:update');

  const submit = form.handleSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync(values);
      queryClient.setQueryData(OFFICE_QUERY_KEY, saved);
      form.reset(saved);
      notifications.show({
        color: 'green',
        title: 'Zapisano dane ośrodka',
        message: 'Nowe dane pojawią się na kolejnych dokumentach.',
      });
    } catch (error) {
      applyApiError(error, form.setError, OFFICE_FIELDS);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label="Nazwa ośrodka" {...form.register('name')} error={errors.name?.message} />
        <TextInput label="Ulica i numer" {...form.register('street')} error={errors.street?.message} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label="Kod pocztowy"
            placeholder="00-000"
            inputMode="numeric"
            {...form.register('postalCode')}
            error={errors.postalCode?.message}
          />
          <TextInput label="Miejscowość" {...form.register('city')} error={errors.city?.message} />
          <TextInput label="Gmina" {...form.register('gmina')} error={errors.gmina?.message} />
          <TextInput
            label="Miejscowość w dacie pism"
            description="„Bielice, dnia 1 czerwca 2026 r.”; puste: miejscowość z adresu."
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...form.register('place')}
            error={errors.place?.message}
          />
        </SimpleGrid>
        <FormError message={errors.root?.server?.message} title="Nie zapisano danych ośrodka" />
        <Group>
          <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
            Zapisz dane ośrodka
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// `settings:update` takes any subset of the settings: each form sends only its own fields.
const idleLockSchema = settingsSchema.pick({ idleLockMinutes: true });
type IdleLockInput = z.input<typeof idleLockSchema>;
type IdleLockOutput = z.output<typeof idleLockSchema>;

function IdleLockForm({ settings }: { settings: Settings }) {
  const form = useForm<IdleLockInput, unknown, IdleLockOutput>({
    resolver: zodResolver(idleLockSchema),
    defaultValues: { idleLockMinutes: settings.idleLockMinutes },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const update = useChannelMutation('settings:update');

  const submit = form.handleSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync(values);
      form.reset({ idleLockMinutes: saved.idleLockMinutes });
      notifications.show({
        color: 'green',
        title: 'Zapisano ustawienia',
        message: `Program zablokuje się po ${saved.idleLockMinutes} min bez użycia klawiatury i myszy.`,
      });
    } catch (error) {
      applyApiError(error, form.setError, ['idleLockMinutes']);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <NumberField
          control={form.control}
          name="idleLockMinutes"
          label="Blokada po bezczynności (minuty)"
          description={`Po tylu minutach bez użycia klawiatury i myszy program zablokuje się i poprosi o hasło. Od ${IDLE_LOCK_MIN_MINUTES} do ${IDLE_LOCK_MAX_MINUTES} minut.`}
          min={IDLE_LOCK_MIN_MINUTES}
          max={IDLE_LOCK_MAX_MINUTES}
        />
        <FormError message={errors.root?.server?.message} title="Nie zapisano ustawień" />
        <Group>
          <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
            Zapisz ustawienia
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const caseRulesSchema = settingsSchema.pick({
  caseloadLimit: true,
  decisionWorkingDays: true,
  monitoringMonths: true,
  planApprovalRequired: true,
  caseNumberPrefix: true,
});
type CaseRulesInput = z.input<typeof caseRulesSchema>;
type CaseRulesOutput = z.output<typeof caseRulesSchema>;
const CASE_RULES_FIELDS = [
  'caseloadLimit',
  'decisionWorkingDays',
  'monitoringMonths',
  'planApprovalRequired',
  'caseNumberPrefix',
] as const;

function caseRules(settings: Settings): CaseRulesInput {
  return {
    caseloadLimit: settings.caseloadLimit,
    decisionWorkingDays: settings.decisionWorkingDays,
    monitoringMonths: settings.monitoringMonths,
    planApprovalRequired: settings.planApprovalRequired,
    caseNumberPrefix: settings.caseNumberPrefix,
  };
}

/** What the law leaves to the office; the statutory figures are shown with their citation, not edited. */
function CaseRulesForm({ settings }: { settings: Settings }) {
  const form = useForm<CaseRulesInput, unknown, CaseRulesOutput>({
    resolver: zodResolver(caseRulesSchema),
    defaultValues: caseRules(settings),
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const update = useChannelMutation('settings:update');

  const submit = form.handleSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync(values);
      form.reset(caseRules(saved));
      notifications.show({
        color: 'green',
        title: 'Zapisano zasady prowadzenia spraw',
        message: 'Zmiana została zapisana w dzienniku zdarzeń.',
      });
    } catch (error) {
      applyApiError(error, form.setError, CASE_RULES_FIELDS);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <NumberField
          control={form.control}
          name="caseloadLimit"
          label="Limit rodzin na asystenta"
          description={`Ustawowo najwięcej ${STATUTORY_CASELOAD_CAP} rodzin (${CASELOAD_CAP_BASIS}). Ośrodek może ustalić niższy limit, nie wyższy.`}
          min={1}
          max={STATUTORY_CASELOAD_CAP}
        />
        <Stack gap={2} aria-label="Terminy wywiadu środowiskowego">
          <Text size="sm" fw={500}>
            Terminy wywiadu środowiskowego (z przepisów, nie z ustawień)
          </Text>
          <Text size="sm" c="dimmed">
            {`${INTERVIEW_WORKING_DAYS} dni roboczych od otrzymania informacji o potrzebie pomocy, w sprawach niecierpiących zwłoki ${URGENT_INTERVIEW_WORKING_DAYS} dni robocze — ${INTERVIEW_TERM_BASIS}.`}
          </Text>
        </Stack>
        <NumberField
          control={form.control}
          name="decisionWorkingDays"
          label="Termin decyzji w sprawie wniosku o asystenta (dni robocze)"
          description="Zasada ośrodka (przepisy nie określają terminu): tyle dni roboczych od złożenia wniosku decyzja czeka na pulpicie kierownika, potem jest po terminie."
          min={1}
          max={30}
        />
        <NumberField
          control={form.control}
          name="monitoringMonths"
          label="Monitoring po zakończeniu pracy z rodziną (miesiące)"
          description="Przez ile miesięcy asystent monitoruje rodzinę po zatwierdzeniu zakończenia pracy (przepisy nie określają okresu)."
          min={1}
          max={36}
        />
        <Controller
          control={form.control}
          name="planApprovalRequired"
          render={({ field }) => (
            <Checkbox
              size="md"
              label="Plany pracy z rodziną zatwierdza kierownik"
              description="Zasada ośrodka (przepisy jej nie wymagają): podpisany plan czeka na zatwierdzenie albo zwrot z uzasadnieniem i obowiązuje od zatwierdzenia; na wydruku data i podpis kierownika."
              checked={field.value}
              onChange={(event) => field.onChange(event.currentTarget.checked)}
              onBlur={field.onBlur}
              name={field.name}
              ref={field.ref}
            />
          )}
        />
        <TextInput
          label="Prefiks numeru sprawy"
          description="Początek znaku sprawy na dokumentach, np. OPS.AR (litery bez polskich znaków, cyfry, kropka, myślnik, ukośnik)."
          maw={420}
          {...form.register('caseNumberPrefix')}
          error={errors.caseNumberPrefix?.message}
        />
        <FormError message={errors.root?.server?.message} title="Nie zapisano zasad prowadzenia spraw" />
        <Group>
          <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
            Zapisz zasady prowadzenia spraw
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
