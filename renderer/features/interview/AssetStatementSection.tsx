/**
 * The oświadczenie o stanie majątkowym taken with the wywiad (docs/domain.md): who makes it, the day
 * she signs, what the household owns under each heading. Printed through the document register to be
 * signed ("Drukuj oświadczenie"), dated with its signing day.
 */
import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import type { MemberView } from '../../../shared/cases';
import { DateField } from '../../components/DateField';
import { todayIso } from '../../lib/dates';
import { ASSET_FIELDS, type InterviewValues } from './interviewForm';

export function AssetStatementSection({
  form,
  members,
  onPrint,
  printing,
}: {
  form: UseFormReturn<InterviewValues>;
  members: readonly MemberView[];
  /** Saves the wywiad and prints the statement; absent: printing not offered. */
  onPrint?: (() => void) | undefined;
  printing: boolean;
}) {
  const taken = useWatch({ control: form.control, name: 'assets.taken' });
  const errors = form.formState.errors.assets;
  const adults = members.filter((member) => member.memberTo === null);
  return (
    <Stack gap="sm">
      <Checkbox label="Osoba złożyła oświadczenie o stanie majątkowym" {...form.register('assets.taken')} />
      {taken ? (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <NativeSelect
              label="Oświadczenie składa"
              data={[{ value: '', label: 'Wybierz osobę' }, ...adults.map((member) => ({ value: member.person.id, label: `${member.person.firstName} ${member.person.lastName}` }))]}
              {...form.register('assets.declarantId', { setValueAs: (value: string) => (value === '' ? null : value) })}
              error={errors?.declarantId?.message}
            />
            <DateField
              control={form.control}
              name="assets.signedOn"
              label="Data podpisania oświadczenia"
              description="Puste: oświadczenie do podpisu, datę wpisze osoba."
              maxDate={todayIso()}
              error={errors?.signedOn?.message}
            />
          </SimpleGrid>
          {ASSET_FIELDS.map(([key, label, hint]) => (
            <Textarea
              key={key}
              label={label}
              description={hint || undefined}
              placeholder="Puste: „nie posiadam”."
              autosize
              minRows={1}
              {...form.register(`assets.${key}`)}
              error={errors?.[key]?.message}
            />
          ))}
          {onPrint ? (
            <Group justify="flex-end">
              <Button variant="light" onClick={onPrint} loading={printing}>
                Drukuj oświadczenie
              </Button>
            </Group>
          ) : null}
        </>
      ) : (
        <Text c="dimmed" size="sm">
          Zaznacz, gdy osoba składa oświadczenie: wpiszesz jego treść i wydrukujesz je do podpisu.
        </Text>
      )}
    </Stack>
  );
}
