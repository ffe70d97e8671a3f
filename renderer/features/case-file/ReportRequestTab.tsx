import type { CaseFileView } from '../../../shared/cases';
import { AnalysisSummary } from '../analysis/AnalysisPage';
import type { CaseTab } from '../layout/navigation';
import { ReportTab } from './ReportTab';
import { RequestsTab } from './RequestsTab';
import { SectionTabs } from './SectionTabs';

export const REPORT_SECTIONS = ['report', 'analysis', 'requests'] as const satisfies readonly CaseTab[];
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export function isReportSection(tab: CaseTab | string | null | undefined): tab is ReportSection {
  return REPORT_SECTIONS.some((section) => section === tab);
}

/** "Zgłoszenie i wniosek" in the case file: the report, the analysis and the requests for an assistant. */
export function ReportRequestTab({ file, section }: { file: CaseFileView; section: ReportSection }) {
  return (
    <SectionTabs
      caseId={file.id}
      label="Zgłoszenie i wniosek"
      section={section}
      sections={[
        { value: 'report', label: 'Zgłoszenie', panel: <ReportTab file={file} /> },
        { value: 'analysis', label: 'Analiza sytuacji rodziny', panel: <AnalysisSummary file={file} /> },
        { value: 'requests', label: 'Wnioski o asystenta', panel: <RequestsTab file={file} /> },
      ]}
    />
  );
}
