/**
 * Statistics for the kierownik (issue 8, docs/domain.md#reporting): the counts of the sprawozdanie
 * rzeczowo-finansowe z zakresu wspierania rodziny and the yearly report, for a half-year, a year
 * or any period; a table, a chart of the main figures, and the export to XLSX and CSV (Polish
 * headers) made by the main process and handed to the browser's download.
 */
import { Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { compare, daysBetween, isValidIsoDate } from '../../../shared/domain/dates';
import { STATS_CASE_MEASURE_LABELS, STATS_CASE_MEASURES, STATS_FORMATS, STATS_HEADERS, STATS_MAX_DAYS, statsRows, type StatsCaseMeasure, type StatsFormat, type StatsRow } from '../../../shared/stats';
import { call } from '../../api';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { parsePolishDate, polishDate, todayIso } from '../../lib/dates';
import { downloadBase64 } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { halfYear, lastFinishedHalf, wholeYear, type Period, type PeriodKind } from './period';
import { StatsCases } from './StatsCases';
import { StatsChart } from './StatsChart';
import { ReferralCounts } from '../referrals/ReferralCounts';

const MIME: Record<StatsFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function isPeriodKind(value: string): value is PeriodKind {
  return value === 'half' || value === 'year' || value === 'custom';
}

/** The period the picker describes, or a Polish reason why it is none. */
function periodOf(kind: PeriodKind, year: number, half: 1 | 2, fromText: string, toText: string): Period | string {
  if (kind === 'half') return halfYear(year, half);
  if (kind === 'year') return wholeYear(year);
  const from = parsePolishDate(fromText);
  const to = parsePolishDate(toText);
  if (!from || !to) return 'Wpisz obie daty okresu w postaci DD.MM.RRRR.';
  if (compare(from, to) > 0) return 'Koniec okresu jest wcześniejszy niż jego początek.';
  if (daysBetween(from, to) > STATS_MAX_DAYS) return 'Okres sprawozdania może obejmować najwyżej 10 lat.';
  return { from, to };
}

export function StatsPage() {
  const today = todayIso();
  const initial = lastFinishedHalf(today);
  const thisYear = Number(today.slice(0, 4));
  const [kind, setKind] = useState<PeriodKind>('half');
  const [year, setYear] = useState(initial.year);
  const [half, setHalf] = useState<1 | 2>(initial.half);
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const period = periodOf(kind, year, half, fromText, toText);
  /** The figure whose cases are listed under the table (a drill-down), or none. */
  const [drill, setDrill] = useState<StatsCaseMeasure | null>(null);
  const valid = typeof period === 'object' && isValidIsoDate(period.from) && isValidIsoDate(period.to);

  const stats = useQuery({
    queryKey: ['stats', valid ? period.from : null, valid ? period.to : null],
    queryFn: () => (valid ? call('stats:get', period) : Promise.reject(new Error('no period'))),
    enabled: valid,
  });

  const years = Array.from({ length: 11 }, (_, i) => String(thisYear - i));

  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader
        title="Statystyki i sprawozdania"
        description="Liczby do sprawozdania rzeczowo-finansowego z zakresu wspierania rodziny (półrocze) i do rocznego sprawozdania kierownika. Wszystkie liczby są liczone z danych programu w chwili otwarcia."
      />

      <Paper withBorder radius="md" p="md" component="section" aria-label="Okres">
        <Stack gap="sm">
          <SegmentedControl
            aria-label="Rodzaj okresu"
            value={kind}
            onChange={(value) => isPeriodKind(value) && setKind(value)}
            data={[
              { value: 'half', label: 'Półrocze' },
              { value: 'year', label: 'Rok' },
              { value: 'custom', label: 'Dowolny okres' },
            ]}
            maw={480}
          />
          <Group gap="md" align="flex-end" wrap="wrap">
            {kind !== 'custom' ? (
              <Select label="Rok" data={years} value={String(year)} onChange={(value) => value && setYear(Number(value))} allowDeselect={false} w={140} />
            ) : null}
            {kind === 'half' ? (
              <Select
                label="Półrocze"
                data={[
                  { value: '1', label: 'I półrocze (styczeń–czerwiec)' },
                  { value: '2', label: 'II półrocze (lipiec–grudzień)' },
                ]}
                value={String(half)}
                onChange={(value) => setHalf(value === '2' ? 2 : 1)}
                allowDeselect={false}
                w={300}
              />
            ) : null}
            {kind === 'custom' ? (
              <>
                <TextInput label="Od" placeholder="DD.MM.RRRR" value={fromText} onChange={(event) => setFromText(event.currentTarget.value)} w={160} />
                <TextInput label="Do" placeholder="DD.MM.RRRR" value={toText} onChange={(event) => setToText(event.currentTarget.value)} w={160} />
              </>
            ) : null}
          </Group>
          {typeof period === 'string' ? (
            kind === 'custom' && (fromText || toText) ? <Text c="red.8">{period}</Text> : <Text c="dimmed">{period}</Text>
          ) : (
            <Text>
              Okres: <b>{polishDate(period.from)}</b> – <b>{polishDate(period.to)}</b>
            </Text>
          )}
        </Stack>
      </Paper>

      {valid ? (
        <>
          <QueryState isPending={stats.isPending} error={stats.error} onRetry={() => void stats.refetch()} loadingLabel="Liczenie…" />
          {stats.data ? (
            <>
              <Exports period={period} />
              <Paper withBorder radius="md" p="md" component="section" aria-label="Wykres">
                <Stack gap="sm">
                  <Title order={2} fz={19}>
                    Najważniejsze liczby
                  </Title>
                  <StatsChart view={stats.data} />
                </Stack>
              </Paper>
              <Paper withBorder radius="md" p="md" component="section" aria-label="Tabela sprawozdania">
                <Stack gap="sm">
                  <Group justify="space-between">
                    <Title order={2} fz={19}>
                      Tabela sprawozdania
                    </Title>
                    <Text size="sm" c="dimmed">
                      Policzono: {formatDateTime(stats.data.generatedAt)}
                    </Text>
                  </Group>
                  <StatsTable rows={statsRows(stats.data)} onShowCases={setDrill} />
                </Stack>
              </Paper>
              {drill ? <StatsCases key={`${drill}:${period.from}:${period.to}`} period={period} measure={drill} onClose={() => setDrill(null)} /> : null}
            </>
          ) : null}
          <ReferralCounts from={period.from} to={period.to} />
        </>
      ) : null}
    </Stack>
  );
}

