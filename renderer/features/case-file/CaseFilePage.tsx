import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CaseFileView } from '../../../shared/cases';
import { QueryState } from '../../components/QueryState';
import { polishDate } from '../../lib/dates';
import { useCaseFile } from '../cases/caseQueries';
import { CaseStatusBadge } from '../cases/CaseStatusBadge';
import { DueDate } from '../cases/DeadlineText';
import { useNavigation, type CaseTab } from '../layout/navigation';
import { CaseActions } from './CaseActions';
import { ChangeLogTab } from './ChangeLogTab';
import { ChronologyTab } from './ChronologyTab';
import { familyName } from './familyName';
import { FamilyTab } from './FamilyTab';
import { ASSISTANT_SCOPE_NOTE, InterviewsTab } from './InterviewsTab';
import { ContractTab } from '../family-work/ContractTab';
import { FamilyWorkSummary } from '../family-work/FamilyWorkSummary';
import { FamilyWorkTab, isWorkSection } from '../family-work/FamilyWorkTab';
import { visibleWorkTab } from '../family-work/workQueries';
import { isReportSection, ReportRequestTab } from './ReportRequestTab';
import { DocumentsTab } from '../documents/DocumentsTab';
import { CourtTab } from '../court/CourtTab';

// One row at 1280 px and up (family-work e2e measures it): short labels, no counts, and the report, the analysis and the requests are one tab with sections
// (ReportRequestTab), as the plan, the visits and the assessments are (FamilyWorkTab).
const TABS: { value: CaseTab; label: string }[] = [
  { value: 'family', label: 'Rodzina' },
  { value: 'report', label: 'Zgłoszenie i wniosek' },
  { value: 'interviews', label: 'Wywiady' },
  { value: 'contract', label: 'Kontrakt' },
  // The plan, the visits and the assessments: one tab with its own sections (FamilyWorkTab).
  { value: 'plan', label: 'Praca z rodziną' },
  { value: 'documents', label: 'Dokumenty' },
  { value: 'court', label: 'Sąd' },
  { value: 'chronology', label: 'Chronologia' },
  { value: 'changes', label: 'Zmiany' },
];

function isTab(value: string | null): value is CaseTab {
  return TABS.some((tab) => tab.value === value);
}

/** "Teczka sprawy": everything about one family's case that this user may see. */
export function CaseFilePage({ caseId, tab = 'family' }: { caseId: string; tab?: CaseTab | undefined }) {
  const { navigate } = useNavigation();
  const file = useCaseFile(caseId);

  return (
    <Stack gap="lg">
      <Group>
        <Button variant="subtle" onClick={() => navigate({ view: 'cases' })} leftSection={<span aria-hidden="true">←</span>}>
          Wszystkie sprawy
        </Button>
      </Group>
      <QueryState isPending={file.isPending} error={file.error} onRetry={() => void file.refetch()} loadingLabel="Wczytywanie teczki sprawy…" />
      {file.data ? (
        <>
          <CaseHeader file={file.data} />
          {file.data.access === 'assistant' ? <Alert color="blue">{ASSISTANT_SCOPE_NOTE}</Alert> : null}
          <CaseActions file={file.data} />
          <FamilyWorkSummary file={file.data} />
          <Tabs
            value={isWorkSection(tab) ? 'plan' : isReportSection(tab) ? 'report' : tab}
            onChange={(value) => navigate({ view: 'case', caseId, tab: isTab(value) ? value : 'family' })}
            keepMounted={false}
          >
            <Tabs.List aria-label="Części teczki sprawy">
              {TABS.filter((item) => visibleWorkTab(item.value, file.data)).map((item) => (
                <Tabs.Tab key={item.value} value={item.value} fz="md" px="xs">
                  {item.label}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="family" pt="md">
              <FamilyTab file={file.data} />
            </Tabs.Panel>
            <Tabs.Panel value="report" pt="md">
              <ReportRequestTab file={file.data} section={isReportSection(tab) ? tab : 'report'} />
            </Tabs.Panel>
            <Tabs.Panel value="interviews" pt="md">
              <InterviewsTab file={file.data} />
            </Tabs.Panel>
            <Tabs.Panel value="contract" pt="md">
              <ContractTab file={file.data} />
            </Tabs.Panel>
            <Tabs.Panel value="plan" pt="md">
              <FamilyWorkTab file={file.data} section={isWorkSection(tab) ? tab : 'plan'} />
            </Tabs.Panel>
            <Tabs.Panel value="documents" pt="md">
              <DocumentsTab file={file.data} />
            </Tabs.Panel>
            <Tabs.Panel value="court" pt="md">
              <CourtTab file={file.data} />
            </Tabs.Panel>
            <Tabs.Panel value="chronology" pt="md">
              <ChronologyTab file={file.data} />
            </Tabs.Panel>
            <Tabs.Panel value="changes" pt="md">
              <ChangeLogTab caseId={caseId} />
            </Tabs.Panel>
          </Tabs>
        </>
      ) : null}
    </Stack>
  );
}

function CaseHeader({ file }: { file: CaseFileView }) {
  const interviewPending = file.status === 'REPORTED' || file.status === 'INTERVIEW';
  const otherDeadlines = file.deadlines.filter((deadline) => deadline.kind !== 'interview');
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label="Dane sprawy">
      <Stack gap="md">
        <Group gap="sm" align="center" wrap="wrap">
          <Title order={1} fz={26}>
            {familyName(file)}
          </Title>
          <CaseStatusBadge status={file.status} size="lg" />
          {file.urgent ? (
            <Badge color="red" variant="filled" size="lg">
              Pilna
            </Badge>
          ) : null}
        </Group>
        <Text c="dimmed">
          Sprawa {file.number} · {file.family.street}, {file.family.postalCode} {file.family.city} · zgłoszenie z {polishDate(file.reportedOn)}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <Info label="Pracownik socjalny">{file.worker.name}</Info>
          <Info label="Asystent rodziny">
            {file.assistant ? `${file.assistant.name} (od ${polishDate(file.assistant.since)})` : <Text c="dimmed">nie przydzielono</Text>}
          </Info>
          {/* Once the wywiad is done its term is history (the chronology keeps it), not a term to watch. */}
          {interviewPending ? (
            <Info label="Termin wywiadu środowiskowego">
              <DueDate date={file.interviewDue} />
            </Info>
          ) : null}
          <Info label="Kolejne terminy">
            {otherDeadlines.length === 0 ? (
              <Text c="dimmed">—</Text>
            ) : (
              <Stack gap={2}>
                {otherDeadlines.slice(0, 3).map((deadline) => (
                  <Stack key={`${deadline.kind}-${deadline.dueDate}-${deadline.label}`} gap={0}>
                    <DueDate date={deadline.dueDate} />
                    <Text size="sm" c="dimmed">
                      {deadline.label.replace(/\s+—\s+sprawa\s+\S+$/, '')}
                    </Text>
                  </Stack>
                ))}
              </Stack>
            )}
          </Info>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

function Info({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={700} c="dimmed">
        {label}
      </Text>
      {typeof children === 'string' ? <Text fw={600}>{children}</Text> : children}
    </Stack>
  );
}
