import { Badge, type MantineColor } from '@mantine/core';
import { CASE_STATUS_LABELS, type CaseStatus } from '../../../shared/domain/caseFlow';

/** One colour per stage of the process; the label always says it in words too. */
const STATUS_COLORS: Record<CaseStatus, MantineColor> = {
  REPORTED: 'blue',
  INTERVIEW: 'cyan',
  ANALYSIS: 'indigo',
  SOCIAL_WORK: 'teal',
  ASSISTANT_REQUESTED: 'orange',
  ASSISTANT_ASSIGNED: 'green',
  PLAN: 'lime',
  IN_PROGRESS: 'green',
  CLOSING: 'yellow',
  MONITORING: 'grape',
  REFERRED: 'violet',
  CLOSED: 'gray',
  ARCHIVED: 'dark',
};

/** `wrap`: in a narrow table cell the label goes onto two lines instead of being cut short. */
export function CaseStatusBadge({ status, size = 'md', wrap = false }: { status: CaseStatus; size?: 'sm' | 'md' | 'lg'; wrap?: boolean }) {
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant="light"
      size={size}
      styles={
        wrap
          ? { root: { height: 'auto', paddingBlock: 3, maxWidth: '100%' }, label: { whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.3 } }
          : { root: { maxWidth: 'none' }, label: { overflow: 'visible' } }
      }
    >
      {CASE_STATUS_LABELS[status]}
    </Badge>
  );
}
