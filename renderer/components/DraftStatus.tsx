import { Text } from '@mantine/core';
import dayjs from 'dayjs';

/** Where the form's draft stands: saved when, or why it could not be saved. */
export function DraftStatus({ savedAt, problem }: { savedAt: Date | null; problem: string | null }) {
  if (problem) {
    return (
      <Text c="red.8" size="sm">
        Nie udało się zapisać szkicu: {problem}
      </Text>
    );
  }
  return (
    <Text c="dimmed" size="sm" aria-live="polite">
      {savedAt ? `Szkic zapisany o ${dayjs(savedAt).format('HH:mm:ss')}.` : 'Wpisywane dane zapisują się na bieżąco jako szkic.'}
    </Text>
  );
}
