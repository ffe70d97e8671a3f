import { Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useNavigation, type CaseTab } from '../layout/navigation';

/** A case-file tab split into sections (pills), each section a route of its own (tray and buttons open one). */
export function SectionTabs<S extends CaseTab>({
  caseId,
  label,
  section,
  sections,
}: {
  caseId: string;
  /** The sections' list name for screen readers: the tab's own label. */
  label: string;
  section: S;
  sections: readonly { value: S; label: string; panel: ReactNode }[];
}) {
  const { navigate } = useNavigation();
  return (
    <Tabs
      value={section}
      onChange={(value) => {
        const next = sections.find((item) => item.value === value);
        if (next) navigate({ view: 'case', caseId, tab: next.value });
      }}
      variant="pills"
      keepMounted={false}
    >
      <Tabs.List aria-label={label} mb="md">
        {sections.map((item) => (
          <Tabs.Tab key={item.value} value={item.value} fz="md">
            {item.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {sections.map((item) => (
        <Tabs.Panel key={item.value} value={item.value}>
          {item.panel}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
