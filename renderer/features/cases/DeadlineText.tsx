import { Badge, Group, Stack, Text, type MantineColor } from '@mantine/core';
import type { IsoDate } from '../../../shared/domain/dates';
import { classifyDeadline, DEADLINE_URGENCY_LABELS, type Deadline, type DeadlineUrgency } from '../../../shared/domain/deadlines';
import { polishDate, todayIso } from '../../lib/dates';

export const URGENCY_COLORS: Record<DeadlineUrgency, MantineColor> = {
  overdue: 'red',
  this_week: 'orange',
  later: 'gray',
};

/** A due date coloured by classifyDeadline, with the urgency in words (colour is never the only sign). */
export function DueDate({ date, label }: { date: IsoDate; label?: string }) {
  const urgency = classifyDeadline(date, todayIso());
  return (
    <Group gap={6} wrap="nowrap">
      <Text fw={600} c={urgency === 'later' ? undefined : `${URGENCY_COLORS[urgency]}.9`} style={{ whiteSpace: 'nowrap' }}>
        {label ? `${label}: ` : ''}
        {polishDate(date)}
      </Text>
      {urgency === 'later' ? null : (
        <Badge color={URGENCY_COLORS[urgency]} variant={urgency === 'overdue' ? 'filled' : 'light'} size="sm">
          {DEADLINE_URGENCY_LABELS[urgency]}
        </Badge>
      )}
    </Group>
  );
}

/** The next deadline of a case in a list: what it is and when. */
export function DeadlineText({ deadline }: { deadline: Deadline | null }) {
  if (!deadline) return <Text c="dimmed">—</Text>;
  return (
    <Stack gap={0}>
      <DueDate date={deadline.dueDate} />
      <Text size="sm" c="dimmed">
        {deadlineKindText(deadline)}
      </Text>
    </Stack>
  );
}

/** The deadline's label without the case number (the row already shows it). */
function deadlineKindText(deadline: Deadline): string {
  return deadline.label.replace(/\s+—\s+sprawa\s+\S+$/, '');
}
