import { Tabs } from '@mantine/core';
import type { CaseFileView } from '../../../shared/cases';
import { useNavigation, type CaseTab } from '../layout/navigation';
import { AssessmentsTab } from './AssessmentsTab';
import { PlanTab } from './PlanTab';
import { VisitsTab } from './VisitsTab';

export const WORK_SECTIONS = ['plan', 'visits', 'assessments'] as const satisfies readonly CaseTab[];
export type WorkSection = (typeof WORK_SECTIONS)[number];
const LABELS: Record<WorkSection, string> = { plan: 'Plan pracy', visits: 'Wizyty', assessments: 'Okresowe oceny' };

export function isWorkSection(tab: CaseTab | string | null | undefined): tab is WorkSection {
  return WORK_SECTIONS.some((section) => section === tab);
}

/** "Praca z rodziną" in the case file: the plan, the visit diary and the assessments, each a route of its own. */
export function FamilyWorkTab({ file, section }: { file: CaseFileView; section: WorkSection }) {
  const { navigate } = useNavigation();
  return (
    <Tabs
      value={section}
      onChange={(value) => navigate({ view: 'case', caseId: file.id, tab: isWorkSection(value) ? value : 'plan' })}
      variant="pills"
      keepMounted={false}
    >
      <Tabs.List aria-label="Praca z rodziną" mb="md">
        {WORK_SECTIONS.map((value) => (
          <Tabs.Tab key={value} value={value} fz="md">
            {LABELS[value]}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value="plan">
        <PlanTab file={file} />
      </Tabs.Panel>
      <Tabs.Panel value="visits">
        <VisitsTab file={file} />
      </Tabs.Panel>
      <Tabs.Panel value="assessments">
        <AssessmentsTab file={file} />
      </Tabs.Panel>
    </Tabs>
  );
}
