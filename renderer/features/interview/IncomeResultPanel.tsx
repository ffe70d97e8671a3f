import { Alert, Badge, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatPolishDate } from '../../../shared/domain/dates';
import { formatZl, incomeSourceLabel, type IncomeTestResult } from '../../../shared/domain/income';
import { formatPercent } from '../../../shared/polish';

function hectares(value: number): string {
  return `${String(value).replace('.', ',')} ha`;
}

/**
 * The income test as it stands now (art. 8 u.p.s.): computed on every keystroke by runIncomeTest,
 * the same pure function the main process runs when the interview is saved.
 */
export function IncomeResultPanel({
  result,
  problem,
  personName,
}: {
  result: IncomeTestResult | null;
  problem: string | null;
  personName: (personId: string) => string;
}) {
  if (problem) return <Alert color="red" title="Nie można policzyć dochodu">{problem}</Alert>;
  if (!result) {
    return (
      <Text c="dimmed" role="status">
        Wpisz dochody członków rodziny (lub hektary przeliczeniowe gospodarstwa), a wynik testu dochodowego pojawi się tutaj.
      </Text>
    );
  }
  const { criteria } = result;
  const foodThresholdGr = Math.round((result.criterionGr * result.foodAidThresholdPercent) / 100);
  return (
    <Paper withBorder radius="md" p="md" bg="gray.0" component="section" aria-label="Wynik testu dochodowego">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} fz={18}>
            Wynik testu dochodowego
          </Title>
          <Badge size="xl" variant="filled" color={result.meetsCriterion ? 'green.8' : 'orange.8'} role="status">
            {result.meetsCriterion ? 'Mieści się w kryterium dochodowym' : 'Przekracza kryterium dochodowe'}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <Figure label="Dochód na osobę">{formatZl(result.perPersonGr)}</Figure>
          <Figure label={result.singlePerson ? 'Kryterium (osoba samotnie gospodarująca)' : 'Kryterium (osoba w rodzinie)'}>
            {formatZl(result.criterionGr)}
          </Figure>
          <Figure label="Dochód jako % kryterium">{formatPercent(result.percentOfCriterion)}</Figure>
          <Figure label={`Próg FEPŻ na osobę (${result.foodAidThresholdPercent}% kryterium)`}>{formatZl(foodThresholdGr)}</Figure>
        </SimpleGrid>
        <Text>
          Dochód {result.singlePerson ? 'osoby' : 'rodziny'}: <strong>{formatZl(result.totalIncomeGr)}</strong>; osób w gospodarstwie domowym:{' '}
          <strong>{result.householdSize}</strong>; kryterium dochodowe {result.singlePerson ? 'osoby' : 'rodziny'}:{' '}
          <strong>{formatZl(result.criterionTotalGr)}</strong>.
        </Text>
        <Text>
          Pomoc żywnościowa (FEPŻ):{' '}
          {result.eligibleForFoodAidByIncome ? (
            <Text span fw={700} c="green.9">
              dochód nie przekracza {result.foodAidThresholdPercent}% kryterium
            </Text>
          ) : (
            <Text span fw={700} c="orange.9">
              dochód przekracza {result.foodAidThresholdPercent}% kryterium
            </Text>
          )}
          {result.eligibleForFoodAidByIncome ? ' — potrzebna jest też jedna z przesłanek z art. 7 u.p.s.' : '.'}
        </Text>

        {result.countedItems.length > 0 ? (
          <Table verticalSpacing={4} fz="sm" withTableBorder captionSide="top">
            <Table.Caption>Dochody wliczone (po odliczeniu podatku, składek i alimentów świadczonych)</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Osoba</Table.Th>
                <Table.Th>Źródło</Table.Th>
                <Table.Th ta="right">Netto</Table.Th>
                <Table.Th ta="right">Wliczono w miesiącu</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.countedItems.map((item) => (
                <Table.Tr key={item.index}>
                  <Table.Td>{personName(item.personId)}</Table.Td>
                  <Table.Td>{incomeSourceLabel(item.source)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatZl(item.netGr)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatZl(item.countedGr)}
                    {item.spreadOverMonths ? ` (1/${item.spreadOverMonths})` : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}

        {result.farmIncomeGr > 0 ? (
          <Text>
            Gospodarstwo rolne: {hectares(result.farmHectares)} × {formatZl(criteria.perHectareGr)} = <strong>{formatZl(result.farmIncomeGr)}</strong>
          </Text>
        ) : null}
        {result.farmNote ? <Text c="dimmed">{result.farmNote}</Text> : null}

        {result.excludedItems.length > 0 ? (
          <Table verticalSpacing={4} fz="sm" withTableBorder captionSide="top">
            <Table.Caption>Nie wliczono do dochodu</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Osoba</Table.Th>
                <Table.Th>Świadczenie</Table.Th>
                <Table.Th ta="right">Kwota</Table.Th>
                <Table.Th>Dlaczego</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.excludedItems.map((item) => (
                <Table.Tr key={item.index}>
                  <Table.Td>{personName(item.personId)}</Table.Td>
                  <Table.Td>{item.label}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatZl(item.grossGr)}
                  </Table.Td>
                  <Table.Td>{item.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}

        {result.oneOffNotes.length > 0 ? (
          <List size="sm">
            {result.oneOffNotes.map((note) => (
              <List.Item key={note}>{note}</List.Item>
            ))}
          </List>
        ) : null}

        <Text size="sm" c="dimmed">
          Kryteria obowiązujące od {formatPolishDate(criteria.validFrom)}: {formatZl(criteria.singlePersonGr)} dla osoby samotnie gospodarującej,{' '}
          {formatZl(criteria.perPersonInFamilyGr)} na osobę w rodzinie, {formatZl(criteria.perHectareGr)} z 1 ha przeliczeniowego ({criteria.legalSource}).
        </Text>
      </Stack>
    </Paper>
  );
}

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fz={22} fw={700} style={{ whiteSpace: 'nowrap' }}>
        {children}
      </Text>
    </Stack>
  );
}