/** The report's row whose cases can be listed, by its label. */
function measureOf(row: StatsRow): StatsCaseMeasure | null {
  return STATS_CASE_MEASURES.find((measure) => STATS_CASE_MEASURE_LABELS[measure] === row.label) ?? null;
}

/** A figure; one whose cases can be listed is a button that lists them. */
function StatsValue({ row, onShowCases }: { row: StatsRow; onShowCases: (measure: StatsCaseMeasure) => void }) {
  const measure = measureOf(row);
  if (!measure || row.value === 0) return <>{row.value}</>;
  return (
    <Button variant="subtle" size="compact-sm" fw={600} onClick={() => onShowCases(measure)} aria-label={`${row.label}: pokaż sprawy (${row.value})`}>
      {row.value}
    </Button>
  );
}

function StatsTable({ rows, onShowCases }: { rows: StatsRow[]; onShowCases: (measure: StatsCaseMeasure) => void }) {
  const sections = [...new Set(rows.map((row) => row.section))];
  return (
    <Table striped withTableBorder verticalSpacing={6} aria-label="Liczby sprawozdania">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{STATS_HEADERS[1]}</Table.Th>
          <Table.Th w={110} ta="right">
            {STATS_HEADERS[2]}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sections.map((section) => (
          <Fragment key={section}>
            <Table.Tr>
              <Table.Th colSpan={2} bg="gray.1" scope="colgroup">
                {section}
              </Table.Th>
            </Table.Tr>
            {rows
              .filter((row) => row.section === section)
              .map((row) => (
                <Table.Tr key={`${section}:${row.label}`}>
                  <Table.Td pl={row.label.startsWith('w tym') || row.label.includes(': ') ? 'xl' : undefined}>{row.label}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    <StatsValue row={row} onShowCases={onShowCases} />
                  </Table.Td>
                </Table.Tr>
              ))}
          </Fragment>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Exports({ period }: { period: Period }) {
  const [busy, setBusy] = useState<StatsFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const download = async (format: StatsFormat) => {
    setBusy(format);
    setError(null);
    try {
      const file = await call('stats:export', { ...period, format });
      downloadBase64(file.fileName, file.bytes, MIME[format]);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Eksport">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Text>Zapisz sprawozdanie jako plik do wysłania lub dalszej pracy w arkuszu kalkulacyjnym. Każdy eksport jest zapisywany w dzienniku zdarzeń.</Text>
        <Group justify="flex-end" gap="sm">
          {STATS_FORMATS.map((format) => (
            <Button key={format} variant={format === 'xlsx' ? 'filled' : 'light'} loading={busy === format} onClick={() => void download(format)}>
              Pobierz {format.toUpperCase()}
            </Button>
          ))}
        </Group>
      </SimpleGrid>
      <FormError title="Nie zapisano pliku" message={error ?? undefined} />
    </Paper>
  );
}
