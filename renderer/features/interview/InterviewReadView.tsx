import { Alert, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { RELATION_LABELS, type CaseFileView, type InterviewView, type Relation } from '../../../shared/cases';
import { formatZl, incomeSourceLabel } from '../../../shared/domain/income';
import { DOCUMENT_CHECKLIST, type InterviewForm } from '../../../shared/domain/interviewForm';
import { polishDate } from '../../lib/dates';
import { IncomeResultPanel } from './IncomeResultPanel';
import { liveIncomeTest } from './IncomeSection';
import { DOCUMENT_STATUS_LABELS, toFormValues } from './interviewForm';
import { PageSection } from '../../components/PageSection';

/**
 * A completed interview, or one this user may only read (the assistant, art. 16 u.w.r.): plain
 * text to read, not greyed-out inputs; the parts she may not see are not sent to her at all.
 */
export function InterviewReadView({ file, interview, definition }: { file: CaseFileView; interview: InterviewView; definition: InterviewForm }) {
  const names = new Map(file.family.members.map((member) => [member.person.id, `${member.person.firstName} ${member.person.lastName}`]));
  const personName = (id: string) => names.get(id) ?? 'Osoba spoza rodziny';
  const segments = definition.segments.filter((segment) => !interview.hiddenSegments.includes(segment.code));
  const filled = segments.filter((segment) => Object.values(interview.segments[segment.code] ?? {}).some((answer) => answer.trim()));
  const empty = segments.filter((segment) => !filled.includes(segment));
  const familyHectares = file.family.rural ? file.family.farmHectares : null;
  const values = toFormValues(interview, definition, familyHectares);
  const household = file.family.members.filter((member) => member.inHousehold).length;
  // The stored result is what the main process computed on the last save; without one, the same function here.
  const computed = liveIncomeTest(values.income, interview.income.farmHectares ?? null, household, interview.conductedOn ?? file.reportedOn);
  const result = interview.incomeResult ?? computed.result;

  return (
    <Stack gap="lg">
      {interview.status === 'draft' ? (
        <Alert color="yellow">Wywiad jest w toku: prowadzi go pracownik socjalny. Widzisz ostatnią zapisaną wersję.</Alert>
      ) : null}
      <PageSection title="Przeprowadzenie wywiadu">
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <Field label="Data wywiadu">{polishDate(interview.conductedOn)}</Field>
          <Field label="Miejsce wywiadu">{interview.place || '—'}</Field>
          <Field label="Pracownik socjalny">{interview.workerName}</Field>
        </SimpleGrid>
      </PageSection>

      <PageSection title="Części kwestionariusza">
        {filled.map((segment) => (
          <Stack key={segment.code} gap="xs">
            <Title order={3} fz={17}>
              {segment.code} — {segment.title}
            </Title>
            {segment.fields
              .filter((field) => (interview.segments[segment.code]?.[field.key] ?? '').trim())
              .map((field) => (
                <Field key={field.key} label={field.label}>
                  {interview.segments[segment.code]?.[field.key]}
                </Field>
              ))}
          </Stack>
        ))}
        {empty.length > 0 ? (
          <Text c="dimmed" size="sm">
            Nie wypełniono: {empty.map((segment) => `${segment.code} ${segment.title}`).join('; ')}.
          </Text>
        ) : null}
      </PageSection>

      <PageSection title="Dokumenty">
        {Object.keys(interview.documents).length === 0 ? <Text c="dimmed">Nie odnotowano dokumentów.</Text> : null}
        {file.family.members
          .filter((member) => interview.documents[member.person.id])
          .map((member) => (
            <Table key={member.id} verticalSpacing={4} withTableBorder captionSide="top">
              <Table.Caption ta="left" fw={600} c="dark">
                {member.person.firstName} {member.person.lastName} ({RELATION_LABELS[member.relation as Relation] ?? member.relation})
              </Table.Caption>
              <Table.Tbody>
                {DOCUMENT_CHECKLIST.filter((document) => interview.documents[member.person.id]?.[document.key]).map((document) => {
                  const status = interview.documents[member.person.id]?.[document.key];
                  return (
                    <Table.Tr key={document.key}>
                      <Table.Td>{document.label}</Table.Td>
                      <Table.Td w={160} fw={600} c={status === 'missing' ? 'red.8' : undefined}>
                        {status ? DOCUMENT_STATUS_LABELS[status] : '—'}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          ))}
      </PageSection>

      <PageSection title="Dochód rodziny (test dochodowy)">
        {interview.income.items.length > 0 ? (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing={4} withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Osoba</Table.Th>
                  <Table.Th>Źródło dochodu</Table.Th>
                  <Table.Th ta="right">Brutto</Table.Th>
                  <Table.Th ta="right">Podatek</Table.Th>
                  <Table.Th ta="right">Składki</Table.Th>
                  <Table.Th ta="right">Alimenty świadczone</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {interview.income.items.map((item, index) => (
                  <Table.Tr key={index}>
                    <Table.Td>{personName(item.personId)}</Table.Td>
                    <Table.Td>
                      {incomeSourceLabel(item.source)}
                      {item.oneOff ? ' (jednorazowy)' : ''}
                    </Table.Td>
                    {[item.grossGr, item.taxGr, item.contributionsGr, item.alimonyPaidGr].map((gr, i) => (
                      <Table.Td key={i} ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {formatZl(gr)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        <IncomeResultPanel result={result} problem={result ? null : computed.problem} personName={personName} />
      </PageSection>
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={700} c="dimmed">
        {label}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{children}</Text>
    </Stack>
  );
}
