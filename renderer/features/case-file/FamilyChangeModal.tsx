import { Button, Checkbox, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useForm, useWatch, type Path } from 'react-hook-form';
import { CHILD_WHEREABOUTS_LABELS, RELATIONS, RELATION_LABELS, type CaseFileView, type MemberView } from '../../../shared/cases';
import { FAMILY_CHANGE_KINDS, FAMILY_CHANGE_LABELS, PLACEMENTS, type FamilyChangeInput, type FamilyChangeKind } from '../../../shared/records';
import { ApiError } from '../../api';
import { DateField } from '../../components/DateField';
import { FormError } from '../../components/FormError';
import { todayIso } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { refreshCases } from '../cases/caseQueries';

interface ChangeValues {
  kind: FamilyChangeKind | '';
  effectiveOn: string;
  memberId: string;
  note: string;
  street: string;
  postalCode: string;
  city: string;
  rural: boolean;
  relation: string;
  inHousehold: boolean;
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: string;
  pesel: string;
  phone: string;
  whereabouts: string;
}

const FIELDS: readonly Path<ChangeValues>[] = ['kind', 'effectiveOn', 'memberId', 'note', 'street', 'postalCode', 'city', 'relation', 'firstName', 'lastName', 'birthDate', 'sex', 'pesel', 'phone', 'whereabouts'];

const needsMember = (kind: ChangeValues['kind']) => kind === 'member_leaves' || kind === 'child_placed' || kind === 'child_returns' || kind === 'person_corrected';

function payload(caseId: string, v: ChangeValues, members: readonly MemberView[]): FamilyChangeInput {
  const base = { caseId, effectiveOn: v.effectiveOn, note: v.note };
  const person = {
    firstName: v.firstName,
    lastName: v.lastName,
    birthDate: v.birthDate,
    sex: v.sex as 'F' | 'M',
    pesel: v.pesel.replace(/\s/g, ''),
    phone: v.phone,
  };
  switch (v.kind) {
    case 'address':
      return { ...base, change: { kind: 'address', street: v.street, postalCode: v.postalCode, city: v.city, rural: v.rural } };
    case 'member_joins':
      return {
        ...base,
        change: { kind: 'member_joins', member: { relation: v.relation as (typeof RELATIONS)[number], inHousehold: v.inHousehold, ...(v.relation === 'child' ? { childWhereabouts: 'home' as const } : {}), person } },
      };
    case 'member_leaves':
    case 'child_returns':
      return { ...base, change: { kind: v.kind, memberId: v.memberId } };
    case 'child_placed':
      return { ...base, change: { kind: 'child_placed', memberId: v.memberId, whereabouts: v.whereabouts as (typeof PLACEMENTS)[number] } };
    case 'person_corrected': {
      const current = members.find((m) => m.id === v.memberId)?.person;
      const document = !person.pesel && current?.documentType && current.documentNumber ? { documentType: current.documentType as 'id_card', documentNumber: current.documentNumber } : {};
      return { ...base, change: { kind: 'person_corrected', memberId: v.memberId, person: { ...person, citizenship: current?.citizenship ?? 'polskie', ...document } } };
    }
    default:
      // The server names what is missing ("Wybierz rodzaj zmiany.").
      return { ...base, change: { kind: '' } } as unknown as FamilyChangeInput;
  }
}

/** A server field key ("change.member.person.pesel", "effectiveOn") → this form's field. */
function fieldOf(key: string): Path<ChangeValues> | undefined {
  const last = key.split('.').at(-1) ?? '';
  if (key === 'change' || key === 'change.kind') return 'kind';
  return FIELDS.find((f) => f === last);
}

/** "Zgłoś zmianę w rodzinie": one dated change at a time, written to the change register. */
export function FamilyChangeModal({ file, opened, onClose }: { file: CaseFileView; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Zmiana w rodzinie" size="lg">
      {opened ? <FamilyChangeForm file={file} onDone={onClose} /> : null}
    </Modal>
  );
}

