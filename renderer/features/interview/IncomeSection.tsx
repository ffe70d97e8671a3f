import { Button, Checkbox, Group, Paper, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { Controller, useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { RELATION_LABELS, type MemberView, type Relation } from '../../../shared/cases';
import type { IsoDate } from '../../../shared/domain/dates';
import {
  CriteriaNotFoundError,
  INCOME_SOURCES,
  INCOME_SOURCE_INFO,
  IncomeTestInputError,
  MAX_HECTARES,
  runIncomeTest,
  type IncomeItem,
  type IncomeSource,
  type IncomeTestResult,
} from '../../../shared/domain/income';
import { BELOW } from '../../lib/layout';
import { ConfirmButton } from '../../components/ConfirmButton';
import { NumberField } from '../../components/NumberField';
import { formatDecimal } from '../../../shared/numbers';
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
  // Hectares that are not a number yet (NaN: the field says why) count as none.
  const hectares = farmHectares !== null && Number.isFinite(farmHectares) ? farmHectares : null;
  if (items.length === 0 && !hectares) return { result: null, problem: null, skipped };
  try {
    return {
      result: runIncomeTest({ date, householdSize: Math.max(1, householdSize), items, farmHectares: hectares ?? undefined }),
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
                <NumberField
                  key={name}
                  control={control}
                  name={`income.${index}.${name}`}
                  label={label}
                  scale={2}
                  min={0}
                  unit="zł"
                  asUnits
                  maw="none"
                />
              ))}
            </SimpleGrid>
            {incomeRows[index]?.source === 'other' ? (
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
                <Controller
                  control={control}
                  name={`income.${index}.otherTreatment`}
                  render={({ field: f, fieldState }) => (
                    <Radio.Group label="Czy ten dochód wlicza się do dochodu rodziny?" withAsterisk value={f.value} onChange={f.onChange} error={fieldState.error?.message}>
                      <Group mt={4}>
                        <Radio value="counted" label="Wlicza się (art. 8 ust. 3 u.p.s.)" />
                        <Radio value="excluded" label="Nie wlicza się" />
                      </Group>
                    </Radio.Group>
                  )}
                />
                {incomeRows[index]?.otherTreatment === 'excluded' ? (
                  <TextInput
                    label="Podstawa prawna wyłączenia"
                    description="Przepis, który wyłącza ten dochód, np. „art. 8 ust. 4 pkt 2 u.p.s.” albo ustawa o danym świadczeniu."
                    withAsterisk
                    {...form.register(`income.${index}.otherBasis`)}
                    error={form.formState.errors.income?.[index]?.otherBasis?.message}
                  />
                ) : null}
              </SimpleGrid>
            ) : null}
            <Group justify="space-between">
              <Checkbox
                label="Dochód jednorazowy"
                description="Np. odprawa; powyżej pięciokrotności kryterium rozlicza się go na kolejne miesiące."
                {...form.register(`income.${index}.oneOff`)}
              />
              <ConfirmButton
                variant="subtle"
                onConfirm={() => rows.remove(index)}
                ariaLabel={`Usuń dochód ${index + 1}`}
                title={`Usunąć dochód ${index + 1}?`}
                message="Pozycja dochodu zostanie usunięta z wywiadu, a wynik kryterium dochodowego przeliczony od nowa."
                confirmLabel="Usuń dochód"
              >
                Usuń
              </ConfirmButton>
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

      <NumberField
        control={control}
        name="farmHectares"
        label="Gospodarstwo rolne (hektary przeliczeniowe)"
        description={
          familyHectares !== null
            ? `W danych rodziny: ${formatDecimal(familyHectares, 4)} ha. Dochód z 1 ha przeliczeniowego wlicza się od 1 ha.`
            : 'Dochód z 1 ha przeliczeniowego wlicza się od 1 ha.'
        }
        scale={4}
        min={0}
        max={MAX_HECTARES}
        unit="ha"
        maw={420}
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
