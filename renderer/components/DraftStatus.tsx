import { Text } from '@mantine/core';
import dayjs from 'dayjs';
import type { DraftState } from '../lib/autosave';

/** Where the form's draft stands: saved when, kept on this PC while the server is gone, or why it could not be saved. */
export function DraftStatus({ draft }: { draft: DraftState }) {
  switch (draft.status) {
    case 'failed':
      return (
        <Text c="red.8" size="sm">
          Nie udało się zapisać szkicu: {draft.message}
        </Text>
      );
    case 'local':
      return (
        <Text c="orange.9" size="sm" aria-live="polite">
          Brak połączenia z serwerem biura — szkic zachowany na tym komputerze o {dayjs(draft.at).format('HH:mm:ss')}. Zostanie zapisany na
          serwerze, gdy serwer znów odpowie.
        </Text>
      );
    case 'saved':
      return (
        <Text c="dimmed" size="sm" aria-live="polite">
          Szkic zapisany o {dayjs(draft.at).format('HH:mm:ss')}.
        </Text>
      );
    case 'none':
      return (
        <Text c="dimmed" size="sm" aria-live="polite">
          Wpisywane dane zapisują się na bieżąco jako szkic.
        </Text>
      );
  }
}