function FamilyChangeForm({ file, onDone }: { file: CaseFileView; onDone: () => void }) {
  const queryClient = useQueryClient();
  const change = useChannelMutation('family:change');
  const current = file.family.members.filter((m) => m.memberTo === null);
  const form = useForm<ChangeValues>({
    defaultValues: {
      kind: '',
      effectiveOn: todayIso(),
      memberId: '',
      note: '',
      street: '',
      postalCode: '',
      city: '',
      rural: file.family.rural,
      relation: 'child',
      inHousehold: true,
      firstName: '',
      lastName: '',
      birthDate: '',
      sex: '',
      pesel: '',
      phone: '',
      whereabouts: '',
    },
  });
  const { errors, isSubmitting } = form.formState;
  const [kind, memberId] = useWatch({ control: form.control, name: ['kind', 'memberId'] });

  // A correction starts from what is recorded now.
  const pickMember = (id: string) => {
    form.setValue('memberId', id);
    const person = current.find((m) => m.id === id)?.person;
    if (kind === 'person_corrected' && person) {
      form.setValue('firstName', person.firstName);
      form.setValue('lastName', person.lastName);
      form.setValue('birthDate', person.birthDate);
      form.setValue('sex', person.sex);
      form.setValue('pesel', person.pesel ?? '');
      form.setValue('phone', person.phone ?? '');
    }
  };

  const submit = form.handleSubmit(async (values) => {
    try {
      await change.mutateAsync(payload(file.id, values, file.family.members));
      await refreshCases(queryClient);
      notifications.show({ color: 'green', title: 'Zapisano zmianę w rodzinie', message: `${FAMILY_CHANGE_LABELS[values.kind as FamilyChangeKind]} — w rejestrze zmian sprawy.` });
      onDone();
    } catch (error) {
      let focused = false;
      const unmatched: string[] = [];
      if (error instanceof ApiError && error.fields) {
        for (const [key, message] of Object.entries(error.fields)) {
          const name = fieldOf(key);
          if (name) {
            form.setError(name, { type: 'server', message }, { shouldFocus: !focused });
            focused = true;
          } else unmatched.push(message);
        }
      }
      if (!focused || unmatched.length > 0) form.setError('root.server', { type: 'server', message: errorMessage(error) });
    }
  });

  const memberOptions = [{ value: '', label: 'Wybierz osobę' }, ...current.map((m) => ({ value: m.id, label: `${m.person.firstName} ${m.person.lastName} (${RELATION_LABELS[m.relation as keyof typeof RELATION_LABELS] ?? m.relation})` }))];
  const personFields = kind === 'member_joins' || (kind === 'person_corrected' && memberId);

  return (
    <form onSubmit={submit} noValidate aria-label="Zmiana w rodzinie">
      <Stack gap="sm">
        <NativeSelect
          label="Rodzaj zmiany"
          data={[{ value: '', label: 'Wybierz rodzaj zmiany' }, ...FAMILY_CHANGE_KINDS.map((value) => ({ value, label: FAMILY_CHANGE_LABELS[value] }))]}
          {...form.register('kind')}
          error={errors.kind?.message}
        />
        <DateField
          control={form.control}
          name="effectiveOn"
          label={kind === 'person_corrected' ? 'Data poprawienia' : 'Data zmiany (kiedy to się stało)'}
          maxDate={todayIso()}
          withAsterisk
          error={errors.effectiveOn?.message}
        />
        {needsMember(kind) ? (
          <NativeSelect label="Osoba" data={memberOptions} {...form.register('memberId')} onChange={(e) => pickMember(e.currentTarget.value)} error={errors.memberId?.message} />
        ) : null}
        {kind === 'address' ? (
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label="Ulica i numer" {...form.register('street')} error={errors.street?.message} />
            <TextInput label="Kod pocztowy" {...form.register('postalCode')} error={errors.postalCode?.message} />
            <TextInput label="Miejscowość" {...form.register('city')} error={errors.city?.message} />
            <Checkbox label="Wieś (gmina wiejska)" {...form.register('rural')} />
          </SimpleGrid>
        ) : null}
        {kind === 'member_joins' ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect label="Kim jest w rodzinie" data={RELATIONS.filter((r) => r !== 'applicant').map((value) => ({ value, label: RELATION_LABELS[value] }))} {...form.register('relation')} error={errors.relation?.message} />
            <Checkbox label="We wspólnym gospodarstwie domowym" mt="lg" {...form.register('inHousehold')} />
          </SimpleGrid>
        ) : null}
        {personFields ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label="Imię" {...form.register('firstName')} error={errors.firstName?.message} />
            <TextInput label="Nazwisko" {...form.register('lastName')} error={errors.lastName?.message} />
            <TextInput label="PESEL" inputMode="numeric" {...form.register('pesel')} error={errors.pesel?.message} />
            <DateField control={form.control} name="birthDate" label="Data urodzenia" maxDate={todayIso()} error={errors.birthDate?.message} />
            <NativeSelect
              label="Płeć"
              data={[
                { value: '', label: 'Wybierz' },
                { value: 'F', label: 'Kobieta' },
                { value: 'M', label: 'Mężczyzna' },
              ]}
              {...form.register('sex')}
              error={errors.sex?.message}
            />
            <TextInput label="Telefon" type="tel" {...form.register('phone')} error={errors.phone?.message} />
          </SimpleGrid>
        ) : null}
        {kind === 'child_placed' ? (
          <NativeSelect
            label="Gdzie dziecko zostało umieszczone"
            data={[{ value: '', label: 'Wybierz' }, ...PLACEMENTS.map((value) => ({ value, label: CHILD_WHEREABOUTS_LABELS[value] }))]}
            {...form.register('whereabouts')}
            error={errors.whereabouts?.message}
          />
        ) : null}
        {kind ? (
          <Textarea label="Uwagi (np. sygnatura postanowienia sądu, skąd wiadomo)" autosize minRows={2} {...form.register('note')} error={errors.note?.message} />
        ) : null}
        <Text size="sm" c="dimmed">
          Zmiana trafi do rejestru zmian sprawy z datą i autorem. Wydane już dokumenty pozostają bez zmian.
        </Text>
        <FormError message={errors.root?.server?.message} title="Nie zapisano zmiany" />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Anuluj
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Zapisz zmianę
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
