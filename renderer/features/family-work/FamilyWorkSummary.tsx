import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CaseFileView } from '../../../shared/cases';
import { polishDate } from '../../lib/dates';
import { DueDate } from '../cases/DeadlineText';
import { ClosureProposal } from './ClosureModals';
import { isWorkStatus, useFamilyWork } from './workQueries';

/**
 * "Praca z rodziną" at a glance in the case file, above the tabs: the plan in force, the next
 * okresowa ocena (always visible while the work lasts), the proposal of the end and the monitoring.
 */
export function FamilyWorkSummary({ file }: { file: CaseFileView }) {
  const visible = isWorkStatus(file.status);
  const work = useFamilyWork(file.id, visible);
  if (!visible || !work.data) return null;
  const data = work.data;
  const current = data.plans.find((plan) => plan.status === 'signed');
  const draft = data.plans.find((plan) => plan.status === 'draft');

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Praca z rodziną">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <Item label="Plan pracy z rodziną">
            {current ? (
              <Text fw={600}>
                Wersja {current.number}, podpisana {polishDate(current.signedOn)}
              </Text>
            ) : (
              <Text c="dimmed">Nie podpisano</Text>
            )}
            {draft ? <Text size="sm">Projekt wersji {draft.number} w przygotowaniu</Text> : null}
          </Item>
          {data.nextAssessmentDue ? (
            <Item label="Następna okresowa ocena">
              <DueDate date={data.nextAssessmentDue} />
            </Item>
          ) : null}
          <Item label="Wizyty i oceny">
            <Text fw={600}>
              wizyty: {data.visits.length} · oceny: {data.assessments.length}
            </Text>
            {data.visits[0] ? <Text size="sm">ostatnia wizyta {polishDate(data.visits[0].visitedOn)}</Text> : null}
          </Item>
          {file.status === 'MONITORING' ? (
            <Item label="Monitoring rodziny">
              {data.monitoringEndedOn ? (
                <Text fw={600}>zakończony {polishDate(data.monitoringEndedOn)}</Text>
              ) : data.monitoringUntil ? (
                <DueDate date={data.monitoringUntil} label="do" />
              ) : (
                <Text c="dimmed">—</Text>
              )}
            </Item>
          ) : null}
        </SimpleGrid>
        {file.status === 'CLOSING' ? <ClosureProposal work={data} /> : null}
      </Stack>
    </Paper>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={700} c="dimmed">
        {label}
      </Text>
      {children}
    </Stack>
  );
}
