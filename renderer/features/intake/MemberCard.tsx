import { Button, Checkbox, Group, Paper, Radio, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useWatch, type UseFormReturn } from 'react-hook-form';
import {
  CHILD_WHEREABOUTS,
  CHILD_WHEREABOUTS_LABELS,
  DOCUMENT_TYPES,
  DOCUMENT_TYPE_LABELS,
  duplicateQuerySchema,
  RELATIONS,
  RELATION_LABELS,
  type DuplicateHint,
} from '../../../shared/cases';
import { SEX_LABELS, validatePesel } from '../../../shared/domain/pesel';
import { PHONE_PATTERN } from '../../../shared/schemas';
import { call } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DateField } from '../../components/DateField';
import { polishDate, todayIso } from '../../lib/dates';
import { BELOW } from '../../lib/layout';
import { DuplicateHints, hintLabel } from './DuplicateHints';
import type { IntakeFormValues } from './intakeForm';

const RELATION_OPTIONS = RELATIONS.map((value) => ({ value, label: RELATION_LABELS[value] }));
const WHEREABOUTS_OPTIONS = CHILD_WHEREABOUTS.map((value) => ({ value, label: CHILD_WHEREABOUTS_LABELS[value] }));
const DOCUMENT_OPTIONS = DOCUMENT_TYPES.map((value) => ({ value, label: DOCUMENT_TYPE_LABELS[value] }));

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: string | null): T | null =>
    value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
const asRelation = oneOf(RELATIONS);
const asWhereabouts = oneOf(CHILD_WHEREABOUTS);
const asDocumentType = oneOf(DOCUMENT_TYPES);

/** What the duplicate check asks: a PESEL once its field is left, names once all three are there. */
function duplicateQueryKey(person: IntakeFormValues['members'][number]['person'], peselLeft: string | null): string | null {
  const pesel = !person.noPesel && peselLeft === person.pesel && validatePesel(person.pesel).ok ? person.pesel : null;
  const byName = person.firstName.trim() && person.lastName.trim() && person.birthDate;
  if (!pesel && !byName) return null;
  return JSON.stringify({
    ...(pesel ? { pesel } : {}),
    ...(byName ? { firstName: person.firstName.trim(), lastName: person.lastName.trim(), birthDate: person.birthDate } : {}),
  });
}

