import type { CaseFileView } from '../../../shared/cases';
import { SectionTabs } from '../case-file/SectionTabs';
import type { CaseTab } from '../layout/navigation';
import { AssessmentsTab } from './AssessmentsTab';
import { PlanTab } from './PlanTab';
import { VisitsTab } from './VisitsTab';

export const WORK_SECTIONS = ['plan', 'visits', 'assessments'] as const satisfies readonly CaseTab[];
export type WorkSection = (typeof WORK_SECTIONS)[number];

export function isWorkSection(tab: CaseTab | string | null | undefined): tab is WorkSection {
  return WORK_SECTIONS.some((section) => section === tab);
}

/** "Praca z rodziną" in the case file: the plan, the visit diary and the assessments, each a route of its own. */
export function FamilyWorkTab({ file, section }: { file: CaseFileView; section: WorkSection }) {
  return (
    <SectionTabs
      caseId={file.id}
      label="Praca z rodziną"
      section={section}
      sections={[
        { value: 'plan', label: 'Plan pracy', panel: <PlanTab file={file} /> },
        { value: 'visits', label: 'Wizyty', panel: <VisitsTab file={file} /> },
        { value: 'assessments', label: 'Okresowe oceny', panel: <AssessmentsTab file={file} /> },
      ]}
    />
  );
}
