import { Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { Controller, useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { RELATION_LABELS, type MemberView, type Relation } from '../../../shared/cases';
import type { IsoDate } from '../../../shared/domain/dates';
import {
  CriteriaNotFoundError,
  INCOME_SOURCES,
  INCOME_SOURCE_INFO,
  IncomeTestInputError,
  runIncomeTest,
  type IncomeItem,
  type IncomeSource,
  type IncomeTestResult,
} from '../../../shared/domain/income';
import { BELOW } from '../../lib/layout';
import { grToInput, inputToGr } from '../../lib/money';
import { IncomeResultPanel } from './IncomeResultPanel';
import { AMOUNT_FIELDS, emptyIncomeRow, toIncomeItem, type InterviewValues } from './interviewForm';

const SOURCE_GROUPS = [
  {
    group: 'Wliczane do dochodu',
    items: INCOME_SOURCES.filter((s) => !INCOME_SOURCE_INFO[s].excluded).map((value) => ({ value, label: INCOME_SOURCE_INFO[value].label })),
  },
  {
    group: 'Niewliczane do dochodu (art. 8 ust. 4 u.p.s.)',
    items: INCOME_SOURCES.filter((s) => INCOME_SOURCE_INFO[s].excluded).map((value) => ({ value, label: INCOME_SOURCE_INFO[value].label })),
  },
];

const asSource = (value: string | null): IncomeSource | null => INCOME_SOURCES.find((source) => source === value) ?? null;

/** The live test: the same runIncomeTest the main process runs on saving. */
export function liveIncomeTest(
  rows: InterviewValues['income'],
  farmHectares: number | null,
  householdSize: number,
  date: IsoDate,
): { result: IncomeTestResult | null; problem: string | null; skipped: number } {
  const items = rows.map(toIncomeItem).filter((item): item is IncomeItem => item !== null);
  const skipped = rows.length - items.length;
  if (items.length === 0 && !farmHectares) return { result: null, problem: null, skipped };
  try {
    return {
      result: runIncomeTest({ date, householdSize: Math.max(1, householdSize), items, farmHectares: farmHectares ?? undefined }),
      problem: null,
      skipped,
    };
  } catch (error) {
    if (error instanceof CriteriaNotFoundError || error instanceof IncomeTestInputError) return { result: null, problem: error.message, skipped };
    throw error;
  }
}

export function IncomeSection({
  form,
  members,
  testDate,
  familyHectares,
}: {
  form: UseFormReturn<InterviewValues>;
  /** Persons of the family; those sharing the household make its size. */
  members: readonly MemberView[];
  testDate: IsoDate;
  familyHectares: number | null;
}) {
  const { control } = form;
  const rows = useFieldArray({ control, name: 'income' });
  const [incomeRows, farmHectares] = useWatch({ control, name: ['income', 'farmHectares'] });
  const household = members.filter((member) => member.inHousehold);
  const personOptions = members.map((member) => ({
    value: member.person.id,
    label: `${member.person.firstName} ${member.person.lastName} (${RELATION_LABELS[member.relation as Relation] ?? member.relation})${member.inHousehold ? '' : ' — poza gospodarstwem'}`,
  }));
  const names = new Map(members.map((member) => [member.person.id, `${member.person.firstName} ${member.person.lastName}`]));
  const live = liveIncomeTest(incomeRows, farmHectares, household.length, testDate);

  return (
    <Stack gap="md">
      <Text c="dimmed">
        Dochód z miesiąca poprzedzającego wywiad: kwota brutto, od której odlicza się podatek dochodowy, składki na ubezpieczenia i alimenty
        świadczone na rzecz innych osób (art. 8 ust. 3 u.p.s.). Kwoty wpisuj w złotych, np. 2450,50.
      </Text>
      {rows.fields.map((field, index) => (
        <Paper key={field.id} withBorder radius="md" p="md" component="fieldset" aria-label={`Dochód ${index + 1}`} style={{ margin: 0 }}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              <Controller
                control={control}
                name={`income.${index}.personId`}
                render={({ field: f, fieldState }) => (
                  <Select
                    label="Osoba"
                    placeholder="Wybierz członka rodziny"
                    data={personOptions}
                    value={f.value}
                    onChange={f.onChange}
                    onBlur={f.onBlur}
                    ref={f.ref}
                    error={fieldState.error?.message}
                    allowDeselect={false}
                  />
                )}
              />
              <Controller
                control={control}
                name={`income.${index}.source`}
                render={({ field: f, fieldState }) => (
                  <Select
                    label="Źródło dochodu"
                    placeholder="Wybierz"
                    data={SOURCE_GROUPS}
                    value={f.value}
                    onChange={(value) => f.onChange(asSource(value))}
                    onBlur={f.onBlur}
                    ref={f.ref}
                    error={fieldState.error?.message}
                    searchable
                    allowDeselect={false}
                    description={(() => {
                      const source = incomeRows[index]?.source;
                      return source && INCOME_SOURCE_INFO[source].excluded ? 'Nie wlicza się do dochodu — zostanie pokazane z uzasadnieniem.' : undefined;
                    })()}
                    inputWrapperOrder={BELOW}
                  />
                )}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
              {AMOUNT_FIELDS.map(([name, , , label]) => (
                <Controller
                  key={name}
                  control={control}
                  name={`income.${index}.${name}`}
                  render={({ field: f, fieldState }) => (
                    <TextInput
                      label={label}
                      inputMode="decimal"
                      autoComplete="off"
                      placeholder="0,00"
                      rightSection={<Text size="sm" c="dimmed" aria-hidden="true">zł</Text>}
                      name={f.name}
                      ref={f.ref}
                      value={f.value}
                      onChange={(event) => f.onChange(event.currentTarget.value)}
                      onBlur={() => {
                        // "2450,5" becomes "2450,50": what was understood is what the user sees.
                        const gr = inputToGr(f.value);
                        if (gr !== null && f.value.trim() !== '') f.onChange(grToInput(gr));
                        f.onBlur();
                      }}
                      error={fieldState.error?.message}
                    />
                  )}
                />
              ))}
            </SimpleGrid>
            <Group justify="space-between">
              <Checkbox
                label="Dochód jednorazowy"
                description="Np. odprawa; powyżej pięciokrotności kryterium rozlicza się go na kolejne miesiące."
                {...form.register(`income.${index}.oneOff`)}
              />
              <Button variant="subtle" color="red" onClick={() => rows.remove(index)} aria-label={`Usuń dochód ${index + 1}`}>
                Usuń
              </Button>
            </Group>
            {form.formState.errors.income?.[index]?.message ? <Text c="red.8">{form.formState.errors.income[index].message}</Text> : null}
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button variant="default" onClick={() => rows.append(emptyIncomeRow(household[0]?.person.id ?? null), { shouldFocus: false })}>
          Dodaj dochód
        </Button>
      </Group>

      <Controller
        control={control}
        name="farmHectares"
        render={({ field, fieldState }) => (
          <NumberInput
            label="Gospodarstwo rolne (hektary przeliczeniowe)"
            description={
              familyHectares !== null
                ? `W danych rodziny: ${String(familyHectares).replace('.', ',')} ha. Dochód z 1 ha przeliczeniowego wlicza się od 1 ha.`
                : 'Dochód z 1 ha przeliczeniowego wlicza się od 1 ha.'
            }
            inputWrapperOrder={BELOW}
            decimalSeparator=","
            decimalScale={4}
            allowNegative={false}
            min={0}
            maw={420}
            value={field.value ?? ''}
            onChange={(value) => field.onChange(typeof value === 'number' ? value : null)}
            onBlur={field.onBlur}
            name={field.name}
            ref={field.ref}
            error={fieldState.error?.message}
          />
        )}
      />

      {live.skipped > 0 ? (
        <Text c="orange.9" size="sm">
          Pominięto w wyliczeniu pozycje niepełne lub z błędną kwotą: {live.skipped}.
        </Text>
      ) : null}
      <IncomeResultPanel result={live.result} problem={live.problem} personName={(id) => names.get(id) ?? 'Osoba spoza rodziny'} />
    </Stack>
  );
}