export function MemberCard({
  index,
  form,
  canRemove,
  onRemove,
  checkDuplicates,
  usedPersonIds,
}: {
  index: number;
  form: UseFormReturn<IntakeFormValues>;
  canRemove: boolean;
  onRemove: () => void;
  checkDuplicates: boolean;
  /** Persons chosen in the other rows: not offered again. */
  usedPersonIds: readonly string[];
}) {
  const { control, register, setValue, clearErrors, formState } = form;
  const base = `members.${index}` as const;
  const member = useWatch({ control, name: base });
  const errors = formState.errors.members?.[index];
  const [peselLeft, setPeselLeft] = useState<string | null>(null);
  const number = index + 1;

  const queryKey = member.existingPersonId ? null : duplicateQueryKey(member.person, peselLeft);
  const [debouncedKey] = useDebouncedValue(queryKey, 500);
  const duplicates = useQuery({
    queryKey: ['persons', 'duplicates', debouncedKey],
    queryFn: () => call('cases:findDuplicates', duplicateQuerySchema.parse(JSON.parse(debouncedKey ?? '{}'))),
    enabled: checkDuplicates && debouncedKey !== null && debouncedKey === queryKey,
    staleTime: 5 * 60_000,
  });
  const hints = (duplicates.data ?? []).filter((hint) => !usedPersonIds.includes(hint.personId));

  const chooseExisting = (hint: DuplicateHint) => {
    setValue(`${base}.existingPersonId`, hint.personId, { shouldDirty: true });
    setValue(`${base}.existingLabel`, hintLabel(hint), { shouldDirty: true });
    clearErrors(`${base}.person`);
  };
  const enterNew = () => {
    setValue(`${base}.existingPersonId`, null, { shouldDirty: true });
    setValue(`${base}.existingLabel`, '', { shouldDirty: true });
  };

  const pesel = member.person.pesel;
  // Whatever is typed stays in the field; letters or a 12th digit are said, not stripped.
  const peselCheck = !member.person.noPesel && (pesel.length >= 11 || /\D/.test(pesel)) ? validatePesel(pesel, { today: todayIso() }) : null;
  const fromPesel = peselCheck?.ok === true;
  const peselDescription = fromPesel
    ? `Numer poprawny: ur. ${polishDate(peselCheck.birthDate)}, ${SEX_LABELS[peselCheck.sex]}.`
    : pesel.length > 0 && pesel.length < 11
      ? `Wpisano ${pesel.length} z 11 cyfr.`
      : 'Data urodzenia i płeć uzupełnią się z numeru.';
  const liveError = peselCheck && !peselCheck.ok ? (pesel.length > 11 && !/\D/.test(pesel) ? `PESEL ma 11 cyfr — wpisano ${pesel.length}.` : peselCheck.message) : undefined;
  const phone = member.person.phone;
  const phoneError = phone && !PHONE_PATTERN.test(phone) ? 'Telefon: wpisz same cyfry (można dodać +, spacje, nawiasy i myślniki).' : undefined;
  const title = member.relation ? RELATION_LABELS[member.relation] : 'Nowa osoba';

  return (
    <Paper withBorder radius="md" p="md" component="fieldset" aria-label={`Osoba ${number}`} style={{ margin: 0 }}>
      <Stack gap="md">
        <Group justify="space-between" align="center">
          <Title order={3} fz={18}>
            Osoba {number}: {title}
          </Title>
          {canRemove ? (
            <ConfirmButton
              variant="subtle"
              onConfirm={onRemove}
              ariaLabel={`Usuń osobę ${number}`}
              title={`Usunąć osobę ${number} ze zgłoszenia?`}
              message="Dane tej osoby wpisane w zgłoszeniu zostaną usunięte."
              confirmLabel="Usuń osobę"
            >
              Usuń osobę
            </ConfirmButton>
          ) : null}
        </Group>

        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          <Controller
            control={control}
            name={`${base}.relation`}
            render={({ field, fieldState }) => (
              <Select
                label="Kim jest w rodzinie"
                withAsterisk
                placeholder="Wybierz"
                data={RELATION_OPTIONS}
                value={field.value}
                onChange={(value) => {
                  const relation = asRelation(value);
                  field.onChange(relation);
                  if (relation === 'child' && !member.childWhereabouts) setValue(`${base}.childWhereabouts`, 'home');
                }}
                onBlur={field.onBlur}
                ref={field.ref}
                error={fieldState.error?.message}
                allowDeselect={false}
              />
            )}
          />
          {member.relation === 'child' ? (
            <Controller
              control={control}
              name={`${base}.childWhereabouts`}
              render={({ field }) => (
                <Select
                  label="Gdzie przebywa dziecko"
                  data={WHEREABOUTS_OPTIONS}
                  value={field.value}
                  onChange={(value) => field.onChange(asWhereabouts(value))}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  allowDeselect={false}
                />
              )}
            />
          ) : null}
          <Checkbox label="Prowadzi wspólne gospodarstwo domowe" mt={{ md: 34 }} {...register(`${base}.inHousehold`)} />
        </SimpleGrid>

        {member.existingPersonId ? (
          <Paper bg="petrol.0" p="sm" radius="md">
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Stack gap={0}>
                <Text size="sm" c="dimmed">
                  Osoba z bazy ośrodka
                </Text>
                <Text fw={600}>{member.existingLabel}</Text>
              </Stack>
              <Button variant="default" onClick={enterNew}>
                Wpisz dane innej osoby
              </Button>
            </Group>
          </Paper>
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
              <TextInput label="Imię" withAsterisk autoComplete="off" {...register(`${base}.person.firstName`)} error={errors?.person?.firstName?.message} />
              <TextInput label="Nazwisko" withAsterisk autoComplete="off" {...register(`${base}.person.lastName`)} error={errors?.person?.lastName?.message} />
              <TextInput label="Obywatelstwo" withAsterisk {...register(`${base}.person.citizenship`)} error={errors?.person?.citizenship?.message} />
            </SimpleGrid>
            <Checkbox
              label="Osoba bez numeru PESEL"
              description="Np. cudzoziemiec: wtedy podaj rodzaj i numer dokumentu tożsamości."
              {...register(`${base}.person.noPesel`)}
            />
            <SimpleGrid cols={{ base: 1, md: member.person.noPesel ? 4 : 3 }} spacing="sm">
              {member.person.noPesel ? (
                <>
                  <Controller
                    control={control}
                    name={`${base}.person.documentType`}
                    render={({ field }) => (
                      <Select
                        label="Rodzaj dokumentu"
                        withAsterisk
                        placeholder="Wybierz"
                        data={DOCUMENT_OPTIONS}
                        value={field.value}
                        onChange={(value) => field.onChange(asDocumentType(value))}
                        onBlur={field.onBlur}
                        ref={field.ref}
                        error={errors?.person?.documentType?.message}
                      />
                    )}
                  />
                  <TextInput
                    label="Numer dokumentu"
                    withAsterisk
                    autoComplete="off"
                    {...register(`${base}.person.documentNumber`)}
                    error={errors?.person?.documentNumber?.message}
                  />
                </>
              ) : (
                <Controller
                  control={control}
                  name={`${base}.person.pesel`}
                  render={({ field, fieldState }) => (
                    <TextInput
                      label="PESEL"
                      withAsterisk
                      inputWrapperOrder={BELOW}
                      description={peselDescription}
                      inputMode="numeric"
                      autoComplete="off"
                      name={field.name}
                      ref={field.ref}
                      value={field.value}
                      onChange={(event) => {
                        const next = event.currentTarget.value;
                        field.onChange(next);
                        const check = next.length === 11 ? validatePesel(next, { today: todayIso() }) : null;
                        if (check?.ok) {
                          const validate = { shouldValidate: formState.isSubmitted, shouldDirty: true };
                          setValue(`${base}.person.birthDate`, check.birthDate, validate);
                          setValue(`${base}.person.sex`, check.sex, validate);
                        }
                      }}
                      onBlur={() => {
                        field.onBlur();
                        setPeselLeft(field.value);
                      }}
                      error={liveError ?? fieldState.error?.message}
                      styles={fromPesel ? { description: { color: 'var(--mantine-color-green-9)' } } : undefined}
                    />
                  )}
                />
              )}
              <DateField
                control={control}
                name={`${base}.person.birthDate`}
                label="Data urodzenia"
                withAsterisk
                description={fromPesel ? 'Z numeru PESEL' : undefined}
                descriptionBelow
                maxDate={todayIso()}
                readOnly={fromPesel}
              />
              <Controller
                control={control}
                name={`${base}.person.sex`}
                render={({ field, fieldState }) => (
                  <Radio.Group
                    label="Płeć"
                    withAsterisk
                    description={fromPesel ? 'Z numeru PESEL' : undefined}
                    inputWrapperOrder={BELOW}
                    value={field.value ?? ''}
                    onChange={(value) => field.onChange(value === 'F' || value === 'M' ? value : null)}
                    error={fieldState.error?.message}
                    size="md"
                  >
                    <Group gap="lg" mt={8} mb={4}>
                      <Radio value="F" label="Kobieta" disabled={fromPesel && field.value !== 'F'} />
                      <Radio value="M" label="Mężczyzna" disabled={fromPesel && field.value !== 'M'} />
                    </Group>
                  </Radio.Group>
                )}
              />
            </SimpleGrid>
            <TextInput
              label="Telefon"
              type="tel"
              autoComplete="off"
              maw={320}
              {...register(`${base}.person.phone`)}
              error={phoneError ?? errors?.person?.phone?.message}
            />
            {checkDuplicates ? <DuplicateHints hints={hints} onUse={chooseExisting} /> : null}
          </>
        )}
      </Stack>
    </Paper>
  );
}
